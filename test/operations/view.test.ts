import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import { content as contentTable } from "../../src/db/schema/content.ts";
import { publishAttempts } from "../../src/db/schema/publish-attempts.ts";
import { sentimentAlerts } from "../../src/db/schema/sentiment-alerts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createPendingRequest, rolesStep, usersStep } from "../support/approvals.ts";
import { createContent } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { recordMeasurements } from "../support/metrics.ts";
import { createPost } from "../support/publishing.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, createUser, testDb } from "../support/tenants.ts";

const MINUTE = 60_000;
const fromNow = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

interface Operations {
  event: { id: string; name: string; time_zone: string; status: string };
  generated_at: string;
  upcoming: {
    until: string;
    total: number;
    posts: Array<{
      published_post_id: string;
      content_title: string | null;
      platform: Platform;
      social_account: { id: string; username: string | null } | null;
      due_at: string;
      overdue: boolean;
      held_by: {
        pause: { id: string; until: string | null } | null;
        embargoed: boolean;
        account: string | null;
      };
    }>;
  };
  approvals: {
    total: number;
    overdue: number;
    requests: Array<{
      approval_request_id: string;
      content_title: string | null;
      step: { number: number; name: string; of: number; approvals: number };
      waiting_for: { roles: string[]; users: Array<{ id: string; name: string }> };
      since: string;
      due_at: string | null;
      overdue: boolean;
    }>;
  };
  failed: {
    total: number;
    posts: Array<{
      published_post_id: string;
      reason: string | null;
      attempts: number;
      last_attempt: { outcome: string; http_status: number | null; error_code: string | null } | null;
    }>;
  };
  accounts: {
    total: number;
    accounts: Array<{
      social_account_id: string;
      reason: string;
      status_reason: string | null;
      waiting_posts: number;
    }>;
  };
  pauses: Array<{ id: string; scope: string; platform: string | null; waiting_posts: number }>;
  trending: {
    top_posts: Array<{ published_post_id: string; likes: number | null; impressions: number | null }>;
    gained: {
      likes: number | null;
      impressions: number | null;
      interactions: number | null;
      reach: number | null;
    };
    latest_alert: { window_start: string; items: number; negative_share: number } | null;
  };
}

