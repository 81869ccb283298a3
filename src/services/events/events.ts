/**
 * Events: the summit or festival everything else hangs off. Slugs are unique per organisation,
 * dates ordered, hashtags normalised (by the request schema), and the status follows its lifecycle.
 */
import { and, eq, gte, ilike, isNull, lte, or, sql } from "drizzle-orm";
import { uniqueViolation } from "../../db/errors.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { eventPhases } from "../../db/schema/event-phases.ts";
import { type Event, type EventStatus, events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import {
  likePrefix,
  type PageInput,
  type PageValue,
  pageStatement,
  paginate,
  type SortValue,
  sortOrder,
  sortValues,
} from "../pagination.ts";
import { PHASE_WINDOW_DAYS } from "../phases/phases.ts";
import { findLive } from "../soft-delete.ts";
import { assertTransition, type Transitions } from "../state-machine.ts";

export const EVENT_TRANSITIONS: Transitions<EventStatus> = {
  draft: ["scheduled", "archived"],
  scheduled: ["draft", "live", "archived"],
  live: ["completed"],
  completed: ["archived"],
  archived: [],
};

export interface EventInput {
  name: string;
  slug: string;
  description?: string | null;
  start_date: string;
  end_date: string;
  timezone: string;
  social_handles?: Partial<Record<Platform, string>>;
  official_hashtags?: string[];
  status?: EventStatus;
}

const notFound = () => new NotFoundError("event_not_found", "No such event.");

function assertDates(start: Date, end: Date): void {
  if (start > end) {
    throw new ValidationError([
      { path: "json.end_date", message: "end_date must not be before start_date", code: "date_order" },
    ]);
  }
}

function slugTaken(error: unknown, slug: string | undefined): never {
  if (uniqueViolation(error) === "events_organization_id_slug_key") {
    throw new ConflictError("slug_taken", `Another event already uses the slug "${slug}".`);
  }
  throw error;
}

export async function createEvent(ctx: TenantContext, input: EventInput): Promise<Event> {
  const start = new Date(input.start_date);
  const end = new Date(input.end_date);
  assertDates(start, end);
  if (input.status && input.status !== "draft")
    assertTransition(EVENT_TRANSITIONS, "draft", input.status, "event");
  const id = crypto.randomUUID();
  try {
    const { inserted } = await inTenant(ctx, (db) => ({
      inserted: db
        .insert(events)
        .values({
          id,
          organizationId: ctx.organizationId,
          name: input.name,
          slug: input.slug,
          description: input.description ?? null,
          startDate: start,
          endDate: end,
          timezone: input.timezone,
          socialHandles: input.social_handles ?? {},
          officialHashtags: input.official_hashtags ?? [],
          status: input.status ?? "draft",
          createdBy: actorUserId(ctx.actor),
        })
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "event.create",
        entityType: "event",
        entityId: id,
        changes: {
          name: input.name,
          slug: input.slug,
          start_date: input.start_date,
          end_date: input.end_date,
        },
      }),
    }));
    return inserted[0]!;
  } catch (error) {
    return slugTaken(error, input.slug);
  }
}

export function getEvent(ctx: TenantContext, id: string): Promise<Event> {
  return findLive(ctx, events, id, notFound);
}

export const EVENT_SORTS = sortValues("start_date", "created_at", "name");

export interface ListEventsInput extends PageInput {
  status?: EventStatus;
  q?: string;
  starts_after?: string;
  starts_before?: string;
  sort?: EventSort;
}

type EventSort = SortValue<"start_date" | "created_at" | "name">;

const eventOrder = (sort: EventSort) =>
  sortOrder(
    sort,
    { start_date: events.startDate, created_at: events.createdAt, name: events.name },
    events.id,
  );

