/**
 * Pausing an event's publishing: the whole event, one platform, or one social account within the
 * event, each until lifted by hand or until its `until` passes. What a pause holds is decided in one
 * place, the SQL function `publishing_pause_for` (migrations/0033): the cron's claim asks it at the
 * database's now, the consumer (claim-post.ts) at its own clock, so an expired pause stops holding for
 * both at that instant and no job has to lift it. A held post waits as pending (a message already
 * queued finds it held and puts it back); once the pause lifts the cron takes whatever is due. A post
 * already at the platform finishes. Lifting sets `until` to that moment: the row stays as history.
 * Every change is audited on the event (`event.publishing_pause`, `event.publishing_resume`).
 */
import { and, asc, desc, eq, gt, inArray, isNull, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { typed } from "../../db/insert-select.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { content } from "../../db/schema/content.ts";
import { events } from "../../db/schema/events.ts";
import { publishedPosts } from "../../db/schema/published-posts.ts";
import { type PublishingPause, publishingPauses } from "../../db/schema/publishing-pauses.ts";
import { socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { WAITING_STATUSES } from "./schedule.ts";

export const PAUSE_SCOPES = ["event", "platform", "account"] as const;
export type PauseScope = (typeof PAUSE_SCOPES)[number];

/** At most this many held posts are named in a pause's answer (`waiting_posts` counts them all). */
export const HELD_POSTS_LISTED = 100;

export interface PauseInput {
  platform?: Platform;
  socialAccountId?: string;
  /** When it lifts by itself; absent: when lifted by hand. */
  until?: Date;
  reason?: string;
}

export interface PauseView {
  id: string;
  event_id: string;
  scope: PauseScope;
  platform: Platform | null;
  social_account_id: string | null;
  /** When it lifts by itself (or was lifted); null: when lifted by hand. */
  until: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
  /** The event's posts not sent yet (pending or queued) that this pause holds. */
  waiting_posts: number;
}

export interface HeldPost {
  id: string;
  content_id: string;
  content_title: string | null;
  platform: Platform;
  social_account_id: string | null;
  /** When it was due to go out. */
  due_at: string | null;
}

export const pauseNotFound = () => new NotFoundError("pause_not_found", "No such pause of this event.");
const eventNotFound = () => new NotFoundError("event_not_found", "No such event.");

const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/**
 * The pause holding a post of `eventId` to `platform` through `accountId` at `at`, or null: the rule
 * the cron and the consumer share. With platform and account null, the event-wide pause only.
 */
export function pauseHolding(
  eventId: SQLWrapper,
  platform: SQLWrapper | null,
  accountId: SQLWrapper | null,
  at: Date | SQL,
): SQL<string | null> {
  const when = at instanceof Date ? iso(at) : at;
  return sql<
    string | null
  >`publishing_pause_for(${eventId}, ${platform ?? sql`null`}::text, ${accountId ?? sql`null`}::uuid, ${when})`;
}

/** The pause is in force at `at`: the same test as `publishing_pause_for`'s. */
const inForce = (at: Date) => or(isNull(publishingPauses.until), gt(publishingPauses.until, at));

const sameTarget = (platform: Platform | null, accountId: string | null) =>
  and(
    platform ? eq(publishingPauses.platform, platform) : isNull(publishingPauses.platform),
    accountId ? eq(publishingPauses.socialAccountId, accountId) : isNull(publishingPauses.socialAccountId),
  );

/**
 * The waiting posts a pause (the row of `publishing_pauses` in the enclosing query, named in full:
 * drizzle leaves a single table's columns unqualified) names: its event's, on its platform or
 * through its account if it names one. Counted in the pause's own row.
 */
const waitingCount = (ctx: TenantContext) => sql<number>`(select count(*)::int from ${publishedPosts} p
  join ${content} c on c.id = p.content_id and c.organization_id = ${ctx.organizationId}
  where p.organization_id = ${ctx.organizationId} and c.event_id = publishing_pauses.event_id
    and p.publish_status in ('pending', 'queued')
    and (publishing_pauses.platform is null or p.platform = publishing_pauses.platform)
    and (publishing_pauses.social_account_id is null or p.social_account_id = publishing_pauses.social_account_id))`;

const pauseColumns = (ctx: TenantContext) => ({ pause: publishingPauses, waiting: waitingCount(ctx) });

export function scopeOf(pause: Pick<PublishingPause, "platform" | "socialAccountId">): PauseScope {
  return pause.socialAccountId ? "account" : pause.platform ? "platform" : "event";
}

export function toPauseView(row: { pause: PublishingPause; waiting: number }): PauseView {
  const { pause } = row;
  return {
    id: pause.id,
    event_id: pause.eventId,
    scope: scopeOf(pause),
    platform: pause.platform,
    social_account_id: pause.socialAccountId,
    until: pause.until?.toISOString() ?? null,
    reason: pause.reason,
    created_by: pause.createdBy,
    created_at: pause.createdAt.toISOString(),
    waiting_posts: row.waiting,
  };
}

/** The event's pauses in force at `at`, the one lifting last first: a statement for the caller's batch. */
export function selectPausesInForce(ctx: TenantContext, db: Database, eventId: string, at: Date) {
  return db
    .select(pauseColumns(ctx))
    .from(publishingPauses)
    .where(ownedBy(ctx, publishingPauses.organizationId, eq(publishingPauses.eventId, eventId), inForce(at)))
    .orderBy(sql`${publishingPauses.until} desc nulls first`, desc(publishingPauses.createdAt));
}

const liveEvent = (ctx: TenantContext, eventId: string) =>
  ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt));

