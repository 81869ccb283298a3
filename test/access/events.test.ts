import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events } from "../../src/db/schema/events.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { fill, loadOperations, request } from "../security/operations.ts";
import { bearer, claimsOf, limitAccess, refresh, signIn, type Tokens } from "../support/access.ts";
import { createCampaign } from "../support/campaigns.ts";
import { createContent } from "../support/content.ts";
import { createEventWithDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createPost } from "../support/publishing.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, createUser, type TestUser, testDb } from "../support/tenants.ts";

/**
 * An organisation with two events (each with a delegate, content, a campaign and a published post),
 * content of no event, and an admin signed in with access limited to the first event.
 */
async function limitedToOne() {
  const { owner, admin } = await createTenant(["owner", "admin"]);
  const org = owner.organizationId;
  const account = await createSocialAccount(org, { platform: "x" });
  const side = async () => {
    const { event, delegate } = await createEventWithDelegate(org);
    const content = await createContent(org, {
      eventId: event.id,
      workflowStatus: "published",
      targetPlatforms: ["x"],
    });
    const post = await createPost(org, {
      contentId: content.id,
      socialAccountId: account.id,
      platform: "x",
      publishStatus: "published",
    });
    return { event, delegate, content, post, campaign: await createCampaign(org, { eventId: event.id }) };
  };
  const ours = await side();
  const theirs = await side();
  const unattached = await createContent(org);
  await limitAccess(owner, admin.id, { event_ids: [ours.event.id] });
  const tokens = await signIn(admin);
  return { owner, admin, ours, theirs, unattached, tokens, headers: bearer(tokens) };
}

const ids = async (response: Response) => {
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Array<{ id: string }> }).data.map((row) => row.id);
};

