/**
 * What content needs of the media library beyond `assertMediaOwned` (services/media/media.ts): the
 * attached assets' facts for the platform rules, and a write guard that every id it names is a live
 * asset of the organisation. The guard keeps the happy path to the write's own round trip; only a
 * refused write asks `assertMediaOwned` which ids were unknown.
 */
import { inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { mediaAssets } from "../../db/schema/media-assets.ts";
import { ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";

/** `ids`: a list, or an SQL subquery yielding uuids. */
const liveMedia = (ctx: TenantContext, ids: readonly string[] | SQL) =>
  ownedBy(
    ctx,
    mediaAssets.organizationId,
    Array.isArray(ids)
      ? ids.length
        ? inArray(mediaAssets.id, [...ids])
        : sql`false`
      : sql`${mediaAssets.id} in (${ids})`,
    isNull(mediaAssets.deletedAt),
  );

/** The organisation's live assets among `ids`, with what the platform rules need of each: one statement for a batch. */
export function selectMedia(ctx: TenantContext, db: Database, ids: readonly string[] | SQL) {
  return db
    .select({
      id: mediaAssets.id,
      fileType: mediaAssets.fileType,
      mimeType: mediaAssets.mimeType,
      fileSize: mediaAssets.fileSize,
      width: mediaAssets.width,
      height: mediaAssets.height,
      durationMs: mediaAssets.durationMs,
    })
    .from(mediaAssets)
    .where(liveMedia(ctx, ids));
}

/** A write guard: every id (distinct, as the request schema makes them) is a live asset now. */
export function allMediaOwned(ctx: TenantContext, ids: readonly string[]): SQL | undefined {
  if (ids.length === 0) return undefined;
  return sql`(select count(*) from ${mediaAssets} where ${liveMedia(ctx, ids)}) = ${ids.length}`;
}