const liveAccount = (ctx: TenantContext, accountId: string) =>
  ownedBy(
    ctx,
    socialAccounts.organizationId,
    eq(socialAccounts.id, accountId),
    isNull(socialAccounts.deletedAt),
  );

/** The event's waiting posts a new pause of this target names, soonest first. */
function selectHeldPosts(ctx: TenantContext, db: Database, eventId: string, input: PauseInput) {
  return db
    .select({
      id: publishedPosts.id,
      contentId: publishedPosts.contentId,
      title: content.title,
      platform: publishedPosts.platform,
      socialAccountId: publishedPosts.socialAccountId,
      dueAt: publishedPosts.nextAttemptAt,
    })
    .from(publishedPosts)
    .innerJoin(content, eq(content.id, publishedPosts.contentId))
    .where(
      ownedBy(
        ctx,
        publishedPosts.organizationId,
        eq(content.eventId, eventId),
        inArray(publishedPosts.publishStatus, [...WAITING_STATUSES]),
        input.platform ? eq(publishedPosts.platform, input.platform) : undefined,
        input.socialAccountId ? eq(publishedPosts.socialAccountId, input.socialAccountId) : undefined,
      ),
    )
    .orderBy(sql`${publishedPosts.nextAttemptAt} nulls last`, asc(publishedPosts.id))
    .limit(HELD_POSTS_LISTED);
}

/** Audited only if this transaction wrote a pause matching `written` (a row of publishing_pauses). */
const pauseWritten = (written: SQL) =>
  sql`exists (select 1 from ${publishingPauses} where ${written} and xmin = pg_current_xact_id()::xid)`;

/**
 * Pauses the event, a platform or an account in it, until `until` or until lifted. A pause of the same
 * target already in force is replaced (its `until` becomes now) unless it is the same pause, which
 * changes nothing. One round trip. 404 `event_not_found`, `social_account_not_found`; 400 for a
 * platform and an account at once, or an `until` not in the future.
 */
