/**
 * One organisation's rows of one period of a time series, archived then deleted, a bounded chunk per
 * step (data_archives is the ledger a step resumes from):
 *   writing   a chunk of rows after the cursor → `part-NNNNN.ndjson.gz`; the last chunk writes
 *             `manifest.json` (from the parts' metadata) and marks the archive `archived`;
 *   archived  try dropping the period's whole partition (every organisation's rows in it archived);
 *             otherwise `deleting` (audit logs, which cannot lose single rows, wait for the drop);
 *   deleting  a chunk of the archived rows (never past the cursor) per step, then `deleted`.
 * Every write to the ledger is conditional on the version the step read, so two runs at once never
 * both advance it; a part written twice holds the same rows. Rows of a period older than its
 * retention are no longer written (each is stamped with the time it is written), so a period does
 * not change under an archive; should it anyway, the count check before deleting notices and a new
 * archive covers the period.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type ArchiveSource, type DataArchive, dataArchives } from "../../db/schema/data-archives.ts";
import { inTenant } from "../../db/tenant.ts";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveManifest,
  partName,
} from "../../platform/archive-format.ts";
import { listArchiveFiles, putManifest, putNdjsonPart } from "../archives/store.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { GENERATED_COLUMNS, periodLabel, SOURCES, type SourceSpec } from "./sources.ts";

/** Where an archive of `source` for the period starting at `start` lives. */
export const archivePrefix = (organizationId: string, spec: SourceSpec, start: Date, id: string) =>
  `archives/${organizationId}/${spec.source}/${periodLabel(spec, start)}/${id}/`;

/** Creates the ledger row of a new archive; nothing when one is already under way for the period. */
export async function startArchive(
  ctx: TenantContext,
  source: ArchiveSource,
  period: { start: Date; end: Date },
) {
  const id = crypto.randomUUID();
  const spec = SOURCES[source];
  await inTenant(ctx, (db) => ({
    ledger: db
      .insert(dataArchives)
      .values({
        id,
        organizationId: ctx.organizationId,
        source,
        periodStart: period.start,
        periodEnd: period.end,
        prefix: archivePrefix(ctx.organizationId, spec, period.start, id),
      })
      .onConflictDoNothing(),
  }));
}

/** The columns a restore recreates, as the catalog types them (generated ones are not archived). */
export function tableColumns(db: Database, table: string) {
  return db.execute<{ name: string; type: string }>(sql`
    select a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a
    where a.attrelid = to_regclass(${`public.${table}`}) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by a.attnum`);
}

export const schemaVersion = (db: Database) =>
  db.execute<{ version: number | null }>(sql`select archive_schema_version() as version`);

const excludedColumns = (source: ArchiveSource) =>
  sql`${`{${(GENERATED_COLUMNS[source] ?? []).join(",")}}`}::text[]`;

