/**
 * Publishing one post: what the `guddu-publish` consumer does with a message (`publishPost`) and what
 * the dead-letter consumer does when the queue gave up on one (`giveUpOnPost`).
 *
 * Only one worker holds a post at a time. A worker TAKES it with one guarded update (queued and due,
 * or publishing with an expired lease — see dispatch.ts), which also starts its attempt row
 * (`in_progress`); a second message for the same post (a redelivery, a duplicate send) finds it taken
 * or settled and does nothing. An attempt that never finished (its worker vanished) is marked
 * `uncertain` by whoever takes the post over.
 *
 * Before publishing, if any earlier attempt is `uncertain` (the request may have reached the platform),
 * the platform is asked first (`findPublished`): found → the post is published, nothing is sent again
 * (a thread's first post found → `publish` resumes the thread, sending only its missing replies).
 * Then the outcome, by the adapter's failure kind (platform/social/types.ts):
 * - published → `published` with the platform's id and URL;
 * - `permanent` → `failed` at once with the platform's message;
 * - `duplicate` → the platform has it already: reconciled with `findPublished` (not found → failed);
 * - `rate_limited` → retried after the platform's wait; a wait longer than the longest backoff (15 min
 *   by default) puts the post back to pending, due then, for the cron, instead of a message held so long;
 * - `transient` → retried after `PUBLISH_RETRY_BASE_SECONDS` × 2^(attempt−1) (+ jitter, at most 15 min);
 * - `uncertain` → recorded and retried after the same backoff; the next attempt reconciles first;
 * - `auth_expired` → the token is refreshed once (social-accounts/credentials.ts) and the post retried
 *   at once; refused again after that refresh → failed. An account that cannot be refreshed is marked
 *   for reconnecting and its posts wait (pending) until it is.
 * Content status follows its posts (posts.ts). Every attempt is a `publish_attempts` row: outcome, the
 * platform's status, code, message and answer.
 *
 * Round trips per message: one to take the post (with everything needed to publish it), one for each
 * progress save the adapter makes (every adapter saves once before its create call, to bound a later
 * search: a container platform twice; a thread once more per reply), one to record the outcome (with the content's status and any
 * notification); the token refresh's own when one happens. A message for a post that is settled,
 * taken or held costs one.
 */
import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Content } from "../../db/schema/content.ts";
import { content } from "../../db/schema/content.ts";
import { events } from "../../db/schema/events.ts";
import { type MediaAsset, mediaAssets } from "../../db/schema/media-assets.ts";
import { type PublishAttemptOutcome, publishAttempts } from "../../db/schema/publish-attempts.ts";
import { type PublishedPost, type PublishStatus, publishedPosts } from "../../db/schema/published-posts.ts";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Logger } from "../../platform/logger.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishProgress,
  type PublishRequest,
  type SocialAdapter,
} from "../../platform/social/types.ts";
import {
  type ContentType,
  composePostText,
  extractHashtags,
  extractMentions,
  extractUrls,
  postsOf,
} from "../content/platform-rules.ts";
import type { TenantContext } from "../context.ts";
import { refreshAccount, SocialAccountUnavailableError } from "../social-accounts/credentials.ts";
import { connectedAccountOf, keyringOf } from "../social-accounts/tokens.ts";
import { PUBLISHING_LEASE_SECONDS } from "./dispatch.ts";
import { publishMediaOf } from "./media.ts";
import { auditContentStatus, followPosts, notifyPostFailed, ownPost } from "./posts.ts";

/**
 * The longest backoff, in retry bases: 15 minutes with the default 30 s base. A wait longer than this
 * (a platform's rate-limit window) goes back through the cron — pending, due then — rather than a
 * message delayed that long; every backoff is shorter, so transient failures retry through the queue.
 */
const LONG_WAIT_BASES = 30;
export const longWaitSeconds = (baseSeconds: number) => LONG_WAIT_BASES * baseSeconds;
/** However the retries come (queue redeliveries, rate-limit waits through the cron), no more than this. */
export const MAX_ATTEMPTS = 12;
/** A message may arrive a moment before the time it was delayed to. */
const EARLY_ARRIVAL_MS = 2_000;

