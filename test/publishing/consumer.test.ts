/**
 * The publish consumer end to end: a message on the REAL local queue (`env.PUBLISH_QUEUE.send`) → the
 * Worker's queue handler → the adapter → the platform fake, and back into the outbox. Where the real
 * queue's timing is impractical (a message's ninth delivery, the dead-letter queue, round trips) the
 * handler is driven directly with `createMessageBatch`.
 */
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { content as contentTable } from "../../src/db/schema/content.ts";
import { notifications } from "../../src/db/schema/notifications.ts";
import { publishAttempts } from "../../src/db/schema/publish-attempts.ts";
import { socialAccounts } from "../../src/db/schema/social-accounts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { auditRows } from "../support/audit.ts";
import { readContent } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { fakeAdapter, fakePosts, memoryProgress, NO_WAIT, queueFault } from "../support/fake-platforms.ts";
import { call } from "../support/http.ts";
import { uploadFile } from "../support/media.ts";
import { png } from "../support/media-files.ts";
import {
  attemptsOf,
  connectedAccount,
  deliver,
  postRow,
  publishMessage,
  queuedPost,
  runDispatchCron,
  settled,
  uniqueCaption,
  updatePost,
  waitForPost,
} from "../support/publishing.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

const send = (organizationId: string, postId: string) =>
  env.PUBLISH_QUEUE.send(publishMessage(organizationId, postId), { contentType: "json" });

async function notificationsOf(user: TestUser) {
  const { rows } = await inTenant({ db: testDb(), organizationId: user.organizationId }, (db) => ({
    rows: db.select().from(notifications).where(eq(notifications.userId, user.id)),
  }));
  return rows;
}

