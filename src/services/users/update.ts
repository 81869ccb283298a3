/**
 * Changing a user: their profile, role, permissions, and whether they may sign in. Two round trips:
 * read the target (the rules need their role), then one batch that writes, revokes sessions when the
 * user ends up inactive, and audits.
 *
 * The organisation keeps at least one active owner, under concurrency too: the batch first takes an
 * advisory lock on the organisation, so user changes of one organisation run one after another, and
 * the "another active owner remains" test sits in the UPDATE's own WHERE, evaluated after the lock.
 * Two admins demoting the last two owners at once: the second UPDATE matches nothing, and its guarded
 * audit row and session revocation with it.
 */
import { and, eq, exists, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.ts";
import { refreshTokens } from "../../db/schema/refresh-tokens.ts";
import { type PermissionOverrides, type User, type UserRole, users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import { ownerNotLimitable } from "./access.ts";
import { userConflict } from "./create.ts";
import { getUser, userNotFound } from "./get.ts";
import { assertCanManage, assertPermissionsGrantable, assertRoleAssignable, userActor } from "./rules.ts";

export interface UpdateUserInput {
  first_name?: string;
  last_name?: string;
  username?: string | null;
  role?: UserRole;
  /** Replaces the user's overrides; a list left out is empty. */
  permissions?: PermissionOverrides;
  is_active?: boolean;
}

type UserView = {
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  role: UserRole;
  permissions: Required<PermissionOverrides>;
  is_active: boolean;
};

const overrides = (p: PermissionOverrides): Required<PermissionOverrides> => ({
  grant: [...new Set(p.grant ?? [])],
  revoke: [...new Set(p.revoke ?? [])],
});

function view(user: User): UserView {
  return {
    first_name: user.firstName,
    last_name: user.lastName,
    username: user.username,
    role: user.role,
    permissions: overrides(user.permissions),
    is_active: user.isActive,
  };
}

/** Serialises the user changes of one organisation until the end of the transaction. */
function lockOrganization(db: Database, organizationId: string) {
  return db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`organization:${organizationId}`}, 0))`,
  );
}

function hasAccessLimits(user: User): boolean {
  return Boolean(
    user.accessStartsAt || user.accessEndsAt || user.accessEndsWithEvent || user.limitedToEvents,
  );
}

export function updateUser(ctx: TenantContext, id: string, input: UpdateUserInput): Promise<User> {
  return changeUser(ctx, id, input, "user.update");
}

/** Deactivates a user (they can no longer sign in, their sessions end); deactivating oneself is allowed. */
export async function deactivateUser(ctx: TenantContext, id: string): Promise<void> {
  await changeUser(ctx, id, { is_active: false }, "user.deactivate");
}

async function changeUser(
  ctx: TenantContext,
  id: string,
  input: UpdateUserInput,
  action: string,
): Promise<User> {
  const actor = userActor(ctx.actor);
  const target = await getUser(ctx, id);
  const before = view(target);
  const requested: Partial<UserView> = {
    first_name: input.first_name,
    last_name: input.last_name,
    username: input.username,
    role: input.role,
    permissions: input.permissions ? overrides(input.permissions) : undefined,
    is_active: input.is_active,
  };
  const after: UserView = {
    ...before,
    ...definedFields(requested),
  };

  assertCanManage(actor, target);
  if (after.role !== before.role) {
    assertRoleAssignable(actor, { to: after.role, from: before.role, self: target.id === actor.userId });
  }
  assertPermissionsGrantable(actor, before, after);
  // An owner's access is never limited (services/users/access.ts): lift the limits first.
  const promotesOwner = after.role === "owner" && before.role !== "owner";
  if (promotesOwner && hasAccessLimits(target)) throw ownerNotLimitable();

  const changes = diff(before, requested);
  if (Object.keys(changes).length === 0) return target;
  const revokesTokens = ["role", "permissions", "is_active"].some((field) => field in changes);

  const removesOwner =
    before.role === "owner" && before.is_active && (after.role !== "owner" || !after.is_active);
  const otherOwner = alias(users, "other_owner");
  const writtenHere = sql`exists (select 1 from ${users} where ${users.id} = ${id} and ${users}.xmin = pg_current_xact_id()::xid and not ${users.isActive})`;

  const {
    updated: [updated],
    current: [current],
  } = await inTenant(ctx, (db) => ({
    lock: lockOrganization(db, ctx.organizationId),
    updated: db
      .update(users)
      .set({
        firstName: after.first_name,
        lastName: after.last_name,
        username: after.username,
        role: after.role,
        permissions: after.permissions,
        isActive: after.is_active,
        // The user's access tokens carry their role and permissions: a change to either (or to whether
        // they may work here at all) stops those tokens at their next request (db/tenant.ts), so it
        // takes effect now rather than when they expire.
        accessVersion: revokesTokens ? sql`${users.accessVersion} + 1` : undefined,
      })
      .where(
        ownedBy(
          ctx,
          users.organizationId,
          eq(users.id, id),
          isNull(users.deletedAt),
          // What the rules above were decided on must still hold (a concurrent change fails this).
          eq(users.role, target.role),
          eq(users.isActive, target.isActive),
          sql`${users.permissions} = ${JSON.stringify(target.permissions)}::jsonb`,
          promotesOwner ? eq(users.accessVersion, target.accessVersion) : undefined,
          removesOwner
            ? exists(
                db
                  .select({ one: sql`1` })
                  .from(otherOwner)
                  .where(
                    and(
                      eq(otherOwner.organizationId, ctx.organizationId),
                      eq(otherOwner.role, "owner"),
                      eq(otherOwner.isActive, true),
                      isNull(otherOwner.deletedAt),
                      ne(otherOwner.id, id),
                    ),
                  ),
              )
            : undefined,
        ),
      )
      .returning(),
    // A user this batch left inactive loses every session at once.
    revoked: db
      .update(refreshTokens)
      .set({ revokedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          refreshTokens.organizationId,
          eq(refreshTokens.userId, id),
          isNull(refreshTokens.revokedAt),
          writtenHere,
        ),
      ),
    audit: auditEntry(ctx, db, { action, entityType: "user", entityId: id, changes, guard: users }),
    current: db
      .select({ role: users.role, isActive: users.isActive, permissions: users.permissions })
      .from(users)
      .where(ownedBy(ctx, users.organizationId, eq(users.id, id), isNull(users.deletedAt))),
  })).catch((error: unknown) => {
    throw userConflict(error) ?? error;
  });

  if (updated) return updated;
  if (!current) throw userNotFound();
  const unchanged =
    current.role === target.role &&
    current.isActive === target.isActive &&
    JSON.stringify(overrides(current.permissions)) === JSON.stringify(before.permissions);
  if (removesOwner && unchanged) {
    throw new ConflictError("last_owner", "The organisation must keep at least one active owner.");
  }
  throw new ConflictError(
    "user_changed",
    "The user was changed by someone else meanwhile; read it again and retry.",
  );
}
