/**
 * The pieces every content verb shares: which row is live, the fields a client writes (and a version
 * copies, and a diff compares), the references those fields make and how they are checked inside the
 * caller's batch, and the guarded insert that writes a content row only while its conditions hold.
 */
import { and, eq, exists, getTableColumns, is, isNull, not, SQL, sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import { typed } from "../../db/insert-select.ts";
import { campaigns } from "../../db/schema/campaigns.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type Content, content, type NewContent } from "../../db/schema/content.ts";
import { events } from "../../db/schema/events.ts";
import { ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import { unchangedSince } from "../conditional.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { contentWithEmbargo, selectSession, sessionNotFound } from "../embargoes/embargo.ts";
import { assertMediaOwned } from "../media/media.ts";
import {
  type AnchorRow,
  anchorGuard,
  assertAnchor,
  type RelativeTo,
  relativeColumns,
  relativeTime,
  relativeToOf,
  selectAnchor,
} from "../sessions/relative.ts";
import { allMediaOwned, selectMedia } from "./media-refs.ts";
import type { ContentType } from "./post-text.ts";

export const contentNotFound = () => new NotFoundError("content_not_found", "No such content.");

/** A content row of the organisation that is not deleted. */
export const liveContent = (ctx: TenantContext, id: string) =>
  ownedBy(ctx, content.organizationId, eq(content.id, id), isNull(content.deletedAt));

/** What a client writes, in the wire's names. A new version copies these; a diff compares them. */
export interface ContentFields {
  content_type: ContentType;
  title: string | null;
  caption: string | null;
  hashtags: string[];
  media_assets: string[];
  target_platforms: Platform[];
  scheduled_for: string | null;
  approval_required: boolean;
  event_id: string | null;
  campaign_id: string | null;
  embargo_until: string | null;
  embargo_session_id: string | null;
  /** A relative schedule (services/sessions/relative.ts): scheduled_for is computed from it. */
  relative_to: RelativeTo | null;
}

export const CONTENT_FIELDS = [
  "content_type",
  "title",
  "caption",
  "hashtags",
  "media_assets",
  "target_platforms",
  "scheduled_for",
  "approval_required",
  "event_id",
  "campaign_id",
  "embargo_until",
  "embargo_session_id",
  "relative_to",
] as const satisfies ReadonlyArray<keyof ContentFields>;

export function fieldsOf(row: Content): ContentFields {
  return {
    content_type: row.contentType as ContentType,
    title: row.title,
    caption: row.caption,
    hashtags: row.hashtags,
    media_assets: row.mediaAssets,
    target_platforms: row.targetPlatforms,
    scheduled_for: row.scheduledFor?.toISOString() ?? null,
    approval_required: row.approvalRequired,
    event_id: row.eventId,
    campaign_id: row.campaignId,
    embargo_until: row.embargoUntil?.toISOString() ?? null,
    embargo_session_id: row.embargoSessionId,
    relative_to: relativeToOf(row),
  };
}

/**
 * The fields as columns, for an insert or an update. A relative schedule sets `scheduledFor` to its
 * anchor's time (computed by the statement); a clock time without one drops the anchor.
 */
export function columnsOf(fields: Partial<ContentFields>) {
  const relative = fields.relative_to
    ? { ...relativeColumns(fields.relative_to), scheduledFor: relativeTime(fields.relative_to) }
    : fields.relative_to === null || fields.scheduled_for !== undefined
      ? relativeColumns(null)
      : {};
  return {
    contentType: fields.content_type,
    title: fields.title,
    caption: fields.caption,
    hashtags: fields.hashtags,
    mediaAssets: fields.media_assets,
    targetPlatforms: fields.target_platforms,
    scheduledFor:
      fields.scheduled_for === undefined || fields.scheduled_for === null
        ? fields.scheduled_for
        : new Date(fields.scheduled_for),
    approvalRequired: fields.approval_required,
    eventId: fields.event_id,
    campaignId: fields.campaign_id,
    embargoUntil:
      fields.embargo_until === undefined || fields.embargo_until === null
        ? fields.embargo_until
        : new Date(fields.embargo_until),
    embargoSessionId: fields.embargo_session_id,
    ...relative,
  };
}

/** The rows a write refers to. Only what the write sets is checked; null detaches. */
export interface References {
  eventId?: string | null;
  campaignId?: string | null;
  mediaIds?: readonly string[];
  /** The session an embargo follows. */
  sessionId?: string | null;
  /** A relative schedule to check, and the event the content will belong to. */
  anchor?: { relative: RelativeTo; eventId: string | null };
}

export function referencesOf(fields: Partial<ContentFields>): References {
  return {
    eventId: fields.event_id,
    campaignId: fields.campaign_id,
    mediaIds: fields.media_assets,
    sessionId: fields.embargo_session_id,
    anchor: fields.relative_to
      ? { relative: fields.relative_to, eventId: fields.event_id ?? null }
      : undefined,
  };
}

/** A live (not deleted) event of the organisation. */
export const liveEvent = (ctx: TenantContext, id: string) =>
  ownedBy(ctx, events.organizationId, eq(events.id, id), isNull(events.deletedAt));
const liveCampaign = (ctx: TenantContext, id: string) =>
  ownedBy(ctx, campaigns.organizationId, eq(campaigns.id, id), isNull(campaigns.deletedAt));

/** What `referenceQueries` found: the live event, campaign and session the write names (empty if none). */
export interface ReferencesFound {
  eventRows: readonly unknown[];
  campaignRows: readonly unknown[];
  sessionRows: readonly unknown[];
  anchorRows: readonly AnchorRow[];
}

/** Three statements for the caller's batch: the event, the campaign and the session the write names. */
export function referenceQueries(ctx: TenantContext, db: Database, refs: References) {
  return reading({
    eventRows: db
      .select({ id: events.id })
      .from(events)
      .where(refs.eventId ? liveEvent(ctx, refs.eventId) : sql`false`),
    campaignRows: db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(refs.campaignId ? liveCampaign(ctx, refs.campaignId) : sql`false`),
    sessionRows: selectSession(ctx, db, refs.sessionId),
    // Locked: a move of the anchor waits for this write, or finishes before it reads the time.
    anchorRows: selectAnchor(ctx, db, refs.anchor?.relative, { lock: true }),
  });
}

/**
 * 404 `event_not_found` / `campaign_not_found` / `event_session_not_found` for what
 * `referenceQueries` did not find.
 */
export function assertEventAndCampaign(
  refs: References,
  { eventRows, campaignRows, sessionRows, anchorRows }: ReferencesFound,
): void {
  if (refs.eventId && eventRows.length === 0) throw new NotFoundError("event_not_found", "No such event.");
  if (refs.campaignId && campaignRows.length === 0) {
    throw new NotFoundError("campaign_not_found", "No such campaign.");
  }
  if (refs.sessionId && sessionRows.length === 0) throw sessionNotFound();
  if (refs.anchor) assertAnchor(refs.anchor.relative, refs.anchor.eventId, anchorRows);
}

/**
 * Why a write guarded by `referencesGuard` wrote nothing: a missing event or campaign (404), or
 * unknown media (400 `unknown_media`, one more round trip, only on this path). Returns when all of
 * them are there, i.e. the write was refused for another reason.
 */
export async function explainRefusal(
  ctx: TenantContext,
  refs: References,
  found: ReferencesFound,
): Promise<void> {
  assertEventAndCampaign(refs, found);
  await assertMediaOwned(ctx, refs.mediaIds ?? []);
}

/** A write guard: what the write refers to is still live when it runs. */
export function referencesGuard(ctx: TenantContext, db: Database, refs: References): SQL | undefined {
  return and(
    refs.eventId
      ? exists(db.select({ id: events.id }).from(events).where(liveEvent(ctx, refs.eventId)))
      : undefined,
    refs.campaignId
      ? exists(db.select({ id: campaigns.id }).from(campaigns).where(liveCampaign(ctx, refs.campaignId)))
      : undefined,
    refs.sessionId ? exists(selectSession(ctx, db, refs.sessionId)) : undefined,
    refs.anchor ? anchorGuard(ctx, refs.anchor.relative, refs.anchor.eventId) : undefined,
    allMediaOwned(ctx, refs.mediaIds ?? []),
  );
}

type ContentValues = { [K in keyof NewContent]-?: NewContent[K] | SQL };

/**
 * `insert into content select <values> where <guard>`: writes the row only if the guard holds when
 * the statement runs (no row returned means it did not). drizzle's own insert…select wants every
 * column, the generated search vector too, so the select list is built from the insertable ones.
 */
export function insertContentWhere(db: Database, values: ContentValues, guard: SQL | undefined) {
  const list = Object.entries(getTableColumns(content))
    .filter(([, column]) => !column.generated)
    .map(([key, column]) => {
      const value = values[key as keyof ContentValues];
      // Each value goes with its own column; TypeScript cannot pair them across the union.
      return is(value, SQL) ? value : typed(column, value as never);
    });
  return db
    .insert(content)
    .select(sql`select ${sql.join(list, sql`, `)} where ${guard ?? sql`true`}`)
    .returning(contentWithEmbargo());
}

/** The values of a new content row: a first version, or (with `parent`) the next version of it. */
export function newRow(
  ctx: TenantContext,
  id: string,
  fields: ContentFields,
  parent?: Pick<Content, "id" | "version">,
): ContentValues {
  const now = ctx.now();
  const columns = columnsOf(fields);
  return {
    id,
    organizationId: ctx.organizationId,
    eventId: columns.eventId ?? null,
    campaignId: columns.campaignId ?? null,
    parentVersionId: parent?.id ?? null,
    version: parent ? parent.version + 1 : 1,
    contentType: fields.content_type,
    title: fields.title,
    caption: fields.caption,
    hashtags: fields.hashtags,
    mediaAssets: fields.media_assets,
    targetPlatforms: fields.target_platforms,
    scheduledFor: columns.scheduledFor ?? null,
    workflowStatus: "draft",
    approvalRequired: fields.approval_required,
    embargoUntil: columns.embargoUntil ?? null,
    embargoSessionId: fields.embargo_session_id,
    ...relativeColumns(fields.relative_to),
    createdBy: actorUserId(ctx.actor),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

/**
 * The statements that add the next version of `parent` to its chain: lock the parent (a concurrent
 * second edit waits here, then finds the first one's version and writes nothing), then insert the
 * version only if the parent is unchanged since it was read, has no live newer version, and `refs`
 * (what the caller sets anew) are live. `inserted` is empty when it was refused.
 */
export function versionStatements(
  ctx: TenantContext,
  db: Database,
  parent: Content,
  version: { id: string; fields: ContentFields; refs: References },
) {
  const parentAsRead = db
    .select({ id: content.id })
    .from(content)
    .where(and(liveContent(ctx, parent.id), unchangedSince(content.updatedAt, parent.updatedAt)));
  return reading({
    lock: db.select({ id: content.id }).from(content).where(liveContent(ctx, parent.id)).for("update"),
    inserted: insertContentWhere(
      db,
      newRow(ctx, version.id, version.fields, parent),
      and(
        exists(parentAsRead),
        not(exists(newerVersion(ctx, db, parent.id))),
        referencesGuard(ctx, db, version.refs),
      ),
    ),
  });
}

/** The live version made from `id`, if any: a statement for the caller's batch. */
export function newerVersion(ctx: TenantContext, db: Database, id: string) {
  return db
    .select({ id: content.id })
    .from(content)
    .where(ownedBy(ctx, content.organizationId, eq(content.parentVersionId, id), isNull(content.deletedAt)))
    .limit(1);
}

/** The live assets a live content item attaches (see `selectMedia`): one statement for a batch. */
export function selectMediaOf(ctx: TenantContext, db: Database, contentId: string) {
  return selectMedia(
    ctx,
    db,
    sql`select unnest(${content.mediaAssets}) from ${content} where ${liveContent(ctx, contentId)}`,
  );
}
