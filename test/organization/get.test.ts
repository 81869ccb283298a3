import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

describe("GET /v1/organization", () => {
  it("answers the caller's organisation in one round trip, for any role", async () => {
    const { organization, viewer } = await createTenant(["owner", "viewer"]);
    const { response, roundTrips } = await measure("/v1/organization", { headers: viewer.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(await response.json()).toMatchObject({
      id: organization.id,
      slug: organization.slug,
      name: organization.name,
      country_code: "KE",
      settings: {},
      status: "active",
    });
  });

  it("without a token is 401", async () => {
    await expectProblem(await call("/v1/organization"), 401, "unauthenticated");
  });
});
