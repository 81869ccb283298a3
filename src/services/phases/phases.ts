/**
 * Event phases: the stretches of an event (pre-event, day 1, closing…). A phase belongs to a live
 * event of the organisation, lies within the event's window (its dates, widened by
 * PHASE_WINDOW_DAYS on each side for pre- and post-event phases), and never overlaps another phase of
 * the same event. The overlap rule is the database's (an exclusion constraint, see migration 0007),
 * so it holds for two requests at once; the service turns its violation into 409 `phase_overlap`.
 */
import { and, asc, eq, exists, gt, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import { pgError } from "../../db/errors.ts";
import { typed } from "../../db/insert-select.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type EventPhase, eventPhases } from "../../db/schema/event-phases.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import { type PageInput, type PageOrder, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { restore, softDelete } from "../soft-delete.ts";

/** How far before the event's start and after its end a (pre- or post-event) phase may reach. */
export const PHASE_WINDOW_DAYS = 90;
const WINDOW_MS = PHASE_WINDOW_DAYS * 86_400_000;
const WINDOW = sql.raw(`interval '${PHASE_WINDOW_DAYS} days'`);

export interface PhaseInput {
  name: string;
  description?: string | null;
  starts_at: string;
  ends_at: string;
  sort_order?: number;
}

interface EventBounds {
  startDate: Date;
  endDate: Date;
}

const eventNotFound = () => new NotFoundError("event_not_found", "No such event.");
const phaseNotFound = () => new NotFoundError("event_phase_not_found", "No such event phase.");
const agendaOnPhase = (phaseId: string) =>
  new ConflictError(
    "phase_has_agenda",
    "The phase has sessions or content scheduled relative to it: change its times with POST /v1/event-phases/{id}/move, which takes them along.",
    { move: `/v1/event-phases/${phaseId}/move` },
  );

const liveEvent = (ctx: TenantContext, eventId: string) =>
  ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt));

/** A phase of this event that is not deleted. */
const livePhase = (ctx: TenantContext, eventId: string, phaseId: string) =>
  ownedBy(
    ctx,
    eventPhases.organizationId,
    eq(eventPhases.eventId, eventId),
    eq(eventPhases.id, phaseId),
    isNull(eventPhases.deletedAt),
  );

function assertOrder(start: Date, end: Date): void {
  if (start >= end) {
    throw new ValidationError([
      { path: "json.ends_at", message: "ends_at must be after starts_at", code: "date_order" },
    ]);
  }
}

function outsideEvent(event: EventBounds): BadRequestError {
  const earliest = new Date(event.startDate.getTime() - WINDOW_MS).toISOString();
  const latest = new Date(event.endDate.getTime() + WINDOW_MS).toISOString();
  return new BadRequestError(
    "phase_outside_event",
    `A phase must lie within the event (${event.startDate.toISOString()} – ${event.endDate.toISOString()}), or at most ${PHASE_WINDOW_DAYS} days before or after it: between ${earliest} and ${latest}.`,
    {
      event_start_date: event.startDate.toISOString(),
      event_end_date: event.endDate.toISOString(),
      earliest_starts_at: earliest,
      latest_ends_at: latest,
    },
  );
}

export function assertInsideEvent(event: EventBounds, start: Date, end: Date): void {
  if (
    start.getTime() < event.startDate.getTime() - WINDOW_MS ||
    end.getTime() > event.endDate.getTime() + WINDOW_MS
  ) {
    throw outsideEvent(event);
  }
}

/**
 * The context for a read that explains a refused write: without the request's Idempotency-Key, so
 * the refusal is not stored as the key's answer (a failed write claims no key, as elsewhere).
 */
const explaining = (ctx: TenantContext) => ({ db: ctx.db, organizationId: ctx.organizationId });

export const isOverlap = (error: unknown) => {
  const info = pgError(error);
  return info?.code === "23P01" && info.constraint === "event_phases_no_overlap";
};

/** The 409 for a phase that overlaps another: names the first phase it overlaps. */
export async function overlapConflict(
  ctx: TenantContext,
  eventId: string,
  range: { start: Date; end: Date; except?: string },
): Promise<ConflictError> {
  const { rows } = await inTenant(explaining(ctx), (db) => ({
    rows: db
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
          range.except ? ne(eventPhases.id, range.except) : undefined,
          lt(eventPhases.startsAt, range.end),
          gt(eventPhases.endsAt, range.start),
        ),
      )
      .orderBy(asc(eventPhases.startsAt))
      .limit(1),
  }));
  const other = rows[0];
  if (!other) return new ConflictError("phase_overlap", "The phase overlaps another phase of the event.");
  const span = `${other.startsAt?.toISOString()} – ${other.endsAt?.toISOString()}`;
  return new ConflictError("phase_overlap", `The phase overlaps the phase "${other.name}" (${span}).`, {
    overlapping_phase: {
      id: other.id,
      name: other.name,
      starts_at: other.startsAt?.toISOString() ?? null,
      ends_at: other.endsAt?.toISOString() ?? null,
    },
  });
}

