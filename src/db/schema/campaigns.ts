import { relations, sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { lifecycleColumns, PLATFORMS, type Platform, sqlList, timestamptz } from "./columns.ts";
import { content } from "./content.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const CAMPAIGN_STATUSES = ["draft", "active", "paused", "completed", "archived"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Optional: a campaign can exist without an event. */
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    name: text().notNull(),
    campaignType: text().notNull(),
    startDate: timestamptz(),
    endDate: timestamptz(),
    targetPlatforms: text().array().$type<Platform[]>().notNull().default(sql`'{}'::text[]`),
    /** Target per metric, e.g. `{ "impressions": 100000, "engagement_rate": 0.05 }`. */
    kpiTargets: jsonb().$type<Record<string, number>>().notNull().default({}),
    status: text().$type<CampaignStatus>().notNull().default("draft"),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...lifecycleColumns(),
  },
  (t) => [
    index("campaigns_organization_id_idx").on(t.organizationId),
    index("campaigns_event_id_idx").on(t.eventId),
    index("campaigns_created_by_idx").on(t.createdBy),
    check("campaigns_status_check", sql`${t.status} in (${sqlList(CAMPAIGN_STATUSES)})`),
    check("campaigns_target_platforms_check", sql`${t.targetPlatforms} <@ array[${sqlList(PLATFORMS)}]`),
    check("campaigns_dates_check", sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const campaignsRelations = relations(campaigns, ({ one, many }) => ({
  organization: one(organizations, { fields: [campaigns.organizationId], references: [organizations.id] }),
  event: one(events, { fields: [campaigns.eventId], references: [events.id] }),
  creator: one(users, { fields: [campaigns.createdBy], references: [users.id] }),
  content: many(content),
}));

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