/** What to do with the queue message. */
export type Delivery =
  | { action: "ack"; reason: string }
  | { action: "retry"; delaySeconds: number; reason: string };

/**
 * The backoff of attempt `attempt` (1-based): base × 2^(attempt−1) plus up to one base of jitter (so
 * posts that failed together do not retry together), never more than `longWaitSeconds`.
 */
export function backoffSeconds(
  baseSeconds: number,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponential = baseSeconds * 2 ** Math.max(0, attempt - 1);
  return Math.min(longWaitSeconds(baseSeconds), Math.ceil(exponential + random() * baseSeconds));
}

interface AttemptRow {
  attemptNumber: number;
  outcome: PublishAttemptOutcome;
  errorCode: string | null;
}

/** Everything one batch read about the post, after trying to take it. */
interface PostState {
  post: PublishedPost;
  content: Content;
  account: SocialAccount | null;
  eventPaused: boolean;
  media: MediaAsset[];
  attempts: AttemptRow[];
}

const iso = (date: Date) => date.toISOString();
const attemptsText = (n: number) => `${n} attempt${n === 1 ? "" : "s"}`;

/** The post's content, for statements that only know the post. */
const contentOfPost = (ctx: TenantContext, postId: string) =>
  sql`(select ${publishedPosts.contentId} from ${publishedPosts} where ${ownPost(ctx, postId)})`;

/** This transaction wrote the post row (the take happened). */
const postWrittenNow = (postId: string) =>
  sql`exists (select 1 from ${publishedPosts} where ${publishedPosts.id} = ${postId} and xmin = pg_current_xact_id()::xid)`;

/** The post may be published now: its content is live and scheduled or publishing, its event not paused, its account usable. */
function publishable(ctx: TenantContext): SQL {
  return sql`exists (select 1 from ${content} c where c.id = ${publishedPosts.contentId}
        and c.organization_id = ${ctx.organizationId} and c.deleted_at is null
        and c.workflow_status in ('scheduled', 'publishing')
        and not exists (select 1 from ${events} e where e.id = c.event_id and e.publishing_paused))
    and exists (select 1 from ${socialAccounts} a where a.id = ${publishedPosts.socialAccountId}
        and a.deleted_at is null and a.is_active and a.connection_status = 'connected')`;
}

/** What must wait instead: the event is paused, or the account is paused or needs reconnecting. */
function held(ctx: TenantContext): SQL {
  return sql`(exists (select 1 from ${content} c join ${events} e on e.id = c.event_id
        where c.id = ${publishedPosts.contentId} and c.organization_id = ${ctx.organizationId} and e.publishing_paused)
     or exists (select 1 from ${socialAccounts} a where a.id = ${publishedPosts.socialAccountId}
        and a.deleted_at is null and not (a.is_active and a.connection_status = 'connected')))`;
}

/**
 * One round trip: lock the content (the same order as a status change, so the two never deadlock),
 * take the post if it may be taken, close any attempt a vanished worker left open as uncertain, start
 * this attempt, move the content to publishing, put a held post back to pending; then read it all.
 * `force` takes a queued post even before it is due (the dead-letter consumer's last reconciliation).
 */
