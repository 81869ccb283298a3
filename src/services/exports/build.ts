/**
 * Builds an export in the background, one bounded chunk per step (the lifecycle consumer runs steps
 * for about a second per queue message, then sends the next): first a plan (each table's row count
 * and columns, the media count), then each table a chunk of rows at a time into
 * `<table>/part-NNNNN.ndjson.gz`, then the media files a few at a time into `media/<id>`, then
 * `manifest.json`. The export's row is the cursor; every step writes it only if it still has the
 * version the step read, so a repeated message never writes a chunk twice.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { type DataExport, dataExports, type ExportPlanTable } from "../../db/schema/data-exports.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveManifest,
  partName,
} from "../../platform/archive-format.ts";
import { listArchiveFiles, putManifest, putNdjsonPart } from "../archives/store.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { schemaVersion } from "../retention/archive.ts";
import { type ExportKey, type ExportTable, exportMedia, exportTables, SECRET_COLUMN } from "./scopes.ts";

/** Media files copied per step (each streamed from the media bucket, never held in memory). */
export const MEDIA_PER_CHUNK = 10;
/** How long a finished export stays downloadable before the nightly job deletes it. */
export const EXPORT_KEPT_DAYS = 7;

export const exportPrefix = (row: Pick<DataExport, "organizationId" | "id">) =>
  `exports/${row.organizationId}/${row.id}/`;

function rowsOf(ctx: TenantContext, spec: ExportTable): SQL {
  const organization = spec.organizationColumn === "id" ? sql`t.id` : sql`t.organization_id`;
  return sql`from ${sql.identifier(spec.table)} t where ${organization} = ${ctx.organizationId} and ${spec.where}`;
}

function catalog(db: Database, tables: readonly string[]) {
  return db.execute<{ table: string; name: string; type: string; generated: boolean }>(sql`
    select c.relname::text as table, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attgenerated <> '' as generated
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = 'public'::regnamespace and c.relname = any(${`{${tables.join(",")}}`}::text[])
      and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`);
}

/** The first step: counts, columns and the schema version, one round trip. */
async function plan(ctx: TenantContext, row: DataExport): Promise<void> {
  const specs = exportTables(row.scope, row.subject);
  const media = exportMedia(row.scope, row.subject);
  const found = await inTenant(ctx, (db) => ({
    counts: specs.map((spec) =>
      db.execute<{ n: number }>(sql`select count(*)::int as n ${rowsOf(ctx, spec)}`),
    ),
    media: media
      ? db.execute<{ n: number }>(
          sql`select count(*)::int as n from media_assets t where t.organization_id = ${ctx.organizationId} and ${media}`,
        )
      : undefined,
    columns: catalog(
      db,
      specs.map((s) => s.table),
    ),
    version: schemaVersion(db),
  }));
  const planned: ExportPlanTable[] = specs.map((spec, index) => {
    const all = found.columns.rows.filter((c) => c.table === spec.table);
    const excluded = all.filter((c) => c.generated || SECRET_COLUMN.test(c.name)).map((c) => c.name);
    return {
      table: spec.table,
      rows: found.counts[index]?.rows[0]?.n ?? 0,
      columns: all.filter((c) => !excluded.includes(c.name)).map(({ name, type }) => ({ name, type })),
      excluded,
    };
  });
  await inTenant(ctx, (db) => ({
    moved: advance(db, row, {
      status: "running",
      plan: planned,
      rowsTotal: planned.reduce((sum, t) => sum + t.rows, 0),
      mediaTotal: found.media?.rows[0]?.n ?? 0,
      schemaVersion: found.version.rows[0]?.version ?? null,
      startedAt: ctx.now(),
      step: 0,
      cursor: null,
      part: 0,
    }),
  }));
}

