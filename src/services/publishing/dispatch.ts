/**
 * The every-minute cron: claims the posts that are due, across every organisation, and sends one
 * `guddu-publish` message per post. Claiming is `claim_due_posts` (migrations/0013), one statement
 * with FOR UPDATE SKIP LOCKED, so two runs at once never claim the same post.
 *
 * Leases (what happens when something vanishes between the steps):
 * - a post claimed (`queued`) whose message never arrived — the send failed after the claim, or the
 *   message was lost — is claimed again `QUEUED_LEASE_SECONDS` after it was due. When the send fails
 *   while the cron still runs, the posts go straight back to pending (due now) instead;
 * - a post a consumer took (`publishing`) and never finished — the Worker was evicted mid-publish —
 *   is claimed again `PUBLISHING_LEASE_SECONDS` after it was taken; the consumer then treats that
 *   unfinished attempt as uncertain and asks the platform before publishing anything.
 * Both leases are well above how long a message waits in the queue or a publish may take (a few
 * platform calls of at most PLATFORM_TIMEOUT_MS each), so a live message or worker is never raced.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../platform/logger.ts";
import type { PublishMessage } from "../../queues/publish/message.ts";
import { sendMessages } from "../../queues/send.ts";

export const QUEUED_LEASE_SECONDS = 600;
export const PUBLISHING_LEASE_SECONDS = 600;
/**
 * Posts claimed per statement, and statements per run: 12,000 posts a minute before the next run
 * (`npm run soak` has one run claim 10,000 due in the same minute). A run of 12 claims and 120
 * `sendBatch` calls stays far inside a cron invocation's subrequest and time limits.
 */
const CLAIM_LIMIT = 1_000;
const MAX_ROUNDS = 12;

export interface DispatchResult {
  claimed: number;
  sent: number;
  released: number;
}

/** One claim statement: the due posts, now `queued`. One round trip. */
export async function claimDuePosts(db: Database, limit = CLAIM_LIMIT): Promise<PublishMessage[]> {
  const result = await db.execute<{ id: string; organization_id: string }>(
    sql`select id, organization_id from claim_due_posts(${limit}, ${QUEUED_LEASE_SECONDS}, ${PUBLISHING_LEASE_SECONDS})`,
  );
  return result.rows.map((row) => ({ published_post_id: row.id, organization_id: row.organization_id }));
}

/**
 * Claims and sends until nothing is due (or `MAX_ROUNDS` claims). Posts whose messages the queue
 * refused go back to pending, due now, for the next run. Round trips: one per claim, plus one when a
 * send failed.
 */
export async function dispatchDuePosts(
  db: Database,
  queue: Queue<PublishMessage>,
  logger: Logger,
): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, sent: 0, released: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const messages = await claimDuePosts(db);
    total.claimed += messages.length;
    if (messages.length === 0) break;
    const outcome = await sendMessages(queue, messages);
    total.sent += outcome.sent;
    if (outcome.unsent.length > 0) {
      const ids = outcome.unsent.map((m) => m.published_post_id);
      const released = await db.execute<{ released: number }>(
        sql`select release_claimed_posts(${sql.param(ids)}::uuid[]) as released`,
      );
      total.released += released.rows[0]?.released ?? 0;
      logger.error("publish messages could not be sent; the posts go back to pending", {
        unsent: ids.length,
        error: outcome.error,
      });
      break;
    }
    if (messages.length < CLAIM_LIMIT) break;
  }
  return total;
}
