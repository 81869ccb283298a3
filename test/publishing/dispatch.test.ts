import { env } from "cloudflare:workers";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import type { Platform } from "../../src/db/schema/columns.ts";
import { publishedPosts } from "../../src/db/schema/published-posts.ts";
import { publishingPauses } from "../../src/db/schema/publishing-pauses.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { createLogger } from "../../src/platform/logger.ts";
import type { PublishMessage } from "../../src/queues/publish/message.ts";
import { chunkMessages, MAX_BATCH_BYTES, sendMessages } from "../../src/queues/send.ts";
import {
  claimDuePosts,
  dispatchDuePosts,
  PUBLISHING_LEASE_SECONDS,
  QUEUED_LEASE_SECONDS,
} from "../../src/services/publishing/dispatch.ts";
import { createContent } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { envWith } from "../support/http.ts";
import { createPost, postRow, recordingQueue, runDispatchCron } from "../support/publishing.ts";
import { roundTripsOf, taggedDatabaseUrl } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, testDb } from "../support/tenants.ts";

const logger = createLogger("error");
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

/**
 * The cron claims due posts of EVERY organisation, other test files' too. So a test that claims
 * without the real queue afterwards sends what it claimed, once its own posts are cancelled (their
 * messages are then no-ops): nobody else's post is left queued without a message.
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

/** An organisation with scheduled content and `count` due pending posts for one account. */
async function duePosts(count: number, platform: Platform = "x") {
  const { owner } = await createTenant();
  const account = await createSocialAccount(owner, { platform });
  const row = await createContent(owner.organizationId, {
    workflowStatus: "scheduled",
    targetPlatforms: [platform],
  });
  const posts = [];
  for (let i = 0; i < count; i++) {
    // One post per account and content: each post gets its own content.
    const own =
      i === 0
        ? row
        : await createContent(owner.organizationId, {
            workflowStatus: "scheduled",
            targetPlatforms: [platform],
          });
    posts.push(
      await createPost(owner.organizationId, { contentId: own.id, socialAccountId: account.id, platform }),
    );
  }
  return { owner, account, posts };
}

const mine = (claimed: PublishMessage[], ids: string[]) =>
  claimed.filter((m) => ids.includes(m.published_post_id));

