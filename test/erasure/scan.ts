/**
 * Where a person could still be: every row of every table (partitions included), cast to text, read
 * as the owner (no row-level security), and every object of every R2 bucket, gzip undone.
 */
import { env } from "cloudflare:workers";
import { neon } from "@neondatabase/serverless";
import { inject } from "vitest";
import { gunzipLines } from "../../src/platform/archive-format.ts";
import { testDb } from "../support/tenants.ts";

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Each table (`schema.table`) holding one of the terms in some row, with how many rows. */
export async function tablesHolding(terms: readonly string[]): Promise<Record<string, number>> {
  testDb(); // points the driver at the local proxy
  const owner = neon(inject("adminUrl"));
  const tables = (await owner.query(`
    select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by 1`)) as Array<{ name: string }>;
  const found: Record<string, number> = {};
  const patterns = terms.map(likePattern);
  for (const { name } of tables) {
    const [row] = (await owner.query(
      `select count(*)::int as n from ${name} t where t::text ilike any($1::text[])`,
      [patterns],
    )) as Array<{ n: number }>;
    if (row && row.n > 0) found[name] = row.n;
  }
  return found;
}

async function textOf(object: R2ObjectBody): Promise<string> {
  const bytes = new Uint8Array(await object.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return (await gunzipLines(bytes)).join("\n");
  return new TextDecoder().decode(bytes);
}

/** Each object (`bucket/key`) holding one of the terms, gzip undone. */
export async function objectsHolding(terms: readonly string[]): Promise<string[]> {
  const lower = terms.map((t) => t.toLowerCase());
  const found: string[] = [];
  for (const [name, bucket] of [
    ["MEDIA", env.MEDIA],
    ["ARCHIVES", env.ARCHIVES],
  ] as const) {
    let cursor: string | undefined;
    do {
      const page = await bucket.list({ ...(cursor ? { cursor } : {}) });
      for (const listed of page.objects) {
        const object = await bucket.get(listed.key);
        if (!object) continue;
        const text = (await textOf(object)).toLowerCase();
        if (lower.some((term) => text.includes(term))) found.push(`${name}/${listed.key}`);
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return found;
}
