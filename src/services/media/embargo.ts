/**
 * `PATCH /v1/media/{id}`: an asset's embargo, set, moved or lifted (services/embargoes). An asset an
 * event's public pages already show (a speaker's photo, a file of a published post) leaves them at
 * once when it gets an embargo: each such event's live version moves on, so the edge cache's copies
 * keyed by the old version are not served again, and its open widgets are told to refresh.
 */
import { and, exists, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { mediaAssets } from "../../db/schema/media-assets.ts";
import { inTenant } from "../../db/tenant.ts";
import { ConflictError, PreconditionFailedError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import {
  type EmbargoInput,
  embargoColumns,
  type MediaWithEmbargo,
  mediaWithEmbargo,
  selectSession,
  sessionNotFound,
} from "../embargoes/embargo.ts";
import { publishLive } from "../public/live.ts";
import { liveMedia, mediaNotFound } from "./media.ts";

/** The public keys of the organisation's switched-on events whose public pages show the asset. */
function publicPagesShowing(ctx: TenantContext, db: Database, id: string) {
  return db.execute<{ public_key: string }>(sql`
    select w.public_key from event_widgets w
    where w.organization_id = ${ctx.organizationId} and w.enabled and (
      exists (select 1 from delegates d where d.event_id = w.event_id and d.photo_media_id = ${id}
              and d.deleted_at is null)
      or exists (select 1 from content c join published_posts p on p.content_id = c.id
                 where c.event_id = w.event_id and c.media_assets @> array[${id}]::uuid[]
                   and p.publish_status = 'published'))`);
}

const wire = (row: { embargoUntil: Date | null; embargoSessionId: string | null }) => ({
  embargo_until: row.embargoUntil?.toISOString() ?? null,
  embargo_session_id: row.embargoSessionId,
});

/**
 * Two round trips (read the asset and the session named, then the update guarded by both with its
 * `media.update` audit row), then one call per event showing the asset. 404 `media_not_found` /
 * `event_session_not_found`; 412 for a stale If-Match; 409 `edit_conflict` when the asset or the
 * session was deleted in between.
 */
export async function updateMediaEmbargo(
  ctx: TenantContext,
  id: string,
  input: EmbargoInput,
  ifMatch: string | undefined,
): Promise<MediaWithEmbargo> {
  const sessionId = input.embargo_session_id;
  const { rows, sessions } = await inTenant(ctx, (db) => ({
    rows: db.select().from(mediaAssets).where(liveMedia(ctx, id)),
    sessions: selectSession(ctx, db, sessionId),
  }));
  const current = rows[0];
  if (!current) throw mediaNotFound();
  assertIfMatch(ifMatch, current.updatedAt);
  if (sessionId && !sessions[0]) throw sessionNotFound();
  const columns = embargoColumns(input);
  const set = definedFields(columns);
  const after = wire({
    embargoUntil: columns.embargoUntil === undefined ? current.embargoUntil : columns.embargoUntil,
    embargoSessionId:
      columns.embargoSessionId === undefined ? current.embargoSessionId : columns.embargoSessionId,
  });
  const { updated, shown } = await inTenant(ctx, (db) => ({
    updated: db
      .update(mediaAssets)
      .set({ ...set, updatedAt: ctx.now() })
      .where(
        and(
          liveMedia(ctx, id),
          // Only a client that named the version it read is refused for a change since: processing
          // touches a new asset in the background, and never its embargo.
          ifMatch ? unchangedSince(mediaAssets.updatedAt, current.updatedAt) : undefined,
          sessionId ? exists(selectSession(ctx, db, sessionId)) : undefined,
        ),
      )
      .returning(mediaWithEmbargo()),
    audit: auditEntry(ctx, db, {
      action: "media.update",
      entityType: "media",
      entityId: id,
      changes: diff(wire(current), after),
      guard: mediaAssets,
    }),
    shown: publicPagesShowing(ctx, db, id),
  }));
  const row = updated[0];
  if (!row) {
    if (ifMatch) throw new PreconditionFailedError();
    throw new ConflictError("edit_conflict", "The media changed while you were saving; read it again.");
  }
  await Promise.all(
    shown.rows.map((page) => publishLive(ctx.config, page.public_key, [{ type: "refresh" }])),
  );
  return row;
}
