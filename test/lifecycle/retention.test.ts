/**
 * The nightly retention (services/retention): soft-deleted rows past 90 days purged with their R2
 * bytes; time series past their retention archived to R2 as NDJSON.gz with a manifest that verifies,
 * then deleted (or their partition dropped); idempotent, resumable, per-organisation settings.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { inTenant } from "../../src/db/tenant.ts";
import worker from "../../src/index.ts";
import { verifyArchive } from "../../src/platform/archive-format.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { CRON_MAINTAIN_PARTITIONS } from "../../src/scheduled.ts";
import { FAILED_DELIVERY_PREFIX } from "../../src/services/inbound/delivery-archive.ts";
import { expireKeptDeliveries } from "../../src/services/retention/kept-deliveries.ts";
import { runRetentionStep } from "../../src/services/retention/step.ts";
import { createContent, createMedia } from "../support/content.ts";
import { createEventWithDelegate } from "../support/delegates.ts";
import { callWithEnv } from "../support/http.ts";
import {
  archivesOf,
  archivesReader,
  auditRowsOf,
  config,
  daysAgo,
  ensurePartitionsFrom,
  insertMetrics,
  keysUnder,
  metricsCount,
  monthsAgo,
  ndjsonRows,
  rowExists,
  runRetention,
  softDeletedAt,
} from "../support/lifecycle.ts";
import { createOrganization, createTenant, testDb } from "../support/tenants.ts";

/** A media row with real bytes in R2, deleted `days` days ago. */
async function deletedMedia(organizationId: string, days: number) {
  const media = await createMedia(organizationId);
  await env.MEDIA.put(media.storageKey, new Uint8Array([1, 2, 3, days]));
  await softDeletedAt(organizationId, "media_assets", media.id, daysAgo(days));
  return media;
}

async function partitionExists(name: string): Promise<boolean> {
  const { rows } = await testDb().execute<{ found: boolean }>(
    sql`select to_regclass(${`public.${name}`}) is not null as found`,
  );
  return rows[0]?.found === true;
}

const monthPartition = (table: string, at: Date) =>
  `${table}_${at.getUTCFullYear()}_${String(at.getUTCMonth() + 1).padStart(2, "0")}`;

describe("retention of soft-deleted records", () => {
  it("deletes 91-day-old soft-deleted content and media with their R2 bytes, but not 89-day-old ones", async () => {
    const organization = await createOrganization();
    const org = organization.id;
    const oldContent = await createContent(org);
    const newContent = await createContent(org);
    const live = await createContent(org);
    await softDeletedAt(org, "content", oldContent.id, daysAgo(91));
    await softDeletedAt(org, "content", newContent.id, daysAgo(89));
    const oldMedia = await deletedMedia(org, 91);
    const newMedia = await deletedMedia(org, 89);
    const { event, delegate } = await createEventWithDelegate(org);
    await softDeletedAt(org, "events", event.id, daysAgo(120));

    await runRetention(org);

    expect(await rowExists(org, "content", oldContent.id)).toBe(false);
    expect(await rowExists(org, "content", newContent.id)).toBe(true);
    expect(await rowExists(org, "content", live.id)).toBe(true);
    expect(await rowExists(org, "media_assets", oldMedia.id)).toBe(false);
    expect(await env.MEDIA.head(oldMedia.storageKey)).toBeNull();
    expect(await rowExists(org, "media_assets", newMedia.id)).toBe(true);
    expect(await env.MEDIA.head(newMedia.storageKey)).not.toBeNull();
    // An event goes with what belongs to it.
    expect(await rowExists(org, "events", event.id)).toBe(false);
    expect(await rowExists(org, "delegates", delegate.id)).toBe(false);

    const purges = await auditRowsOf(org, "retention.purge");
    expect(purges.map((r) => r.changes.table).sort()).toEqual([
      "content",
      "delegates",
      "events",
      "media_assets",
    ]);
    for (const row of purges) {
      expect(row.actor_type).toBe("system");
      // A table and a count: never whose rows they were.
      expect(Object.keys(row.changes).sort()).toEqual(["deleted_before", "rows", "table"]);
      expect(row.changes.rows).toBe(1);
    }
  });

  it("deletes webhook deliveries kept raw in R2 90 days after they last failed", async () => {
    const key = (id: string) => `${FAILED_DELIVERY_PREFIX}x/${id}.json`;
    const [old, recent] = [crypto.randomUUID(), crypto.randomUUID()];
    await env.MEDIA.put(key(old), "{}", {
      customMetadata: { replays: "8", failed_at: daysAgo(91).toISOString() },
    });
    await env.MEDIA.put(key(recent), "{}", {
      customMetadata: { replays: "8", failed_at: daysAgo(30).toISOString() },
    });
    await expireKeptDeliveries(config(), new Date(), createLogger("error"));
    expect(await env.MEDIA.head(key(old))).toBeNull();
    expect(await env.MEDIA.head(key(recent))).not.toBeNull();
  });

  it("keeps media that live content still shows, however long ago it was deleted", async () => {
    const { id: org } = await createOrganization();
    const media = await deletedMedia(org, 200);
    await createContent(org, { mediaAssets: [media.id] });
    await runRetention(org);
    expect(await rowExists(org, "media_assets", media.id)).toBe(true);
    expect(await env.MEDIA.head(media.storageKey)).not.toBeNull();
  });
});

