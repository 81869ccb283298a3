/**
 * One attempt at a claimed post against its platform. If any earlier attempt is `uncertain` (the
 * request may have reached the platform), the platform is asked first (`findOnPlatform`): found → the
 * post is published and nothing is sent again (a thread's first post found → `publish` resumes the
 * thread, sending only its missing replies). Otherwise the adapter publishes; a failure is classified
 * (classify-outcome.ts) and the outcome recorded (record-outcome.ts).
 */
import type { Content } from "../../db/schema/content.ts";
import type { PublishedPost } from "../../db/schema/published-posts.ts";
import type { Logger } from "../../platform/logger.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import { PlatformError } from "../../platform/social/types.ts";
import { extractHashtags, extractMentions, extractUrls } from "../../platform/text-entities.ts";
import { type ContentType, composePostText, postsOf } from "../content/post-text.ts";
import type { TenantContext } from "../context.ts";
import { connectedAccountOf } from "../social-accounts/tokens.ts";
import type { PostState } from "./claim-post.ts";
import { classifyPublishOutcome, type PublishOutcome } from "./classify-outcome.ts";
import { asPlatformError, findOnPlatform, type PlatformAttempt } from "./find-on-platform.ts";
import { publishMediaOf } from "./media.ts";
import { publishProgressOf } from "./publish-progress.ts";
import { recordOutcome } from "./record-outcome.ts";

/** What the platform receives: the text as checked by the platform rules, its tags, mentions and link. */
export function publishRequestOf(post: Pick<PublishedPost, "id" | "platform">, row: Content) {
  // A thread is several parts where the platform chains replies (the first part leads), one post elsewhere.
  const [text = "", ...replies] = postsOf(
    row.contentType as ContentType,
    composePostText(row.caption, row.hashtags),
    post.platform,
  );
  return {
    postId: post.id,
    text,
    hashtags: extractHashtags(text),
    mentions: extractMentions(text),
    link: extractUrls(text).find((url) => /^https?:\/\//i.test(url)) ?? null,
    ...(replies.length > 0 ? { replies } : {}),
  };
}

/** Reconciles an uncertain earlier attempt first, then publishes; a failure is classified. */
async function attemptOnPlatform(attempt: PlatformAttempt): Promise<PublishOutcome> {
  const { state } = attempt;
  const earlierUncertain = state.attempts.some(
    (a) => a.attemptNumber < attempt.attemptNumber && a.outcome === "uncertain",
  );
  try {
    if (earlierUncertain || attempt.reconcileOnly) {
      const found = await findOnPlatform(attempt);
      // `findPublished` answers for a thread's first post only: its replies may still be missing, so a
      // thread goes on to `publish`, which resumes from the saved progress (finding what went out) and
      // sends only the missing replies. The dead-letter path sends nothing: a found first post settles it.
      const repliesMayBeMissing = (attempt.request.replies?.length ?? 0) > 0 && !attempt.reconcileOnly;
      if (found && !repliesMayBeMissing) return { kind: "published", ref: found, reconciled: true };
      if (attempt.reconcileOnly) {
        return {
          kind: "failed",
          error: new PlatformError("permanent", attempt.reconcileOnly, { code: "gave_up" }),
          reason: attempt.reconcileOnly,
        };
      }
    }
    const ref = await attempt.adapter.publish(attempt.account, attempt.request, attempt.progress);
    return { kind: "published", ref, reconciled: false };
  } catch (error) {
    return classifyPublishOutcome(attempt, asPlatformError(error));
  }
}

/**
 * Runs one attempt on a post this worker claimed and records it. `reconcileOnly` (the dead-letter
 * consumer's reason for giving up) only asks the platform.
 */
export async function attemptClaimedPost(
  ctx: TenantContext,
  state: PostState,
  logger: Logger,
  reconcileOnly: string | null,
): Promise<PublishOutcome> {
  const { post } = state;
  const attemptNumber = post.attemptCount;
  const claimedAt = post.claimedAt as Date;
  const request = publishRequestOf(post, state.content);
  const media = await Promise.all(state.media.map((asset) => publishMediaOf(ctx.config, asset)));
  const sent = { ...request, media_ids: media.map((m) => m.id) };
  let outcome: PublishOutcome;
  if (!state.account) {
    const error = new PlatformError("permanent", "The social account was disconnected.", {
      code: "account_removed",
    });
    outcome = {
      kind: "failed",
      error,
      reason: "The social account was disconnected; connect it again and retry the post.",
    };
  } else {
    outcome = await attemptOnPlatform({
      ctx,
      state,
      adapter: adapterFor(post.platform, ctx.config, { timeoutMs: ctx.config.PLATFORM_TIMEOUT_MS }),
      account: await connectedAccountOf(ctx.config.TOKEN_ENCRYPTION_KEYS, state.account),
      request: { ...request, media },
      progress: publishProgressOf(ctx, post, claimedAt),
      attemptNumber,
      reconcileOnly,
    });
  }
  const stillClaimed = await recordOutcome(ctx, post, claimedAt, outcome, sent);
  logger.info("publish attempt", {
    published_post_id: post.id,
    platform: post.platform,
    attempt: attemptNumber,
    outcome: outcome.kind,
    ...(outcome.kind === "published"
      ? { reconciled: outcome.reconciled }
      : { error: outcome.error.message, kind: outcome.error.kind }),
    ...(stillClaimed ? {} : { lost_lease: true }),
  });
  return outcome;
}