export async function pausePublishing(
  ctx: TenantContext,
  eventId: string,
  input: PauseInput,
): Promise<{ pause: PauseView; heldPosts: HeldPost[]; created: boolean }> {
  const now = ctx.now();
  if (input.platform && input.socialAccountId) {
    throw new ValidationError([
      {
        path: "json.social_account_id",
        code: "one_target",
        message: "Pause a platform or an account, not both (neither: the whole event).",
      },
    ]);
  }
  if (input.until && input.until <= now) {
    throw new ValidationError([
      { path: "json.until", code: "in_the_past", message: "A pause must last until a time in the future." },
    ]);
  }
  const platform = input.platform ?? null;
  const accountId = input.socialAccountId ?? null;
  const until = input.until ?? null;
  const reason = input.reason ?? null;
  const id = crypto.randomUUID();
  const target = sameTarget(platform, accountId);
  // The write happens only for a live event (and account), as one guarded batch: no read first.
  const valid = and(
    sql`exists (select 1 from ${events} where ${liveEvent(ctx, eventId)})`,
    accountId
      ? sql`exists (select 1 from ${socialAccounts} where ${liveAccount(ctx, accountId)})`
      : undefined,
  );
  const same = and(
    sql`${publishingPauses.until} is not distinct from ${until ? iso(until) : sql`null::timestamptz`}`,
    sql`${publishingPauses.reason} is not distinct from ${reason}::text`,
  );
  const scoped = (...conditions: Array<SQL | undefined>) =>
    ownedBy(
      ctx,
      publishingPauses.organizationId,
      eq(publishingPauses.eventId, eventId),
      target,
      ...conditions,
    );
  const { event, account, inserted, current, held } = await inTenant(ctx, (db) => ({
    event: db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId)),
    account: accountId
      ? db.select({ id: socialAccounts.id }).from(socialAccounts).where(liveAccount(ctx, accountId))
      : undefined,
    replaced: db
      .update(publishingPauses)
      .set({ until: now })
      .where(scoped(inForce(now), sql`not (${same})`, valid)),
    inserted: db
      .insert(publishingPauses)
      .select(
        db
          .select({
            id: typed(publishingPauses.id, id).as("id"),
            organizationId: events.organizationId,
            eventId: events.id,
            platform: typed(publishingPauses.platform, platform).as("platform"),
            socialAccountId: typed(publishingPauses.socialAccountId, accountId).as("social_account_id"),
            until: typed(publishingPauses.until, until).as("until"),
            reason: typed(publishingPauses.reason, reason).as("reason"),
            createdBy: typed(publishingPauses.createdBy, actorUserId(ctx.actor)).as("created_by"),
            createdAt: typed(publishingPauses.createdAt, now).as("created_at"),
          })
          .from(events)
          .where(
            and(
              liveEvent(ctx, eventId),
              valid,
              sql`not exists (select 1 from ${publishingPauses} where ${scoped(inForce(now))})`,
            ),
          ),
      )
      .returning({ id: publishingPauses.id }),
    audit: auditEntry(ctx, db, {
      action: "event.publishing_pause",
      entityType: "event",
      entityId: eventId,
      changes: {
        pause_id: id,
        scope: scopeOf({ platform, socialAccountId: accountId }),
        platform,
        social_account_id: accountId,
        until: until?.toISOString() ?? null,
        reason,
      },
      guard: pauseWritten(sql`id = ${id}`),
    }),
    current: db
      .select(pauseColumns(ctx))
      .from(publishingPauses)
      .where(scoped(inForce(now)))
      .orderBy(desc(publishingPauses.createdAt))
      .limit(1),
    held: selectHeldPosts(ctx, db, eventId, input),
  }));
  if (!event[0]) throw eventNotFound();
  if (accountId && !account?.[0]) {
    throw new NotFoundError("social_account_not_found", "No such social account.");
  }
  const row = current[0];
  if (!row) throw eventNotFound();
  return {
    pause: toPauseView(row),
    heldPosts: held.map((post) => ({
      id: post.id,
      content_id: post.contentId,
      content_title: post.title,
      platform: post.platform,
      social_account_id: post.socialAccountId,
      due_at: post.dueAt?.toISOString() ?? null,
    })),
    created: inserted.length > 0,
  };
}

