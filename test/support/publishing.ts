/**
 * Publishing test support: the outbox and attempts read straight from the tables, queue messages
 * delivered to the Worker's own `queue()` (to drive the consumer where the real queue's timing is
 * impractical), the cron run by hand, and posts set up in any state.
 */
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { vi } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import { content } from "../../src/db/schema/content.ts";
import { type PublishAttempt, publishAttempts } from "../../src/db/schema/publish-attempts.ts";
import { type PublishedPost, publishedPosts } from "../../src/db/schema/published-posts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import worker from "../../src/index.ts";
import { createLinkedInAdapter, LINKEDIN_PARTNER_SCOPES } from "../../src/platform/social/linkedin/index.ts";
import type { ConnectedAccount } from "../../src/platform/social/types.ts";
import type { PublishMessage } from "../../src/queues/publish/message.ts";
import { CRON_DISPATCH_DUE_POSTS } from "../../src/scheduled.ts";
import { createContent } from "./content.ts";
import { connectFakeAccount, type FakePlatform } from "./fake-platforms.ts";
import { envWith } from "./http.ts";
import { queueRecorder } from "./queues.ts";
import { roundTripsOf, taggedDatabaseUrl } from "./round-trips.ts";
import { createSocialAccount } from "./social-accounts.ts";
import { type TestUser, testDb } from "./tenants.ts";

/** The content's posts (oldest first), straight from the outbox. */
export async function postsOf(organizationId: string, contentId: string): Promise<PublishedPost[]> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(publishedPosts)
      .where(and(eq(publishedPosts.organizationId, organizationId), eq(publishedPosts.contentId, contentId)))
      .orderBy(asc(publishedPosts.createdAt), asc(publishedPosts.id)),
  }));
  return rows;
}

export async function postRow(organizationId: string, id: string): Promise<PublishedPost | undefined> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(publishedPosts).where(eq(publishedPosts.id, id)),
  }));
  return rows[0];
}

export async function attemptsOf(organizationId: string, postId: string): Promise<PublishAttempt[]> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(publishAttempts)
      .where(eq(publishAttempts.publishedPostId, postId))
      .orderBy(asc(publishAttempts.attemptNumber)),
  }));
  return rows;
}

/** Sets columns of a post directly (to start from any state: a lease run out, a time passed). */
export async function updatePost(
  organizationId: string,
  id: string,
  values: Partial<typeof publishedPosts.$inferInsert>,
): Promise<PublishedPost> {
  const { updated } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    updated: db.update(publishedPosts).set(values).where(eq(publishedPosts.id, id)).returning(),
  }));
  return updated[0]!;
}

export const publishMessage = (organizationId: string, postId: string) => ({
  published_post_id: postId,
  organization_id: organizationId,
});

let sequence = 0;

/**
 * Runs the Worker's queue() over messages of `queue` (each with `attempts`), as the queue would
 * deliver them, and answers what it did with each, and the round trips it cost.
 */
export async function deliver(
  queue: "guddu-publish" | "guddu-publish-dlq" | "guddu-metrics",
  bodies: unknown[],
  options: { attempts?: number } = {},
) {
  const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
  const messages = bodies.map((body) => ({
    id: `m${++sequence}`,
    timestamp: new Date(),
    attempts: options.attempts ?? 1,
    body,
  }));
  const batch = createMessageBatch(queue, messages);
  const ctx = createExecutionContext();
  await worker.queue(batch, envWith({ DATABASE_URL: taggedDatabaseUrl(tag) }), ctx);
  const result = await getQueueResult(batch, ctx);
  return { ...result, ids: messages.map((m) => m.id), roundTrips: await roundTripsOf(tag) };
}

/** Runs the every-minute cron once (with other bindings when given), and its round trips. */
export async function runDispatchCron(bindings: Partial<Cloudflare.Env> = {}) {
  const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron: CRON_DISPATCH_DUE_POSTS }),
    envWith({ DATABASE_URL: taggedDatabaseUrl(tag), ...bindings }),
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { roundTrips: await roundTripsOf(tag) };
}

/** A publish queue that records what it was sent (support/queues.ts), with the posts' ids. */
export function recordingQueue(options: { fail?: boolean } = {}) {
  const recorder = queueRecorder<PublishMessage>(options);
  return { ...recorder, ids: () => recorder.sent().map((m) => m.published_post_id) };
}

