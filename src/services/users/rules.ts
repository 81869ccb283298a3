/**
 * Who may manage whom. The route's permission (`users:write`) lets an actor manage users at all;
 * these rules bound what they may do with it: nobody acts on someone ranked above them, hands out a
 * role above their own, raises their own role, or gives anyone a permission they do not hold.
 */
import type { PermissionOverrides, UserRole } from "../../db/schema/users.ts";
import { ForbiddenError } from "../../errors.ts";
import { effectivePermissions, type Permission, ROLE_RANK } from "../auth/permissions.ts";
import type { Actor } from "../context.ts";

export type UserActor = Extract<Actor, { type: "user" }>;

export function userActor(actor: Actor): UserActor {
  if (actor.type !== "user") throw new ForbiddenError("forbidden", "Only a signed-in user can manage users.");
  return actor;
}

/** 403 `user_outranks_you` when the target's role ranks above the actor's. */
export function assertCanManage(actor: UserActor, target: { role: UserRole }): void {
  if (ROLE_RANK[target.role] > ROLE_RANK[actor.role]) {
    throw new ForbiddenError(
      "user_outranks_you",
      `You cannot change a user whose role (${target.role}) ranks above yours.`,
    );
  }
}

/**
 * Giving `target` (currently `from`, or a new user) the role `to`: 403 `cannot_raise_own_role` for
 * one's own promotion, 403 `role_not_assignable` for a role above the actor's (so only owners make
 * owners).
 */
export function assertRoleAssignable(
  actor: UserActor,
  change: { to: UserRole; from?: UserRole; self?: boolean },
): void {
  if (change.self && change.from && ROLE_RANK[change.to] > ROLE_RANK[change.from]) {
    throw new ForbiddenError("cannot_raise_own_role", "You cannot raise your own role.");
  }
  if (ROLE_RANK[change.to] > ROLE_RANK[actor.role]) {
    throw new ForbiddenError(
      "role_not_assignable",
      `Only a user ranked at least ${change.to} can assign that role.`,
    );
  }
}

interface Access {
  role: UserRole;
  permissions: PermissionOverrides;
}

/**
 * 403 `permission_not_grantable` when the change gives the target a permission the actor does not
 * hold. What counts is what the target gains in effect (through a grant, a lifted revoke or a new
 * role), so a revoked permission cannot come back in through another door.
 */
export function assertPermissionsGrantable(
  actor: UserActor,
  before: Access | undefined,
  after: Access,
): void {
  const had = before ? effectivePermissions(before.role, before.permissions) : new Set<Permission>();
  const missing = [...effectivePermissions(after.role, after.permissions)].filter(
    (p) => !had.has(p) && !actor.permissions.has(p),
  );
  if (missing.length) {
    throw new ForbiddenError(
      "permission_not_grantable",
      `You cannot grant permissions you do not hold: ${missing.sort().join(", ")}.`,
    );
  }
}
