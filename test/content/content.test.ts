import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organizations } from "../../src/db/schema/organizations.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { auditRows } from "../support/audit.ts";
import { createCampaign } from "../support/campaigns.ts";
import {
  type ContentBody,
  createContent,
  createContentAs,
  createMedia,
  inAnHour,
  patchContent,
  readContent,
} from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface Page {
  data: ContentBody[];
  next_cursor: string | null;
}

const post = (overrides: Record<string, unknown> = {}) => ({
  content_type: "post",
  title: "Day one opens",
  caption: "Doors open at 8:00 in Nairobi.",
  target_platforms: ["x", "bluesky"],
  ...overrides,
});

const list = async (user: TestUser, query: string): Promise<Page> =>
  (await (await call(`/v1/content${query}`, { headers: user.headers })).json()) as Page;

const actions = async (organizationId: string, id: string) =>
  (await auditRows(organizationId, id)).map((row) => row.action);

describe("creating content", () => {
  it("answers 201 with Location and ETag: a draft, version 1, hashtags normalised, audited, in one round trip", async () => {
    const { owner } = await createTenant();
    const { response, roundTrips } = await measure("/v1/content", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(post({ hashtags: ["AES2027", "#aes2027", " #Energy "] })),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const body = (await response.json()) as ContentBody;
    expect(response.headers.get("location")).toBe(`/v1/content/${body.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(body).toMatchObject({
      version: 1,
      parent_version_id: null,
      workflow_status: "draft",
      hashtags: ["#AES2027", "#Energy"],
      media_assets: [],
      approval_required: false,
      event_id: null,
    });
    const audit = await auditRows(owner.organizationId, body.id);
    expect(audit.map((a) => a.action)).toEqual(["content.create"]);
    expect(audit[0]?.changes).toMatchObject({
      content_type: "post",
      caption: "[withheld]",
    });
  });

  it("checks its event, campaign and media in the same single round trip", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const campaign = await createCampaign(owner.organizationId, { eventId: event.id });
    const image = await createMedia(owner.organizationId);
    const video = await createMedia(owner.organizationId, { fileType: "video", mimeType: "video/mp4" });
    const { response, roundTrips } = await measure("/v1/content", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(
        post({
          event_id: event.id,
          campaign_id: campaign.id,
          media_assets: [video.id, image.id],
          scheduled_for: "2027-03-10T07:30:00+03:00",
        }),
      ),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    expect(await response.json()).toMatchObject({
      event_id: event.id,
      campaign_id: campaign.id,
      media_assets: [video.id, image.id],
      scheduled_for: "2027-03-10T04:30:00.000Z",
    });
  });

  it("another organisation's (or a deleted) event or campaign is 404, its media 400 unknown_media listing them", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirEvent = await createEvent(other.organization.id);
    const deletedEvent = await createEvent(owner.organizationId, { deleted: true });
    const theirCampaign = await createCampaign(other.organization.id);
    const mine = await createMedia(owner.organizationId);
    const theirs = await createMedia(other.organization.id);
    const deleted = await createMedia(owner.organizationId, { deleted: true });
    await expectProblem(
      await createContentAs(owner, post({ event_id: theirEvent.id })),
      404,
      "event_not_found",
    );
    await expectProblem(
      await createContentAs(owner, post({ event_id: deletedEvent.id })),
      404,
      "event_not_found",
    );
    await expectProblem(
      await createContentAs(owner, post({ campaign_id: theirCampaign.id })),
      404,
      "campaign_not_found",
    );
    const problem = (await expectProblem(
      await createContentAs(owner, post({ media_assets: [mine.id, theirs.id, deleted.id] })),
      400,
      "unknown_media",
    )) as unknown as { media_ids: string[] };
    expect(problem.media_ids.sort()).toEqual([theirs.id, deleted.id].sort());
    expect((await list(owner, "")).data).toEqual([]);
  });

  it("refuses an unknown content type, a duplicate media id, an unknown platform, a bad hashtag and unknown fields", async () => {
    const { owner } = await createTenant();
    const id = crypto.randomUUID();
    const cases: Array<[Record<string, unknown>, string]> = [
      [post({ content_type: "tweetstorm" }), "json.content_type"],
      [post({ media_assets: [id, id] }), "json.media_assets.1"],
      [post({ target_platforms: ["myspace"] }), "json.target_platforms.0"],
      [post({ target_platforms: ["x", "x"] }), "json.target_platforms.1"],
      [post({ hashtags: ["#two words"] }), "json.hashtags.0"],
      [post({ caption: "a".repeat(10_001) }), "json.caption"],
      [post({ scheduled_for: "tomorrow" }), "json.scheduled_for"],
      [post({ workflow_status: "approved" }), "json.workflow_status"],
      [post({ version: 7 }), "json.version"],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(await createContentAs(owner, body), 400, "validation_failed");
      expect(
        problem.errors?.map((e) => e.path),
        path,
      ).toContain(path);
    }
    const missing = await expectProblem(
      await createContentAs(owner, { caption: "no type" }),
      400,
      "validation_failed",
    );
    expect(missing.errors?.[0]?.path).toBe("json.content_type");
  });

  it("approval_required follows the organisation's require_approval setting unless given", async () => {
    const { owner } = await createTenant();
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      settings: db
        .update(organizations)
        .set({ settings: { require_approval: true } })
        .where(eq(organizations.id, owner.organizationId)),
    }));
    const strict = (await (await createContentAs(owner, post())).json()) as ContentBody;
    expect(strict.approval_required).toBe(true);
    const relaxed = (await (
      await createContentAs(owner, post({ approval_required: false }))
    ).json()) as ContentBody;
    expect(relaxed.approval_required).toBe(false);
  });

  it("a viewer can read content but not write it", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const row = await createContent(owner.organizationId);
    expect((await call(`/v1/content/${row.id}`, { headers: viewer.headers })).status).toBe(200);
    await expectProblem(await createContentAs(viewer, post()), 403, "missing_permission");
  });
});

describe("reading and listing", () => {
  it("GET answers the content with its ETag in one round trip; another tenant's id is 404", async () => {
    const { owner } = await createTenant();
    const row = await createContent(owner.organizationId);
    const { response, roundTrips } = await measure(`/v1/content/${row.id}`, { headers: owner.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    const other = await createTenant();
    await expectProblem(
      await call(`/v1/content/${row.id}`, { headers: other.owner.headers }),
      404,
      "content_not_found",
    );
  });

  it("filters by status, event, campaign, type, platform and a scheduled window, one round trip a page", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const event = await createEvent(org);
    const campaign = await createCampaign(org);
    const a = await createContent(org, {
      eventId: event.id,
      targetPlatforms: ["x"],
      scheduledFor: new Date("2027-03-10T08:00:00Z"),
    });
    const b = await createContent(org, {
      campaignId: campaign.id,
      workflowStatus: "approved",
      contentType: "reel",
      targetPlatforms: ["instagram"],
      scheduledFor: new Date("2027-03-11T08:00:00Z"),
    });
    const c = await createContent(org, { scheduledFor: null, targetPlatforms: ["linkedin", "x"] });
    await createContent(org, { eventId: event.id, deleted: true });
    const ids = async (query: string) => (await list(owner, query)).data.map((row) => row.id);
    const { roundTrips } = await measure("/v1/content?workflow_status=approved", { headers: owner.headers });
    expect(roundTrips).toBe(1);
    expect(await ids("?workflow_status=approved")).toEqual([b.id]);
    expect(await ids(`?event_id=${event.id}`)).toEqual([a.id]);
    expect(await ids(`?campaign_id=${campaign.id}`)).toEqual([b.id]);
    expect(await ids("?content_type=reel")).toEqual([b.id]);
    expect(await ids("?platform=x&sort=created_at")).toEqual([a.id, c.id]);
    expect(
      await ids(
        `?scheduled_from=${encodeURIComponent("2027-03-10T00:00:00Z")}&scheduled_to=${encodeURIComponent("2027-03-11T00:00:00Z")}`,
      ),
    ).toEqual([a.id]);
    expect(await ids("?sort=created_at")).toEqual([a.id, b.id, c.id]);
    expect(await ids("")).toEqual([c.id, b.id, a.id]);
  });

  it("walks a long list page by page without gaps or repeats", async () => {
    const { owner } = await createTenant();
    const created = await Promise.all(Array.from({ length: 23 }, () => createContent(owner.organizationId)));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(owner, `?limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.data.map((row) => row.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(new Set(created.map((row) => row.id)));
  });
});

describe("full-text search", () => {
  it("q searches title and caption in web-search syntax, best match first, in one round trip", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const keynote = await createContent(org, {
      title: "Keynote: the energy transition",
      caption: "The energy minister opens the summit. Energy for all, energy now.",
    });
    const panel = await createContent(org, { title: "Panel", caption: "A panel on energy storage." });
    const lunch = await createContent(org, { title: "Lunch", caption: "Lunch is served in hall B." });
    const other = await createTenant();
    await createContent(other.organization.id, { caption: "energy energy energy" });

    const { response, roundTrips } = await measure("/v1/content?q=energy", { headers: owner.headers });
    expect(roundTrips).toBe(1);
    const found = ((await response.json()) as Page).data.map((row) => row.id);
    expect(found).toEqual([keynote.id, panel.id]);
    expect((await list(owner, "?q=energy%20-storage")).data.map((row) => row.id)).toEqual([keynote.id]);
    expect((await list(owner, `?q=${encodeURIComponent('"hall b"')}`)).data.map((row) => row.id)).toEqual([
      lunch.id,
    ]);
    expect((await list(owner, "?q=energy&sort=created_at")).data.map((row) => row.id)).toEqual([
      keynote.id,
      panel.id,
    ]);
  });

  it("pages through ranked results with the rank as the cursor's key", async () => {
    const { owner } = await createTenant();
    const rows = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        createContent(owner.organizationId, { caption: `${"summit ".repeat(i + 1)}news` }),
      ),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(owner, `?q=summit&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.data.map((row) => row.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((row) => row.id).reverse());
  });
});

describe("editing a draft", () => {
  it("changes it in place (200), with If-Match, in two round trips, audited with what changed", async () => {
    const { owner } = await createTenant();
    const created = await createContentAs(owner, post());
    const row = (await created.json()) as ContentBody;
    const etag = created.headers.get("etag") ?? "";
    const { response, roundTrips } = await measure(`/v1/content/${row.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ caption: "Doors open at 8:30.", hashtags: ["AES2027"] }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    const updated = (await response.json()) as ContentBody;
    expect(updated).toMatchObject({
      id: row.id,
      version: 1,
      caption: "Doors open at 8:30.",
      hashtags: ["#AES2027"],
    });
    await expectProblem(
      await patchContent(owner, row.id, { title: "x" }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
    const audit = await auditRows(owner.organizationId, row.id);
    expect(audit.map((a) => a.action)).toEqual(["content.create", "content.update"]);
    expect(audit[1]?.changes).toEqual({
      caption: "[withheld]",
      hashtags: "[withheld]",
    });
  });

  it("checks new references like create does; an empty patch is 400", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const row = await createContent(owner.organizationId);
    const theirs = await createMedia(other.organization.id);
    const theirEvent = await createEvent(other.organization.id);
    await expectProblem(
      await patchContent(owner, row.id, { event_id: theirEvent.id }),
      404,
      "event_not_found",
    );
    await expectProblem(
      await patchContent(owner, row.id, { media_assets: [theirs.id] }),
      400,
      "unknown_media",
    );
    await expectProblem(await patchContent(owner, row.id, {}), 400, "validation_failed");
    expect((await readContent(owner, row.id)).updated_at).toBe(row.updatedAt.toISOString());
    expect(await actions(owner.organizationId, row.id)).toEqual([]);
  });

  it("event_id null detaches the content from its event", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const row = await createContent(owner.organizationId, { eventId: event.id });
    const response = await patchContent(owner, row.id, { event_id: null, scheduled_for: null });
    expect(await response.json()).toMatchObject({ event_id: null, scheduled_for: null });
  });
});

describe("deleting and restoring", () => {
  it("deleted content is gone from reads and lists; restore brings it back; both audited", async () => {
    const { owner } = await createTenant();
    const row = await createContent(owner.organizationId, { scheduledFor: inAnHour() });
    const { response, roundTrips } = await measure(`/v1/content/${row.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(response.status).toBe(204);
    expect(roundTrips).toBe(1);
    await expectProblem(
      await call(`/v1/content/${row.id}`, { headers: owner.headers }),
      404,
      "content_not_found",
    );
    expect((await list(owner, "")).data).toEqual([]);
    const restored = await call(`/v1/content/${row.id}/restore`, { method: "POST", headers: owner.headers });
    expect(restored.status).toBe(200);
    expect((await call(`/v1/content/${row.id}`, { headers: owner.headers })).status).toBe(200);
    expect(await actions(owner.organizationId, row.id)).toEqual(["content.delete", "content.restore"]);
  });
});
