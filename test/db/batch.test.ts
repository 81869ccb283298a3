/**
 * Named batches (src/db/batch.ts): every part comes back under its name, in one round trip, in the
 * record's order; `undefined` parts send nothing; arrays and readings nest one level.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reading, sendBatch } from "../../src/db/batch.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { roundTripsOf, taggedDb } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

describe("named batches", () => {
  it("read every part back by name, in one round trip, in the record's order", async () => {
    const { owner } = await createTenant();
    const { db, tag } = taggedDb();
    const value = (n: number) => db.execute<{ n: number }>(sql`select ${n}::int as n`);
    const pair = reading({ first: value(1), second: value(2) }, ({ first, second }) => [
      first.rows[0]?.n,
      second.rows[0]?.n,
    ]);
    const results = await inTenant({ db, organizationId: owner.organizationId }, () => ({
      org: db.execute<{ org: string }>(sql`select current_setting('app.org_id') as org`),
      skipped: undefined,
      many: [value(3), value(4)],
      pair,
      none: [],
    }));
    expect(results.org.rows[0]?.org).toBe(owner.organizationId);
    expect(results.skipped).toBeUndefined();
    expect(results.many.map((r) => r.rows[0]?.n)).toEqual([3, 4]);
    expect(results.pair).toEqual([1, 2]);
    expect(results.none).toEqual([]);
    expect(await roundTripsOf(tag)).toBe(1);
  });

  it("keep statement order across parts: a write is seen by a later read of the same batch", async () => {
    const { db, tag } = taggedDb();
    const { seen } = await sendBatch(db, {
      set: db.execute(sql`select set_config('app.batch_probe', 'written', true)`),
      seen: db.execute<{ v: string }>(sql`select current_setting('app.batch_probe', true) as v`),
    });
    expect(seen.rows[0]?.v).toBe("written");
    expect(await roundTripsOf(tag)).toBe(1);
  });
});