async function takePost(ctx: TenantContext, postId: string, force = false) {
  const now = ctx.now();
  const dueBy = force ? null : new Date(now.getTime() + EARLY_ARRIVAL_MS);
  const expired = new Date(now.getTime() - PUBLISHING_LEASE_SECONDS * 1000);
  return inTenant(ctx, (db) => [
    db
      .select({ id: content.id })
      .from(content)
      .where(ownedBy(ctx, content.organizationId, sql`${content.id} = ${contentOfPost(ctx, postId)}`))
      .for("update"),
    db
      .update(publishedPosts)
      .set({
        publishStatus: "publishing",
        claimedAt: now,
        attemptCount: sql`${publishedPosts.attemptCount} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          ownPost(ctx, postId),
          or(
            and(
              eq(publishedPosts.publishStatus, "queued"),
              dueBy
                ? or(isNull(publishedPosts.nextAttemptAt), lte(publishedPosts.nextAttemptAt, dueBy))
                : undefined,
            ),
            and(eq(publishedPosts.publishStatus, "publishing"), lte(publishedPosts.claimedAt, expired)),
          ),
          publishable(ctx),
        ),
      )
      .returning({ id: publishedPosts.id }),
    db
      .update(publishAttempts)
      .set({
        outcome: "uncertain",
        errorCode: "worker_lost",
        errorMessage:
          "The attempt stopped before its outcome was known; the platform is asked before any new try.",
        finishedAt: now,
      })
      .where(
        and(
          ownedBy(ctx, publishAttempts.organizationId, eq(publishAttempts.publishedPostId, postId)),
          eq(publishAttempts.outcome, "in_progress"),
          postWrittenNow(postId),
        ),
      ),
    db.execute(sql`
      insert into ${publishAttempts} (organization_id, published_post_id, attempt_number, outcome, started_at)
      select organization_id, id, attempt_count, 'in_progress', ${iso(now)}::timestamptz
        from ${publishedPosts} where ${ownPost(ctx, postId)} and ${postWrittenNow(postId)}`),
    db
      .update(content)
      .set({ workflowStatus: "publishing", updatedAt: now })
      .where(
        ownedBy(
          ctx,
          content.organizationId,
          sql`${content.id} = ${contentOfPost(ctx, postId)}`,
          eq(content.workflowStatus, "scheduled"),
          postWrittenNow(postId),
        ),
      ),
    auditContentStatus(ctx, db, contentOfPost(ctx, postId), "scheduled"),
    db
      .update(publishedPosts)
      .set({ publishStatus: "pending", claimedAt: null, updatedAt: now })
      .where(and(ownPost(ctx, postId), eq(publishedPosts.publishStatus, "queued"), held(ctx)))
      .returning({ id: publishedPosts.id }),
    db
      .select({
        post: publishedPosts,
        content,
        account: socialAccounts,
        eventPaused: events.publishingPaused,
      })
      .from(publishedPosts)
      .innerJoin(content, eq(content.id, publishedPosts.contentId))
      .leftJoin(socialAccounts, eq(socialAccounts.id, publishedPosts.socialAccountId))
      .leftJoin(events, eq(events.id, content.eventId))
      .where(ownPost(ctx, postId)),
    db
      .select()
      .from(mediaAssets)
      .where(
        ownedBy(
          ctx,
          mediaAssets.organizationId,
          isNull(mediaAssets.deletedAt),
          sql`${mediaAssets.id} = any(select unnest(${content.mediaAssets}) from ${content} where ${content.id} = ${contentOfPost(ctx, postId)})`,
        ),
      ),
    db
      .select({
        attemptNumber: publishAttempts.attemptNumber,
        outcome: publishAttempts.outcome,
        errorCode: publishAttempts.errorCode,
      })
      .from(publishAttempts)
      .where(ownedBy(ctx, publishAttempts.organizationId, eq(publishAttempts.publishedPostId, postId)))
      .orderBy(asc(publishAttempts.attemptNumber)),
  ]);
}

async function take(
  ctx: TenantContext,
  postId: string,
  force = false,
): Promise<{ taken: boolean; parked: boolean; state: PostState | null }> {
  const [, taken, , , , , parked, rows, media, attempts] = await takePost(ctx, postId, force);
  const row = rows[0];
  if (!row) return { taken: false, parked: false, state: null };
  // In the content's order (and each at most once), as the post shows them.
  const byId = new Map(media.map((asset) => [asset.id, asset]));
  const ordered = row.content.mediaAssets.flatMap((id) => byId.get(id) ?? []);
  return {
    taken: taken.length > 0,
    parked: parked.length > 0,
    state: {
      post: row.post,
      content: row.content,
      account: row.account,
      eventPaused: row.eventPaused ?? false,
      media: ordered,
      attempts,
    },
  };
}

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

type Outcome =
  | { kind: "published"; ref: PublishedRef; reconciled: boolean }
  | { kind: "failed"; error: PlatformError; reason: string }
  | { kind: "retry"; error: PlatformError; outcome: "retryable_failure" | "uncertain"; delaySeconds: number }
  | { kind: "hold"; error: PlatformError; reason: string };

/** An error an adapter did not classify counts as uncertain: it may have come after the request went out. */
function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError("uncertain", `Unexpected failure while publishing: ${message}`, {
    code: "unexpected",
  });
}

interface Attempt {
  ctx: TenantContext;
  state: PostState;
  adapter: SocialAdapter;
  account: ConnectedAccount;
  request: PublishRequest;
  progress: PublishProgress;
  /** This attempt's number. */
  number: number;
  /** Only ask the platform, never publish (the dead-letter consumer's last word). */
  reconcileOnly: string | null;
}

/** Asks the platform for the post; a read that fails is transient whatever the adapter called it. */
async function find(attempt: Attempt): Promise<PublishedRef | null> {
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

async function runAttempt(attempt: Attempt): Promise<Outcome> {
  const { state } = attempt;
  const earlierUncertain = state.attempts.some(
    (a) => a.attemptNumber < attempt.number && a.outcome === "uncertain",
  );
  try {
    if (earlierUncertain || attempt.reconcileOnly) {
      const found = await find(attempt);
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
    return judge(attempt, asPlatformError(error));
  }
}

/** What a failure means for this post (see the module comment). */
async function judge(attempt: Attempt, error: PlatformError): Promise<Outcome> {
  const { ctx, number } = attempt;
  if (attempt.reconcileOnly) {
    const reason = `${attempt.reconcileOnly} The platform could not be asked whether the post exists (${error.message}); retrying the post checks again before sending anything.`;
    return { kind: "failed", error, reason };
  }
  const backoff = () => backoffSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS, number);
  switch (error.kind) {
    case "permanent":
      return { kind: "failed", error, reason: error.message };
    case "duplicate": {
      let found: PublishedRef | null;
      try {
        found = await find(attempt);
      } catch (findError) {
        return retryOrGiveUp(number, asPlatformError(findError), backoff(), "uncertain");
      }
      if (found) return { kind: "published", ref: found, reconciled: true };
      const reason = `The platform refused the post as a duplicate and no post of ours was found on the account: ${error.message}`;
      return { kind: "failed", error, reason };
    }
    case "rate_limited":
      return retryOrGiveUp(number, error, Math.max(1, error.retryAfterSeconds ?? backoff()));
    case "transient":
      return retryOrGiveUp(number, error, backoff());
    case "uncertain":
      return retryOrGiveUp(number, error, backoff(), "uncertain");
    case "auth_expired":
      return afterAuthExpired(attempt, error);
  }
}

/** A retry after `delaySeconds`, unless this was the last attempt the post gets. */
function retryOrGiveUp(
  number: number,
  error: PlatformError,
  delaySeconds: number,
  outcome: "retryable_failure" | "uncertain" = "retryable_failure",
): Outcome {
  if (number < MAX_ATTEMPTS) return { kind: "retry", error, outcome, delaySeconds };
  return {
    kind: "failed",
    error,
    reason: `Gave up after ${attemptsText(number)}. Last error: ${error.message}`,
  };
}

async function afterAuthExpired(attempt: Attempt, error: PlatformError): Promise<Outcome> {
  const { ctx, state, number } = attempt;
  const previous = state.attempts.find((a) => a.attemptNumber === number - 1);
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
    return retryOrGiveUp(number, failure, backoffSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS, number));
  }
  // Refreshed: the next attempt reads the new token; this one is recorded as the expired-token failure.
  return { kind: "retry", error, outcome: "retryable_failure", delaySeconds: 0 };
}

/** The attempt's row, as it ended. */
function attemptResult(outcome: Outcome): {
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
function postChange(ctx: TenantContext, outcome: Outcome, sent: Record<string, unknown>) {
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
 * One round trip: the attempt's row, the post (only while this worker still holds it), and, when the
 * post settled, the content's status, its audit row and the author's notification of a failure.
 */
async function record(
  ctx: TenantContext,
  state: PostState,
  number: number,
  claimedAt: Date,
  outcome: Outcome,
  sent: Record<string, unknown>,
): Promise<boolean> {
  const { post } = state;
  const settles = outcome.kind === "published" || outcome.kind === "failed";
  const [, updated] = await inTenant(ctx, (db) => [
    db
      .update(publishAttempts)
      .set({ ...attemptResult(outcome), finishedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          publishAttempts.organizationId,
          eq(publishAttempts.publishedPostId, post.id),
          eq(publishAttempts.attemptNumber, number),
        ),
      ),
    db
      .update(publishedPosts)
      .set(postChange(ctx, outcome, sent))
      .where(
        and(
          ownPost(ctx, post.id),
          eq(publishedPosts.publishStatus, "publishing"),
          eq(publishedPosts.claimedAt, claimedAt),
        ),
      )
      .returning({ id: publishedPosts.id }),
    ...(settles
      ? settleStatements(ctx, db, post, outcome.kind === "failed" ? outcome.reason : null, number)
      : []),
  ]);
  return updated.length > 0;
}

/**
 * When a post settles (in the batch that settled it): the content follows, is audited, and a failure
 * is told to the author — only if this transaction really wrote the post.
 */
function settleStatements(
  ctx: TenantContext,
  db: Database,
  post: Pick<PublishedPost, "id" | "contentId" | "platform">,
  failure: string | null,
  attempt: number,
) {
  return [
    followPosts(ctx, db, post.contentId),
    auditContentStatus(ctx, db, post.contentId, "publishing"),
    ...(failure === null ? [] : [notifyPostFailed(ctx, db, post, failure, attempt, postWrittenNow(post.id))]),
  ];
}

/** JSON with object keys sorted: jsonb keeps its own key order, so compare this way. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The adapter's memory between attempts, kept in `published_content.progress`, written only while this
 * worker holds the post. A save of what is stored already (a retry resuming) costs nothing.
 */
function progressOf(ctx: TenantContext, post: PublishedPost, claimedAt: Date): PublishProgress {
  const stored = post.publishedContent.progress;
  const previous =
    stored && typeof stored === "object" && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : null;
  let last = stableJson(previous);
  return {
    previous,
    async save(progressState) {
      const next = stableJson(progressState);
      if (next === last) return;
      const [saved] = await inTenant(ctx, (db) => [
        db
          .update(publishedPosts)
          .set({
            publishedContent: sql`jsonb_set(${publishedPosts.publishedContent}, '{progress}', ${JSON.stringify(progressState)}::jsonb)`,
          })
          .where(
            and(
              ownPost(ctx, post.id),
              eq(publishedPosts.publishStatus, "publishing"),
              eq(publishedPosts.claimedAt, claimedAt),
            ),
          )
          .returning({ id: publishedPosts.id }),
      ]);
      // Another worker took the post over (this one outlived its lease): stop before publishing twice.
      if (saved.length === 0) throw new Error("this worker no longer holds the post");
      last = next;
    },
  };
}

/** Fails a post that is still waiting (in `from`) with `reason`, out of every queue and claim: a statement for a batch. */
function failWaiting(
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

/** A post that can never go out (its account was removed): failed, with that reason. One round trip. */
async function failUnpublishable(ctx: TenantContext, state: PostState, reason: string): Promise<void> {
  const now = ctx.now();
  await inTenant(ctx, (db) => [
    failWaiting(ctx, db, state.post.id, reason, ["queued", "pending"]),
    // Its content may not have started publishing (no post of it was taken yet): it has now.
    db
      .update(content)
      .set({ workflowStatus: "publishing", updatedAt: now })
      .where(
        ownedBy(
          ctx,
          content.organizationId,
          eq(content.id, state.post.contentId),
          eq(content.workflowStatus, "scheduled"),
          postWrittenNow(state.post.id),
        ),
      ),
    auditContentStatus(ctx, db, state.post.contentId, "scheduled"),
    ...settleStatements(ctx, db, state.post, reason, state.post.attemptCount),
  ]);
}

/** Why a post that was not taken was left alone (or failed), and what to do with the message. */
async function untaken(ctx: TenantContext, state: PostState | null, parked: boolean): Promise<Delivery> {
  if (!state) return { action: "ack", reason: "no such post" };
  const { post, account, content: row } = state;
  if (parked)
    return {
      action: "ack",
      reason: state.eventPaused ? "event paused: back to pending" : "account unusable: back to pending",
    };
  if (post.publishStatus === "queued" && (!account || account.deletedAt)) {
    await failUnpublishable(
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

/** Runs one attempt on a taken post and records it. */
async function attemptTaken(
  ctx: TenantContext,
  state: PostState,
  logger: Logger,
  reconcileOnly: string | null,
) {
  const { post } = state;
  const number = post.attemptCount;
  const claimedAt = post.claimedAt as Date;
  const request = publishRequestOf(post, state.content);
  const media = await Promise.all(state.media.map((asset) => publishMediaOf(ctx.config, asset)));
  const sent = { ...request, media_ids: media.map((m) => m.id) };
  let outcome: Outcome;
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
    outcome = await runAttempt({
      ctx,
      state,
      adapter: adapterFor(post.platform, ctx.config, { timeoutMs: ctx.config.PLATFORM_TIMEOUT_MS }),
      account: await connectedAccountOf(keyringOf(ctx.config), state.account),
      request: { ...request, media },
      progress: progressOf(ctx, post, claimedAt),
      number,
      reconcileOnly,
    });
  }
  const held = await record(ctx, state, number, claimedAt, outcome, sent);
  logger.info("publish attempt", {
    published_post_id: post.id,
    platform: post.platform,
    attempt: number,
    outcome: outcome.kind,
    ...(outcome.kind === "published"
      ? { reconciled: outcome.reconciled }
      : { error: outcome.error.message, kind: outcome.error.kind }),
    ...(held ? {} : { lost_lease: true }),
  });
  return outcome;
}

/** The `guddu-publish` consumer's work for one message. */
export async function publishPost(ctx: TenantContext, postId: string, logger: Logger): Promise<Delivery> {
  const { taken, parked, state } = await take(ctx, postId);
  if (!taken || !state) return untaken(ctx, state, parked);
  const outcome = await attemptTaken(ctx, state, logger, null);
  if (
    outcome.kind === "retry" &&
    outcome.delaySeconds <= longWaitSeconds(ctx.config.PUBLISH_RETRY_BASE_SECONDS)
  ) {
    return { action: "retry", delaySeconds: outcome.delaySeconds, reason: outcome.error.message };
  }
  return { action: "ack", reason: outcome.kind };
}

/**
 * The dead-letter consumer's work: the queue retried the post's message as often as it will. A post
 * still waiting for its retry is failed, with the last error; if an earlier attempt was uncertain,
 * the platform is asked first (found → published) so a post that did go out is never called failed.
 */
export async function giveUpOnPost(ctx: TenantContext, postId: string, logger: Logger): Promise<void> {
  const [rows, attempts] = await inTenant(ctx, (db) => [
    db.select().from(publishedPosts).where(ownPost(ctx, postId)),
    db
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
  ]);
  const post = rows[0];
  if (post?.publishStatus !== "queued") {
    logger.info("dead letter: nothing to give up", {
      published_post_id: postId,
      status: post?.publishStatus,
    });
    return;
  }
  const reason = `Gave up after ${attemptsText(post.attemptCount)}. Last error: ${post.lastError ?? "unknown"}`;
  if (attempts.length > 0) {
    const { taken, state } = await take(ctx, postId, true);
    if (taken && state) {
      await attemptTaken(ctx, state, logger, reason);
      return;
    }
  }
  await inTenant(ctx, (db) => [
    failWaiting(ctx, db, postId, reason, ["queued"]),
    ...settleStatements(ctx, db, post, reason, post.attemptCount),
  ]);
  logger.warn("publishing gave up", { published_post_id: postId, attempts: post.attemptCount });
}
