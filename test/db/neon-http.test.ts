/**
 * The Neon driver as the Worker bundles it (src/vendor/neon-http.js, scripts/build-neon-http.ts): only
 * neon() over HTTP, its config and node-postgres' types, with node:buffer, node:events and node:crypto
 * in place of the package's polyfills. The whole suite runs on it (vitest.config.ts); this checks what
 * the cut could break: values and parameters of each kind, batches, and the database's errors.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as driver from "../../src/vendor/neon-http.js";
import { testDb } from "../support/tenants.ts";

describe("the Neon driver cut to HTTP", () => {
  it("exports neon, neonConfig and types, and nothing of the WebSocket client", () => {
    expect(Object.keys(driver).sort()).toEqual(["neon", "neonConfig", "types"]);
    expect(driver.types.builtins.INT8).toBe(20);
  });

  it("is the driver drizzle uses here: drizzle's timestamp parsers are set on its types", () => {
    testDb();
    // node-postgres alone would parse a timestamptz (type 1184) into a Date; drizzle keeps the text.
    expect(driver.types.getTypeParser(1184)("2027-03-10 08:30:00+00")).toBe("2027-03-10 08:30:00+00");
  });

  it("reads values of each kind and binds strings, numbers, dates, arrays, JSON and bytes", async () => {
    testDb(); // points the driver at the local proxy, as the app does
    const sql = driver.neon(env.DATABASE_URL);
    const bytes = new Uint8Array([0, 1, 254, 255]);
    const [row] = await sql`select 7::int as int, 9007199254740993::bigint as big, 1.5::numeric as num,
      true as yes, '{"a":[1,"b"]}'::jsonb as doc, array[1, 2]::int[] as ints, '\\x00ff'::bytea as raw,
      ${"text's"}::text as text, ${42}::int as bound, ${[3, 4]}::int[] as bound_ints,
      ${{ k: "v" }}::jsonb as bound_doc, ${bytes}::bytea as bound_bytes,
      ${new Date("2027-03-10T08:30:00Z")}::timestamptz = '2027-03-10T08:30:00Z' as same_instant`;
    expect(row).toMatchObject({
      int: 7,
      big: "9007199254740993",
      num: "1.5",
      yes: true,
      doc: { a: [1, "b"] },
      ints: [1, 2],
      text: "text's",
      bound: 42,
      bound_ints: [3, 4],
      bound_doc: { k: "v" },
      same_instant: true,
    });
    const { raw, bound_bytes } = row as { raw: Buffer; bound_bytes: Buffer };
    expect(Buffer.isBuffer(raw)).toBe(true);
    expect([...raw]).toEqual([0, 255]);
    expect([...bound_bytes]).toEqual([...bytes]);
  });

  it("runs a batch as one transaction and answers the database's errors with their fields", async () => {
    testDb();
    const sql = driver.neon(env.DATABASE_URL);
    const [first, second] = await sql.transaction([sql`select 1 as one`, sql`select 2 as two`]);
    expect(first).toEqual([{ one: 1 }]);
    expect(second).toEqual([{ two: 2 }]);
    const error = await sql`select * from no_such_table`.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "NeonDbError", code: "42P01" });
  });
});
