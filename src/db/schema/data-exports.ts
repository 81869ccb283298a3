import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, PLATFORMS, type Platform, sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/** Whose data: the whole organisation, or one person (a subject access request). */
export const EXPORT_SCOPES = ["organization", "user", "delegate", "inbound_author"] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export const EXPORT_STATUSES = ["queued", "running", "completed", "failed", "expired"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** The person an export is about; empty for an organisation's export. */
export interface ExportSubject {
  user_id?: string;
  delegate_id?: string;
  platform?: Platform;
  handle?: string;
}

/** One table of an export, as its first step planned it. */
export interface ExportPlanTable {
  table: string;
  /** Rows it held when the export started. */
  rows: number;
  /** Columns written, with their PostgreSQL types. */
  columns: Array<{ name: string; type: string }>;
  /** Columns left out: secrets and generated columns. */
  excluded: string[];
}

/**
 * An export being built in the background (services/exports), one chunk per queue message, into the
 * ARCHIVES bucket under `exports/<organisation>/<id>/`.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    scope: text().$type<ExportScope>().notNull(),
    subject: jsonb().$type<ExportSubject>().notNull().default({}),
    status: text().$type<ExportStatus>().notNull().default("queued"),
    /** Filled by the first step: the tables, their row counts and columns. */
    plan: jsonb().$type<ExportPlanTable[]>().notNull().default([]),
    /** The table being written (an index into `plan`); `plan.length` is the media step. */
    step: integer().notNull().default(0),
    /** The last key written in the current step, and the parts written of it. */
    cursor: text(),
    part: integer().notNull().default(0),
    rowsTotal: bigint({ mode: "number" }).notNull().default(0),
    rowsWritten: bigint({ mode: "number" }).notNull().default(0),
    mediaTotal: integer().notNull().default(0),
    mediaWritten: integer().notNull().default(0),
    chunks: integer().notNull().default(0),
    schemaVersion: integer(),
    /** Bumped by every step: a step writes only when nobody stepped meanwhile. */
    version: integer().notNull().default(0),
    error: text(),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
    startedAt: timestamptz(),
    completedAt: timestamptz(),
    /** When the archive is deleted from R2 (the nightly job); its links stop working then. */
    expiresAt: timestamptz(),
  },
  (t) => [
    index("data_exports_organization_id_created_at_idx").on(t.organizationId, t.createdAt),
    check("data_exports_scope_check", sql`${t.scope} in (${sqlList(EXPORT_SCOPES)})`),
    check("data_exports_status_check", sql`${t.status} in (${sqlList(EXPORT_STATUSES)})`),
    check(
      "data_exports_subject_platform_check",
      sql`${t.subject}->>'platform' is null or ${t.subject}->>'platform' in (${sqlList(PLATFORMS)})`,
    ),
  ],
);

export type DataExport = typeof dataExports.$inferSelect;
