import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, PLATFORMS, type Platform, sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/** Whose data an erasure removes: a delegate, a member, or someone who wrote to the organisation. */
export const ERASURE_SUBJECT_TYPES = ["delegate", "user", "inbound_author"] as const;
export type ErasureSubjectType = (typeof ERASURE_SUBJECT_TYPES)[number];

export const ERASURE_STATUSES = ["queued", "running", "completed", "failed"] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/** What the receipt counts, per kind of record: rows or objects deleted, and those the person was cut out of. */
export interface ErasureCounts {
  removed: Record<string, number>;
  redacted: Record<string, number>;
}

/**
 * What the steps need while an erasure runs (services/erasure/plan.ts): the strings to cut out and
 * the places to purge. It holds the person's data, so it lives only until the erasure ends: the
 * statement that completes (or fails) the erasure sets it to null.
 */
export interface ErasureWorking {
  /** Names, addresses and handles, cut out of free text wherever they appear. */
  terms: string[];
  /** Handles by platform (lower-case, no @): wall filters and authored items. */
  handles: Array<{ platform: Platform; handle: string }>;
  /** The public keys of the events whose widgets could show the person. */
  widget_keys: string[];
  /** Public cache entries of bytes that show the person (a photo, an avatar), as URL paths. */
  cached_paths: string[];
  /** Inbound items of the author dropped from retention archives: their sentiment rows go too. */
  item_ids: string[];
}

/**
 * A person's erasure and its receipt (services/erasure). The row never holds the person's data once
 * the erasure ends: the subject is kept by id (a delegate, a user) or by platform only (an inbound
 * author), and the counts say what kinds of records went.
 */
export const erasures = pgTable(
  "erasures",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    subjectType: text().$type<ErasureSubjectType>().notNull(),
    /** The delegate's or user's id (no foreign key: the row it names is what the erasure deletes). */
    subjectId: uuid(),
    /** An inbound author's platform; their handle is never kept. */
    subjectPlatform: text().$type<Platform>(),
    /**
     * Who, while the erasure is under way (`delegate:<id>`, `inbound_author:<platform>:<handle>`): one
     * erasure of a person at a time. Cleared when it ends.
     */
    subjectKey: text(),
    status: text().$type<ErasureStatus>().notNull().default("queued"),
    /** The step under way (an index into the subject type's steps) and where inside it. */
    step: integer().notNull().default(0),
    cursor: text(),
    working: jsonb().$type<ErasureWorking>(),
    counts: jsonb().$type<ErasureCounts>().notNull().default({ removed: {}, redacted: {} }),
    /** Bumped by every step: a step writes only when nobody stepped meanwhile. */
    version: integer().notNull().default(0),
    error: text(),
    requestedAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
    startedAt: timestamptz(),
    completedAt: timestamptz(),
  },
  (t) => [
    index("erasures_organization_id_requested_at_idx").on(t.organizationId, t.requestedAt),
    uniqueIndex("erasures_organization_id_subject_key_key").on(t.organizationId, t.subjectKey),
    check("erasures_subject_type_check", sql`${t.subjectType} in (${sqlList(ERASURE_SUBJECT_TYPES)})`),
    check("erasures_status_check", sql`${t.status} in (${sqlList(ERASURE_STATUSES)})`),
    check(
      "erasures_subject_platform_check",
      sql`${t.subjectPlatform} is null or ${t.subjectPlatform} in (${sqlList(PLATFORMS)})`,
    ),
  ],
);

export type Erasure = typeof erasures.$inferSelect;