/** A page of events, rendered once per filters and order (db/prepared.ts): the hottest list. */
const eventsPage = preparedStatement(
  "eventsPage",
  (
    db,
    value: Value<"organizationId" | "status" | "prefix" | "startsAfter" | "startsBefore" | PageValue>,
    shape: {
      sort: EventSort;
      continued: boolean;
      status: boolean;
      q: boolean;
      startsAfter: boolean;
      startsBefore: boolean;
    },
  ) => {
    const page = pageStatement(eventOrder(shape.sort), shape.continued, value);
    return db
      .select({ row: events, key: page.key })
      .from(events)
      .where(
        and(
          eq(events.organizationId, value("organizationId")),
          isNull(events.deletedAt),
          shape.status ? eq(events.status, value("status")) : undefined,
          shape.q ? or(ilike(events.name, value("prefix")), ilike(events.slug, value("prefix"))) : undefined,
          shape.startsAfter ? gte(events.startDate, value("startsAfter")) : undefined,
          shape.startsBefore ? lte(events.startDate, value("startsBefore")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

export async function listEvents(ctx: TenantContext, input: ListEventsInput) {
  const sort = input.sort ?? "-start_date";
  const page = paginate(input, eventOrder(sort));
  const { rows } = await inTenant(ctx, (db) => ({
    rows: eventsPage(
      db,
      {
        organizationId: ctx.organizationId,
        status: input.status,
        prefix: input.q ? likePrefix(input.q) : undefined,
        startsAfter: input.starts_after,
        startsBefore: input.starts_before,
        ...page.values,
      },
      {
        sort,
        continued: page.continued,
        status: input.status !== undefined,
        q: Boolean(input.q),
        startsAfter: input.starts_after !== undefined,
        startsBefore: input.starts_before !== undefined,
      },
    ),
  }));
  return page.result(rows);
}

/** Two round trips: read (404, If-Match, lifecycle, dates), then a write guarded by what was read. */
export async function updateEvent(
  ctx: TenantContext,
  id: string,
  patch: Partial<EventInput>,
  ifMatch: string | undefined,
): Promise<Event> {
  const current = await getEvent(ctx, id);
  assertIfMatch(ifMatch, current.updatedAt);
  if (patch.status) assertTransition(EVENT_TRANSITIONS, current.status, patch.status, "event");
  const start = patch.start_date ? new Date(patch.start_date) : current.startDate;
  const end = patch.end_date ? new Date(patch.end_date) : current.endDate;
  assertDates(start, end);
  const changes = {
    name: patch.name,
    slug: patch.slug,
    description: patch.description,
    startDate: patch.start_date ? start : undefined,
    endDate: patch.end_date ? end : undefined,
    timezone: patch.timezone,
    socialHandles: patch.social_handles,
    officialHashtags: patch.official_hashtags,
    status: patch.status,
  };
  const set = definedFields(changes);
  // New dates must still hold the event's phases (each may reach PHASE_WINDOW_DAYS beyond the event).
  const window = sql.raw(`interval '${PHASE_WINDOW_DAYS} days'`);
  const strandedPhases = and(
    eq(eventPhases.organizationId, ctx.organizationId),
    eq(eventPhases.eventId, id),
    isNull(eventPhases.deletedAt),
    sql`(${eventPhases.startsAt} < ${start.toISOString()}::timestamptz - ${window} or ${eventPhases.endsAt} > ${end.toISOString()}::timestamptz + ${window})`,
  );
  try {
    const { stranded, rows } = await inTenant(ctx, (db) => ({
      stranded: db
        .select({ id: eventPhases.id, name: eventPhases.name })
        .from(eventPhases)
        .where(strandedPhases),
      rows: db
        .update(events)
        .set({ ...set, updatedAt: ctx.now() })
        .where(
          and(
            ownedBy(ctx, events.organizationId, eq(events.id, id), isNull(events.deletedAt)),
            unchangedSince(events.updatedAt, current.updatedAt),
            sql`not exists (${db.select({ one: sql`1` }).from(eventPhases).where(strandedPhases)})`,
          ),
        )
        .returning(),
      audit: auditEntry(ctx, db, {
        action: patch.status && patch.status !== current.status ? "event.status_change" : "event.update",
        entityType: "event",
        entityId: id,
        changes: diff(current as unknown as Record<string, unknown>, set),
        guard: events,
      }),
    }));
    const updated = rows[0];
    if (!updated && stranded.length > 0) {
      throw new ConflictError(
        "phases_outside_event",
        `These phases would fall outside the new dates (more than ${PHASE_WINDOW_DAYS} days beyond them): ${stranded.map((p) => p.name).join(", ")}. Move or delete them first.`,
        { phases: stranded },
      );
    }
    // Changed between our read and our write: the caller's view is stale.
    if (!updated) {
      if (ifMatch) throw new PreconditionFailedError();
      throw new ConflictError("edit_conflict", "The event changed while you were saving; read it again.");
    }
    return updated;
  } catch (error) {
    return slugTaken(error, patch.slug);
  }
}