/** The event's pauses in force now. One round trip; 404 for an event that is not the organisation's. */
export async function listPauses(ctx: TenantContext, eventId: string): Promise<PauseView[]> {
  const { event, pauses } = await inTenant(ctx, (db) => ({
    event: db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId)),
    pauses: selectPausesInForce(ctx, db, eventId, ctx.now()),
  }));
  if (!event[0]) throw eventNotFound();
  return pauses.map(toPauseView);
}

/**
 * Lifts a pause now (its `until` becomes now); lifting one that no longer holds changes nothing. One
 * round trip. 404 `pause_not_found` (or `event_not_found`).
 */
export async function liftPause(ctx: TenantContext, eventId: string, pauseId: string): Promise<PauseView> {
  const now = ctx.now();
  const mine = ownedBy(
    ctx,
    publishingPauses.organizationId,
    eq(publishingPauses.eventId, eventId),
    eq(publishingPauses.id, pauseId),
  );
  const { event, pause } = await inTenant(ctx, (db) => ({
    event: db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId)),
    lifted: db
      .update(publishingPauses)
      .set({ until: now })
      .where(and(mine, inForce(now), sql`exists (select 1 from ${events} where ${liveEvent(ctx, eventId)})`)),
    audit: auditEntry(ctx, db, {
      action: "event.publishing_resume",
      entityType: "event",
      entityId: eventId,
      changes: { pause_id: pauseId, until: now.toISOString() },
      guard: pauseWritten(sql`id = ${pauseId}`),
    }),
    pause: db.select(pauseColumns(ctx)).from(publishingPauses).where(mine),
  }));
  if (!event[0]) throw eventNotFound();
  const row = pause[0];
  if (!row) throw pauseNotFound();
  return toPauseView(row);
}

export interface PublishingSwitch {
  event_id: string;
  publishing_paused: boolean;
  /** The event's posts that have not gone out yet (pending or queued). */
  waiting_posts: number;
}

/**
 * The event-wide switch (`POST /v1/events/{id}/publishing/pause` and `/resume`): pausing is an
 * event-wide pause without expiry (`pausePublishing`); resuming lifts the event-wide pauses in force,
 * leaving a platform's or an account's alone. One round trip each, audited only on a real change.
 */
export async function setPublishingPaused(
  ctx: TenantContext,
  eventId: string,
  paused: boolean,
): Promise<PublishingSwitch> {
  if (paused) {
    const { pause } = await pausePublishing(ctx, eventId, {});
    return { event_id: eventId, publishing_paused: true, waiting_posts: pause.waiting_posts };
  }
  const now = ctx.now();
  const eventWide = ownedBy(
    ctx,
    publishingPauses.organizationId,
    eq(publishingPauses.eventId, eventId),
    sameTarget(null, null),
  );
  const { event, still, waiting } = await inTenant(ctx, (db) => ({
    event: db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId)),
    lifted: db
      .update(publishingPauses)
      .set({ until: now })
      .where(
        and(eventWide, inForce(now), sql`exists (select 1 from ${events} where ${liveEvent(ctx, eventId)})`),
      ),
    audit: auditEntry(ctx, db, {
      action: "event.publishing_resume",
      entityType: "event",
      entityId: eventId,
      changes: { publishing_paused: { from: true, to: false } },
      guard: pauseWritten(eventWide),
    }),
    still: db
      .select({ id: publishingPauses.id })
      .from(publishingPauses)
      .where(and(eventWide, inForce(now))),
    waiting: db
      .select({ count: sql<number>`count(*)::int` })
      .from(publishedPosts)
      .innerJoin(content, eq(content.id, publishedPosts.contentId))
      .where(
        ownedBy(
          ctx,
          publishedPosts.organizationId,
          eq(content.eventId, eventId),
          inArray(publishedPosts.publishStatus, [...WAITING_STATUSES]),
        ),
      ),
  }));
  if (!event[0]) throw eventNotFound();
  return { event_id: eventId, publishing_paused: still.length > 0, waiting_posts: waiting[0]?.count ?? 0 };
}
