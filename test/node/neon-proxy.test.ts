/** The local Neon proxy answers the HTTP protocol the driver speaks, and counts round trips per tag. */
import { neon, neonConfig } from "@neondatabase/serverless";
import { describe, expect, inject, it } from "vitest";

function tagged(tag: string): string {
  const url = new URL(inject("databaseUrl"));
  url.searchParams.set("application_name", tag);
  return url.toString();
}

async function roundTrips(tag: string): Promise<number> {
  const response = await fetch(`http://${inject("neonProxy")}/round-trips?tag=${tag}`);
  return ((await response.json()) as { round_trips: number }).round_trips;
}

neonConfig.fetchEndpoint = () => `http://${inject("neonProxy")}/sql`;

describe("the local Neon proxy", () => {
  it("runs queries with typed results and counts one round trip each", async () => {
    const tag = `proxy_${Date.now()}`;
    const sql = neon(tagged(tag));
    const rows =
      await sql`select 1::int as one, 'a'::text as a, array[1,2]::int[] as xs, now() as t, null::text as n`;
    expect(rows[0]).toMatchObject({ one: 1, a: "a", xs: [1, 2], n: null });
    expect(rows[0]?.t).toBeInstanceOf(Date);
    await sql`select ${"x"}::text as p`;
    expect(await roundTrips(tag)).toBe(2);
  });

  it("runs a batch in one transaction and one round trip, rolling back all of it on error", async () => {
    const tag = `batch_${Date.now()}`;
    const sql = neon(tagged(tag));
    const [a, b] = await sql.transaction(
      [sql`select 1 as a`, sql`select current_setting('transaction_isolation') as iso`],
      {
        isolationLevel: "Serializable",
      },
    );
    expect(a?.[0]).toEqual({ a: 1 });
    expect(b?.[0]).toEqual({ iso: "serializable" });
    await expect(sql.transaction([sql`create temp table t (x int)`, sql`select 1/0`])).rejects.toMatchObject({
      code: "22012",
    });
    expect(await roundTrips(tag)).toBe(2);
  });

  it("passes PostgreSQL errors through with their fields", async () => {
    const sql = neon(tagged(`err_${Date.now()}`));
    await expect(sql`select * from no_such_table`).rejects.toMatchObject({
      code: "42P01",
      severity: "ERROR",
    });
  });
});
