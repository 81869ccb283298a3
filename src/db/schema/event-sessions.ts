import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { lifecycleColumns, timestamptz } from "./columns.ts";
import { delegates } from "./delegates.ts";
import { eventPhases } from "./event-phases.ts";
import { events } from "./events.ts";
import { organizations } from "./organizations.ts";

/**
 * An agenda item inside a phase (a keynote, a panel, a ceremony): its times are the anchor that
 * relative schedules and embargoes follow, so moving a session moves what hangs on it.
 */
export const eventSessions = pgTable(
  "event_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    phaseId: uuid()
      .notNull()
      .references(() => eventPhases.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text(),
    room: text(),
    startsAt: timestamptz().notNull(),
    endsAt: timestamptz().notNull(),
    ...lifecycleColumns(),
  },
  (t) => [
    index("event_sessions_organization_id_idx").on(t.organizationId),
    index("event_sessions_event_id_starts_at_idx").on(t.eventId, t.startsAt),
    index("event_sessions_phase_id_idx").on(t.phaseId),
    check("event_sessions_dates_check", sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

/** The event's delegates who speak at a session, in the order the programme names them. */
export const eventSessionSpeakers = pgTable(
  "event_session_speakers",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    sessionId: uuid()
      .notNull()
      .references(() => eventSessions.id, { onDelete: "cascade" }),
    delegateId: uuid()
      .notNull()
      .references(() => delegates.id, { onDelete: "cascade" }),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.delegateId] }),
    index("event_session_speakers_organization_id_idx").on(t.organizationId),
    index("event_session_speakers_delegate_id_idx").on(t.delegateId),
  ],
);

export const eventSessionsRelations = relations(eventSessions, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [eventSessions.organizationId],
    references: [organizations.id],
  }),
  event: one(events, { fields: [eventSessions.eventId], references: [events.id] }),
  phase: one(eventPhases, { fields: [eventSessions.phaseId], references: [eventPhases.id] }),
  speakers: many(eventSessionSpeakers),
}));

export const eventSessionSpeakersRelations = relations(eventSessionSpeakers, ({ one }) => ({
  session: one(eventSessions, {
    fields: [eventSessionSpeakers.sessionId],
    references: [eventSessions.id],
  }),
  delegate: one(delegates, {
    fields: [eventSessionSpeakers.delegateId],
    references: [delegates.id],
  }),
}));

export type EventSession = typeof eventSessions.$inferSelect;
export type NewEventSession = typeof eventSessions.$inferInsert;