/** The event's dates, or 404 `event_not_found` when it is not a live event of the organisation. */
async function eventBounds(ctx: TenantContext, eventId: string): Promise<EventBounds> {
  const { rows } = await inTenant(explaining(ctx), (db) => ({
    rows: db
      .select({ startDate: events.startDate, endDate: events.endDate })
      .from(events)
      .where(liveEvent(ctx, eventId)),
  }));
  const event = rows[0];
  if (!event) throw eventNotFound();
  return event;
}

/**
 * One round trip: a guarded insert that writes the phase only when the event is live and the phase
 * fits its window (the default sort order is the phase's position by start among the event's
 * phases). When it writes nothing, a second read says why (404 or 400).
 */
export async function createPhase(
  ctx: TenantContext,
  eventId: string,
  input: PhaseInput,
): Promise<EventPhase> {
  const start = new Date(input.starts_at);
  const end = new Date(input.ends_at);
  assertOrder(start, end);
  const id = crypto.randomUUID();
  const position = sql<number>`(select count(*)::integer from ${eventPhases} where ${ownedBy(
    ctx,
    eventPhases.organizationId,
    eq(eventPhases.eventId, eventId),
    isNull(eventPhases.deletedAt),
    lt(eventPhases.startsAt, start),
  )})`;
  const fits = sql`${typed(eventPhases.startsAt, start)} >= ${events.startDate} - ${WINDOW}
    and ${typed(eventPhases.endsAt, end)} <= ${events.endDate} + ${WINDOW}`;
  let created: EventPhase | undefined;
  try {
    const { rows } = await inTenant(ctx, (db) => ({
      rows: db
        .insert(eventPhases)
        .select(
          db
            .select({
              id: typed(eventPhases.id, id).as("id"),
              organizationId: events.organizationId,
              eventId: events.id,
              name: typed(eventPhases.name, input.name).as("name"),
              description: typed(eventPhases.description, input.description ?? null).as("description"),
              startsAt: typed(eventPhases.startsAt, start).as("starts_at"),
              endsAt: typed(eventPhases.endsAt, end).as("ends_at"),
              sortOrder: (input.sort_order === undefined
                ? position
                : typed(eventPhases.sortOrder, input.sort_order)
              ).as("sort_order"),
              createdAt: sql`now()`.as("created_at"),
              updatedAt: sql`now()`.as("updated_at"),
              deletedAt: sql`null`.as("deleted_at"),
            })
            .from(events)
            .where(and(liveEvent(ctx, eventId), fits)),
        )
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "event_phase.create",
        entityType: "event_phase",
        entityId: id,
        changes: { event_id: eventId, name: input.name, starts_at: input.starts_at, ends_at: input.ends_at },
        guard: eventPhases,
      }),
    }));
    created = rows[0];
  } catch (error) {
    if (isOverlap(error)) throw await overlapConflict(ctx, eventId, { start, end });
    throw error;
  }
  if (created) return created;
  // Nothing written: either the event is not there (404) or the phase does not fit it (400).
  throw outsideEvent(await eventBounds(ctx, eventId));
}

/** The phase with its event's dates; 404 `event_not_found` or `event_phase_not_found`. */
async function readPhase(ctx: TenantContext, eventId: string, phaseId: string) {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({
        startDate: events.startDate,
        endDate: events.endDate,
        phase: eventPhases,
        anchors: sql<boolean>`${hasAnchors(phaseId)}`,
      })
      .from(events)
      .leftJoin(eventPhases, livePhase(ctx, eventId, phaseId))
      .where(liveEvent(ctx, eventId)),
  }));
  const row = rows[0];
  if (!row) throw eventNotFound();
  if (!row.phase) throw phaseNotFound();
  return {
    event: { startDate: row.startDate, endDate: row.endDate },
    phase: row.phase,
    anchors: row.anchors,
  };
}

/**
 * The phase has sessions, or content scheduled relative to it: its times then change only by a move
 * (POST /v1/event-phases/{id}/move), which takes them along.
 */
const hasAnchors = (phaseId: string) =>
  sql`(exists (select 1 from event_sessions s where s.phase_id = ${phaseId} and s.deleted_at is null)
    or exists (select 1 from content c where c.relative_phase_id = ${phaseId}))`;

export async function getPhase(ctx: TenantContext, eventId: string, phaseId: string): Promise<EventPhase> {
  return (await readPhase(ctx, eventId, phaseId)).phase;
}

const byStart: PageOrder = { by: eventPhases.startsAt, id: eventPhases.id, direction: "asc" };

