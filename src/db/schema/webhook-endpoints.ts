import { relations, sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";
import { webhookDeliveries } from "./webhook-deliveries.ts";

/**
 * Where an organisation's systems want to hear what happens (services/webhooks): an https URL and
 * the event types it subscribes to. The signing secret is sealed (platform/secret-box.ts, the row id
 * as additional data) because each delivery is signed with it; after a rotation the previous one
 * signs too until `previous_secret_expires_at`. An endpoint that kept failing is disabled by the
 * deliverer (`disabled_reason`); events are fanned out only to enabled endpoints.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text().notNull(),
    description: text(),
    /** The event types delivered here (services/webhooks/event-types.ts). */
    eventTypes: text().array().notNull(),
    /** `whsec_…`, sealed. */
    secret: text().notNull(),
    previousSecret: text(),
    previousSecretExpiresAt: timestamptz(),
    enabled: boolean().notNull().default(true),
    disabledReason: text(),
    disabledAt: timestamptz(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("webhook_endpoints_organization_id_created_at_idx").on(t.organizationId, t.createdAt),
    /** What deliveries' composite foreign key names: a delivery and its endpoint are one organisation's. */
    unique("webhook_endpoints_organization_id_id_key").on(t.organizationId, t.id),
    check("webhook_endpoints_event_types_check", sql`cardinality(${t.eventTypes}) > 0`),
  ],
);

export const webhookEndpointsRelations = relations(webhookEndpoints, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [webhookEndpoints.organizationId],
    references: [organizations.id],
  }),
  creator: one(users, { fields: [webhookEndpoints.createdBy], references: [users.id] }),
  deliveries: many(webhookDeliveries),
}));

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
