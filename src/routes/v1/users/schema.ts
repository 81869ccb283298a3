import { z } from "@hono/zod-openapi";
import type { User } from "../../../db/schema/users.ts";
import { USER_ROLES } from "../../../db/schema/users.ts";
import { PERMISSIONS } from "../../../services/auth/permissions.ts";

/** First and last names. */
export const NameSchema = z.string().trim().min(1).max(100);
export const UsernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9_.-]{3,40}$/, "3–40 letters, digits, dots, dashes or underscores")
  .openapi({ example: "amina.o" });

export const RoleSchema = z.enum(USER_ROLES).openapi({ example: "editor" });
export const PermissionSchema = z.enum(PERMISSIONS);

export const PermissionOverridesSchema = z
  .strictObject({
    grant: z.array(PermissionSchema).max(PERMISSIONS.length).optional(),
    revoke: z.array(PermissionSchema).max(PERMISSIONS.length).optional(),
  })
  .openapi("PermissionOverrides", { description: "Single permissions added to or removed from the role's" });

export const UserSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    email: z.email(),
    username: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    role: RoleSchema,
    permissions: PermissionOverridesSchema,
    is_active: z.boolean(),
    mfa_enabled: z.boolean(),
    last_login_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("User");

/** The public shape of a user: never the password hash or the TOTP secret. */
export function toUser(row: User): z.infer<typeof UserSchema> {
  return {
    id: row.id,
    organization_id: row.organizationId,
    email: row.email,
    username: row.username,
    first_name: row.firstName,
    last_name: row.lastName,
    role: row.role,
    permissions: { grant: row.permissions.grant ?? [], revoke: row.permissions.revoke ?? [] } as z.infer<
      typeof PermissionOverridesSchema
    >,
    is_active: row.isActive,
    mfa_enabled: row.totpEnabled,
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
