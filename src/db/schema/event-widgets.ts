import { relations, sql } from "drizzle-orm";
import { boolean, check, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, type Platform, sqlList, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";

export const WALL_STATUSES = ["pending", "approved", "hidden"] as const;
export type WallStatus = (typeof WALL_STATUSES)[number];

/** `automatic`: shown unless a filter stops it; `manual`: every item waits for a moderator. */
export const MODERATION_MODES = ["automatic", "manual"] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** An author on a platform, by handle (lower-case, without the @). */
export interface AuthorRef {
  platform: Platform;
  handle: string;
}

/** What stops an item in automatic moderation; blocked authors are hidden, the rest wait for a moderator. */
export interface WallFilters {
  /** The profanity filter: our English list plus French, Spanish, Portuguese, German and Swahili. */
  profanity: boolean;
  /** Words or phrases, matched case-insensitively on word boundaries. */
  blocked_words: string[];
  blocked_authors: AuthorRef[];
  /** Always shown (besides the organisation's own accounts and the event's delegates). */
  allowed_authors: AuthorRef[];
  /** Authors with fewer followers wait, where the platform says how many. */
  min_followers: number | null;
  /** Authors whose account is younger than this many days wait, where the platform says (X). */
  min_account_age_days: number | null;
  /** The same text more than `max_identical` times within `window_minutes` waits. */
  flood: { max_identical: number; window_minutes: number } | null;
}

export const DEFAULT_WALL_FILTERS: WallFilters = {
  profanity: true,
  blocked_words: [],
  blocked_authors: [],
  allowed_authors: [],
  min_followers: null,
  min_account_age_days: null,
  flood: { max_identical: 3, window_minutes: 10 },
};

/**
 * An event's public face: whether its widgets are on, the public key that addresses them (no
 * internal id ever leaves the API), and how its wall is moderated.
 */
export const eventWidgets = pgTable(
  "event_widgets",
  {
    eventId: uuid()
      .primaryKey()
      .references(() => events.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** 12 characters `[A-Za-z0-9]`: the `event` attribute of the embed. */
    publicKey: text().notNull(),
    enabled: boolean().notNull().default(false),
    moderation: text().$type<ModerationMode>().notNull().default("automatic"),
    filters: jsonb().$type<WallFilters>().notNull(),
    /** The organisation's own published posts of the event appear on the wall too. */
    showOfficialPosts: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("event_widgets_public_key_key").on(t.publicKey),
    check("event_widgets_moderation_check", sql`${t.moderation} in (${sqlList(MODERATION_MODES)})`),
    check("event_widgets_public_key_check", sql`${t.publicKey} ~ '^[A-Za-z0-9]{12}$'`),
  ],
);

export const eventWidgetsRelations = relations(eventWidgets, ({ one }) => ({
  event: one(events, { fields: [eventWidgets.eventId], references: [events.id] }),
  organization: one(organizations, {
    fields: [eventWidgets.organizationId],
    references: [organizations.id],
  }),
}));

export type EventWidgets = typeof eventWidgets.$inferSelect;
