import { z } from "@hono/zod-openapi";
import { MEDIA_PROCESSING_STATUSES } from "../../../db/schema/media-assets.ts";
import { MEDIA_UPLOAD_STATUSES, type MediaUpload } from "../../../db/schema/media-uploads.ts";
import type { MediaWithEmbargo } from "../../../services/embargoes/embargo.ts";
import { MEDIA_FILE_TYPES, MEDIA_MIME_TYPES } from "../../../services/media/types.ts";
import { expectedPartSize, missingParts, partCountOf } from "../../../services/media/uploads.ts";
import { ProblemSchema } from "../../openapi.ts";
import { DateTimeSchema } from "../common.ts";

export const MediaFileTypeSchema = z.enum(MEDIA_FILE_TYPES);
export const MediaMimeTypeSchema = z.enum(MEDIA_MIME_TYPES);

export const MediaSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    file_type: MediaFileTypeSchema,
    mime_type: MediaMimeTypeSchema.openapi({
      description: "Decided from the bytes, not from the upload's claim",
    }),
    file_size: z.number().int().openapi({ description: "Bytes" }),
    sha256: z.string().nullable().openapi({ description: "Hex SHA-256 of the bytes" }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    duration_ms: z.number().int().nullable().openapi({ description: "Videos, once processed" }),
    processing_status: z.enum(MEDIA_PROCESSING_STATUSES),
    ai_tags: z.array(z.string()),
    embargo_until: z.iso.datetime().nullable(),
    embargo_session_id: z.uuid().nullable(),
    embargo_lifts_at: z.iso.datetime().nullable().openapi({
      description:
        "When the embargo lifts: the later of embargo_until and the session's start (as it is now); null: none. Before it the file is on no public page and no post that uses it goes out",
    }),
    content_url: z.string().openapi({ example: "/v1/media/0d6f0f4e-0000-4000-8000-000000000010/content" }),
    created_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Media");

export function toMedia(row: MediaWithEmbargo): z.infer<typeof MediaSchema> {
  return {
    id: row.id,
    filename: row.filename,
    file_type: row.fileType as z.infer<typeof MediaFileTypeSchema>,
    mime_type: row.mimeType as z.infer<typeof MediaMimeTypeSchema>,
    file_size: row.fileSize,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    duration_ms: row.durationMs,
    processing_status: row.processingStatus,
    ai_tags: row.aiTags,
    embargo_until: row.embargoUntil?.toISOString() ?? null,
    embargo_session_id: row.embargoSessionId,
    embargo_lifts_at: row.embargoLiftsAt?.toISOString() ?? null,
    content_url: `/v1/media/${row.id}/content`,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const MediaUploadSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    content_type: MediaMimeTypeSchema,
    size: z.number().int(),
    part_size: z.number().int().openapi({ description: "Every part but the last has exactly this size" }),
    part_count: z.number().int(),
    last_part_size: z.number().int(),
    parts: z.array(z.object({ part_number: z.number().int(), size: z.number().int() })),
    missing_parts: z.array(z.number().int()).openapi({ description: "Send these, then complete" }),
    status: z.enum(MEDIA_UPLOAD_STATUSES),
    media_id: z.uuid().nullable().openapi({ description: "The media asset, once completed" }),
    expires_at: z.iso.datetime(),
    created_at: z.iso.datetime(),
  })
  .openapi("MediaUpload");

export function toMediaUpload(row: MediaUpload): z.infer<typeof MediaUploadSchema> {
  return {
    id: row.id,
    filename: row.filename,
    content_type: row.contentType as z.infer<typeof MediaMimeTypeSchema>,
    size: row.size,
    part_size: row.partSize,
    part_count: partCountOf(row),
    last_part_size: expectedPartSize(row, partCountOf(row)),
    parts: Object.entries(row.parts)
      .map(([n, part]) => ({ part_number: Number(n), size: part.size }))
      .sort((a, b) => a.part_number - b.part_number),
    missing_parts: missingParts(row),
    status: row.status,
    media_id: row.mediaAssetId,
    expires_at: row.expiresAt.toISOString(),
    created_at: row.createdAt.toISOString(),
  };
}

/** A file name as the user knows it: no path, no control characters. */
export const FilenameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^/\\\p{Cc}]+$/u, "a file name without path separators or control characters")
  .openapi({ example: "keynote-stage.jpg" });

/** An asset's embargo as a request sets it (null lifts that part). */
export const EmbargoFields = {
  embargo_until: DateTimeSchema.nullable().openapi({
    description: "Not shown publicly, nor in a post that goes out, before this time; null lifts it",
  }),
  embargo_session_id: z.uuid().nullable().openapi({
    description:
      "…nor before this session of the organisation starts (moving the session moves the embargo); null lifts it",
  }),
};

/** Raw bytes in a request or response body. */
export const BinarySchema = z.string().openapi({ format: "binary" });

/** A problem response with its own description (the shared ones speak of JSON bodies). */
export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});
