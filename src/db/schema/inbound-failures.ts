import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { PLATFORMS, sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";

/**
 * Webhook deliveries the ingest queue could not store, even from its dead-letter queue: one row per
 * organisation holding the account a delivery was for, so its admins see what did not arrive. The
 * delivery itself is kept in R2 (services/inbound/delivery-archive.ts) and replayed from there;
 * `resolved_at` is set once a replay stores it.
 */
export const inboundFailures = pgTable(
  "inbound_failures",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    platform: text().notNull(),
    /** SHA-256 of the delivery's body (the webhook answer's `delivery_id`). */
    deliveryId: text().notNull(),
    /** The last error, as the consumer saw it. */
    error: text().notNull(),
    /** Deliveries of the message in its last pass through the queues. */
    attempts: integer().notNull(),
    /** Times it was sent through the queue again from R2. */
    replays: integer().notNull().default(0),
    firstFailedAt: timestamptz().notNull().defaultNow(),
    lastFailedAt: timestamptz().notNull().defaultNow(),
    resolvedAt: timestamptz(),
  },
  (t) => [
    unique("inbound_failures_delivery_key").on(t.organizationId, t.platform, t.deliveryId),
    index().on(t.organizationId, t.lastFailedAt),
    check("inbound_failures_platform_check", sql`${t.platform} in (${sqlList(PLATFORMS)})`),
  ],
);

export const inboundFailuresRelations = relations(inboundFailures, ({ one }) => ({
  organization: one(organizations, {
    fields: [inboundFailures.organizationId],
    references: [organizations.id],
  }),
}));

export type InboundFailure = typeof inboundFailures.$inferSelect;