describe("publishing through the real queue", () => {
  it("publishes once: the platform's id and URL recorded, the attempt succeeded, the content published", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { content, post } = await queuedPost(owner, account.row);
    await send(owner.organizationId, post.id);
    const done = await waitForPost(owner.organizationId, post.id, settled);
    expect(done).toMatchObject({ publishStatus: "published", attemptCount: 1, lastError: null });
    const onPlatform = await fakePosts("x", account.key);
    expect(onPlatform).toHaveLength(1);
    expect(done.platformPostId).toBe(onPlatform[0]!.id);
    expect(done.platformUrl).toContain(onPlatform[0]!.id);
    expect(onPlatform[0]!.text).toBe(content.caption);
    expect(done.publishedContent).toMatchObject({ text: content.caption, media_ids: [] });
    expect((await attemptsOf(owner.organizationId, post.id)).map((a) => a.outcome)).toEqual(["succeeded"]);
    expect((await readContent(owner, content.id)).workflow_status).toBe("published");
    const audit = await auditRows(owner.organizationId, content.id);
    expect(audit.map((a) => a.changes)).toEqual([
      expect.objectContaining({ workflow_status: { from: "scheduled", to: "publishing" } }),
      expect.objectContaining({ workflow_status: { from: "publishing", to: "published" } }),
    ]);
  });

  it("a message delivered again, or twice at once, publishes nothing more", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "linkedin");
    const { post } = await queuedPost(owner, account.row);
    const message = publishMessage(owner.organizationId, post.id);
    // Two copies in one batch: handled at once, one takes the post, the other finds it taken.
    const both = await deliver("guddu-publish", [message, message]);
    expect(both.explicitAcks.sort()).toEqual([...both.ids].sort());
    await send(owner.organizationId, post.id);
    await send(owner.organizationId, post.id);
    await waitForPost(owner.organizationId, post.id, settled);
    const again = await deliver("guddu-publish", [message]);
    expect(again.explicitAcks).toEqual(again.ids);
    expect(await fakePosts("linkedin", account.key)).toHaveLength(1);
    expect(await attemptsOf(owner.organizationId, post.id)).toHaveLength(1);
  });

  it("a timeout after the platform accepted: uncertain, then reconciled — found, never posted again", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post } = await queuedPost(owner, account.row);
    await queueFault("x", "publish", "timeout_after_accept", { account: account.key });
    await send(owner.organizationId, post.id);
    const done = await waitForPost(owner.organizationId, post.id, settled);
    const onPlatform = await fakePosts("x", account.key);
    expect(onPlatform).toHaveLength(1);
    expect(done).toMatchObject({ publishStatus: "published", platformPostId: onPlatform[0]!.id });
    const attempts = await attemptsOf(owner.organizationId, post.id);
    expect(attempts.map((a) => [a.outcome, a.errorCode])).toEqual([
      ["uncertain", "uncertain"],
      ["succeeded", null],
    ]);
    expect(attempts[1]!.platformResponse).toMatchObject({ reconciled: true });
  });

  it("a dropped connection after accepting, and a 5xx on the create call: reconciled, one post each", async () => {
    const { owner } = await createTenant();
    const dropped = await connectedAccount(owner, "facebook");
    const errored = await connectedAccount(owner, "threads");
    const a = await queuedPost(owner, dropped.row);
    const b = await queuedPost(owner, errored.row);
    await queueFault("facebook", "publish", "drop_after_accept", { account: dropped.key });
    await queueFault("threads", "publish", "server_error", { account: errored.key });
    await send(owner.organizationId, a.post.id);
    await send(owner.organizationId, b.post.id);
    expect((await waitForPost(owner.organizationId, a.post.id, settled)).publishStatus).toBe("published");
    expect((await waitForPost(owner.organizationId, b.post.id, settled)).publishStatus).toBe("published");
    expect(await fakePosts("facebook", dropped.key)).toHaveLength(1);
    expect(await fakePosts("threads", errored.key)).toHaveLength(1);
    for (const id of [a.post.id, b.post.id]) {
      expect((await attemptsOf(owner.organizationId, id)).map((x) => x.outcome)).toEqual([
        "uncertain",
        "succeeded",
      ]);
    }
  });

  it("a platform that cannot be asked (LinkedIn without partner access): failed with that reason, never sent twice", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "linkedin", { linkedInPartner: false });
    const { post } = await queuedPost(owner, account.row);
    await queueFault("linkedin", "publish", "drop_after_accept", { account: account.key });
    await send(owner.organizationId, post.id);
    const done = await waitForPost(owner.organizationId, post.id, settled);
    expect(done.publishStatus).toBe("failed");
    expect(done.lastError).toMatch(/the post may exist — check LinkedIn before retrying/);
    expect(await fakePosts("linkedin", account.key)).toHaveLength(1);
  });

  it("a transient failure (the media upload answers 503) is retried with backoff", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const media = (await (await uploadFile(owner, png(8, 6), { type: "image/png" })).json()) as {
      id: string;
    };
    const { post } = await queuedPost(owner, account.row, { mediaAssets: [media.id] });
    await queueFault("x", "media", "server_error", { account: account.key });
    await send(owner.organizationId, post.id);
    const done = await waitForPost(owner.organizationId, post.id, settled);
    expect(done.publishStatus).toBe("published");
    const attempts = await attemptsOf(owner.organizationId, post.id);
    expect(attempts.map((a) => [a.outcome, a.errorCode])).toEqual([
      ["retryable_failure", "transient"],
      ["succeeded", null],
    ]);
    // Retried no sooner than the first backoff (PUBLISH_RETRY_BASE_SECONDS is 1 in tests).
    expect(attempts[1]!.startedAt.getTime() - attempts[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(900);
    const [stored] = await fakePosts("x", account.key);
    expect(stored?.media).toHaveLength(1);
  });

  it("an expired token is refreshed once and the post retried at once", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post } = await queuedPost(owner, account.row);
    await queueFault("x", "publish", "expired_token", { account: account.key });
    await send(owner.organizationId, post.id);
    expect((await waitForPost(owner.organizationId, post.id, settled)).publishStatus).toBe("published");
    const attempts = await attemptsOf(owner.organizationId, post.id);
    expect(attempts.map((a) => [a.outcome, a.errorCode, a.httpStatus])).toEqual([
      ["retryable_failure", "auth_expired", 401],
      ["succeeded", null, null],
    ]);
    const audit = await auditRows(owner.organizationId, account.row.id);
    expect(audit.map((a) => a.action)).toContain("social_account.token_refresh");
    expect(await fakePosts("x", account.key)).toHaveLength(1);
  });

  it("a token refused again after its refresh fails the post, and the author is told with a link", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { content, post } = await queuedPost(owner, account.row);
    await queueFault("x", "publish", "expired_token", { account: account.key, times: 2 });
    await send(owner.organizationId, post.id);
    const done = await waitForPost(owner.organizationId, post.id, settled);
    expect(done.publishStatus).toBe("failed");
    expect(done.lastError).toMatch(/again after it was refreshed/);
    expect((await readContent(owner, content.id)).workflow_status).toBe("failed");
    const [notice] = await notificationsOf(owner);
    expect(notice).toMatchObject({ type: "post.failed", link: `/v1/published-posts/${post.id}` });
    expect(notice?.message).toBe(done.lastError);
  });

  it("a permanent refusal fails at once with the platform's message", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    // Over X's 280: the platform refuses it (the rules would have stopped it at scheduling).
    const { post } = await queuedPost(owner, account.row, { caption: uniqueCaption("x".repeat(300)) });
    await send(owner.organizationId, post.id);
    const done = await waitForPost(owner.organizationId, post.id, settled);
    expect(done).toMatchObject({ publishStatus: "failed", attemptCount: 1 });
    const [attempt] = await attemptsOf(owner.organizationId, post.id);
    expect(attempt).toMatchObject({ outcome: "permanent_failure", errorCode: "permanent", httpStatus: 400 });
    expect(done.lastError).toBe(attempt!.errorMessage);
    expect(await fakePosts("x", account.key)).toHaveLength(0);
  });

  it("a duplicate refusal is reconciled: the platform's own copy is the post, or the post fails", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const caption = uniqueCaption();
    const first = await queuedPost(owner, account.row, { caption });
    await send(owner.organizationId, first.post.id);
    const published = await waitForPost(owner.organizationId, first.post.id, settled);
    // The same text again from the same account: X refuses the repeat, and it is ours already.
    const repeat = await queuedPost(owner, account.row, { caption });
    await send(owner.organizationId, repeat.post.id);
    const reconciled = await waitForPost(owner.organizationId, repeat.post.id, settled);
    expect(reconciled).toMatchObject({
      publishStatus: "published",
      platformPostId: published.platformPostId,
    });
    // A refusal with nothing of ours to find: failed, saying so.
    const refused = await queuedPost(owner, account.row);
    await queueFault("x", "publish", "duplicate", { account: account.key });
    await send(owner.organizationId, refused.post.id);
    const failed = await waitForPost(owner.organizationId, refused.post.id, settled);
    expect(failed.publishStatus).toBe("failed");
    expect(failed.lastError).toMatch(/duplicate/);
    expect(await fakePosts("x", account.key)).toHaveLength(1);
  });

  it("a rate limit with a long reset waits as pending (through the cron), then publishes", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post } = await queuedPost(owner, account.row);
    await queueFault("x", "publish", "rate_limit", { account: account.key });
    await send(owner.organizationId, post.id);
    const waiting = await waitForPost(owner.organizationId, post.id, (p) => p.publishStatus === "pending");
    // X's window is 15 minutes: far longer than any backoff, so it is the cron's to send again.
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 800_000);
    const [limited] = await attemptsOf(owner.organizationId, post.id);
    expect(limited).toMatchObject({
      outcome: "retryable_failure",
      errorCode: "rate_limited",
      httpStatus: 429,
    });
    // Time passes (the reset comes): the cron finds it due and sends it.
    await updatePost(owner.organizationId, post.id, { nextAttemptAt: new Date(Date.now() - 1000) });
    await runDispatchCron();
    expect((await waitForPost(owner.organizationId, post.id, settled)).publishStatus).toBe("published");
    expect(await fakePosts("x", account.key)).toHaveLength(1);
  });

  it("Instagram: a container still in progress is awaited, never made twice", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "instagram");
    const media = (await (await uploadFile(owner, png(1080, 1080), { type: "image/png" })).json()) as {
      id: string;
    };
    const { post } = await queuedPost(owner, account.row, { mediaAssets: [media.id] });
    await queueFault("instagram", "status", "container_in_progress", { account: account.key, times: 1 });
    await send(owner.organizationId, post.id);
    const done = await waitForPost(owner.organizationId, post.id, settled, 30_000);
    expect(done.publishStatus).toBe("published");
    expect(await fakePosts("instagram", account.key)).toHaveLength(1);
    expect(done.publishedContent).toMatchObject({ progress: { containerId: expect.any(String) } });
  }, 40_000);
});

