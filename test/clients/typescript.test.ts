/**
 * The typed client (clients/typescript) against the real Worker: its types come from the OpenAPI
 * document, so a call or a field the API does not have fails `npm run typecheck` here.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type components, createGudduClient, type GudduClient } from "../../clients/typescript/index.ts";
import { BASE_URL } from "../support/http.ts";
import { createTenant } from "../support/tenants.ts";

const workerFetch = (request: Request) => exports.default.fetch(request);
const unique = () => crypto.randomUUID().slice(0, 8);

const eventInput = (): components["schemas"]["CreateEventRequest"] => ({
  name: "Africa Energy Summit",
  slug: `aes-${unique()}`,
  start_date: "2027-03-10T08:00:00+03:00",
  end_date: "2027-03-11T18:00:00+03:00",
  timezone: "Africa/Nairobi",
  official_hashtags: ["#AES2027"],
});

describe("the typed client", () => {
  it("creates an event and finds it in the list, typed end to end", async () => {
    const { owner } = await createTenant();
    const guddu: GudduClient = createGudduClient({
      baseUrl: BASE_URL,
      token: owner.token,
      fetch: workerFetch,
    });

    const created = await guddu.POST("/v1/events", { body: eventInput() });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error(`no event: ${JSON.stringify(created.error)}`);
    const event: components["schemas"]["Event"] = created.data;
    expect(event).toMatchObject({
      name: "Africa Energy Summit",
      status: "draft",
      official_hashtags: ["#AES2027"],
    });

    const listed = await guddu.GET("/v1/events", { params: { query: { q: event.slug, limit: 10 } } });
    expect(listed.response.status).toBe(200);
    expect(listed.data?.data.map((found) => found.id)).toEqual([event.id]);
    expect(listed.data?.next_cursor).toBeNull();

    const read = await guddu.GET("/v1/events/{id}", { params: { path: { id: event.id } } });
    expect(read.data?.timezone).toBe("Africa/Nairobi");
  });

  it("answers a refusal as the API's typed problem", async () => {
    const { viewer } = await createTenant(["viewer"]);
    const guddu = createGudduClient({ baseUrl: BASE_URL, token: viewer.token, fetch: workerFetch });

    const refused = await guddu.POST("/v1/events", { body: eventInput() });
    expect(refused.data).toBeUndefined();
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ status: 403, code: "missing_permission" });

    const missing = await guddu.GET("/v1/events/{id}", { params: { path: { id: crypto.randomUUID() } } });
    expect(missing.error?.code).toBe("event_not_found");
  });

  it("signs in without a credential, then calls with a token it asks for on every call", async () => {
    const { owner } = await createTenant();
    const anonymous = createGudduClient({ baseUrl: BASE_URL, fetch: workerFetch });
    const signedIn = await anonymous.POST("/v1/auth/login", {
      body: { email: owner.email, password: owner.password },
    });
    expect(signedIn.response.status).toBe(200);
    const accessToken = signedIn.data?.access_token;
    if (!accessToken) throw new Error(`no token: ${JSON.stringify(signedIn.error)}`);

    const asked: string[] = [];
    const guddu = createGudduClient({
      baseUrl: BASE_URL,
      fetch: workerFetch,
      token: () => {
        asked.push(accessToken);
        return accessToken;
      },
    });
    const me = await guddu.GET("/v1/me");
    expect(me.data?.user.email).toBe(owner.email);
    expect(asked).toHaveLength(1);

    const unsigned = await anonymous.GET("/v1/me");
    expect(unsigned.response.status).toBe(401);
  });
});
