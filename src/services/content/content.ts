/**
 * Content: a post (or thread, story, reel…) written for one or more platforms, optionally for an
 * event and a campaign of the organisation, with media from its library. Each version is a row: a
 * draft is edited in place, anything further along (in review, approved, scheduled…) is never
 * rewritten, so the approval history stays attached to exactly what was approved; editing it adds the
 * next version instead (see versions.ts).
 */
import { and, eq, exists, gte, isNull, lt, not, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type ContentWorkflowStatus, content } from "../../db/schema/content.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { inTenant } from "../../db/tenant.ts";
import { ConflictError, PreconditionFailedError, UnprocessableError, ValidationError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import { type ContentWithEmbargo, contentWithEmbargo } from "../embargoes/embargo.ts";
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
import { selectAnchor } from "../sessions/relative.ts";
import { restore } from "../soft-delete.ts";
import type { ContentType } from "./post-text.ts";
import {
  assertEventAndCampaign,
  type ContentFields,
  columnsOf,
  contentNotFound,
  explainRefusal,
  fieldsOf,
  insertContentWhere,
  liveContent,
  newerVersion,
  newRow,
  type ReferencesFound,
  referenceQueries,
  referencesGuard,
  referencesOf,
  versionStatements,
} from "./store.ts";

export type ContentInput = Partial<ContentFields> & { content_type: ContentType };

/** What a content create's statements read: the references found, and the row (none if refused). */
export interface ContentCreated {
  refsFound: ReferencesFound;
  inserted: ContentWithEmbargo[];
}

const editConflict = (ifMatch: string | undefined) =>
  ifMatch
    ? new PreconditionFailedError()
    : new ConflictError("edit_conflict", "The content changed while you were saving; read it again.");

/**
 * Times on the wire may carry any offset; compared and stored as UTC. A clock time and a relative
 * schedule are alternatives (400 `relative_and_clock_time` for both); a clock time drops the anchor.
 */
function normalise<T extends Partial<ContentFields>>(fields: T): T {
  const utc = (time: string | null | undefined) => (time ? new Date(time).toISOString() : time);
  if (fields.relative_to && fields.scheduled_for) {
    throw new ValidationError([
      {
        path: "json.relative_to",
        message: "Give either scheduled_for (a clock time) or relative_to, not both.",
        code: "relative_and_clock_time",
      },
    ]);
  }
  const relative =
    fields.scheduled_for !== undefined && fields.relative_to === undefined ? { relative_to: null } : {};
  return {
    ...fields,
    ...relative,
    scheduled_for: utc(fields.scheduled_for),
    embargo_until: utc(fields.embargo_until),
  };
}

/** Without an explicit `approval_required`, the organisation's `require_approval` setting decides. */
const organisationRequiresApproval = (ctx: TenantContext) =>
  sql`coalesce((select (${organizations.settings} ->> 'require_approval')::boolean from ${organizations} where ${organizations.id} = ${ctx.organizationId}), false)`;

/**
 * One round trip: the insert is guarded by the event, campaign and media it names being live ones of
 * the organisation, so nothing is written unless they are; the event and campaign are read in the
 * same batch to say which one failed (404), and only a refused write spends a second round trip to
 * name unknown media (400 `unknown_media`).
 */
export async function createContent(ctx: TenantContext, input: ContentInput): Promise<ContentWithEmbargo> {
  const creation = contentCreation(ctx, input);
  return creation.settle(await inTenant(ctx, creation.statements));
}

/**
 * A content create as statements for the caller's batch (the event and campaign reads, the guarded
 * insert, its audit row), and `settle`, which turns what they read into the row or the reason it
 * was refused. `guard` is a further condition for the insert (a render: its template is still live).
 */
export function contentCreation(ctx: TenantContext, input: ContentInput, guard?: SQL) {
  const given = normalise(input);
  const fields: ContentFields = {
    content_type: given.content_type,
    title: given.title ?? null,
    caption: given.caption ?? null,
    hashtags: given.hashtags ?? [],
    media_assets: given.media_assets ?? [],
    target_platforms: given.target_platforms ?? [],
    scheduled_for: given.scheduled_for ?? null,
    approval_required: given.approval_required ?? false,
    event_id: given.event_id ?? null,
    campaign_id: given.campaign_id ?? null,
    embargo_until: given.embargo_until ?? null,
    embargo_session_id: given.embargo_session_id ?? null,
    relative_to: given.relative_to ?? null,
  };
  const refs = referencesOf(fields);
  const id = crypto.randomUUID();
  return {
    id,
    statements: (db: Database) =>
      reading({
        refsFound: referenceQueries(ctx, db, refs),
        inserted: insertContentWhere(
          db,
          {
            ...newRow(ctx, id, fields),
            approvalRequired: given.approval_required ?? organisationRequiresApproval(ctx),
          },
          and(referencesGuard(ctx, db, refs), guard),
        ),
        audit: auditEntry(ctx, db, {
          action: "content.create",
          entityType: "content",
          entityId: id,
          changes: definedFields(given),
          guard: content,
        }),
      }),
    async settle({ refsFound, inserted }: ContentCreated): Promise<ContentWithEmbargo> {
      const row = inserted[0];
      if (row) return row;
      await explainRefusal(ctx, refs, refsFound);
      // Everything is there now, so something was deleted and restored while this ran.
      throw new ConflictError(
        "edit_conflict",
        "Something the content refers to changed while saving; try again.",
      );
    },
  };
}

/** One round trip: the live row, with when its embargo lifts. */
export async function getContent(ctx: TenantContext, id: string): Promise<ContentWithEmbargo> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db.select(contentWithEmbargo()).from(content).where(liveContent(ctx, id)),
  }));
  const row = rows[0];
  if (!row) throw contentNotFound();
  return row;
}

