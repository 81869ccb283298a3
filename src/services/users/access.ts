/**
 * A user's access window and events (services/auth/access.ts says how they are enforced): read with
 * `users:read`, set with `users:write` under the rules for managing users. Setting reads the user and
 * the named events in one round trip, then writes in one audited batch that bumps the user's access
 * version (their older access tokens stop at their next request's first statement) and, when the new
 * window is already closed, ends their sessions. Refresh tokens are otherwise kept: every refresh
 * reads the window again, and ending sessions on an extension would only sign people out.
 */
import { eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { typed } from "../../db/insert-select.ts";
import { events } from "../../db/schema/events.ts";
import { refreshTokens } from "../../db/schema/refresh-tokens.ts";
import { userEventAccess } from "../../db/schema/user-event-access.ts";
import { type UserRole, users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { accessOf, accessState, type StoredAccess } from "../auth/access.ts";
import type { TenantContext } from "../context.ts";
import { userNotFound } from "./get.ts";
import { assertCanManage, userActor } from "./rules.ts";

/** 409: owners are the organisation's way back in, so their access is never limited. */
export const ownerNotLimitable = () =>
  new ConflictError(
    "owner_not_limitable",
    "An owner's access cannot be limited: owners are the organisation's way back in. Lift the limits or change the role first.",
  );

/** Most events one user may be limited to: their ids travel in every access token. */
export const MAX_ACCESS_EVENTS = 20;

export interface UserAccessInput {
  starts_at?: string | null | undefined;
  ends_at?: string | null | undefined;
  ends_with_event_id?: string | null | undefined;
  /** Null or absent: every event. */
  event_ids?: string[] | null | undefined;
}

export interface UserAccess {
  userId: string;
  startsAt: Date | null;
  /** The fixed end, when the end is not an event's. */
  endsAt: Date | null;
  endsWithEventId: string | null;
  /** The end is an event's (also once that event is gone: `endsWithEventId` is then null). */
  endsWithEvent: boolean;
  /** The end as it stands now: the fixed one or the event's (the epoch once that event is gone). */
  effectiveEndsAt: Date | null;
  eventIds: string[] | null;
  state: "open" | "not_started" | "ended";
}

interface AccessRow extends StoredAccess {
  id: string;
  role: UserRole;
  starts_at: string | null;
  ends_at: string | null;
  ends_with_event_id: string | null;
}

/** The user's access as stored and as `auth_user_access` resolves it (the one resolution of the end). */
function readAccess(ctx: TenantContext, db: Database, id: string) {
  return db.execute<Record<string, unknown>>(sql`
    select u.id, u.role, u.access_starts_at as starts_at, u.access_ends_at as ends_at,
           u.access_ends_with_event_id as ends_with_event_id, a.*
    from users u cross join lateral auth_user_access(u.id) a
    where u.organization_id = ${ctx.organizationId} and u.id = ${id} and u.deleted_at is null`);
}

const at = (value: string | null) => (value === null ? null : new Date(value));

function toAccess(row: AccessRow, now: Date): UserAccess {
  const resolved = accessOf(row);
  return {
    userId: row.id,
    startsAt: at(row.starts_at),
    endsAt: at(row.ends_at),
    endsWithEventId: row.ends_with_event_id,
    endsWithEvent: resolved.endsWithEvent,
    effectiveEndsAt: resolved.endsAt,
    eventIds: resolved.eventIds,
    state: accessState(resolved, now),
  };
}

/** One round trip; another organisation's user is 404 like a missing one. */
export async function getUserAccess(ctx: TenantContext, id: string): Promise<UserAccess> {
  const { found } = await inTenant(ctx, (db) => ({ found: readAccess(ctx, db, id) }));
  const row = found.rows[0] as AccessRow | undefined;
  if (!row) throw userNotFound();
  return toAccess(row, ctx.now());
}

const view = (
  a: Pick<UserAccess, "startsAt" | "endsAt" | "endsWithEvent" | "endsWithEventId" | "eventIds">,
) => ({
  starts_at: a.startsAt?.toISOString() ?? null,
  ends_at: a.endsAt?.toISOString() ?? null,
  ends_with_event: a.endsWithEvent,
  ends_with_event_id: a.endsWithEventId,
  event_ids: a.eventIds ? [...a.eventIds].sort() : null,
});

/**
 * Replaces the user's window and events (a field left out is cleared). 404 `user_not_found`,
 * `event_not_found`; 403 as for any change of that user; 409 `owner_not_limitable` (an owner is the
 * organisation's way back in); 400 when the end is not after the start or both ends are given.
 */
export async function setUserAccess(
  ctx: TenantContext,
  id: string,
  input: UserAccessInput,
): Promise<UserAccess> {
  const actor = userActor(ctx.actor);
  const startsAt = input.starts_at ? new Date(input.starts_at) : null;
  const endsAt = input.ends_at ? new Date(input.ends_at) : null;
  const endEventId = input.ends_with_event_id ?? null;
  const eventIds = input.event_ids ? [...new Set(input.event_ids)].sort() : null;
  if (endsAt && endEventId) {
    throw new ValidationError([
      {
        path: "json.ends_with_event_id",
        code: "conflicting_fields",
        message: "Give ends_at or ends_with_event_id, not both.",
      },
    ]);
  }
  const named = [...new Set([...(eventIds ?? []), ...(endEventId ? [endEventId] : [])])];

  const { found, live } = await inTenant(ctx, (db) => ({
    found: readAccess(ctx, db, id),
    live: named.length
      ? db
          .select({ id: events.id, endDate: events.endDate })
          .from(events)
          .where(ownedBy(ctx, events.organizationId, inArray(events.id, named), isNull(events.deletedAt)))
      : undefined,
  }));
  const row = found.rows[0] as AccessRow | undefined;
  if (!row) throw userNotFound();
  assertCanManage(actor, row);
  const missing = named.filter((eventId) => !live?.some((event) => event.id === eventId));
  if (missing.length) {
    throw new NotFoundError("event_not_found", `No such event in your organisation: ${missing.join(", ")}.`);
  }
  const effectiveEndsAt = endEventId ? (live?.find((e) => e.id === endEventId)?.endDate ?? null) : endsAt;
  if (startsAt && effectiveEndsAt && effectiveEndsAt <= startsAt) {
    throw new ValidationError([
      {
        path: endEventId ? "json.ends_with_event_id" : "json.ends_at",
        code: "invalid_range",
        message: "Access must end after it starts.",
      },
    ]);
  }
  const limited = Boolean(startsAt || endsAt || endEventId || eventIds);
  if (limited && row.role === "owner") {
    throw ownerNotLimitable();
  }

  const now = ctx.now();
  const before = toAccess(row, now);
  const after = {
    startsAt,
    endsAt,
    endsWithEvent: endEventId !== null,
    endsWithEventId: endEventId,
    eventIds,
  };
  const changes = diff(view(before), view(after));
  if (Object.keys(changes).length === 0) return before;

  // Closed from now on (ended, or not yet started): the user's sessions end with this change.
  const closed = accessState({ startsAt, endsAt: effectiveEndsAt }, now) !== "open";
  const writtenHere = sql`exists (select 1 from ${users} where ${users.id} = ${id} and ${users}.xmin = pg_current_xact_id()::xid)`;
  const { updated, current } = await inTenant(ctx, (db) => ({
    updated: db
      .update(users)
      .set({
        accessStartsAt: startsAt,
        accessEndsAt: endsAt,
        accessEndsWithEvent: endEventId !== null,
        accessEndsWithEventId: endEventId,
        limitedToEvents: eventIds !== null,
        accessVersion: sql`${users.accessVersion} + 1`,
      })
      .where(
        ownedBy(
          ctx,
          users.organizationId,
          eq(users.id, id),
          isNull(users.deletedAt),
          // Owners stay unlimited, also against a concurrent promotion.
          limited ? sql`${users.role} <> 'owner'` : undefined,
        ),
      )
      .returning({ id: users.id }),
    cleared: db
      .delete(userEventAccess)
      .where(ownedBy(ctx, userEventAccess.organizationId, eq(userEventAccess.userId, id), writtenHere)),
    added: eventIds
      ? db.insert(userEventAccess).select(
          db
            .select({
              organizationId: events.organizationId,
              userId: typed(userEventAccess.userId, id).as("user_id"),
              eventId: events.id,
              createdAt: sql`now()`.as("created_at"),
            })
            .from(events)
            .where(
              ownedBy(
                ctx,
                events.organizationId,
                inArray(events.id, eventIds),
                isNull(events.deletedAt),
                writtenHere,
              ),
            ),
        )
      : undefined,
    revoked: closed
      ? db
          .update(refreshTokens)
          .set({ revokedAt: now })
          .where(
            ownedBy(
              ctx,
              refreshTokens.organizationId,
              eq(refreshTokens.userId, id),
              isNull(refreshTokens.revokedAt),
              writtenHere,
            ),
          )
      : undefined,
    audit: auditEntry(ctx, db, {
      action: "user.access_change",
      entityType: "user",
      entityId: id,
      changes: { ...changes, ...(closed ? { sessions_ended: true } : {}) },
      guard: users,
    }),
    current: readAccess(ctx, db, id),
  }));
  const written = current.rows[0] as AccessRow | undefined;
  if (!written) throw userNotFound();
  if (updated.length === 0) {
    throw ownerNotLimitable();
  }
  return toAccess(written, now);
}
