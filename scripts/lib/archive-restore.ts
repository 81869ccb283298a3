/**
 * Loads an archive (src/platform/archive-format.ts) into PostgreSQL for an investigation: each table
 * of its manifest becomes `<schema>.<table>` with the manifest's columns and types (no keys or
 * constraints: it is a copy to read, beside the live tables, never into them), filled through
 * `jsonb_populate_recordset` from the NDJSON lines, which are keyed by column name. The archive is
 * verified first; nothing is loaded from one that does not verify.
 */
import type pg from "pg";
import {
  type ArchiveReader,
  gunzipLines,
  isNdjson,
  verifyArchive,
} from "../../src/platform/archive-format.ts";

const BATCH_ROWS = 1000;
/** A type as `format_type` names it: letters, digits, spaces, `_ , ( ) [ ]`; nothing that ends a statement. */
const TYPE_NAME = /^[a-z][a-z0-9 _,()[\]]*$/i;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface RestoreOptions {
  schema: string;
  /** Drop and load again a table this schema already holds. */
  replace?: boolean;
}

export interface RestoreResult {
  schema: string;
  tables: Array<{ table: string; rows: number }>;
}

export class RestoreError extends Error {
  override name = "RestoreError";
}

export async function restoreArchive(
  reader: ArchiveReader,
  folder: string,
  client: pg.Client,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const verification = await verifyArchive(reader, folder);
  const { manifest } = verification;
  if (!verification.ok || !manifest) {
    throw new RestoreError(`${folder} does not verify:\n  ${verification.problems.join("\n  ")}`);
  }
  const schema = ident(options.schema);
  const loaded: RestoreResult["tables"] = [];
  await client.query("begin");
  try {
    await client.query(`create schema if not exists ${schema}`);
    for (const table of manifest.tables) {
      const target = `${schema}.${ident(table.name)}`;
      const exists = await client.query<{ exists: boolean }>("select to_regclass($1) is not null as exists", [
        target,
      ]);
      if (exists.rows[0]?.exists) {
        if (!options.replace) {
          throw new RestoreError(
            `${options.schema}.${table.name} exists already; pass --replace to load it again`,
          );
        }
        await client.query(`drop table ${target}`);
      }
      for (const column of table.columns) {
        if (!TYPE_NAME.test(column.type)) throw new RestoreError(`unexpected column type ${column.type}`);
      }
      await client.query(
        `create table ${target} (${table.columns.map((c) => `${ident(c.name)} ${c.type}`).join(", ")})`,
      );
      let rows = 0;
      for (const file of manifest.files.filter((f) => f.table === table.name && isNdjson(f.path))) {
        const bytes = await reader.get(`${folder}${file.path}`);
        if (!bytes) throw new RestoreError(`${file.path} is missing`);
        const lines = await gunzipLines(bytes);
        for (let i = 0; i < lines.length; i += BATCH_ROWS) {
          const batch = lines.slice(i, i + BATCH_ROWS);
          const inserted = await client.query(
            `insert into ${target} select * from jsonb_populate_recordset(null::${target}, $1::jsonb)`,
            [`[${batch.join(",")}]`],
          );
          rows += inserted.rowCount ?? 0;
        }
      }
      if (rows !== table.rows)
        throw new RestoreError(`${table.name}: loaded ${rows} rows, the manifest says ${table.rows}`);
      loaded.push({ table: table.name, rows });
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  return { schema: options.schema, tables: loaded };
}
