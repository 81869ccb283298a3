/**
 * Moving a session, or a phase with all its sessions: one call, one transaction. The move's batch
 * updates the anchor row(s), then carries along everything scheduled relative to them (follow.ts:
 * content times, waiting posts, approval deadlines, notifications, audit rows); the move itself is
 * audited (`event_session.move` / `event_phase.move`). After the commit, the approval requests whose
 * deadlines moved are told (their Durable Objects keep the clock).
 *
 * Round trips: two (the read that checks the new times, then the write batch), however many content
 * items, posts and approvals follow.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { type EventPhase, eventPhases } from "../../db/schema/event-phases.ts";
import { eventSessions } from "../../db/schema/event-sessions.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from "../../errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { retimeApprovalRequests } from "../approvals/decide.ts";
import { auditEntry } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { assertInsideEvent, isOverlap, overlapConflict } from "../phases/phases.ts";
import { type Followed, followStatements } from "./follow.ts";
import { assertInPhase, assertSessionOrder, fitsPhase } from "./placement.ts";
import { liveSession, type SessionView, sessionNotFound, sessionWithSpeakers } from "./sessions.ts";

export interface MoveInput {
  /** The new start (exactly one of starts_at and shift_minutes). */
  starts_at?: string;
  /** Minutes later (negative: earlier). */
  shift_minutes?: number;
  /** The new end; by default the duration is kept. */
  ends_at?: string;
}

const MINUTE = 60_000;
const written = (table: string, id: string) =>
  sql`exists (select 1 from ${sql.identifier(table)} where id = ${id} and xmin = pg_current_xact_id()::xid)`;

/** The new start and end: `starts_at` or the shift, and `ends_at` or the same duration. */
function newTimes(current: { start: Date; end: Date }, input: MoveInput): { start: Date; end: Date } {
  if ((input.starts_at === undefined) === (input.shift_minutes === undefined)) {
    throw new ValidationError([
      { path: "json", message: "Give either starts_at or shift_minutes.", code: "move_target" },
    ]);
  }
  const start = input.starts_at
    ? new Date(input.starts_at)
    : new Date(current.start.getTime() + (input.shift_minutes ?? 0) * MINUTE);
  const end = input.ends_at
    ? new Date(input.ends_at)
    : new Date(start.getTime() + current.end.getTime() - current.start.getTime());
  return { start, end };
}

const span = (from: Date | null, to: Date | null) => ({
  from: from?.toISOString() ?? null,
  to: to?.toISOString() ?? null,
});

/** After the commit: the approval requests whose deadlines moved hear of it. */
async function afterMove(ctx: TenantContext, followed: Followed, logger: Logger) {
  await retimeApprovalRequests(ctx, followed.approvalRequestIds, logger);
  return followed;
}

const nothingFollowed = (): Followed => ({
  content: [],
  postsMoved: 0,
  postsHeld: 0,
  postsInFlight: 0,
  approvalRequestIds: [],
});

const editConflict = (ifMatch: string | undefined, what: string) =>
  ifMatch
    ? new PreconditionFailedError()
    : new ConflictError("edit_conflict", `The ${what} changed while you were moving it; read it again.`);

/**
 * `POST /v1/sessions/{id}/move`. 400 `session_outside_phase` when the new times leave the phase
 * (move the phase first), 412 for a stale If-Match, 404 for an unknown session.
 */
export async function moveSession(
  ctx: TenantContext,
  id: string,
  input: MoveInput,
  ifMatch: string | undefined,
  logger: Logger,
): Promise<{ session: SessionView; followed: Followed }> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({
        session: sessionWithSpeakers(),
        phase: {
          id: eventPhases.id,
          name: eventPhases.name,
          startsAt: eventPhases.startsAt,
          endsAt: eventPhases.endsAt,
        },
        event: { startDate: events.startDate, endDate: events.endDate },
      })
      .from(eventSessions)
      .innerJoin(eventPhases, eq(eventPhases.id, eventSessions.phaseId))
      .innerJoin(events, eq(events.id, eventSessions.eventId))
      .where(liveSession(ctx, id)),
  }));
  const found = rows[0];
  if (!found) throw sessionNotFound();
  const { session: current, phase, event } = found;
  assertIfMatch(ifMatch, current.updatedAt);
  const { start, end } = newTimes({ start: current.startsAt, end: current.endsAt }, input);
  assertSessionOrder(start, end, input.ends_at ? "json.ends_at" : "json");
  assertInPhase(phase, event, start, end);
  if (start.getTime() === current.startsAt.getTime() && end.getTime() === current.endsAt.getTime()) {
    return { session: current, followed: nothingFollowed() };
  }

  const moveId = crypto.randomUUID();
  const { session, followed } = await inTenant(ctx, (db) => ({
    session: db
      .update(eventSessions)
      .set({ startsAt: start, endsAt: end, updatedAt: ctx.now() })
      .where(
        and(
          liveSession(ctx, id),
          unchangedSince(eventSessions.updatedAt, current.updatedAt),
          sql`exists (select 1 from ${eventPhases} join ${events} on ${events.id} = ${eventPhases.eventId}
                where ${eventPhases.id} = ${eventSessions.phaseId} and ${fitsPhase(start, end)})`,
        ),
      )
      .returning(sessionWithSpeakers()),
    followed: followStatements(
      ctx,
      db,
      { sessionId: id },
      { moveId, label: `the session "${current.title}"`, event, written: written("event_sessions", id) },
    ),
    audit: auditEntry(ctx, db, {
      action: "event_session.move",
      entityType: "event_session",
      entityId: id,
      changes: {
        starts_at: span(current.startsAt, start),
        ends_at: span(current.endsAt, end),
        move_id: moveId,
      },
      guard: eventSessions,
    }),
  }));
  const moved = session[0];
  if (!moved) throw editConflict(ifMatch, "session");
  return { session: moved, followed: await afterMove(ctx, followed, logger) };
}

