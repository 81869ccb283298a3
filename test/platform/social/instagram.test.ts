import { describe, expect, it } from "vitest";
import {
  ageToken,
  authorizeAtFake,
  connectFakeAccount,
  expireToken,
  fakeAdapter,
  fakeClient,
  fakeContainers,
  fakePosts,
  fakesOrigin,
  memoryProgress,
  pkcePair,
  queueFault,
  REDIRECT_URI,
  setFakeMetrics,
  signWebhook,
  testMedia,
  testPost,
} from "../../support/fake-platforms.ts";
import { failure } from "../../support/platform-error.ts";

const adapter = fakeAdapter("instagram");

const imagePost = () =>
  testPost({ text: `Day one #AEF2027 @aef ${crypto.randomUUID()}`, media: [testMedia("jpeg")] });

describe("Instagram Login", () => {
  it("connects with a 60-day token that refreshes itself (no separate refresh token)", async () => {
    const account = await connectFakeAccount("instagram");
    expect(account.platformUserId).toMatch(/^\d+$/);
    expect(account.username).toMatch(/^fake_instagram_/);
    expect(account.tokens.refreshToken).toBeNull();
    const days = ((account.tokens.expiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(59.9);
  });

  it("refuses a code whose PKCE verifier does not match", async () => {
    const client = fakeClient("instagram");
    if (!client || !adapter.oauth) throw new Error("no client");
    const { challenge } = await pkcePair();
    const url = adapter.oauth.authorizeUrl({
      client,
      redirectUri: REDIRECT_URI,
      state: "st",
      codeChallenge: challenge,
    });
    const code = (await authorizeAtFake(url)).get("code") ?? "";
    const error = await failure(
      adapter.oauth.exchangeCode({ client, redirectUri: REDIRECT_URI, code, codeVerifier: "nope" }),
    );
    expect(error.kind).toBe("permanent");
  });

  it("refreshes a long-lived token once it is a day old, not before", async () => {
    const account = await connectFakeAccount("instagram");
    expect((await failure(adapter.refreshToken(account, fakeClient("instagram")))).kind).toBe("permanent");
    await ageToken(account.tokens.accessToken, 25 * 3600);
    const fresh = await adapter.refreshToken(account, fakeClient("instagram"));
    expect(fresh.accessToken).not.toBe(account.tokens.accessToken);
    expect(fresh.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
  });

  it("an expired token is auth_expired (190)", async () => {
    const account = await connectFakeAccount("instagram");
    await expireToken(account.tokens.accessToken);
    const error = await failure(adapter.publish(account, imagePost(), memoryProgress()));
    expect(error).toMatchObject({ kind: "auth_expired", code: "190/463" });
  });
});

describe("publishing to Instagram", () => {
  it("makes an image container, saves its id before publishing, then publishes it", async () => {
    const account = await connectFakeAccount("instagram");
    const post = imagePost();
    const progress = memoryProgress();
    const ref = await adapter.publish(account, post, progress);
    expect(ref.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    const [container] = await fakeContainers("instagram", account.platformUserId);
    expect(progress.saved[0]).toEqual({ containerId: container?.id });
    expect(progress.saved[1]).toMatchObject({ containerId: container?.id, sentAt: expect.any(Number) });
    expect(container?.status).toBe("PUBLISHED");
    const [stored] = await fakePosts("instagram", account.platformUserId);
    expect(stored).toMatchObject({ id: ref.platformPostId, text: post.text });
  });

  it("refuses a post without media: Instagram has no text posts", async () => {
    const account = await connectFakeAccount("instagram");
    const error = await failure(adapter.publish(account, testPost(), memoryProgress()));
    expect(error).toMatchObject({ kind: "permanent", code: "media_required" });
  });

  it("waits for a reel's container to finish processing before publishing it", async () => {
    const account = await connectFakeAccount("instagram");
    await adapter.publish(account, testPost({ media: [testMedia("mp4")] }), memoryProgress());
    const [container] = await fakeContainers("instagram", account.platformUserId);
    expect(container).toMatchObject({ media_type: "REELS", status: "PUBLISHED" });
  });

  it("publishes a carousel of an image and a video: item containers first, then the carousel", async () => {
    const account = await connectFakeAccount("instagram");
    const post = testPost({
      text: `Carousel ${crypto.randomUUID()}`,
      media: [testMedia("jpeg"), testMedia("mp4")],
    });
    await adapter.publish(account, post, memoryProgress());
    const containers = await fakeContainers("instagram", account.platformUserId);
    const carousel = containers.find((c) => c.media_type === "CAROUSEL");
    expect(carousel?.children).toHaveLength(2);
    expect(containers.filter((c) => c.is_carousel_item).map((c) => c.media_type)).toEqual(["IMAGE", "VIDEO"]);
    const [stored] = await fakePosts("instagram", account.platformUserId);
    expect(stored?.media).toEqual(carousel?.children);
  });

  it("a container still in progress after the allowed polls is transient; the retry resumes the same container", async () => {
    const account = await connectFakeAccount("instagram");
    await queueFault("instagram", "status", "container_in_progress", {
      account: account.platformUserId,
      times: 3,
    });
    const post = imagePost();
    const progress = memoryProgress();
    const error = await failure(fakeAdapter("instagram", { maxPolls: 2 }).publish(account, post, progress));
    expect(error).toMatchObject({ kind: "transient", code: "still_processing" });
    await adapter.publish(account, post, progress.next());
    expect(await fakeContainers("instagram", account.platformUserId)).toHaveLength(1);
    expect(await fakePosts("instagram", account.platformUserId)).toHaveLength(1);
  });
});

describe("Instagram failures are classified for the consumer", () => {
  it("the publishing quota (9/2207042) and call limits (4) are rate_limited for as long as the headers say", async () => {
    const account = await connectFakeAccount("instagram");
    await queueFault("instagram", "publish", "rate_limit", { account: account.platformUserId });
    await queueFault("instagram", "container", "rate_limit", { account: account.platformUserId });
    // The container is made first, so the call limit strikes there; the quota at media_publish.
    const calls = await failure(adapter.publish(account, imagePost(), memoryProgress()));
    expect(calls).toMatchObject({ kind: "rate_limited", code: "4", retryAfterSeconds: 3600 });
    const quota = await failure(adapter.publish(account, imagePost(), memoryProgress()));
    expect(quota).toMatchObject({ kind: "rate_limited", code: "9/2207042", retryAfterSeconds: 3600 });
  });

  it("a 5xx on media_publish is uncertain; the container is not published, so findPublished says no and the retry reuses it", async () => {
    const account = await connectFakeAccount("instagram");
    await queueFault("instagram", "publish", "server_error", { account: account.platformUserId });
    const post = imagePost();
    const progress = memoryProgress();
    expect((await failure(adapter.publish(account, post, progress))).kind).toBe("uncertain");
    expect(await adapter.findPublished(account, post, progress.next())).toBeNull();
    await adapter.publish(account, post, progress.next());
    expect(await fakeContainers("instagram", account.platformUserId)).toHaveLength(1);
    expect(await fakePosts("instagram", account.platformUserId)).toHaveLength(1);
  });

  it("timeout or drop after Instagram published: the container says PUBLISHED, findPublished finds the post, a retry publishes nothing new", async () => {
    const account = await connectFakeAccount("instagram");
    for (const fault of ["timeout_after_accept", "drop_after_accept"] as const) {
      await queueFault("instagram", "publish", fault, { account: account.platformUserId });
      const post = imagePost();
      const progress = memoryProgress();
      const error = await failure(
        fakeAdapter("instagram", { timeoutMs: 300 }).publish(account, post, progress),
      );
      expect(error.kind).toBe("uncertain");
      const found = await adapter.findPublished(account, post, progress.next());
      const again = await adapter.publish(account, post, progress.next());
      const stored = (await fakePosts("instagram", account.platformUserId)).filter(
        (p) => p.text === post.text,
      );
      expect(stored).toHaveLength(1);
      expect(found?.platformPostId).toBe(stored[0]?.id);
      expect(again.platformPostId).toBe(stored[0]?.id);
    }
  });

  it("findPublished without a saved container finds nothing and creates nothing", async () => {
    const account = await connectFakeAccount("instagram");
    await queueFault("instagram", "container", "server_error", { account: account.platformUserId });
    const post = imagePost();
    const progress = memoryProgress();
    expect((await failure(adapter.publish(account, post, progress))).kind).toBe("transient");
    expect(await adapter.findPublished(account, post, progress.next())).toBeNull();
    expect(await fakeContainers("instagram", account.platformUserId)).toHaveLength(0);
  });

  it("an expired token → auth_expired; a duplicate (506) → duplicate", async () => {
    const account = await connectFakeAccount("instagram");
    await queueFault("instagram", "publish", "expired_token", { account: account.platformUserId });
    await queueFault("instagram", "publish", "duplicate", { account: account.platformUserId });
    expect((await failure(adapter.publish(account, imagePost(), memoryProgress()))).kind).toBe(
      "auth_expired",
    );
    expect((await failure(adapter.publish(account, imagePost(), memoryProgress()))).kind).toBe("duplicate");
  });
});

/** Deletes a post as its owner would in the Instagram app (there is no API delete). */
async function deleteInApp(id: string) {
  const response = await fetch(`${fakesOrigin()}/_fake/posts/delete`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ platform: "instagram", id }),
  });
  if (!response.ok) throw new Error(`the fake did not delete ${id}: ${response.status}`);
}

describe("Instagram metrics", () => {
  it("measures each post of the batch from its insights; a post deleted in the app is null; there are no clicks", async () => {
    const account = await connectFakeAccount("instagram");
    const publish = async () =>
      (await adapter.publish(account, imagePost(), memoryProgress())).platformPostId;
    const [first, second, gone] = [await publish(), await publish(), await publish()];
    await setFakeMetrics("instagram", first, {
      views: 1500,
      reach: 1100,
      likes: 90,
      comments: 12,
      shares: 5,
      saves: 7,
    });
    await deleteInApp(gone);
    const metrics = await adapter.fetchMetrics(account, [first, second, gone]);
    expect(metrics.get(first)).toEqual({
      impressions: 1500,
      reach: 1100,
      likes: 90,
      comments: 12,
      shares: 5,
      saves: 7,
      clicks: null,
      raw: { insights: expect.objectContaining({ views: 1500, saved: 7, total_interactions: 114 }) },
    });
    expect(metrics.get(second)).toMatchObject({ impressions: 120, reach: 96, saves: 0, clicks: null });
    expect(metrics.get(gone)).toBeNull();
    expect(metrics.size).toBe(3);
    expect(adapter.metricsBatchSize).toBe(25);
  });

  it("a call limit (4) fails the batch as rate_limited for as long as X-App-Usage says; an expired token → auth_expired", async () => {
    const account = await connectFakeAccount("instagram");
    const ids = [
      (await adapter.publish(account, imagePost(), memoryProgress())).platformPostId,
      (await adapter.publish(account, imagePost(), memoryProgress())).platformPostId,
    ];
    await queueFault("instagram", "metrics", "rate_limit", { account: account.platformUserId });
    expect(await failure(adapter.fetchMetrics(account, ids))).toMatchObject({
      kind: "rate_limited",
      code: "4",
      retryAfterSeconds: 3600,
    });
    await expireToken(account.tokens.accessToken);
    expect(await failure(adapter.fetchMetrics(account, ids))).toMatchObject({
      kind: "auth_expired",
      code: "190/463",
    });
  });
});

describe("Instagram posts after publishing", () => {
  it("cannot delete: Instagram has no API for it", async () => {
    const account = await connectFakeAccount("instagram");
    const ref = await adapter.publish(account, imagePost(), memoryProgress());
    expect(await failure(adapter.deletePost(account, ref.platformPostId))).toMatchObject({
      kind: "permanent",
      code: "delete_unsupported",
    });
  });

  it("verifies Meta's X-Hub-Signature-256 on webhooks", async () => {
    const body = JSON.stringify({ object: "instagram", entry: [] });
    const raw = new TextEncoder().encode(body).buffer as ArrayBuffer;
    const headers = new Headers(await signWebhook("instagram", "ig-secret", body));
    expect(await adapter.verifyWebhook(headers, raw, "ig-secret")).toBe(true);
    expect(await adapter.verifyWebhook(headers, raw, "other")).toBe(false);
    expect(await adapter.verifyWebhook(new Headers(), raw, "ig-secret")).toBe(false);
  });
});
