import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { publishedPosts } from "./published-posts.ts";

/**
 * `uncertain`: the platform may have accepted the post (e.g. a timeout after sending); the next
 * attempt must reconcile against the platform before it posts again.
 */
export const PUBLISH_ATTEMPT_OUTCOMES = [
  "in_progress",
  "succeeded",
  "retryable_failure",
  "permanent_failure",
  "uncertain",
] as const;
export type PublishAttemptOutcome = (typeof PUBLISH_ATTEMPT_OUTCOMES)[number];

/** One row per attempt to publish a `published_posts` row. */
export const publishAttempts = pgTable(
  "publish_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    publishedPostId: uuid()
      .notNull()
      .references(() => publishedPosts.id, { onDelete: "cascade" }),
    attemptNumber: integer().notNull(),
    outcome: text().$type<PublishAttemptOutcome>().notNull().default("in_progress"),
    httpStatus: integer(),
    errorCode: text(),
    errorMessage: text(),
    platformResponse: jsonb().$type<Record<string, unknown>>(),
    startedAt: timestamptz().notNull().defaultNow(),
    finishedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex("publish_attempts_published_post_id_attempt_number_key").on(
      t.publishedPostId,
      t.attemptNumber,
    ),
    index("publish_attempts_organization_id_idx").on(t.organizationId),
    check("publish_attempts_outcome_check", sql`${t.outcome} in (${sqlList(PUBLISH_ATTEMPT_OUTCOMES)})`),
    check("publish_attempts_attempt_number_check", sql`${t.attemptNumber} >= 1`),
  ],
);

export const publishAttemptsRelations = relations(publishAttempts, ({ one }) => ({
  organization: one(organizations, {
    fields: [publishAttempts.organizationId],
    references: [organizations.id],
  }),
  publishedPost: one(publishedPosts, {
    fields: [publishAttempts.publishedPostId],
    references: [publishedPosts.id],
  }),
}));

export type PublishAttempt = typeof publishAttempts.$inferSelect;
export type NewPublishAttempt = typeof publishAttempts.$inferInsert;
