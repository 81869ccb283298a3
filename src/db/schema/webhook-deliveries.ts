import { relations, sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { webhookEndpoints } from "./webhook-endpoints.ts";
import { webhookEvents } from "./webhook-events.ts";

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "queued", "sending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event for one endpoint: the delivery outbox and its log. `pending` until the cron (or the
 * delivery before it) claims it, `queued` while a queue message is out for it (also between retries),
 * `sending` while a consumer calls the endpoint, then `succeeded` or `failed` (gave up). `seq` orders
 * the deliveries of one endpoint and resource: one waits while an earlier one is unfinished. The last
 * attempt's answer is kept for the delivery log.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** With `organization_id`, a foreign key to the endpoint and the event of the same organisation. */
    endpointId: uuid().notNull(),
    eventId: uuid().notNull(),
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    /** The event's resource, copied so the ordering check reads one table. */
    resourceId: uuid().notNull(),
    status: text().$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamptz().notNull().defaultNow(),
    claimedAt: timestamptz(),
    lastAttemptAt: timestamptz(),
    /** The endpoint's last answer: status, the start of its body, how long it took. */
    responseStatus: integer(),
    responseBody: text(),
    durationMs: integer(),
    /** Why the last attempt failed when the endpoint gave no answer (refused address, timeout …). */
    error: text(),
    deliveredAt: timestamptz(),
    /** A replay names the delivery it repeats. */
    replayOf: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "webhook_deliveries_endpoint_fk",
      columns: [t.organizationId, t.endpointId],
      foreignColumns: [webhookEndpoints.organizationId, webhookEndpoints.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "webhook_deliveries_event_fk",
      columns: [t.organizationId, t.eventId],
      foreignColumns: [webhookEvents.organizationId, webhookEvents.id],
    }).onDelete("cascade"),
    index("webhook_deliveries_endpoint_id_created_at_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_event_id_idx").on(t.eventId),
    index("webhook_deliveries_unfinished_idx")
      .on(t.endpointId, t.resourceId, t.seq)
      .where(sql`status in ('pending', 'queued', 'sending')`),
    index("webhook_deliveries_status_next_attempt_at_idx")
      .on(t.status, t.nextAttemptAt)
      .where(sql`status in ('pending', 'queued', 'sending')`),
    check("webhook_deliveries_status_check", sql`${t.status} in (${sqlList(WEBHOOK_DELIVERY_STATUSES)})`),
  ],
);

export const webhookDeliveriesRelations = relations(webhookDeliveries, ({ one }) => ({
  organization: one(organizations, {
    fields: [webhookDeliveries.organizationId],
    references: [organizations.id],
  }),
  endpoint: one(webhookEndpoints, {
    fields: [webhookDeliveries.endpointId],
    references: [webhookEndpoints.id],
  }),
  event: one(webhookEvents, { fields: [webhookDeliveries.eventId], references: [webhookEvents.id] }),
}));

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
