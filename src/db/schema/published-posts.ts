import { relations, sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, PLATFORMS, type Platform, sqlList, timestamptz } from "./columns.ts";
import { content } from "./content.ts";
import { engagementMetrics } from "./engagement-metrics.ts";
import { organizations } from "./organizations.ts";
import { publishAttempts } from "./publish-attempts.ts";
import { sentimentAnalysis } from "./sentiment-analysis.ts";
import { socialAccounts } from "./social-accounts.ts";

export const PUBLISH_STATUSES = [
  "pending",
  "queued",
  "publishing",
  "published",
  "failed",
  "cancelled",
  "deleted",
  // Its time moved into the past or out of the event (a session moved): waits for a person's decision.
  "held",
] as const;
export type PublishStatus = (typeof PUBLISH_STATUSES)[number];

/**
 * One row per (content, target account): the publishing outbox. The cron claims due rows
 * (`claimedAt`, `nextAttemptAt`) and the queue consumer records each try in `publish_attempts`.
 */
export const publishedPosts = pgTable(
  "published_posts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    contentId: uuid()
      .notNull()
      .references(() => content.id, { onDelete: "cascade" }),
    /** Null once the account is removed; the post's history stays. */
    socialAccountId: uuid().references(() => socialAccounts.id, { onDelete: "set null" }),
    platform: text().$type<Platform>().notNull(),
    platformPostId: text(),
    platformUrl: text(),
    /** What was (or will be) sent, after platform-specific shaping. */
    publishedContent: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    publishStatus: text().$type<PublishStatus>().notNull().default("pending"),
    publishedAt: timestamptz(),
    attemptCount: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamptz(),
    claimedAt: timestamptz(),
    /**
     * When the post is next measured (services/metrics/schedule.ts): set when it is published, moved
     * along the decaying schedule by each measurement, null when measuring is over. The metrics cron
     * claims due rows by pushing this forward by a lease.
     */
    metricsDueAt: timestamptz(),
    /** How many measurements the schedule has taken (the index of the next step). */
    metricsRound: smallint().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("published_posts_organization_id_idx").on(t.organizationId),
    /** The list's order (newest first, keyset by id): a page reads 20 rows, not the whole outbox. */
    index("published_posts_organization_id_created_at_id_idx").on(t.organizationId, t.createdAt, t.id),
    index("published_posts_content_id_idx").on(t.contentId),
    index("published_posts_social_account_id_idx").on(t.socialAccountId),
    index("published_posts_platform_platform_post_id_idx").on(t.platform, t.platformPostId),
    index("published_posts_publish_status_next_attempt_at_idx").on(t.publishStatus, t.nextAttemptAt),
    index("published_posts_metrics_due_at_idx").on(t.metricsDueAt).where(sql`metrics_due_at is not null`),
    /** Scheduling twice never makes a second live post for the same account. */
    uniqueIndex("published_posts_content_id_social_account_id_key")
      .on(t.contentId, t.socialAccountId)
      .where(sql`publish_status not in ('cancelled', 'deleted')`),
    check("published_posts_platform_check", sql`${t.platform} in (${sqlList(PLATFORMS)})`),
    check("published_posts_publish_status_check", sql`${t.publishStatus} in (${sqlList(PUBLISH_STATUSES)})`),
    check("published_posts_attempt_count_check", sql`${t.attemptCount} >= 0`),
  ],
);

export const publishedPostsRelations = relations(publishedPosts, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [publishedPosts.organizationId],
    references: [organizations.id],
  }),
  content: one(content, { fields: [publishedPosts.contentId], references: [content.id] }),
  socialAccount: one(socialAccounts, {
    fields: [publishedPosts.socialAccountId],
    references: [socialAccounts.id],
  }),
  attempts: many(publishAttempts),
  engagementMetrics: many(engagementMetrics),
  sentimentAnalysis: many(sentimentAnalysis),
}));

export type PublishedPost = typeof publishedPosts.$inferSelect;
export type NewPublishedPost = typeof publishedPosts.$inferInsert;