/** Restores deleted content (audit `content.restore`), answered with when its embargo lifts. */
export const restoreContent = (ctx: TenantContext, id: string) =>
  restore<typeof content, ContentWithEmbargo>(ctx, {
    table: content,
    id,
    entity: "content",
    returning: contentWithEmbargo(),
  });

export const CONTENT_SORTS = sortValues("created_at", "updated_at");

export interface ListContentInput extends PageInput {
  workflow_status?: ContentWorkflowStatus;
  event_id?: string;
  campaign_id?: string;
  platform?: Platform;
  content_type?: ContentType;
  scheduled_from?: string;
  scheduled_to?: string;
  /** Full text over title and caption (web-search syntax: "quoted phrase", -exclude, or). */
  q?: string;
  /** Only the newest version of each chain. */
  latest?: boolean;
  /** Default: by relevance with `q`, else -created_at. */
  sort?: ContentSort;
}

type ContentSort = (typeof CONTENT_SORTS)[number];

/** By a `sort` value, or by relevance to `q` (`rank`). */
const contentOrder = (sort: ContentSort | "rank", value?: Value<"q">): PageOrder =>
  sort === "rank"
    ? byRelevance(content.searchVector, content.id, value)
    : sortOrder(sort, { created_at: content.createdAt, updated_at: content.updatedAt }, content.id);

