/**
 * Webhook deliveries the ingest queue could not store, even from its dead-letter queue, are kept in
 * R2 under `webhook-deliveries/failed/<platform>/<delivery id>.json` with the error: the platforms
 * will not send them again, and an operator can read and replay them from there. Deliveries that were
 * stored are not kept raw anywhere (a deletion on the platform must leave no copy of the text behind).
 * These hold what people wrote about an organisation: the data lifecycle (erasure, retention) must
 * cover this prefix.
 */
import type { Config } from "../../env.ts";
import type { DeliveryMessage } from "../../queues/ingest/message.ts";

export const FAILED_DELIVERY_PREFIX = "webhook-deliveries/failed/";

export const failedDeliveryKey = (message: Pick<DeliveryMessage, "platform" | "delivery_id">) =>
  `${FAILED_DELIVERY_PREFIX}${message.platform}/${message.delivery_id}.json`;

/** One R2 write, no database (the database may be why it failed). The latest failure replaces an earlier one. */
export async function keepFailedDelivery(
  config: Config,
  message: DeliveryMessage,
  error: string,
  attempts: number,
): Promise<void> {
  await config.MEDIA.put(
    failedDeliveryKey(message),
    JSON.stringify({ message, error, attempts, failed_at: new Date().toISOString() }),
    { httpMetadata: { contentType: "application/json" } },
  );
}
