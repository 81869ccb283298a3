import { relations, sql } from "drizzle-orm";
import { bigint, check, index, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, PLATFORMS, type Platform, sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { publishedPosts } from "./published-posts.ts";

/** A count as the platform gives it; null when the platform does not give it (never 0 for unknown). */
const counter = () => bigint({ mode: "number" });

/**
 * A measurement of one published post at `measuredAt`. Partitioned by month on `measured_at`, so the
 * table is created by a hand-written migration (not by drizzle-kit) and the primary key includes the
 * partition key. Keep this definition and that migration in step.
 */
export const engagementMetrics = pgTable(
  "engagement_metrics",
  {
    id: uuid().notNull().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    publishedPostId: uuid()
      .notNull()
      .references(() => publishedPosts.id, { onDelete: "cascade" }),
    platform: text().$type<Platform>().notNull(),
    impressions: counter(),
    reach: counter(),
    likes: counter(),
    comments: counter(),
    shares: counter(),
    saves: counter(),
    clicks: counter(),
    /**
     * Interactions per impression (0.0512 = 5.12%), computed by the SQL function `engagement_rate`
     * (migrations/0023), the one definition every aggregate uses too.
     */
    engagementRate: numeric({ precision: 7, scale: 4, mode: "number" }),
    measuredAt: timestamptz().notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "engagement_metrics_pkey", columns: [t.id, t.measuredAt] }),
    index("engagement_metrics_measured_at_idx").on(t.measuredAt),
    index("engagement_metrics_published_post_id_measured_at_idx").on(t.publishedPostId, t.measuredAt),
    index("engagement_metrics_organization_id_measured_at_idx").on(t.organizationId, t.measuredAt),
    check("engagement_metrics_platform_check", sql`${t.platform} in (${sqlList(PLATFORMS)})`),
    check(
      "engagement_metrics_counters_check",
      sql`${t.impressions} >= 0 and ${t.reach} >= 0 and ${t.likes} >= 0 and ${t.comments} >= 0 and ${t.shares} >= 0 and ${t.saves} >= 0 and ${t.clicks} >= 0`,
    ),
  ],
);

export const engagementMetricsRelations = relations(engagementMetrics, ({ one }) => ({
  organization: one(organizations, {
    fields: [engagementMetrics.organizationId],
    references: [organizations.id],
  }),
  publishedPost: one(publishedPosts, {
    fields: [engagementMetrics.publishedPostId],
    references: [publishedPosts.id],
  }),
}));

export type EngagementMetric = typeof engagementMetrics.$inferSelect;
export type NewEngagementMetric = typeof engagementMetrics.$inferInsert;
