/**
 * Getting deliveries onto the `guddu-webhooks` queue. The every-minute cron claims the due ones across
 * every organisation (`claim_due_webhook_deliveries`, migrations/0025: only the first unfinished
 * delivery of each endpoint and resource, FOR UPDATE SKIP LOCKED) and sends one message each; a test
 * event, a replay and the delivery next in line after one that finished are sent at once. A message
 * the queue refuses puts its delivery back to pending, due now, for the next run.
 *
 * Leases: a delivery `queued` whose message never arrived, or `sending` whose worker vanished, is
 * claimed again `LEASE_SECONDS` after it was due or taken, well above how long a message waits in the
 * queue or an attempt may take.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../platform/logger.ts";
import { sendMessages } from "../../queues/send.ts";
import type { WebhookMessage } from "../../queues/webhooks/message.ts";

export const LEASE_SECONDS = 600;
/** How long events and their delivery log are kept (the nightly cron forgets older ones). */
export const WEBHOOK_HISTORY_DAYS = 30;
/** Deliveries claimed per statement, and statements per run: 6,000 a minute. */
const CLAIM_LIMIT = 500;
const MAX_ROUNDS = 12;

export interface WebhookDispatchResult {
  claimed: number;
  sent: number;
  released: number;
}

/**
 * Sends one message per delivery (already `queued`); the deliveries whose messages the queue refused
 * go back to pending. One round trip only when a send failed.
 */
export async function sendDeliveryMessages(
  db: Database,
  queue: Queue<WebhookMessage>,
  messages: readonly WebhookMessage[],
  logger?: Logger,
): Promise<WebhookDispatchResult> {
  const outcome = await sendMessages(queue, messages);
  let released = 0;
  if (outcome.unsent.length > 0) {
    const ids = outcome.unsent.map((m) => m.delivery_id);
    const result = await db.execute<{ released: number }>(
      sql`select release_webhook_deliveries(${sql.param(ids)}::uuid[]) as released`,
    );
    released = result.rows[0]?.released ?? 0;
    logger?.error("webhook messages could not be sent; the deliveries go back to pending", {
      unsent: ids.length,
      error: outcome.error,
    });
  }
  return { claimed: messages.length, sent: outcome.sent, released };
}

/** Claims and sends until nothing is due (or `MAX_ROUNDS` claims). One round trip per claim. */
export async function dispatchDueWebhooks(
  db: Database,
  queue: Queue<WebhookMessage>,
  logger?: Logger,
): Promise<WebhookDispatchResult> {
  const total: WebhookDispatchResult = { claimed: 0, sent: 0, released: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claimed = await db.execute<{ id: string; organization_id: string }>(
      sql`select id, organization_id from claim_due_webhook_deliveries(${CLAIM_LIMIT}, ${LEASE_SECONDS})`,
    );
    const messages = claimed.rows.map((row) => ({
      delivery_id: row.id,
      organization_id: row.organization_id,
    }));
    if (messages.length === 0) break;
    const outcome = await sendDeliveryMessages(db, queue, messages, logger);
    total.claimed += outcome.claimed;
    total.sent += outcome.sent;
    total.released += outcome.released;
    if (outcome.released > 0 || messages.length < CLAIM_LIMIT) break;
  }
  return total;
}
