/**
 * Where a person could still be: every row of every table (partitions included), cast to text, read
 * as the owner (no row-level security), and every object of every R2 bucket, gzip undone.
 */
import { env } from "cloudflare:workers";
import { gunzipLines } from "../../src/platform/archive-format.ts";
import { tablesMatching } from "../support/closures.ts";

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Each table (`schema.table`) holding one of the terms in some row, with how many rows. */
export function tablesHolding(terms: readonly string[]): Promise<Record<string, number>> {
  return tablesMatching(terms.map(likePattern));
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
