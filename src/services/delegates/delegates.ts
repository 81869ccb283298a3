/**
 * Delegates: the people at an event (ministers, speakers, press …), searchable by name, designation
 * and organisation. Every verb works inside one live event of the organisation: another tenant's
 * event, or a deleted one, answers 404 `event_not_found`. One live delegate per identity (email, else
 * name and organisation: the generated `import_key`) and event, so a second one is 409.
 */
import { and, eq, gte, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { pgError, uniqueViolation } from "../../db/errors.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type Delegate, type DelegateType, delegates } from "../../db/schema/delegates.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import { assertMediaOwned } from "../media/media.ts";
import {
  byRelevance,
  type PageInput,
  type PageOrder,
  type PageValue,
  pageStatement,
  paginate,
  sortOrder,
  sortValues,
  webSearch,
} from "../pagination.ts";
import { restore, softDelete } from "../soft-delete.ts";

export interface DelegateInput {
  title?: string | null;
  first_name: string;
  last_name?: string | null;
  designation?: string | null;
  organization?: string | null;
  country?: string | null;
  delegate_type?: DelegateType;
  vip_tier?: number;
  precedence?: number | null;
  auto_tag?: boolean;
  email?: string | null;
  social_handles?: Partial<Record<Platform, string>>;
  featured?: boolean;
  photo_media_id?: string | null;
}

export const eventNotFound = () => new NotFoundError("event_not_found", "No such event.");
const notFound = () => new NotFoundError("delegate_not_found", "No such delegate at this event.");

/** The event is the organisation's and not deleted (a condition for any statement about delegates). */
export function liveEvent(ctx: TenantContext, eventId: string): SQL {
  return sql`exists (select 1 from ${events} where ${ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt))})`;
}

/** The statement that reads the event's id back when it is live: batched beside a delegate query. */
function eventCheck(ctx: TenantContext, db: Database, eventId: string) {
  return db
    .select({ id: events.id })
    .from(events)
    .where(ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt)));
}

/** 409 `delegate_exists` for the one-identity-per-event index; anything else is rethrown. */
export function delegateConflict(error: unknown): never {
  if (uniqueViolation(error) === "delegates_event_id_import_key_key") {
    throw new ConflictError(
      "delegate_exists",
      "This event already has a delegate with that email (or, without an email, that name and organisation).",
    );
  }
  throw error;
}

/**
 * One round trip. The event id is written through a subquery that finds it only when the event is
 * live in this organisation, so a foreign or deleted event leaves it null: the NOT NULL violation
 * (23502) rolls the batch back and answers 404, with no read first.
 */
export async function createDelegate(
  ctx: TenantContext,
  eventId: string,
  input: DelegateInput,
): Promise<Delegate> {
  const id = crypto.randomUUID();
  if (input.photo_media_id) await assertMediaOwned(ctx, [input.photo_media_id], { images: true });
  try {
    const { inserted } = await inTenant(ctx, (db) => ({
      inserted: db
        .insert(delegates)
        .values({
          id,
          organizationId: ctx.organizationId,
          eventId: sql`(select ${events.id} from ${events} where ${ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt))})`,
          title: input.title ?? null,
          firstName: input.first_name,
          lastName: input.last_name ?? null,
          designation: input.designation ?? null,
          organization: input.organization ?? null,
          country: input.country ?? null,
          delegateType: input.delegate_type ?? "delegate",
          vipTier: input.vip_tier ?? 0,
          precedence: input.precedence ?? null,
          autoTag: input.auto_tag ?? false,
          email: input.email ?? null,
          socialHandles: input.social_handles ?? {},
          featured: input.featured ?? false,
          photoMediaId: input.photo_media_id ?? null,
        })
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "delegate.create",
        entityType: "delegate",
        entityId: id,
        changes: { event_id: eventId, first_name: input.first_name, last_name: input.last_name ?? null },
      }),
    }));
    return inserted[0]!;
  } catch (error) {
    const info = pgError(error);
    if (info?.code === "23502" && info.message.includes('"event_id"')) throw eventNotFound();
    return delegateConflict(error);
  }
}

/** One round trip: the event check and the delegate read in one batch, so each 404 says which is missing. */
export async function getDelegate(ctx: TenantContext, eventId: string, id: string): Promise<Delegate> {
  const { event, rows } = await inTenant(ctx, (db) => ({
    event: eventCheck(ctx, db, eventId),
    rows: db
      .select()
      .from(delegates)
      .where(
        ownedBy(
          ctx,
          delegates.organizationId,
          eq(delegates.eventId, eventId),
          eq(delegates.id, id),
          isNull(delegates.deletedAt),
        ),
      ),
  }));
  if (!event[0]) throw eventNotFound();
  const delegate = rows[0];
  if (!delegate) throw notFound();
  return delegate;
}

export const DELEGATE_SORTS = sortValues("created_at", "first_name");

export interface ListDelegatesInput extends PageInput {
  /** Full text over name, designation and organisation (web-search syntax: "quotes", or, -not). */
  q?: string;
  delegate_type?: DelegateType;
  vip_tier_min?: number;
  country?: string;
  auto_tag?: boolean;
  sort?: DelegateSort;
}

type DelegateSort = (typeof DELEGATE_SORTS)[number];

/** By a `sort` value, or by relevance to `q` (`rank`). */
const delegateOrder = (sort: DelegateSort | "rank", value?: Value<"q">): PageOrder =>
  sort === "rank"
    ? byRelevance(delegates.searchVector, delegates.id, value)
    : sortOrder(sort, { created_at: delegates.createdAt, first_name: delegates.firstName }, delegates.id);

