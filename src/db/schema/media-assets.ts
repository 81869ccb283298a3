import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { lifecycleColumns, sqlList, timestamptz } from "./columns.ts";
import { eventSessions } from "./event-sessions.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const MEDIA_PROCESSING_STATUSES = ["pending", "processing", "ready", "failed"] as const;
export type MediaProcessingStatus = (typeof MEDIA_PROCESSING_STATUSES)[number];

export const mediaAssets = pgTable(
  "media_assets",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    /** Kind of file: "image", "video", "audio", "document". */
    fileType: text().notNull(),
    mimeType: text().notNull(),
    fileSize: bigint({ mode: "number" }).notNull(),
    /** Object key in the R2 bucket. */
    storageKey: text().notNull(),
    storageUrl: text(),
    cdnUrl: text(),
    width: integer(),
    height: integer(),
    /** A video's length, read from its `mvhd` atom when processing (null when unknown). */
    durationMs: integer(),
    /** Hex SHA-256 of the bytes (integrity, duplicate detection). */
    sha256: text(),
    processingStatus: text().$type<MediaProcessingStatus>().notNull().default("pending"),
    aiTags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Never shown publicly, nor published in a post, before this time (with a session: the later). */
    embargoUntil: timestamptz(),
    /** …nor before this session starts; moving the session moves it. */
    embargoSessionId: uuid().references((): AnyPgColumn => eventSessions.id, { onDelete: "set null" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex("media_assets_storage_key_key").on(t.storageKey),
    index("media_assets_organization_id_sha256_idx").on(t.organizationId, t.sha256),
    index("media_assets_created_by_idx").on(t.createdBy),
    index("media_assets_embargo_session_id_idx").on(t.embargoSessionId),
    check(
      "media_assets_processing_status_check",
      sql`${t.processingStatus} in (${sqlList(MEDIA_PROCESSING_STATUSES)})`,
    ),
    check("media_assets_file_size_check", sql`${t.fileSize} >= 0`),
    check("media_assets_dimensions_check", sql`${t.width} > 0 and ${t.height} > 0`),
    check("media_assets_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("media_assets_duration_ms_check", sql`${t.durationMs} >= 0`),
  ],
);

export const mediaAssetsRelations = relations(mediaAssets, ({ one }) => ({
  organization: one(organizations, {
    fields: [mediaAssets.organizationId],
    references: [organizations.id],
  }),
  uploader: one(users, { fields: [mediaAssets.createdBy], references: [users.id] }),
}));

export type MediaAsset = typeof mediaAssets.$inferSelect;
export type NewMediaAsset = typeof mediaAssets.$inferInsert;