describe("what holds a post back", () => {
  it("a paused event: the message puts the post back to pending; resuming and the cron send it", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const account = await connectedAccount(owner, "x");
    const { content, post } = await queuedPost(owner, account.row, { eventId: event.id });
    const pause = await fetchAs(owner, `/v1/events/${event.id}/publishing/pause`);
    expect(pause.status).toBe(200);
    const parked = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect(parked.explicitAcks).toEqual(parked.ids);
    expect(await postRow(owner.organizationId, post.id)).toMatchObject({
      publishStatus: "pending",
      attemptCount: 0,
    });
    await runDispatchCron();
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("pending");
    expect((await fetchAs(owner, `/v1/events/${event.id}/publishing/resume`)).status).toBe(200);
    await runDispatchCron();
    expect((await waitForPost(owner.organizationId, post.id, settled)).publishStatus).toBe("published");
    expect((await readContent(owner, content.id)).workflow_status).toBe("published");
  });

  it("an account that needs reconnecting holds its posts; a removed account fails them with the reason", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { content, post } = await queuedPost(owner, account.row);
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      reauth: db
        .update(socialAccounts)
        .set({ connectionStatus: "reauth_required" })
        .where(and(eq(socialAccounts.id, account.row.id))),
    }));
    await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("pending");
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      removed: db
        .update(socialAccounts)
        .set({ deletedAt: new Date() })
        .where(eq(socialAccounts.id, account.row.id)),
    }));
    await updatePost(owner.organizationId, post.id, { publishStatus: "queued" });
    await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    const failed = await postRow(owner.organizationId, post.id);
    expect(failed).toMatchObject({ publishStatus: "failed" });
    expect(failed?.lastError).toMatch(/disconnected/);
    expect((await readContent(owner, content.id)).workflow_status).toBe("failed");
  });
});

