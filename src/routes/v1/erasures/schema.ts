import { z } from "@hono/zod-openapi";
import { ERASURE_STATUSES, ERASURE_SUBJECT_TYPES, type Erasure } from "../../../db/schema/erasures.ts";
import { PaginationQuery } from "../../../services/pagination.ts";
import { PlatformSchema } from "../common.ts";

const Subject = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("delegate"), id: z.uuid() }).openapi("ErasureOfDelegate"),
    z.strictObject({ type: z.literal("user"), id: z.uuid() }).openapi("ErasureOfUser"),
    z
      .strictObject({
        type: z.literal("inbound_author"),
        platform: PlatformSchema,
        handle: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .regex(/^@?[^\s@]+$/, "A handle is one word, with or without the leading @")
          .openapi({ description: "Their handle on the platform, with or without the leading @ (any case)" }),
      })
      .openapi("ErasureOfInboundAuthor"),
  ])
  .openapi("ErasureSubject", {
    description:
      "`delegate` and `user` by id (also a soft-deleted one); `inbound_author`: someone who wrote to the organisation on a platform, by platform and handle.",
  });

export const CreateErasureBody = z.strictObject({ subject: Subject }).openapi("ErasureRequest", {
  example: { subject: { type: "delegate", id: "0d6f0f4e-0000-4000-8000-000000000021" } },
});

export type CreateErasureInput = z.output<typeof CreateErasureBody>;

export const ListErasuresQuery = PaginationQuery;

const Counts = z.record(z.string(), z.int().min(0));

export const ErasureSchema = z
  .object({
    id: z.uuid(),
    subject: z
      .object({
        type: z.enum(ERASURE_SUBJECT_TYPES),
        id: z
          .uuid()
          .nullable()
          .openapi({ description: "The delegate's or user's id; null for an inbound author" }),
        platform: PlatformSchema.nullable().openapi({
          description: "An inbound author's platform; their handle is never kept",
        }),
      })
      .openapi({ description: "Whose data, without any of it" }),
    status: z.enum(ERASURE_STATUSES).openapi({
      description:
        "queued → running → completed; failed when a step kept failing or the person was gone before it started (ask again to start anew)",
    }),
    removed: Counts.openapi({
      description:
        "Records deleted, by kind: rows by table (`delegates`, `users`, `inbound_items`, …), R2 objects (`media_objects`, `export_files`, `kept_deliveries`), archived rows (`archived_rows`), cached files",
      example: { delegates: 1, event_session_speakers: 2, media_assets: 1, media_objects: 1 },
    }),
    redacted: Counts.openapi({
      description:
        "Records the person was cut out of (their name, address or handle replaced by `[removed]`), by table, and archive parts written again (`archive_parts`)",
      example: { content: 3, notifications: 1 },
    }),
    error: z.string().nullable(),
    requested_at: z.iso.datetime(),
    started_at: z.iso.datetime().nullable(),
    completed_at: z.iso.datetime().nullable(),
  })
  .openapi("Erasure");

export type ErasureView = z.infer<typeof ErasureSchema>;

export function toErasure(row: Erasure): ErasureView {
  return {
    id: row.id,
    subject: { type: row.subjectType, id: row.subjectId, platform: row.subjectPlatform },
    status: row.status,
    removed: row.counts.removed,
    redacted: row.counts.redacted,
    error: row.error,
    requested_at: row.requestedAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}
