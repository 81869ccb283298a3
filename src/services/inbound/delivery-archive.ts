/**
 * Webhook deliveries the ingest queue could not store, even from its dead-letter queue, are kept in
 * R2 under `webhook-deliveries/failed/<platform>/<delivery id>.json` with the error: the platforms
 * will not send them again. The cron sends each through the queue again after 15 minutes, then 30,
 * 60 … (`MAX_AUTOMATIC_REPLAYS` times, about two and a half days in all), so an outage of the
 * database loses nothing; an admin can replay one at once (failures.ts). A replay takes the copy out
 * of R2; failing again puts it back. Deliveries that were stored are not kept raw anywhere (a
 * deletion on the platform must leave no copy of the text behind). These hold what people wrote
 * about an organisation: the data lifecycle (erasure, retention) must cover this prefix.
 */
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { type DeliveryMessage, DeliveryMessageSchema } from "../../queues/ingest/message.ts";

export const FAILED_DELIVERY_PREFIX = "webhook-deliveries/failed/";
export const MAX_AUTOMATIC_REPLAYS = 8;
const FIRST_REPLAY_MINUTES = 15;
/** Kept deliveries looked at per cron run (R2 lists 1,000 keys a call). */
const MAX_LISTED = 2000;
const MAX_REPLAYED_PER_RUN = 200;

export const failedDeliveryKey = (message: Pick<DeliveryMessage, "platform" | "delivery_id">) =>
  `${FAILED_DELIVERY_PREFIX}${message.platform}/${message.delivery_id}.json`;

/** When a kept delivery that has been replayed `replays` times and failed at `failedAt` is tried again. */
export function nextReplayAt(failedAt: Date, replays: number): Date | null {
  if (replays >= MAX_AUTOMATIC_REPLAYS) return null;
  return new Date(failedAt.getTime() + FIRST_REPLAY_MINUTES * 60_000 * 2 ** replays);
}

/** One R2 write, no database (the database may be why it failed). The latest failure replaces an earlier one. */
export async function keepFailedDelivery(
  config: Config,
  message: DeliveryMessage,
  error: string,
  attempts: number,
  failedAt = new Date(),
): Promise<void> {
  await config.MEDIA.put(
    failedDeliveryKey(message),
    JSON.stringify({ message, error, attempts, failed_at: failedAt.toISOString() }),
    {
      httpMetadata: { contentType: "application/json" },
      customMetadata: { replays: String(message.replays ?? 0), failed_at: failedAt.toISOString() },
    },
  );
}

/**
 * Sends one kept delivery through the ingest queue again and takes it out of R2; answers how many
 * times it has now been replayed, or null when it is not kept. The copy goes only after the send:
 * a crash in between replays it twice, which the store absorbs (each item once).
 */
export async function replayKeptDelivery(
  config: Config,
  delivery: Pick<DeliveryMessage, "platform" | "delivery_id">,
): Promise<number | null> {
  const key = failedDeliveryKey(delivery);
  const kept = await config.MEDIA.get(key);
  if (!kept) return null;
  const parsed = DeliveryMessageSchema.safeParse(((await kept.json()) as { message?: unknown }).message);
  if (!parsed.success) return null;
  const replays = (parsed.data.replays ?? 0) + 1;
  await config.INGEST_QUEUE.send({ ...parsed.data, replays }, { contentType: "json" });
  await config.MEDIA.delete(key);
  return replays;
}

/** The cron's turn: every kept delivery whose time has come goes through the queue again. */
export async function replayDueDeliveries(config: Config, now: Date, logger: Logger): Promise<number> {
  const due: Array<Pick<DeliveryMessage, "platform" | "delivery_id">> = [];
  let cursor: string | undefined;
  let listed = 0;
  do {
    const page = await config.MEDIA.list({
      prefix: FAILED_DELIVERY_PREFIX,
      include: ["customMetadata"],
      ...(cursor ? { cursor } : {}),
    });
    listed += page.objects.length;
    for (const object of page.objects) {
      const meta = object.customMetadata ?? {};
      const at = nextReplayAt(new Date(meta.failed_at ?? object.uploaded), Number(meta.replays ?? 0));
      const [platform, file] = object.key.slice(FAILED_DELIVERY_PREFIX.length).split("/");
      const parsed = DeliveryMessageSchema.shape.platform.safeParse(platform);
      if (at && at <= now && parsed.success && file?.endsWith(".json")) {
        due.push({ platform: parsed.data, delivery_id: file.slice(0, -".json".length) });
      }
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor && listed < MAX_LISTED && due.length < MAX_REPLAYED_PER_RUN);
  let replayed = 0;
  for (const delivery of due.slice(0, MAX_REPLAYED_PER_RUN)) {
    if ((await replayKeptDelivery(config, delivery)) !== null) replayed += 1;
  }
  if (replayed > 0) logger.info("kept webhook deliveries replayed", { replayed });
  return replayed;
}