/** A post row in any state (the outbox as the scheduler would have written it, then moved on). */
export async function createPost(
  organizationId: string,
  values: { contentId: string; socialAccountId: string | null; platform: Platform } & Partial<
    typeof publishedPosts.$inferInsert
  >,
): Promise<PublishedPost> {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(publishedPosts)
      .values({
        organizationId,
        publishStatus: "pending",
        nextAttemptAt: new Date(Date.now() - 1000),
        ...values,
      })
      .returning(),
  }));
  return inserted[0]!;
}

/** The id the fakes file a platform account's posts and faults under. */
export function fakeAccountKey(platform: Platform, connected: ConnectedAccount): string {
  if (platform !== "linkedin") return connected.platformUserId;
  const urn = connected.metadata.authorUrn;
  return typeof urn === "string" ? urn : `urn:li:person:${connected.platformUserId}`;
}

/**
 * An account really connected at the platform's fake (or the real local PDS for Bluesky, through
 * `connect`), stored in the organisation as the social-accounts service stores one (sealed tokens).
 */
export async function connectedAccount(
  owner: TestUser,
  platform: FakePlatform,
  options: { eventId?: string | null; linkedInPartner?: boolean } = {},
) {
  // A LinkedIn app without partner access cannot read a member's posts, so it cannot reconcile.
  const partner =
    platform === "linkedin" && options.linkedInPartner !== false
      ? createLinkedInAdapter({
          baseUrl: loadConfig(env).PLATFORM_BASE_URLS.linkedin,
          scopes: LINKEDIN_PARTNER_SCOPES,
        })
      : undefined;
  const connected = await connectFakeAccount(platform, partner);
  const row = await createSocialAccount(owner, {
    platform,
    platformUserId: connected.platformUserId,
    username: connected.username,
    tokens: connected.tokens,
    metadata: connected.metadata,
    eventId: options.eventId ?? null,
  });
  return { row, connected, key: fakeAccountKey(platform, connected) };
}

let captions = 0;
/** A caption no account has posted before (platforms refuse repeats). */
export const uniqueCaption = (prefix = "Doors open at 9") =>
  `${prefix} — update ${++captions} ${crypto.randomUUID().slice(0, 8)}`;

/**
 * Scheduled content for one account and its post, queued as the cron would leave it: due now, its
 * message about to be sent.
 */
export async function queuedPost(
  owner: TestUser,
  account: { id: string; platform: Platform },
  options: {
    caption?: string;
    /** `thread`: the caption's parts separated by lines of `---`. */
    contentType?: "post" | "thread";
    mediaAssets?: string[];
    eventId?: string | null;
    status?: "queued" | "pending";
  } = {},
) {
  const row = await createContent(owner.organizationId, {
    contentType: options.contentType ?? "post",
    workflowStatus: "scheduled",
    targetPlatforms: [account.platform],
    caption: options.caption ?? uniqueCaption(),
    hashtags: [],
    mediaAssets: options.mediaAssets ?? [],
    eventId: options.eventId ?? null,
    scheduledFor: new Date(),
  });
  // Written by the owner: the one told when a post fails.
  await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
    author: db.update(content).set({ createdBy: owner.id }).where(eq(content.id, row.id)),
  }));
  const now = new Date();
  const post = await createPost(owner.organizationId, {
    contentId: row.id,
    socialAccountId: account.id,
    platform: account.platform,
    publishStatus: options.status ?? "queued",
    nextAttemptAt: now,
    claimedAt: options.status === "pending" ? null : now,
  });
  return { content: row, post };
}

/** Waits (polling, with a deadline) until the post satisfies `done`; answers it. */
export async function waitForPost(
  organizationId: string,
  id: string,
  done: (post: PublishedPost) => boolean,
  timeout = 20_000,
): Promise<PublishedPost> {
  return vi.waitFor(
    async () => {
      const post = await postRow(organizationId, id);
      if (!post || !done(post)) throw new Error(`post ${id} is ${post?.publishStatus ?? "missing"}`);
      return post;
    },
    { timeout, interval: 100 },
  );
}

export const settled = (post: PublishedPost) =>
  ["published", "failed", "cancelled", "deleted"].includes(post.publishStatus);

/** A post (with its account and content) of the organisation, for lookups and cross-tenant checks. */
export async function createPublishedPost(
  organizationId: string,
  publishStatus: PublishedPost["publishStatus"] = "failed",
): Promise<PublishedPost> {
  const account = await createSocialAccount(organizationId, { platform: "x" });
  const row = await createContent(organizationId, { workflowStatus: "failed", targetPlatforms: ["x"] });
  return createPost(organizationId, {
    contentId: row.id,
    socialAccountId: account.id,
    platform: "x",
    publishStatus,
  });
}