describe("taking a post over, and giving up", () => {
  it("a publishing post whose worker vanished is taken over as uncertain and reconciled first", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { content, post } = await queuedPost(owner, account.row);
    // A worker took the post 11 minutes ago, reached the platform, and was never heard of again.
    await fakeAdapter("x", NO_WAIT).publish(
      account.connected,
      { postId: post.id, text: content.caption!, hashtags: [], mentions: [], link: null, media: [] },
      memoryProgress(),
    );
    const lostAt = new Date(Date.now() - 660_000);
    await updatePost(owner.organizationId, post.id, {
      publishStatus: "publishing",
      claimedAt: lostAt,
      attemptCount: 1,
    });
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      lostAttempt: db.insert(publishAttempts).values({
        organizationId: owner.organizationId,
        publishedPostId: post.id,
        attemptNumber: 1,
        startedAt: lostAt,
      }),
      publishing: db
        .update(contentTable)
        .set({ workflowStatus: "publishing" })
        .where(eq(contentTable.id, content.id)),
    }));
    const taken = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect(taken.explicitAcks).toEqual(taken.ids);
    const attempts = await attemptsOf(owner.organizationId, post.id);
    expect(attempts.map((a) => [a.outcome, a.errorCode])).toEqual([
      ["uncertain", "worker_lost"],
      ["succeeded", null],
    ]);
    expect(await fakePosts("x", account.key)).toHaveLength(1);
  });

  it("a publishing post with a live lease is left to its worker", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post } = await queuedPost(owner, account.row);
    await updatePost(owner.organizationId, post.id, { publishStatus: "publishing", claimedAt: new Date() });
    const result = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect(result.explicitAcks).toEqual(result.ids);
    expect(await attemptsOf(owner.organizationId, post.id)).toEqual([]);
    expect(await fakePosts("x", account.key)).toHaveLength(0);
  });

  it("the dead-letter consumer fails a post the queue gave up on, with the last error, and tells the author", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const media = (await (await uploadFile(owner, png(8, 6), { type: "image/png" })).json()) as {
      id: string;
    };
    const { content, post } = await queuedPost(owner, account.row, { mediaAssets: [media.id] });
    await queueFault("x", "media", "server_error", { account: account.key });
    // The message's last delivery: a transient failure, retried as usual…
    const last = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)], {
      attempts: 9,
    });
    expect(last.retryMessages.map((m) => m.msgId)).toEqual(last.ids);
    // …but the queue gives up on it and it lands in the dead-letter queue.
    const { roundTrips, explicitAcks, ids } = await deliver("guddu-publish-dlq", [
      publishMessage(owner.organizationId, post.id),
    ]);
    expect(explicitAcks).toEqual(ids);
    expect(roundTrips).toBe(2);
    const failed = await postRow(owner.organizationId, post.id);
    expect(failed?.publishStatus).toBe("failed");
    expect(failed?.lastError).toMatch(
      /^Gave up after 1 attempt\. Last error: X media upload: Service Unavailable/,
    );
    expect((await readContent(owner, content.id)).workflow_status).toBe("failed");
    const [notice] = await notificationsOf(owner);
    expect(notice).toMatchObject({ type: "post.failed", link: `/v1/published-posts/${post.id}` });
    // A dead letter delivered again changes nothing and notifies nobody twice.
    await deliver("guddu-publish-dlq", [publishMessage(owner.organizationId, post.id)]);
    expect(await notificationsOf(owner)).toHaveLength(1);
    expect(await fakePosts("x", account.key)).toHaveLength(0);
  });

  it("the dead-letter consumer cannot ask the platform: failed, saying a retry checks first", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post } = await queuedPost(owner, account.row);
    await queueFault("x", "publish", "server_error", { account: account.key });
    await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)], { attempts: 9 });
    await queueFault("x", "find", "server_error", { account: account.key });
    await deliver("guddu-publish-dlq", [publishMessage(owner.organizationId, post.id)]);
    const failed = await postRow(owner.organizationId, post.id);
    expect(failed?.publishStatus).toBe("failed");
    expect(failed?.lastError).toMatch(/could not be asked whether the post exists/);
    expect((await attemptsOf(owner.organizationId, post.id)).map((a) => a.outcome)).toEqual([
      "uncertain",
      "permanent_failure",
    ]);
  });

  it("the dead-letter consumer asks the platform first when an attempt was uncertain: found means published", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post } = await queuedPost(owner, account.row);
    await queueFault("x", "publish", "drop_after_accept", { account: account.key });
    const first = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)], {
      attempts: 9,
    });
    expect(first.retryMessages.map((m) => m.msgId)).toEqual(first.ids);
    expect((await attemptsOf(owner.organizationId, post.id)).map((a) => a.outcome)).toEqual(["uncertain"]);
    await deliver("guddu-publish-dlq", [publishMessage(owner.organizationId, post.id)]);
    const done = await postRow(owner.organizationId, post.id);
    expect(done?.publishStatus).toBe("published");
    expect(await fakePosts("x", account.key)).toHaveLength(1);
  });
});

describe("what a message costs", () => {
  it("three round trips to publish a post (take, the adapter's save, record); one to ignore a message", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "linkedin");
    const { post } = await queuedPost(owner, account.row);
    const published = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect(published.explicitAcks).toEqual(published.ids);
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("published");
    expect(published.roundTrips).toBe(3);
    const ignored = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect(ignored.roundTrips).toBe(1);
  });
});

const fetchAs = (user: TestUser, path: string) => call(path, { method: "POST", headers: user.headers });
