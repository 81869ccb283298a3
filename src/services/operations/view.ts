/**
 * The operations view of an event, live: what goes out next and what holds it, approvals stuck on the
 * way, what failed and why, accounts to reconnect, the pauses in force and what is trending — each
 * section a statement builder of its own file, all sent as one batch (one round trip, one snapshot).
 */
import { and, eq, isNull } from "drizzle-orm";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";
import { selectPausesInForce, toPauseView } from "../publishing/pause.ts";
import { selectAccountsToReconnect } from "./accounts.ts";
import { selectStuckApprovals } from "./approvals.ts";
import { selectFailedPosts } from "./failures.ts";
import { selectTrending } from "./trending.ts";
import { selectUpcoming } from "./upcoming.ts";

export interface OperationsQuery {
  eventId: string;
  /** What goes out within this many minutes. */
  windowMinutes: number;
  /** What failed within this many hours. */
  failedHours: number;
  /** Tokens running out within this many hours. */
  tokenHours: number;
  /** What trended over this many hours. */
  trendingHours: number;
  /** Rows per section (each section's `total` counts them all). */
  limit: number;
}

/** The dashboard names at most this many top posts. */
const MAX_TOP_POSTS = 20;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The whole view. One round trip; 404 `event_not_found` for an event that is not the organisation's. */
export async function readEventOperations(ctx: TenantContext, query: OperationsQuery) {
  const now = ctx.now();
  const { eventId, limit } = query;
  const before = (ms: number) => new Date(now.getTime() - ms);
  const { event, upcoming, approvals, failed, accounts, pauses, trending } = await inTenant(ctx, (db) => ({
    event: db
      .select({ id: events.id, name: events.name, timezone: events.timezone, status: events.status })
      .from(events)
      .where(and(ownedBy(ctx, events.organizationId, eq(events.id, eventId)), isNull(events.deletedAt))),
    upcoming: selectUpcoming(ctx, db, {
      eventId,
      now,
      until: new Date(now.getTime() + query.windowMinutes * MINUTE),
      limit,
    }),
    approvals: selectStuckApprovals(ctx, db, { eventId, now, limit }),
    failed: selectFailedPosts(ctx, db, { eventId, since: before(query.failedHours * HOUR), limit }),
    accounts: selectAccountsToReconnect(ctx, db, {
      eventId,
      now,
      tokensBefore: new Date(now.getTime() + query.tokenHours * HOUR),
      limit,
    }),
    pauses: selectPausesInForce(ctx, db, eventId, now),
    trending: selectTrending(ctx, db, {
      eventId,
      now,
      since: before(query.trendingHours * HOUR),
      top: Math.min(limit, MAX_TOP_POSTS),
    }),
  }));
  const row = event[0];
  if (!row) throw new NotFoundError("event_not_found", "No such event.");
  return {
    event: { id: row.id, name: row.name, time_zone: row.timezone, status: row.status },
    generated_at: now.toISOString(),
    upcoming,
    approvals,
    failed,
    accounts,
    pauses: pauses.map(toPauseView),
    trending,
  };
}

export type EventOperations = Awaited<ReturnType<typeof readEventOperations>>;
