import { uniqueViolation } from "../../db/errors.ts";
import type { PermissionOverrides, UserRole } from "../../db/schema/users.ts";
import { users } from "../../db/schema/users.ts";
import { inTenant } from "../../db/tenant.ts";
import { ConflictError } from "../../errors.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { auditEntry } from "../audit/record.ts";
import { assertStrongPassword } from "../auth/password-policy.ts";
import type { TenantContext } from "../context.ts";
import { assertPermissionsGrantable, assertRoleAssignable, userActor } from "./rules.ts";

export interface CreateUserInput {
  email: string;
  first_name: string;
  last_name: string;
  username?: string;
  role: UserRole;
  permissions?: PermissionOverrides;
  password: string;
}

/** 409 for the unique indexes a user can collide on (email and username, both case-insensitive). */
export function userConflict(error: unknown): ConflictError | undefined {
  const constraint = uniqueViolation(error);
  if (constraint === "users_email_key")
    return new ConflictError("email_taken", "That email already has an account.");
  if (constraint === "users_username_key")
    return new ConflictError("username_taken", "That username is taken.");
  return undefined;
}

/** A new user of the organisation with their audit row: one round trip. */
export async function createUser(ctx: TenantContext, input: CreateUserInput) {
  const actor = userActor(ctx.actor);
  const permissions = { grant: input.permissions?.grant ?? [], revoke: input.permissions?.revoke ?? [] };
  assertRoleAssignable(actor, { to: input.role });
  assertPermissionsGrantable(actor, undefined, { role: input.role, permissions });
  await assertStrongPassword(
    ctx,
    input.password,
    {
      email: input.email,
      username: input.username,
      firstName: input.first_name,
      lastName: input.last_name,
    },
    "json.password",
  );
  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    const {
      inserted: [user],
    } = await inTenant(ctx, (db) => ({
      inserted: db
        .insert(users)
        .values({
          id,
          organizationId: ctx.organizationId,
          email: input.email.trim(),
          username: input.username,
          passwordHash,
          firstName: input.first_name,
          lastName: input.last_name,
          role: input.role,
          permissions,
          passwordChangedAt: ctx.now(),
        })
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "user.create",
        entityType: "user",
        entityId: id,
        changes: {
          email: input.email.trim(),
          username: input.username ?? null,
          first_name: input.first_name,
          last_name: input.last_name,
          role: input.role,
          permissions,
        },
      }),
    }));
    return user!;
  } catch (error) {
    throw userConflict(error) ?? error;
  }
}
