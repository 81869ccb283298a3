/**
 * The safety net under media processing: an asset whose processing message never arrived (the send
 * failed after the upload committed, or the message was lost) is sent again by the per-minute cron
 * once it has waited `GRACE` (migration 0016's `take_stuck_media`). Processing is idempotent, so a
 * message that was merely slow does no harm.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../platform/logger.ts";
import type { MediaMessage } from "../../queues/media/message.ts";

/** Longer than any healthy processing run (queue delivery plus retries' first delays). */
const GRACE = "15 minutes";
/** At most one queue batch per run; the rest are taken the next minute. */
const BATCH_SIZE = 100;

export async function requeueStuckMedia(
  db: Database,
  queue: Queue<MediaMessage>,
  logger: Logger,
): Promise<{ requeued: number }> {
  const { rows } = await db.execute<{ id: string; organization_id: string }>(
    sql`select id, organization_id from take_stuck_media(${GRACE}::interval, ${BATCH_SIZE})`,
  );
  if (rows.length === 0) return { requeued: 0 };
  await queue.sendBatch(
    rows.map((row) => ({ body: { media_id: row.id, organization_id: row.organization_id } })),
  );
  logger.warn("media stuck in processing sent again", { requeued: rows.length });
  return { requeued: rows.length };
}
