/**
 * Roles and permissions, in one place. A user's effective permissions are their role's, plus the
 * single permissions their `permissions` overrides grant, minus the ones they revoke. Routes name the
 * permission they need; nothing else checks roles by name, except the rank rules for managing users.
 */
import type { PermissionOverrides, UserRole } from "../../db/schema/users.ts";

export const PERMISSIONS = [
  "organization:read",
  "organization:update",
  "users:read",
  "users:write",
  "audit:read",
  "events:read",
  "events:write",
  "campaigns:read",
  "campaigns:write",
  "content:read",
  "content:write",
  "content:approve",
  "media:read",
  "media:write",
  "templates:read",
  "templates:write",
  "workflows:read",
  "workflows:write",
  "social_accounts:read",
  "social_accounts:write",
  "publishing:write",
  "analytics:read",
  "inbound:read",
  "wall:moderate",
  "notifications:read",
  "api_keys:read",
  "api_keys:write",
  "integrations:read",
  "integrations:write",
  // Exports of the organisation's or one person's data: owners and admins (it is not a `:read`).
  "data:export",
  // Erasure of one person's data on request: owners and admins.
  "data:erase",
  // Closing the organisation (its data deleted after a grace period): owners only.
  "organization:close",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Reads only owners and admins hold: the audit trail, the organisation's API keys and webhook endpoints. */
const ADMIN_READS: readonly Permission[] = ["audit:read", "api_keys:read", "integrations:read"];
const READ: Permission[] = PERMISSIONS.filter((p) => p.endsWith(":read") && !ADMIN_READS.includes(p));

const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS.filter((p) => p !== "organization:close"),
  manager: [
    ...READ,
    "events:write",
    "campaigns:write",
    "content:write",
    "content:approve",
    "media:write",
    "templates:write",
    "workflows:write",
    "social_accounts:write",
    "publishing:write",
    "wall:moderate",
  ],
  editor: [...READ, "content:write", "media:write", "templates:write"],
  approver: [...READ, "content:approve", "wall:moderate"],
  viewer: READ,
};

/**
 * What governs the whole organisation rather than some events' data: the organisation's settings, its
 * users, the audit trail, API keys, webhook endpoints and inbound failures, exports, approval rules
 * and connected accounts. A user limited to events holds none of these, whatever their role
 * (403 `limited_to_events`). Reading shared libraries (media, templates, workflows, accounts) stays:
 * writing an event's content needs them.
 */
export const ORGANIZATION_WIDE: ReadonlySet<Permission> = new Set<Permission>([
  "organization:update",
  "organization:close",
  "users:read",
  "users:write",
  "audit:read",
  "api_keys:read",
  "api_keys:write",
  "integrations:read",
  "integrations:write",
  "data:export",
  "workflows:write",
  "social_accounts:write",
]);

/** Higher may manage lower; nobody may hand out a rank above their own. */
export const ROLE_RANK: Record<UserRole, number> = {
  owner: 6,
  admin: 5,
  manager: 4,
  editor: 3,
  approver: 2,
  viewer: 1,
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function effectivePermissions(role: UserRole, overrides: PermissionOverrides = {}): Set<Permission> {
  const granted = new Set<Permission>(ROLE_PERMISSIONS[role]);
  for (const p of overrides.grant ?? []) if (isPermission(p)) granted.add(p);
  for (const p of overrides.revoke ?? []) if (isPermission(p)) granted.delete(p);
  return granted;
}

export function rolePermissions(role: UserRole): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
