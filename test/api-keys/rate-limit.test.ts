import { describe, expect, it } from "vitest";
import { createApiKey } from "../support/api-keys.ts";
import { callWithEnv, envWith, expectProblem } from "../support/http.ts";
import { createTenant } from "../support/tenants.ts";

const headersOf = (response: Response) => ({
  limit: response.headers.get("ratelimit-limit"),
  remaining: response.headers.get("ratelimit-remaining"),
  reset: Number(response.headers.get("ratelimit-reset")),
});

describe("a key's budget", () => {
  it("every answer says the budget, what is left and when it resets; past it 429 rate_limited with Retry-After", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId, { permissions: ["events:read"] });
    // A budget of 3 a minute instead of 600, so it runs out in a test.
    const tight = envWith({ API_KEY_RATE_LIMIT: "3" });

    const seen = [];
    for (let i = 0; i < 3; i++) {
      const response = await callWithEnv(tight, "/v1/events", { headers: key.headers });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      seen.push(headersOf(response));
    }
    expect(seen.map((h) => [h.limit, h.remaining])).toEqual([
      ["3", "2"],
      ["3", "1"],
      ["3", "0"],
    ]);
    for (const h of seen) expect(h.reset).toBeGreaterThanOrEqual(1);
    for (const h of seen) expect(h.reset).toBeLessThanOrEqual(60);

    const over = await callWithEnv(tight, "/v1/events", { headers: key.headers });
    expect(headersOf(over)).toMatchObject({ limit: "3", remaining: "0" });
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(headersOf(over).reset).toBe(retryAfter);
    await expectProblem(over, 429, "rate_limited");
  });

  it("is per key: another key of the same organisation keeps its own budget, and a problem answer carries the headers too", async () => {
    const { owner } = await createTenant();
    const tight = envWith({ API_KEY_RATE_LIMIT: "1" });
    const first = await createApiKey(owner.organizationId, { permissions: ["events:read"] });
    const second = await createApiKey(owner.organizationId, { permissions: ["events:read"] });
    expect((await callWithEnv(tight, "/v1/events", { headers: first.headers })).status).toBe(200);
    expect((await callWithEnv(tight, "/v1/events", { headers: first.headers })).status).toBe(429);

    const missing = await callWithEnv(tight, `/v1/events/${crypto.randomUUID()}`, {
      headers: second.headers,
    });
    expect(headersOf(missing)).toMatchObject({ limit: "1", remaining: "0" });
    await expectProblem(missing, 404, "event_not_found");
  });

  it("the default budget is 600 requests a minute", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId, { permissions: ["events:read"] });
    const response = await callWithEnv(envWith({}), "/v1/events", { headers: key.headers });
    expect(headersOf(response)).toMatchObject({ limit: "600", remaining: "599" });
  });
});