describe("a user limited to events", () => {
  it("reads their event's resources, and another event's ids answer 404 like missing ones", async () => {
    const { ours, theirs, unattached, headers, tokens } = await limitedToOne();
    expect(claimsOf(tokens.access_token)).toMatchObject({ evs: [ours.event.id] });
    for (const path of [
      `/v1/events/${ours.event.id}`,
      `/v1/events/${ours.event.id}/delegates/${ours.delegate.id}`,
      `/v1/events/${ours.event.id}/phases`,
      `/v1/content/${ours.content.id}`,
      `/v1/campaigns/${ours.campaign.id}`,
      `/v1/published-posts/${ours.post.id}`,
    ]) {
      const response = await call(path, { headers });
      expect(response.status, path).toBe(200);
      await response.body?.cancel();
    }
    for (const [path, code] of [
      [`/v1/events/${theirs.event.id}`, "event_not_found"],
      [`/v1/events/${theirs.event.id}/delegates/${theirs.delegate.id}`, "event_not_found"],
      [`/v1/events/${theirs.event.id}/analytics`, "event_not_found"],
      [`/v1/content/${theirs.content.id}`, "content_not_found"],
      [`/v1/content/${unattached.id}`, "content_not_found"],
      [`/v1/campaigns/${theirs.campaign.id}`, "campaign_not_found"],
      [`/v1/published-posts/${theirs.post.id}`, "published_post_not_found"],
    ] as const) {
      await expectProblem(await call(path, { headers }), 404, code);
    }
  });

  it("sees only their events' rows in lists; the organisation's other users see everything", async () => {
    const { owner, ours, theirs, headers } = await limitedToOne();
    expect(await ids(await call("/v1/events", { headers }))).toEqual([ours.event.id]);
    expect(await ids(await call("/v1/content", { headers }))).toEqual([ours.content.id]);
    expect(await ids(await call("/v1/campaigns", { headers }))).toEqual([ours.campaign.id]);
    expect(await ids(await call("/v1/published-posts", { headers }))).toEqual([ours.post.id]);
    expect(await ids(await call("/v1/events", { headers: owner.headers }))).toEqual(
      expect.arrayContaining([ours.event.id, theirs.event.id]),
    );
  });

  it("limited to several events, sees each of them and no other", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createEvent(owner.organizationId)));
    await limitAccess(owner, viewer.id, { event_ids: [a!.id, b!.id] });
    const headers = bearer(await signIn(viewer));
    expect((await ids(await call("/v1/events", { headers }))).sort()).toEqual([a!.id, b!.id].sort());
    await expectProblem(await call(`/v1/events/${c!.id}`, { headers }), 404, "event_not_found");
  });

  it("cannot reach what concerns the whole organisation: 403 limited_to_events", async () => {
    const { headers, tokens } = await limitedToOne();
    for (const [method, path, body] of [
      ["GET", "/v1/users", undefined],
      ["GET", "/v1/audit-logs", undefined],
      ["GET", "/v1/api-keys", undefined],
      ["GET", "/v1/webhook-endpoints", undefined],
      ["GET", "/v1/exports", undefined],
      ["PATCH", "/v1/organization", { name: "Taken over" }],
      ["POST", "/v1/api-keys", { name: "Mine", permissions: ["events:read"] }],
    ] as const) {
      const response = await call(path, {
        method,
        headers: { ...headers, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
      await expectProblem(response, 403, "limited_to_events");
    }
    // Their own account still answers, without those permissions.
    const self = await call("/v1/me", { headers: bearer(tokens) });
    expect(self.status).toBe(200);
    const { effective_permissions } = (await self.json()) as { effective_permissions: string[] };
    expect(effective_permissions).toContain("content:write");
    expect(effective_permissions).not.toContain("users:read");
    expect(effective_permissions).not.toContain("audit:read");
  });

  it("a role without the permission still gets 403 missing_permission", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const event = await createEvent(owner.organizationId);
    await limitAccess(owner, viewer.id, { event_ids: [event.id] });
    const headers = bearer(await signIn(viewer));
    await expectProblem(await call("/v1/audit-logs", { headers }), 403, "missing_permission");
    await expectProblem(await call("/v1/users", { headers }), 403, "limited_to_events");
  });

  it("writes only inside their events: 403 outside_event_access, or 404 for another event", async () => {
    const { ours, theirs, headers } = await limitedToOne();
    const newEvent = await postJson(
      "/v1/events",
      {
        name: "Another summit",
        slug: `other-${crypto.randomUUID().slice(0, 8)}`,
        start_date: "2027-05-10T08:00:00Z",
        end_date: "2027-05-11T18:00:00Z",
        timezone: "UTC",
      },
      { headers },
    );
    await expectProblem(newEvent, 403, "outside_event_access");
    const draft = { content_type: "post", caption: "Doors open at 8:00.", target_platforms: ["x"] };
    await expectProblem(
      await postJson("/v1/content", { ...draft, event_id: theirs.event.id }, { headers }),
      404,
      "event_not_found",
    );
    await expectProblem(await postJson("/v1/content", draft, { headers }), 403, "outside_event_access");
    const ok = await postJson("/v1/content", { ...draft, event_id: ours.event.id }, { headers });
    expect(ok.status).toBe(201);
    const patch = await call(`/v1/events/${theirs.event.id}`, {
      method: "PATCH",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "Taken over" }),
    });
    await expectProblem(patch, 404, "event_not_found");
  });

  it("a change of their events stops their tokens; the refreshed token carries the new events", async () => {
    const { owner, admin, ours, theirs, tokens } = await limitedToOne();
    await limitAccess(owner, admin.id, { event_ids: [theirs.event.id] });
    await expectProblem(await call("/v1/events", { headers: bearer(tokens) }), 401, "token_revoked");
    const renewed = await refresh(tokens);
    expect(renewed.status).toBe(200);
    const next = (await renewed.json()) as Tokens;
    expect(claimsOf(next.access_token)).toMatchObject({ evs: [theirs.event.id] });
    expect(await ids(await call("/v1/events", { headers: bearer(next) }))).toEqual([theirs.event.id]);

    // Lifted: every event again, and organisation-wide operations.
    await limitAccess(owner, admin.id, {});
    const free = (await (await refresh(next)).json()) as Tokens;
    expect(claimsOf(free.access_token).evs).toBeUndefined();
    expect(await ids(await call("/v1/events", { headers: bearer(free) }))).toEqual(
      expect.arrayContaining([ours.event.id, theirs.event.id]),
    );
    expect((await call("/v1/users", { headers: bearer(free) })).status).toBe(200);
  });

  it("whose every event is gone sees no event at all, not every event", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const [kept, gone] = await Promise.all([1, 2].map(() => createEvent(owner.organizationId)));
    await limitAccess(owner, viewer.id, { event_ids: [gone!.id] });
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      gone: db.delete(events).where(eq(events.id, gone!.id)),
    }));
    const tokens = await signIn(viewer);
    expect(claimsOf(tokens.access_token)).toMatchObject({ evs: [] });
    expect(await ids(await call("/v1/events", { headers: bearer(tokens) }))).toEqual([]);
    await expectProblem(
      await call(`/v1/events/${kept!.id}`, { headers: bearer(tokens) }),
      404,
      "event_not_found",
    );
  });

  it("costs no round trip more: /v1/me and a list are one each", async () => {
    const { headers } = await limitedToOne();
    for (const path of ["/v1/me", "/v1/events"]) {
      const { response, roundTrips } = await measure(path, { headers });
      expect(response.status, path).toBe(200);
      expect(roundTrips, path).toBe(1);
    }
  });
});

describe("every operation, called by a user limited to events", { timeout: 60_000 }, () => {
  it("never meets a 5xx", async () => {
    const { operations } = await loadOperations();
    const { owner, admin } = await createTenant(["owner", "admin"]);
    const event = await createEvent(owner.organizationId);
    // Two events: every event policy must read the scope as a list.
    const second = await createEvent(owner.organizationId);
    await limitAccess(owner, admin.id, { event_ids: [event.id, second.id] });
    const limited: TestUser = { ...admin, headers: bearer(await signIn(admin)) };
    // Another user to act on, so user operations are refused for the right reason.
    const other = await createUser(owner.organizationId, { role: "editor" });
    for (const op of operations.filter((o) => o.secured)) {
      const response = await request(op, limited.headers, fill(op.path, { id: event.id }));
      expect(response.status, `${op.method} ${op.path}`).toBeLessThan(500);
      await response.body?.cancel();
    }
    await expectProblem(
      await call(`/v1/users/${other.id}/access`, {
        method: "PUT",
        headers: { ...limited.headers, "content-type": "application/json" },
        body: "{}",
      }),
      403,
      "limited_to_events",
    );
  });
});
