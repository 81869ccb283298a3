/**
 * What hangs on a session or phase, and how it follows a move: the statements a move adds to its
 * batch, after the anchor rows themselves were updated (so `anchorTime` reads their new times).
 *
 * - Content scheduled relative to a moved anchor gets its `scheduled_for` recomputed (anchor edge +
 *   offset), unless it is already publishing or done (its time is history then).
 * - Its waiting posts (`pending`, or already `held`) move to the new time. A post claimed by the cron
 *   (`queued`) or being published is in flight and stays as it is: the move's UPDATE locks each row it
 *   moves and, when the claim holds a row, waits for it and then finds it no longer pending. A post
 *   waiting out its own retry (tried before, due at another time than its content) keeps that time.
 * - A post whose new time has passed, or that the move carries out of the event's dates, becomes
 *   `held` (the cron never claims it) until someone decides: publish now, schedule again, unschedule.
 * - A pending approval request's expiry (the publish time) and its current step's deadline, when
 *   that counts back from the publish time, move too (in Postgres here; the request's Durable Object
 *   is told after the commit, see move.ts).
 * - The content's author and the current step's approvers are notified; each content row gets an
 *   audit row (`content.schedule_follow`).
 *
 * Locks are taken in the order every other writer takes them (anchor, then content, then posts), so
 * a move never deadlocks with scheduling, a claim by the consumer, or another move.
 */
import { type SQL, sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { ContentWorkflowStatus } from "../../db/schema/content.ts";
import { auditActor } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import type { EventBounds } from "./placement.ts";

/** Content whose time follows its anchor; later statuses keep the time they were published at. */
export const FOLLOWING_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
] as const satisfies readonly ContentWorkflowStatus[];

/** What moved: one session, or a phase with all its sessions. */
export type Anchors = { sessionId: string } | { phaseId: string };

export interface FollowOptions {
  /** One id per move: the notifications' dedupe key. */
  moveId: string;
  /** What moved, as notifications name it: `the session "Keynote"`. */
  label: string;
  /** The event's dates: a post carried out of them is held. */
  event: EventBounds;
  /** SQL: the anchor row was written by this transaction (nothing follows a refused move). */
  written: SQL;
}

export interface FollowedContent {
  id: string;
  title: string | null;
  workflowStatus: ContentWorkflowStatus;
  from: Date | null;
  to: Date;
  /** Its waiting posts moved to the new time, and how many of them are held. */
  postsMoved: number;
  postsHeld: number;
  held: boolean;
}

export interface Followed {
  content: FollowedContent[];
  postsMoved: number;
  postsHeld: number;
  postsInFlight: number;
  approvalRequestIds: string[];
}

const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const statuses = sql.raw(FOLLOWING_STATUSES.map((s) => `'${s}'`).join(", "));

/** Content row `c` is scheduled relative to one of the moved anchors. */
function anchored(ctx: TenantContext, anchors: Anchors, c: string): SQL {
  const row = sql.raw(c);
  if ("sessionId" in anchors) return sql`${row}.relative_session_id = ${anchors.sessionId}`;
  return sql`(${row}.relative_phase_id = ${anchors.phaseId} or ${row}.relative_session_id in (
    select s.id from event_sessions s where s.phase_id = ${anchors.phaseId} and s.organization_id = ${ctx.organizationId}))`;
}

/**
 * The time content row `c` is due at, from its anchor's current edge and its offset (null for
 * content without an anchor); relative.ts computes the same from an anchor given by id.
 */
export function anchorTime(c: string): SQL {
  const row = sql.raw(c);
  return sql`(coalesce(
      (select case ${row}.relative_edge when 'start' then s.starts_at else s.ends_at end
         from event_sessions s where s.id = ${row}.relative_session_id),
      (select case ${row}.relative_edge when 'start' then ph.starts_at else ph.ends_at end
         from event_phases ph where ph.id = ${row}.relative_phase_id))
    + make_interval(mins => ${row}.relative_offset_minutes))`;
}

/** The new time has passed, or the move carried it out of the event's dates. */
function holds(now: Date, event: EventBounds, to: SQL, from: SQL): SQL {
  const start = iso(event.startDate);
  const end = iso(event.endDate);
  return sql`(${to} <= ${iso(now)} or (${to} not between ${start} and ${end} and ${from} between ${start} and ${end}))`;
}

/** Users who act on the current step of a pending approval request of content `m.id`. */
const approverOf = (u: string) =>
  sql.raw(`exists (select 1 from approval_requests ar
      where ar.content_id = m.id and ar.status = 'pending'
        and (${u}.role in (select jsonb_array_elements_text(ar.steps -> (ar.current_step - 1) -> 'approvers' -> 'roles'))
             or ${u}.id::text in (select jsonb_array_elements_text(ar.steps -> (ar.current_step - 1) -> 'approvers' -> 'userIds'))))`);

const utc = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')`);

