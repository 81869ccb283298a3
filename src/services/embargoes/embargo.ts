/**
 * Embargoes: content or a media asset is never published, nor shown publicly, before its embargo
 * lifts: a time (`embargo_until`), a session's start (`embargo_session_id`, read each time, so moving
 * the session moves the embargo), or the later of the two. Content also waits for every asset it uses.
 * The rule itself is SQL (migrations/0032_embargoes.sql), so the cron's claim, the publish consumer,
 * the public reads and the API's answers share one definition; these are its handles for queries.
 */
import { type Column, eq, getTableColumns, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type Content, content } from "../../db/schema/content.ts";
import { eventSessions } from "../../db/schema/event-sessions.ts";
import { type MediaAsset, mediaAssets } from "../../db/schema/media-assets.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";

/** When the content's embargo lifts (its own and its media's; null: none), for a select or returning. */
export const contentLiftsAt = () =>
  sql<Date | null>`content_embargo_lifts_at(${content.embargoUntil}, ${content.embargoSessionId}, ${content.mediaAssets})`.mapWith(
    content.embargoUntil,
  );

/** When the asset's own embargo lifts (null: none), for a select or returning. */
export const mediaLiftsAt = () =>
  sql<Date | null>`embargo_lifts_at(${mediaAssets.embargoUntil}, ${mediaAssets.embargoSessionId})`.mapWith(
    mediaAssets.embargoUntil,
  );

/** A content row as the API answers it: with the moment its embargo lifts. */
export type ContentWithEmbargo = Content & { embargoLiftsAt: Date | null };
export const contentWithEmbargo = () => ({ ...getTableColumns(content), embargoLiftsAt: contentLiftsAt() });

/** A media row as the API answers it: with the moment its embargo lifts. */
export type MediaWithEmbargo = MediaAsset & { embargoLiftsAt: Date | null };
export const mediaWithEmbargo = () => ({ ...getTableColumns(mediaAssets), embargoLiftsAt: mediaLiftsAt() });

/** The content (an id, or an expression such as a post's `content_id`) is under embargo at `at`. */
export const contentEmbargoed = (contentId: Column | SQL | string, at: Date): SQL =>
  sql`content_embargoed(${contentId}, ${at.toISOString()}::timestamptz)`;

/**
 * For the public reads' hand-written SQL, at the statement's time: the content `contentId` (an
 * expression such as `c.id`) is under embargo, and the asset aliased `alias` (a code constant) is.
 */
export const contentEmbargoedNow = (contentId: SQL) => sql`content_embargoed(${contentId}, now())`;
export const mediaEmbargoedNow = (alias: string) =>
  sql`coalesce(embargo_lifts_at(${sql.raw(alias)}.embargo_until, ${sql.raw(alias)}.embargo_session_id) > now(), false)`;

export const sessionNotFound = () =>
  new NotFoundError("event_session_not_found", "No such session (embargo_session_id).");

/** A session of the organisation that is not deleted: what a new embargo may follow. */
export const liveSession = (ctx: Pick<TenantContext, "organizationId">, id: string) =>
  ownedBy(ctx, eventSessions.organizationId, eq(eventSessions.id, id), isNull(eventSessions.deletedAt));

/** The live session `id` (no row when it is not one): a statement for the caller's batch. */
export function selectSession(ctx: TenantContext, db: Database, id: string | null | undefined) {
  return db
    .select({ id: eventSessions.id })
    .from(eventSessions)
    .where(id ? liveSession(ctx, id) : sql`false`);
}

/** 404 `event_session_not_found` unless `id` is a live session of the organisation: one round trip. */
export async function assertSessionLive(ctx: TenantContext, id: string): Promise<void> {
  const { rows } = await inTenant(ctx, (db) => ({ rows: selectSession(ctx, db, id) }));
  if (!rows[0]) throw sessionNotFound();
}

/** An embargo as the wire sets it: a time, a session, both (the later wins) or, with null, neither. */
export interface EmbargoInput {
  embargo_until?: string | null;
  embargo_session_id?: string | null;
}

/** The embargo's columns for an insert or an update (undefined: left as it is). */
export function embargoColumns(input: EmbargoInput) {
  const until = input.embargo_until;
  return {
    embargoUntil: until === undefined || until === null ? until : new Date(until),
    embargoSessionId: input.embargo_session_id,
  };
}

/** 409 `content_embargoed`: what publishing now answers before the lift, with the time it lifts. */
export class ContentEmbargoedError extends ConflictError {
  constructor(liftsAt: Date) {
    super(
      "content_embargoed",
      `This content is under embargo until ${liftsAt.toISOString()}: it may be scheduled, and goes out once the embargo lifts.`,
      { embargo_lifts_at: liftsAt.toISOString() },
    );
  }
}
