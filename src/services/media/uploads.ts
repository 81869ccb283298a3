/**
 * Multipart uploads, for files too large for one request (videos, in practice). The client declares
 * the file, sends fixed-size parts in any order (each streamed to R2's `uploadPart`, never held),
 * can ask which parts arrived and resume, then completes: the server checks the bytes' type on the
 * assembled object, hashes it by reading it back, and records the media asset. Parts are not audited
 * one by one: the upload's creation, abort and the resulting `media.create` are.
 */
import { and, eq, sql } from "drizzle-orm";
import { uniqueViolation } from "../../db/errors.ts";
import { type MediaUpload, mediaUploads } from "../../db/schema/media-uploads.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors.ts";
import { SNIFF_BYTES } from "../../platform/media-sniff.ts";
import { inspectStream, sha256OfStream } from "../../platform/media-stream.ts";
import { auditEntry } from "../audit/record.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { lengthRequired, recordMedia, storageKeyOf, streamInto } from "./media.ts";
import {
  FILE_TYPE_OF,
  HEAD_BYTES,
  judgeHead,
  MAX_BYTES,
  type MediaMimeType,
  mediaTooLarge,
  PART_SIZE,
} from "./types.ts";

/** R2 aborts an incomplete multipart upload after 7 days (its default lifecycle rule). */
const UPLOAD_LIFETIME_MS = 7 * 24 * 3600 * 1000;

const uploadNotFound = () => new NotFoundError("upload_not_found", "No such upload.");

export const partCountOf = (upload: Pick<MediaUpload, "size" | "partSize">) =>
  Math.ceil(upload.size / upload.partSize);

/** The exact size part `n` must have: the part size, except for the last part (the remainder). */
export const expectedPartSize = (upload: Pick<MediaUpload, "size" | "partSize">, n: number) =>
  n < partCountOf(upload) ? upload.partSize : upload.size - (partCountOf(upload) - 1) * upload.partSize;

export const missingParts = (upload: Pick<MediaUpload, "size" | "partSize" | "parts">) =>
  Array.from({ length: partCountOf(upload) }, (_, i) => i + 1).filter((n) => !upload.parts[String(n)]);

export interface CreateUploadInput {
  filename: string;
  content_type: MediaMimeType;
  size: number;
}

/** Opens the R2 multipart upload and records it (one round trip with its audit row). */
export async function createUpload(ctx: TenantContext, input: CreateUploadInput): Promise<MediaUpload> {
  const fileType = FILE_TYPE_OF[input.content_type];
  if (input.size > MAX_BYTES[fileType]) throw mediaTooLarge(fileType, MAX_BYTES[fileType]);
  const id = crypto.randomUUID();
  const mediaId = crypto.randomUUID();
  const key = storageKeyOf(ctx.organizationId, mediaId);
  const multipart = await ctx.config.MEDIA.createMultipartUpload(key, {
    httpMetadata: { contentType: input.content_type },
  });
  try {
    const { inserted } = await inTenant(ctx, (db) => ({
      inserted: db
        .insert(mediaUploads)
        .values({
          id,
          organizationId: ctx.organizationId,
          r2UploadId: multipart.uploadId,
          storageKey: key,
          filename: input.filename,
          contentType: input.content_type,
          size: input.size,
          partSize: PART_SIZE,
          createdBy: actorUserId(ctx.actor),
          expiresAt: new Date(ctx.now().getTime() + UPLOAD_LIFETIME_MS),
        })
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "media_upload.create",
        entityType: "media_upload",
        entityId: id,
        changes: { filename: input.filename, content_type: input.content_type, size: input.size },
      }),
    }));
    return inserted[0]!;
  } catch (error) {
    await multipart.abort();
    throw error;
  }
}

export async function getUpload(ctx: TenantContext, id: string): Promise<MediaUpload> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(mediaUploads)
      .where(ownedBy(ctx, mediaUploads.organizationId, eq(mediaUploads.id, id))),
  }));
  const upload = rows[0];
  if (!upload) throw uploadNotFound();
  return upload;
}

/** 409 unless parts may still be sent: not completed, not aborted, not past R2's lifetime. */
function assertOpen(ctx: TenantContext, upload: MediaUpload): void {
  if (upload.status === "completed") {
    throw new ConflictError("upload_completed", "This upload is already complete.", {
      media_id: upload.mediaAssetId,
    });
  }
  if (upload.status === "aborted") throw new ConflictError("upload_aborted", "This upload was aborted.");
  if (upload.expiresAt <= ctx.now()) {
    throw new ConflictError("upload_expired", "This upload has expired; start a new one.");
  }
}

export interface PartInput {
  body: ReadableStream<Uint8Array> | null;
  contentLength: number | undefined;
}

/**
 * Streams part `n` to R2 and records it (two round trips: read the upload, then merge the part).
 * A part must have exactly its expected size, which keeps R2's rules (every part but the last the
 * same size, at least 5 MiB). The first part's leading bytes are checked against the declared type
 * at once, so a wrong file fails before the rest is sent. Sending a part again replaces it.
 */
