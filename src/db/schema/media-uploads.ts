import { relations, sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz } from "./columns.ts";
import { mediaAssets } from "./media-assets.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const MEDIA_UPLOAD_STATUSES = ["uploading", "completed", "aborted"] as const;
export type MediaUploadStatus = (typeof MEDIA_UPLOAD_STATUSES)[number];

/** The parts that arrived, by part number: R2's etag (needed to complete) and the size. */
export type UploadedParts = Record<string, { etag: string; size: number }>;

/**
 * A multipart upload in flight: the R2 multipart upload behind it, what the client declared, and
 * the parts that arrived, so an interrupted client can ask what is missing and resume. Parts merge
 * into `parts` with `||`, so two parts arriving at once never overwrite each other.
 */
export const mediaUploads = pgTable(
  "media_uploads",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** R2's id of the multipart upload (never shown to clients). */
    r2UploadId: text().notNull(),
    /** The object key the media asset will have. */
    storageKey: text().notNull(),
    filename: text().notNull(),
    /** The type the client declared; checked against the bytes on the first part and at completion. */
    contentType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    partSize: integer().notNull(),
    parts: jsonb().$type<UploadedParts>().notNull().default({}),
    status: text().$type<MediaUploadStatus>().notNull().default("uploading"),
    mediaAssetId: uuid().references(() => mediaAssets.id, { onDelete: "set null" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    /** R2 aborts incomplete multipart uploads after 7 days; the upload closes with it. */
    expiresAt: timestamptz().notNull(),
  },
  (t) => [
    index("media_uploads_organization_id_idx").on(t.organizationId),
    uniqueIndex("media_uploads_storage_key_key").on(t.storageKey),
    index("media_uploads_expires_at_idx").on(t.expiresAt),
    index("media_uploads_created_by_idx").on(t.createdBy),
    index("media_uploads_media_asset_id_idx").on(t.mediaAssetId),
    check("media_uploads_status_check", sql`${t.status} in (${sqlList(MEDIA_UPLOAD_STATUSES)})`),
    check("media_uploads_size_check", sql`${t.size} > 0`),
    check("media_uploads_part_size_check", sql`${t.partSize} >= 5242880`),
  ],
);

export const mediaUploadsRelations = relations(mediaUploads, ({ one }) => ({
  organization: one(organizations, {
    fields: [mediaUploads.organizationId],
    references: [organizations.id],
  }),
  mediaAsset: one(mediaAssets, { fields: [mediaUploads.mediaAssetId], references: [mediaAssets.id] }),
  uploader: one(users, { fields: [mediaUploads.createdBy], references: [users.id] }),
}));

export type MediaUpload = typeof mediaUploads.$inferSelect;
