import { relations } from "drizzle-orm";
import { jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";

/**
 * Where each listener resumes (a Bluesky account's notifications, an event hashtag's search): the
 * adapter's opaque cursor, saved in the same transaction as the items it found, so a crash re-reads
 * a page at worst (the store takes each item once) and never skips one. `created_at` of a hashtag
 * listener is when that hashtag was first searched: Instagram allows 30 distinct ones per account
 * in 7 days.
 */
export const listeningCursors = pgTable(
  "listening_cursors",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** `notifications:<social account id>` or `hashtag:<platform>:<account id or "public">:<tag>`. */
    listener: text().notNull(),
    cursor: jsonb().$type<Record<string, string>>().notNull().default({}),
    lastError: text(),
    createdAt: createdAt(),
    polledAt: timestamptz(),
  },
  (t) => [primaryKey({ name: "listening_cursors_pkey", columns: [t.organizationId, t.listener] })],
);

export const listeningCursorsRelations = relations(listeningCursors, ({ one }) => ({
  organization: one(organizations, {
    fields: [listeningCursors.organizationId],
    references: [organizations.id],
  }),
}));

export type ListeningCursor = typeof listeningCursors.$inferSelect;
