import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";

/** The time series retention archives, then deletes (services/retention/sources.ts). */
export const ARCHIVE_SOURCES = [
  "engagement_metrics",
  "sentiment_analysis",
  "inbound_items",
  "audit_logs",
] as const;
export type ArchiveSource = (typeof ARCHIVE_SOURCES)[number];

/**
 * `writing` (parts going to R2) → `archived` (manifest written) → `deleting` (its rows deleted in
 * chunks) → `deleted`; or from `archived` straight to `deleted` when its whole partition is dropped.
 * `superseded`: rows arrived in the period after it was written, so a new archive covers it.
 */
export const ARCHIVE_STATUSES = ["writing", "archived", "deleting", "deleted", "superseded"] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

/**
 * One organisation's rows of one period of a time series, archived to R2 by the nightly retention
 * (services/retention). The ledger a resumed run continues from, and the record of where each
 * period went once its rows are gone.
 */
export const dataArchives = pgTable(
  "data_archives",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    source: text().$type<ArchiveSource>().notNull(),
    periodStart: timestamptz().notNull(),
    periodEnd: timestamptz().notNull(),
    status: text().$type<ArchiveStatus>().notNull().default("writing"),
    /** Its folder in the ARCHIVES bucket, ending in `/`; `manifest.json` is written there last. */
    prefix: text().notNull(),
    /** The last row written: its time as PostgreSQL renders it (microseconds kept), and its id. */
    cursorAt: text(),
    cursorId: uuid(),
    /** Parts written so far (`part-00001.ndjson.gz` …). */
    parts: integer().notNull().default(0),
    rows: bigint({ mode: "number" }).notNull().default(0),
    deletedRows: bigint({ mode: "number" }).notNull().default(0),
    /** Bumped by every step: a step writes only when nobody stepped meanwhile (two runs at once). */
    version: integer().notNull().default(0),
    /** When dropping its whole partition was last tried (audit logs wait for every organisation). */
    dropCheckedAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
    archivedAt: timestamptz(),
    purgedAt: timestamptz(),
  },
  (t) => [
    // One archive in progress per organisation and period; finished ones stay as the record.
    uniqueIndex("data_archives_active_period_key")
      .on(t.organizationId, t.source, t.periodStart)
      .where(sql`status in ('writing', 'archived', 'deleting')`),
    index("data_archives_source_period_start_idx").on(t.source, t.periodStart),
    check("data_archives_source_check", sql`${t.source} in (${sqlList(ARCHIVE_SOURCES)})`),
    check("data_archives_status_check", sql`${t.status} in (${sqlList(ARCHIVE_STATUSES)})`),
  ],
);

export type DataArchive = typeof dataArchives.$inferSelect;
