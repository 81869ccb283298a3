/**
 * The outbox: which accounts a piece of content goes to, and the `published_posts` statements that
 * ride in the same batch as the content's status change (so a scheduled content always has its rows,
 * and an unscheduled one never keeps live ones).
 *
 * Which accounts, for each target platform: the organisation's live, active accounts of that platform
 * tied to the content's event; if the event has none of that platform (or the content has no event),
 * those tied to no event. Accounts tied to another event are never used. Every account found at that
 * level gets a row (two organisation-wide X accounts: two posts). An account that needs reconnecting
 * still counts: its posts are held (the cron skips them) until it is reconnected. A platform with no
 * such account is 422 `no_account_for_platform`, naming the platforms.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Reading, reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type Content, type ContentWorkflowStatus, content } from "../../db/schema/content.ts";
import { type PublishStatus, publishedPosts } from "../../db/schema/published-posts.ts";
import { socialAccounts } from "../../db/schema/social-accounts.ts";
import { ownedBy } from "../../db/tenant.ts";
import { AppError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";

/**
 * Posts that have not gone out yet and may still be moved or cancelled; `held` ones (their session
 * moved them into the past or out of the event) wait for exactly that decision.
 */
export const WAITING_STATUSES = ["pending", "queued", "held"] as const satisfies readonly PublishStatus[];

export interface CandidateAccount {
  id: string;
  platform: Platform;
  eventId: string | null;
}

/**
 * For the caller's read batch: the organisation's live, active accounts of the content's event or of
 * no event (the content's event is looked up inside the statement, so it needs no read first).
 */
export function selectCandidateAccounts(ctx: TenantContext, db: Database, contentId: string) {
  const eventOfContent = sql`(select ${content.eventId} from ${content} where ${ownedBy(ctx, content.organizationId, eq(content.id, contentId))})`;
  return db
    .select({ id: socialAccounts.id, platform: socialAccounts.platform, eventId: socialAccounts.eventId })
    .from(socialAccounts)
    .where(
      ownedBy(
        ctx,
        socialAccounts.organizationId,
        isNull(socialAccounts.deletedAt),
        eq(socialAccounts.isActive, true),
        sql`(${socialAccounts.eventId} is null or ${socialAccounts.eventId} = ${eventOfContent})`,
      ),
    )
    .orderBy(asc(socialAccounts.createdAt), asc(socialAccounts.id));
}

export class NoAccountForPlatformError extends AppError {
  constructor(platforms: Platform[]) {
    super(
      422,
      "no_account_for_platform",
      "Unprocessable content",
      `Connect an account to publish to ${platforms.join(", ")} first (an account of the content's event, or one tied to no event).`,
      { platforms },
    );
  }
}

/** The accounts the content goes to (see the module comment); throws 422 when a platform has none. */
export function chooseAccounts(
  row: Pick<Content, "eventId" | "targetPlatforms">,
  candidates: readonly CandidateAccount[],
): CandidateAccount[] {
  const chosen: CandidateAccount[] = [];
  const missing: Platform[] = [];
  for (const platform of row.targetPlatforms) {
    const ofPlatform = candidates.filter((account) => account.platform === platform);
    const ofEvent = row.eventId ? ofPlatform.filter((account) => account.eventId === row.eventId) : [];
    const found = ofEvent.length > 0 ? ofEvent : ofPlatform.filter((account) => account.eventId === null);
    if (found.length === 0) missing.push(platform);
    chosen.push(...found);
  }
  if (missing.length > 0) throw new NoAccountForPlatformError(missing);
  return chosen;
}

/** True when this transaction wrote the content row (the status change in the same batch happened). */
export function contentWrittenNow(contentId: string): SQL {
  return sql`exists (select 1 from ${content} where ${content.id} = ${contentId} and xmin = pg_current_xact_id()::xid)`;
}

/** The account is still there to publish to. */
const liveAccount = (ctx: TenantContext) =>
  sql`exists (select 1 from ${socialAccounts} where ${ownedBy(
    ctx,
    socialAccounts.organizationId,
    eq(socialAccounts.id, publishedPosts.socialAccountId),
    isNull(socialAccounts.deletedAt),
  )})`;

export interface OutboxChange {
  contentId: string;
  from: ContentWorkflowStatus;
  to: ContentWorkflowStatus;
  scheduledFor: Date | null;
  /** The accounts chosen for a first schedule (`chooseAccounts`); ignored otherwise. */
  accounts: readonly CandidateAccount[];
}

/**
 * Rows of new posts, due at `dueAt`, for the caller's batch: written only if the same transaction
 * changed the content row (`contentWrittenNow`), never a second live row for an account.
 */
