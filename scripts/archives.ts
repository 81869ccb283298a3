/**
 * `npm run archives:verify -- [<archive> …]` and `npm run archives:restore -- <archive>`: the archives
 * the nightly retention and exports write to the ARCHIVES bucket (README, "Data lifecycle").
 *
 *   verify   checks each archive against its manifest (files, sizes, SHA-256, row counts, period);
 *            with no archive named, every one under `archives/` and `exports/`. Exits 1 on a problem.
 *   restore  verifies one archive, then loads its tables into `<schema>.<table>` of a database for an
 *            investigation (`--schema`, default `restore_<archive id>`; `--replace` loads again).
 *
 * An archive is its folder or its manifest's key (`archives/<org>/<table>/<period>/<id>/`). The bucket
 * is the local one `npm run dev` keeps under `.data/wrangler` (`--persist DIR` for another), or the
 * real one with `--remote`. The database: `--database URL`, else DATABASE_URL, else the local
 * embedded one of `npm run dev` (port GUDDU_PG_PORT, 5433).
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { verifyArchive } from "../src/platform/archive-format.ts";
import { archiveFolder, listArchives, openArchiveBucket } from "./lib/archive-bucket.ts";
import { RestoreError, restoreArchive } from "./lib/archive-restore.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    persist: { type: "string" },
    remote: { type: "boolean", default: false },
    bucket: { type: "string" },
    database: { type: "string" },
    schema: { type: "string" },
    replace: { type: "boolean", default: false },
  },
});
const [command, ...keys] = positionals;

const usage = `usage: node scripts/archives.ts verify [<archive> …] | restore <archive> [--database URL] [--schema NAME] [--replace]
       options: --persist DIR (wrangler state, default .data/wrangler) | --remote, --bucket NAME`;

async function verify(): Promise<number> {
  const open = await openArchiveBucket(values);
  try {
    const folders =
      keys.length > 0
        ? keys.map(archiveFolder)
        : [
            ...(await listArchives(open.bucket, "archives/")),
            ...(await listArchives(open.bucket, "exports/")),
          ];
    let failed = 0;
    for (const folder of folders) {
      const result = await verifyArchive(open.reader, folder);
      if (result.ok) {
        process.stdout.write(
          `ok      ${folder} (${result.manifest?.rows} rows, ${result.manifest?.files.length} files)\n`,
        );
      } else {
        failed += 1;
        process.stdout.write(`FAILED  ${folder}\n${result.problems.map((p) => `        ${p}\n`).join("")}`);
      }
    }
    process.stdout.write(`${folders.length} archive(s) checked, ${failed} failed\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await open.dispose();
  }
}

async function restore(): Promise<number> {
  const [key] = keys;
  if (!key || keys.length > 1) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const folder = archiveFolder(key);
  const id = folder.split("/").filter(Boolean).at(-1) ?? "archive";
  const schema = values.schema ?? `restore_${id.replaceAll("-", "").slice(0, 12)}`;
  const database =
    values.database ??
    process.env.DATABASE_URL ??
    `postgres://postgres:postgres@127.0.0.1:${process.env.GUDDU_PG_PORT ?? 5433}/guddu`;
  const open = await openArchiveBucket(values);
  const client = new pg.Client({ connectionString: database });
  try {
    await client.connect();
    const result = await restoreArchive(open.reader, folder, client, { schema, replace: values.replace });
    for (const table of result.tables)
      process.stdout.write(`${result.schema}.${table.table}: ${table.rows} rows\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await client.end().catch(() => {});
    await open.dispose();
  }
}

const code = command === "verify" ? await verify() : command === "restore" ? await restore() : 2;
if (code === 2 && command !== "restore") process.stderr.write(`${usage}\n`);
process.exit(code);