/** A page of content, rendered once per filters and order (db/prepared.ts). */
const contentPage = preparedStatement(
  "contentPage",
  (
    db,
    value: Value<
      | "organizationId"
      | "workflowStatus"
      | "eventId"
      | "campaignId"
      | "contentType"
      | "platform"
      | "scheduledFrom"
      | "scheduledTo"
      | "q"
      | PageValue
    >,
    shape: {
      sort: ContentSort | "rank";
      continued: boolean;
      workflowStatus: boolean;
      eventId: boolean;
      campaignId: boolean;
      contentType: boolean;
      platform: boolean;
      scheduledFrom: boolean;
      scheduledTo: boolean;
      q: boolean;
      latest: boolean;
    },
  ) => {
    const page = pageStatement(contentOrder(shape.sort, value), shape.continued, value);
    const organizationId = value("organizationId");
    return db
      .select({ row: contentWithEmbargo(), key: page.key })
      .from(content)
      .where(
        and(
          eq(content.organizationId, organizationId),
          isNull(content.deletedAt),
          shape.workflowStatus ? eq(content.workflowStatus, value("workflowStatus")) : undefined,
          shape.eventId ? eq(content.eventId, value("eventId")) : undefined,
          shape.campaignId ? eq(content.campaignId, value("campaignId")) : undefined,
          shape.contentType ? eq(content.contentType, value("contentType")) : undefined,
          // A placeholder cannot be an element of a bound array (`arrayContains`): the array is built in SQL.
          shape.platform ? sql`${content.targetPlatforms} @> array[${value("platform")}::text]` : undefined,
          shape.scheduledFrom ? gte(content.scheduledFor, value("scheduledFrom")) : undefined,
          shape.scheduledTo ? lt(content.scheduledFor, value("scheduledTo")) : undefined,
          shape.q ? sql`${content.searchVector} @@ ${webSearch(value("q"))}` : undefined,
          shape.latest ? latestOnly(db, organizationId) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/**
 * One round trip. With `q` and no `sort`, the matches come by relevance (`ts_rank`, then id, both
 * descending; the rank is the page key). The `@@` match uses the GIN index on `search_vector`.
 */
export async function listContent(ctx: TenantContext, input: ListContentInput) {
  const search = Boolean(input.q);
  const sort = input.sort ?? (search ? "rank" : "-created_at");
  const page = paginate(input, contentOrder(sort));
  const { rows } = await inTenant(ctx, (db) => ({
    rows: contentPage(
      db,
      {
        organizationId: ctx.organizationId,
        workflowStatus: input.workflow_status,
        eventId: input.event_id,
        campaignId: input.campaign_id,
        contentType: input.content_type,
        platform: input.platform,
        scheduledFrom: input.scheduled_from,
        scheduledTo: input.scheduled_to,
        q: input.q,
        ...page.values,
      },
      {
        sort,
        continued: page.continued,
        workflowStatus: Boolean(input.workflow_status),
        eventId: Boolean(input.event_id),
        campaignId: Boolean(input.campaign_id),
        contentType: Boolean(input.content_type),
        platform: Boolean(input.platform),
        scheduledFrom: Boolean(input.scheduled_from),
        scheduledTo: Boolean(input.scheduled_to),
        q: search,
        latest: Boolean(input.latest),
      },
    ),
  }));
  return page.result(rows);
}

const successor = alias(content, "successor");

/** No live version was made from the row; `organizationId` is the page's placeholder. */
function latestOnly(db: Database, organizationId: SQLWrapper): SQL {
  return not(
    exists(
      db
        .select({ id: successor.id })
        .from(successor)
        .where(
          and(
            eq(successor.organizationId, organizationId),
            eq(successor.parentVersionId, content.id),
            isNull(successor.deletedAt),
          ),
        ),
    ),
  );
}

/**
 * Two round trips: read (the row, whether a newer version exists, and what the patch refers to),
 * then write. A draft is updated in place (`created: false`); any other status is left untouched and
 * the edit becomes the next version, a new draft (`created: true`).
 */
export async function updateContent(
  ctx: TenantContext,
  id: string,
  input: Partial<ContentFields>,
  ifMatch: string | undefined,
): Promise<{ content: ContentWithEmbargo; created: boolean }> {
  const patch = normalise(input);
  const refs = referencesOf(patch);
  const { rows, successors, refsFound } = await inTenant(ctx, (db) => ({
    rows: db.select().from(content).where(liveContent(ctx, id)),
    successors: newerVersion(ctx, db, id),
    refsFound: referenceQueries(ctx, db, refs),
  }));
  const current = rows[0];
  if (!current) throw contentNotFound();
  assertIfMatch(ifMatch, current.updatedAt);
  const before = fieldsOf(current);
  // The anchor belongs to the event the content will have; moving anchored content to another
  // event needs a new anchor too.
  const eventId = patch.event_id !== undefined ? patch.event_id : current.eventId;
  if (refs.anchor) refs.anchor = { ...refs.anchor, eventId };
  else if (before.relative_to && patch.relative_to === undefined && eventId !== current.eventId) {
    throw new UnprocessableError(
      "relative_anchor_outside_event",
      "The content is scheduled relative to a session of its event: give relative_to or scheduled_for with the new event_id.",
    );
  }
  assertEventAndCampaign(refs, refsFound);
  const given: Partial<ContentFields> = definedFields(patch);
  const changes = diff(before as unknown as Record<string, unknown>, given);

  if (current.workflowStatus === "draft") {
    const set = definedFields(columnsOf(patch));
    const { updated } = await inTenant(ctx, (db) => ({
      anchor: patch.relative_to ? selectAnchor(ctx, db, patch.relative_to, { lock: true }) : undefined,
      updated: db
        .update(content)
        .set({ ...set, updatedAt: ctx.now() })
        .where(
          and(
            liveContent(ctx, id),
            eq(content.workflowStatus, "draft"),
            unchangedSince(content.updatedAt, current.updatedAt),
            referencesGuard(ctx, db, refs),
          ),
        )
        .returning(contentWithEmbargo()),
      audit: auditEntry(ctx, db, {
        action: "content.update",
        entityType: "content",
        entityId: id,
        changes,
        guard: content,
      }),
    }));
    const row = updated[0];
    if (!row) {
      await explainRefusal(ctx, refs, refsFound);
      throw editConflict(ifMatch);
    }
    return { content: row, created: false };
  }

  const newer = successors[0];
  if (newer) {
    throw new ConflictError(
      "not_latest_version",
      `This version has a newer one (${newer.id}); edit that instead.`,
      { newer_version_id: newer.id },
    );
  }
  const versionId = crypto.randomUUID();
  const relative = given.relative_to !== undefined ? given.relative_to : before.relative_to;
  const { version } = await inTenant(ctx, (db) => ({
    anchor: relative ? selectAnchor(ctx, db, relative, { lock: true }) : undefined,
    version: versionStatements(ctx, db, current, { id: versionId, fields: { ...before, ...given }, refs }),
    audit: auditEntry(ctx, db, {
      action: "content.version_create",
      entityType: "content",
      entityId: versionId,
      changes: { parent_version_id: current.id, version: current.version + 1, ...changes },
      guard: content,
    }),
  }));
  const row = version.inserted[0];
  if (!row) {
    await explainRefusal(ctx, refs, refsFound);
    throw editConflict(ifMatch);
  }
  return { content: row, created: true };
}
