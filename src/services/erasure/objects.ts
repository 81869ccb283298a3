/**
 * The person in R2, a bounded piece per step:
 * - exports (ARCHIVES `exports/`): every export of the organisation still held is deleted, a thousand
 *   files a step, and marked `expired` (a queued or running one `failed`), since each of them may
 *   hold the person, and an export is asked for again in a minute;
 * - retention archives (ARCHIVES `archives/`): one NDJSON part a step is read, the person's own rows
 *   dropped (an inbound author's items, and the sentiment of those items), their terms cut out of the
 *   others, and the part written again; then the manifest, so `npm run archives:verify` still passes;
 * - kept webhook deliveries (MEDIA `webhook-deliveries/failed/`) that name an inbound author: deleted
 *   (their failure rows stay, a replay then answers `delivery_not_kept`).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Platform } from "../../db/schema/columns.ts";
import { type DataArchive, dataArchives } from "../../db/schema/data-archives.ts";
import type { ErasureWorking } from "../../db/schema/erasures.ts";
import { inTenant } from "../../db/tenant.ts";
import { type ArchiveManifest, gunzipLines, isNdjson, MANIFEST_NAME } from "../../platform/archive-format.ts";
import { deleteSome, listArchiveFiles, putManifest, putNdjsonPart } from "../archives/store.ts";
import type { TenantContext } from "../context.ts";
import { exportPrefix } from "../exports/build.ts";
import { failedDeliveryKey } from "../inbound/delivery-archive.ts";
import { javascriptPattern, normalHandle, REMOVED } from "./terms.ts";

export interface ObjectStepResult {
  done: boolean;
  cursor?: string | null;
  removed?: Record<string, number>;
  redacted?: Record<string, number>;
  working?: ErasureWorking;
}

/** The next export still held (after `after`, by id): its files a thousand at a time, then its row. */
export async function exportsChunk(
  ctx: TenantContext,
  working: ErasureWorking,
  after: string | null,
): Promise<ObjectStepResult> {
  const { next } = await inTenant(ctx, (db) => ({
    next: db.execute<{ id: string; status: string }>(sql`
      select id::text, status from data_exports
      where organization_id = ${ctx.organizationId} and status <> 'expired' ${after ? sql`and id > ${after}::uuid` : sql``}
      order by id limit 1`),
  }));
  const found = next.rows[0];
  if (!found) return { done: true };
  const deleted = await deleteSome(
    ctx.config.ARCHIVES,
    exportPrefix({ organizationId: ctx.organizationId, id: found.id }),
  );
  if (deleted > 0) return { done: false, cursor: after, removed: { export_files: deleted } };
  const handles = JSON.stringify(working.handles.map((h) => `${h.platform}:${h.handle}`));
  await inTenant(ctx, (db) => ({
    closed: db.execute(sql`
      update data_exports
         set status = case when status = 'completed' then 'expired' else 'failed' end,
             error = case when status = 'completed' then error else 'Stopped by an erasure; ask for the export again.' end,
             expires_at = null, updated_at = now(), version = version + 1,
             subject = case when (subject->>'platform') || ':' || lower(ltrim(subject->>'handle', '@'))
                                 in (select jsonb_array_elements_text(${handles}::jsonb))
                            then subject - 'handle' else subject end
       where organization_id = ${ctx.organizationId} and id = ${found.id}`),
  }));
  return { done: false, cursor: found.id, removed: { exports: 1 } };
}

/** Sources whose rows can hold a person, in the order they are rewritten: items before their sentiment. */
const ARCHIVE_ORDER = ["inbound_items", "sentiment_analysis", "audit_logs"] as const;

/**
 * Cursor `<source index>:<archive id>:<part index>:<changed>`: the part of that archive to look at
 * next, and whether a part of it was written again (its manifest then is too).
 */
function parseArchiveCursor(cursor: string | null) {
  const [source, archive, part, changed] = (cursor ?? "").split(":");
  return {
    source: Number(source) || 0,
    archive: archive || null,
    part: Number(part) || 0,
    changed: changed === "1",
  };
}