describe("the cron claims due posts", () => {
  it("two claims at once never take the same post; each due post is claimed exactly once", async () => {
    const { owner, posts } = await duePosts(24);
    const ids = posts.map((p) => p.id);
    const db = testDb();
    const [a, b] = await Promise.all([claimDuePosts(db, 500), claimDuePosts(db, 500)]);
    const both = [...mine(a, ids), ...mine(b, ids)].map((m) => m.published_post_id);
    expect(both.sort()).toEqual([...ids].sort());
    expect(new Set(both).size).toBe(ids.length);
    for (const id of ids) expect((await postRow(owner.organizationId, id))?.publishStatus).toBe("queued");
    await settle(owner.organizationId, ids, [...a, ...b]);
  });

  it("holds what must wait: not yet due, a paused event, an account paused or to reconnect, unscheduled or deleted content", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const connected = await createSocialAccount(owner, { platform: "x" });
    const reauth = await createSocialAccount(owner, {
      platform: "linkedin",
      connectionStatus: "reauth_required",
    });
    const inactive = await createSocialAccount(owner, { platform: "threads", isActive: false });
    const removed = await createSocialAccount(owner, { platform: "facebook", deleted: true });
    const scheduled = (overrides = {}) =>
      createContent(owner.organizationId, {
        workflowStatus: "scheduled",
        targetPlatforms: ["x"],
        ...overrides,
      });
    const post = async (contentId: string, account = connected, extra = {}) =>
      createPost(owner.organizationId, {
        contentId,
        socialAccountId: account.id,
        platform: account.platform,
        ...extra,
      });

    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      paused: db.insert(publishingPauses).values({ organizationId: owner.organizationId, eventId: event.id }),
    }));
    const held = [
      await post((await scheduled()).id, connected, { nextAttemptAt: new Date(Date.now() + 60_000) }),
      await post((await scheduled({ eventId: event.id })).id),
      await post((await scheduled()).id, reauth),
      await post((await scheduled()).id, inactive),
      await post((await createContent(owner.organizationId, { workflowStatus: "approved" })).id),
      await post((await scheduled({ deleted: true })).id),
    ];
    const due = [await post((await scheduled()).id), await post((await scheduled()).id, removed)];
    const claimed = await claimDuePosts(testDb(), 500);
    const ids = [...held, ...due].map((p) => p.id);
    expect(
      mine(claimed, ids)
        .map((m) => m.published_post_id)
        .sort(),
    ).toEqual(due.map((p) => p.id).sort());
    for (const p of held) expect((await postRow(owner.organizationId, p.id))?.publishStatus).toBe("pending");
    await settle(owner.organizationId, ids, claimed);
  });

  it("takes back a queued post whose message never came, and a publishing post whose worker vanished, after their leases", async () => {
    const { owner, account } = await duePosts(0);
    const content = () =>
      createContent(owner.organizationId, { workflowStatus: "publishing", targetPlatforms: ["x"] });
    const post = async (values: Partial<typeof publishedPosts.$inferInsert>) =>
      createPost(owner.organizationId, {
        contentId: (await content()).id,
        socialAccountId: account.id,
        platform: "x",
        ...values,
      });
    const lostMessage = await post({
      publishStatus: "queued",
      nextAttemptAt: ago(QUEUED_LEASE_SECONDS + 5),
      claimedAt: ago(QUEUED_LEASE_SECONDS + 5),
    });
    const onItsWay = await post({ publishStatus: "queued", nextAttemptAt: ago(30), claimedAt: ago(30) });
    const vanished = await post({
      publishStatus: "publishing",
      claimedAt: ago(PUBLISHING_LEASE_SECONDS + 5),
    });
    const working = await post({ publishStatus: "publishing", claimedAt: ago(30) });
    const claimed = await claimDuePosts(testDb(), 500);
    const ids = [lostMessage, onItsWay, vanished, working].map((p) => p.id);
    expect(
      mine(claimed, ids)
        .map((m) => m.published_post_id)
        .sort(),
    ).toEqual([lostMessage.id, vanished.id].sort());
    const retaken = await postRow(owner.organizationId, vanished.id);
    expect(retaken?.publishStatus).toBe("queued");
    expect(retaken!.claimedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await settle(owner.organizationId, ids, claimed);
  });

  it("when the queue refuses the messages, the claimed posts go back to pending, due now", async () => {
    const { owner, posts } = await duePosts(3);
    const ids = posts.map((p) => p.id);
    const refusing = recordingQueue({ fail: true });
    const result = await dispatchDuePosts(testDb(), refusing.queue, logger);
    expect(result.sent).toBe(0);
    expect(result.released).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const row = await postRow(owner.organizationId, id);
      expect(row).toMatchObject({ publishStatus: "pending", claimedAt: null });
      expect(row!.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    }
    // The next run (here, now) sends them; ours are cancelled first so their messages do nothing.
    await settle(owner.organizationId, ids, []);
    await dispatchDuePosts(testDb(), env.PUBLISH_QUEUE, logger);
  });

  it("claims and sends in one round trip to the database; the every-minute cron runs it", async () => {
    const { owner, posts } = await duePosts(2);
    const ids = posts.map((p) => p.id);
    const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
    const recording = recordingQueue();
    const tagged = createDb(loadConfig(envWith({ DATABASE_URL: taggedDatabaseUrl(tag) })));
    const result = await dispatchDuePosts(tagged, recording.queue, logger);
    expect(await roundTripsOf(tag)).toBe(1);
    expect(result.sent).toBe(result.claimed);
    expect(
      recording
        .ids()
        .filter((id) => ids.includes(id))
        .sort(),
    ).toEqual([...ids].sort());
    for (const batch of recording.batches) {
      for (const message of batch) {
        expect(Object.keys(message).sort()).toEqual(["organization_id", "published_post_id"]);
      }
    }
    await settle(owner.organizationId, ids, recording.batches.flat());
    // The every-minute cron job runs it.
    const more = await duePosts(1);
    const cron = recordingQueue();
    await runDispatchCron({ PUBLISH_QUEUE: cron.queue });
    expect(cron.ids()).toContain(more.posts[0]!.id);
    await settle(more.owner.organizationId, [more.posts[0]!.id], cron.batches.flat());
  });
});

describe("sending in batches the queue accepts", () => {
  it("at most 100 messages and 256 KB per sendBatch", () => {
    const messages = Array.from({ length: 250 }, () => ({
      published_post_id: crypto.randomUUID(),
      organization_id: crypto.randomUUID(),
    }));
    expect(chunkMessages(messages).map((c) => c.length)).toEqual([100, 100, 50]);
    const big = Array.from({ length: 10 }, () => ({ blob: "x".repeat(60_000) }));
    const chunks = chunkMessages(big);
    for (const chunk of chunks) {
      expect(chunk.reduce((n, m) => n + JSON.stringify(m).length, 0)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    }
    expect(chunks.flat()).toHaveLength(10);
  });

  it("a chunk the queue refuses is reported with its messages; the others are sent", async () => {
    let calls = 0;
    const flaky = {
      async sendBatch() {
        calls += 1;
        if (calls === 2) throw new Error("busy");
      },
    } as unknown as Queue<PublishMessage>;
    const messages = Array.from({ length: 150 }, () => ({
      published_post_id: crypto.randomUUID(),
      organization_id: crypto.randomUUID(),
    }));
    const outcome = await sendMessages(flaky, messages);
    expect(outcome.sent).toBe(100);
    expect(outcome.unsent).toEqual(messages.slice(100));
  });
});
