/**
 * What the `guddu-publish-dlq` consumer does when the queue retried a post's message as often as it
 * will: a post still waiting for its retry is failed, with the last error; if an earlier attempt was
 * uncertain, the platform is asked first (found → published) so a post that did go out is never
 * called failed.
 */
import { eq } from "drizzle-orm";
import { publishAttempts } from "../../db/schema/publish-attempts.ts";
import { publishedPosts } from "../../db/schema/published-posts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../context.ts";
import { attemptClaimedPost } from "./attempt-post.ts";
import { claimPost } from "./claim-post.ts";
import { ownPost } from "./posts.ts";
import { failWaitingPost, settleStatements } from "./record-outcome.ts";
import { gaveUpAfter } from "./retry-policy.ts";

/** The dead-letter consumer's work for one message (see the module comment). */
export async function giveUpOnPost(ctx: TenantContext, postId: string, logger: Logger): Promise<void> {
  const { rows, uncertain } = await inTenant(ctx, (db) => ({
    rows: db.select().from(publishedPosts).where(ownPost(ctx, postId)),
    uncertain: db
      .select({ outcome: publishAttempts.outcome })
      .from(publishAttempts)
      .where(
        ownedBy(
          ctx,
          publishAttempts.organizationId,
          eq(publishAttempts.publishedPostId, postId),
          eq(publishAttempts.outcome, "uncertain"),
        ),
      )
      .limit(1),
  }));
  const post = rows[0];
  if (post?.publishStatus !== "queued") {
    logger.info("dead letter: nothing to give up", {
      published_post_id: postId,
      status: post?.publishStatus,
    });
    return;
  }
  const reason = gaveUpAfter(post.attemptCount, post.lastError ?? "unknown");
  if (uncertain.length > 0) {
    const { claimed, state } = await claimPost(ctx, postId, true);
    if (claimed && state) {
      await attemptClaimedPost(ctx, state, logger, reason);
      return;
    }
  }
  await inTenant(ctx, (db) => ({
    failed: failWaitingPost(ctx, db, postId, reason, ["queued"]),
    settled: settleStatements(ctx, db, post, reason, post.attemptCount),
  }));
  logger.warn("publishing gave up", { published_post_id: postId, attempts: post.attemptCount });
}