type Row = Record<string, unknown>;

/** Replaces the terms in every string of a parsed row; answers whether anything changed. */
function scrubValue(value: unknown, pattern: RegExp): { value: unknown; changed: boolean } {
  if (typeof value === "string") {
    const next = value.replace(pattern, REMOVED);
    return { value: next, changed: next !== value };
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => scrubValue(v, pattern));
    return { value: parts.map((p) => p.value), changed: parts.some((p) => p.changed) };
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, scrubValue(v, pattern)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, p]) => [k, p.value])),
      changed: entries.some(([, p]) => p.changed),
    };
  }
  return { value, changed: false };
}

/** The next archive of the organisation to look at, in ARCHIVE_ORDER then id order. */
async function nextArchive(ctx: TenantContext, from: { source: number; archive: string | null }) {
  for (let source = from.source; source < ARCHIVE_ORDER.length; source++) {
    const after = source === from.source ? from.archive : null;
    const { rows } = await inTenant(ctx, (db) => ({
      rows: db
        .select()
        .from(dataArchives)
        .where(
          and(
            eq(dataArchives.organizationId, ctx.organizationId),
            eq(dataArchives.source, ARCHIVE_ORDER[source]!),
            after ? sql`${dataArchives.id} >= ${after}::uuid` : undefined,
          ),
        )
        .orderBy(dataArchives.id)
        .limit(1),
    }));
    if (rows[0]) return { source, archive: rows[0] };
  }
  return null;
}

/** Whether a row of `archive` is the person's own (dropped) rather than one that may name them. */
function ownRow(
  archive: DataArchive,
  row: Row,
  working: ErasureWorking,
  itemIds: ReadonlySet<string>,
): boolean {
  if (archive.source === "inbound_items") {
    return working.handles.some(
      (h) =>
        row.platform === h.platform &&
        typeof row.author_handle === "string" &&
        normalHandle(row.author_handle) === h.handle,
    );
  }
  if (archive.source === "sentiment_analysis") {
    return typeof row.inbound_item_id === "string" && itemIds.has(row.inbound_item_id);
  }
  return false;
}

/**
 * One part of one retention archive: the person's rows dropped, their terms cut out of the rest,
 * written again only when something changed; after an archive's last part its manifest is written
 * again from the parts. The ledger's row count follows (its version moves, so a retention step that
 * read it before writes nothing and reads it again).
 */
