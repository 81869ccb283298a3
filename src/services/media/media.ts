/**
 * The media library: files in R2 under `org/<organisation>/<media id>`, described by a
 * `media_assets` row. The server decides a file's type from its bytes, never from the claim; the
 * row is written only once the bytes are safely stored (and the bytes deleted if the row cannot be).
 */
import { and, eq, ilike, inArray, isNull, not, type SQL, sql } from "drizzle-orm";
import type { Part } from "../../db/batch.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { content } from "../../db/schema/content.ts";
import { type MediaAsset, mediaAssets } from "../../db/schema/media-assets.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { AppError, BadRequestError, ConflictError, NotFoundError, titleOf } from "../../errors.ts";
import { imageDimensions, SNIFF_BYTES } from "../../platform/media-sniff.ts";
import { inspectStream } from "../../platform/media-stream.ts";
import { auditEntry } from "../audit/record.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import {
  assertSessionLive,
  type EmbargoInput,
  embargoColumns,
  type MediaWithEmbargo,
  mediaWithEmbargo,
} from "../embargoes/embargo.ts";
import { likePrefix, type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { restore, softDelete } from "../soft-delete.ts";
import { type ByteRange, parseByteRange } from "./range.ts";
import {
  assertClaimSupported,
  FILE_TYPE_OF,
  GENERIC_TYPE,
  HEAD_BYTES,
  judgeHead,
  MAX_BYTES,
  MAX_SINGLE_UPLOAD_BYTES,
  type MediaFileType,
  type MediaMimeType,
  mediaTooLarge,
  normaliseClaim,
} from "./types.ts";

export const mediaNotFound = () => new NotFoundError("media_not_found", "No such media.");

/** Where an organisation's file lives in the bucket. */
export const storageKeyOf = (organizationId: string, mediaId: string) => `org/${organizationId}/${mediaId}`;

export const lengthRequired = () =>
  new AppError(
    411,
    "length_required",
    titleOf(411),
    "Send the body with a Content-Length (the bytes are streamed to storage, which needs the size first).",
  );

/** Content-Length as a byte count, or undefined when absent. */
export function parseContentLength(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (!/^\d{1,15}$/.test(header.trim())) {
    throw new BadRequestError("invalid_content_length", "Content-Length must be a byte count.");
  }
  return Number(header.trim());
}

/**
 * Pipes `body` into `store` (an R2 write that needs a known length) through the inspector, and
 * answers the inspection. A verdict of the inspector (415, 413) wins over the write's own failure,
 * which it causes; a body shorter than announced is a 400.
 */
export async function streamInto(
  body: ReadableStream<Uint8Array>,
  length: number,
  inspector: ReturnType<typeof inspectStream> | undefined,
  store: (stream: ReadableStream<Uint8Array>) => Promise<unknown>,
): Promise<void> {
  const fixed = new FixedLengthStream(length);
  const source = inspector ? body.pipeThrough(inspector.stream) : body;
  const [piped, stored] = await Promise.allSettled([source.pipeTo(fixed.writable), store(fixed.readable)]);
  if (piped.status === "fulfilled" && stored.status === "fulfilled") return;
  const verdict = inspector
    ? await inspector.result.then(
        () => undefined,
        (error: unknown) => error,
      )
    : undefined;
  if (verdict instanceof AppError) throw verdict;
  const reasons = [piped, stored].flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  // workerd's FixedLengthStream says so when the body is shorter or longer than announced.
  if (reasons.some((reason) => /FixedLengthStream/.test(String(reason)))) {
    throw new BadRequestError(
      "body_length_mismatch",
      `The body did not carry the ${length} bytes its Content-Length announced.`,
    );
  }
  throw reasons[reasons.length - 1];
}

export interface UploadInput {
  body: ReadableStream<Uint8Array> | null;
  contentLength: number | undefined;
  contentType: string | undefined;
  filename: string;
  /** An embargo the asset starts with. */
  embargo?: EmbargoInput;
}

/**
 * `POST /v1/media`: streams the body into R2 while hashing it and sniffing its first bytes, then
 * records the asset with its audit row (one round trip) and queues its processing. Nothing of a
 * refused file stays behind, neither in R2 nor in the table. An embargo following a session costs
 * one round trip first (404 `event_session_not_found` before any byte is stored).
 */
export async function uploadMedia(ctx: TenantContext, input: UploadInput): Promise<MediaWithEmbargo> {
  const claim = normaliseClaim(input.contentType);
  assertClaimSupported(claim);
  const length = input.contentLength;
  if (length === undefined) throw lengthRequired();
  if (length === 0 || !input.body)
    throw new BadRequestError("empty_body", "The body is empty; send the file.");
  if (length > MAX_SINGLE_UPLOAD_BYTES) {
    throw mediaTooLarge(
      "upload",
      MAX_SINGLE_UPLOAD_BYTES,
      " Larger files go through POST /v1/media/uploads.",
    );
  }
  if (claim !== GENERIC_TYPE && length > MAX_BYTES[FILE_TYPE_OF[claim]]) {
    throw mediaTooLarge(FILE_TYPE_OF[claim], MAX_BYTES[FILE_TYPE_OF[claim]]);
  }
  const sessionId = input.embargo?.embargo_session_id;
  if (sessionId) await assertSessionLive(ctx, sessionId);

  const bucket = ctx.config.MEDIA;
  const id = crypto.randomUUID();
  const key = storageKeyOf(ctx.organizationId, id);
  const inspector = inspectStream({
    keep: HEAD_BYTES,
    check: { at: SNIFF_BYTES, fn: (head) => judgeHead(head, claim, length) },
  });
  try {
    await streamInto(input.body, length, inspector, (stream) =>
      bucket.put(key, stream, claim === GENERIC_TYPE ? {} : { httpMetadata: { contentType: claim } }),
    );
  } catch (error) {
    await bucket.delete(key);
    throw error;
  }
  const { sha256, head } = await inspector.result;
  // The same verdict the stream reached on its first bytes, now with the type it named.
  const mimeType = judgeHead(head, claim, length);
  return recordMedia(ctx, {
    id,
    storageKey: key,
    filename: input.filename,
    mimeType,
    fileSize: length,
    sha256,
    head,
    embargo: input.embargo,
  });
}

export interface NewMedia {
  id: string;
  storageKey: string;
  filename: string;
  mimeType: MediaMimeType;
  fileSize: number;
  sha256: string;
  /** The first bytes, for an image's pixel size. */
  head: Uint8Array;
  embargo?: EmbargoInput;
}

export interface RecordOptions {
  /** Further statements of the same batch, e.g. closing the multipart upload. */
  extra?: (db: TenantContext["db"]) => Part;
  /** Keep the object when the row cannot be written (a multipart completion can be retried). */
  keepObjectOnFailure?: boolean;
}

/**
 * Writes the asset and its `media.create` audit row in one batch, then queues processing. If the
 * row cannot be written the stored object is deleted (unless told otherwise), so R2 does not keep
 * a file the library does not know.
 */
export async function recordMedia(
  ctx: TenantContext,
  media: NewMedia,
  options: RecordOptions = {},
): Promise<MediaWithEmbargo> {
  const fileType: MediaFileType = FILE_TYPE_OF[media.mimeType];
  const size = fileType === "image" ? imageDimensions(media.mimeType, media.head) : null;
  const embargo = embargoColumns(media.embargo ?? {});
  let asset: MediaWithEmbargo;
  try {
    const { inserted } = await inTenant(ctx, (db) => ({
      inserted: db
        .insert(mediaAssets)
        .values({
          id: media.id,
          organizationId: ctx.organizationId,
          filename: media.filename,
          fileType,
          mimeType: media.mimeType,
          fileSize: media.fileSize,
          storageKey: media.storageKey,
          width: size?.width ?? null,
          height: size?.height ?? null,
          sha256: media.sha256,
          embargoUntil: embargo.embargoUntil ?? null,
          embargoSessionId: embargo.embargoSessionId ?? null,
          createdBy: actorUserId(ctx.actor),
        })
        .returning(mediaWithEmbargo()),
      audit: auditEntry(ctx, db, {
        action: "media.create",
        entityType: "media",
        entityId: media.id,
        changes: {
          filename: media.filename,
          mime_type: media.mimeType,
          file_size: media.fileSize,
          sha256: media.sha256,
          ...(embargo.embargoUntil ? { embargo_until: embargo.embargoUntil.toISOString() } : {}),
          ...(embargo.embargoSessionId ? { embargo_session_id: embargo.embargoSessionId } : {}),
        },
      }),
      extra: options.extra?.(db),
    }));
    asset = inserted[0]!;
  } catch (error) {
    if (!options.keepObjectOnFailure) await ctx.config.MEDIA.delete(media.storageKey);
    throw error;
  }
  await ctx.config.MEDIA_QUEUE.send({ media_id: asset.id, organization_id: ctx.organizationId });
  return asset;
}

/** A live asset of the organisation, with when its embargo lifts: one round trip. */
export async function getMedia(ctx: TenantContext, id: string): Promise<MediaWithEmbargo> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db.select(mediaWithEmbargo()).from(mediaAssets).where(liveMedia(ctx, id)),
  }));
  const row = rows[0];
  if (!row) throw mediaNotFound();
  return row;
}

