import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { lifecycleColumns, type Platform, sqlList, tsvector } from "./columns.ts";
import { events } from "./events.ts";
import { mediaAssets } from "./media-assets.ts";
import { organizations } from "./organizations.ts";

export const DELEGATE_TYPES = [
  "delegate",
  "speaker",
  "vip",
  "minister",
  "head_of_state",
  "media",
  "exhibitor",
  "sponsor",
  "staff",
  "other",
] as const;
export type DelegateType = (typeof DELEGATE_TYPES)[number];

/** 0 is everyone; 1–5 mark protocol rank for seating, mentions and tagging. */
export const MAX_VIP_TIER = 5;

/** The organiser's order of precedence runs 1 (named first) to this. */
export const MAX_PRECEDENCE = 1000;

/** Folds ASCII capitals only: `translate` is immutable and locale-free, so the key is the same on every server. */
const foldAscii = (column: string) =>
  `translate(${column}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;

export const delegates = pgTable(
  "delegates",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** Honorific: "Dr", "H.E.", "Prof". */
    title: text(),
    firstName: text().notNull(),
    lastName: text(),
    designation: text(),
    /** The delegate's own organisation (ministry, company), not the tenant. */
    organization: text(),
    country: text(),
    delegateType: text().$type<DelegateType>().notNull().default("delegate"),
    vipTier: integer().notNull().default(0),
    /** The organiser's order of precedence at the event: lower is named first; null is not ranked. */
    precedence: integer(),
    /** Tag the delegate's handles automatically in content that mentions them. */
    autoTag: boolean().notNull().default(false),
    email: text(),
    socialHandles: jsonb().$type<Partial<Record<Platform, string>>>().notNull().default({}),
    photoUrl: text(),
    /** A photo from the media library, shown by the public speakers widget. */
    photoMediaId: uuid().references(() => mediaAssets.id, { onDelete: "set null" }),
    /** Shown by the public speakers widget (with every VIP). */
    featured: boolean().notNull().default(false),
    /** Full-text search over name, designation and organisation; maintained by Postgres. */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(designation, '') || ' ' || coalesce(organization, ''))`,
      ),
    /**
     * Who the delegate is, for imports: the email when there is one, else "first|last|organisation",
     * ASCII-case-folded. One live delegate per key and event. Mirrored by `delegateKey` in
     * services/delegates/import.ts (in-file duplicates are found before the rows reach Postgres).
     */
    importKey: text()
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `coalesce(${foldAscii("email")}, ${foldAscii("first_name")} || '|' || coalesce(${foldAscii("last_name")}, '') || '|' || coalesce(${foldAscii("organization")}, ''))`,
        ),
      ),
    ...lifecycleColumns(),
  },
  (t) => [
    index("delegates_organization_id_idx").on(t.organizationId),
    index("delegates_event_id_idx").on(t.eventId),
    index("delegates_search_vector_idx").using("gin", t.searchVector),
    uniqueIndex("delegates_event_id_import_key_key")
      .on(t.eventId, t.importKey)
      .where(sql`${t.deletedAt} is null`),
    check("delegates_vip_tier_check", sql`${t.vipTier} between 0 and ${sql.raw(String(MAX_VIP_TIER))}`),
    check(
      "delegates_precedence_check",
      sql`${t.precedence} between 1 and ${sql.raw(String(MAX_PRECEDENCE))}`,
    ),
    check("delegates_delegate_type_check", sql`${t.delegateType} in (${sqlList(DELEGATE_TYPES)})`),
  ],
);

// No `organization` relation here: that name is the delegate's own organisation column.
export const delegatesRelations = relations(delegates, ({ one }) => ({
  event: one(events, { fields: [delegates.eventId], references: [events.id] }),
}));

export type Delegate = typeof delegates.$inferSelect;
export type NewDelegate = typeof delegates.$inferInsert;
