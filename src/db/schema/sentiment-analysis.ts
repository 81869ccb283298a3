import { relations, sql } from "drizzle-orm";
import { check, index, jsonb, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { PLATFORMS, type Platform, SENTIMENTS, type Sentiment, sqlList, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { publishedPosts } from "./published-posts.ts";

/** A named entity found in the analysed text. */
export interface SentimentEntity {
  text: string;
  /** "person", "organization", "location", "hashtag", "mention", … */
  type: string;
  sentiment?: Sentiment;
  score?: number;
}

/**
 * The sentiment of one piece of text (a comment, a reply, a mention) about a published post and/or an
 * event. Partitioned by month on `analyzed_at`, so the table is created by a hand-written migration
 * (not by drizzle-kit) and the primary key includes the partition key. Keep the two in step.
 */
export const sentimentAnalysis = pgTable(
  "sentiment_analysis",
  {
    id: uuid().notNull().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    publishedPostId: uuid().references(() => publishedPosts.id, { onDelete: "cascade" }),
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    platform: text().$type<Platform>().notNull(),
    textContent: text().notNull(),
    sentiment: text().$type<Sentiment>().notNull(),
    /** From -1 (most negative) to 1 (most positive); null when the sentiment is `unknown`. */
    sentimentScore: numeric({ precision: 5, scale: 4, mode: "number" }),
    entities: jsonb().$type<SentimentEntity[]>().notNull().default([]),
    keywords: text().array().notNull().default(sql`'{}'::text[]`),
    /** The inbound item judged; null for our own published posts. */
    inboundItemId: uuid(),
    /** ISO 639-1 code, or `und` when the language could not be told. */
    language: text().notNull().default("und"),
    /** Which analyser judged it: `workers-ai` or `lexicon`. */
    engine: text().notNull().default("lexicon"),
    analyzedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "sentiment_analysis_pkey", columns: [t.id, t.analyzedAt] }),
    index("sentiment_analysis_analyzed_at_idx").on(t.analyzedAt),
    index("sentiment_analysis_published_post_id_analyzed_at_idx").on(t.publishedPostId, t.analyzedAt),
    index("sentiment_analysis_event_id_analyzed_at_idx").on(t.eventId, t.analyzedAt),
    index("sentiment_analysis_organization_id_analyzed_at_idx").on(t.organizationId, t.analyzedAt),
    index("sentiment_analysis_inbound_item_id_idx").on(t.inboundItemId),
    check("sentiment_analysis_platform_check", sql`${t.platform} in (${sqlList(PLATFORMS)})`),
    check("sentiment_analysis_sentiment_check", sql`${t.sentiment} in (${sqlList(SENTIMENTS)})`),
    check("sentiment_analysis_sentiment_score_check", sql`${t.sentimentScore} between -1 and 1`),
  ],
);

export const sentimentAnalysisRelations = relations(sentimentAnalysis, ({ one }) => ({
  organization: one(organizations, {
    fields: [sentimentAnalysis.organizationId],
    references: [organizations.id],
  }),
  publishedPost: one(publishedPosts, {
    fields: [sentimentAnalysis.publishedPostId],
    references: [publishedPosts.id],
  }),
  event: one(events, { fields: [sentimentAnalysis.eventId], references: [events.id] }),
}));

export type SentimentAnalysis = typeof sentimentAnalysis.$inferSelect;
export type NewSentimentAnalysis = typeof sentimentAnalysis.$inferInsert;
