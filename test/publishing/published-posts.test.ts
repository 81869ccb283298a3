import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { content as contentTable } from "../../src/db/schema/content.ts";
import { publishAttempts } from "../../src/db/schema/publish-attempts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { signMediaLink } from "../../src/services/publishing/media.ts";
import { auditRows } from "../support/audit.ts";
import { createContent, readContent } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { fakeAdapter, fakePosts, memoryProgress, NO_WAIT } from "../support/fake-platforms.ts";
import { call, expectProblem, type Problem } from "../support/http.ts";
import { uploadFile } from "../support/media.ts";
import { png } from "../support/media-files.ts";
import {
  connectedAccount,
  createPost,
  postRow,
  postsOf,
  queuedPost,
  settled,
  uniqueCaption,
  updatePost,
  waitForPost,
} from "../support/publishing.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface PostBody {
  id: string;
  content_id: string;
  social_account_id: string | null;
  platform: string;
  publish_status: string;
  platform_post_id: string | null;
  platform_url: string | null;
  last_error: string | null;
  attempt_count: number;
  sent: Record<string, unknown>;
  attempts?: Array<{
    attempt_number: number;
    outcome: string;
    error_code: string | null;
    error_message: string | null;
  }>;
}

const post = (user: TestUser, path: string) => call(path, { method: "POST", headers: user.headers });
const remove = (user: TestUser, path: string) => call(path, { method: "DELETE", headers: user.headers });

describe("listing and reading published posts", () => {
  it("lists the organisation's posts with filters and keyset pages, in one round trip", async () => {
    const { owner } = await createTenant();
    const x = await createSocialAccount(owner, { platform: "x" });
    const linkedin = await createSocialAccount(owner, { platform: "linkedin" });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "scheduled",
      targetPlatforms: ["x", "linkedin"],
    });
    const other = await createContent(owner.organizationId, {
      workflowStatus: "scheduled",
      targetPlatforms: ["x"],
    });
    const a = await createPost(owner.organizationId, {
      contentId: row.id,
      socialAccountId: x.id,
      platform: "x",
    });
    const b = await createPost(owner.organizationId, {
      contentId: row.id,
      socialAccountId: linkedin.id,
      platform: "linkedin",
      publishStatus: "failed",
    });
    const c = await createPost(owner.organizationId, {
      contentId: other.id,
      socialAccountId: x.id,
      platform: "x",
    });
    const stranger = await createTenant();
    const { response, roundTrips } = await measure(`/v1/published-posts?content_id=${row.id}`, {
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    const page = (await response.json()) as { data: PostBody[]; next_cursor: string | null };
    expect(page.data.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    const list = async (query: string, user = owner) =>
      (
        (await (await call(`/v1/published-posts?${query}`, { headers: user.headers })).json()) as {
          data: PostBody[];
        }
      ).data.map((p) => p.id);
    expect(await list("status=failed")).toEqual([b.id]);
    expect((await list("platform=x")).sort()).toEqual([a.id, c.id].sort());
    expect(await list(`social_account_id=${linkedin.id}`)).toEqual([b.id]);
    expect(await list("", stranger.owner)).toEqual([]);
    const first = (await (await call("/v1/published-posts?limit=2", { headers: owner.headers })).json()) as {
      data: PostBody[];
      next_cursor: string;
    };
    const second = (await (
      await call(`/v1/published-posts?limit=2&cursor=${first.next_cursor}`, { headers: owner.headers })
    ).json()) as { data: PostBody[]; next_cursor: string | null };
    expect([...first.data, ...second.data].map((p) => p.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(second.next_cursor).toBeNull();
  });

  it("reads a post with every attempt — why it failed — in one round trip; another tenant's is 404", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner, { platform: "x" });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "failed",
      targetPlatforms: ["x"],
    });
    const failed = await createPost(owner.organizationId, {
      contentId: row.id,
      socialAccountId: account.id,
      platform: "x",
      publishStatus: "failed",
      attemptCount: 2,
      lastError: "Gave up after 2 attempts. Last error: x: Service Unavailable",
    });
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      attempts: db.insert(publishAttempts).values([
        {
          organizationId: owner.organizationId,
          publishedPostId: failed.id,
          attemptNumber: 1,
          outcome: "uncertain",
          errorCode: "uncertain",
          errorMessage: "no answer within 1500 ms",
        },
        {
          organizationId: owner.organizationId,
          publishedPostId: failed.id,
          attemptNumber: 2,
          outcome: "retryable_failure",
          errorCode: "transient",
          httpStatus: 503,
          errorMessage: "x: Service Unavailable",
        },
      ]),
    }));
    const { response, roundTrips } = await measure(`/v1/published-posts/${failed.id}`, {
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    const body = (await response.json()) as PostBody;
    expect(body).toMatchObject({ publish_status: "failed", last_error: failed.lastError, attempt_count: 2 });
    expect(body.attempts?.map((a) => [a.attempt_number, a.outcome, a.error_code])).toEqual([
      [1, "uncertain", "uncertain"],
      [2, "retryable_failure", "transient"],
    ]);
    const stranger = await createTenant();
    await expectProblem(
      await call(`/v1/published-posts/${failed.id}`, { headers: stranger.owner.headers }),
      404,
      "published_post_not_found",
    );
  });
});

