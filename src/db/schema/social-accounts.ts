import { relations, sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { lifecycleColumns, PLATFORMS, type Platform, sqlList, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { publishedPosts } from "./published-posts.ts";
import { users } from "./users.ts";

/**
 * A connected platform account. Tokens are AES-256-GCM ciphertext (row id as additional data, key id
 * inside the envelope); they never leave the service layer.
 */
export const CONNECTION_STATUSES = ["connected", "reauth_required"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const socialAccounts = pgTable(
  "social_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Set when the account belongs to one event (an event's own handle). */
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    platform: text().$type<Platform>().notNull(),
    platformUserId: text().notNull(),
    username: text(),
    accessToken: text().notNull(),
    refreshToken: text(),
    tokenExpiresAt: timestamptz(),
    isActive: boolean().notNull().default(true),
    /**
     * `reauth_required`: the token could not be refreshed; posts to the account are held and its
     * owner has been told to reconnect. `status_reason` says why.
     */
    connectionStatus: text().$type<ConnectionStatus>().notNull().default("connected"),
    statusReason: text(),
    tokenRefreshedAt: timestamptz(),
    /** Platform facts the adapter needs, never secrets: e.g. Bluesky's PDS URL, a Facebook page id. */
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex("social_accounts_organization_id_platform_platform_user_id_key").on(
      t.organizationId,
      t.platform,
      t.platformUserId,
    ),
    // Webhook deliveries name the account as the platform does; they are routed to every tenant holding it.
    index("social_accounts_platform_platform_user_id_idx").on(t.platform, t.platformUserId),
    index("social_accounts_event_id_idx").on(t.eventId),
    index("social_accounts_created_by_idx").on(t.createdBy),
    check("social_accounts_platform_check", sql`${t.platform} in (${sqlList(PLATFORMS)})`),
    check(
      "social_accounts_connection_status_check",
      sql`${t.connectionStatus} in (${sqlList(CONNECTION_STATUSES)})`,
    ),
  ],
);

export const socialAccountsRelations = relations(socialAccounts, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [socialAccounts.organizationId],
    references: [organizations.id],
  }),
  event: one(events, { fields: [socialAccounts.eventId], references: [events.id] }),
  connectedBy: one(users, { fields: [socialAccounts.createdBy], references: [users.id] }),
  publishedPosts: many(publishedPosts),
}));

export type SocialAccount = typeof socialAccounts.$inferSelect;
export type NewSocialAccount = typeof socialAccounts.$inferInsert;