describe("retention of time series", () => {
  it("archives 25-month-old metrics to R2 with a manifest that verifies, then the rows are gone", async () => {
    const { id: org } = await createOrganization();
    const old = monthsAgo(25);
    await ensurePartitionsFrom(old);
    const archived = await insertMetrics(org, old, 120);
    const recent = await insertMetrics(org, monthsAgo(23), 5);

    await runRetention(org);

    const [archive] = await archivesOf(org);
    expect(archive).toMatchObject({ source: "engagement_metrics", status: "deleted", rows: 120, parts: 3 });
    expect(archive!.periodStart).toEqual(new Date(Date.UTC(old.getUTCFullYear(), old.getUTCMonth(), 1)));
    const verified = await verifyArchive(archivesReader(), archive!.prefix);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(verified.manifest).toMatchObject({
      kind: "retention",
      organization_id: org,
      rows: 120,
      time_range: { from: archive!.periodStart.toISOString(), to: archive!.periodEnd.toISOString() },
    });
    expect(verified.manifest?.schema_version).toBeGreaterThan(20);
    expect(verified.manifest?.tables[0]?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(["id", "organization_id", "measured_at", "impressions"]),
    );
    expect(verified.manifest?.files.map((f) => [f.path, f.rows])).toEqual([
      ["part-00001.ndjson.gz", 50],
      ["part-00002.ndjson.gz", 50],
      ["part-00003.ndjson.gz", 20],
    ]);
    const rows = (
      await Promise.all(
        verified.manifest!.files.map((f) => ndjsonRows(archivesReader(), `${archive!.prefix}${f.path}`)),
      )
    ).flat();
    expect(rows.map((r) => r.id).sort()).toEqual([...archived].sort());
    expect(rows[0]).toMatchObject({ organization_id: org, platform: "x", impressions: 100 });

    // Only the recent rows are left; the old month's partition is gone (nobody else had rows in it).
    expect(await metricsCount(org)).toBe(recent.length);
    expect(await partitionExists(monthPartition("engagement_metrics", old))).toBe(false);
    const [audit] = await auditRowsOf(org, "retention.archive");
    expect(audit?.changes).toMatchObject({ source: "engagement_metrics", rows: 120, files: 3 });
    expect(await auditRowsOf(org, "retention.partition_drop")).toHaveLength(1);
  });

  it("a second run does nothing", async () => {
    const { id: org } = await createOrganization();
    const old = monthsAgo(27);
    await ensurePartitionsFrom(old);
    await insertMetrics(org, old, 30);
    const oldContent = await createContent(org);
    await softDeletedAt(org, "content", oldContent.id, daysAgo(100));
    await runRetention(org);

    const snapshot = async () => ({
      archives: await archivesOf(org),
      objects: await Promise.all(
        (await keysUnder(`archives/${org}/`)).map(async (key) => [key, (await env.ARCHIVES.head(key))?.etag]),
      ),
      audit:
        (await auditRowsOf(org, "retention.purge")).length +
        (await auditRowsOf(org, "retention.archive")).length,
    });
    const before = await snapshot();
    expect(before.archives).toHaveLength(1);
    expect(before.objects.length).toBeGreaterThan(0);

    expect(await runRetention(org)).toEqual(["nothing due"]);
    expect(await snapshot()).toEqual(before);
  });

  it("a run interrupted between chunks resumes where it stopped", async () => {
    const { id: org } = await createOrganization();
    const old = monthsAgo(29);
    await ensurePartitionsFrom(old);
    const ids = await insertMetrics(org, old, 120);

    // The first night: the archive is started and its first chunk written, then the run is lost.
    const night = new Date();
    expect((await runRetentionStep(config(), org, night)).did).toBe("start engagement_metrics");
    expect((await runRetentionStep(config(), org, night)).did).toBe("archive engagement_metrics");
    const [interrupted] = await archivesOf(org);
    expect(interrupted?.status).toBe("writing");
    expect(interrupted?.parts).toBeGreaterThanOrEqual(1);
    const first = await env.ARCHIVES.head(`${interrupted!.prefix}part-00001.ndjson.gz`);
    expect(first).not.toBeNull();

    // The next night carries on from the ledger's cursor.
    await runRetention(org, new Date(night.getTime() + 86_400_000));
    const [archive] = await archivesOf(org);
    expect(archive).toMatchObject({ id: interrupted!.id, status: "deleted", rows: 120, parts: 3 });
    const again = await env.ARCHIVES.head(`${archive!.prefix}part-00001.ndjson.gz`);
    expect(again?.etag).toBe(first?.etag);
    expect(again?.uploaded).toEqual(first?.uploaded);
    const verified = await verifyArchive(archivesReader(), archive!.prefix);
    expect(verified.problems).toEqual([]);
    const rows = (
      await Promise.all(
        verified.manifest!.files.map((f) => ndjsonRows(archivesReader(), `${archive!.prefix}${f.path}`)),
      )
    ).flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(120);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await metricsCount(org)).toBe(0);
  });

  it("follows each organisation's settings; a month one of them keeps is deleted row by row for the others", async () => {
    const { organization: shorter, owner } = await createTenant();
    const keeping = await createOrganization();
    const standard = await createOrganization();
    const response = await callWithEnv(env, "/v1/organization", {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ settings: { retention: { engagement_metrics_months: 12 } } }),
    });
    expect(response.status).toBe(200);
    await inTenant({ db: testDb(), organizationId: keeping.id }, (db) => ({
      settings: db.execute(
        sql`update organizations set settings = '{"retention": {"engagement_metrics_months": null}}'::jsonb where id = ${keeping.id}`,
      ),
    }));
    const month = monthsAgo(31);
    await ensurePartitionsFrom(month);
    await insertMetrics(shorter.id, monthsAgo(14), 10);
    await insertMetrics(keeping.id, month, 10);
    await insertMetrics(standard.id, month, 10);

    await runRetention(shorter.id);
    await runRetention(keeping.id);
    await runRetention(standard.id);

    expect(await metricsCount(shorter.id)).toBe(0);
    expect((await archivesOf(shorter.id))[0]).toMatchObject({ status: "deleted", rows: 10 });
    expect(await metricsCount(keeping.id)).toBe(10);
    expect(await archivesOf(keeping.id)).toEqual([]);
    expect(await metricsCount(standard.id)).toBe(0);
    expect((await archivesOf(standard.id))[0]).toMatchObject({
      status: "deleted",
      rows: 10,
      deletedRows: 10,
    });
    // The partition stays for the organisation that keeps its rows.
    expect(await partitionExists(monthPartition("engagement_metrics", month))).toBe(true);
    expect(await auditRowsOf(standard.id, "retention.delete")).toHaveLength(1);
  });

  it("refuses a retention setting out of range with 400", async () => {
    const { owner } = await createTenant();
    const response = await callWithEnv(env, "/v1/organization", {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ settings: { retention: { engagement_metrics_months: 0 } } }),
    });
    expect(response.status).toBe(400);
  });

  it("archives audit logs older than 5 years, then drops their quarter's partition", async () => {
    const { id: org } = await createOrganization();
    const now = new Date();
    const at = new Date(Date.UTC(now.getUTCFullYear() - 5, now.getUTCMonth() - 4, 10, 9));
    await ensurePartitionsFrom(at);
    await inTenant({ db: testDb(), organizationId: org }, (db) => ({
      rows: db.insert(auditLogs).values(
        Array.from({ length: 7 }, (_, i) => ({
          organizationId: org,
          actorType: "system" as const,
          action: "event.create",
          entityType: "event",
          entityId: crypto.randomUUID(),
          createdAt: new Date(at.getTime() + i * 3_600_000),
        })),
      ),
    }));
    const quarter = `audit_logs_${at.getUTCFullYear()}_q${Math.floor(at.getUTCMonth() / 3) + 1}`;
    expect(await partitionExists(quarter)).toBe(true);

    await runRetention(org);

    const [archive] = await archivesOf(org);
    expect(archive).toMatchObject({ source: "audit_logs", status: "deleted", rows: 7 });
    expect((await verifyArchive(archivesReader(), archive!.prefix)).ok).toBe(true);
    expect(await partitionExists(quarter)).toBe(false);
    expect((await auditRowsOf(org, "event.create")).length).toBe(0);
    expect(await auditRowsOf(org, "retention.partition_drop")).toHaveLength(1);
  });
});

describe("the nightly cron", { timeout: 30_000 }, () => {
  it("starts retention for organisations with work due, which the queue carries out in steps", async () => {
    const { id: org } = await createOrganization();
    const old = await createContent(org);
    await softDeletedAt(org, "content", old.id, daysAgo(95));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: CRON_MAINTAIN_PARTITIONS }), env, ctx);
    await waitOnExecutionContext(ctx);
    await vi.waitFor(async () => expect(await rowExists(org, "content", old.id)).toBe(false), {
      timeout: 20_000,
      interval: 100,
    });
  });
});