/** A page of an event's delegates, rendered once per filters and order (db/prepared.ts). */
const delegatesPage = preparedStatement(
  "delegatesPage",
  (
    db,
    value: Value<
      "organizationId" | "eventId" | "q" | "delegateType" | "vipTierMin" | "country" | "autoTag" | PageValue
    >,
    shape: {
      sort: DelegateSort | "rank";
      continued: boolean;
      q: boolean;
      delegateType: boolean;
      vipTierMin: boolean;
      country: boolean;
      autoTag: boolean;
    },
  ) => {
    const page = pageStatement(delegateOrder(shape.sort, value), shape.continued, value);
    return db
      .select({ row: delegates, key: page.key })
      .from(delegates)
      .where(
        and(
          eq(delegates.organizationId, value("organizationId")),
          eq(delegates.eventId, value("eventId")),
          isNull(delegates.deletedAt),
          shape.q ? sql`${delegates.searchVector} @@ ${webSearch(value("q"))}` : undefined,
          shape.delegateType ? eq(delegates.delegateType, value("delegateType")) : undefined,
          shape.vipTierMin ? gte(delegates.vipTier, value("vipTierMin")) : undefined,
          shape.country ? eq(delegates.country, value("country")) : undefined,
          shape.autoTag ? eq(delegates.autoTag, value("autoTag")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/**
 * One round trip (event check and page in one batch). With `q`, the matches come by relevance
 * (`ts_rank`, then id, both descending) unless `sort` is given; the rank is the page key, so a
 * search pages as stably as every other list. The `@@` match uses the GIN index on `search_vector`.
 */
export async function listDelegates(ctx: TenantContext, eventId: string, input: ListDelegatesInput) {
  const search = Boolean(input.q);
  const sort = input.sort ?? (search ? "rank" : "-created_at");
  const page = paginate(input, delegateOrder(sort));
  const { event, rows } = await inTenant(ctx, (db) => ({
    event: eventCheck(ctx, db, eventId),
    rows: delegatesPage(
      db,
      {
        organizationId: ctx.organizationId,
        eventId,
        q: input.q,
        delegateType: input.delegate_type,
        vipTierMin: input.vip_tier_min,
        country: input.country,
        autoTag: input.auto_tag,
        ...page.values,
      },
      {
        sort,
        continued: page.continued,
        q: search,
        delegateType: Boolean(input.delegate_type),
        vipTierMin: input.vip_tier_min !== undefined,
        country: Boolean(input.country),
        autoTag: input.auto_tag !== undefined,
      },
    ),
  }));
  if (!event[0]) throw eventNotFound();
  return page.result(rows);
}

/** Two round trips: read (404s, If-Match), then a write guarded by what was read and by the live event. */
export async function updateDelegate(
  ctx: TenantContext,
  eventId: string,
  id: string,
  patch: Partial<DelegateInput>,
  ifMatch: string | undefined,
): Promise<Delegate> {
  const current = await getDelegate(ctx, eventId, id);
  assertIfMatch(ifMatch, current.updatedAt);
  if (patch.photo_media_id) await assertMediaOwned(ctx, [patch.photo_media_id], { images: true });
  const changes = {
    title: patch.title,
    firstName: patch.first_name,
    lastName: patch.last_name,
    designation: patch.designation,
    organization: patch.organization,
    country: patch.country,
    delegateType: patch.delegate_type,
    vipTier: patch.vip_tier,
    precedence: patch.precedence,
    autoTag: patch.auto_tag,
    email: patch.email,
    socialHandles: patch.social_handles,
    featured: patch.featured,
    photoMediaId: patch.photo_media_id,
  };
  const set = definedFields(changes);
  try {
    const { rows } = await inTenant(ctx, (db) => ({
      rows: db
        .update(delegates)
        .set({ ...set, updatedAt: ctx.now() })
        .where(
          and(
            ownedBy(
              ctx,
              delegates.organizationId,
              eq(delegates.eventId, eventId),
              eq(delegates.id, id),
              isNull(delegates.deletedAt),
            ),
            liveEvent(ctx, eventId),
            unchangedSince(delegates.updatedAt, current.updatedAt),
          ),
        )
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "delegate.update",
        entityType: "delegate",
        entityId: id,
        changes: diff(current as unknown as Record<string, unknown>, set),
        guard: delegates,
      }),
    }));
    const updated = rows[0];
    if (!updated) {
      if (ifMatch) throw new PreconditionFailedError();
      throw new ConflictError("edit_conflict", "The delegate changed while you were saving; read it again.");
    }
    return updated;
  } catch (error) {
    return delegateConflict(error);
  }
}

const target = (ctx: TenantContext, eventId: string, id: string) => ({
  table: delegates,
  id,
  entity: "delegate",
  where: sql`${delegates.eventId} = ${eventId} and ${liveEvent(ctx, eventId)}`,
});

export function deleteDelegate(ctx: TenantContext, eventId: string, id: string): Promise<Delegate> {
  return softDelete(ctx, target(ctx, eventId, id));
}

/** 409 `delegate_exists` when someone with the same identity was added while this one was in the bin. */
export async function restoreDelegate(ctx: TenantContext, eventId: string, id: string): Promise<Delegate> {
  try {
    return await restore(ctx, target(ctx, eventId, id));
  } catch (error) {
    return delegateConflict(error);
  }
}
