import { describe, expect, it } from "vitest";
import type { ContentWorkflowStatus } from "../../src/db/schema/content.ts";
import { auditRows } from "../support/audit.ts";
import { createCampaign } from "../support/campaigns.ts";
import {
  type ContentBody,
  createContent,
  createMedia,
  patchContent,
  readContent,
  transition,
} from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

interface Page {
  data: ContentBody[];
  next_cursor: string | null;
}

interface Diff {
  from: { id: string; version: number };
  to: { id: string; version: number };
  changes: Record<string, { from: unknown; to: unknown }>;
}

const versionsOf = async (user: TestUser, id: string) =>
  ((await (await call(`/v1/content/${id}/versions`, { headers: user.headers })).json()) as Page).data;

async function edit(user: TestUser, id: string, body: Record<string, unknown>): Promise<ContentBody> {
  const response = await patchContent(user, id, body);
  expect(response.status).toBe(201);
  return (await response.json()) as ContentBody;
}

describe("editing content past draft makes a new version", () => {
  for (const status of [
    "in_review",
    "approved",
    "changes_requested",
    "scheduled",
  ] as ContentWorkflowStatus[]) {
    it(`editing ${status} content answers 201 with a new draft (parent, version + 1) and leaves the original untouched`, async () => {
      const { owner } = await createTenant();
      const original = await createContent(owner.organizationId, {
        workflowStatus: status,
        hashtags: ["#AES2027"],
      });
      const before = await readContent(owner, original.id);
      const { response, roundTrips } = await measure(`/v1/content/${original.id}`, {
        method: "PATCH",
        headers: { ...owner.headers, "content-type": "application/json" },
        body: JSON.stringify({ caption: "Doors open at 8:30." }),
      });
      expect(response.status).toBe(201);
      expect(roundTrips).toBe(2);
      const version = (await response.json()) as ContentBody;
      expect(response.headers.get("location")).toBe(`/v1/content/${version.id}`);
      expect(version).toMatchObject({
        parent_version_id: original.id,
        version: 2,
        workflow_status: "draft",
        caption: "Doors open at 8:30.",
        title: before.title,
        hashtags: ["#AES2027"],
        target_platforms: before.target_platforms,
        scheduled_for: before.scheduled_for,
      });
      expect(version.id).not.toBe(original.id);
      expect(await readContent(owner, original.id)).toEqual(before);
      const audit = await auditRows(owner.organizationId, version.id);
      expect(audit.map((a) => a.action)).toEqual(["content.version_create"]);
      expect(audit[0]?.changes).toEqual({
        parent_version_id: original.id,
        version: 2,
        caption: "[withheld]",
      });
      expect(await auditRows(owner.organizationId, original.id)).toEqual([]);
    });
  }

  it("only the newest version takes an edit: the older one answers 409 not_latest_version", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved" });
    const v2 = await edit(owner, v1.id, { title: "Second" });
    const problem = await expectProblem(
      await patchContent(owner, v1.id, { title: "Third" }),
      409,
      "not_latest_version",
    );
    expect(problem).toMatchObject({ newer_version_id: v2.id });
    // The new draft is edited in place; once submitted, its edits become version 3.
    expect((await patchContent(owner, v2.id, { title: "Second, again" })).status).toBe(200);
    expect((await transition(owner, v2.id, { to: "in_review" })).status).toBe(200);
    const v3 = await edit(owner, v2.id, { title: "Third" });
    expect(v3).toMatchObject({ parent_version_id: v2.id, version: 3 });
  });

  it("two edits of the same approved version at once make one version; the other is refused", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved" });
    const responses = await Promise.all(
      ["A", "B", "C"].map((title) => patchContent(owner, v1.id, { title })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    expect(await versionsOf(owner, v1.id)).toHaveLength(2);
  });

  it("checks only what the edit sets: an event deleted since the approval does not block a caption fix", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId, { deleted: true });
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved", eventId: event.id });
    const v2 = await edit(owner, v1.id, { caption: "fixed" });
    expect(v2).toMatchObject({ event_id: event.id, caption: "fixed" });
    await expectProblem(await patchContent(owner, v2.id, { event_id: event.id }), 404, "event_not_found");
  });

  it("checks a new version's references: another tenant's campaign is 404 and no version is made", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createCampaign(other.organization.id);
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved" });
    await expectProblem(
      await patchContent(owner, v1.id, { campaign_id: theirs.id }),
      404,
      "campaign_not_found",
    );
    const mediaOfOthers = await createMedia(other.organization.id);
    await expectProblem(
      await patchContent(owner, v1.id, { media_assets: [mediaOfOthers.id] }),
      400,
      "unknown_media",
    );
    expect(await versionsOf(owner, v1.id)).toHaveLength(1);
  });
});

