import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";

export const IDEMPOTENCY_KEY_STATUSES = ["in_progress", "completed"] as const;
export type IdempotencyKeyStatus = (typeof IDEMPOTENCY_KEY_STATUSES)[number];

/**
 * `Idempotency-Key` of a POST: a replay with the same request hash returns the stored response, another
 * body is a 422, and a duplicate while `in_progress` is a 409.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    key: text().notNull(),
    requestMethod: text().notNull(),
    requestPath: text().notNull(),
    /** SHA-256 (hex) of the request body. */
    requestHash: text().notNull(),
    status: text().$type<IdempotencyKeyStatus>().notNull().default("in_progress"),
    responseStatus: integer(),
    responseHeaders: jsonb().$type<Record<string, string>>(),
    /** The response body exactly as sent, so a replay is byte-for-byte the same. */
    responseBody: text(),
    createdAt: createdAt(),
    expiresAt: timestamptz().notNull().default(sql`now() + interval '24 hours'`),
  },
  (t) => [
    uniqueIndex("idempotency_keys_organization_id_key_key").on(t.organizationId, t.key),
    index("idempotency_keys_expires_at_idx").on(t.expiresAt),
    check("idempotency_keys_status_check", sql`${t.status} in (${sqlList(IDEMPOTENCY_KEY_STATUSES)})`),
  ],
);

export const idempotencyKeysRelations = relations(idempotencyKeys, ({ one }) => ({
  organization: one(organizations, {
    fields: [idempotencyKeys.organizationId],
    references: [organizations.id],
  }),
}));

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type NewIdempotencyKey = typeof idempotencyKeys.$inferInsert;