/** An event on its day: posts about to go out (one held by a pause, one by its account, one by an embargo), approvals waiting, a failure, accounts to reconnect, a pause, measurements and an alert. */
async function eventOnTheDay() {
  const { owner } = await createTenant();
  const org = owner.organizationId;
  const approver = await createUser(org, { role: "approver" });
  const event = await createEvent(org, { name: "Africa Energy Summit" });
  const elsewhere = await createEvent(org);
  const x = await createSocialAccount(owner, { platform: "x", eventId: event.id });
  const linkedin = await createSocialAccount(owner, {
    platform: "linkedin",
    eventId: event.id,
    connectionStatus: "reauth_required",
    statusReason: "LinkedIn refused to renew the token",
  });
  const bluesky = await createSocialAccount(owner, {
    platform: "bluesky",
    eventId: event.id,
    tokens: { refreshToken: null, expiresAt: fromNow(180) },
  });
  // Fine: renews itself, or runs out long after the look-ahead, or belongs to another event.
  await createSocialAccount(owner, {
    platform: "facebook",
    tokens: { refreshToken: null, expiresAt: fromNow(10 * 24 * 60) },
  });
  await createSocialAccount(owner, {
    platform: "threads",
    eventId: elsewhere.id,
    connectionStatus: "reauth_required",
  });

  const scheduled = (title: string, platform: Platform, extra = {}) =>
    createContent(org, {
      title,
      workflowStatus: "scheduled",
      targetPlatforms: [platform],
      eventId: event.id,
      ...extra,
    });
  const keynote = await createPost(org, {
    contentId: (await scheduled("Keynote starts", "x")).id,
    socialAccountId: x.id,
    platform: "x",
    nextAttemptAt: fromNow(20),
  });
  const panel = await createPost(org, {
    contentId: (await scheduled("Panel on grids", "linkedin")).id,
    socialAccountId: linkedin.id,
    platform: "linkedin",
    nextAttemptAt: fromNow(30),
  });
  const results = await scheduled("Tender results", "x");
  await inTenant({ db: testDb(), organizationId: org }, (db) => ({
    embargo: db
      .update(contentTable)
      .set({ embargoUntil: fromNow(120) })
      .where(eq(contentTable.id, results.id)),
  }));
  const embargoed = await createPost(org, {
    contentId: results.id,
    socialAccountId: x.id,
    platform: "x",
    nextAttemptAt: fromNow(40),
  });
  await createPost(org, {
    contentId: (await scheduled("Closing remarks", "x")).id,
    socialAccountId: x.id,
    platform: "x",
    nextAttemptAt: fromNow(180),
  });
  const pause = await postJson(
    `/v1/events/${event.id}/publishing/pauses`,
    { platform: "x", until: fromNow(25).toISOString() },
    { headers: owner.headers },
  );
  expect(pause.status).toBe(201);
  const pauseId = ((await pause.json()) as { id: string }).id;

  const legal = await createContent(org, { title: "Minister's quote", eventId: event.id });
  const legalRequest = await createPendingRequest(org, {
    contentId: legal.id,
    requestedBy: owner.id,
    steps: [usersStep([approver.id], 1, { name: "Legal" }), rolesStep(["manager"])],
    stepDueAt: fromNow(-60),
  });
  const managers = await createContent(org, { title: "Gala photos", eventId: event.id });
  const managerRequest = await createPendingRequest(org, {
    contentId: managers.id,
    requestedBy: owner.id,
    steps: [rolesStep(["manager", "admin"])],
  });

  const failedContent = await scheduled("Sponsor thanks", "x", { workflowStatus: "failed" });
  const failed = await createPost(org, {
    contentId: failedContent.id,
    socialAccountId: x.id,
    platform: "x",
    publishStatus: "failed",
    attemptCount: 1,
    lastError: "X refused the post: duplicate content.",
    nextAttemptAt: null,
  });
  await createPost(org, {
    contentId: (await scheduled("Yesterday's failure", "x", { workflowStatus: "failed" })).id,
    socialAccountId: x.id,
    platform: "x",
    publishStatus: "failed",
    lastError: "old",
    updatedAt: fromNow(-3 * 24 * 60),
  });
  await inTenant({ db: testDb(), organizationId: org }, (db) => ({
    attempt: db.insert(publishAttempts).values({
      organizationId: org,
      publishedPostId: failed.id,
      attemptNumber: 1,
      outcome: "permanent_failure",
      httpStatus: 403,
      errorCode: "duplicate",
      errorMessage: "Status is a duplicate.",
      startedAt: fromNow(-5),
      finishedAt: fromNow(-5),
    }),
    alert: db.insert(sentimentAlerts).values({
      organizationId: org,
      eventId: event.id,
      windowStart: fromNow(-30),
      items: 12,
      negativeShare: 0.5,
    }),
  }));

  const published = await createPost(org, {
    contentId: (await scheduled("Opening video", "x", { workflowStatus: "published" })).id,
    socialAccountId: x.id,
    platform: "x",
    publishStatus: "published",
    publishedAt: fromNow(-120),
    nextAttemptAt: null,
  });
  await recordMeasurements(org, published, [
    { at: fromNow(-100), impressions: 100, likes: 10 },
    { at: fromNow(-30), impressions: 400, likes: 40 },
  ]);
  return {
    owner,
    approver,
    event,
    accounts: { x, linkedin, bluesky },
    posts: { keynote, panel, embargoed, failed, published },
    requests: { legal: legalRequest.id, managers: managerRequest.id },
    pauseId,
  };
}

