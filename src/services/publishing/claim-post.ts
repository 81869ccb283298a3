/**
 * Claiming a post for one publish attempt. Only one worker holds a post at a time: a worker claims it
 * with one guarded update (queued and due, or publishing with an expired lease — see dispatch.ts),
 * which also starts its attempt row (`in_progress`); a second message for the same post (a
 * redelivery, a duplicate send) finds it claimed or settled and does nothing. An attempt that never
 * finished (its worker vanished) is marked `uncertain` by the worker that claims the post next.
 */
import { and, asc, eq, isNull, lte, not, or, type SQL, sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import { type Content, content } from "../../db/schema/content.ts";
import { type MediaAsset, mediaAssets } from "../../db/schema/media-assets.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { type PublishAttemptOutcome, publishAttempts } from "../../db/schema/publish-attempts.ts";
import { type PublishedPost, publishedPosts } from "../../db/schema/published-posts.ts";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { contentEmbargoed, contentLiftsAt } from "../embargoes/embargo.ts";
import { PUBLISHING_LEASE_SECONDS } from "./dispatch.ts";
import { pauseHolding } from "./pause.ts";
import { contentStartsPublishing, ownPost, postWrittenNow } from "./posts.ts";

/** A message may arrive a moment before the time it was delayed to. */
const EARLY_ARRIVAL_MS = 2_000;

export interface AttemptRow {
  attemptNumber: number;
  outcome: PublishAttemptOutcome;
  errorCode: string | null;
}

/** Everything the claim's batch read about the post, after trying to claim it. */
export interface PostState {
  post: PublishedPost;
  content: Content;
  account: SocialAccount | null;
  /** A pause of its event, platform or account holds it (pause.ts). */
  paused: boolean;
  /** When the embargo of its content (or of a media asset it uses) lifts; null: none. */
  embargoLiftsAt: Date | null;
  media: MediaAsset[];
  attempts: AttemptRow[];
}

export interface Claim {
  /** This worker holds the post now. */
  claimed: boolean;
  /** The post waits for a pause, its account or its embargo: put back to pending. */
  parked: boolean;
  /** Null when there is no such post. */
  state: PostState | null;
}

const iso = (date: Date) => date.toISOString();

/** The post's content, for statements that only know the post. */
const contentOfPost = (ctx: TenantContext, postId: string) =>
  sql`(select ${publishedPosts.contentId} from ${publishedPosts} where ${ownPost(ctx, postId)})`;

/** The pause holding the post at `at` (content `c`): the cron's own rule (pause.ts). */
const holdingPause = (at: Date) =>
  pauseHolding(sql`c.event_id`, publishedPosts.platform, publishedPosts.socialAccountId, at);

/** The organisation is not closing (nothing goes out during a closure's grace period). */
const organizationActive = (ctx: TenantContext) =>
  sql`exists (select 1 from ${organizations} o where o.id = ${ctx.organizationId} and o.status = 'active')`;

/** The post may be published at `at`: its content is live and scheduled or publishing, no pause holds it, its account is usable. */
function publishable(ctx: TenantContext, at: Date): SQL {
  return sql`${organizationActive(ctx)} and exists (select 1 from ${content} c where c.id = ${publishedPosts.contentId}
        and c.organization_id = ${ctx.organizationId} and c.deleted_at is null
        and c.workflow_status in ('scheduled', 'publishing')
        and ${holdingPause(at)} is null)
    and exists (select 1 from ${socialAccounts} a where a.id = ${publishedPosts.socialAccountId}
        and a.deleted_at is null and a.is_active and a.connection_status = 'connected')`;
}

/** What must wait instead: a pause holds it, the account is paused or needs reconnecting, the organisation is closing. */
function waitingForPauseOrAccount(ctx: TenantContext, at: Date): SQL {
  return sql`(not ${organizationActive(ctx)} or exists (select 1 from ${content} c
        where c.id = ${publishedPosts.contentId} and c.organization_id = ${ctx.organizationId} and ${holdingPause(at)} is not null)
     or exists (select 1 from ${socialAccounts} a where a.id = ${publishedPosts.socialAccountId}
        and a.deleted_at is null and not (a.is_active and a.connection_status = 'connected')))`;
}

/** The post's content (or a media asset it uses) is under embargo at `at`: it must not go out yet. */
const embargoed = (at: Date) => contentEmbargoed(publishedPosts.contentId, at);

/**
 * When a post held by its embargo is due again: the lift (null when it is not under embargo at `at`,
 * so `greatest` leaves its time as it was).
 */
const embargoLift = (at: Date) =>
  sql`(select l.lifts_at from (select content_embargo_lifts_at(c.embargo_until, c.embargo_session_id, c.media_assets) as lifts_at
        from ${content} c where c.id = ${publishedPosts.contentId}) l where l.lifts_at > ${iso(at)}::timestamptz)`;

/** What the claim's reads found, as the post's state; null when there is no such post. */
function postStateOf(found: {
  rows: Array<Pick<PostState, "post" | "content" | "account" | "paused" | "embargoLiftsAt">>;
  media: MediaAsset[];
  attempts: AttemptRow[];
}): PostState | null {
  const row = found.rows[0];
  if (!row) return null;
  // In the content's order (and each at most once), as the post shows them.
  const byId = new Map(found.media.map((asset) => [asset.id, asset]));
  return {
    post: row.post,
    content: row.content,
    account: row.account,
    paused: row.paused,
    embargoLiftsAt: row.embargoLiftsAt,
    media: row.content.mediaAssets.flatMap((id) => byId.get(id) ?? []),
    attempts: found.attempts,
  };
}

/**
 * The post with its content, account, media and attempts, read after the claim. The reader is a
 * declared function: an inline one, typed from the parts, is too deep for tsc (TS2589).
 */
function readPostState(ctx: TenantContext, db: Database, postId: string, at: Date) {
  return reading(
    {
      rows: db
        .select({
          post: publishedPosts,
          content,
          account: socialAccounts,
          paused: sql<boolean>`${pauseHolding(content.eventId, publishedPosts.platform, publishedPosts.socialAccountId, at)} is not null`,
          embargoLiftsAt: contentLiftsAt(),
        })
        .from(publishedPosts)
        .innerJoin(content, eq(content.id, publishedPosts.contentId))
        .leftJoin(socialAccounts, eq(socialAccounts.id, publishedPosts.socialAccountId))
        .where(ownPost(ctx, postId)),
      media: db
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
      attempts: db
        .select({
          attemptNumber: publishAttempts.attemptNumber,
          outcome: publishAttempts.outcome,
          errorCode: publishAttempts.errorCode,
        })
        .from(publishAttempts)
        .where(ownedBy(ctx, publishAttempts.organizationId, eq(publishAttempts.publishedPostId, postId)))
        .orderBy(asc(publishAttempts.attemptNumber)),
    },
    postStateOf,
  );
}

/**
 * One round trip: lock the content (the same order as a status change, so the two never deadlock),
 * claim the post if it may be claimed, close any attempt a vanished worker left open as uncertain,
 * start this attempt, move the content to publishing, put a post that a pause, its account or its
 * embargo holds back to pending (the pause and the embargo as of this worker's clock; an embargoed
 * post is due again at the lift); then read it all. `force` claims a queued post even before it is due (the
 * dead-letter consumer's last reconciliation).
 */
export async function claimPost(ctx: TenantContext, postId: string, force = false): Promise<Claim> {
  const now = ctx.now();
  const dueBy = force ? null : new Date(now.getTime() + EARLY_ARRIVAL_MS);
  const expired = new Date(now.getTime() - PUBLISHING_LEASE_SECONDS * 1000);
  const { claimed, parked, state } = await inTenant(ctx, (db) => ({
    lock: db
      .select({ id: content.id })
      .from(content)
      .where(ownedBy(ctx, content.organizationId, sql`${content.id} = ${contentOfPost(ctx, postId)}`))
      .for("update"),
    claimed: db
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
          publishable(ctx, now),
          not(embargoed(now)),
        ),
      )
      .returning({ id: publishedPosts.id }),
    lostAttempt: db
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
    attempt: db.execute(sql`
      insert into ${publishAttempts} (organization_id, published_post_id, attempt_number, outcome, started_at)
      select organization_id, id, attempt_count, 'in_progress', ${iso(now)}::timestamptz
        from ${publishedPosts} where ${ownPost(ctx, postId)} and ${postWrittenNow(postId)}`),
    publishing: contentStartsPublishing(ctx, db, contentOfPost(ctx, postId), postId, now),
    parked: db
      .update(publishedPosts)
      .set({
        publishStatus: "pending",
        claimedAt: null,
        // Held by its embargo: due again when it lifts.
        nextAttemptAt: sql`greatest(${publishedPosts.nextAttemptAt}, ${embargoLift(now)})`,
        updatedAt: now,
      })
      .where(
        and(
          ownPost(ctx, postId),
          eq(publishedPosts.publishStatus, "queued"),
          or(waitingForPauseOrAccount(ctx, now), embargoed(now)),
        ),
      )
      .returning({ id: publishedPosts.id }),
    state: readPostState(ctx, db, postId, now),
  }));
  if (!state) return { claimed: false, parked: false, state: null };
  return { claimed: claimed.length > 0, parked: parked.length > 0, state };
}
