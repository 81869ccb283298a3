import { relations } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What happened, as `entity.verb` (e.g. `approval.requested`, `post.failed`). */
    type: text().notNull(),
    title: text().notNull(),
    message: text(),
    /** Where the notification leads in the client. */
    link: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /**
     * What makes this notification one of a kind (e.g. `approval:<action id>:<user>`): a write that is
     * retried (a Durable Object's write-through, a redelivered queue message) never notifies twice.
     */
    dedupeKey: text(),
    isRead: boolean().notNull().default(false),
    readAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_id_is_read_created_at_idx").on(t.userId, t.isRead, t.createdAt),
    index("notifications_organization_id_idx").on(t.organizationId),
    uniqueIndex("notifications_user_id_dedupe_key_key").on(t.userId, t.dedupeKey),
  ],
);

export const notificationsRelations = relations(notifications, ({ one }) => ({
  organization: one(organizations, {
    fields: [notifications.organizationId],
    references: [organizations.id],
  }),
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
}));

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