describe("GET /v1/content/{id}/versions", () => {
  it("lists the whole chain oldest first from any of its versions, in one round trip", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved" });
    const v2 = await edit(owner, v1.id, { caption: "two" });
    await transition(owner, v2.id, { to: "in_review" });
    const v3 = await edit(owner, v2.id, { caption: "three" });
    const unrelated = await createContent(owner.organizationId);
    for (const member of [v1.id, v2.id, v3.id]) {
      const { response, roundTrips } = await measure(`/v1/content/${member}/versions`, {
        headers: owner.headers,
      });
      expect(roundTrips).toBe(1);
      const page = (await response.json()) as Page;
      expect(page.data.map((v) => [v.id, v.version])).toEqual([
        [v1.id, 1],
        [v2.id, 2],
        [v3.id, 3],
      ]);
    }
    expect((await versionsOf(owner, unrelated.id)).map((v) => v.id)).toEqual([unrelated.id]);
    const two = (await (
      await call(`/v1/content/${v3.id}/versions?limit=2`, { headers: owner.headers })
    ).json()) as Page;
    expect(two.data.map((v) => v.version)).toEqual([1, 2]);
    const rest = (await (
      await call(`/v1/content/${v3.id}/versions?limit=2&cursor=${two.next_cursor}`, {
        headers: owner.headers,
      })
    ).json()) as Page;
    expect(rest).toEqual({ data: [expect.objectContaining({ id: v3.id })], next_cursor: null });
  });

  it("GET /v1/content?latest=true keeps only the newest version of each chain", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved" });
    const v2 = await edit(owner, v1.id, { caption: "two" });
    const single = await createContent(owner.organizationId);
    const all = (await (
      await call("/v1/content?sort=created_at", { headers: owner.headers })
    ).json()) as Page;
    expect(all.data.map((row) => row.id)).toEqual([v1.id, v2.id, single.id]);
    const latest = (await (
      await call("/v1/content?sort=created_at&latest=true", { headers: owner.headers })
    ).json()) as Page;
    expect(latest.data.map((row) => row.id)).toEqual([v2.id, single.id]);
  });

  it("leaves deleted versions out without breaking the chain", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved" });
    const v2 = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      parentVersionId: v1.id,
      version: 2,
      deleted: true,
    });
    const v3 = await createContent(owner.organizationId, { parentVersionId: v2.id, version: 3 });
    expect((await versionsOf(owner, v3.id)).map((v) => v.version)).toEqual([1, 3]);
    expect((await versionsOf(owner, v1.id)).map((v) => v.version)).toEqual([1, 3]);
    await expectProblem(
      await call(`/v1/content/${v2.id}/versions`, { headers: owner.headers }),
      404,
      "content_not_found",
    );
  });
});

describe("GET /v1/content/{id}/diff", () => {
  it("answers the fields that changed with their old and new values, in one round trip", async () => {
    const { owner } = await createTenant();
    const image = await createMedia(owner.organizationId);
    const v1 = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      caption: "one",
      hashtags: ["#A"],
      targetPlatforms: ["x"],
    });
    const v2 = await edit(owner, v1.id, {
      caption: "two",
      hashtags: ["#A", "#B"],
      media_assets: [image.id],
      content_type: "announcement",
    });
    const { response, roundTrips } = await measure(`/v1/content/${v1.id}/diff?from=${v1.id}&to=${v2.id}`, {
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    expect(await response.json()).toEqual({
      from: { id: v1.id, version: 1 },
      to: { id: v2.id, version: 2 },
      changes: {
        content_type: { from: "post", to: "announcement" },
        caption: { from: "one", to: "two" },
        hashtags: { from: ["#A"], to: ["#A", "#B"] },
        media_assets: { from: [], to: [image.id] },
      },
    });
    // Defaults: to = {id}, from = the version it was made from.
    const defaults = (await (
      await call(`/v1/content/${v2.id}/diff`, { headers: owner.headers })
    ).json()) as Diff;
    expect(defaults.from.id).toBe(v1.id);
    expect(Object.keys(defaults.changes)).toEqual(["content_type", "caption", "hashtags", "media_assets"]);
    const backwards = (await (
      await call(`/v1/content/${v2.id}/diff?from=${v2.id}&to=${v1.id}`, { headers: owner.headers })
    ).json()) as Diff;
    expect(backwards.changes.caption).toEqual({ from: "two", to: "one" });
  });

  it("versions of another chain are 404; a first version has nothing to compare with (400)", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId, { workflowStatus: "approved" });
    const stranger = await createContent(owner.organizationId);
    await expectProblem(
      await call(`/v1/content/${v1.id}/diff?from=${stranger.id}`, { headers: owner.headers }),
      404,
      "content_version_not_found",
    );
    await expectProblem(
      await call(`/v1/content/${v1.id}/diff`, { headers: owner.headers }),
      400,
      "no_earlier_version",
    );
  });
});

describe("POST /v1/content/{id}/versions/{version_id}/restore", () => {
  it("copies an earlier version's fields into a new draft at the head of the chain, in two round trips", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      caption: "the original",
      hashtags: ["#Original"],
    });
    const v2 = await edit(owner, v1.id, { caption: "a mistake", hashtags: [] });
    await transition(owner, v2.id, { to: "in_review" });
    const before = await readContent(owner, v2.id);
    const { response, roundTrips } = await measure(`/v1/content/${v2.id}/versions/${v1.id}/restore`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(2);
    const v3 = (await response.json()) as ContentBody;
    expect(response.headers.get("location")).toBe(`/v1/content/${v3.id}`);
    expect(v3).toMatchObject({
      parent_version_id: v2.id,
      version: 3,
      workflow_status: "draft",
      caption: "the original",
      hashtags: ["#Original"],
    });
    expect(await readContent(owner, v2.id)).toEqual(before);
    const audit = await auditRows(owner.organizationId, v3.id);
    expect(audit.map((a) => a.action)).toEqual(["content.version_create"]);
    expect(audit[0]?.changes).toMatchObject({
      parent_version_id: v2.id,
      version: 3,
      restored_from: { id: v1.id, version: 1 },
      caption: "[withheld]",
    });
    expect((await versionsOf(owner, v1.id)).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it("a version of another chain is 404 content_version_not_found", async () => {
    const { owner } = await createTenant();
    const v1 = await createContent(owner.organizationId);
    const stranger = await createContent(owner.organizationId);
    await expectProblem(
      await call(`/v1/content/${v1.id}/versions/${stranger.id}/restore`, {
        method: "POST",
        headers: owner.headers,
      }),
      404,
      "content_version_not_found",
    );
  });
});
