/**
 * Recording how an attempt ended. Every attempt is a `publish_attempts` row: outcome, the platform's
 * status, code, message and answer. The post changes only while this worker still holds it: published
 * with the platform's id and URL, failed, back to pending, or queued for its retry; when it settles,
 * the content's status follows its posts (posts.ts) in the same batch.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import { type PublishAttemptOutcome, publishAttempts } from "../../db/schema/publish-attempts.ts";
import { type PublishedPost, type PublishStatus, publishedPosts } from "../../db/schema/published-posts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { officialWallEntry, pushOfficialPost } from "../wall/official.ts";
import { postSettledEvent } from "../webhooks/events.ts";
import type { PublishOutcome } from "./classify-outcome.ts";
import {
  auditContentStatus,
  followPosts,
  notifyPostFailed,
  ownPost,
  postWrittenNow,
  stillHeld,
} from "./posts.ts";
import { longWaitSeconds } from "./retry-policy.ts";

/** The attempt's row, as it ended. */
function attemptRowOf(outcome: PublishOutcome): {
  outcome: PublishAttemptOutcome;
  httpStatus: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  platformResponse: Record<string, unknown> | null;
} {
  if (outcome.kind === "published") {
    return {
      outcome: "succeeded",
      httpStatus: null,
      errorCode: null,
      errorMessage: null,
      platformResponse: {
        ...(outcome.ref.response ?? {}),
        ...(outcome.reconciled ? { reconciled: true } : {}),
      },
    };
  }
  const { error } = outcome;
  return {
    outcome:
      outcome.kind === "failed"
        ? "permanent_failure"
        : outcome.kind === "retry"
          ? outcome.outcome
          : "retryable_failure",
    httpStatus: error.status,
    errorCode: error.kind,
    errorMessage: outcome.kind === "failed" || outcome.kind === "hold" ? outcome.reason : error.message,
    platformResponse: error.code || error.response ? { code: error.code, response: error.response } : null,
  };
}

/** The post's row as the outcome leaves it. */
function postRowAfter(ctx: TenantContext, outcome: PublishOutcome, sent: Record<string, unknown>) {
  const now = ctx.now();
  const longWait = longWaitSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS);
  const publishedContent = sql`${JSON.stringify(sent)}::jsonb || jsonb_build_object('progress', ${publishedPosts.publishedContent} -> 'progress')`;
  switch (outcome.kind) {
    case "published":
      return {
        publishStatus: "published" as const,
        platformPostId: outcome.ref.platformPostId,
        platformUrl: outcome.ref.url,
        publishedAt: now,
        // Measuring starts on the schedule of migrations/0023 (first 15 minutes after publishing).
        metricsDueAt: sql`metrics_due_after(${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`,
        metricsRound: 0,
        lastError: null,
        nextAttemptAt: null,
        claimedAt: null,
        publishedContent,
        updatedAt: now,
      };
    case "failed":
      return {
        publishStatus: "failed" as const,
        lastError: outcome.reason,
        nextAttemptAt: null,
        claimedAt: null,
        publishedContent,
        updatedAt: now,
      };
    case "hold":
      return {
        publishStatus: "pending" as const,
        lastError: outcome.reason,
        nextAttemptAt: now,
        claimedAt: null,
        publishedContent,
        updatedAt: now,
      };
    case "retry": {
      const at = new Date(now.getTime() + outcome.delaySeconds * 1000);
      const long = outcome.delaySeconds > longWait;
      return {
        publishStatus: long ? ("pending" as const) : ("queued" as const),
        lastError: outcome.error.message,
        nextAttemptAt: at,
        claimedAt: long ? null : now,
        publishedContent,
        updatedAt: now,
      };
    }
  }
}

/**
 * One round trip: the attempt's row (the post's `attemptCount`), the post (only while this worker
 * still holds it, claimed at `claimedAt`), and, when the post settled, the content's status, its audit row and the author's
 * notification of a failure. True if this worker still held the post.
 */
export async function recordOutcome(
  ctx: TenantContext,
  post: PublishedPost,
  claimedAt: Date,
  outcome: PublishOutcome,
  sent: Record<string, unknown>,
): Promise<boolean> {
  const attemptNumber = post.attemptCount;
  const settles = outcome.kind === "published" || outcome.kind === "failed";
  const { updated, official } = await inTenant(ctx, (db) => ({
    attempt: db
      .update(publishAttempts)
      .set({ ...attemptRowOf(outcome), finishedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          publishAttempts.organizationId,
          eq(publishAttempts.publishedPostId, post.id),
          eq(publishAttempts.attemptNumber, attemptNumber),
        ),
      ),
    updated: db
      .update(publishedPosts)
      .set(postRowAfter(ctx, outcome, sent))
      .where(stillHeld(ctx, post.id, claimedAt))
      .returning({ id: publishedPosts.id }),
    settled: settles
      ? settleStatements(ctx, db, post, outcome.kind === "failed" ? outcome.reason : null, attemptNumber)
      : undefined,
    // Read after the post's update in the same transaction: what its event's wall shows of it.
    official: outcome.kind === "published" ? officialWallEntry(ctx, db, post.id) : undefined,
  }));
  if (updated.length > 0 && official) await pushOfficialPost(ctx.config, official.rows);
  return updated.length > 0;
}

/**
 * When a post settles (in the batch that settled it): the content follows, is audited, and a failure
 * is told to the author — only if this transaction really wrote the post.
 */
export function settleStatements(
  ctx: TenantContext,
  db: Database,
  post: Pick<PublishedPost, "id" | "contentId" | "platform">,
  failure: string | null,
  attempt: number,
) {
  return reading({
    // Two posts of one content settling at once would each see the other unsettled and leave the
    // content `publishing` for ever: the content row is locked first, so the second waits for the
    // first to commit and then sees both.
    lock: db.execute(
      sql`select 1 from content where id = ${post.contentId} and organization_id = ${ctx.organizationId} for update`,
    ),
    contentStatus: followPosts(ctx, db, post.contentId),
    audit: auditContentStatus(ctx, db, post.contentId, "publishing"),
    notified:
      failure === null
        ? undefined
        : notifyPostFailed(ctx, db, post, failure, attempt, postWrittenNow(post.id)),
    webhook: postSettledEvent(ctx, db, post.id),
  });
}

/** Fails a post that is still waiting (in `from`) with `reason`, out of every queue and claim: a statement for a batch. */
export function failWaitingPost(
  ctx: TenantContext,
  db: Database,
  postId: string,
  reason: string,
  from: readonly PublishStatus[],
) {
  return db
    .update(publishedPosts)
    .set({
      publishStatus: "failed",
      lastError: reason,
      claimedAt: null,
      nextAttemptAt: null,
      updatedAt: ctx.now(),
    })
    .where(and(ownPost(ctx, postId), inArray(publishedPosts.publishStatus, [...from])));
}
