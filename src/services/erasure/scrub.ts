/**
 * Cuts the person's terms out of one table's free-text columns (places.ts), a bounded chunk per step:
 * the next `limit` rows of the organisation after the cursor, in id order, are looked at, and those
 * that name the person rewritten with "[removed]" in their place. One statement, one round trip; a
 * repeated chunk finds nothing left to change. Generated search columns follow their rows.
 */
import { type SQL, sql } from "drizzle-orm";
import { inTenant } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import type { ColumnKind, ScrubPlace } from "./places.ts";
import { REMOVED } from "./terms.ts";

function replaced(column: SQL, kind: ColumnKind, pattern: string): SQL {
  switch (kind) {
    case "text":
      return sql`regexp_replace(${column}, ${pattern}, ${REMOVED}, 'gi')`;
    case "jsonb":
      return sql`erasure_scrub(${column}, ${pattern}, ${REMOVED})`;
    case "text[]":
      return sql`array(select regexp_replace(e.v, ${pattern}, ${REMOVED}, 'gi')
                       from unnest(${column}) with ordinality as e(v, n) order by e.n)`;
  }
}

function matches(column: SQL, kind: ColumnKind, pattern: string): SQL {
  switch (kind) {
    case "text":
      return sql`${column} ~* ${pattern}`;
    case "jsonb":
      return sql`${column}::text ~* ${pattern}`;
    case "text[]":
      return sql`array_to_string(${column}, ' ') ~* ${pattern}`;
  }
}

/** One chunk of `place`: how many rows were looked at and changed, and the last id looked at. */
export async function scrubChunk(
  ctx: TenantContext,
  place: ScrubPlace,
  pattern: string,
  after: string | null,
  limit: number,
): Promise<{ scanned: number; changed: number; last: string | null }> {
  const table = sql.identifier(place.table);
  const column = (name: string) => sql`t.${sql.identifier(name)}`;
  const sets = sql.join(
    place.columns.map(
      ([name, kind]) => sql`${sql.identifier(name)} = ${replaced(column(name), kind, pattern)}`,
    ),
    sql`, `,
  );
  const any = sql.join(
    place.columns.map(([name, kind]) => matches(column(name), kind, pattern)),
    sql` or `,
  );
  const { result } = await inTenant(ctx, (db) => ({
    result: db.execute<{ scanned: number; changed: number; last: string | null }>(sql`
      with batch as (
        select t.id from ${table} t
        where t.organization_id = ${ctx.organizationId} ${after ? sql`and t.id > ${after}::uuid` : sql``}
        order by t.id limit ${limit}
      ),
      changed as (
        update ${table} t set ${sets}
        from batch b
        where t.id = b.id and t.organization_id = ${ctx.organizationId} and (${any})
        returning 1
      )
      select (select count(*) from batch)::int as scanned, (select count(*) from changed)::int as changed,
             (select b.id::text from batch b order by b.id desc limit 1) as last`),
  }));
  return result.rows[0] ?? { scanned: 0, changed: 0, last: null };
}
