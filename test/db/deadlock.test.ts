/**
 * A batch that PostgreSQL rolls back to end a deadlock is sent again once (db/tenant.ts), so a client
 * never gets a 500 for two of its requests meeting head on.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { inTenant } from "../../src/db/tenant.ts";
import { roundTripsOf, taggedDb } from "../support/round-trips.ts";
import { createTenant, testDb } from "../support/tenants.ts";
import { lockHolder } from "../support/transactions.ts";

/** How many sessions wait for advisory lock `key`. */
async function waitingFor(key: number): Promise<number> {
  const { rows } = await testDb().execute<{ n: number }>(
    sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and objid = ${key}`,
  );
  return rows[0]?.n ?? 0;
}

// PostgreSQL looks for the cycle after `deadlock_timeout` (1 s).
describe("a deadlock", { timeout: 30_000 }, () => {
  it("rolls one batch back; it is sent again and both batches commit", async () => {
    const { owner } = await createTenant();
    const base = 7_300_000 + Math.floor(Math.random() * 100_000) * 2;
    const [x, y] = [base, base + 1];
    const holder = await lockHolder(x);
    const lock = (key: number) => sql`select pg_advisory_xact_lock(${key})`;
    // Queued first on x: once x is free it takes x, then asks for y.
    const first = taggedDb();
    const xThenY = inTenant({ db: first.db, organizationId: owner.organizationId }, (db) => ({
      x: db.execute(lock(x)),
      y: db.execute(lock(y)),
    }));
    await vi.waitFor(async () => expect(await waitingFor(x)).toBe(1), { timeout: 10_000, interval: 50 });
    // Takes y at once, then queues on x behind the first: a cycle as soon as x is free.
    const second = taggedDb();
    const yThenX = inTenant({ db: second.db, organizationId: owner.organizationId }, (db) => ({
      y: db.execute(lock(y)),
      x: db.execute(lock(x)),
    }));
    await vi.waitFor(async () => expect(await waitingFor(x)).toBe(2), { timeout: 10_000, interval: 50 });
    await holder.release();

    const settled = await Promise.allSettled([xThenY, yThenX]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled"]);
    // One of them went twice: PostgreSQL rolled it back once.
    expect((await roundTripsOf(first.tag)) + (await roundTripsOf(second.tag))).toBe(3);
  });
});
