/**
 * Every verified webhook delivery is kept as it was received, in R2 under
 * `webhook-deliveries/<platform>/<delivery id>.json`, before anything reads it: until
 * the ingest pipeline turns deliveries into inbound items, this is where they wait (nothing is lost
 * while it is built), and afterwards it lets a delivery be processed again. The delivery id is the
 * SHA-256 of the body, so a platform's redelivery, however late, lands on the same key: written once
 * (the key has no date for that reason; R2 keeps each object's upload time for retention).
 * They hold what people wrote about an organisation: the data lifecycle (erasure, retention) must
 * cover this prefix.
 */
import type { Config } from "../../env.ts";
import type { IngestMessage } from "../../queues/ingest/message.ts";

export const DELIVERY_ARCHIVE_PREFIX = "webhook-deliveries/";

export const deliveryArchiveKey = (message: Pick<IngestMessage, "platform" | "delivery_id">) =>
  `${DELIVERY_ARCHIVE_PREFIX}${message.platform}/${message.delivery_id}.json`;

/** Writes the delivery unless an earlier copy of it is there already. One R2 write, no database. */
export async function archiveDelivery(
  config: Config,
  message: IngestMessage,
): Promise<"archived" | "already_archived"> {
  const key = deliveryArchiveKey(message);
  const written = await config.MEDIA.put(key, JSON.stringify(message), {
    httpMetadata: { contentType: "application/json" },
    // Only if no object is there yet: a redelivery must not replace the first copy's received_at.
    onlyIf: { etagDoesNotMatch: "*" },
  });
  return written ? "archived" : "already_archived";
}
