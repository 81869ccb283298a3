/** Retention and exports from a test: old rows, whole runs step by step, archives read back. */
import { env } from "cloudflare:workers";
import { and, eq, sql } from "drizzle-orm";
import { type DataArchive, dataArchives } from "../../src/db/schema/data-archives.ts";
import { dataExports } from "../../src/db/schema/data-exports.ts";
import { engagementMetrics } from "../../src/db/schema/engagement-metrics.ts";
import { erasures } from "../../src/db/schema/erasures.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { type ArchiveReader, gunzipLines } from "../../src/platform/archive-format.ts";
import { runExportStep } from "../../src/services/exports/build.ts";
import { runRetentionStep } from "../../src/services/retention/step.ts";
import { createPublishedPost } from "./publishing.ts";
import { testDb } from "./tenants.ts";

export const config = () => loadConfig(env);

/** Noon on the 15th, `months` months before this month (UTC): well inside that month's partition. */
export function monthsAgo(months: number, day = 15): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 12));
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** Partitions from `from`'s month on exist (the nightly job only makes them from this month). */
export async function ensurePartitionsFrom(from: Date): Promise<void> {
  await testDb().execute(sql`select ensure_partitions(${from.toISOString().slice(0, 10)}::date, 0)`);
}

/** `count` measurements of one new published post, a minute apart from `at`. */
export async function insertMetrics(organizationId: string, at: Date, count: number): Promise<string[]> {
  const post = await createPublishedPost(organizationId, "published");
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.insert(engagementMetrics).values(
      ids.map((id, i) => ({
        id,
        organizationId,
        publishedPostId: post.id,
        platform: "x" as const,
        impressions: 100 + i,
        likes: i,
        measuredAt: new Date(at.getTime() + i * 60_000),
      })),
    ),
  }));
  return ids;
}

export async function metricsCount(organizationId: string): Promise<number> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select({ n: sql<number>`count(*)::int` })
      .from(engagementMetrics)
      .where(eq(engagementMetrics.organizationId, organizationId)),
  }));
  return rows[0]?.n ?? 0;
}

/** Runs an organisation's retention to the end, step by step as the queue would; answers the steps. */
export async function runRetention(organizationId: string, asOf = new Date()): Promise<string[]> {
  const steps: string[] = [];
  for (let i = 0; i < 500; i++) {
    const step = await runRetentionStep(config(), organizationId, asOf);
    steps.push(step.did);
    if (!step.more) return steps;
  }
  throw new Error(`retention did not finish: ${steps.slice(-5).join(", ")}`);
}

export async function archivesOf(organizationId: string): Promise<DataArchive[]> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(dataArchives)
      .where(eq(dataArchives.organizationId, organizationId))
      .orderBy(dataArchives.periodStart, dataArchives.createdAt),
  }));
  return rows;
}

export async function exportRow(organizationId: string, id: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.organizationId, organizationId), eq(dataExports.id, id))),
  }));
  return rows[0];
}

/** Runs an export to the end without the queue; answers its row after each step. */
export async function runExport(organizationId: string, id: string) {
  const seen = [];
  for (let i = 0; i < 500; i++) {
    const { more } = await runExportStep(config(), organizationId, id);
    seen.push(await exportRow(organizationId, id));
    if (!more) return seen;
  }
  throw new Error("the export did not finish");
}

/** The archives bucket as the archive format reads it. */
export const archivesReader = (): ArchiveReader => ({
  async get(key) {
    const object = await env.ARCHIVES.get(key);
    return object ? new Uint8Array(await object.arrayBuffer()) : null;
  },
});

export async function ndjsonRows(
  reader: ArchiveReader,
  key: string,
): Promise<Array<Record<string, unknown>>> {
  const bytes = await reader.get(key);
  if (!bytes) throw new Error(`${key} is missing`);
  return (await gunzipLines(bytes)).map((line) => JSON.parse(line) as Record<string, unknown>);
}

export async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.ARCHIVES.list({ prefix, ...(cursor ? { cursor } : {}) });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** The files of a tar archive (ustar, as the export download writes it), by path. */
export function untar(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const text = (from: number, length: number) =>
    new TextDecoder().decode(bytes.subarray(from, from + length)).replace(/\0.*$/s, "");
  let offset = 0;
  while (offset + 512 <= bytes.length) {
    const name = text(offset, 100);
    if (!name) break;
    const prefix = text(offset + 345, 155);
    const size = Number.parseInt(text(offset + 124, 12).trim(), 8);
    const path = prefix ? `${prefix}/${name}` : name;
    files.set(path, bytes.slice(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** A reader over a downloaded tar whose files sit under `folder/`. */
export const tarReader = (files: Map<string, Uint8Array>, folder: string): ArchiveReader => ({
  async get(key) {
    return files.get(`${folder}${key}`) ?? null;
  },
});

/** Marks a row soft-deleted at `when` (as if deleted then). */
export async function softDeletedAt(
  organizationId: string,
  table: "content" | "media_assets" | "events" | "delegates",
  id: string,
  when: Date,
): Promise<void> {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    updated: db.execute(
      sql`update ${sql.identifier(table)} set deleted_at = ${when.toISOString()}::timestamptz where id = ${id}`,
    ),
  }));
}

/** Whether `id` is still a row of `table` (deleted or not). */
export async function rowExists(organizationId: string, table: string, id: string): Promise<boolean> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.execute<{ found: boolean }>(
      sql`select exists (select 1 from ${sql.identifier(table)} where id = ${id}) as found`,
    ),
  }));
  return rows.rows[0]?.found === true;
}

/** The organisation's audit rows of `action`. */
export async function auditRowsOf(organizationId: string, action: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.execute<{
      entity_type: string;
      entity_id: string | null;
      changes: Record<string, unknown>;
      actor_type: string;
    }>(
      sql`select entity_type, entity_id::text as entity_id, changes, actor_type from audit_logs
          where organization_id = ${organizationId} and action = ${action} order by created_at`,
    ),
  }));
  return rows.rows;
}

/** An export row of the organisation (nothing built): enough for reads and cross-tenant checks. */
export async function createExportRow(organizationId: string) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db.insert(dataExports).values({ organizationId, scope: "organization" }).returning(),
  }));
  return inserted[0]!;
}

/** A finished erasure row of the organisation (nothing erased): enough for reads and cross-tenant checks. */
export async function createErasureRow(organizationId: string) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(erasures)
      .values({ organizationId, subjectType: "user", subjectId: crypto.randomUUID(), status: "completed" })
      .returning(),
  }));
  return inserted[0]!;
}
