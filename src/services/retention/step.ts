/**
 * The nightly retention of one organisation, one bounded step at a time: the queue consumer runs
 * steps for about a second and, while there is more, sends the organisation's message again, so a
 * Worker invocation's limits hold however large the backlog. A step surveys what is due (one round
 * trip) and does the first of, in order: expire an export, purge a chunk of soft-deleted rows, write
 * a chunk of an archive, delete a chunk of archived rows, settle a finished archive, start the next
 * archive. Everything it decides from is in Postgres, so an interrupted run resumes where it stopped
 * and a second run finds nothing to do.
 */
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { ARCHIVE_SOURCES, type ArchiveSource, dataArchives } from "../../db/schema/data-archives.ts";
import { dataExports } from "../../db/schema/data-exports.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { expireExport, resumeExport } from "../exports/housekeeping.ts";
import { deleteArchivedChunk, settleArchive, startArchive, writeArchiveChunk } from "./archive.ts";
import { PURGED_TABLES, purgeCandidates, purgeChunk } from "./purge.ts";
import { AUDIT_RETENTION_YEARS, periodOf, SOFT_DELETE_RETENTION_DAYS, SOURCES } from "./sources.ts";

/** A finished archive whose partition could not be dropped is tried again after this long. */
const DROP_RETRY_MS = 12 * 3600_000;
/** An export nobody stepped for this long lost its message: it is sent again. */
export const STALE_EXPORT_MS = 15 * 60_000;
const PURGE_CHUNK = 500;

export type StepResult = { more: boolean; did: string };

/** When the oldest row of `source` due for archiving (past the settings' cutoff) was stamped, as epoch ms. */
function oldestDue(ctx: TenantContext, db: Database, source: ArchiveSource, asOf: Date) {
  const spec = SOURCES[source];
  const time = sql.identifier(spec.timeColumn);
  const at = asOf.toISOString();
  const cutoff =
    source === "audit_logs"
      ? sql`date_trunc('quarter', ${at}::timestamptz - make_interval(years => ${AUDIT_RETENTION_YEARS}), 'UTC')`
      : sql`(select date_trunc('month', ${at}::timestamptz - make_interval(months => retention_months(o.settings, ${source})), 'UTC')
             from organizations o where o.id = ${ctx.organizationId})`;
  // Periods already archived, or waiting for their partition to be dropped, are not looked at again.
  const after = sql`coalesce((select max(a.period_end) from data_archives a where a.organization_id = ${ctx.organizationId}
      and a.source = ${source} and a.status in ('writing', 'archived', 'deleting')), '-infinity'::timestamptz)`;
  return db.execute<{ at: number | null }>(sql`
    select (extract(epoch from min(t.${time})) * 1000)::float8 as at from ${sql.identifier(source)} t
    where t.organization_id = ${ctx.organizationId} and t.${time} < ${cutoff} and t.${time} >= ${after}`);
}

async function survey(ctx: TenantContext, asOf: Date, chunk: number) {
  const purgeCutoff = new Date(asOf.getTime() - SOFT_DELETE_RETENTION_DAYS * 86_400_000);
  const staleBefore = new Date(asOf.getTime() - STALE_EXPORT_MS);
  const found = await inTenant(ctx, (db) => ({
    organization: db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, ctx.organizationId)),
    exports: db
      .select()
      .from(dataExports)
      .where(
        ownedBy(
          ctx,
          dataExports.organizationId,
          or(
            and(inArray(dataExports.status, ["completed", "failed"]), lte(dataExports.expiresAt, asOf)),
            and(inArray(dataExports.status, ["queued", "running"]), lt(dataExports.updatedAt, staleBefore)),
          ),
        ),
      )
      .limit(5),
    purge: purgeCandidates(ctx, db, purgeCutoff, Math.min(chunk, PURGE_CHUNK)),
    archives: db
      .select()
      .from(dataArchives)
      .where(
        ownedBy(
          ctx,
          dataArchives.organizationId,
          inArray(dataArchives.status, ["writing", "archived", "deleting"]),
        ),
      )
      .orderBy(asc(dataArchives.periodStart)),
    due: ARCHIVE_SOURCES.map((source) => oldestDue(ctx, db, source, asOf)),
  }));
  return { ...found, purgeCutoff };
}

/** Runs one step of `organizationId`'s retention as of `asOf`; `more` when another step has work. */
export async function runRetentionStep(
  config: Config,
  organizationId: string,
  asOf: Date,
): Promise<StepResult> {
  const ctx = systemContext(config, organizationId, "retention");
  const chunk = config.LIFECYCLE_CHUNK_ROWS;
  const found = await survey(ctx, asOf, chunk);
  if (found.organization.length === 0) return { more: false, did: "organization gone" };

  const stale = found.exports[0];
  if (stale) {
    const finished = stale.status === "completed" || stale.status === "failed";
    if (finished) await expireExport(ctx, stale);
    else await resumeExport(ctx, stale, asOf);
    return { more: true, did: finished ? "export expiry" : "export resumed" };
  }

  for (const [index, table] of PURGED_TABLES.entries()) {
    const candidates = found.purge[index]?.rows ?? [];
    if (candidates.length === 0) continue;
    await purgeChunk(ctx, table, candidates, found.purgeCutoff, Math.min(chunk, PURGE_CHUNK));
    return { more: true, did: `purge ${table}` };
  }

  const writing = found.archives.find((a) => a.status === "writing");
  if (writing) {
    await writeArchiveChunk(ctx, writing, chunk);
    return { more: true, did: `archive ${writing.source}` };
  }
  const deleting = found.archives.find((a) => a.status === "deleting");
  if (deleting) {
    await deleteArchivedChunk(ctx, deleting, chunk);
    return { more: true, did: `delete ${deleting.source}` };
  }
  const settling = found.archives.find(
    (a) =>
      a.status === "archived" &&
      (!a.dropCheckedAt || asOf.getTime() - a.dropCheckedAt.getTime() >= DROP_RETRY_MS),
  );
  if (settling) {
    await settleArchive(ctx, settling);
    return { more: true, did: `settle ${settling.source}` };
  }

  for (const [index, source] of ARCHIVE_SOURCES.entries()) {
    const at = found.due[index]?.rows[0]?.at;
    if (at === null || at === undefined) continue;
    await startArchive(ctx, source, periodOf(SOURCES[source], new Date(at)));
    return { more: true, did: `start ${source}` };
  }
  return { more: false, did: "nothing due" };
}
