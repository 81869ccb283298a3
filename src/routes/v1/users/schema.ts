import { z } from "@hono/zod-openapi";
import type { User } from "../../../db/schema/users.ts";
import { USER_ROLES } from "../../../db/schema/users.ts";
import { PERMISSIONS } from "../../../services/auth/permissions.ts";
import { MAX_ACCESS_EVENTS, type UserAccess } from "../../../services/users/access.ts";
import { DateTimeSchema, SetOf } from "../common.ts";

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
    access: z
      .object({
        starts_at: z.iso.datetime().nullable(),
        ends_at: z.iso.datetime().nullable(),
        ends_with_event_id: z.uuid().nullable(),
        limited_to_events: z.boolean(),
      })
      .openapi("UserAccessSummary", {
        description: "When the user may act and whether only some events: see /v1/users/{id}/access",
      }),
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
    access: {
      starts_at: row.accessStartsAt?.toISOString() ?? null,
      ends_at: row.accessEndsAt?.toISOString() ?? null,
      ends_with_event_id: row.accessEndsWithEventId,
      limited_to_events: row.limitedToEvents,
    },
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const SetUserAccessBody = z
  .strictObject({
    starts_at: DateTimeSchema.nullable().optional().openapi({
      description: "No sign-in, refresh or request before this; null or left out: from now",
    }),
    ends_at: DateTimeSchema.nullable().optional().openapi({
      description: "Nothing works from this instant on; null or left out: no fixed end",
    }),
    ends_with_event_id: z.uuid().nullable().optional().openapi({
      description:
        "Access ends with this event's end_date, read when checked (moving the event moves it; deleting it ends it); not with ends_at",
    }),
    event_ids: SetOf(z.uuid(), MAX_ACCESS_EVENTS, 1).nullable().optional().openapi({
      description: "The events the user is limited to; null or left out: every event",
    }),
  })
  .openapi("SetUserAccessRequest", {
    example: {
      starts_at: "2027-03-09T06:00:00+03:00",
      ends_with_event_id: "0d6f0f4e-0000-4000-8000-000000000010",
      event_ids: ["0d6f0f4e-0000-4000-8000-000000000010"],
    },
  });

export const UserAccessSchema = z
  .object({
    user_id: z.uuid(),
    starts_at: z.iso.datetime().nullable(),
    ends_at: z.iso.datetime().nullable(),
    ends_with_event_id: z.uuid().nullable(),
    effective_ends_at: z.iso.datetime().nullable().openapi({
      description:
        "The end as it stands now: ends_at, or the event's end (1970-01-01 once that event is gone)",
    }),
    event_ids: z.array(z.uuid()).nullable().openapi({ description: "null: every event" }),
    state: z.enum(["open", "not_started", "ended"]),
  })
  .openapi("UserAccess");

export function toUserAccess(access: UserAccess): z.infer<typeof UserAccessSchema> {
  return {
    user_id: access.userId,
    starts_at: access.startsAt?.toISOString() ?? null,
    ends_at: access.endsAt?.toISOString() ?? null,
    ends_with_event_id: access.endsWithEventId,
    effective_ends_at: access.effectiveEndsAt?.toISOString() ?? null,
    event_ids: access.eventIds,
    state: access.state,
  };
}
