import { relations } from "drizzle-orm";
import { integer, numeric, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";

/**
 * One row per 15-minute window in which an event's share of negative items crossed the alert
 * threshold (services/intelligence/alerts.ts). The key is the window, so a window alerts its managers
 * at most once however many deliveries land in it: no alert storms.
 */
export const sentimentAlerts = pgTable(
  "sentiment_alerts",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    windowStart: timestamptz().notNull(),
    /** Items judged (positive, neutral or negative) in the window when it alerted. */
    items: integer().notNull(),
    negativeShare: numeric({ precision: 5, scale: 4, mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "sentiment_alerts_pkey", columns: [t.eventId, t.windowStart] })],
);

export const sentimentAlertsRelations = relations(sentimentAlerts, ({ one }) => ({
  organization: one(organizations, {
    fields: [sentimentAlerts.organizationId],
    references: [organizations.id],
  }),
  event: one(events, { fields: [sentimentAlerts.eventId], references: [events.id] }),
}));

export type SentimentAlert = typeof sentimentAlerts.$inferSelect;