/** The statements that carry relative schedules along with a move, for the move's batch. */
export function followStatements(ctx: TenantContext, db: Database, anchors: Anchors, options: FollowOptions) {
  const org = ctx.organizationId;
  const now = ctx.now();
  const { written } = options;
  const actor = auditActor(ctx.actor);
  const movedWith = JSON.stringify({
    ...("sessionId" in anchors ? { session_id: anchors.sessionId } : { phase_id: anchors.phaseId }),
    move_id: options.moveId,
  });
  return reading(
    {
      // Content first (every writer locks content before its posts).
      locked: db.execute(sql`select c.id from content c
        where c.organization_id = ${org} and ${anchored(ctx, anchors, "c")}
          and c.workflow_status in (${statuses}) and ${written}
        for update of c`),
      posts: db.execute<{ id: string; publish_status: string }>(sql`
        update published_posts p
           set next_attempt_at = t.due, updated_at = ${iso(now)},
               publish_status = case when ${holds(now, options.event, sql`t.due`, sql`t.scheduled_for`)} then 'held' else p.publish_status end
          from (select c.id, c.scheduled_for, ${anchorTime("c")} as due from content c
                 where c.organization_id = ${org} and ${anchored(ctx, anchors, "c")}
                   and c.workflow_status = 'scheduled') t
         where p.content_id = t.id and p.organization_id = ${org}
           and p.publish_status in ('pending', 'held')
           and (p.attempt_count = 0 or p.next_attempt_at = t.scheduled_for)
           and t.scheduled_for is distinct from t.due
           and ${written}
        returning p.id, p.publish_status`),
      approvals: db.execute<{ id: string }>(sql`
        update approval_requests r
           set expires_at = t.due,
               step_due_at = case
                 when (r.steps -> (r.current_step - 1) -> 'deadline' ->> 'beforePublishHours') is not null
                 then t.due - ((r.steps -> (r.current_step - 1) -> 'deadline' ->> 'beforePublishHours')::integer * interval '1 hour')
                 else r.step_due_at end
          from (select c.id, c.scheduled_for, ${anchorTime("c")} as due from content c
                 where c.organization_id = ${org} and ${anchored(ctx, anchors, "c")}
                   and c.workflow_status in (${statuses})) t
         where r.content_id = t.id and r.organization_id = ${org} and r.status = 'pending'
           and t.scheduled_for is distinct from t.due and ${written}
        returning r.id`),
      content: db.execute<{
        id: string;
        title: string | null;
        workflow_status: ContentWorkflowStatus;
        was: Date | string | null;
        at: Date | string;
        posts_moved: number;
        posts_held: number;
        held: boolean;
      }>(sql`
        with moved as (
          update content c set scheduled_for = ${anchorTime("c")}, updated_at = ${iso(now)}
            from (select o.id, o.scheduled_for as was from content o
                   where o.organization_id = ${org} and ${anchored(ctx, anchors, "o")}
                     and o.workflow_status in (${statuses})) o
           where c.id = o.id and c.scheduled_for is distinct from ${anchorTime("c")} and ${written}
          returning c.id, c.title, c.created_by, c.deleted_at, c.workflow_status, o.was, c.scheduled_for as at,
                    (select count(*)::integer from published_posts p
                      where p.content_id = c.id and p.xmin = pg_current_xact_id()::xid) as posts_moved,
                    (select count(*)::integer from published_posts p where p.content_id = c.id
                        and p.publish_status = 'held' and p.xmin = pg_current_xact_id()::xid) as posts_held
        ), flagged as (
          select m.*, m.posts_held > 0 as held from moved m
        ), audited as (
          insert into audit_logs (organization_id, user_id, api_key_id, actor_type, action, entity_type, entity_id, changes, ip_address, user_agent)
          select ${org}, ${actor.userId}, ${actor.apiKeyId}, ${actor.actorType}, 'content.schedule_follow', 'content', m.id,
                 jsonb_build_object('scheduled_for', jsonb_build_object('from', m.was, 'to', m.at), 'held', m.held)
                   || ${movedWith}::jsonb,
                 ${ctx.request.ip}, ${ctx.request.userAgent}
            from flagged m
        ), told as (
          -- The rows services/notifications' notify() writes (active, live users; deduplicated by
          -- key), one per content item and recipient, in this one statement.
          insert into notifications (organization_id, user_id, type, title, message, link, data, dedupe_key)
          select ${org}, u.id,
                 case when m.held then 'schedule.held' else 'schedule.moved' end,
                 case when m.held then 'On hold: ' else 'Schedule moved: ' end || coalesce(m.title, 'untitled content'),
                 'Now ' || ${utc("m.at")} || coalesce(' (was ' || ${utc("m.was")} || ')', '') || ', because '
                   || ${options.label}::text || ' moved.'
                   || case when m.held then ' Its posts wait for a decision: publish now, schedule again or unschedule.' else '' end,
                 '/v1/content/' || m.id,
                 jsonb_build_object('content_id', m.id, 'scheduled_for', m.at, 'previous_scheduled_for', m.was, 'held', m.held)
                   || ${movedWith}::jsonb,
                 'schedule:' || ${options.moveId}::text || ':' || m.id
            from flagged m
            join users u on u.organization_id = ${org} and u.is_active and u.deleted_at is null
           where m.deleted_at is null and (u.id = m.created_by or ${approverOf("u")})
          on conflict (user_id, dedupe_key) do nothing
        )
        select id, title, workflow_status, was, at, posts_moved, posts_held, held from flagged`),
      inFlight: db.execute<{ n: number }>(sql`
        select count(*)::integer as n from published_posts p join content c on c.id = p.content_id
         where p.organization_id = ${org} and ${anchored(ctx, anchors, "c")}
           and p.publish_status in ('queued', 'publishing') and ${written}`),
    },
    ({ posts, approvals, content, inFlight }): Followed => ({
      content: content.rows.map((row) => ({
        id: row.id,
        title: row.title,
        workflowStatus: row.workflow_status,
        from: row.was ? new Date(row.was) : null,
        to: new Date(row.at),
        postsMoved: row.posts_moved,
        postsHeld: row.posts_held,
        held: row.held,
      })),
      postsMoved: posts.rows.length,
      postsHeld: posts.rows.filter((row) => row.publish_status === "held").length,
      postsInFlight: inFlight.rows[0]?.n ?? 0,
      approvalRequestIds: approvals.rows.map((row) => row.id),
    }),
  );
}