export async function archivesChunk(
  ctx: TenantContext,
  working: ErasureWorking,
  cursor: string | null,
): Promise<ObjectStepResult> {
  const at = parseArchiveCursor(cursor);
  const next = await nextArchive(ctx, at);
  if (!next) return { done: true };
  const { source, archive } = next;
  const same = archive.id === at.archive;
  const part = same ? at.part : 0;
  const changedBefore = same && at.changed;
  const bucket = ctx.config.ARCHIVES;
  const parts = (await listArchiveFiles(bucket, archive.prefix)).filter((f) => isNdjson(f.path));
  const file = parts[part];
  if (!file) {
    // Past the last part: the manifest (when there is one) counts the parts as they are now. Read
    // before the listing and written only if unchanged since, so another erasure rewriting the same
    // archive at once can never leave a manifest older than the parts.
    const held = changedBefore ? await bucket.get(`${archive.prefix}${MANIFEST_NAME}`) : null;
    if (held) {
      const manifest = (await held.json()) as ArchiveManifest;
      const files = await listArchiveFiles(bucket, archive.prefix);
      const rows = files.reduce((sum, f) => sum + (f.rows ?? 0), 0);
      const tables = manifest.tables.map((t) => ({ ...t, rows }));
      const written = await putManifest(
        bucket,
        archive.prefix,
        { ...manifest, files, tables, rows },
        { etagMatches: held.etag },
      );
      if (!written) return { done: false, cursor };
    }
    return { done: false, cursor: `${source}:${nextId(archive.id)}:0:0` };
  }
  const pattern = javascriptPattern(working.terms);
  const itemIds = new Set(working.item_ids);
  const object = await bucket.get(`${archive.prefix}${file.path}`);
  if (!object) return { done: false, cursor: `${source}:${archive.id}:${part + 1}:${changedBefore ? 1 : 0}` };
  const lines = await gunzipLines(new Uint8Array(await object.arrayBuffer()));
  const kept: string[] = [];
  const dropped: string[] = [];
  let redacted = 0;
  for (const line of lines) {
    const row = JSON.parse(line) as Row;
    if (ownRow(archive, row, working, itemIds)) {
      dropped.push(String(row.id));
      continue;
    }
    const scrubbed = pattern ? scrubValue(row, pattern) : { value: row, changed: false };
    if (scrubbed.changed) redacted += 1;
    kept.push(scrubbed.changed ? JSON.stringify(scrubbed.value) : line);
  }
  if (dropped.length === 0 && redacted === 0) {
    return { done: false, cursor: `${source}:${archive.id}:${part + 1}:${changedBefore ? 1 : 0}` };
  }
  const nextCursor = `${source}:${archive.id}:${part + 1}:1`;
  // Only over the part as read: a part another erasure rewrote meanwhile is read again.
  const written = await putNdjsonPart(bucket, `${archive.prefix}${file.path}`, archive.source, kept, {
    etagMatches: object.etag,
  });
  if (!written) return { done: false, cursor };
  if (dropped.length > 0) {
    await inTenant(ctx, (db) => ({
      ledger: db
        .update(dataArchives)
        .set({
          rows: sql`greatest(${dataArchives.rows} - ${dropped.length}, 0)`,
          version: sql`${dataArchives.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(dataArchives.organizationId, ctx.organizationId), eq(dataArchives.id, archive.id))),
    }));
  }
  return {
    done: false,
    cursor: nextCursor,
    removed: dropped.length > 0 ? { archived_rows: dropped.length } : {},
    redacted: { archive_parts: 1, ...(redacted > 0 ? { archived_rows: redacted } : {}) },
    ...(archive.source === "inbound_items" && dropped.length > 0
      ? { working: { ...working, item_ids: [...working.item_ids, ...dropped] } }
      : {}),
  };
}

/** The smallest uuid after `id`, so the next archive is looked for strictly after this one. */
function nextId(id: string): string {
  const hex = id.replaceAll("-", "");
  const next = (BigInt(`0x${hex}`) + 1n).toString(16).padStart(32, "0");
  return `${next.slice(0, 8)}-${next.slice(8, 12)}-${next.slice(12, 16)}-${next.slice(16, 20)}-${next.slice(20)}`;
}

/** Kept deliveries of the author's platform, a few failure rows a step: those naming them deleted from R2. */
export async function keptDeliveriesChunk(
  ctx: TenantContext,
  working: ErasureWorking,
  after: string | null,
  limit: number,
): Promise<ObjectStepResult> {
  const platforms = [...new Set(working.handles.map((h) => h.platform))];
  const pattern = javascriptPattern(working.terms);
  if (platforms.length === 0 || !pattern) return { done: true };
  const { failures } = await inTenant(ctx, (db) => ({
    failures: db.execute<{ id: string; platform: Platform; delivery_id: string }>(sql`
      select id::text, platform, delivery_id from inbound_failures
      where organization_id = ${ctx.organizationId} and platform = any(${`{${platforms.join(",")}}`}::text[])
        ${after ? sql`and id > ${after}::uuid` : sql``}
      order by id limit ${limit}`),
  }));
  let deleted = 0;
  for (const failure of failures.rows) {
    const key = failedDeliveryKey({ platform: failure.platform, delivery_id: failure.delivery_id });
    const kept = await ctx.config.MEDIA.get(key);
    if (!kept) continue;
    pattern.lastIndex = 0;
    if (pattern.test(await kept.text())) {
      await ctx.config.MEDIA.delete(key);
      deleted += 1;
    }
  }
  const last = failures.rows.at(-1);
  return {
    done: failures.rows.length < limit,
    cursor: last?.id ?? after,
    removed: deleted > 0 ? { kept_deliveries: deleted } : {},
  };
}
