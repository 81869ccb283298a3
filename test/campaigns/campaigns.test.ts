import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events } from "../../src/db/schema/events.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { auditRows } from "../support/audit.ts";
import { createCampaign } from "../support/campaigns.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface CampaignBody {
  id: string;
  event_id: string | null;
  name: string;
  campaign_type: string;
  start_date: string;
  end_date: string;
  target_platforms: string[];
  kpi_targets: Record<string, number>;
  status: string;
}

type Page = { data: CampaignBody[]; next_cursor: string | null };

const campaignInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Road to AES 2027",
  campaign_type: "awareness",
  start_date: "2027-01-15T00:00:00Z",
  end_date: "2027-03-20T23:59:59Z",
  target_platforms: ["x", "linkedin", "bluesky"],
  kpi_targets: { impressions: 500_000, engagement_rate: 0.035, posts: 120 },
  ...overrides,
});

const create = (user: TestUser, overrides: Record<string, unknown> = {}) =>
  postJson("/v1/campaigns", campaignInput(overrides), { headers: user.headers });

const patch = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/campaigns/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

const list = async (user: TestUser, query = ""): Promise<Page> => {
  const response = await call(`/v1/campaigns${query}`, { headers: user.headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
};

describe("creating campaigns", () => {
  it("without an event: 201 with Location and ETag, in one round trip with its audit row", async () => {
    const { owner } = await createTenant();
    const { response, roundTrips } = await measure("/v1/campaigns", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(campaignInput()),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const campaign = (await response.json()) as CampaignBody;
    expect(response.headers.get("location")).toBe(`/v1/campaigns/${campaign.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(campaign).toMatchObject({
      event_id: null,
      name: "Road to AES 2027",
      campaign_type: "awareness",
      start_date: "2027-01-15T00:00:00.000Z",
      end_date: "2027-03-20T23:59:59.000Z",
      target_platforms: ["x", "linkedin", "bluesky"],
      kpi_targets: { impressions: 500_000, engagement_rate: 0.035, posts: 120 },
      status: "draft",
    });
    const audit = await auditRows(owner.organizationId, campaign.id);
    expect(audit.map((a) => a.action)).toEqual(["campaign.create"]);
    expect(audit[0]?.changes).toMatchObject({ name: "Road to AES 2027", event_id: null });
  });

  it("for an event of the organisation: still one round trip (the event check is part of the insert)", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const { response, roundTrips } = await measure("/v1/campaigns", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(campaignInput({ event_id: event.id, campaign_type: "live_coverage" })),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const campaign = (await response.json()) as CampaignBody;
    expect(campaign).toMatchObject({ event_id: event.id, campaign_type: "live_coverage" });
    expect((await auditRows(owner.organizationId, campaign.id)).map((a) => a.action)).toEqual([
      "campaign.create",
    ]);
  });

  it("another organisation's event, a deleted event and an unknown one are 404 event_not_found, and nothing is written", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createEvent(other.owner.organizationId);
    const deleted = await createEvent(owner.organizationId, { deleted: true });
    for (const eventId of [theirs.id, deleted.id, crypto.randomUUID()]) {
      await expectProblem(await create(owner, { event_id: eventId }), 404, "event_not_found");
    }
    expect((await list(owner)).data).toEqual([]);
  });

  it("refuses each invalid field with 400 naming it", async () => {
    const { owner } = await createTenant();
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{ campaign_type: "billboard" }, "json.campaign_type"],
      [{ start_date: "2027-03-21T00:00:00Z" }, "json.end_date", "date_order"],
      [{ target_platforms: ["x", "myspace"] }, "json.target_platforms.1"],
      [{ target_platforms: ["x", "linkedin", "x"] }, "json.target_platforms.2", "custom"],
      [{ kpi_targets: { likes: 10 } }, "json.kpi_targets.likes", "unknown_field"],
      [{ kpi_targets: { impressions: -1 } }, "json.kpi_targets.impressions"],
      [{ kpi_targets: { posts: 1.5 } }, "json.kpi_targets.posts"],
      [{ kpi_targets: { engagement_rate: 1.2 } }, "json.kpi_targets.engagement_rate"],
      [{ kpi_targets: { reach: "lots" } }, "json.kpi_targets.reach"],
      [{ name: "" }, "json.name"],
      [{ event_id: "not-a-uuid" }, "json.event_id"],
      [{ organization_id: crypto.randomUUID() }, "json.organization_id", "unknown_field"],
    ];
    for (const [overrides, path, code] of cases) {
      const problem = await expectProblem(await create(owner, overrides), 400, "validation_failed");
      expect(problem.errors?.[0], JSON.stringify(overrides)).toMatchObject({
        path,
        ...(code ? { code } : {}),
      });
    }
    expect((await list(owner)).data).toEqual([]);
  });

  it("may start active; may not start paused or completed (409 invalid_status_transition)", async () => {
    const { owner } = await createTenant();
    expect(((await (await create(owner, { status: "active" })).json()) as CampaignBody).status).toBe(
      "active",
    );
    await expectProblem(await create(owner, { status: "paused" }), 409, "invalid_status_transition");
    await expectProblem(await create(owner, { status: "completed" }), 409, "invalid_status_transition");
  });
});

describe("reading and listing campaigns", () => {
  it("GET answers the campaign with its ETag in one round trip; another tenant's id is 404", async () => {
    const { owner } = await createTenant();
    const campaign = (await (await create(owner)).json()) as CampaignBody;
    const { response, roundTrips } = await measure(`/v1/campaigns/${campaign.id}`, {
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    const other = await createTenant();
    await expectProblem(
      await call(`/v1/campaigns/${campaign.id}`, { headers: other.owner.headers }),
      404,
      "campaign_not_found",
    );
  });

  it("walks a long list page by page without gaps or repeats, in the order asked, one round trip a page", async () => {
    const { owner } = await createTenant();
    const base = Date.UTC(2027, 0, 1);
    const created = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        // Some share a start, so the id tiebreaker is exercised.
        createCampaign(owner.organizationId, {
          name: `Campaign ${i}`,
          startDate: new Date(base + Math.floor(i / 3) * 86_400_000),
          endDate: new Date(base + Math.floor(i / 3) * 86_400_000 + 3_600_000),
        }),
      ),
    );
    const seen: CampaignBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/v1/campaigns?limit=10&sort=start_date${cursor ? `&cursor=${cursor}` : ""}`;
      const { response, roundTrips } = await measure(query, { headers: owner.headers });
      expect(roundTrips).toBe(1);
      const page = (await response.json()) as Page;
      seen.push(...page.data);
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen.map((c) => c.id))).toEqual(new Set(created.map((c) => c.id)));
    expect(seen).toHaveLength(45);
    const starts = seen.map((c) => c.start_date);
    expect([...starts].sort()).toEqual(starts);
  });

  it("filters by status, event, type, platform, day and name prefix, and sorts by name", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    await createCampaign(owner.organizationId, {
      name: "Alpha awareness",
      eventId: event.id,
      status: "active",
      targetPlatforms: ["x", "bluesky"],
      startDate: day("2027-01-01"),
      endDate: new Date("2027-01-31T23:59:59Z"),
    });
    await createCampaign(owner.organizationId, {
      name: "Beta recap",
      campaignType: "recap",
      targetPlatforms: ["linkedin"],
      startDate: day("2027-03-12"),
      endDate: day("2027-03-20"),
    });
    await createCampaign(owner.organizationId, {
      name: "Gamma live",
      campaignType: "live_coverage",
      eventId: event.id,
      targetPlatforms: ["x", "instagram"],
      startDate: new Date("2027-03-10T05:00:00Z"),
      endDate: new Date("2027-03-11T18:00:00Z"),
    });
    await createCampaign(owner.organizationId, { name: "Deleted alpha", eventId: event.id, deleted: true });
    const names = async (query: string) => (await list(owner, query)).data.map((c) => c.name);
    expect(await names("?status=active")).toEqual(["Alpha awareness"]);
    expect(await names(`?event_id=${event.id}&sort=name`)).toEqual(["Alpha awareness", "Gamma live"]);
    expect(await names("?campaign_type=recap")).toEqual(["Beta recap"]);
    expect(await names("?platform=x&sort=-name")).toEqual(["Gamma live", "Alpha awareness"]);
    expect(await names("?platform=threads")).toEqual([]);
    expect(await names("?active_on=2027-01-31")).toEqual(["Alpha awareness"]);
    expect(await names("?active_on=2027-02-01")).toEqual([]);
    expect(await names("?active_on=2027-03-11&sort=name")).toEqual(["Gamma live"]);
    expect(await names("?active_on=2027-03-12")).toEqual(["Beta recap"]);
    expect(await names("?q=bet")).toEqual(["Beta recap"]);
    expect(await names("?q=a%25")).toEqual([]);
    expect(await names("?sort=start_date")).toEqual(["Alpha awareness", "Gamma live", "Beta recap"]);
    await expectProblem(
      await call("/v1/campaigns?platform=myspace", { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call("/v1/campaigns?active_on=tomorrow", { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call("/v1/campaigns?cursor=bm9wZQ", { headers: owner.headers }),
      400,
      "invalid_cursor",
    );
  });
});

describe("updating campaigns", () => {
  it("a stale If-Match is 412; the current one updates in two round trips, with a new ETag and an audit diff", async () => {
    const { owner } = await createTenant();
    const response = await create(owner);
    const campaign = (await response.json()) as CampaignBody;
    const etag = response.headers.get("etag") ?? "";
    const ok = await measure(`/v1/campaigns/${campaign.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ name: "Road to AES", kpi_targets: { impressions: 750_000 } }),
    });
    expect(ok.response.status).toBe(200);
    expect(ok.roundTrips).toBe(2);
    expect(await ok.response.clone().json()).toMatchObject({
      name: "Road to AES",
      kpi_targets: { impressions: 750_000 },
    });
    const newEtag = ok.response.headers.get("etag");
    expect(newEtag).not.toBe(etag);
    await expectProblem(
      await patch(owner, campaign.id, { name: "Again" }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
    expect((await patch(owner, campaign.id, { name: "Again" }, { "if-match": newEtag ?? "" })).status).toBe(
      200,
    );
    const audit = await auditRows(owner.organizationId, campaign.id);
    expect(audit.map((a) => a.action)).toEqual(["campaign.create", "campaign.update", "campaign.update"]);
    expect(audit[1]?.changes).toMatchObject({
      name: { from: "Road to AES 2027", to: "Road to AES" },
      kpiTargets: { to: { impressions: 750_000 } },
    });
  });

  it("follows the status lifecycle, paused and active back and forth, and refuses other moves with 409", async () => {
    const { owner } = await createTenant();
    const campaign = (await (await create(owner)).json()) as CampaignBody;
    const problem = await expectProblem(
      await patch(owner, campaign.id, { status: "paused" }),
      409,
      "invalid_status_transition",
    );
    expect(problem).toMatchObject({ from: "draft", to: "paused", allowed: ["active", "archived"] });
    for (const status of ["active", "paused", "active", "completed", "archived"]) {
      expect((await patch(owner, campaign.id, { status })).status, status).toBe(200);
    }
    await expectProblem(
      await patch(owner, campaign.id, { status: "active" }),
      409,
      "invalid_status_transition",
    );
    const actions = (await auditRows(owner.organizationId, campaign.id)).map((a) => a.action);
    expect(actions).toEqual(["campaign.create", ...Array(5).fill("campaign.status_change")]);
    const archivable = (await (await create(owner)).json()) as CampaignBody;
    expect((await patch(owner, archivable.id, { status: "archived" })).status).toBe(200);
  });

  it("moves to another event of the organisation, refuses another tenant's (404), and detaches with null", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const event = await createEvent(owner.organizationId);
    const theirs = await createEvent(other.owner.organizationId);
    const campaign = (await (await create(owner)).json()) as CampaignBody;
    await expectProblem(await patch(owner, campaign.id, { event_id: theirs.id }), 404, "event_not_found");
    const moved = await measure(`/v1/campaigns/${campaign.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ event_id: event.id }),
    });
    expect(moved.response.status).toBe(200);
    expect(moved.roundTrips).toBe(2);
    expect(((await moved.response.json()) as CampaignBody).event_id).toBe(event.id);
    const detached = await patch(owner, campaign.id, { event_id: null });
    expect(((await detached.json()) as CampaignBody).event_id).toBeNull();
  });

  it("keeps dates in order when only one changes, and checks the KPI targets as on create", async () => {
    const { owner } = await createTenant();
    const campaign = (await (await create(owner)).json()) as CampaignBody;
    const dates = await expectProblem(
      await patch(owner, campaign.id, { end_date: "2027-01-01T00:00:00Z" }),
      400,
      "validation_failed",
    );
    expect(dates.errors?.[0]).toMatchObject({ path: "json.end_date", code: "date_order" });
    await expectProblem(
      await patch(owner, campaign.id, { kpi_targets: { likes: 1 } }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await patch(owner, campaign.id, { target_platforms: ["x", "x"] }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await patch(owner, crypto.randomUUID(), { name: "Nobody" }),
      404,
      "campaign_not_found",
    );
  });
});

describe("deleting and restoring campaigns", () => {
  it("a deleted campaign leaves reads and lists, and restore brings it back; audited", async () => {
    const { owner } = await createTenant();
    const campaign = (await (await create(owner)).json()) as CampaignBody;
    const path = `/v1/campaigns/${campaign.id}`;
    const deleted = await measure(path, { method: "DELETE", headers: owner.headers });
    expect(deleted.response.status).toBe(204);
    expect(deleted.roundTrips).toBe(1);
    await expectProblem(await call(path, { headers: owner.headers }), 404, "campaign_not_found");
    await expectProblem(
      await call(path, { method: "DELETE", headers: owner.headers }),
      404,
      "campaign_not_found",
    );
    expect((await list(owner)).data).toEqual([]);
    expect((await call(`${path}/restore`, { method: "POST", headers: owner.headers })).status).toBe(200);
    expect((await call(path, { headers: owner.headers })).status).toBe(200);
    expect((await auditRows(owner.organizationId, campaign.id)).map((a) => a.action)).toEqual([
      "campaign.create",
      "campaign.delete",
      "campaign.restore",
    ]);
  });

  it("a campaign outlives its event: when the event is deleted for good, event_id becomes null", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const campaign = (await (await create(owner, { event_id: event.id })).json()) as CampaignBody;
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      purged: db
        .delete(events)
        .where(and(eq(events.organizationId, owner.organizationId), eq(events.id, event.id))),
    }));
    const after = await call(`/v1/campaigns/${campaign.id}`, { headers: owner.headers });
    expect(after.status).toBe(200);
    expect((await after.json()) as CampaignBody).toMatchObject({
      id: campaign.id,
      event_id: null,
      name: campaign.name,
    });
  });

  it("viewers and editors can read campaigns but not write them", async () => {
    const { owner, viewer, editor, manager } = await createTenant(["owner", "viewer", "editor", "manager"]);
    const campaign = (await (await create(owner)).json()) as CampaignBody;
    for (const reader of [viewer, editor]) {
      expect((await call(`/v1/campaigns/${campaign.id}`, { headers: reader.headers })).status).toBe(200);
      await expectProblem(await create(reader), 403, "missing_permission");
      await expectProblem(await patch(reader, campaign.id, { name: "Mine" }), 403, "missing_permission");
    }
    expect((await create(manager)).status).toBe(201);
  });
});
