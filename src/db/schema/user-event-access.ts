import { relations } from "drizzle-orm";
import { index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/**
 * The events a user is limited to (when `users.limited_to_events`): a row per event, gone with the
 * user or the event. Their access tokens carry the list; row-level security applies it.
 */
export const userEventAccess = pgTable(
  "user_event_access",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.eventId] }),
    index("user_event_access_organization_id_idx").on(t.organizationId),
    index("user_event_access_event_id_idx").on(t.eventId),
  ],
);

export const userEventAccessRelations = relations(userEventAccess, ({ one }) => ({
  user: one(users, { fields: [userEventAccess.userId], references: [users.id] }),
  event: one(events, { fields: [userEventAccess.eventId], references: [events.id] }),
}));

export type UserEventAccess = typeof userEventAccess.$inferSelect;
