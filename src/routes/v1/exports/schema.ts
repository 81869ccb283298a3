import { z } from "@hono/zod-openapi";
import type { DataExport } from "../../../db/schema/data-exports.ts";
import { EXPORT_SCOPES, EXPORT_STATUSES } from "../../../db/schema/data-exports.ts";
import { progressOf } from "../../../services/exports/exports.ts";
import { PaginationQuery } from "../../../services/pagination.ts";
import { PlatformSchema } from "../common.ts";

export const CreateExportBody = z
  .discriminatedUnion("scope", [
    z.strictObject({ scope: z.literal("organization") }).openapi("ExportOfOrganization"),
    z.strictObject({ scope: z.literal("user"), user_id: z.uuid() }).openapi("ExportOfUser"),
    z.strictObject({ scope: z.literal("delegate"), delegate_id: z.uuid() }).openapi("ExportOfDelegate"),
    z
      .strictObject({
        scope: z.literal("inbound_author"),
        platform: PlatformSchema,
        handle: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .openapi({ description: "Their handle on the platform, with or without the leading @ (any case)" }),
      })
      .openapi("ExportOfInboundAuthor"),
  ])
  .openapi("ExportRequest", {
    description:
      "`organization`: everything the organisation holds. A person's data: `user` (a member: their account, notifications, content and media they made, approval requests and actions, audit rows by or about them), `delegate` (their record, inbound items mentioning them, audit rows about them, their photo), `inbound_author` (what they wrote to the organisation on a platform: inbound items and their sentiment).",
    example: { scope: "delegate", delegate_id: "0d6f0f4e-0000-4000-8000-000000000021" },
  });

export type CreateExportInput = z.output<typeof CreateExportBody>;

export const ListExportsQuery = PaginationQuery;

export const ExportSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(EXPORT_SCOPES),
    subject: z
      .object({
        user_id: z.uuid().optional(),
        delegate_id: z.uuid().optional(),
        platform: PlatformSchema.optional(),
        handle: z.string().optional(),
      })
      .openapi({ description: "Whose data; empty for the organisation's" }),
    status: z.enum(EXPORT_STATUSES).openapi({
      description:
        "queued → running → completed; failed when a step kept failing; expired once the archive is deleted (7 days after it was completed)",
    }),
    progress: z.object({
      percent: z.int().min(0).max(100),
      rows_written: z.int(),
      rows_total: z.int().openapi({ description: "Rows counted when the export started" }),
      media_written: z.int(),
      media_total: z.int(),
      chunks: z.int().openapi({ description: "Chunks written so far (each a queued step)" }),
    }),
    download_url: z.url().nullable().openapi({
      description:
        "When completed: a signed link to the archive as one tar file (manifest.json, NDJSON.gz per table, media files), valid until download_expires_at; read the export again for a fresh one",
    }),
    download_expires_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    started_at: z.iso.datetime().nullable(),
    completed_at: z.iso.datetime().nullable(),
    expires_at: z.iso
      .datetime()
      .nullable()
      .openapi({ description: "When the archive is deleted and its links stop working" }),
  })
  .openapi("Export");

export type ExportView = z.infer<typeof ExportSchema>;

export function toExport(row: DataExport, link: { url: string; expiresAt: Date } | null): ExportView {
  return {
    id: row.id,
    scope: row.scope,
    subject: row.subject,
    status: row.status,
    progress: progressOf(row),
    download_url: link?.url ?? null,
    download_expires_at: link?.expiresAt.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
    expires_at: row.expiresAt?.toISOString() ?? null,
  };
}
