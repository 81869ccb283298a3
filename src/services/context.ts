/**
 * What every service verb receives: who acts, for which organisation, with which database, and the
 * request facts the audit trail records. No Hono types: queues and Durable Objects build it too.
 */
import { createDb, type Database } from "../db/client.ts";
import type { UserRole } from "../db/schema/users.ts";
import type { IdempotencyClaim, UserAccessCheck } from "../db/tenant.ts";
import type { Config } from "../env.ts";
import type { Permission } from "./auth/permissions.ts";

export type Actor =
  | { type: "user"; userId: string; role: UserRole; permissions: ReadonlySet<Permission> }
  | { type: "system"; name: string }
  /** Someone without an account acting through a signed link (an outside approver). */
  | { type: "external"; name: string; email: string }
  /** An organisation's API key (services/api-keys): audited as the key, never as its creator. */
  | { type: "api_key"; keyId: string; permissions: ReadonlySet<Permission>; eventId: string | null }
  | { type: "anonymous" };

export interface RequestFacts {
  ip: string | null;
  userAgent: string | null;
}

export interface ServiceContext {
  db: Database;
  /** The parsed configuration, bindings included: the one way to them (src/env.ts). */
  config: Config;
  request: RequestFacts;
  now: () => Date;
}

/** A context bound to one organisation: everything tenant-owned goes through one of these. */
export interface TenantContext extends ServiceContext {
  organizationId: string;
  actor: Actor;
  idempotency?: IdempotencyClaim;
  /**
   * An API key limited to one event, or a user limited to some: row-level security leaves only those
   * events' rows (db/tenant.ts).
   */
  eventScope?: readonly string[];
  /** A signed-in user's request: every batch first checks their access still holds (db/tenant.ts). */
  userAccess?: UserAccessCheck;
  /** A request that writes: every batch first checks the organisation is not closing (db/tenant.ts). */
  closingGuard?: boolean;
}

export function actorUserId(actor: Actor): string | null {
  return actor.type === "user" ? actor.userId : null;
}

/** What a user or an API key may do; undefined for actors that no permission governs. */
export function actorPermissions(actor: Actor): ReadonlySet<Permission> | undefined {
  return actor.type === "user" || actor.type === "api_key" ? actor.permissions : undefined;
}

/**
 * The context of work no request started (a queue message, a cron job, a Durable Object): one
 * organisation, the system `name` as actor, no request facts. `db` and `now` may be shared by a job.
 */
export function systemContext(
  config: Config,
  organizationId: string,
  name: string,
  shared: Partial<Pick<ServiceContext, "db" | "now">> = {},
): TenantContext {
  return {
    db: shared.db ?? createDb(config),
    config,
    request: { ip: null, userAgent: null },
    now: shared.now ?? (() => new Date()),
    organizationId,
    actor: { type: "system", name },
  };
}
