/**
 * The body of every delivery of an event, as the Standard Webhooks specification shapes it:
 * `{"type", "timestamp", "data"}`. Built from the stored event the same way each time, so every
 * attempt and replay sends (and signs) the same bytes, and the delivery log shows them.
 */
import type { WebhookEvent } from "../../db/schema/webhook-events.ts";

export function webhookBody(event: Pick<WebhookEvent, "type" | "occurredAt" | "data">): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.data });
}
