/**
 * Soft-deleted rows past `SOFT_DELETE_RETENTION_DAYS` are deleted for good, a bounded chunk of one
 * table per step, each chunk with its audit row (the table and a count: no personal data). A media
 * asset's bytes leave R2 before its row, so a retry after a failure still knows which bytes to
 * delete; an asset that live content still shows is kept. An event's big dependents (delegates, sentiment rows, inbound items pointing at it)
 * go in chunks of their own before the event, so no single statement cascades without bound.
 * Organisations themselves are not purged here: that is erasure of the whole tenant.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { inTenant } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";

/** Tables with `deleted_at`, children before the parents they belong to. */
export const PURGED_TABLES = [
  "content",
  "media_assets",
  "delegates",
  "event_phases",
  "campaigns",
  "content_templates",
  "approval_workflows",
  "social_accounts",
  "inbound_items",
  "events",
  "users",
] as const;
export type PurgedTable = (typeof PURGED_TABLES)[number];

/** Events purged per step: each brings its dependents' chunks along. */
const EVENTS_PER_STEP = 20;

export type PurgeCandidate = { id: string; storage_key: string | null };

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** The next chunk of each table's rows due for purging (one statement each, in the survey batch). */
export function purgeCandidates(ctx: TenantContext, db: Database, cutoff: Date, limit: number) {
  return PURGED_TABLES.map((table) => {
    const inUse =
      table === "media_assets"
        ? sql`and not exists (select 1 from content c where c.organization_id = t.organization_id
              and c.media_assets @> array[t.id] and (c.deleted_at is null or c.deleted_at >= ${cutoff.toISOString()}::timestamptz))`
        : sql``;
    return db.execute<PurgeCandidate>(sql`
      select t.id::text as id, ${table === "media_assets" ? sql`t.storage_key` : sql`null::text`} as storage_key
      from ${sql.identifier(table)} t
      where t.organization_id = ${ctx.organizationId} and t.deleted_at < ${cutoff.toISOString()}::timestamptz ${inUse}
      order by t.deleted_at, t.id
      limit ${table === "events" ? Math.min(limit, EVENTS_PER_STEP) : limit}`);
  });
}

/**
 * `with gone as (<delete … returning 1>)` and the audit row counting it, in one statement: the row
 * is written only when something went, and always with it.
 */
function auditedDelete(ctx: TenantContext, db: Database, table: string, cutoff: Date, deletion: SQL) {
  return db.execute<{ rows: number }>(sql`
    with gone as (${deletion}),
    audit as (
      insert into audit_logs (organization_id, actor_type, action, entity_type, entity_id, changes)
      select ${ctx.organizationId}, 'system', 'retention.purge', 'organization', ${ctx.organizationId},
             jsonb_build_object('table', ${table}::text, 'rows', count(*), 'deleted_before', ${cutoff.toISOString()}::timestamptz)
      from gone having count(*) > 0
    )
    select count(*)::int as rows from gone`);
}

const purgeRows = (ctx: TenantContext, db: Database, table: PurgedTable, ids: string[], cutoff: Date) =>
  auditedDelete(
    ctx,
    db,
    table,
    cutoff,
    sql`delete from ${sql.identifier(table)} t where t.organization_id = ${ctx.organizationId}
        and t.id = any(${uuidArray(ids)}) and t.deleted_at < ${cutoff.toISOString()}::timestamptz returning 1`,
  );

/**
 * Purges one chunk of `table`'s candidates: one R2 delete for media bytes, one round trip. Answers
 * how many rows went. An event goes only once nothing big points at it any more: its dependents go a
 * chunk each per step (inbound items outlive it, their `event_id` set null here as its key would).
 */
export async function purgeChunk(
  ctx: TenantContext,
  table: PurgedTable,
  candidates: readonly PurgeCandidate[],
  cutoff: Date,
  limit: number,
): Promise<number> {
  const ids = candidates.map((c) => c.id);
  if (table === "media_assets") {
    const keys = candidates.flatMap((c) => (c.storage_key ? [c.storage_key] : []));
    if (keys.length > 0) await ctx.config.MEDIA.delete(keys);
  }
  if (table !== "events") {
    const { gone } = await inTenant(ctx, (db) => ({ gone: purgeRows(ctx, db, table, ids, cutoff) }));
    return gone.rows[0]?.rows ?? 0;
  }
  const org = ctx.organizationId;
  const events = uuidArray(ids);
  const done = await inTenant(ctx, (db) => ({
    delegates: auditedDelete(
      ctx,
      db,
      "delegates",
      cutoff,
      sql`delete from delegates where id in (select id from delegates where organization_id = ${org}
          and event_id = any(${events}) limit ${limit}) returning 1`,
    ),
    sentiment: auditedDelete(
      ctx,
      db,
      "sentiment_analysis",
      cutoff,
      sql`delete from sentiment_analysis where (id, analyzed_at) in (select id, analyzed_at from sentiment_analysis
          where organization_id = ${org} and event_id = any(${events}) limit ${limit}) returning 1`,
    ),
    inbound: db.execute(sql`update inbound_items set event_id = null where (id, received_at) in (
        select id, received_at from inbound_items where organization_id = ${org} and event_id = any(${events})
        limit ${limit})`),
    events: auditedDelete(
      ctx,
      db,
      "events",
      cutoff,
      sql`delete from events t where t.organization_id = ${org} and t.id = any(${events})
          and t.deleted_at < ${cutoff.toISOString()}::timestamptz
          and not exists (select 1 from delegates d where d.event_id = t.id)
          and not exists (select 1 from sentiment_analysis s where s.event_id = t.id)
          and not exists (select 1 from inbound_items i where i.event_id = t.id)
          returning 1`,
    ),
  }));
  return (
    (done.events.rows[0]?.rows ?? 0) +
    (done.delegates.rows[0]?.rows ?? 0) +
    (done.sentiment.rows[0]?.rows ?? 0)
  );
}
