/**
 * `npm run archives:verify` and `npm run archives:restore` (scripts/archives.ts) against a local
 * bucket as `wrangler dev` persists it: an archive written the way the Worker writes one verifies,
 * loads back into a schema of its own row for row, refuses to load twice, and a damaged file fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openArchiveBucket } from "../../scripts/lib/archive-bucket.ts";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveManifest,
  partName,
} from "../../src/platform/archive-format.ts";
import { listArchiveFiles, putManifest, putNdjsonPart } from "../../src/services/archives/store.ts";

const root = resolve(import.meta.dirname, "../..");
const persist = mkdtempSync(join(tmpdir(), "guddu-archives-test-"));
const organizationId = crypto.randomUUID();
const folder = `archives/${organizationId}/audit_logs/2026-q4/${crypto.randomUUID()}/`;
const schema = `restore_test_${process.pid}`;
let client: pg.Client;

function archives(...args: string[]) {
  return spawnSync(process.execPath, [join(root, "scripts/archives.ts"), ...args, "--persist", persist], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
}

const originals = () =>
  client.query(
    "select id, action, entity_id, changes, created_at from audit_logs where organization_id = $1 order by created_at, id",
    [organizationId],
  );

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  await client.query("insert into organizations (id, name, slug) values ($1, 'Archive test', $2)", [
    organizationId,
    `archive-${organizationId.slice(0, 8)}`,
  ]);
  await client.query(
    `insert into audit_logs (organization_id, actor_type, action, entity_type, entity_id, changes, created_at)
     select $1, 'system', 'event.update', 'event', gen_random_uuid(), jsonb_build_object('n', n, 'name', 'Día ' || n),
            now() - make_interval(mins => n)
     from generate_series(1, 120) as n`,
    [organizationId],
  );
  // Written as the nightly retention writes an archive: parts of 50 rows, then the manifest.
  const { rows } = await client.query<{ line: string }>(
    "select to_jsonb(t)::text as line from audit_logs t where organization_id = $1 order by created_at, id",
    [organizationId],
  );
  const columns = await client.query<{ name: string; type: string }>(
    `select attname::text as name, format_type(atttypid, atttypmod) as type from pg_attribute
     where attrelid = 'public.audit_logs'::regclass and attnum > 0 and not attisdropped order by attnum`,
  );
  const open = await openArchiveBucket({ persist });
  try {
    for (let i = 0; i < rows.length; i += 50) {
      const lines = rows.slice(i, i + 50).map((r) => r.line);
      await putNdjsonPart(open.bucket, `${folder}${partName(i / 50 + 1)}`, "audit_logs", lines);
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      format_version: ARCHIVE_FORMAT_VERSION,
      kind: "retention",
      schema_version: null,
      organization_id: organizationId,
      created_at: new Date().toISOString(),
      time_range: { from: "2026-10-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z" },
      tables: [{ name: "audit_logs", rows: rows.length, columns: columns.rows, time_column: "created_at" }],
      files: await listArchiveFiles(open.bucket, folder),
      rows: rows.length,
    };
    await putManifest(open.bucket, folder, manifest);
  } finally {
    await open.dispose();
  }
}, 60_000);

afterAll(async () => {
  await client?.query(`drop schema if exists "${schema}" cascade`);
  await client?.query("delete from organizations where id = $1", [organizationId]);
  await client?.end();
  rmSync(persist, { recursive: true, force: true });
});

describe("the archive commands", { timeout: 120_000 }, () => {
  it("verify checks an archive against its manifest", () => {
    const run = archives("verify", `${folder}manifest.json`);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`ok      ${folder} (120 rows, 3 files)`);
  });

  it("restore loads an archive into a schema of its own, row for row, and not twice", async () => {
    const run = archives("restore", folder, "--database", inject("adminUrl"), "--schema", schema);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${schema}.audit_logs: 120 rows`);
    const restored = await client.query(
      `select id, action, entity_id, changes, created_at from "${schema}".audit_logs order by created_at, id`,
    );
    expect(restored.rows).toEqual((await originals()).rows);
    expect(restored.rows[0]?.changes).toMatchObject({ name: expect.stringMatching(/^Día \d+$/) });

    const again = archives("restore", folder, "--database", inject("adminUrl"), "--schema", schema);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("exists already");
    const replaced = archives(
      "restore",
      folder,
      "--database",
      inject("adminUrl"),
      "--schema",
      schema,
      "--replace",
    );
    expect(replaced.status).toBe(0);
  });

  it("a damaged file fails verification, and restore loads nothing from it", async () => {
    const open = await openArchiveBucket({ persist });
    try {
      await open.bucket.put(`${folder}${partName(2)}`, new Uint8Array([1, 2, 3]));
    } finally {
      await open.dispose();
    }
    const run = archives("verify", folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("part-00002.ndjson.gz: SHA-256 differs from the manifest");
    const restore = archives(
      "restore",
      folder,
      "--database",
      inject("adminUrl"),
      "--schema",
      `${schema}_damaged`,
    );
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("does not verify");
    const { rows } = await client.query("select to_regclass($1) as found", [
      `"${schema}_damaged".audit_logs`,
    ]);
    expect(rows[0]?.found).toBeNull();
  });
});