export async function uploadPart(
  ctx: TenantContext,
  id: string,
  n: number,
  input: PartInput,
): Promise<MediaUpload> {
  const upload = await getUpload(ctx, id);
  assertOpen(ctx, upload);
  const count = partCountOf(upload);
  if (n > count) {
    throw new BadRequestError("part_out_of_range", `This upload has parts 1 to ${count}.`, {
      part_count: count,
    });
  }
  const expected = expectedPartSize(upload, n);
  if (input.contentLength === undefined) throw lengthRequired();
  if (input.contentLength !== expected || !input.body) {
    throw new BadRequestError(
      "part_size_mismatch",
      `Part ${n} must be exactly ${expected} bytes; got ${input.contentLength}.`,
      { expected_bytes: expected },
    );
  }
  const inspector =
    n === 1
      ? inspectStream({
          keep: SNIFF_BYTES,
          check: { at: SNIFF_BYTES, fn: (head) => judgeHead(head, upload.contentType, upload.size) },
        })
      : undefined;
  const multipart = ctx.config.MEDIA.resumeMultipartUpload(upload.storageKey, upload.r2UploadId);
  let etag = "";
  await streamInto(input.body, expected, inspector, async (stream) => {
    etag = (await multipart.uploadPart(n, stream)).etag;
  });
  const part = JSON.stringify({ [String(n)]: { etag, size: expected } });
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .update(mediaUploads)
      .set({ parts: sql`${mediaUploads.parts} || ${part}::jsonb`, updatedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          mediaUploads.organizationId,
          eq(mediaUploads.id, id),
          eq(mediaUploads.status, "uploading"),
        ),
      )
      .returning(),
  }));
  const updated = rows[0];
  if (!updated) throw new ConflictError("upload_closed", "The upload was completed or aborted meanwhile.");
  return updated;
}

/**
 * Assembles the parts in R2, checks the assembled bytes (type from the first bytes, size), hashes
 * them by streaming the object back, then records the asset and closes the upload in one batch.
 * A refused file is deleted and the upload aborted.
 */
export async function completeUpload(ctx: TenantContext, id: string) {
  const upload = await getUpload(ctx, id);
  assertOpen(ctx, upload);
  const missing = missingParts(upload);
  if (missing.length > 0) {
    throw new ConflictError("upload_incomplete", `Parts still missing: ${missing.join(", ")}.`, {
      missing_parts: missing,
    });
  }
  const bucket = ctx.config.MEDIA;
  const parts = Object.entries(upload.parts)
    .map(([n, p]) => ({ partNumber: Number(n), etag: p.etag }))
    .sort((a, b) => a.partNumber - b.partNumber);
  try {
    await bucket.resumeMultipartUpload(upload.storageKey, upload.r2UploadId).complete(parts);
  } catch (error) {
    // A retry after R2 completed but the database write failed: the object is already whole.
    const existing = await bucket.head(upload.storageKey);
    if (existing?.size !== upload.size) throw error;
  }

  const first = await bucket.get(upload.storageKey, {
    range: { offset: 0, length: Math.min(HEAD_BYTES, upload.size) },
  });
  const head = first ? await first.bytes() : new Uint8Array();
  let mimeType: MediaMimeType;
  try {
    mimeType = judgeHead(head, upload.contentType, upload.size);
  } catch (error) {
    await bucket.delete(upload.storageKey);
    await closeUpload(ctx, upload.id, "aborted");
    throw error;
  }
  const whole = await bucket.get(upload.storageKey);
  if (!whole) throw new NotFoundError("upload_not_found", "The assembled file is missing from storage.");
  const sha256 = await sha256OfStream(whole.body);
  const mediaId = upload.storageKey.split("/").at(-1)!;
  try {
    return await recordMedia(
      ctx,
      {
        id: mediaId,
        storageKey: upload.storageKey,
        filename: upload.filename,
        mimeType,
        fileSize: upload.size,
        sha256,
        head,
      },
      {
        extra: (db) =>
          db
            .update(mediaUploads)
            .set({ status: "completed", mediaAssetId: mediaId, updatedAt: ctx.now() })
            .where(and(eq(mediaUploads.id, upload.id), eq(mediaUploads.status, "uploading"))),
        keepObjectOnFailure: true,
      },
    );
  } catch (error) {
    // Two completions at once: the other one recorded the asset (same id).
    if (uniqueViolation(error) === "media_assets_pkey") {
      throw new ConflictError("upload_completed", "This upload is already complete.", { media_id: mediaId });
    }
    throw error;
  }
}

/** Marks an open upload `status`, with its audit row; answers the upload, or undefined if it was not open. */
async function closeUpload(ctx: TenantContext, id: string, status: "aborted") {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .update(mediaUploads)
      .set({ status, updatedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          mediaUploads.organizationId,
          eq(mediaUploads.id, id),
          eq(mediaUploads.status, "uploading"),
        ),
      )
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "media_upload.abort",
      entityType: "media_upload",
      entityId: id,
      guard: mediaUploads,
    }),
  }));
  return rows[0];
}

/** Aborts an open upload (one round trip) and frees its parts in R2. */
export async function abortUpload(ctx: TenantContext, id: string): Promise<void> {
  const closed = await closeUpload(ctx, id, "aborted");
  if (!closed) {
    assertOpen(ctx, await getUpload(ctx, id));
    throw uploadNotFound();
  }
  await ctx.config.MEDIA.resumeMultipartUpload(closed.storageKey, closed.r2UploadId).abort();
}