/** A page of an event's phases, rendered once per filters and order (db/prepared.ts). */
const phasesPage = preparedStatement(
  "phasesPage",
  (db, value: Value<"organizationId" | "eventId" | PageValue>, shape: { continued: boolean }) => {
    const page = pageStatement(byStart, shape.continued, value);
    return db
      .select({ row: eventPhases, key: page.key })
      .from(eventPhases)
      .where(
        and(
          eq(eventPhases.organizationId, value("organizationId")),
          eq(eventPhases.eventId, value("eventId")),
          isNull(eventPhases.deletedAt),
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** One round trip: the event's existence and the page, in one batch. Ordered by start. */
export async function listPhases(ctx: TenantContext, eventId: string, input: PageInput) {
  const page = paginate(input, byStart);
  const { event, rows } = await inTenant(ctx, (db) => ({
    event: db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId)),
    rows: phasesPage(
      db,
      { organizationId: ctx.organizationId, eventId, ...page.values },
      { continued: page.continued },
    ),
  }));
  if (!event[0]) throw eventNotFound();
  return page.result(rows);
}

/** Two round trips: read (404, If-Match, dates, window), then a write guarded by what was read. */
export async function updatePhase(
  ctx: TenantContext,
  eventId: string,
  phaseId: string,
  patch: Partial<PhaseInput>,
  ifMatch: string | undefined,
): Promise<EventPhase> {
  const { event, phase: current, anchors } = await readPhase(ctx, eventId, phaseId);
  assertIfMatch(ifMatch, current.updatedAt);
  const start = patch.starts_at ? new Date(patch.starts_at) : current.startsAt;
  const end = patch.ends_at ? new Date(patch.ends_at) : current.endsAt;
  const retimed =
    (patch.starts_at !== undefined && start?.getTime() !== current.startsAt?.getTime()) ||
    (patch.ends_at !== undefined && end?.getTime() !== current.endsAt?.getTime());
  if (retimed && anchors) throw agendaOnPhase(phaseId);
  if (start && end) {
    assertOrder(start, end);
    if (patch.starts_at || patch.ends_at) assertInsideEvent(event, start, end);
  }
  const changes = {
    name: patch.name,
    description: patch.description,
    startsAt: patch.starts_at ? start : undefined,
    endsAt: patch.ends_at ? end : undefined,
    sortOrder: patch.sort_order,
  };
  const set = definedFields(changes);
  let rows: EventPhase[];
  try {
    ({ rows } = await inTenant(ctx, (db) => ({
      rows: db
        .update(eventPhases)
        .set({ ...set, updatedAt: ctx.now() })
        .where(
          and(
            livePhase(ctx, eventId, phaseId),
            unchangedSince(eventPhases.updatedAt, current.updatedAt),
            retimed ? sql`not ${hasAnchors(phaseId)}` : undefined,
          ),
        )
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "event_phase.update",
        entityType: "event_phase",
        entityId: phaseId,
        changes: diff(current as unknown as Record<string, unknown>, set),
        guard: eventPhases,
      }),
    })));
  } catch (error) {
    if (isOverlap(error) && start && end)
      throw await overlapConflict(ctx, eventId, { start, end, except: phaseId });
    throw error;
  }
  const updated = rows[0];
  // Changed between our read and our write: the caller's view is stale.
  if (!updated) {
    if (ifMatch) throw new PreconditionFailedError();
    throw new ConflictError("edit_conflict", "The phase changed while you were saving; read it again.");
  }
  return updated;
}

/** Only phases of this event, and only while the event itself is live. */
function ofLiveEvent(ctx: TenantContext, eventId: string): SQL {
  return and(
    eq(eventPhases.eventId, eventId),
    exists(ctx.db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId))),
  ) as SQL;
}

/** A soft delete or restore that matched nothing: say whether the event or the phase is missing. */
async function explainMissing(ctx: TenantContext, eventId: string, error: unknown): Promise<never> {
  if (error instanceof NotFoundError) await eventBounds(ctx, eventId);
  throw error;
}

export async function deletePhase(ctx: TenantContext, eventId: string, phaseId: string): Promise<void> {
  try {
    await softDelete(ctx, {
      table: eventPhases,
      id: phaseId,
      entity: "event_phase",
      where: ofLiveEvent(ctx, eventId),
    });
  } catch (error) {
    await explainMissing(ctx, eventId, error);
  }
}

/** Restoring a phase that now overlaps another is 409 `phase_overlap`, like creating it would be. */
export async function restorePhase(
  ctx: TenantContext,
  eventId: string,
  phaseId: string,
): Promise<EventPhase> {
  try {
    return await restore(ctx, {
      table: eventPhases,
      id: phaseId,
      entity: "event_phase",
      where: ofLiveEvent(ctx, eventId),
    });
  } catch (error) {
    if (!isOverlap(error)) return explainMissing(ctx, eventId, error);
    const { rows } = await inTenant(explaining(ctx), (db) => ({
      rows: db
        .select({ startsAt: eventPhases.startsAt, endsAt: eventPhases.endsAt })
        .from(eventPhases)
        .where(ownedBy(ctx, eventPhases.organizationId, eq(eventPhases.id, phaseId))),
    }));
    const phase = rows[0];
    if (!phase?.startsAt || !phase.endsAt)
      throw new ConflictError("phase_overlap", "The phase overlaps another phase of the event.");
    throw await overlapConflict(ctx, eventId, { start: phase.startsAt, end: phase.endsAt, except: phaseId });
  }
}
