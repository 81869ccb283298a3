import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/**
 * Keys an organisation's own systems call the API with (services/api-keys). The secret is shown
 * once and stored as its SHA-256; `prefix` is the part people recognise a key by. A key holds a
 * subset of its creator's permissions, may be limited to one event, and counts its requests in a
 * fixed one-minute window (`window_started_at`, `window_requests`) in the same statement that checks it.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** `gk_live_` and the secret's first 8 characters: shown in lists, never enough to use. */
    prefix: text().notNull(),
    /** SHA-256 of the whole key (hex); the key itself is never stored. */
    secretHash: text().notNull(),
    permissions: text().array().notNull(),
    /** Set: the key sees this event's resources only (row-level security, migrations/0024). */
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamptz(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
    windowStartedAt: timestamptz(),
    windowRequests: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    index("api_keys_organization_id_created_at_idx").on(t.organizationId, t.createdAt),
    index("api_keys_event_id_idx").on(t.eventId),
    index("api_keys_created_by_idx").on(t.createdBy),
    check("api_keys_permissions_check", sql`cardinality(${t.permissions}) > 0`),
  ],
);

export const apiKeysRelations = relations(apiKeys, ({ one }) => ({
  organization: one(organizations, { fields: [apiKeys.organizationId], references: [organizations.id] }),
  event: one(events, { fields: [apiKeys.eventId], references: [events.id] }),
  creator: one(users, { fields: [apiKeys.createdBy], references: [users.id] }),
}));

export type ApiKey = typeof apiKeys.$inferSelect;
