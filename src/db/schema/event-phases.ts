import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { lifecycleColumns, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";

/** A stretch of an event (pre-event, day 1, closing ceremony…), ordered by `sortOrder`. */
export const eventPhases = pgTable(
  "event_phases",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text(),
    startsAt: timestamptz(),
    endsAt: timestamptz(),
    sortOrder: integer().notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [
    index("event_phases_organization_id_idx").on(t.organizationId),
    index("event_phases_event_id_sort_order_idx").on(t.eventId, t.sortOrder),
    check("event_phases_dates_check", sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const eventPhasesRelations = relations(eventPhases, ({ one }) => ({
  organization: one(organizations, {
    fields: [eventPhases.organizationId],
    references: [organizations.id],
  }),
  event: one(events, { fields: [eventPhases.eventId], references: [events.id] }),
}));

export type EventPhase = typeof eventPhases.$inferSelect;
export type NewEventPhase = typeof eventPhases.$inferInsert;
