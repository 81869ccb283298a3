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
  memoryProgress,
  onSave,
  pkcePair,
  queueFault,
  REDIRECT_URI,
  setFakeMetrics,
  signWebhook,
  testMedia,
  testPost,
  threadReplies,
} from "../../support/fake-platforms.ts";
import { failure } from "../../support/platform-error.ts";

const adapter = fakeAdapter("threads");

describe("Threads OAuth", () => {
  it("connects with a 60-day token and refreshes it once it is a day old", async () => {
    const account = await connectFakeAccount("threads");
    expect(account.username).toMatch(/^fake_threads_/);
    expect(account.tokens.refreshToken).toBeNull();
    expect(account.tokens.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    await ageToken(account.tokens.accessToken, 2 * 86_400);
    const fresh = await adapter.refreshToken(account, fakeClient("threads"));
    expect(fresh.accessToken).not.toBe(account.tokens.accessToken);
  });

  it("refuses a code with the wrong PKCE verifier", async () => {
    const client = fakeClient("threads");
    if (!client || !adapter.oauth) throw new Error("no client");
    const { challenge } = await pkcePair();
    const url = adapter.oauth.authorizeUrl({
      client,
      redirectUri: REDIRECT_URI,
      state: "st",
      codeChallenge: challenge,
    });
    expect(new URL(url).pathname).toBe("/threads/oauth/authorize");
    const code = (await authorizeAtFake(url)).get("code") ?? "";
    const error = await failure(
      adapter.oauth.exchangeCode({ client, redirectUri: REDIRECT_URI, code, codeVerifier: "x" }),
    );
    expect(error).toMatchObject({ kind: "permanent", code: "100/36008" });
  });

  it("an expired token is auth_expired", async () => {
    const account = await connectFakeAccount("threads");
    await expireToken(account.tokens.accessToken);
    expect((await failure(adapter.publish(account, testPost(), memoryProgress()))).kind).toBe("auth_expired");
  });
});

describe("publishing to Threads", () => {
  it("posts text with the link as link_attachment, through a container saved before publishing", async () => {
    const account = await connectFakeAccount("threads");
    const post = testPost({
      text: `Join us #AEF2027 @aef ${crypto.randomUUID()}`,
      link: "https://aef.example.org",
    });
    const progress = memoryProgress();
    const ref = await adapter.publish(account, post, progress);
    expect(ref.url).toMatch(/^https:\/\/www\.threads\.net\/@/);
    const [container] = await fakeContainers("threads", account.platformUserId);
    expect(container).toMatchObject({ media_type: "TEXT", status: "PUBLISHED" });
    expect(progress.saved[0]).toEqual({ containerId: container?.id });
    const [stored] = await fakePosts("threads", account.platformUserId);
    expect(stored).toMatchObject({
      id: ref.platformPostId,
      text: post.text,
      link: "https://aef.example.org",
    });
  });

  it("posts an image, and a carousel of images and a video (waiting for the video)", async () => {
    const account = await connectFakeAccount("threads");
    await adapter.publish(
      account,
      testPost({ media: [testMedia("jpeg", { altText: "Stage" })] }),
      memoryProgress(),
    );
    await adapter.publish(
      account,
      testPost({ media: [testMedia("png"), testMedia("jpeg"), testMedia("mp4")] }),
      memoryProgress(),
    );
    const containers = await fakeContainers("threads", account.platformUserId);
    expect(containers.map((c) => c.media_type)).toEqual(["IMAGE", "IMAGE", "IMAGE", "VIDEO", "CAROUSEL"]);
    expect(containers.every((c) => c.status === "PUBLISHED")).toBe(true);
    const posts = await fakePosts("threads", account.platformUserId);
    expect(posts.map((p) => p.media.length)).toEqual([1, 3]);
  });

  it("keeps polling a container in progress; past the bound it is transient, and the retry resumes the same container", async () => {
    const account = await connectFakeAccount("threads");
    await queueFault("threads", "status", "container_in_progress", {
      account: account.platformUserId,
      times: 4,
    });
    const post = testPost();
    const progress = memoryProgress();
    const error = await failure(fakeAdapter("threads", { maxPolls: 3 }).publish(account, post, progress));
    expect(error).toMatchObject({ kind: "transient", code: "still_processing" });
    await adapter.publish(account, post, progress.next());
    expect(await fakeContainers("threads", account.platformUserId)).toHaveLength(1);
    expect(await fakePosts("threads", account.platformUserId)).toHaveLength(1);
  });
});

describe("Threads failures are classified for the consumer", () => {
  it("rate limit → rate_limited; 5xx on publish → uncertain with nothing published", async () => {
    const account = await connectFakeAccount("threads");
    await queueFault("threads", "publish", "rate_limit", { account: account.platformUserId });
    await queueFault("threads", "publish", "server_error", { account: account.platformUserId });
    expect(await failure(adapter.publish(account, testPost(), memoryProgress()))).toMatchObject({
      kind: "rate_limited",
      code: "4",
    });
    const post = testPost();
    const progress = memoryProgress();
    expect((await failure(adapter.publish(account, post, progress))).kind).toBe("uncertain");
    expect(await adapter.findPublished(account, post, progress.next())).toBeNull();
  });

  it("timeout or drop after publishing → uncertain; the saved container shows PUBLISHED and findPublished finds the post", async () => {
    const account = await connectFakeAccount("threads");
    for (const fault of ["timeout_after_accept", "drop_after_accept"] as const) {
      await queueFault("threads", "publish", fault, { account: account.platformUserId });
      const post = testPost();
      const progress = memoryProgress();
      expect(
        (await failure(fakeAdapter("threads", { timeoutMs: 300 }).publish(account, post, progress))).kind,
      ).toBe("uncertain");
      const found = await adapter.findPublished(account, post, progress.next());
      const stored = (await fakePosts("threads", account.platformUserId)).filter((p) => p.text === post.text);
      expect(stored).toHaveLength(1);
      expect(found?.platformPostId).toBe(stored[0]?.id);
    }
  });

  it("expired token → auth_expired; duplicate → duplicate", async () => {
    const account = await connectFakeAccount("threads");
    await queueFault("threads", "container", "expired_token", { account: account.platformUserId });
    await queueFault("threads", "publish", "duplicate", { account: account.platformUserId });
    expect((await failure(adapter.publish(account, testPost(), memoryProgress()))).kind).toBe("auth_expired");
    expect((await failure(adapter.publish(account, testPost(), memoryProgress()))).kind).toBe("duplicate");
  });
});

describe("Threads posts after publishing", () => {
  it("deletes a post; deleting it again is fine", async () => {
    const account = await connectFakeAccount("threads");
    const ref = await adapter.publish(account, testPost(), memoryProgress());
    await adapter.deletePost(account, ref.platformPostId);
    await adapter.deletePost(account, ref.platformPostId);
    expect(await fakePosts("threads", account.platformUserId)).toHaveLength(0);
  });

  it("verifies Meta's X-Hub-Signature-256 on webhooks", async () => {
    const body = JSON.stringify({ app_id: "1", topic: "moderate", values: { field: "replies" } });
    const raw = new TextEncoder().encode(body).buffer as ArrayBuffer;
    const headers = new Headers(await signWebhook("threads", "th-secret", body));
    expect(await adapter.verifyWebhook(headers, raw, "th-secret")).toBe(true);
    expect(
      await adapter.verifyWebhook(new Headers({ "x-hub-signature-256": "sha256=00" }), raw, "th-secret"),
    ).toBe(false);
    expect(await adapter.verifyWebhook(new Headers(), raw, "th-secret")).toBe(false);
  });
});

describe("Threads metrics", () => {
  it("measures each post of the batch from its insights; a deleted post is null; no reach, saves or clicks", async () => {
    const account = await connectFakeAccount("threads");
    const publish = async () => (await adapter.publish(account, testPost(), memoryProgress())).platformPostId;
    const [first, second, gone] = [await publish(), await publish(), await publish()];
    await setFakeMetrics("threads", first, { views: 300, likes: 21, comments: 3, shares: 2, quotes: 1 });
    await adapter.deletePost(account, gone);
    const metrics = await adapter.fetchMetrics(account, [first, second, gone]);
    expect(metrics.get(first)).toEqual({
      impressions: 300,
      reach: null,
      likes: 21,
      comments: 3,
      // reposts + quotes + shares
      shares: 3,
      saves: null,
      clicks: null,
      raw: { insights: { views: 300, likes: 21, replies: 3, reposts: 2, quotes: 1, shares: 0 } },
    });
    expect(metrics.get(second)).toMatchObject({ impressions: 120, likes: 7, comments: 2, shares: 1 });
    expect(metrics.get(gone)).toBeNull();
    expect(adapter.metricsBatchSize).toBe(25);
  });

  it("a call limit (4) fails the batch as rate_limited; an expired token → auth_expired", async () => {
    const account = await connectFakeAccount("threads");
    const ref = await adapter.publish(account, testPost(), memoryProgress());
    await queueFault("threads", "metrics", "rate_limit", { account: account.platformUserId });
    expect(await failure(adapter.fetchMetrics(account, [ref.platformPostId]))).toMatchObject({
      kind: "rate_limited",
      code: "4",
      retryAfterSeconds: 3600,
    });
    await expireToken(account.tokens.accessToken);
    expect((await failure(adapter.fetchMetrics(account, [ref.platformPostId]))).kind).toBe("auth_expired");
  });
});

describe("threads on Threads", () => {
  it("publishes a thread as a chain: each part a container with reply_to_id = the post before it", async () => {
    const account = await connectFakeAccount("threads");
    const post = testPost({ replies: threadReplies() });
    const progress = memoryProgress();
    const ref = await adapter.publish(account, post, progress);
    const posts = await fakePosts("threads", account.platformUserId);
    expect(posts.map((p) => p.text)).toEqual([post.text, ...(post.replies ?? [])]);
    expect(posts.map((p) => p.reply_to)).toEqual([null, posts[0]?.id, posts[1]?.id]);
    expect(ref.platformPostId).toBe(posts[0]?.id);
    expect(progress.saved.at(-1)).toMatchObject({
      rootId: posts[0]?.id,
      replyIds: [posts[1]?.id, posts[2]?.id],
    });
    expect((await adapter.findPublished(account, post, progress.next()))?.platformPostId).toBe(posts[0]?.id);
  });

  it("a reply published without an answer is found among the replies on the retry; the chain completes with no part twice", async () => {
    const account = await connectFakeAccount("threads");
    for (const fault of ["timeout_after_accept", "server_error"] as const) {
      const post = testPost({ replies: threadReplies() });
      const progress = onSave(
        memoryProgress(),
        (state) => typeof state.rootId === "string",
        () => queueFault("threads", "publish", fault, { account: account.platformUserId }),
      );
      const error = await failure(
        fakeAdapter("threads", { timeoutMs: 300 }).publish(account, post, progress),
      );
      expect(error.kind).toBe("uncertain");

      const ref = await adapter.publish(account, post, progress.next());
      const posts = (await fakePosts("threads", account.platformUserId)).filter((p) =>
        [post.text, ...(post.replies ?? [])].includes(p.text),
      );
      expect(posts.map((p) => p.text)).toEqual([post.text, ...(post.replies ?? [])]);
      expect(posts.map((p) => p.reply_to)).toEqual([null, posts[0]?.id, posts[1]?.id]);
      expect(ref.platformPostId).toBe(posts[0]?.id);
    }
    // Every reply's container was published once: none was made twice.
    const containers = await fakeContainers("threads", account.platformUserId);
    expect(containers.filter((c) => c.status === "PUBLISHED")).toHaveLength(6);
  });

  it("lists replies apart from posts, and refuses a reply to a post that does not exist", async () => {
    const account = await connectFakeAccount("threads");
    const post = testPost({ replies: threadReplies(1) });
    await adapter.publish(account, post, memoryProgress());
    const listed = async (edge: string) => {
      const response = await fetch(`${adapter.baseUrl}/${account.platformUserId}/${edge}?fields=id,text`, {
        headers: { authorization: `Bearer ${account.tokens.accessToken}` },
      });
      return ((await response.json()) as { data: Array<{ text: string }> }).data.map((p) => p.text);
    };
    expect(await listed("threads")).toEqual([post.text]);
    expect(await listed("replies")).toEqual(post.replies);
    const orphan = await fetch(`${adapter.baseUrl}/${account.platformUserId}/threads`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${account.tokens.accessToken}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ media_type: "TEXT", text: "Orphan", reply_to_id: "1" }),
    });
    expect(orphan.status).toBe(400);
    expect(await orphan.json()).toMatchObject({ error: { code: 100, error_subcode: 33 } });
  });
});
