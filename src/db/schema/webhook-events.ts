import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { webhookDeliveries } from "./webhook-deliveries.ts";

/**
 * What happened, for the organisation's webhook endpoints: written in the same batch as the change
 * that caused it (services/webhooks/outbox.ts), and only when an enabled endpoint subscribes to its
 * type. Its id is the `webhook-id` of every delivery of it; `resource_id` (the content, post, account,
 * item or event it is about) is what deliveries keep in order by.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: text().notNull(),
    resourceId: uuid().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    index("webhook_events_occurred_at_idx").on(t.occurredAt),
    unique("webhook_events_organization_id_id_key").on(t.organizationId, t.id),
  ],
);

export const webhookEventsRelations = relations(webhookEvents, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [webhookEvents.organizationId],
    references: [organizations.id],
  }),
  deliveries: many(webhookDeliveries),
}));

export type WebhookEvent = typeof webhookEvents.$inferSelect;
