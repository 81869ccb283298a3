/** Closing an organisation from a test: asking, the purge step by step, and what is left afterwards. */
import { env } from "cloudflare:workers";
import { neon } from "@neondatabase/serverless";
import { desc, eq } from "drizzle-orm";
import { inject } from "vitest";
import { type OrganizationClosure, organizationClosures } from "../../src/db/schema/organization-closures.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { runClosureStep } from "../../src/services/organization/closure-purge.ts";
import { call } from "./http.ts";
import { testDb } from "./tenants.ts";

export interface ClosureBody {
  id: string;
  organization_id: string;
  status: string;
  grace_days: number;
  reason: string | null;
  requested_at: string;
  purge_after: string;
  cancelled_at: string | null;
  purge_started_at: string | null;
  purged_at: string | null;
  receipt_url: string;
  receipt_url_expires_at: string;
}

export const closeRequest = (body: unknown, headers: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { ...headers, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** `POST /v1/organization/closure` confirming with `slug` (a week's grace unless told). */
export const requestClosure = (
  headers: Record<string, string>,
  slug: string,
  extra: Record<string, unknown> = { grace_days: 7 },
) => call("/v1/organization/closure", closeRequest({ confirm_slug: slug, ...extra }, headers));

export const cancelClosureAs = (headers: Record<string, string>) =>
  call("/v1/organization/closure", { method: "DELETE", headers });

/** The organisation's latest closure row (the receipt row outlives the organisation). */
export async function closureOf(organizationId: string): Promise<OrganizationClosure | undefined> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(organizationClosures)
      .where(eq(organizationClosures.organizationId, organizationId))
      .orderBy(desc(organizationClosures.requestedAt))
      .limit(1),
  }));
  return rows[0];
}

/** Runs the purge to its end without the queue, as of `asOf`; answers what each step did. */
export async function runClosure(organizationId: string, asOf: Date): Promise<string[]> {
  const steps: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const step = await runClosureStep(loadConfig(env), organizationId, asOf);
    steps.push(step.did);
    if (!step.more) return steps;
  }
  throw new Error(`the purge did not finish: ${steps.slice(-5).join(", ")}`);
}

/**
 * Each table of the public schema (`schema.table`, partitions included) with a row whose text matches
 * one of `patterns` (ILIKE), with how many, read as the owner (no row-level security). A table dropped
 * between the listing and its count holds nothing: retention drops old partitions, perhaps in a test
 * file running at the same time.
 */
export async function tablesMatching(
  patterns: readonly string[],
  except: readonly string[] = [],
): Promise<Record<string, number>> {
  testDb(); // points the driver at the local proxy
  const owner = neon(inject("adminUrl"));
  const tables = (await owner.query(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname <> all($1::text[]) order by 1`,
    [except],
  )) as Array<{ name: string }>;
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = (await owner
      .query(`select count(*)::int as n from ${name} t where t::text ilike any($1::text[])`, [patterns])
      .catch((error: { code?: string }) => {
        if (error.code === "42P01") return [];
        throw error;
      })) as Array<{ n: number }>;
    const n = rows[0]?.n ?? 0;
    if (n > 0) found[name] = n;
  }
  return found;
}

/** Every table with a row that names `organizationId` anywhere in it; the closures table (the receipt) left out. */
export function tablesNaming(organizationId: string): Promise<Record<string, number>> {
  return tablesMatching([`%${organizationId}%`], ["organization_closures"]);
}

/** Keys under `prefix` in `bucket`. */
export async function keysIn(bucket: R2Bucket, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, ...(cursor ? { cursor } : {}) });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** The organisation's rows per table (partitioned tables as a whole), read as the owner. */
export async function rowCountsOf(organizationId: string): Promise<Record<string, number>> {
  testDb(); // points the driver at the local proxy
  const owner = neon(inject("adminUrl"));
  const tables = (await owner.query(`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname <> 'organization_closures'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id')
    order by 1`)) as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = (await owner.query(
      `select count(*)::int as n from public.${name} where organization_id = $1`,
      [organizationId],
    )) as Array<{ n: number }>;
    if (row && row.n > 0) counts[name] = row.n;
  }
  return counts;
}
