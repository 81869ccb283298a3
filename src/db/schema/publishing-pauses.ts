import { relations, sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, PLATFORMS, type Platform, sqlList, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";
import { socialAccounts } from "./social-accounts.ts";
import { users } from "./users.ts";

/**
 * A pause of an event's publishing: the whole event (no platform, no account), one platform, or one
 * social account within the event. It holds while `until` is null or still ahead, so an expiring pause
 * lifts by itself; lifting one by hand sets `until` to that moment, keeping the row as history. The
 * rule is the SQL function `publishing_pause_for` (migrations/0033), which the cron and the consumer
 * both ask.
 */
export const publishingPauses = pgTable(
  "publishing_pauses",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    platform: text().$type<Platform>(),
    socialAccountId: uuid().references(() => socialAccounts.id, { onDelete: "cascade" }),
    /** When it lifts by itself; null: only when lifted by hand. */
    until: timestamptz(),
    reason: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("publishing_pauses_organization_id_idx").on(t.organizationId),
    index("publishing_pauses_event_id_until_idx").on(t.eventId, t.until),
    index("publishing_pauses_social_account_id_idx").on(t.socialAccountId),
    index("publishing_pauses_created_by_idx").on(t.createdBy),
    check("publishing_pauses_platform_check", sql`${t.platform} in (${sqlList(PLATFORMS)})`),
    check("publishing_pauses_one_target_check", sql`${t.platform} is null or ${t.socialAccountId} is null`),
  ],
);

export const publishingPausesRelations = relations(publishingPauses, ({ one }) => ({
  organization: one(organizations, {
    fields: [publishingPauses.organizationId],
    references: [organizations.id],
  }),
  event: one(events, { fields: [publishingPauses.eventId], references: [events.id] }),
  socialAccount: one(socialAccounts, {
    fields: [publishingPauses.socialAccountId],
    references: [socialAccounts.id],
  }),
  creator: one(users, { fields: [publishingPauses.createdBy], references: [users.id] }),
}));

export type PublishingPause = typeof publishingPauses.$inferSelect;
export type NewPublishingPause = typeof publishingPauses.$inferInsert;
