/**
 * What a failed publish means for the post, by the adapter's failure kind (platform/social/types.ts):
 * - `permanent` → failed at once with the platform's message;
 * - `duplicate` → the platform has it already: reconciled with `findOnPlatform` (not found → failed);
 * - `rate_limited` → retried after the platform's wait; a wait longer than the longest backoff (15 min
 *   by default) puts the post back to pending, due then, for the cron, instead of a message held so long;
 * - `transient` → retried after `PUBLISH_RETRY_BASE_SECONDS` × 2^(attempt−1) (+ jitter, at most 15 min);
 * - `uncertain` → recorded and retried after the same backoff; the next attempt reconciles first;
 * - `auth_expired` → the token is refreshed once (social-accounts/credentials.ts) and the post retried
 *   at once; refused again after that refresh → failed. An account that cannot be refreshed is marked
 *   for reconnecting and its posts wait (pending) until it is.
 */
import type { PlatformError, PublishedRef } from "../../platform/social/types.ts";
import { refreshAccount, SocialAccountUnavailableError } from "../social-accounts/credentials.ts";
import { asPlatformError, findOnPlatform, type PlatformAttempt } from "./find-on-platform.ts";
import { backoffSeconds, gaveUpAfter, MAX_ATTEMPTS } from "./retry-policy.ts";

/** How an attempt ended: `hold` puts the post back to pending until its account is reconnected. */
export type PublishOutcome =
  | { kind: "published"; ref: PublishedRef; reconciled: boolean }
  | { kind: "failed"; error: PlatformError; reason: string }
  | { kind: "retry"; error: PlatformError; outcome: "retryable_failure" | "uncertain"; delaySeconds: number }
  | { kind: "hold"; error: PlatformError; reason: string };

/** What the failure `error` means for this post (see the module comment). */
export async function classifyPublishOutcome(
  attempt: PlatformAttempt,
  error: PlatformError,
): Promise<PublishOutcome> {
  const { ctx, attemptNumber } = attempt;
  if (attempt.reconcileOnly) {
    const reason = `${attempt.reconcileOnly} The platform could not be asked whether the post exists (${error.message}); retrying the post checks again before sending anything.`;
    return { kind: "failed", error, reason };
  }
  const backoff = () => backoffSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS, attemptNumber);
  switch (error.kind) {
    case "permanent":
      return { kind: "failed", error, reason: error.message };
    case "duplicate": {
      let found: PublishedRef | null;
      try {
        found = await findOnPlatform(attempt);
      } catch (findError) {
        return retryOrGiveUp(attemptNumber, asPlatformError(findError), backoff(), "uncertain");
      }
      if (found) return { kind: "published", ref: found, reconciled: true };
      const reason = `The platform refused the post as a duplicate and no post of ours was found on the account: ${error.message}`;
      return { kind: "failed", error, reason };
    }
    case "rate_limited":
      return retryOrGiveUp(attemptNumber, error, Math.max(1, error.retryAfterSeconds ?? backoff()));
    case "transient":
      return retryOrGiveUp(attemptNumber, error, backoff());
    case "uncertain":
      return retryOrGiveUp(attemptNumber, error, backoff(), "uncertain");
    case "auth_expired":
      return classifyExpiredToken(attempt, error);
  }
}

/** A retry after `delaySeconds`, unless this was the last attempt the post gets. */
function retryOrGiveUp(
  attemptNumber: number,
  error: PlatformError,
  delaySeconds: number,
  outcome: "retryable_failure" | "uncertain" = "retryable_failure",
): PublishOutcome {
  if (attemptNumber < MAX_ATTEMPTS) return { kind: "retry", error, outcome, delaySeconds };
  return { kind: "failed", error, reason: gaveUpAfter(attemptNumber, error.message) };
}

/** An expired token: refreshed once and retried at once; refused again right after a refresh → failed. */
async function classifyExpiredToken(attempt: PlatformAttempt, error: PlatformError): Promise<PublishOutcome> {
  const { ctx, state, attemptNumber } = attempt;
  const previous = state.attempts.find((a) => a.attemptNumber === attemptNumber - 1);
  if (previous?.errorCode === "auth_expired") {
    const reason = `The platform refused the account's token again after it was refreshed; reconnect the account and retry. (${error.message})`;
    return { kind: "failed", error, reason };
  }
  if (!state.account) return { kind: "failed", error, reason: error.message };
  try {
    await refreshAccount(ctx, state.account, `publishing post ${state.post.id}: ${error.message}`);
  } catch (refreshError) {
    if (refreshError instanceof SocialAccountUnavailableError) {
      return { kind: "hold", error, reason: refreshError.message };
    }
    // The refresh itself failed for now (rate limit, outage): try the post again later.
    const failure = asPlatformError(refreshError);
    return retryOrGiveUp(
      attemptNumber,
      failure,
      backoffSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS, attemptNumber),
    );
  }
  // Refreshed: the next attempt reads the new token; this one is recorded as the expired-token failure.
  return { kind: "retry", error, outcome: "retryable_failure", delaySeconds: 0 };
}
