import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import { publishedPosts } from "../../src/db/schema/published-posts.ts";
import { publishingPauses } from "../../src/db/schema/publishing-pauses.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createLogger } from "../../src/platform/logger.ts";
import type { PublishMessage } from "../../src/queues/publish/message.ts";
import { sendMessages } from "../../src/queues/send.ts";
import { claimDuePosts } from "../../src/services/publishing/dispatch.ts";
import { publishPost } from "../../src/services/publishing/publish-post.ts";
import { auditRows } from "../support/audit.ts";
import { createContent, systemContext } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createPause } from "../support/pauses.ts";
import {
  connectedAccount,
  createPost,
  deliver,
  postRow,
  publishMessage,
  queuedPost,
  runDispatchCron,
  settled,
  updatePost,
  waitForPost,
} from "../support/publishing.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

const logger = createLogger("error");

interface PauseBody {
  id: string;
  event_id: string;
  scope: "event" | "platform" | "account";
  platform: Platform | null;
  social_account_id: string | null;
  until: string | null;
  reason: string | null;
  created_by: string | null;
  waiting_posts: number;
  held_posts?: Array<{ id: string; content_id: string; platform: Platform; due_at: string | null }>;
}

const pause = (user: TestUser, eventId: string, body: unknown) =>
  postJson(`/v1/events/${eventId}/publishing/pauses`, body, { headers: user.headers });

const inAnHour = () => new Date(Date.now() + 3_600_000);

/** The pause's hour has passed: its `until` is behind us (as publishing tests move a post's times). */
async function letExpire(organizationId: string, pauseId: string) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    expired: db
      .update(publishingPauses)
      .set({ until: new Date(Date.now() - 1000) })
      .where(eq(publishingPauses.id, pauseId)),
  }));
}

/**
 * The claim takes due posts of every organisation: ours are cancelled (their messages then do
 * nothing) and everything claimed is sent, so nobody else's post is left queued without a message.
 */
async function settle(organizationId: string, ids: string[], claimed: PublishMessage[]) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    cancelled: db
      .update(publishedPosts)
      .set({ publishStatus: "cancelled" })
      .where(inArray(publishedPosts.id, ids)),
  }));
  await sendMessages(env.PUBLISH_QUEUE, claimed);
}

/** An event with scheduled content and a due pending post for each account. */
async function eventWithDuePosts(accounts: Array<{ platform: Platform }>) {
  const { owner } = await createTenant();
  const event = await createEvent(owner.organizationId);
  const rows = [];
  for (const spec of accounts) {
    const account = await createSocialAccount(owner, { platform: spec.platform, eventId: event.id });
    const content = await createContent(owner.organizationId, {
      workflowStatus: "scheduled",
      targetPlatforms: [spec.platform],
      eventId: event.id,
    });
    const post = await createPost(owner.organizationId, {
      contentId: content.id,
      socialAccountId: account.id,
      platform: spec.platform,
    });
    rows.push({ account, content, post });
  }
  return { owner, event, rows };
}