export function insertPosts(
  ctx: TenantContext,
  db: Database,
  contentId: string,
  accounts: readonly CandidateAccount[],
  row: { status: "pending" | "queued"; dueAt: Date },
) {
  const ids = accounts.map((account) => account.id);
  const now = ctx.now();
  return db
    .insert(publishedPosts)
    .select(
      db
        .select({
          id: sql`gen_random_uuid()`.as("id"),
          organizationId: socialAccounts.organizationId,
          contentId: sql`${contentId}::uuid`.as("content_id"),
          socialAccountId: socialAccounts.id,
          platform: socialAccounts.platform,
          platformPostId: sql`null`.as("platform_post_id"),
          platformUrl: sql`null`.as("platform_url"),
          publishedContent: sql`'{}'::jsonb`.as("published_content"),
          publishStatus: sql`${row.status}`.as("publish_status"),
          publishedAt: sql`null`.as("published_at"),
          attemptCount: sql`0`.as("attempt_count"),
          lastError: sql`null`.as("last_error"),
          nextAttemptAt: sql`${row.dueAt.toISOString()}::timestamptz`.as("next_attempt_at"),
          claimedAt: sql`${row.status === "queued" ? now.toISOString() : null}::timestamptz`.as("claimed_at"),
          metricsDueAt: sql`null::timestamptz`.as("metrics_due_at"),
          metricsRound: sql`0`.as("metrics_round"),
          createdAt: sql`${now.toISOString()}::timestamptz`.as("created_at"),
          updatedAt: sql`${now.toISOString()}::timestamptz`.as("updated_at"),
        })
        .from(socialAccounts)
        .where(
          and(
            ownedBy(ctx, socialAccounts.organizationId, inArray(socialAccounts.id, ids)),
            contentWrittenNow(contentId),
          ),
        ),
    )
    .onConflictDoNothing({
      target: [publishedPosts.contentId, publishedPosts.socialAccountId],
      where: sql`publish_status not in ('cancelled', 'deleted')`,
    })
    .returning();
}

/** The content's posts in `statuses`, for an update's where clause. */
const postsOf = (ctx: TenantContext, contentId: string, statuses: readonly PublishStatus[]) =>
  ownedBy(
    ctx,
    publishedPosts.organizationId,
    eq(publishedPosts.contentId, contentId),
    inArray(publishedPosts.publishStatus, [...statuses]),
  );

/**
 * The outbox statements that go with a content status change, as one part of the transition's write
 * batch (nobody reads their results).
 * - first schedule (approved → scheduled): one pending row per chosen account, due at scheduled_for;
 * - schedule again after failing (failed → scheduled): failed posts whose account is still there
 *   become pending again (their earlier attempts stay: an uncertain one is reconciled before any new
 *   try), those whose account is gone are cancelled, and chosen accounts without a row get one;
 * - reschedule (scheduled → scheduled with a new time): waiting posts move to the new time (a message
 *   already sent for the old time finds the post pending and does nothing);
 * - unschedule or archive (scheduled → approved / archived): waiting posts are cancelled.
 */
export function outboxStatements(ctx: TenantContext, db: Database, change: OutboxChange): Reading<unknown> {
  const { contentId, from, to, scheduledFor } = change;
  const now = ctx.now();
  const written = contentWrittenNow(contentId);
  if (to === "scheduled" && scheduledFor && from === "scheduled") {
    return reading({
      rescheduled: db
        .update(publishedPosts)
        .set({ publishStatus: "pending", nextAttemptAt: scheduledFor, claimedAt: null, updatedAt: now })
        .where(and(postsOf(ctx, contentId, WAITING_STATUSES), written)),
    });
  }
  if (to === "scheduled" && scheduledFor) {
    const retrying = from === "failed";
    return reading({
      retried: retrying
        ? db
            .update(publishedPosts)
            .set({
              publishStatus: "pending",
              nextAttemptAt: scheduledFor,
              claimedAt: null,
              lastError: null,
              updatedAt: now,
            })
            .where(and(postsOf(ctx, contentId, ["failed"]), liveAccount(ctx), written))
        : undefined,
      accountGone: retrying
        ? db
            .update(publishedPosts)
            .set({ publishStatus: "cancelled", claimedAt: null, updatedAt: now })
            .where(and(postsOf(ctx, contentId, ["failed"]), sql`not ${liveAccount(ctx)}`, written))
        : undefined,
      inserted: insertPosts(ctx, db, contentId, change.accounts, { status: "pending", dueAt: scheduledFor }),
    });
  }
  if (from === "scheduled" && (to === "approved" || to === "archived")) {
    return reading({
      cancelled: db
        .update(publishedPosts)
        .set({ publishStatus: "cancelled", claimedAt: null, updatedAt: now })
        .where(and(postsOf(ctx, contentId, WAITING_STATUSES), written)),
    });
  }
  return reading({});
}
