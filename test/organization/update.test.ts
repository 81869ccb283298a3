import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

const patch = (body: unknown, headers: Record<string, string>) =>
  call("/v1/organization", {
    method: "PATCH",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

interface OrganizationBody {
  name: string;
  slug: string;
  description: string | null;
  logo_url: string | null;
  settings: Record<string, unknown>;
}

describe("PATCH /v1/organization", () => {
  it("changes the profile and settings in two round trips and audits the changed fields", async () => {
    const { organization, admin } = await createTenant(["owner", "admin"]);
    const { response, roundTrips } = await measure("/v1/organization", {
      method: "PATCH",
      headers: { ...admin.headers, "content-type": "application/json" },
      body: JSON.stringify({
        name: "Africa Energy Forum",
        description: "Where energy meets investment",
        logo_url: "https://cdn.example.org/logo.png",
        country_code: "ZA",
        settings: {
          default_timezone: "Africa/Johannesburg",
          default_platforms: ["bluesky", "linkedin"],
          require_approval: true,
        },
      }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBeLessThanOrEqual(2);
    const body = (await response.json()) as OrganizationBody;
    expect(body).toMatchObject({
      name: "Africa Energy Forum",
      slug: organization.slug,
      description: "Where energy meets investment",
      logo_url: "https://cdn.example.org/logo.png",
      country_code: "ZA",
      settings: {
        default_timezone: "Africa/Johannesburg",
        default_platforms: ["bluesky", "linkedin"],
        require_approval: true,
      },
    });

    const rows = await auditRows(organization.id, organization.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "organization.update",
      entityType: "organization",
      userId: admin.id,
    });
    expect(rows[0]?.changes).toEqual({
      name: { from: organization.name, to: "Africa Energy Forum" },
      description: { from: null, to: "Where energy meets investment" },
      logo_url: { from: null, to: "https://cdn.example.org/logo.png" },
      country_code: { from: "KE", to: "ZA" },
      "settings.default_timezone": { from: null, to: "Africa/Johannesburg" },
      "settings.default_platforms": { from: null, to: ["bluesky", "linkedin"] },
      "settings.require_approval": { from: null, to: true },
    });
  });

  it("merges settings: keys not sent keep their value", async () => {
    const { owner } = await createTenant();
    expect(
      (
        await patch(
          { settings: { default_timezone: "Africa/Nairobi", require_approval: true } },
          owner.headers,
        )
      ).status,
    ).toBe(200);
    const response = await patch({ settings: { require_approval: false } }, owner.headers);
    expect(((await response.json()) as OrganizationBody).settings).toEqual({
      default_timezone: "Africa/Nairobi",
      require_approval: false,
    });
    const read = await call("/v1/organization", { headers: owner.headers });
    expect(((await read.json()) as OrganizationBody).settings).toEqual({
      default_timezone: "Africa/Nairobi",
      require_approval: false,
    });
  });

  it("a later change audits the setting's old and new value", async () => {
    const { organization, owner } = await createTenant();
    await patch({ settings: { require_approval: true, default_timezone: "Africa/Nairobi" } }, owner.headers);
    await patch({ settings: { require_approval: false, default_timezone: "Africa/Nairobi" } }, owner.headers);
    const rows = await auditRows(organization.id, organization.id);
    expect(rows.map((r) => r.changes)).toEqual([
      {
        "settings.require_approval": { from: null, to: true },
        "settings.default_timezone": { from: null, to: "Africa/Nairobi" },
      },
      { "settings.require_approval": { from: true, to: false } },
    ]);
  });

  it("a time zone is stored in its canonical spelling", async () => {
    const { owner } = await createTenant();
    const response = await patch({ settings: { default_timezone: "utc" } }, owner.headers);
    expect(((await response.json()) as OrganizationBody).settings.default_timezone).toBe("UTC");
  });

  it("clears description and logo with null", async () => {
    const { owner } = await createTenant();
    await patch({ description: "x", logo_url: "https://example.org/a.png" }, owner.headers);
    const body = (await (
      await patch({ description: null, logo_url: null }, owner.headers)
    ).json()) as OrganizationBody;
    expect(body).toMatchObject({ description: null, logo_url: null });
  });

  it("a change that changes nothing leaves no audit row", async () => {
    const { organization, owner } = await createTenant();
    expect((await patch({ name: organization.name, country_code: "KE" }, owner.headers)).status).toBe(200);
    expect(await auditRows(organization.id, organization.id)).toHaveLength(0);
  });

  it("rejects invalid input with 400 validation_failed on the failing field", async () => {
    const { owner } = await createTenant();
    const cases: Array<[unknown, string]> = [
      [{ settings: { default_timezone: "Mars/Olympus_Mons" } }, "json.settings.default_timezone"],
      [{ settings: { default_timezone: "+03:00" } }, "json.settings.default_timezone"],
      [{ settings: { theme: "dark" } }, "json.settings.theme"],
      [{ settings: { default_platforms: ["myspace"] } }, "json.settings.default_platforms.0"],
      [{ settings: { default_platforms: ["x", "x"] } }, "json.settings.default_platforms"],
      [{ settings: { require_approval: "yes" } }, "json.settings.require_approval"],
      [{ settings: { brand_hashtags: ["two words"] } }, "json.settings.brand_hashtags.0"],
      [{ logo_url: "http://example.org/logo.png" }, "json.logo_url"],
      [{ logo_url: "not a url" }, "json.logo_url"],
      [{ country_code: "kenya" }, "json.country_code"],
      [{ slug: "new-slug" }, "json.slug"],
      [{ name: "" }, "json.name"],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(await patch(body, owner.headers), 400, "validation_failed");
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
  });

  it("a manager (no organization:update) gets 403 missing_permission", async () => {
    const { manager } = await createTenant(["owner", "manager"]);
    await expectProblem(await patch({ name: "Taken over" }, manager.headers), 403, "missing_permission");
  });

  it("only ever changes the caller's own organisation", async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    expect((await patch({ name: "Mine now" }, mine.owner.headers)).status).toBe(200);
    const read = await call("/v1/organization", { headers: theirs.owner.headers });
    expect(((await read.json()) as OrganizationBody).name).toBe(theirs.organization.name);
  });
});
