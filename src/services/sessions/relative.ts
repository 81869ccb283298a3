/**
 * Relative schedules: content due "10 minutes after the keynote starts" or "1 hour before the phase
 * ends" instead of at a clock time. The content keeps its anchor (a session or a phase, an edge, an
 * offset in minutes) beside the `scheduled_for` it resolves to, so everything that reads the time
 * (the outbox, approval deadlines, lists) reads one column; moving the anchor recomputes it
 * (follow.ts). The anchor must belong to the content's event.
 *
 * Writes that set an anchor lock it (FOR SHARE) before computing the time, so a move of the same
 * session either finishes first (the write sees its new time) or waits (and then carries the new
 * anchor along): no content is left at a time its session no longer has.
 */
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Content, RelativeEdge } from "../../db/schema/content.ts";
import { eventPhases } from "../../db/schema/event-phases.ts";
import { eventSessions } from "../../db/schema/event-sessions.ts";
import { events } from "../../db/schema/events.ts";
import { ownedBy } from "../../db/tenant.ts";
import { NotFoundError, UnprocessableError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";

/** As the API speaks it: exactly one of session_id and phase_id. */
export interface RelativeTo {
  session_id?: string;
  phase_id?: string;
  edge: RelativeEdge;
  offset_minutes: number;
}

/** The anchor as read for a write: which event it belongs to and its edges now. */
export interface AnchorRow {
  id: string;
  eventId: string;
  startsAt: Date | null;
  endsAt: Date | null;
}

type RelativeColumns = Pick<
  Content,
  "relativeSessionId" | "relativePhaseId" | "relativeEdge" | "relativeOffsetMinutes"
>;

/** The content's anchor on the wire (null without one, also once its session was removed for good). */
export function relativeToOf(row: RelativeColumns): RelativeTo | null {
  if (!row.relativeEdge || row.relativeOffsetMinutes === null) return null;
  if (row.relativeSessionId) {
    return {
      session_id: row.relativeSessionId,
      edge: row.relativeEdge,
      offset_minutes: row.relativeOffsetMinutes,
    };
  }
  if (row.relativePhaseId) {
    return {
      phase_id: row.relativePhaseId,
      edge: row.relativeEdge,
      offset_minutes: row.relativeOffsetMinutes,
    };
  }
  return null;
}

/** The anchor's columns (all null: no anchor). */
export function relativeColumns(relative: RelativeTo | null): RelativeColumns {
  return {
    relativeSessionId: relative?.session_id ?? null,
    relativePhaseId: relative?.phase_id ?? null,
    relativeEdge: relative?.edge ?? null,
    relativeOffsetMinutes: relative?.offset_minutes ?? null,
  };
}

const liveAnchorSession = (ctx: TenantContext, id: string) =>
  and(
    ownedBy(ctx, eventSessions.organizationId, eq(eventSessions.id, id), isNull(eventSessions.deletedAt)),
    sql`exists (select 1 from ${events} where ${events.id} = ${eventSessions.eventId} and ${events.deletedAt} is null)`,
  );
const liveAnchorPhase = (ctx: TenantContext, id: string) =>
  and(
    ownedBy(ctx, eventPhases.organizationId, eq(eventPhases.id, id), isNull(eventPhases.deletedAt)),
    sql`exists (select 1 from ${events} where ${events.id} = ${eventPhases.eventId} and ${events.deletedAt} is null)`,
  );

/**
 * The live anchor (no row when there is none or it is gone), for the caller's batch; `lock` takes a
 * share lock on it for the rest of the transaction (see the module comment).
 */
export function selectAnchor(
  ctx: TenantContext,
  db: Database,
  relative: RelativeTo | null | undefined,
  options: { lock?: boolean } = {},
) {
  if (relative?.phase_id) {
    const query = db
      .select({
        id: eventPhases.id,
        eventId: eventPhases.eventId,
        startsAt: eventPhases.startsAt,
        endsAt: eventPhases.endsAt,
      })
      .from(eventPhases)
      .where(liveAnchorPhase(ctx, relative.phase_id));
    return options.lock ? query.for("share") : query;
  }
  const query = db
    .select({
      id: eventSessions.id,
      eventId: eventSessions.eventId,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
    })
    .from(eventSessions)
    .where(relative?.session_id ? liveAnchorSession(ctx, relative.session_id) : sql`false`);
  return options.lock ? query.for("share") : query;
}

/** SQL: the time the anchor resolves to now (its edge plus the offset), for an insert or update. */
export function relativeTime(relative: RelativeTo): SQL<Date> {
  const edge = relative.edge === "start" ? sql.raw("starts_at") : sql.raw("ends_at");
  const table = relative.session_id ? eventSessions : eventPhases;
  const id = relative.session_id ?? relative.phase_id;
  return sql<Date>`((select ${edge} from ${table} where id = ${id}) + make_interval(mins => ${relative.offset_minutes}::integer))`;
}

/** SQL write guard: the anchor is live and belongs to the event `eventId`. */
export function anchorGuard(ctx: TenantContext, relative: RelativeTo, eventId: string | null): SQL {
  if (!eventId) return sql`false`;
  if (relative.phase_id) {
    return sql`exists (select 1 from ${eventPhases} where ${and(liveAnchorPhase(ctx, relative.phase_id), eq(eventPhases.eventId, eventId))})`;
  }
  return sql`exists (select 1 from ${eventSessions} where ${and(liveAnchorSession(ctx, relative.session_id ?? ""), eq(eventSessions.eventId, eventId))})`;
}

/** The time the anchor row resolves to (null when the phase has no times). */
export function timeOf(relative: RelativeTo, anchor: AnchorRow): Date | null {
  const edge = relative.edge === "start" ? anchor.startsAt : anchor.endsAt;
  return edge ? new Date(edge.getTime() + relative.offset_minutes * 60_000) : null;
}

/**
 * 404 when the anchor is not a live session or phase of the organisation; 422
 * `relative_anchor_outside_event` when it is not of the content's event (or the content has none).
 */
export function assertAnchor(
  relative: RelativeTo,
  eventId: string | null,
  rows: readonly AnchorRow[],
): AnchorRow {
  const anchor = rows[0];
  if (!anchor) {
    throw relative.session_id
      ? new NotFoundError("event_session_not_found", "No such session (relative_to.session_id).")
      : new NotFoundError("event_phase_not_found", "No such phase (relative_to.phase_id).");
  }
  if (anchor.eventId !== eventId) {
    throw new UnprocessableError(
      "relative_anchor_outside_event",
      "Content scheduled relative to a session or phase must belong to its event: set event_id to that event.",
    );
  }
  return anchor;
}
