/**
 * What the `guddu-publish` consumer does with a message: claim the post (claim-post.ts), attempt it
 * (attempt-post.ts), and answer what to do with the message.
 *
 * Round trips per message: one to claim the post (with everything needed to publish it), one for each
 * progress save the adapter makes (publish-progress.ts), one to record the outcome (with the content's
 * status and any notification); the token refresh's own when one happens. A message for a post that
 * is settled, claimed by another worker, held by a pause or its embargo, or waiting for its account
 * costs one.
 */

import { inTenant } from "../../db/tenant.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../context.ts";
import { attemptClaimedPost } from "./attempt-post.ts";
import { claimPost, type PostState } from "./claim-post.ts";
import { contentStartsPublishing } from "./posts.ts";
import { failWaitingPost, settleStatements } from "./record-outcome.ts";
import { longWaitSeconds } from "./retry-policy.ts";

/** What to do with the queue message. */
export type Delivery =
  | { action: "ack"; reason: string }
  | { action: "retry"; delaySeconds: number; reason: string };

/** A post that can never go out (its account was removed): failed, with that reason. One round trip. */
async function failForRemovedAccount(ctx: TenantContext, state: PostState, reason: string): Promise<void> {
  const now = ctx.now();
  await inTenant(ctx, (db) => ({
    failed: failWaitingPost(ctx, db, state.post.id, reason, ["queued", "pending"]),
    // Its content may not have started publishing (no post of it was claimed yet): it has now.
    publishing: contentStartsPublishing(ctx, db, state.post.contentId, state.post.id, now),
    settled: settleStatements(ctx, db, state.post, reason, state.post.attemptCount),
  }));
}

/** Why a post that was not claimed was left alone (or failed), and what to do with the message. */
async function unclaimedDelivery(
  ctx: TenantContext,
  state: PostState | null,
  parked: boolean,
): Promise<Delivery> {
  if (!state) return { action: "ack", reason: "no such post" };
  const { post, account, content: row } = state;
  if (parked) {
    const lifts = state.embargoLiftsAt;
    const reason =
      lifts && lifts > ctx.now()
        ? `under embargo until ${lifts.toISOString()}: back to pending until then`
        : state.paused
          ? "publishing paused: back to pending"
          : "account unusable: back to pending";
    return { action: "ack", reason };
  }
  if (post.publishStatus === "queued" && (!account || account.deletedAt)) {
    await failForRemovedAccount(
      ctx,
      state,
      "The social account was disconnected; connect it again and retry the post.",
    );
    return { action: "ack", reason: "account removed: failed" };
  }
  if (
    post.publishStatus === "queued" &&
    !row.deletedAt &&
    ["scheduled", "publishing"].includes(row.workflowStatus)
  ) {
    const dueIn = (post.nextAttemptAt?.getTime() ?? 0) - ctx.now().getTime();
    if (dueIn > 0) {
      const longWait = longWaitSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS);
      return {
        action: "retry",
        delaySeconds: Math.min(longWait, Math.ceil(dueIn / 1000)),
        reason: "not due yet",
      };
    }
  }
  return { action: "ack", reason: `post is ${post.publishStatus}` };
}

/** The `guddu-publish` consumer's work for one message. */
export async function publishPost(ctx: TenantContext, postId: string, logger: Logger): Promise<Delivery> {
  const { claimed, parked, state } = await claimPost(ctx, postId);
  if (!claimed || !state) return unclaimedDelivery(ctx, state, parked);
  const outcome = await attemptClaimedPost(ctx, state, logger, null);
  if (
    outcome.kind === "retry" &&
    outcome.delaySeconds <= longWaitSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS)
  ) {
    return { action: "retry", delaySeconds: outcome.delaySeconds, reason: outcome.error.message };
  }
  return { action: "ack", reason: outcome.kind };
}
