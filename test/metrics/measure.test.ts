/**
 * Measuring published posts: the decaying schedule (SQL), the cron's claim grouped per account, the
 * consumer's one platform call per batch against the platform fake, nulls for what a platform does
 * not give, and what a 429 or a post gone from the platform does to the schedule.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engagementMetrics } from "../../src/db/schema/engagement-metrics.ts";
import { sentimentAnalysis } from "../../src/db/schema/sentiment-analysis.ts";
import { inTenant } from "../../src/db/tenant.ts";
import type { MetricsMessage } from "../../src/queues/metrics/message.ts";
import { createContent } from "../support/content.ts";
import {
  fakeAdapter,
  memoryProgress,
  queueFault,
  setFakeMetrics,
  testPost,
} from "../support/fake-platforms.ts";
import {
  connectedAccount,
  createPost,
  deliver,
  postRow,
  publishMessage,
  queuedPost,
  runDispatchCron,
  updatePost,
} from "../support/publishing.ts";
import { queueRecorder } from "../support/queues.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

const MINUTE = 60_000;

/** `count` posts of one X account at the fake, published `agoMs` ago and due to be measured now. */
async function duePosts(owner: TestUser, count: number, agoMs = 20 * MINUTE) {
  const account = await connectedAccount(owner, "x");
  const adapter = fakeAdapter("x");
  const posts = [];
  for (let i = 0; i < count; i++) {
    // One post per piece of content and account.
    const content = await createContent(owner.organizationId, { workflowStatus: "published" });
    const ref = await adapter.publish(account.connected, testPost(), memoryProgress());
    posts.push(
      await createPost(owner.organizationId, {
        contentId: content.id,
        socialAccountId: account.row.id,
        platform: "x",
        platformPostId: ref.platformPostId,
        publishStatus: "published",
        publishedAt: new Date(Date.now() - agoMs),
        metricsDueAt: new Date(Date.now() - 1_000),
        publishedContent: { text: "A brilliant first day at the summit, thank you all!" },
      }),
    );
  }
  return { account, posts };
}

async function measurementsOf(organizationId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(engagementMetrics)
      .where(sql`${engagementMetrics.organizationId} = ${organizationId}`),
  }));
  return rows;
}

async function sentimentOf(organizationId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(sentimentAnalysis).where(eq(sentimentAnalysis.organizationId, organizationId)),
  }));
  return rows;
}

/** The cron's metrics messages for this organisation (others' due posts may ride along). */
async function dispatched(organizationId: string): Promise<MetricsMessage[]> {
  const queue = queueRecorder<MetricsMessage>();
  await runDispatchCron({ METRICS_QUEUE: queue.queue, PUBLISH_QUEUE: queueRecorder().queue });
  return queue.sent().filter((m) => m.organization_id === organizationId);
}

describe("the measuring schedule", () => {
  it("decays after publishing: 15 min, 1 h, 6 h, 1 day, 3 days, 7 days, 30 days, then stops", async () => {
    const published = "2027-03-10T08:00:00Z";
    const next = async (at: string) => {
      const { rows } = await testDb().execute<{ due: string | null }>(
        sql`select metrics_due_after(${published}::timestamptz, ${at}::timestamptz) as due`,
      );
      return rows[0]?.due ? new Date(rows[0].due).toISOString() : null;
    };
    expect(await next(published)).toBe("2027-03-10T08:15:00.000Z");
    expect(await next("2027-03-10T08:20:00Z")).toBe("2027-03-10T09:00:00.000Z");
    expect(await next("2027-03-10T09:00:00Z")).toBe("2027-03-10T14:00:00.000Z");
    // A measurement taken late skips the steps already past.
    expect(await next("2027-03-13T12:00:00Z")).toBe("2027-03-17T08:00:00.000Z");
    expect(await next("2027-04-09T08:00:00Z")).toBeNull();
  });

  it("starts when a post is published: its first measurement is due 15 minutes later", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post } = await queuedPost(owner, account.row);
    await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    const published = await postRow(owner.organizationId, post.id);
    expect(published?.publishStatus).toBe("published");
    expect(published?.metricsDueAt?.getTime()).toBe((published?.publishedAt?.getTime() ?? 0) + 15 * MINUTE);
  });
});

