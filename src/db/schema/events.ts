import { relations, sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns.ts";
import { lifecycleColumns, type Platform, sqlList, timestamptz } from "./columns.ts";
import { content } from "./content.ts";
import { delegates } from "./delegates.ts";
import { eventPhases } from "./event-phases.ts";
import { organizations } from "./organizations.ts";
import { sentimentAnalysis } from "./sentiment-analysis.ts";
import { socialAccounts } from "./social-accounts.ts";
import { users } from "./users.ts";

export const EVENT_STATUSES = ["draft", "scheduled", "live", "completed", "archived"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    slug: text().notNull(),
    description: text(),
    startDate: timestamptz().notNull(),
    endDate: timestamptz().notNull(),
    /** IANA zone, used for display and for time buckets in analytics. */
    timezone: text().notNull().default("UTC"),
    /** The event's own handle per platform, e.g. `{ "x": "@summit" }`. */
    socialHandles: jsonb().$type<Partial<Record<Platform, string>>>().notNull().default({}),
    officialHashtags: text().array().notNull().default(sql`'{}'::text[]`),
    status: text().$type<EventStatus>().notNull().default("draft"),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex("events_organization_id_slug_key").on(t.organizationId, t.slug),
    index("events_slug_idx").on(t.slug),
    index("events_status_idx").on(t.status),
    index("events_start_date_end_date_idx").on(t.startDate, t.endDate),
    index("events_created_by_idx").on(t.createdBy),
    check("events_status_check", sql`${t.status} in (${sqlList(EVENT_STATUSES)})`),
    check("events_dates_check", sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const eventsRelations = relations(events, ({ one, many }) => ({
  organization: one(organizations, { fields: [events.organizationId], references: [organizations.id] }),
  creator: one(users, { fields: [events.createdBy], references: [users.id] }),
  phases: many(eventPhases),
  delegates: many(delegates),
  campaigns: many(campaigns),
  content: many(content),
  socialAccounts: many(socialAccounts),
  sentimentAnalysis: many(sentimentAnalysis),
}));

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
