/**
 * What the embargo tests share: sessions written straight into the table (the anchor an embargo can
 * follow), embargoes and times set on rows directly (a time passing, a session moving), and the
 * shapes the API answers with.
 */
import { eq } from "drizzle-orm";
import { content } from "../../src/db/schema/content.ts";
import { eventSessions } from "../../src/db/schema/event-sessions.ts";
import { mediaAssets } from "../../src/db/schema/media-assets.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createPhase } from "../support/phases.ts";
import { testDb } from "../support/tenants.ts";

export const HOUR = 3_600_000;
export const fromNow = (ms: number) => new Date(Date.now() + ms);
export const iso = (date: Date) => date.toISOString();

export interface Embargoed {
  embargo_until: string | null;
  embargo_session_id: string | null;
  embargo_lifts_at: string | null;
}

/** A session of the event (in a phase of its own) starting at `startsAt`, an hour long. */
export async function createSession(organizationId: string, eventId: string, startsAt: Date) {
  const phase = await createPhase(organizationId, eventId, {
    startsAt: new Date(startsAt.getTime() - 24 * HOUR),
    endsAt: new Date(startsAt.getTime() + 24 * HOUR),
  });
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(eventSessions)
      .values({
        organizationId,
        eventId,
        phaseId: phase.id,
        title: "Opening keynote",
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
      })
      .returning(),
  }));
  return inserted[0]!;
}

/** Moves a session (its start, and its end an hour after), as rescheduling the programme would. */
export async function moveSession(organizationId: string, id: string, startsAt: Date) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    moved: db
      .update(eventSessions)
      .set({ startsAt, endsAt: new Date(startsAt.getTime() + HOUR) })
      .where(eq(eventSessions.id, id)),
  }));
}

/** Sets a content row's embargo directly (content past draft is never edited in place). */
export async function setContentEmbargo(
  organizationId: string,
  id: string,
  embargo: { until?: Date | null; sessionId?: string | null },
) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    set: db
      .update(content)
      .set({ embargoUntil: embargo.until, embargoSessionId: embargo.sessionId })
      .where(eq(content.id, id)),
  }));
}

/** Sets a media asset's embargo directly. */
export async function setMediaEmbargo(organizationId: string, id: string, until: Date | null) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    set: db.update(mediaAssets).set({ embargoUntil: until }).where(eq(mediaAssets.id, id)),
  }));
}

export async function contentRow(organizationId: string, id: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(content).where(eq(content.id, id)),
  }));
  return rows[0]!;
}