/** The organisation's asset `id`, not deleted. */
export const liveMedia = (ctx: TenantContext, id: string) =>
  ownedBy(ctx, mediaAssets.organizationId, eq(mediaAssets.id, id), isNull(mediaAssets.deletedAt));

export interface ListMediaInput extends PageInput {
  file_type?: MediaFileType;
  /** Filename starts with (case-insensitive). */
  q?: string;
}

const newestFirst = { by: mediaAssets.createdAt, id: mediaAssets.id, direction: "desc" } as const;

/** A page of the library, rendered once per filters (db/prepared.ts). */
const mediaPage = preparedStatement(
  "mediaPage",
  (
    db,
    value: Value<"organizationId" | "fileType" | "prefix" | PageValue>,
    shape: { continued: boolean; fileType: boolean; q: boolean },
  ) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: mediaWithEmbargo(), key: page.key })
      .from(mediaAssets)
      .where(
        and(
          eq(mediaAssets.organizationId, value("organizationId")),
          isNull(mediaAssets.deletedAt),
          shape.fileType ? eq(mediaAssets.fileType, value("fileType")) : undefined,
          shape.q ? ilike(mediaAssets.filename, value("prefix")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Newest first. */
export async function listMedia(ctx: TenantContext, input: ListMediaInput) {
  const page = paginate(input, newestFirst);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: mediaPage(
      db,
      {
        organizationId: ctx.organizationId,
        fileType: input.file_type,
        prefix: input.q ? likePrefix(input.q) : undefined,
        ...page.values,
      },
      { continued: page.continued, fileType: Boolean(input.file_type), q: Boolean(input.q) },
    ),
  }));
  return page.result(rows);
}

