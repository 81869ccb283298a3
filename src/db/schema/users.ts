import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { lifecycleColumns, sqlList, timestamptz } from "./columns.ts";
import { events } from "./events.ts";
import { mfaRecoveryCodes } from "./mfa-recovery-codes.ts";
import { notifications } from "./notifications.ts";
import { organizations } from "./organizations.ts";
import { refreshTokens } from "./refresh-tokens.ts";

/** Per-user changes to the role's permissions. */
export interface PermissionOverrides {
  grant?: string[];
  revoke?: string[];
}

export const USER_ROLES = ["owner", "admin", "manager", "editor", "approver", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Unique case-insensitively: look users up by `lower(email)`. */
    email: text().notNull(),
    /** Unique case-insensitively; optional. */
    username: text(),
    /** PHC string (`$pbkdf2-sha256$i=…$salt$hash`), so the algorithm can change. */
    passwordHash: text().notNull(),
    firstName: text(),
    lastName: text(),
    role: text().$type<UserRole>().notNull().default("viewer"),
    /** Single permissions added to or removed from the role's (see services/auth/permissions.ts). */
    permissions: jsonb().$type<PermissionOverrides>().notNull().default({}),
    isActive: boolean().notNull().default(true),
    /** TOTP shared secret, encrypted at rest like platform tokens. */
    totpSecret: text(),
    totpEnabled: boolean().notNull().default(false),
    /** The last TOTP time step accepted, so a code cannot be replayed inside its window. */
    totpLastUsedStep: bigint({ mode: "number" }),
    lastLoginAt: timestamptz(),
    passwordChangedAt: timestamptz(),
    /** Access window (services/users/access.ts): no sign-in, refresh or request before this … */
    accessStartsAt: timestamptz(),
    /** … nor from this instant on; or from the end of `accessEndsWithEventId` (read when checked). */
    accessEndsAt: timestamptz(),
    /** Access ends with an event's end; stays true when the event is deleted, which ends it. */
    accessEndsWithEvent: boolean().notNull().default(false),
    accessEndsWithEventId: uuid().references((): AnyPgColumn => events.id, { onDelete: "set null" }),
    /** Sees only the events of `user_event_access` (none, once they are all gone). */
    limitedToEvents: boolean().notNull().default(false),
    /** Bumped by every access change: access tokens of another version stop at the next statement. */
    accessVersion: integer().notNull().default(0),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_username_key").on(sql`lower(${t.username})`),
    index("users_organization_id_idx").on(t.organizationId),
    index("users_role_idx").on(t.role),
    index("users_is_active_idx").on(t.isActive),
    check("users_role_check", sql`${t.role} in (${sqlList(USER_ROLES)})`),
    index("users_access_ends_with_event_id_idx").on(t.accessEndsWithEventId),
    check(
      "users_access_window_check",
      sql`${t.accessStartsAt} is null or ${t.accessEndsAt} is null or ${t.accessEndsAt} > ${t.accessStartsAt}`,
    ),
    check(
      "users_access_end_check",
      sql`not (${t.accessEndsWithEvent} and ${t.accessEndsAt} is not null) and (${t.accessEndsWithEvent} or ${t.accessEndsWithEventId} is null)`,
    ),
  ],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  organization: one(organizations, { fields: [users.organizationId], references: [organizations.id] }),
  refreshTokens: many(refreshTokens),
  notifications: many(notifications),
  mfaRecoveryCodes: many(mfaRecoveryCodes),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