describe("measuring due posts", () => {
  it("claims them per account and measures them with one platform call: counts, nulls, the next step", async () => {
    const { owner } = await createTenant();
    const { posts } = await duePosts(owner, 3);
    const [first] = posts;
    await setFakeMetrics("x", first!.platformPostId!, {
      views: 1_000,
      likes: 40,
      comments: 6,
      shares: 10,
      clicks: 20,
    });
    const messages = await dispatched(owner.organizationId);
    expect(messages).toHaveLength(1);
    expect(new Set(messages[0]?.published_post_ids)).toEqual(new Set(posts.map((p) => p.id)));
    // Claimed: not due again until the lease has passed.
    expect(await dispatched(owner.organizationId)).toEqual([]);

    const result = await deliver("guddu-metrics", messages);
    expect(result.explicitAcks).toEqual(result.ids);
    expect(result.roundTrips).toBe(2);
    const rows = await measurementsOf(owner.organizationId);
    expect(rows).toHaveLength(3);
    const measured = rows.find((r) => r.publishedPostId === first!.id);
    expect(measured).toMatchObject({
      platform: "x",
      impressions: 1_000,
      likes: 40,
      comments: 6,
      clicks: 20,
      // X gives no reach: null, never 0.
      reach: null,
    });
    // Interactions over impressions, by the SQL function.
    const interactions = 40 + 6 + (measured?.shares ?? 0) + (measured?.saves ?? 0) + 20;
    expect(measured?.engagementRate).toBeCloseTo(interactions / 1_000, 4);
    const after = await postRow(owner.organizationId, first!.id);
    expect(after?.metricsRound).toBe(1);
    // Published 20 minutes ago: the next step is the one-hour mark.
    expect(after?.metricsDueAt?.getTime()).toBe((after?.publishedAt?.getTime() ?? 0) + 60 * MINUTE);
    // Each post's own text was judged with its first measurement, in the same write.
    const judged = await sentimentOf(owner.organizationId);
    expect(judged).toHaveLength(3);
    expect(judged[0]).toMatchObject({ sentiment: "positive", language: "en", inboundItemId: null });
    await updatePost(owner.organizationId, first!.id, { metricsDueAt: new Date(Date.now() - 1_000) });
    await deliver("guddu-metrics", await dispatched(owner.organizationId));
    expect(await sentimentOf(owner.organizationId)).toHaveLength(3);
  });

  it("a 429 puts the account's posts off until the platform's reset, and stores nothing", async () => {
    const { owner } = await createTenant();
    const { account, posts } = await duePosts(owner, 2);
    const messages = await dispatched(owner.organizationId);
    await queueFault("x", "metrics", "rate_limit", { account: account.key });
    const before = Date.now();
    const result = await deliver("guddu-metrics", messages);
    expect(result.explicitAcks).toEqual(result.ids);
    expect(await measurementsOf(owner.organizationId)).toEqual([]);
    for (const post of posts) {
      const row = await postRow(owner.organizationId, post.id);
      expect(row?.metricsRound).toBe(0);
      expect(row?.metricsDueAt?.getTime()).toBeGreaterThan(before + 30_000);
    }
  });

  it("a post gone from the platform stops being measured; the others are measured", async () => {
    const { owner } = await createTenant();
    const { account, posts } = await duePosts(owner, 2);
    const [gone, kept] = posts;
    await fakeAdapter("x").deletePost(account.connected, gone!.platformPostId!);
    await deliver("guddu-metrics", await dispatched(owner.organizationId));
    expect((await measurementsOf(owner.organizationId)).map((r) => r.publishedPostId)).toEqual([kept!.id]);
    expect((await postRow(owner.organizationId, gone!.id))?.metricsDueAt).toBeNull();
    expect((await postRow(owner.organizationId, kept!.id))?.metricsRound).toBe(1);
  });

  it("a post whose account was removed stops being due, and is never sent", async () => {
    const { owner } = await createTenant();
    const { posts } = await duePosts(owner, 1);
    await updatePost(owner.organizationId, posts[0]!.id, { socialAccountId: null });
    expect(await dispatched(owner.organizationId)).toEqual([]);
    expect((await postRow(owner.organizationId, posts[0]!.id))?.metricsDueAt).toBeNull();
  });
});
