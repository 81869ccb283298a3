import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { lifecycleColumns, type Platform, tsvector } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";

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
    delegateType: text().notNull().default("delegate"),
    vipTier: integer().notNull().default(0),
    /** Tag the delegate's handles automatically in content that mentions them. */
    autoTag: boolean().notNull().default(false),
    email: text(),
    socialHandles: jsonb().$type<Partial<Record<Platform, string>>>().notNull().default({}),
    photoUrl: text(),
    /** Full-text search over name, designation and organisation; maintained by Postgres. */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(designation, '') || ' ' || coalesce(organization, ''))`,
      ),
    ...lifecycleColumns(),
  },
  (t) => [
    index("delegates_organization_id_idx").on(t.organizationId),
    index("delegates_event_id_idx").on(t.eventId),
    index("delegates_search_vector_idx").using("gin", t.searchVector),
    check("delegates_vip_tier_check", sql`${t.vipTier} >= 0`),
  ],
);

// No `organization` relation here: that name is the delegate's own organisation column.
export const delegatesRelations = relations(delegates, ({ one }) => ({
  event: one(events, { fields: [delegates.eventId], references: [events.id] }),
}));

export type Delegate = typeof delegates.$inferSelect;
export type NewDelegate = typeof delegates.$inferInsert;