describe("retrying a failed post", () => {
  it("queues it at once; an uncertain earlier attempt is reconciled, so the retry never duplicates", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { content, post: queued } = await queuedPost(owner, account.row);
    // It did reach the platform, but the outcome was lost, and the post was failed after all.
    await fakeAdapter("x", NO_WAIT).publish(
      account.connected,
      { postId: queued.id, text: content.caption!, hashtags: [], mentions: [], link: null, media: [] },
      memoryProgress(),
    );
    await updatePost(owner.organizationId, queued.id, {
      publishStatus: "failed",
      attemptCount: 1,
      lastError: "Gave up",
    });
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      uncertainAttempt: db.insert(publishAttempts).values({
        organizationId: owner.organizationId,
        publishedPostId: queued.id,
        attemptNumber: 1,
        outcome: "uncertain",
      }),
      failed: db
        .update(contentTable)
        .set({ workflowStatus: "failed" })
        .where(eq(contentTable.id, content.id)),
    }));
    const { response, roundTrips } = await measure(`/v1/published-posts/${queued.id}/retry`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(202);
    expect(roundTrips).toBe(1);
    expect(((await response.json()) as PostBody).publish_status).toBe("queued");
    expect((await readContent(owner, content.id)).workflow_status).toBe("publishing");
    const done = await waitForPost(owner.organizationId, queued.id, settled);
    expect(done.publishStatus).toBe("published");
    expect(await fakePosts("x", account.key)).toHaveLength(1);
    expect((await readContent(owner, content.id)).workflow_status).toBe("published");
    expect((await auditRows(owner.organizationId, queued.id)).map((a) => a.action)).toEqual([
      "published_post.retry",
    ]);
    const audit = await auditRows(owner.organizationId, content.id);
    expect(audit.map((a) => a.changes.workflow_status)).toEqual([
      { from: "failed", to: "publishing" },
      { from: "publishing", to: "published" },
    ]);
  });

  it("only a failed post can be retried (409 post_not_failed); an editor may not (publishing:write)", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const account = await createSocialAccount(owner, { platform: "x" });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "publishing",
      targetPlatforms: ["x"],
    });
    const published = await createPost(owner.organizationId, {
      contentId: row.id,
      socialAccountId: account.id,
      platform: "x",
      publishStatus: "published",
    });
    const problem = (await expectProblem(
      await post(owner, `/v1/published-posts/${published.id}/retry`),
      409,
      "post_not_failed",
    )) as Problem & { publish_status: string };
    expect(problem.publish_status).toBe("published");
    await expectProblem(
      await post(editor, `/v1/published-posts/${published.id}/retry`),
      403,
      "missing_permission",
    );
  });
});