describe("GET /v1/events/{id}/operations", () => {
  it("answers every section of the event's day in one round trip", async () => {
    const day = await eventOnTheDay();
    const { response, roundTrips } = await measure(`/v1/events/${day.event.id}/operations`, {
      headers: day.owner.headers,
    });
    expect(roundTrips).toBe(1);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const view = (await response.json()) as Operations;
    expect(view.event).toEqual({
      id: day.event.id,
      name: "Africa Energy Summit",
      time_zone: "Africa/Nairobi",
      status: "draft",
    });

    // Within the hour, soonest first; what holds each when it is due.
    expect(view.upcoming.total).toBe(3);
    expect(view.upcoming.posts.map((p) => [p.content_title, p.platform, p.held_by])).toEqual([
      [
        "Keynote starts",
        "x",
        { pause: { id: day.pauseId, until: expect.any(String) }, embargoed: false, account: null },
      ],
      ["Panel on grids", "linkedin", { pause: null, embargoed: false, account: "reauth_required" }],
      // The x pause lifts before this one is due; its embargo does not.
      ["Tender results", "x", { pause: null, embargoed: true, account: null }],
    ]);
    expect(view.upcoming.posts[0]).toMatchObject({
      published_post_id: day.posts.keynote.id,
      social_account: { id: day.accounts.x.id, username: day.accounts.x.username },
      due_at: day.posts.keynote.nextAttemptAt!.toISOString(),
      overdue: false,
    });

    expect(view.approvals).toMatchObject({ total: 2, overdue: 1 });
    expect(view.approvals.requests.map((r) => r.approval_request_id)).toEqual([
      day.requests.legal,
      day.requests.managers,
    ]);
    expect(view.approvals.requests[0]).toMatchObject({
      content_title: "Minister's quote",
      step: { number: 1, name: "Legal", of: 2, approvals: 0 },
      waiting_for: { roles: [], users: [{ id: day.approver.id, name: "Test approver" }] },
      overdue: true,
    });
    expect(view.approvals.requests[1]).toMatchObject({
      waiting_for: { roles: ["admin", "manager"], users: [] },
      due_at: null,
      overdue: false,
    });

    expect(view.failed.total).toBe(1);
    expect(view.failed.posts).toEqual([
      expect.objectContaining({
        published_post_id: day.posts.failed.id,
        reason: "X refused the post: duplicate content.",
        attempts: 1,
        last_attempt: expect.objectContaining({
          outcome: "permanent_failure",
          http_status: 403,
          error_code: "duplicate",
        }),
      }),
    ]);

    expect(view.accounts.accounts.map((a) => [a.social_account_id, a.reason])).toEqual([
      [day.accounts.linkedin.id, "reauth_required"],
      [day.accounts.bluesky.id, "token_expiring"],
    ]);
    expect(view.accounts.accounts[0]).toMatchObject({
      status_reason: "LinkedIn refused to renew the token",
      waiting_posts: 1,
    });

    expect(view.pauses).toEqual([
      expect.objectContaining({ id: day.pauseId, scope: "platform", platform: "x", waiting_posts: 3 }),
    ]);

    expect(view.trending.top_posts.map((p) => [p.published_post_id, p.likes, p.impressions])).toEqual([
      [day.posts.published.id, 40, 400],
    ]);
    expect(view.trending.gained).toMatchObject({
      likes: 40,
      impressions: 400,
      interactions: 40,
      reach: null,
    });
    expect(view.trending.latest_alert).toMatchObject({ items: 12, negative_share: 0.5 });
  });

  it("narrows each section by its query: a longer window, fewer rows", async () => {
    const day = await eventOnTheDay();
    const response = await call(`/v1/events/${day.event.id}/operations?window_minutes=240&limit=1`, {
      headers: day.approver.headers,
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as Operations;
    expect(view.upcoming.total).toBe(4);
    expect(view.upcoming.posts).toHaveLength(1);
    expect(view.approvals).toMatchObject({ total: 2, overdue: 1 });
    expect(view.approvals.requests).toHaveLength(1);
  });

  it("an empty event answers empty sections", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const view = (await (
      await call(`/v1/events/${event.id}/operations`, { headers: owner.headers })
    ).json()) as Operations;
    expect(view).toMatchObject({
      upcoming: { total: 0, posts: [] },
      approvals: { total: 0, overdue: 0, requests: [] },
      failed: { total: 0, posts: [] },
      accounts: { total: 0, accounts: [] },
      pauses: [],
      trending: { top_posts: [], latest_alert: null },
    });
    expect(view.trending.gained.likes).toBeNull();
  });

  it("refuses unknown or out-of-range parameters (400) and another organisation's event (404)", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const path = `/v1/events/${event.id}/operations`;
    for (const query of [
      "window_minutes=0",
      "limit=101",
      "failed_hours=x",
      "trending_hours=73",
      "since=today",
    ]) {
      await expectProblem(
        await call(`${path}?${query}`, { headers: owner.headers }),
        400,
        "validation_failed",
      );
    }
    const other = await createTenant();
    await expectProblem(await call(path, { headers: other.owner.headers }), 404, "event_not_found");
  });
});