/** Live content of the organisation whose `media_assets` holds `id`. */
const usedBy = (ctx: TenantContext, id: string): SQL =>
  and(
    eq(content.organizationId, ctx.organizationId),
    isNull(content.deletedAt),
    sql`${content.mediaAssets} @> array[${id}]::uuid[]`,
  ) as SQL;

/**
 * Soft delete, refused while live content uses the asset (409 `media_in_use` naming it). One round
 * trip when it goes through: the "nobody uses it" condition guards the update itself, so content
 * that starts using the asset meanwhile cannot slip past; a second one only to explain a refusal.
 */
export async function deleteMedia(ctx: TenantContext, id: string): Promise<void> {
  const inUse = sql`exists (select 1 from ${content} where ${usedBy(ctx, id)})`;
  try {
    await softDelete(ctx, { table: mediaAssets, id, entity: "media", where: not(inUse) });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { referencing } = await inTenant(ctx, (db) => ({
      referencing: db
        .select({ id: content.id })
        .from(content)
        .where(
          and(
            usedBy(ctx, id),
            sql`exists (select 1 from ${mediaAssets} where ${ownedBy(ctx, mediaAssets.organizationId, eq(mediaAssets.id, id), isNull(mediaAssets.deletedAt))})`,
          ),
        )
        .orderBy(content.id)
        .limit(100),
    }));
    if (referencing.length === 0) throw error;
    const ids = referencing.map((u) => u.id);
    throw new ConflictError(
      "media_in_use",
      `Content still uses this media (${ids.join(", ")}); remove it there first.`,
      { content_ids: ids },
    );
  }
}

export const restoreMedia = (ctx: TenantContext, id: string) =>
  restore<typeof mediaAssets, MediaWithEmbargo>(ctx, {
    table: mediaAssets,
    id,
    entity: "media",
    returning: mediaWithEmbargo(),
  });

/**
 * For content, templates and delegates' photos that reference media: every id must be a live asset
 * of the organisation (an image, with `images`). One query; throws 400 `unknown_media` listing the
 * ids that are not.
 */
export async function assertMediaOwned(
  ctx: TenantContext,
  ids: readonly string[],
  options: { images?: boolean } = {},
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({ id: mediaAssets.id })
      .from(mediaAssets)
      .where(
        ownedBy(
          ctx,
          mediaAssets.organizationId,
          inArray(mediaAssets.id, wanted),
          isNull(mediaAssets.deletedAt),
          options.images ? eq(mediaAssets.fileType, "image") : undefined,
        ),
      ),
  }));
  const found = new Set(rows.map((r) => r.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const what = options.images ? "image" : "media";
    throw new BadRequestError(
      "unknown_media",
      `No such ${what} in your organisation: ${missing.join(", ")}.`,
      {
        media_ids: missing,
      },
    );
  }
}

export type MediaContent =
  | { kind: "not_modified"; asset: MediaAsset; etag: string }
  | { kind: "unsatisfiable"; asset: MediaAsset }
  | { kind: "full"; asset: MediaAsset; object: R2ObjectBody }
  | { kind: "partial"; asset: MediaAsset; object: R2ObjectBody; range: ByteRange };

/**
 * The bytes of an asset for download: one round trip for the row, then R2, which answers a
 * matching `If-None-Match` without a body and a range with just those bytes.
 */
export async function openMediaContent(
  ctx: TenantContext,
  id: string,
  request: { range?: string; ifNoneMatch?: string },
): Promise<MediaContent> {
  const asset = await getMedia(ctx, id);
  const range = parseByteRange(request.range, asset.fileSize);
  if (range === "unsatisfiable") return { kind: "unsatisfiable", asset };
  // Only If-None-Match is passed on: R2 would answer a failed If-Match the same way (no body).
  const object = await ctx.config.MEDIA.get(asset.storageKey, {
    onlyIf: new Headers(request.ifNoneMatch ? { "if-none-match": request.ifNoneMatch } : {}),
    ...(range ? { range: { offset: range.start, length: range.end - range.start + 1 } } : {}),
  });
  if (!object)
    throw new NotFoundError("media_content_missing", "The media's bytes are missing from storage.");
  if (!("body" in object)) return { kind: "not_modified", asset, etag: object.httpEtag };
  return range ? { kind: "partial", asset, object, range } : { kind: "full", asset, object };
}