const phaseNotFound = () => new NotFoundError("event_phase_not_found", "No such event phase.");

/**
 * `POST /v1/event-phases/{id}/move`: the phase and every session in it by the same shift (the phase's
 * start moves by it; its end too, unless `ends_at` is given). 400 `phase_outside_event` beyond the
 * event's window, 409 `phase_overlap` onto another phase, 409 `sessions_outside_phase` when a
 * shorter phase would leave sessions out, 412 for a stale If-Match.
 */
export async function movePhase(
  ctx: TenantContext,
  id: string,
  input: MoveInput,
  ifMatch: string | undefined,
  logger: Logger,
): Promise<{ phase: EventPhase; sessionsMoved: number; followed: Followed }> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({
        phase: eventPhases,
        event: { startDate: events.startDate, endDate: events.endDate },
        lastEnd: sql<Date | null>`(select max(s.ends_at) from ${eventSessions} s
          where s.phase_id = event_phases.id and s.deleted_at is null)`.mapWith(eventSessions.endsAt),
      })
      .from(eventPhases)
      .innerJoin(events, eq(events.id, eventPhases.eventId))
      .where(
        ownedBy(
          ctx,
          eventPhases.organizationId,
          eq(eventPhases.id, id),
          isNull(eventPhases.deletedAt),
          isNull(events.deletedAt),
        ),
      ),
  }));
  const found = rows[0];
  if (!found) throw phaseNotFound();
  const { phase: current, event, lastEnd } = found;
  assertIfMatch(ifMatch, current.updatedAt);
  if (!current.startsAt || !current.endsAt) {
    throw new ConflictError("phase_without_times", "The phase has no times to move; set them first (PATCH).");
  }
  const { start, end } = newTimes({ start: current.startsAt, end: current.endsAt }, input);
  if (start >= end) {
    throw new ValidationError([
      {
        path: input.ends_at ? "json.ends_at" : "json",
        message: "ends_at must be after starts_at",
        code: "date_order",
      },
    ]);
  }
  assertInsideEvent(event, start, end);
  const shift = start.getTime() - current.startsAt.getTime();
  if (lastEnd && lastEnd.getTime() + shift > end.getTime()) {
    throw new ConflictError(
      "sessions_outside_phase",
      `Sessions of the phase run until ${new Date(lastEnd.getTime() + shift).toISOString()} after the move; end the phase no earlier, or move those sessions first.`,
      { latest_session_ends_at: new Date(lastEnd.getTime() + shift).toISOString() },
    );
  }
  if (shift === 0 && end.getTime() === current.endsAt.getTime()) {
    return { phase: current, sessionsMoved: 0, followed: nothingFollowed() };
  }

  const moveId = crypto.randomUUID();
  const delta = sql`make_interval(secs => ${shift / 1000})`;
  const phaseWritten = written("event_phases", id);
  try {
    const { phase, sessions, followed } = await inTenant(ctx, (db) => ({
      phase: db
        .update(eventPhases)
        .set({ startsAt: start, endsAt: end, updatedAt: ctx.now() })
        .where(
          and(
            ownedBy(ctx, eventPhases.organizationId, eq(eventPhases.id, id), isNull(eventPhases.deletedAt)),
            unchangedSince(eventPhases.updatedAt, current.updatedAt),
            sql`exists (select 1 from ${events} where ${events.id} = ${eventPhases.eventId} and ${events.deletedAt} is null)`,
            sql`not exists (select 1 from ${eventSessions} s where s.phase_id = ${id} and s.deleted_at is null
                  and s.ends_at + ${delta} > ${end.toISOString()}::timestamptz)`,
          ),
        )
        .returning(),
      // Sessions in the bin move too: restored, they are where the phase is.
      sessions: db
        .update(eventSessions)
        .set({
          startsAt: sql`${eventSessions.startsAt} + ${delta}`,
          endsAt: sql`${eventSessions.endsAt} + ${delta}`,
          updatedAt: ctx.now(),
        })
        .where(and(ownedBy(ctx, eventSessions.organizationId, eq(eventSessions.phaseId, id)), phaseWritten))
        .returning({ id: eventSessions.id }),
      followed: followStatements(
        ctx,
        db,
        { phaseId: id },
        { moveId, label: `the phase "${current.name}"`, event, written: phaseWritten },
      ),
      audit: auditEntry(ctx, db, {
        action: "event_phase.move",
        entityType: "event_phase",
        entityId: id,
        changes: {
          starts_at: span(current.startsAt, start),
          ends_at: span(current.endsAt, end),
          move_id: moveId,
        },
        guard: eventPhases,
      }),
    }));
    const moved = phase[0];
    if (!moved) throw editConflict(ifMatch, "phase");
    return { phase: moved, sessionsMoved: sessions.length, followed: await afterMove(ctx, followed, logger) };
  } catch (error) {
    if (isOverlap(error)) throw await overlapConflict(ctx, current.eventId, { start, end, except: id });
    throw error;
  }
}
