import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { INBOUND_KINDS, type InboundKind } from "../../platform/social/inbound.ts";
import { PLATFORMS, type Platform, sqlList, timestamptz, tsvector } from "./columns.ts";
import { WALL_STATUSES, type WallStatus } from "./event-widgets.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { publishedPosts } from "./published-posts.ts";
import { socialAccounts } from "./social-accounts.ts";

/**
 * What the platforms brought back: a mention, reply, comment, quote, repost or hashtag post, in the
 * state of its latest observation. Partitioned by month on `received_at` (when it first arrived), so
 * the table is created by a hand-written migration and the primary key includes the partition key.
 * A unique index on a partitioned table must include the partition key too, which an item's platform
 * id cannot: `inbound_item_keys` holds that uniqueness. Keep this definition and the migration in step.
 */
export const inboundItems = pgTable(
  "inbound_items",
  {
    id: uuid().notNull(),
    receivedAt: timestamptz().notNull(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    /** Our account it was delivered to or found for. */
    socialAccountId: uuid().references(() => socialAccounts.id, { onDelete: "set null" }),
    /** Our post it answers, comments on, quotes or reposts. */
    publishedPostId: uuid().references(() => publishedPosts.id, { onDelete: "set null" }),
    platform: text().$type<Platform>().notNull(),
    kind: text().$type<InboundKind>().notNull(),
    platformItemId: text().notNull(),
    platformUrl: text(),
    inReplyToPlatformId: text(),
    authorPlatformId: text(),
    authorHandle: text(),
    authorName: text(),
    authorAvatarUrl: text(),
    authorFollowers: integer(),
    /** When the author's account was made, where the platform says (X). */
    authorCreatedAt: timestamptz(),
    text: text(),
    language: text(),
    mediaUrls: text().array().notNull().default(sql`'{}'::text[]`),
    hashtags: text().array().notNull().default(sql`'{}'::text[]`),
    mentionedDelegateIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    platformCreatedAt: timestamptz(),
    /** The platform time of the state held: a later observation replaces it, an earlier one never. */
    observedAt: timestamptz().notNull(),
    updatedAt: timestamptz().notNull().defaultNow(),
    /** Deleted on the platform: text, media and the author's display fields are gone from the row. */
    deletedAt: timestamptz(),
    /**
     * On the event's public wall (when its widgets are on): `approved` (shown), `pending` (waits for a
     * moderator, `wall_reason` says why), `hidden`; null when the item has no wall.
     */
    wallStatus: text().$type<WallStatus>(),
    /** Why it is pending or hidden: the filter that stopped it, or `manual`/`moderator`. */
    wallReason: text(),
    pinnedAt: timestamptz(),
    /** The moderator who last decided it (null when the filters did). */
    moderatedBy: uuid(),
    moderatedAt: timestamptz(),
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple', coalesce(text, '') || ' ' || coalesce(author_handle, '') || ' ' || coalesce(author_name, ''))`,
      ),
  },
  (t) => [
    primaryKey({ name: "inbound_items_pkey", columns: [t.id, t.receivedAt] }),
    index("inbound_items_organization_id_received_at_idx").on(t.organizationId, t.receivedAt),
    index("inbound_items_event_id_received_at_idx").on(t.eventId, t.receivedAt),
    index("inbound_items_published_post_id_idx").on(t.publishedPostId),
    index("inbound_items_search_vector_idx").using("gin", t.searchVector),
    index("inbound_items_mentioned_delegate_ids_idx").using("gin", t.mentionedDelegateIds),
    check("inbound_items_platform_check", sql`${t.platform} in (${sqlList(PLATFORMS)})`),
    check("inbound_items_kind_check", sql`${t.kind} in (${sqlList(INBOUND_KINDS)})`),
    index("inbound_items_event_id_wall_status_received_at_idx").on(t.eventId, t.wallStatus, t.receivedAt),
    check("inbound_items_wall_status_check", sql`${t.wallStatus} in (${sqlList(WALL_STATUSES)})`),
  ],
);

/**
 * One row per item a platform told an organisation about (platform + platform item id): which row of
 * `inbound_items` holds it, and the state the store has taken. A deletion stays here as a tombstone,
 * so a creation delivered after its deletion (platforms deliver out of order) is never stored.
 */
export const inboundItemKeys = pgTable(
  "inbound_item_keys",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    platform: text().$type<Platform>().notNull(),
    platformItemId: text().notNull(),
    itemId: uuid().notNull().defaultRandom(),
    /** The item row's partition key. */
    receivedAt: timestamptz().notNull().defaultNow(),
    observedAt: timestamptz().notNull(),
    deletedAt: timestamptz(),
  },
  (t) => [
    primaryKey({
      name: "inbound_item_keys_pkey",
      columns: [t.organizationId, t.platform, t.platformItemId],
    }),
  ],
);

export const inboundItemsRelations = relations(inboundItems, ({ one }) => ({
  organization: one(organizations, {
    fields: [inboundItems.organizationId],
    references: [organizations.id],
  }),
  event: one(events, { fields: [inboundItems.eventId], references: [events.id] }),
  publishedPost: one(publishedPosts, {
    fields: [inboundItems.publishedPostId],
    references: [publishedPosts.id],
  }),
}));

export type InboundItem = typeof inboundItems.$inferSelect;
