/**
 * Access that starts and ends at set times or with an event's end, and access limited to some events
 * (services/users/access.ts manages them). Enforced in three places, each to the instant:
 * - sign-in and refresh read the window (`auth_user_access`, joined to their one lookup) and refuse
 *   outside it: 403 `access_not_started` / `access_ended`;
 * - an access token carries the end (`until`) and the events (`evs`), so the auth middleware stops it
 *   at its end with no round trip (401 `access_ended`), and its `exp` is capped there too;
 * - it also carries the user's access version (`av`); every batch of the request checks the version
 *   and the window in the statement that sets the tenant (db/tenant.ts), so a change made after the
 *   token was issued (a window shortened, events changed, an event moved earlier) stops it at the
 *   request's next statement, again without a round trip.
 */
import { ForbiddenError } from "../../errors.ts";

export interface AccessWindow {
  /** Bumped by every change of the window or the events; tokens carry the one they were issued under. */
  version: number;
  startsAt: Date | null;
  /** The end, resolved: a fixed instant, or the event's end when it was read. */
  endsAt: Date | null;
  /** The end is an event's (it may move, so refresh tokens are not cut at it). */
  endsWithEvent: boolean;
  /** The events the user is limited to; null: every event. */
  eventIds: string[] | null;
}

/** What `auth_user_access` answers (migrations/0035), as a lookup joined to it returns it. */
export interface StoredAccess {
  access_version: number | null;
  access_starts_at: string | Date | null;
  access_ends_at: string | Date | null;
  access_ends_with_event: boolean | null;
  access_event_ids: string[] | null;
}

const date = (value: string | Date | null) => (value === null ? null : new Date(value));

export function accessOf(row: StoredAccess): AccessWindow {
  return {
    version: row.access_version ?? 0,
    startsAt: date(row.access_starts_at),
    // `-infinity` (the event is gone) parses as an invalid date: it ended long ago.
    endsAt: row.access_ends_at === null ? null : validOrEpoch(new Date(row.access_ends_at)),
    endsWithEvent: row.access_ends_with_event ?? false,
    eventIds: row.access_event_ids,
  };
}

function validOrEpoch(value: Date): Date {
  return Number.isNaN(value.getTime()) ? new Date(0) : value;
}

/** Where `now` stands in the window. */
export function accessState(window: Pick<AccessWindow, "startsAt" | "endsAt">, now: Date) {
  if (window.startsAt && now < window.startsAt) return "not_started" as const;
  if (window.endsAt && now >= window.endsAt) return "ended" as const;
  return "open" as const;
}

/** 403 `access_not_started` or `access_ended` unless `now` is inside the window. */
export function assertAccessOpen(window: AccessWindow, now: Date): void {
  const state = accessState(window, now);
  if (state === "not_started") {
    throw new ForbiddenError(
      "access_not_started",
      `Your access starts at ${window.startsAt?.toISOString()}.`,
    );
  }
  if (state === "ended") {
    throw new ForbiddenError("access_ended", `Your access ended at ${window.endsAt?.toISOString()}.`);
  }
}
