import { describe, expect, it } from "vitest";
import { createApiKey } from "../support/api-keys.ts";
import { createCampaign } from "../support/campaigns.ts";
import { createContent } from "../support/content.ts";
import { createEventWithDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createPost } from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant } from "../support/tenants.ts";

/** An organisation with two events, each with content, a campaign and a published post, and content of no event. */
async function twoEvents() {
  const { owner } = await createTenant();
  const org = owner.organizationId;
  const ours = await createEvent(org);
  const { event: theirs, delegate } = await createEventWithDelegate(org);
  const account = await createSocialAccount(org, { platform: "x" });
  const side = async (eventId: string) => {
    const row = await createContent(org, { eventId, workflowStatus: "published", targetPlatforms: ["x"] });
    const post = await createPost(org, {
      contentId: row.id,
      socialAccountId: account.id,
      platform: "x",
      publishStatus: "published",
    });
    return { content: row, post, campaign: await createCampaign(org, { eventId }) };
  };
  const key = await createApiKey(org, { eventId: ours.id });
  return {
    owner,
    ours: { event: ours, ...(await side(ours.id)) },
    theirs: { event: theirs, delegate, ...(await side(theirs.id)) },
    unattached: await createContent(org),
    key,
  };
}

const ids = async (response: Response) =>
  ((await response.json()) as { data: Array<{ id: string }> }).data.map((row) => row.id);

describe("a key limited to one event", () => {
  it("reads that event's resources, and another event's ids answer 404", async () => {
    const { ours, theirs, unattached, key } = await twoEvents();
    const get = (path: string) => call(path, { headers: key.headers });

    for (const path of [
      `/v1/events/${ours.event.id}`,
      `/v1/events/${ours.event.id}/delegates`,
      `/v1/events/${ours.event.id}/phases`,
      `/v1/content/${ours.content.id}`,
      `/v1/campaigns/${ours.campaign.id}`,
      `/v1/published-posts/${ours.post.id}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      await response.body?.cancel();
    }
    for (const [path, code] of [
      [`/v1/events/${theirs.event.id}`, "event_not_found"],
      [`/v1/events/${theirs.event.id}/delegates`, "event_not_found"],
      [`/v1/events/${theirs.event.id}/delegates/${theirs.delegate.id}`, "event_not_found"],
      [`/v1/events/${theirs.event.id}/analytics`, "event_not_found"],
      [`/v1/content/${theirs.content.id}`, "content_not_found"],
      [`/v1/content/${unattached.id}`, "content_not_found"],
      [`/v1/campaigns/${theirs.campaign.id}`, "campaign_not_found"],
      [`/v1/published-posts/${theirs.post.id}`, "published_post_not_found"],
    ] as const) {
      const problem = await expectProblem(await get(path), 404, code);
      expect(problem.instance, path).toBe(path);
    }
  });

  it("lists only that event's rows", async () => {
    const { owner, ours, theirs, key } = await twoEvents();
    expect(await ids(await call("/v1/events", { headers: key.headers }))).toEqual([ours.event.id]);
    expect(await ids(await call("/v1/content", { headers: key.headers }))).toEqual([ours.content.id]);
    expect(await ids(await call("/v1/campaigns", { headers: key.headers }))).toEqual([ours.campaign.id]);
    expect(await ids(await call("/v1/published-posts", { headers: key.headers }))).toEqual([ours.post.id]);
    // The organisation's users still see everything.
    expect(await ids(await call("/v1/events", { headers: owner.headers }))).toEqual(
      expect.arrayContaining([ours.event.id, theirs.event.id]),
    );
  });

  it("cannot change another event, nor write outside its own: 404, or 403 outside_api_key_scope", async () => {
    const { ours, theirs, key } = await twoEvents();
    const patch = await call(`/v1/events/${theirs.event.id}`, {
      method: "PATCH",
      headers: { ...key.headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "Taken over" }),
    });
    await expectProblem(patch, 404, "event_not_found");

    const newEvent = await postJson(
      "/v1/events",
      {
        name: "Another summit",
        slug: `other-${crypto.randomUUID().slice(0, 8)}`,
        start_date: "2027-05-10T08:00:00Z",
        end_date: "2027-05-11T18:00:00Z",
        timezone: "UTC",
      },
      { headers: key.headers },
    );
    await expectProblem(newEvent, 403, "outside_api_key_scope");

    const draft = { content_type: "post", caption: "Doors open at 8:00.", target_platforms: ["x"] };
    await expectProblem(
      await postJson("/v1/content", { ...draft, event_id: theirs.event.id }, { headers: key.headers }),
      404,
      "event_not_found",
    );
    await expectProblem(
      await postJson("/v1/content", draft, { headers: key.headers }),
      403,
      "outside_api_key_scope",
    );
    const ok = await postJson("/v1/content", { ...draft, event_id: ours.event.id }, { headers: key.headers });
    expect(ok.status).toBe(201);
  });
});
