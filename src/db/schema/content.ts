import { relations, sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { approvalRequests } from "./approval-requests.ts";
import { campaigns } from "./campaigns.ts";
import { lifecycleColumns, PLATFORMS, type Platform, sqlList, timestamptz, tsvector } from "./columns.ts";
import { eventPhases } from "./event-phases.ts";
import { eventSessions } from "./event-sessions.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { publishedPosts } from "./published-posts.ts";
import { users } from "./users.ts";

export const CONTENT_WORKFLOW_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "publishing",
  "published",
  "partially_published",
  "failed",
  "archived",
] as const;
export type ContentWorkflowStatus = (typeof CONTENT_WORKFLOW_STATUSES)[number];

/** Which end of a session or phase a relative schedule counts from. */
export const RELATIVE_EDGES = ["start", "end"] as const;
export type RelativeEdge = (typeof RELATIVE_EDGES)[number];

/**
 * A piece of content. Each version is its own row: a new version points at the one it was made from
 * through `parentVersionId` and carries `version` = parent's + 1.
 */
export const content = pgTable(
  "content",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    campaignId: uuid().references(() => campaigns.id, { onDelete: "set null" }),
    parentVersionId: uuid().references((): AnyPgColumn => content.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    contentType: text().notNull(),
    title: text(),
    caption: text(),
    hashtags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Ids of `media_assets`, in display order (an array, so no foreign key). */
    mediaAssets: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    targetPlatforms: text().array().$type<Platform[]>().notNull().default(sql`'{}'::text[]`),
    scheduledFor: timestamptz(),
    /** Never published nor shown publicly before this time (with a session too: the later of the two). */
    embargoUntil: timestamptz(),
    /** Never published nor shown publicly before this session starts; moving the session moves it. */
    embargoSessionId: uuid().references((): AnyPgColumn => eventSessions.id, { onDelete: "set null" }),
    /**
     * A relative schedule: `scheduledFor` is this session's (or phase's) start or end plus the offset,
     * recomputed whenever the session or phase moves (services/sessions/follow.ts).
     */
    relativeSessionId: uuid().references((): AnyPgColumn => eventSessions.id, { onDelete: "set null" }),
    relativePhaseId: uuid().references((): AnyPgColumn => eventPhases.id, { onDelete: "set null" }),
    relativeEdge: text().$type<RelativeEdge>(),
    relativeOffsetMinutes: integer(),
    workflowStatus: text().$type<ContentWorkflowStatus>().notNull().default("draft"),
    approvalRequired: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Full-text search over title and caption; maintained by Postgres. */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(caption, ''))`),
    ...lifecycleColumns(),
  },
  (t) => [
    index("content_organization_id_idx").on(t.organizationId),
    index("content_event_id_idx").on(t.eventId),
    index("content_campaign_id_idx").on(t.campaignId),
    index("content_parent_version_id_idx").on(t.parentVersionId),
    index("content_created_by_idx").on(t.createdBy),
    index("content_workflow_status_idx").on(t.workflowStatus),
    index("content_scheduled_for_idx").on(t.scheduledFor),
    index("content_embargo_session_id_idx").on(t.embargoSessionId),
    index("content_relative_session_id_idx")
      .on(t.relativeSessionId)
      .where(sql`${t.relativeSessionId} is not null`),
    index("content_relative_phase_id_idx").on(t.relativePhaseId).where(sql`${t.relativePhaseId} is not null`),
    index("content_search_vector_idx").using("gin", t.searchVector),
    check(
      "content_workflow_status_check",
      sql`${t.workflowStatus} in (${sqlList(CONTENT_WORKFLOW_STATUSES)})`,
    ),
    check("content_target_platforms_check", sql`${t.targetPlatforms} <@ array[${sqlList(PLATFORMS)}]`),
    check("content_version_check", sql`${t.version} >= 1`),
    check(
      "content_relative_to_check",
      sql`(${t.relativeSessionId} is null or ${t.relativePhaseId} is null) and (${t.relativeSessionId} is null and ${t.relativePhaseId} is null or ${t.relativeEdge} in ('start', 'end') and ${t.relativeOffsetMinutes} is not null)`,
    ),
  ],
);

export const contentRelations = relations(content, ({ one, many }) => ({
  organization: one(organizations, { fields: [content.organizationId], references: [organizations.id] }),
  event: one(events, { fields: [content.eventId], references: [events.id] }),
  campaign: one(campaigns, { fields: [content.campaignId], references: [campaigns.id] }),
  creator: one(users, { fields: [content.createdBy], references: [users.id] }),
  parentVersion: one(content, {
    fields: [content.parentVersionId],
    references: [content.id],
    relationName: "content_versions",
  }),
  childVersions: many(content, { relationName: "content_versions" }),
  publishedPosts: many(publishedPosts),
  approvalRequests: many(approvalRequests),
}));

export type Content = typeof content.$inferSelect;
export type NewContent = typeof content.$inferInsert;
