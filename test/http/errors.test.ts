import { env } from "cloudflare:workers";
import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { call, expectProblem } from "../support/http.ts";

/** The real app with one JSON route added, to drive the body and validation handling end to end. */
function appWithEchoRoute() {
  const app = createApp();
  const route = createRoute({
    method: "post",
    path: "/v1/echo",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.strictObject({ name: z.string().min(1), count: z.number().int() }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "echo",
        content: { "application/json": { schema: z.object({ name: z.string() }) } },
      },
    },
  });
  app.openapi(route, (c) => c.json({ name: c.req.valid("json").name }, 200));
  return (init: RequestInit) => app.request("/v1/echo", { method: "POST", ...init }, env);
}

describe("errors are problem+json", () => {
  it("an unknown route answers 404 route_not_found", async () => {
    const problem = await expectProblem(await call("/nowhere"), 404, "route_not_found");
    expect(problem.detail).toContain("GET /nowhere");
    expect(problem.instance).toBe("/nowhere");
  });

  it("an unknown route under /v1 answers 404 too, for any method", async () => {
    await expectProblem(await call("/v1/nothing-here", { method: "DELETE" }), 404, "route_not_found");
  });

  it("malformed JSON answers 400 malformed_json", async () => {
    const echo = appWithEchoRoute();
    const response = await echo({ headers: { "content-type": "application/json" }, body: '{"name": "a",' });
    await expectProblem(response, 400, "malformed_json");
  });

  it("a body that is not JSON answers 415 unsupported_media_type", async () => {
    const echo = appWithEchoRoute();
    const response = await echo({ headers: { "content-type": "text/plain" }, body: "name=a" });
    const problem = await expectProblem(response, 415, "unsupported_media_type");
    expect(problem.detail).toContain("text/plain");
  });

  it("a body over the limit answers 413 payload_too_large, even when chunked without a length", async () => {
    const echo = appWithEchoRoute();
    const big = JSON.stringify({ name: "x".repeat(1_100_000), count: 1 });
    await expectProblem(
      await echo({ headers: { "content-type": "application/json" }, body: big }),
      413,
      "payload_too_large",
    );
    const stream = new Blob([big]).stream();
    const chunked = await echo({
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectProblem(chunked, 413, "payload_too_large");
  });

  it("validation failures list every failing field, and unknown fields are rejected", async () => {
    const echo = appWithEchoRoute();
    const response = await echo({
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "", count: 1.5, organization_id: "x", role: "owner" }),
    });
    const problem = await expectProblem(response, 400, "validation_failed");
    const byPath = Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.code]));
    expect(byPath).toMatchObject({
      "json.name": "too_small",
      "json.count": "invalid_type",
      "json.organization_id": "unknown_field",
      "json.role": "unknown_field",
    });
  });

  it("a valid body passes through", async () => {
    const echo = appWithEchoRoute();
    const response = await echo({
      headers: { "content-type": "application/json" },
      body: '{"name":"ok","count":2}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "ok" });
  });

  it("an unexpected error is a 500 internal_error without a stack trace", async () => {
    const app = createApp();
    app.get("/v1/boom", () => {
      throw new Error("secret internals at src/thing.ts:12");
    });
    const response = await app.request("/v1/boom", {}, env);
    const problem = await expectProblem(response, 500, "internal_error");
    expect(JSON.stringify(problem)).not.toContain("secret internals");
  });
});

describe("request ids", () => {
  it("every response carries a request id, and the problem body repeats it", async () => {
    const response = await call("/nowhere");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await expectProblem(response, 404, "route_not_found");
  });

  it("a caller's own request id is echoed back", async () => {
    const response = await call("/ping", { headers: { "x-request-id": "client-abc-123" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("client-abc-123");
  });
});
