/**
 * What one attempt against the platform works with, and asking the platform whether the post is
 * there already (the adapter's `findPublished`): how an uncertain earlier attempt, or a refusal as
 * duplicate, is reconciled without sending the post twice.
 */
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishProgress,
  type PublishRequest,
  type SocialAdapter,
} from "../../platform/social/types.ts";
import type { TenantContext } from "../context.ts";
import type { PostState } from "./claim-post.ts";

export interface PlatformAttempt {
  ctx: TenantContext;
  state: PostState;
  adapter: SocialAdapter;
  account: ConnectedAccount;
  request: PublishRequest;
  progress: PublishProgress;
  attemptNumber: number;
  /** Only ask the platform, never publish (the dead-letter consumer's last word): the reason it gives up. */
  reconcileOnly: string | null;
}

/** An error an adapter did not classify counts as uncertain: it may have come after the request went out. */
export function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError("uncertain", `Unexpected failure while publishing: ${message}`, {
    code: "unexpected",
  });
}

/** Asks the platform for the post; a read that fails is transient whatever the adapter called it. */
export async function findOnPlatform(attempt: PlatformAttempt): Promise<PublishedRef | null> {
  try {
    return await attempt.adapter.findPublished(attempt.account, attempt.request, attempt.progress);
  } catch (error) {
    const failure = asPlatformError(error);
    if (failure.kind !== "uncertain" && failure.kind !== "duplicate") throw failure;
    throw new PlatformError("transient", failure.message, {
      status: failure.status,
      code: failure.code,
      response: failure.response,
    });
  }
}