/** The ledger row moved on from `archive.version`, or nothing when another run moved it first. */
function advance(db: Database, archive: DataArchive, set: Partial<typeof dataArchives.$inferInsert>) {
  return db
    .update(dataArchives)
    .set({ ...set, version: sql`${dataArchives.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(dataArchives.id, archive.id), eq(dataArchives.version, archive.version)))
    .returning({ id: dataArchives.id });
}

/**
 * Writes the next chunk of an archive: one round trip to read, one R2 write, one round trip to move
 * the cursor. A chunk shorter than `limit` is the last: the manifest follows, then `archived`.
 */
export async function writeArchiveChunk(
  ctx: TenantContext,
  archive: DataArchive,
  limit: number,
): Promise<void> {
  const spec = SOURCES[archive.source];
  const time = sql.identifier(spec.timeColumn);
  const table = sql.identifier(spec.source);
  const after =
    archive.cursorAt && archive.cursorId
      ? sql`and (t.${time}, t.id) > (${archive.cursorAt}::timestamptz, ${archive.cursorId}::uuid)`
      : sql``;
  const { rows, columns, version } = await inTenant(ctx, (db) => ({
    rows: db.execute<{ line: string; at: string; id: string }>(sql`
      select (to_jsonb(t) - ${excludedColumns(spec.source)})::text as line, t.${time}::text as at, t.id::text as id
      from ${table} t
      where t.organization_id = ${ctx.organizationId}
        and t.${time} >= ${archive.periodStart.toISOString()}::timestamptz
        and t.${time} < ${archive.periodEnd.toISOString()}::timestamptz ${after}
      order by t.${time}, t.id
      limit ${limit}`),
    columns: tableColumns(db, spec.source),
    version: schemaVersion(db),
  }));
  const lines = rows.rows;
  const last = lines.at(-1);
  if (last) {
    await putNdjsonPart(
      ctx.config.ARCHIVES,
      `${archive.prefix}${partName(archive.parts + 1)}`,
      spec.source,
      lines.map((r) => r.line),
    );
  }
  const moved = {
    ...(last ? { cursorAt: last.at, cursorId: last.id, parts: archive.parts + 1 } : {}),
    rows: archive.rows + lines.length,
  };
  if (lines.length === limit) {
    await inTenant(ctx, (db) => ({ moved: advance(db, archive, moved) }));
    return;
  }
  const files = await listArchiveFiles(ctx.config.ARCHIVES, archive.prefix);
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    format_version: ARCHIVE_FORMAT_VERSION,
    kind: "retention",
    schema_version: version.rows[0]?.version ?? null,
    organization_id: ctx.organizationId,
    created_at: ctx.now().toISOString(),
    time_range: { from: archive.periodStart.toISOString(), to: archive.periodEnd.toISOString() },
    tables: [{ name: spec.source, rows: moved.rows, columns: columns.rows, time_column: spec.timeColumn }],
    files,
    rows: moved.rows,
  };
  await putManifest(ctx.config.ARCHIVES, archive.prefix, manifest);
  await inTenant(ctx, (db) => ({
    moved: advance(db, archive, { ...moved, status: "archived", archivedAt: ctx.now() }),
    audit: auditEntry(ctx, db, {
      action: "retention.archive",
      entityType: "data_archive",
      entityId: archive.id,
      changes: {
        source: spec.source,
        period_start: archive.periodStart.toISOString(),
        period_end: archive.periodEnd.toISOString(),
        rows: moved.rows,
        files: files.length,
      },
      guard: dataArchives,
    }),
  }));
}

/**
 * An archived period: drops its whole partition when every organisation's rows in it are archived
 * (the function checks, as the owner); otherwise compares the organisation's rows with the archive
 * and starts deleting them, or for audit logs waits for the next night's try.
 */
export async function settleArchive(ctx: TenantContext, archive: DataArchive): Promise<void> {
  const spec = SOURCES[archive.source];
  const time = sql.identifier(spec.timeColumn);
  const { dropped, held } = await inTenant(ctx, (db) => ({
    dropped: db.execute<{ dropped: boolean }>(
      sql`select retention_drop_partition(${spec.source}, ${archive.periodStart.toISOString()}::timestamptz) as dropped`,
    ),
    held: db.execute<{ rows: number }>(sql`
      select count(*)::int as rows from ${sql.identifier(spec.source)} t
      where t.organization_id = ${ctx.organizationId}
        and t.${time} >= ${archive.periodStart.toISOString()}::timestamptz
        and t.${time} < ${archive.periodEnd.toISOString()}::timestamptz`),
  }));
  if (dropped.rows[0]?.dropped) return;
  const rows = held.rows[0]?.rows ?? 0;
  const next: Partial<typeof dataArchives.$inferInsert> =
    rows > archive.rows
      ? { status: "superseded" }
      : spec.deletable
        ? { status: "deleting", dropCheckedAt: ctx.now() }
        : { dropCheckedAt: ctx.now() };
  await inTenant(ctx, (db) => ({ moved: advance(db, archive, next) }));
}

/**
 * Deletes the next chunk of an archived period's rows (never one after the archive's cursor): one
 * round trip, the ledger counting them in the same statement. The last chunk marks the archive
 * `deleted` with its audit row, then tries to drop the partition, which may now hold only rows that
 * other organisations have archived.
 */
export async function deleteArchivedChunk(
  ctx: TenantContext,
  archive: DataArchive,
  limit: number,
): Promise<void> {
  const spec = SOURCES[archive.source];
  const time = sql.identifier(spec.timeColumn);
  const table = sql.identifier(spec.source);
  const upTo =
    archive.cursorAt && archive.cursorId
      ? sql`(t.${time}, t.id) <= (${archive.cursorAt}::timestamptz, ${archive.cursorId}::uuid)`
      : sql`false`;
  const { ledger } = await inTenant(ctx, (db) => ({
    ledger: db.execute<{ status: string }>(sql`
      with doomed as (
        select t.id, t.${time} as at from ${table} t
        where t.organization_id = ${ctx.organizationId}
          and t.${time} >= ${archive.periodStart.toISOString()}::timestamptz
          and t.${time} < ${archive.periodEnd.toISOString()}::timestamptz and ${upTo}
        limit ${limit}
      ),
      gone as (delete from ${table} t using doomed d where t.id = d.id and t.${time} = d.at returning 1),
      counted as (select count(*)::int as n from gone)
      update data_archives a
         set deleted_rows = a.deleted_rows + counted.n, version = a.version + 1, updated_at = now(),
             status = case when counted.n < ${limit} then 'deleted' else a.status end,
             purged_at = case when counted.n < ${limit} then now() else a.purged_at end
        from counted
       where a.id = ${archive.id} and a.version = ${archive.version}
      returning a.status`),
    audit: db.execute(sql`
      insert into audit_logs (organization_id, actor_type, action, entity_type, entity_id, changes)
      select a.organization_id, 'system', 'retention.delete', 'data_archive', a.id,
             jsonb_build_object('source', a.source, 'period_start', a.period_start, 'period_end', a.period_end,
                                'rows', a.deleted_rows)
      from data_archives a
      where a.id = ${archive.id} and a.status = 'deleted' and a.xmin = pg_current_xact_id()::xid`),
  }));
  if (ledger.rows[0]?.status !== "deleted") return;
  await inTenant(ctx, (db) => ({
    dropped: db.execute(
      sql`select retention_drop_partition(${spec.source}, ${archive.periodStart.toISOString()}::timestamptz)`,
    ),
  }));
}
