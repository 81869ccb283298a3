/**
 * Sessions: the agenda items inside an event's phases (a keynote, a panel, a ceremony), each with a
 * room and its speakers, who are delegates of the same event, in programme order. A session lies
 * within its phase (placement.ts). Its times change only by a move (move.ts), which takes along
 * everything scheduled relative to it; editing covers the rest. Every verb works inside a live
 * event of the organisation: a deleted or foreign event's sessions answer 404.
 */
import { and, asc, eq, getTableColumns, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { typed } from "../../db/insert-select.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { delegates } from "../../db/schema/delegates.ts";
import { eventPhases } from "../../db/schema/event-phases.ts";
import { type EventSession, eventSessionSpeakers, eventSessions } from "../../db/schema/event-sessions.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { BadRequestError, ConflictError, NotFoundError, PreconditionFailedError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import { eventNotFound } from "../delegates/delegates.ts";
import { type PageInput, type PageOrder, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { restore, softDelete } from "../soft-delete.ts";
import {
  assertInPhase,
  assertSessionOrder,
  containsStart,
  fitsPhase,
  noPhaseContains,
  type PhaseBounds,
  phaseContaining,
} from "./placement.ts";

export interface SessionInput {
  title: string;
  description?: string | null;
  room?: string | null;
  /** Default: the event's phase that contains starts_at. */
  phase_id?: string;
  starts_at: string;
  ends_at: string;
  /** Delegate ids of the event, in programme order. */
  speakers?: string[];
}

export type SessionPatch = Partial<Pick<SessionInput, "title" | "description" | "room" | "speakers">>;

/** A speaker as a session shows them (wire names: the statement builds the JSON). */
export interface SessionSpeaker {
  id: string;
  title: string | null;
  first_name: string;
  last_name: string | null;
  organization: string | null;
}

export type SessionView = EventSession & { speakers: SessionSpeaker[] };

export const sessionNotFound = () => new NotFoundError("event_session_not_found", "No such session.");
const phaseNotFound = () => new NotFoundError("event_phase_not_found", "No such phase of this event.");

/**
 * The session's live speakers, in order, as JSON: a column of every session read. The outer row is
 * named in full: drizzle writes a selected column unqualified, and `d.id` would shadow it.
 */
export const speakersOf = () =>
  sql<SessionSpeaker[]>`(select coalesce(json_agg(json_build_object(
      'id', d.id, 'title', d.title, 'first_name', d.first_name, 'last_name', d.last_name,
      'organization', d.organization) order by sp.sort_order, d.first_name), '[]'::json)
    from ${eventSessionSpeakers} sp join ${delegates} d on d.id = sp.delegate_id and d.deleted_at is null
    where sp.session_id = event_sessions.id)`;

export const sessionWithSpeakers = () => ({ ...getTableColumns(eventSessions), speakers: speakersOf() });

/** The session's event is live (a condition on `event_sessions` rows). */
export const eventOfSessionLive = (ctx: TenantContext): SQL =>
  sql`exists (select 1 from ${events} where ${ownedBy(ctx, events.organizationId, sql`${events.id} = ${eventSessions.eventId}`, isNull(events.deletedAt))})`;

/** A live session of the organisation whose event is live. */
export const liveSession = (ctx: TenantContext, id: string): SQL =>
  and(
    ownedBy(ctx, eventSessions.organizationId, eq(eventSessions.id, id), isNull(eventSessions.deletedAt)),
    eventOfSessionLive(ctx),
  ) as SQL;

/** SQL: every id is a live delegate of the event (the empty list always holds). */
function allDelegatesOf(ctx: TenantContext, eventId: SQL | string, ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`true`;
  return sql`(select count(*) from ${delegates} where ${ownedBy(
    ctx,
    delegates.organizationId,
    sql`${delegates.id} = any(${sql.param(ids)}::uuid[])`,
    sql`${delegates.eventId} = ${eventId}`,
    isNull(delegates.deletedAt),
  )}) = ${ids.length}`;
}

/** The speakers' rows of a session written in this transaction, in the list's order. */
function insertSpeakers(ctx: TenantContext, db: Database, sessionId: string, ids: readonly string[]) {
  if (ids.length === 0) return undefined;
  return db.execute(sql`
    insert into ${eventSessionSpeakers} (organization_id, session_id, delegate_id, sort_order)
    select ${ctx.organizationId}, ${sessionId}, d.id, (array_position(${sql.param(ids)}::uuid[], d.id) - 1)
      from ${delegates} d
     where d.organization_id = ${ctx.organizationId} and d.id = any(${sql.param(ids)}::uuid[])
       and exists (select 1 from ${eventSessions} s where s.id = ${sessionId} and s.event_id = d.event_id
                   and s.xmin = pg_current_xact_id()::xid)`);
}

/** One session with its speakers: a statement for the caller's batch. */
function selectSession(ctx: TenantContext, db: Database, id: string) {
  return db.select(sessionWithSpeakers()).from(eventSessions).where(liveSession(ctx, id));
}

/** 400 `unknown_speaker` naming the ids that are not live delegates of the event. */
async function assertSpeakers(ctx: TenantContext, eventId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { found } = await inTenant(explaining(ctx), (db) => ({
    found: db
      .select({ id: delegates.id })
      .from(delegates)
      .where(
        ownedBy(
          ctx,
          delegates.organizationId,
          sql`${delegates.id} = any(${sql.param(ids)}::uuid[])`,
          eq(delegates.eventId, eventId),
          isNull(delegates.deletedAt),
        ),
      ),
  }));
  const known = new Set(found.map((row) => row.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new BadRequestError(
      "unknown_speaker",
      `Speakers must be delegates of the session's event: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not.`,
      { unknown_speakers: unknown },
    );
  }
}

/** A read that explains a refused write: without the request's Idempotency-Key (a refusal claims none). */
const explaining = (ctx: TenantContext) => ({ db: ctx.db, organizationId: ctx.organizationId });

/** The statements reading the event's dates and its live phases in start order: what placement is judged by. */
export function placementStatements(ctx: TenantContext, db: Database, eventId: string) {
  return {
    event: db
      .select({ startDate: events.startDate, endDate: events.endDate })
      .from(events)
      .where(ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt))),
    phases: db
      .select({
        id: eventPhases.id,
        name: eventPhases.name,
        startsAt: eventPhases.startsAt,
        endsAt: eventPhases.endsAt,
      })
      .from(eventPhases)
      .where(
        ownedBy(
          ctx,
          eventPhases.organizationId,
          eq(eventPhases.eventId, eventId),
          isNull(eventPhases.deletedAt),
        ),
      )
      .orderBy(asc(eventPhases.startsAt)),
  };
}

/** The event's dates and live phases (404 when the event is not live). */
async function eventPhasesOf(ctx: TenantContext, eventId: string) {
  const { event, phases } = await inTenant(explaining(ctx), (db) => placementStatements(ctx, db, eventId));
  if (!event[0]) throw eventNotFound();
  return { event: event[0], phases: phases as PhaseBounds[] };
}

/** Why a create wrote nothing: the event, the phase, the placement or a speaker (a second round trip). */
async function explainRefusedCreate(
  ctx: TenantContext,
  eventId: string,
  input: SessionInput,
  start: Date,
  end: Date,
): Promise<never> {
  const { event, phases } = await eventPhasesOf(ctx, eventId);
  const phase = input.phase_id ? phases.find((p) => p.id === input.phase_id) : phaseContaining(phases, start);
  if (!phase) throw input.phase_id ? phaseNotFound() : noPhaseContains(start);
  assertInPhase(phase, event, start, end);
  await assertSpeakers(ctx, eventId, input.speakers ?? []);
  throw new ConflictError("edit_conflict", "The event's phases changed while saving; try again.");
}

/**
 * One round trip: a guarded insert that writes the session only when the event is live, the phase
 * (named, or the one containing starts_at) is one of its live phases, the times fit the phase and
 * every speaker is a delegate of the event; its speakers and its audit row in the same batch, and
 * the session read back with them. When nothing is written, a second read says why.
 */
export async function createSession(
  ctx: TenantContext,
  eventId: string,
  input: SessionInput,
): Promise<SessionView> {
  const start = new Date(input.starts_at);
  const end = new Date(input.ends_at);
  assertSessionOrder(start, end);
  const id = crypto.randomUUID();
  const speakers = input.speakers ?? [];
  const { session } = await inTenant(ctx, (db) => ({
    inserted: db.insert(eventSessions).select(
      db
        .select({
          id: typed(eventSessions.id, id).as("id"),
          organizationId: eventPhases.organizationId,
          eventId: eventPhases.eventId,
          phaseId: eventPhases.id,
          title: typed(eventSessions.title, input.title).as("title"),
          description: typed(eventSessions.description, input.description ?? null).as("description"),
          room: typed(eventSessions.room, input.room ?? null).as("room"),
          startsAt: typed(eventSessions.startsAt, start).as("starts_at"),
          endsAt: typed(eventSessions.endsAt, end).as("ends_at"),
          createdAt: sql`now()`.as("created_at"),
          updatedAt: sql`now()`.as("updated_at"),
          deletedAt: sql`null`.as("deleted_at"),
        })
        .from(eventPhases)
        .innerJoin(events, eq(events.id, eventPhases.eventId))
        .where(
          and(
            ownedBy(
              ctx,
              eventPhases.organizationId,
              eq(eventPhases.eventId, eventId),
              isNull(eventPhases.deletedAt),
              input.phase_id ? eq(eventPhases.id, input.phase_id) : containsStart(start),
            ),
            isNull(events.deletedAt),
            fitsPhase(start, end),
            allDelegatesOf(ctx, eventId, speakers),
          ),
        ),
    ),
    speakers: insertSpeakers(ctx, db, id, speakers),
    audit: auditEntry(ctx, db, {
      action: "event_session.create",
      entityType: "event_session",
      entityId: id,
      changes: {
        event_id: eventId,
        title: input.title,
        starts_at: start.toISOString(),
        ends_at: end.toISOString(),
        ...(input.room ? { room: input.room } : {}),
        ...(speakers.length ? { speakers } : {}),
      },
      guard: eventSessions,
    }),
    session: selectSession(ctx, db, id),
  }));
  return session[0] ?? explainRefusedCreate(ctx, eventId, input, start, end);
}

/** One round trip. */
export async function getSession(ctx: TenantContext, id: string): Promise<SessionView> {
  const { rows } = await inTenant(ctx, (db) => ({ rows: selectSession(ctx, db, id) }));
  const session = rows[0];
  if (!session) throw sessionNotFound();
  return session;
}

export interface ListSessionsInput extends PageInput {
  phase_id?: string;
  /** Sessions this delegate speaks at. */
  speaker_id?: string;
  room?: string;
  /** Starting at or after. */
  from?: Date;
  /** Starting before. */
  to?: Date;
}

const programmeOrder: PageOrder = { by: eventSessions.startsAt, id: eventSessions.id, direction: "asc" };

/** A page of an event's sessions, rendered once per filters and order (db/prepared.ts). */
const sessionsPage = preparedStatement(
  "sessionsPage",
  (
    db,
    value: Value<"organizationId" | "eventId" | "phaseId" | "room" | "from" | "to" | "speakerId" | PageValue>,
    shape: {
      continued: boolean;
      phaseId: boolean;
      room: boolean;
      from: boolean;
      to: boolean;
      speakerId: boolean;
    },
  ) => {
    const page = pageStatement(programmeOrder, shape.continued, value);
    return db
      .select({ row: sessionWithSpeakers(), key: page.key })
      .from(eventSessions)
      .where(
        and(
          eq(eventSessions.organizationId, value("organizationId")),
          eq(eventSessions.eventId, value("eventId")),
          isNull(eventSessions.deletedAt),
          shape.phaseId ? eq(eventSessions.phaseId, value("phaseId")) : undefined,
          shape.room ? eq(eventSessions.room, value("room")) : undefined,
          shape.from ? gte(eventSessions.startsAt, value("from")) : undefined,
          shape.to ? lt(eventSessions.startsAt, value("to")) : undefined,
          shape.speakerId
            ? sql`exists (select 1 from ${eventSessionSpeakers} sp where sp.session_id = ${eventSessions.id} and sp.delegate_id = ${value("speakerId")})`
            : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** One round trip (the event check and the page in one batch), in programme order (start, then id). */
export async function listSessions(ctx: TenantContext, eventId: string, input: ListSessionsInput) {
  const page = paginate(input, programmeOrder);
  const { event, rows } = await inTenant(ctx, (db) => ({
    event: db
      .select({ id: events.id })
      .from(events)
      .where(ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt))),
    rows: sessionsPage(
      db,
      {
        organizationId: ctx.organizationId,
        eventId,
        phaseId: input.phase_id,
        room: input.room,
        from: input.from?.toISOString(),
        to: input.to?.toISOString(),
        speakerId: input.speaker_id,
        ...page.values,
      },
      {
        continued: page.continued,
        phaseId: Boolean(input.phase_id),
        room: Boolean(input.room),
        from: Boolean(input.from),
        to: Boolean(input.to),
        speakerId: Boolean(input.speaker_id),
      },
    ),
  }));
  if (!event[0]) throw eventNotFound();
  return page.result(rows);
}

/**
 * Two round trips: read (404, If-Match), then a write guarded by what was read, the live event and
 * the speakers being its delegates; the speakers, when given, are replaced in the same batch.
 */
export async function updateSession(
  ctx: TenantContext,
  id: string,
  patch: SessionPatch,
  ifMatch: string | undefined,
): Promise<SessionView> {
  const current = await getSession(ctx, id);
  assertIfMatch(ifMatch, current.updatedAt);
  const set = definedFields({ title: patch.title, description: patch.description, room: patch.room });
  const speakers = patch.speakers;
  const before = { ...current, speakers: current.speakers.map((s) => s.id) };
  const { updated, session } = await inTenant(ctx, (db) => ({
    updated: db
      .update(eventSessions)
      .set({ ...set, updatedAt: ctx.now() })
      .where(
        and(
          liveSession(ctx, id),
          unchangedSince(eventSessions.updatedAt, current.updatedAt),
          speakers ? allDelegatesOf(ctx, current.eventId, speakers) : undefined,
        ),
      )
      .returning({ id: eventSessions.id }),
    cleared: speakers
      ? db.execute(sql`delete from ${eventSessionSpeakers} sp where sp.session_id = ${id}
          and sp.organization_id = ${ctx.organizationId}
          and exists (select 1 from ${eventSessions} s where s.id = ${id} and s.xmin = pg_current_xact_id()::xid)`)
      : undefined,
    speakers: speakers ? insertSpeakers(ctx, db, id, speakers) : undefined,
    audit: auditEntry(ctx, db, {
      action: "event_session.update",
      entityType: "event_session",
      entityId: id,
      changes: diff(before as unknown as Record<string, unknown>, {
        ...set,
        ...(speakers ? { speakers } : {}),
      }),
      guard: eventSessions,
    }),
    session: selectSession(ctx, db, id),
  }));
  if (updated.length === 0) {
    if (speakers) await assertSpeakers(ctx, current.eventId, speakers);
    if (ifMatch) throw new PreconditionFailedError();
    throw new ConflictError("edit_conflict", "The session changed while you were saving; read it again.");
  }
  return session[0] as SessionView;
}

const target = (ctx: TenantContext, id: string) => ({
  table: eventSessions,
  id,
  entity: "event_session",
  where: eventOfSessionLive(ctx),
  returning: sessionWithSpeakers(),
});

/**
 * Soft delete: the session leaves the agenda; what is scheduled relative to it keeps its last time
 * (and follows the session again once it is restored and moved).
 */
export function deleteSession(ctx: TenantContext, id: string): Promise<SessionView> {
  return softDelete<typeof eventSessions, SessionView>(ctx, target(ctx, id));
}

export function restoreSession(ctx: TenantContext, id: string): Promise<SessionView> {
  return restore<typeof eventSessions, SessionView>(ctx, target(ctx, id));
}