function advance(db: Database, row: DataExport, set: Partial<typeof dataExports.$inferInsert>) {
  return db
    .update(dataExports)
    .set({ ...set, version: sql`${dataExports.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(dataExports.id, row.id), eq(dataExports.version, row.version)))
    .returning({ id: dataExports.id });
}

/** How a table is read in order after `cursor` (the last key written, as `keyText` rendered it). */
function keyset(key: ExportKey, cursor: string | null) {
  if (key.kind === "uuid") {
    const column = sql`t.${sql.identifier(key.column)}`;
    return {
      order: column,
      keyText: sql`${column}::text`,
      after: cursor ? sql`and ${column} > ${cursor}::uuid` : sql``,
    };
  }
  if (key.kind === "time") {
    const column = sql`t.${sql.identifier(key.column)}`;
    const split = cursor?.lastIndexOf("|") ?? -1;
    return {
      order: sql`${column}, t.id`,
      keyText: sql`${column}::text || '|' || t.id::text`,
      after:
        cursor && split > 0
          ? sql`and (${column}, t.id) > (${cursor.slice(0, split)}::timestamptz, ${cursor.slice(split + 1)}::uuid)`
          : sql``,
    };
  }
  const text = sql`(${key.expr}) collate "C"`;
  return { order: text, keyText: sql`${key.expr}`, after: cursor ? sql`and ${text} > ${cursor}` : sql`` };
}

/** A chunk of one table's rows: one round trip to read, one R2 write, one round trip to move on. */
async function tableChunk(ctx: TenantContext, row: DataExport, planned: ExportPlanTable, limit: number) {
  const spec = exportTables(row.scope, row.subject).find((s) => s.table === planned.table);
  if (!spec) throw new Error(`export ${row.id}: table ${planned.table} is not in its scope any more`);
  const { order, keyText, after } = keyset(spec.key, row.cursor);
  const excluded = sql`${`{${planned.excluded.join(",")}}`}::text[]`;
  const { lines } = await inTenant(ctx, (db) => ({
    lines: db.execute<{ line: string; key: string }>(sql`
      select (to_jsonb(t) - ${excluded})::text as line, ${keyText} as key
      ${rowsOf(ctx, spec)} ${after}
      order by ${order} limit ${limit}`),
  }));
  const rows = lines.rows;
  const last = rows.at(-1);
  if (last) {
    await putNdjsonPart(
      ctx.config.ARCHIVES,
      `${exportPrefix(row)}${planned.table}/${partName(row.part + 1)}`,
      planned.table,
      rows.map((r) => r.line),
    );
  }
  const done = rows.length < limit;
  await inTenant(ctx, (db) => ({
    moved: advance(db, row, {
      step: done ? row.step + 1 : row.step,
      cursor: done ? null : (last?.key ?? null),
      part: done ? 0 : row.part + 1,
      rowsWritten: row.rowsWritten + rows.length,
      chunks: row.chunks + 1,
    }),
  }));
}

async function hashObject(bucket: R2Bucket, key: string): Promise<string | null> {
  const object = await bucket.get(key);
  if (!object) return null;
  const digest = new crypto.DigestStream("SHA-256");
  await object.body.pipeTo(digest);
  return Array.from(new Uint8Array(await digest.digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A few media files, copied from the media bucket as streams. R2 checks each copy against the
 * SHA-256 recorded at upload; a file missing from storage is left out (its row says what it was).
 */
async function mediaChunk(ctx: TenantContext, row: DataExport) {
  const which = exportMedia(row.scope, row.subject);
  const after = row.cursor ? sql`and t.id > ${row.cursor}::uuid` : sql``;
  const { assets } = await inTenant(ctx, (db) => ({
    assets: which
      ? db.execute<{ id: string; storage_key: string; mime_type: string; sha256: string | null }>(sql`
          select t.id::text as id, t.storage_key, t.mime_type, t.sha256 from media_assets t
          where t.organization_id = ${ctx.organizationId} and ${which} ${after}
          order by t.id limit ${MEDIA_PER_CHUNK}`)
      : undefined,
  }));
  const found = assets?.rows ?? [];
  for (const asset of found) {
    // An asset recorded without its hash (none is, since uploads hash their bytes) is hashed first.
    const sha256 = asset.sha256 ?? (await hashObject(ctx.config.MEDIA, asset.storage_key));
    const object = await ctx.config.MEDIA.get(asset.storage_key);
    if (!object || !sha256) continue;
    const fixed = new FixedLengthStream(object.size);
    await Promise.all([
      object.body.pipeTo(fixed.writable),
      ctx.config.ARCHIVES.put(`${exportPrefix(row)}media/${asset.id}`, fixed.readable, {
        httpMetadata: { contentType: asset.mime_type },
        customMetadata: { media_id: asset.id, content_type: asset.mime_type, sha256 },
        sha256,
      }),
    ]);
  }
  const done = found.length < MEDIA_PER_CHUNK;
  await inTenant(ctx, (db) => ({
    moved: advance(db, row, {
      step: done ? row.step + 1 : row.step,
      cursor: done ? null : (found.at(-1)?.id ?? null),
      mediaWritten: row.mediaWritten + found.length,
      chunks: row.chunks + 1,
    }),
  }));
}

/** The last step: the manifest from the files' metadata, then `completed`. */
async function finish(ctx: TenantContext, row: DataExport) {
  const prefix = exportPrefix(row);
  const files = await listArchiveFiles(ctx.config.ARCHIVES, prefix);
  const tables = row.plan.map((planned) => ({
    name: planned.table,
    rows: files.filter((f) => f.table === planned.table).reduce((sum, f) => sum + (f.rows ?? 0), 0),
    columns: planned.columns,
  }));
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    format_version: ARCHIVE_FORMAT_VERSION,
    kind: "export",
    schema_version: row.schemaVersion,
    organization_id: row.organizationId,
    created_at: ctx.now().toISOString(),
    time_range: null,
    scope: row.scope,
    subject: Object.fromEntries(Object.entries(row.subject).map(([k, v]) => [k, String(v)])),
    tables,
    files,
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
  };
  await putManifest(ctx.config.ARCHIVES, prefix, manifest);
  const now = ctx.now();
  await inTenant(ctx, (db) => ({
    moved: advance(db, row, {
      status: "completed",
      completedAt: now,
      expiresAt: new Date(now.getTime() + EXPORT_KEPT_DAYS * 86_400_000),
      step: row.plan.length + 2,
      cursor: null,
    }),
  }));
}

/** One step of an export; `more` while it is not finished. */
export async function runExportStep(
  config: Config,
  organizationId: string,
  exportId: string,
): Promise<{ more: boolean }> {
  const ctx = systemContext(config, organizationId, "export");
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(dataExports)
      .where(ownedBy(ctx, dataExports.organizationId, eq(dataExports.id, exportId))),
  }));
  const row = rows[0];
  if (!row || (row.status !== "queued" && row.status !== "running")) return { more: false };
  if (row.status === "queued") await plan(ctx, row);
  else if (row.step < row.plan.length)
    await tableChunk(ctx, row, row.plan[row.step]!, config.LIFECYCLE_CHUNK_ROWS);
  else if (row.step === row.plan.length) await mediaChunk(ctx, row);
  else {
    await finish(ctx, row);
    return { more: false };
  }
  return { more: true };
}
