/**
 * Session factories (an event with a phase and sessions), written like the Worker writes, the agenda's
 * calls, and transactions of the test's own over the driver's WebSocket (a claim caught mid-way).
 */
import { eq, sql } from "drizzle-orm";
import { content } from "../../src/db/schema/content.ts";
import { eventSessionSpeakers, eventSessions } from "../../src/db/schema/event-sessions.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createEvent } from "./events.ts";
import { call, postJson } from "./http.ts";
import { createPhase } from "./phases.ts";
import { type TestUser, testDb } from "./tenants.ts";
import { openTransaction } from "./transactions.ts";

/** A transaction of the test's own, for one organisation, until `end` commits or rolls it back. */
async function transaction(organizationId: string) {
  const tx = await openTransaction();
  await tx.client.query("select set_config('app.org_id', $1, true)", [organizationId]);
  return tx;
}

/**
 * The cron's claim of one post, caught half-way: the row is locked and marked queued, as
 * claim_due_posts leaves it, in a transaction that commits only when `commit` is called.
 */
export async function claimInProgress(organizationId: string, postId: string) {
  const tx = await transaction(organizationId);
  await tx.client.query("select id from published_posts where id = $1 for update", [postId]);
  await tx.client.query(
    "update published_posts set publish_status = 'queued', claimed_at = now(), next_attempt_at = now(), updated_at = now() where id = $1",
    [postId],
  );
  return { commit: () => tx.end("commit") };
}

/** The posts the cron's claim would take right now (claimed in a transaction that is rolled back). */
export async function claimableNow(organizationId: string): Promise<string[]> {
  const tx = await transaction(organizationId);
  try {
    const { rows } = await tx.client.query<{ id: string }>("select id from claim_due_posts(10000, 600, 600)");
    return rows.map((row) => row.id);
  } finally {
    await tx.end("rollback");
  }
}

/** How many moves wait for a post's lock right now (their statement that moves posts, waiting). */
export async function movesWaitingForPosts(organizationId: string): Promise<number> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity
           where wait_event_type = 'Lock' and query like '%set next_attempt_at = t.due%'`,
    ),
  }));
  return rows.rows[0]?.n ?? 0;
}

export interface SessionBody {
  id: string;
  event_id: string;
  phase_id: string;
  title: string;
  description: string | null;
  room: string | null;
  starts_at: string;
  ends_at: string;
  speakers: Array<{ id: string; first_name: string; last_name: string | null }>;
  updated_at: string;
}

export interface FollowedBody {
  content: Array<{
    id: string;
    workflow_status: string;
    scheduled_for: { from: string | null; to: string };
    posts: { moved: number; held: number };
    held: boolean;
  }>;
  posts: { moved: number; held: number; in_flight: number };
  approval_requests: number;
}

export async function createSession(
  organizationId: string,
  eventId: string,
  phaseId: string,
  overrides: {
    title?: string;
    room?: string | null;
    startsAt?: Date;
    endsAt?: Date;
    speakers?: string[];
    deleted?: boolean;
  } = {},
) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(eventSessions)
      .values({
        organizationId,
        eventId,
        phaseId,
        title: overrides.title ?? `Keynote ${crypto.randomUUID().slice(0, 6)}`,
        room: overrides.room === undefined ? "Main hall" : overrides.room,
        startsAt: overrides.startsAt ?? new Date("2027-03-10T06:00:00Z"),
        endsAt: overrides.endsAt ?? new Date("2027-03-10T06:45:00Z"),
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  const session = inserted[0]!;
  if (overrides.speakers?.length) {
    const speakers = overrides.speakers;
    await inTenant({ db: testDb(), organizationId }, (db) => ({
      speakers: db.insert(eventSessionSpeakers).values(
        speakers.map((delegateId, sortOrder) => ({
          organizationId,
          sessionId: session.id,
          delegateId,
          sortOrder,
        })),
      ),
    }));
  }
  return session;
}

/**
 * An event (by default 2027-03-10 05:00 to 2027-03-11 18:00 UTC) with one phase over its first day
 * and one session in it: the ids a session path needs.
 */
export async function createAgenda(
  organizationId: string,
  options: {
    event?: { startDate: Date; endDate: Date };
    phase?: { startsAt: Date; endsAt: Date };
    session?: Parameters<typeof createSession>[3];
  } = {},
) {
  const event = await createEvent(organizationId, options.event ?? {});
  const phase = await createPhase(organizationId, event.id, options.phase ?? {});
  const session = await createSession(organizationId, event.id, phase.id, options.session ?? {});
  return { event, phase, session };
}

/** Anchors existing content to a session or phase (as scheduling relative to it leaves it). */
export async function anchorContent(
  organizationId: string,
  contentId: string,
  anchor: { sessionId?: string; phaseId?: string; edge?: "start" | "end"; offsetMinutes: number; at: Date },
) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    anchored: db
      .update(content)
      .set({
        relativeSessionId: anchor.sessionId ?? null,
        relativePhaseId: anchor.phaseId ?? null,
        relativeEdge: anchor.edge ?? "start",
        relativeOffsetMinutes: anchor.offsetMinutes,
        scheduledFor: anchor.at,
      })
      .where(eq(content.id, contentId)),
  }));
}

export const moveSession = (
  user: TestUser,
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
) => postJson(`/v1/sessions/${id}/move`, body, { headers: { ...user.headers, ...headers } });

export const movePhase = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson(`/v1/event-phases/${id}/move`, body, { headers: { ...user.headers, ...headers } });

export async function readSession(user: TestUser, id: string): Promise<SessionBody> {
  const response = await call(`/v1/sessions/${id}`, { headers: user.headers });
  if (response.status !== 200) throw new Error(`GET /v1/sessions/${id}: ${response.status}`);
  return (await response.json()) as SessionBody;
}