describe("a pause that expires by itself", () => {
  it("holds the event's posts until `until`; then the real cron sends them, with nothing to lift it", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const account = await connectedAccount(owner, "x", { eventId: event.id });
    const { content, post } = await queuedPost(owner, account.row, { eventId: event.id, status: "pending" });
    const until = inAnHour();
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/publishing/pauses`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ until: until.toISOString(), reason: "Keynote running late" }),
    });
    expect(roundTrips).toBe(1);
    expect(response.status).toBe(201);
    const body = (await response.json()) as PauseBody;
    expect(body).toMatchObject({
      event_id: event.id,
      scope: "event",
      platform: null,
      social_account_id: null,
      until: until.toISOString(),
      reason: "Keynote running late",
      created_by: owner.id,
      waiting_posts: 1,
      held_posts: [{ id: post.id, content_id: content.id, platform: "x" }],
    });

    await runDispatchCron();
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("pending");

    await letExpire(owner.organizationId, body.id);
    const listed = await call(`/v1/events/${event.id}/publishing/pauses`, { headers: owner.headers });
    expect(await listed.json()).toEqual({ data: [] });
    await runDispatchCron();
    expect((await waitForPost(owner.organizationId, post.id, settled)).publishStatus).toBe("published");
  });

  it("the consumer asks the same rule at its own clock: held just before `until`, sent from `until` on", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const account = await connectedAccount(owner, "x", { eventId: event.id });
    const { post } = await queuedPost(owner, account.row, { eventId: event.id });
    const until = new Date(Date.now() + 10 * 60_000);
    expect((await pause(owner, event.id, { until: until.toISOString() })).status).toBe(201);

    // A message already on its way finds the post held and puts it back.
    const parked = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect(parked.explicitAcks).toEqual(parked.ids);
    expect(await postRow(owner.organizationId, post.id)).toMatchObject({
      publishStatus: "pending",
      attemptCount: 0,
    });

    const at = (ms: number) => ({
      ...systemContext(owner.organizationId),
      now: () => new Date(until.getTime() + ms),
    });
    await updatePost(owner.organizationId, post.id, { publishStatus: "queued", claimedAt: new Date() });
    expect(await publishPost(at(-1), post.id, logger)).toEqual({
      action: "ack",
      reason: "publishing paused: back to pending",
    });
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("pending");
    await updatePost(owner.organizationId, post.id, { publishStatus: "queued", claimedAt: new Date() });
    expect(await publishPost(at(0), post.id, logger)).toEqual({ action: "ack", reason: "published" });
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("published");
  });
});

describe("pausing one platform or one account", () => {
  it("a platform pause holds only that platform's posts of the event", async () => {
    const { owner, event, rows } = await eventWithDuePosts([{ platform: "x" }, { platform: "linkedin" }]);
    const [onX, onLinkedIn] = rows;
    const response = await pause(owner, event.id, { platform: "x" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      scope: "platform",
      platform: "x",
      until: null,
      waiting_posts: 1,
      held_posts: [{ id: onX!.post.id }],
    });
    const ids = rows.map((r) => r.post.id);
    const claimed = await claimDuePosts(testDb(), 500);
    expect(claimed.map((m) => m.published_post_id).filter((id) => ids.includes(id))).toEqual([
      onLinkedIn!.post.id,
    ]);
    expect((await postRow(owner.organizationId, onX!.post.id))?.publishStatus).toBe("pending");
    await settle(owner.organizationId, ids, claimed);
  });

  it("an account pause holds only that account's posts; lifting it lets them go", async () => {
    const { owner, event, rows } = await eventWithDuePosts([{ platform: "x" }, { platform: "x" }]);
    const [paused, free] = rows;
    const response = await pause(owner, event.id, { social_account_id: paused!.account.id });
    expect(response.status).toBe(201);
    const body = (await response.json()) as PauseBody;
    expect(body).toMatchObject({
      scope: "account",
      social_account_id: paused!.account.id,
      held_posts: [{ id: paused!.post.id }],
    });
    const ids = rows.map((r) => r.post.id);
    const first = await claimDuePosts(testDb(), 500);
    expect(first.map((m) => m.published_post_id).filter((id) => ids.includes(id))).toEqual([free!.post.id]);

    const lifted = await call(`/v1/events/${event.id}/publishing/pauses/${body.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(lifted.status).toBe(200);
    const liftedBody = (await lifted.json()) as PauseBody;
    expect(new Date(liftedBody.until!).getTime()).toBeLessThanOrEqual(Date.now());
    const second = await claimDuePosts(testDb(), 500);
    expect(second.map((m) => m.published_post_id).filter((id) => ids.includes(id))).toEqual([
      paused!.post.id,
    ]);
    await settle(owner.organizationId, ids, [...first, ...second]);
  });

  it("resuming the event leaves a platform's pause in force", async () => {
    const { owner, event } = await eventWithDuePosts([]);
    expect((await pause(owner, event.id, { platform: "threads" })).status).toBe(201);
    expect(
      (await postJson(`/v1/events/${event.id}/publishing/pause`, {}, { headers: owner.headers })).status,
    ).toBe(200);
    const resumed = await call(`/v1/events/${event.id}/publishing/resume`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(await resumed.json()).toMatchObject({ publishing_paused: false });
    const listed = (await (
      await call(`/v1/events/${event.id}/publishing/pauses`, { headers: owner.headers })
    ).json()) as { data: PauseBody[] };
    expect(listed.data.map((p) => [p.scope, p.platform])).toEqual([["platform", "threads"]]);
  });
});

describe("the pause answer, replacing and the audit trail", () => {
  it("pausing the same target again replaces it; the same pause again changes nothing; each change is audited", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const first = (await (await pause(owner, event.id, { platform: "x" })).json()) as PauseBody;
    const later = inAnHour();
    const replaced = await pause(owner, event.id, { platform: "x", until: later.toISOString() });
    expect(replaced.status).toBe(201);
    const second = (await replaced.json()) as PauseBody;
    expect(second.id).not.toBe(first.id);
    const again = await pause(owner, event.id, { platform: "x", until: later.toISOString() });
    expect(again.status).toBe(200);
    expect(((await again.json()) as PauseBody).id).toBe(second.id);

    const listed = (await (
      await call(`/v1/events/${event.id}/publishing/pauses`, { headers: owner.headers })
    ).json()) as { data: PauseBody[] };
    expect(listed.data.map((p) => p.id)).toEqual([second.id]);

    await call(`/v1/events/${event.id}/publishing/pauses/${second.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    // Lifting what no longer holds changes nothing.
    const relift = await call(`/v1/events/${event.id}/publishing/pauses/${second.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(relift.status).toBe(200);
    const audit = await auditRows(owner.organizationId, event.id);
    expect(audit.map((a) => a.action)).toEqual([
      "event.publishing_pause",
      "event.publishing_pause",
      "event.publishing_resume",
    ]);
    expect(audit[1]?.changes).toMatchObject({
      pause_id: second.id,
      scope: "platform",
      platform: "x",
      until: later.toISOString(),
    });
  });

  it("refuses a platform and an account at once, an `until` in the past, unknown fields and another's account", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const account = await createSocialAccount(owner, { platform: "x" });
    const both = await expectProblem(
      await pause(owner, event.id, { platform: "x", social_account_id: account.id }),
      400,
      "validation_failed",
    );
    expect(both.errors?.map((e) => e.code)).toEqual(["one_target"]);
    const past = await expectProblem(
      await pause(owner, event.id, { until: new Date(Date.now() - 60_000).toISOString() }),
      400,
      "validation_failed",
    );
    expect(past.errors?.map((e) => [e.path, e.code])).toEqual([["json.until", "in_the_past"]]);
    await expectProblem(await pause(owner, event.id, { paused: true }), 400, "validation_failed");
    await expectProblem(await pause(owner, event.id, { platform: "myspace" }), 400, "validation_failed");
    const other = await createTenant();
    const theirs = await createSocialAccount(other.owner, { platform: "x" });
    await expectProblem(
      await pause(owner, event.id, { social_account_id: theirs.id }),
      404,
      "social_account_not_found",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/publishing/pauses/${crypto.randomUUID()}`, {
        method: "DELETE",
        headers: owner.headers,
      }),
      404,
      "pause_not_found",
    );
    // Another organisation's event and its pause are not found, for every pause operation.
    const theirPause = await createPause(other.owner.organizationId, { platform: "x" });
    await expectProblem(await pause(owner, theirPause.eventId, {}), 404, "event_not_found");
    await expectProblem(
      await call(`/v1/events/${theirPause.eventId}/publishing/pauses`, { headers: owner.headers }),
      404,
      "event_not_found",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/publishing/pauses/${theirPause.id}`, {
        method: "DELETE",
        headers: owner.headers,
      }),
      404,
      "pause_not_found",
    );
    expect(await auditRows(owner.organizationId, event.id)).toEqual([]);
    expect(await auditRows(other.owner.organizationId, theirPause.eventId)).toEqual([]);
  });
});
