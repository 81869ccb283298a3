/** The wire shapes of webhook endpoints and their deliveries. */
import { z } from "@hono/zod-openapi";
import { WEBHOOK_DELIVERY_STATUSES } from "../../../db/schema/webhook-deliveries.ts";
import type { WebhookEndpoint } from "../../../db/schema/webhook-endpoints.ts";
import type { DeliveryWithEvent } from "../../../services/webhooks/deliveries.ts";
import type { WebhookEventType } from "../../../services/webhooks/event-types.ts";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "../../../services/webhooks/event-types.ts";
import { webhookBody } from "../../../services/webhooks/payload.ts";
import { MAX_URL_LENGTH } from "../../../services/webhooks/target-url.ts";
import { SetOf } from "../common.ts";

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).openapi("WebhookEventType", {
  description: WEBHOOK_EVENT_TYPES.map((type) => `\`${type}\`: ${WEBHOOK_EVENT_DESCRIPTIONS[type]}`).join(
    "; ",
  ),
});

const UrlSchema = z.url().max(MAX_URL_LENGTH).openapi({
  description:
    "Where deliveries are POSTed: https with a public host name (no IP address, no localhost, private, link-local or metadata name, no user name or password), else 400 `webhook_url_not_allowed`. Redirects are not followed.",
  example: "https://hooks.example.com/guddu",
});

const EventsSchema = SetOf(WebhookEventTypeSchema, WEBHOOK_EVENT_TYPES.length, 1).openapi({
  description: "The event types delivered to this endpoint, each at most once",
  example: ["post.published", "post.failed"],
});

const DescriptionSchema = z.string().max(500).nullable().openapi({ example: "Our CRM" });

export const CreateWebhookEndpointBody = z
  .strictObject({
    url: UrlSchema,
    events: EventsSchema,
    description: DescriptionSchema.optional(),
    enabled: z.boolean().optional().openapi({ description: "Default true" }),
  })
  .openapi("CreateWebhookEndpointRequest", {
    example: { url: "https://hooks.example.com/guddu", events: ["post.published", "post.failed"] },
  });

export const UpdateWebhookEndpointBody = z
  .strictObject({
    url: UrlSchema.optional(),
    events: EventsSchema.optional(),
    description: DescriptionSchema.optional(),
    enabled: z
      .boolean()
      .optional()
      .openapi({ description: "true enables a disabled endpoint again; its waiting deliveries then go out" }),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .openapi("UpdateWebhookEndpointRequest", { minProperties: 1, example: { enabled: true } });

export const WebhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventTypeSchema),
    enabled: z.boolean(),
    disabled_reason: z
      .string()
      .nullable()
      .openapi({ description: "Why Guddu disabled it (after the last retry of a delivery failed)" }),
    disabled_at: z.iso.datetime().nullable(),
    previous_secret_expires_at: z.iso.datetime().nullable().openapi({
      description: "After a rotation: until then deliveries carry a signature by the previous secret too",
    }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("WebhookEndpoint");

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description: "The signing secret (`whsec_…`): shown only in this answer; keep it to verify deliveries",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  }),
}).openapi("WebhookEndpointWithSecret");

export function toWebhookEndpoint(row: WebhookEndpoint, now: Date): z.infer<typeof WebhookEndpointSchema> {
  const graceUntil = row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.eventTypes as WebhookEventType[],
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    disabled_at: row.disabledAt?.toISOString() ?? null,
    previous_secret_expires_at: graceUntil ? (row.previousSecretExpiresAt?.toISOString() ?? null) : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const WebhookDeliveryStatusSchema = z.enum(WEBHOOK_DELIVERY_STATUSES);

export const WebhookDeliverySchema = z
  .object({
    id: z.uuid(),
    webhook_endpoint_id: z.uuid(),
    event_id: z
      .uuid()
      .openapi({ description: "The `webhook-id` header of every attempt (and replay) of it" }),
    event_type: z.string().openapi({ example: "post.published" }),
    status: WebhookDeliveryStatusSchema.openapi({
      description:
        "`pending` (waiting for its turn), `queued` (sent to the queue, or waiting for its next retry), `sending`, `succeeded`, `failed` (gave up)",
    }),
    attempts: z.number().int(),
    request_body: z.string().openapi({ description: "The JSON body every attempt sent (and signed)" }),
    response_status: z.number().int().nullable().openapi({ description: "The last attempt's HTTP status" }),
    response_body: z
      .string()
      .nullable()
      .openapi({ description: "The first 1,000 characters of the last attempt's answer" }),
    error: z.string().nullable().openapi({
      description: "Why the last attempt failed when no status says it (timeout, redirect, address)",
    }),
    duration_ms: z.number().int().nullable().openapi({ description: "How long the last attempt took" }),
    next_attempt_at: z.iso
      .datetime()
      .nullable()
      .openapi({ description: "When it is tried next; null once finished" }),
    last_attempt_at: z.iso.datetime().nullable(),
    delivered_at: z.iso.datetime().nullable(),
    replay_of: z.uuid().nullable().openapi({ description: "The delivery this one replays" }),
    created_at: z.iso.datetime(),
  })
  .openapi("WebhookDelivery");

export function toWebhookDelivery({
  delivery,
  event,
}: DeliveryWithEvent): z.infer<typeof WebhookDeliverySchema> {
  const finished = delivery.status === "succeeded" || delivery.status === "failed";
  return {
    id: delivery.id,
    webhook_endpoint_id: delivery.endpointId,
    event_id: event.id,
    event_type: event.type,
    status: delivery.status,
    attempts: delivery.attempts,
    request_body: webhookBody(event),
    response_status: delivery.responseStatus,
    response_body: delivery.responseBody,
    error: delivery.error,
    duration_ms: delivery.durationMs,
    next_attempt_at: finished ? null : delivery.nextAttemptAt.toISOString(),
    last_attempt_at: delivery.lastAttemptAt?.toISOString() ?? null,
    delivered_at: delivery.deliveredAt?.toISOString() ?? null,
    replay_of: delivery.replayOf,
    created_at: delivery.createdAt.toISOString(),
  };
}
