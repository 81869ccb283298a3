import { describe, expect, it } from "vitest";
import { call, callWithEnv, envWith, expectProblem } from "../support/http.ts";
import { measure, roundTripsOf, taggedDatabaseUrl } from "../support/round-trips.ts";

describe("GET /health", () => {
  it("answers ok when the database answers", async () => {
    const response = await call("/health");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("costs exactly one round trip to PostgreSQL", async () => {
    const { response, roundTrips } = await measure("/health");
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
  });

  it("the round-trip counter sees each call, and only its own tag", async () => {
    const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
    const bindings = envWith({ DATABASE_URL: taggedDatabaseUrl(tag) });
    for (let i = 0; i < 3; i++) expect((await callWithEnv(bindings, "/health")).status).toBe(200);
    expect(await roundTripsOf(tag)).toBe(3);
    expect((await callWithEnv(bindings, "/ping")).status).toBe(200);
    expect(await roundTripsOf(tag)).toBe(3);
  });

  it("answers 503 database_unavailable when the database does not", async () => {
    const url = new URL(taggedDatabaseUrl("health-missing-db"));
    url.pathname = "/no_such_database";
    const response = await callWithEnv(envWith({ DATABASE_URL: url.toString() }), "/health");
    await expectProblem(response, 503, "database_unavailable");
  });
});

describe("configuration", () => {
  it("a broken binding is a 500 configuration_error that names no secret", async () => {
    const response = await callWithEnv(envWith({ DATABASE_URL: "mysql://nope" }), "/ping");
    const problem = await expectProblem(response, 500, "configuration_error");
    expect(JSON.stringify(problem)).not.toContain("mysql://nope");
  });
});
