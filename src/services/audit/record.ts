/**
 * Audit rows, written in the same batch as the change they describe. A guarded entry is inserted
 * only if this transaction really wrote the entity's row (its `xmin` is the current transaction), so
 * a conditional update that matched nothing leaves no audit row behind.
 */
import { is, SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.ts";
import { type AuditActorType, type AuditChanges, auditLogs } from "../../db/schema/audit-logs.ts";
import { type Actor, actorUserId, type TenantContext } from "../context.ts";

/** Secret-bearing keys, matched by whole snake_case parts: `password_hash` yes, `brand_hashtags` no. */
const SECRET_FIELD = /(^|_)(password|secret|token|tokens|hash)(_|$)|(^|_)(recovery|totp)_codes?$/i;

/**
 * Fields that can hold a person's data (names, addresses, handles, free text that may name someone):
 * the trail records that they changed, never their value, so erasing a person (services/erasure)
 * leaves nothing of them in rows that can never change. The ids around them stay. Mirrored once by
 * migrations/0029_erasure.sql, which brought the rows written before in line.
 */
export const PERSONAL_FIELD =
  /^(first_name|last_name|title|text|hashtags|designation|photo_url|author_name|blocked_authors|allowed_authors)$|(^|_)(email|emails|handle|handles|username|caption|comment|filename)(_|$)/;

/** Replaces secret values with "[redacted]" and personal ones with "[withheld]", anywhere in the object. */
export function redact(changes: AuditChanges): AuditChanges {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object" && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          SECRET_FIELD.test(k) ? "[redacted]" : PERSONAL_FIELD.test(k) ? "[withheld]" : walk(v),
        ]),
      );
    }
    return value;
  };
  return walk(changes) as AuditChanges;
}

/** `{ field: { from, to } }` for the fields whose value changed. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before[field];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

export interface AuditEntry {
  /** `entity.verb`, e.g. `user.update`. */
  action: string;
  entityType: string;
  entityId: string;
  changes?: AuditChanges;
  /**
   * The entity's table: write the row only if this transaction wrote that entity. Or a condition of
   * its own, for a change that lands in other rows than the entity's (an event's publishing pauses).
   */
  guard?: PgTable | SQL;
}

/** Who an audit row names: the user, or the API key (its id, never its creator), and the actor type. */
export function auditActor(actor: Actor): {
  userId: string | null;
  apiKeyId: string | null;
  actorType: AuditActorType;
} {
  return {
    userId: actorUserId(actor),
    apiKeyId: actor.type === "api_key" ? actor.keyId : null,
    actorType: actor.type === "anonymous" ? "user" : actor.type,
  };
}

export function auditEntry(ctx: TenantContext, db: Database, entry: AuditEntry) {
  const { actor } = ctx;
  // An outside actor has no user row: who they are travels with the change itself.
  const external = actor.type === "external" ? { actor: { name: actor.name, email: actor.email } } : {};
  const values = {
    organizationId: ctx.organizationId,
    ...auditActor(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: redact({ ...external, ...(entry.changes ?? {}) }),
    ipAddress: ctx.request.ip,
    userAgent: ctx.request.userAgent,
  };
  if (!entry.guard) return db.insert(auditLogs).values(values);
  return db.execute(sql`
    insert into audit_logs (organization_id, user_id, api_key_id, actor_type, action, entity_type, entity_id, changes, ip_address, user_agent)
    select ${values.organizationId}, ${values.userId}, ${values.apiKeyId}, ${values.actorType}, ${values.action}, ${values.entityType},
           ${values.entityId}, ${JSON.stringify(values.changes)}::jsonb, ${values.ipAddress}, ${values.userAgent}
    where ${is(entry.guard, SQL) ? entry.guard : sql`exists (select 1 from ${entry.guard} where id = ${entry.entityId} and xmin = pg_current_xact_id()::xid)`}`);
}