describe("deleting a post", () => {
  it("deletes a published post on the platform, then marks it deleted (audited)", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { post: queued } = await queuedPost(owner, account.row);
    await env.PUBLISH_QUEUE.send({ published_post_id: queued.id, organization_id: owner.organizationId });
    const published = await waitForPost(owner.organizationId, queued.id, settled);
    expect(published.publishStatus).toBe("published");
    const response = await remove(owner, `/v1/published-posts/${queued.id}`);
    expect(response.status).toBe(204);
    expect(await postRow(owner.organizationId, queued.id)).toMatchObject({ publishStatus: "deleted" });
    expect(await fakePosts("x", account.key)).toHaveLength(0);
    expect((await fakePosts("x", account.key, { deleted: true })).map((p) => p.deleted)).toEqual([true]);
    const audit = await auditRows(owner.organizationId, queued.id);
    expect(audit.at(-1)).toMatchObject({
      action: "published_post.delete",
      changes: {
        publish_status: { from: "published", to: "deleted" },
        platform_post_id: published.platformPostId,
      },
    });
    // Deleting it again answers as done.
    expect((await remove(owner, `/v1/published-posts/${queued.id}`)).status).toBe(204);
  });

  it("cancels a post not sent yet; refuses while it is being sent; a platform without delete is 422", async () => {
    const { owner } = await createTenant();
    const x = await createSocialAccount(owner, { platform: "x" });
    const instagram = await createSocialAccount(owner, { platform: "instagram" });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "scheduled",
      targetPlatforms: ["x"],
    });
    const waiting = await createPost(owner.organizationId, {
      contentId: row.id,
      socialAccountId: x.id,
      platform: "x",
      nextAttemptAt: new Date(Date.now() + 3_600_000),
    });
    const { response, roundTrips } = await measure(`/v1/published-posts/${waiting.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(response.status).toBe(204);
    expect(roundTrips).toBe(2);
    expect((await postRow(owner.organizationId, waiting.id))?.publishStatus).toBe("cancelled");
    expect((await auditRows(owner.organizationId, waiting.id)).map((a) => a.action)).toEqual([
      "published_post.cancel",
    ]);
    const other = await createContent(owner.organizationId, {
      workflowStatus: "publishing",
      targetPlatforms: ["x", "instagram"],
    });
    const sending = await createPost(owner.organizationId, {
      contentId: other.id,
      socialAccountId: x.id,
      platform: "x",
      publishStatus: "publishing",
      claimedAt: new Date(),
    });
    await expectProblem(await remove(owner, `/v1/published-posts/${sending.id}`), 409, "post_publishing");
    const onInstagram = await createPost(owner.organizationId, {
      contentId: other.id,
      socialAccountId: instagram.id,
      platform: "instagram",
      publishStatus: "published",
      platformPostId: "1789",
    });
    const problem = await expectProblem(
      await remove(owner, `/v1/published-posts/${onInstagram.id}`),
      422,
      "platform_refused",
    );
    expect(problem.detail).toMatch(/Instagram has no API to delete a post/);
    expect((await postRow(owner.organizationId, onInstagram.id))?.publishStatus).toBe("published");
  });
});

describe("publish now", () => {
  it("approved content: posts written and sent at once, published without the cron (two round trips)", async () => {
    const { owner } = await createTenant();
    const x = await connectedAccount(owner, "x");
    const linkedin = await connectedAccount(owner, "linkedin");
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x", "linkedin"],
      caption: uniqueCaption(),
      scheduledFor: null,
    });
    const { response, roundTrips } = await measure(`/v1/content/${row.id}/publish-now`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(202);
    expect(roundTrips).toBe(2);
    const body = (await response.json()) as {
      content: { workflow_status: string };
      published_posts: PostBody[];
    };
    expect(body.content.workflow_status).toBe("scheduled");
    expect(body.published_posts.map((p) => p.publish_status)).toEqual(["queued", "queued"]);
    for (const p of body.published_posts) {
      expect((await waitForPost(owner.organizationId, p.id, settled)).publishStatus).toBe("published");
    }
    expect(await fakePosts("x", x.key)).toHaveLength(1);
    expect(await fakePosts("linkedin", linkedin.key)).toHaveLength(1);
    expect((await readContent(owner, row.id)).workflow_status).toBe("published");
    expect((await auditRows(owner.organizationId, row.id)).map((a) => a.action)).toContain(
      "content.publish_now",
    );
  });

  it("scheduled content: its waiting posts go now instead of at their time", async () => {
    const { owner } = await createTenant();
    const x = await connectedAccount(owner, "x");
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x"],
      caption: uniqueCaption(),
    });
    expect(
      (
        await call(`/v1/content/${row.id}/transitions`, {
          method: "POST",
          headers: { ...owner.headers, "content-type": "application/json" },
          body: JSON.stringify({
            to: "scheduled",
            scheduled_for: new Date(Date.now() + 86_400_000).toISOString(),
          }),
        })
      ).status,
    ).toBe(200);
    const [waiting] = await postsOf(owner.organizationId, row.id);
    expect((await post(owner, `/v1/content/${row.id}/publish-now`)).status).toBe(202);
    expect((await waitForPost(owner.organizationId, waiting!.id, settled)).publishStatus).toBe("published");
    expect(await postsOf(owner.organizationId, row.id)).toHaveLength(1);
    expect(await fakePosts("x", x.key)).toHaveLength(1);
  });

  it("refuses a draft (409), a paused event (409 event_publishing_paused) and a platform without an account (422)", async () => {
    const { owner } = await createTenant();
    await createSocialAccount(owner, { platform: "x" });
    const draft = await createContent(owner.organizationId, { targetPlatforms: ["x"] });
    await expectProblem(
      await post(owner, `/v1/content/${draft.id}/publish-now`),
      409,
      "invalid_status_transition",
    );
    const event = await createEvent(owner.organizationId);
    const paused = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x"],
      eventId: event.id,
    });
    await post(owner, `/v1/events/${event.id}/publishing/pause`);
    await expectProblem(
      await post(owner, `/v1/content/${paused.id}/publish-now`),
      409,
      "event_publishing_paused",
    );
    const noAccount = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["threads"],
    });
    await expectProblem(
      await post(owner, `/v1/content/${noAccount.id}/publish-now`),
      422,
      "no_account_for_platform",
    );
    expect(await postsOf(owner.organizationId, paused.id)).toEqual([]);
  });
});

describe("the public media link", () => {
  it("serves the asset's bytes to whoever holds the signed link, with one round trip (its embargo)", async () => {
    const { owner } = await createTenant();
    const bytes = png(8, 6);
    const media = (await (await uploadFile(owner, bytes, { type: "image/png" })).json()) as { id: string };
    const url = await signMediaLink(loadConfig(env), {
      id: media.id,
      organizationId: owner.organizationId,
      mimeType: "image/png",
    });
    expect(url).toMatch(/^http:\/\/guddu\.test\/media\/public\//);
    const path = new URL(url).pathname;
    const { response, roundTrips } = await measure(path);
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it("a tampered, expired or unknown link is 404 media_link_invalid", async () => {
    const { owner } = await createTenant();
    const config = loadConfig(env);
    const asset = { id: crypto.randomUUID(), organizationId: owner.organizationId, mimeType: "image/png" };
    const good = new URL(await signMediaLink(config, asset)).pathname;
    await expectProblem(await call(`${good}x`), 404, "media_link_invalid");
    await expectProblem(await call(good), 404, "media_link_invalid"); // no bytes stored under it
    const old = new URL(await signMediaLink(config, asset, Date.now() - 7 * 3_600_000)).pathname;
    await expectProblem(await call(old), 404, "media_link_invalid");
    await expectProblem(await call("/media/public/not-a-token"), 404, "media_link_invalid");
  });
});
