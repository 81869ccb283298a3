import { describe, expect, it } from "vitest";
import {
  authorizeAtFake,
  connectFakeAccount,
  expireToken,
  fakeAdapter,
  fakeClient,
  fakePosts,
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

const adapter = fakeAdapter("facebook");

describe("Facebook Login for a Page", () => {
  it("connects the Page the person manages, with a Page token that does not expire", async () => {
    const account = await connectFakeAccount("facebook");
    expect(account.metadata.pageId).toBe(account.platformUserId);
    expect(account.username).toMatch(/^Fake Page/);
    expect(account.tokens.expiresAt).toBeNull();
    // The long-lived user token is what derives a new Page token.
    expect(account.tokens.refreshToken).toBeTruthy();
  });

  it("refuses a code whose PKCE verifier does not match", async () => {
    const client = fakeClient("facebook");
    if (!client || !adapter.oauth) throw new Error("no client");
    const { challenge } = await pkcePair();
    const url = adapter.oauth.authorizeUrl({
      client,
      redirectUri: REDIRECT_URI,
      state: "st",
      codeChallenge: challenge,
    });
    expect(new URL(url).pathname).toBe("/facebook/v25.0/dialog/oauth");
    const code = (await authorizeAtFake(url)).get("code") ?? "";
    const error = await failure(
      adapter.oauth.exchangeCode({
        client,
        redirectUri: REDIRECT_URI,
        code,
        codeVerifier: "not-the-verifier",
      }),
    );
    expect(error.kind).toBe("permanent");
    expect(error.code).toBe("100/36008");
  });

  it("renews the Page token from the user token; an expired Page token is auth_expired (Graph 190)", async () => {
    const account = await connectFakeAccount("facebook");
    await expireToken(account.tokens.accessToken);
    const expired = await failure(adapter.publish(account, testPost(), memoryProgress()));
    expect(expired.kind).toBe("auth_expired");
    expect(expired.code).toBe("190/463");
    const tokens = await adapter.refreshToken(account, fakeClient("facebook"));
    expect(tokens.accessToken).not.toBe(account.tokens.accessToken);
    await adapter.publish({ ...account, tokens }, testPost(), memoryProgress());
  });
});

describe("publishing to a Facebook Page", () => {
  it("posts text with a link to the Page feed", async () => {
    const account = await connectFakeAccount("facebook");
    const post = testPost({
      link: "https://aef.example.org",
      text: `See you at #AEF2027 @aef ${crypto.randomUUID()}`,
    });
    const ref = await adapter.publish(account, post, memoryProgress());
    expect(ref.platformPostId).toMatch(new RegExp(`^${account.platformUserId}_\\d+$`));
    expect(ref.url).toBe(`https://www.facebook.com/${ref.platformPostId}`);
    const [stored] = await fakePosts("facebook", account.platformUserId);
    expect(stored).toMatchObject({ text: post.text, link: "https://aef.example.org" });
  });

  it("posts one image as a photo, and several as unpublished photos attached to one post", async () => {
    const account = await connectFakeAccount("facebook");
    const one = await adapter.publish(account, testPost({ media: [testMedia("jpeg")] }), memoryProgress());
    const progress = memoryProgress();
    const many = await adapter.publish(
      account,
      testPost({ media: [testMedia("jpeg"), testMedia("png"), testMedia("jpeg")] }),
      progress,
    );
    const posts = await fakePosts("facebook", account.platformUserId);
    expect(posts.map((p) => p.id)).toEqual([one.platformPostId, many.platformPostId]);
    expect(posts[1]?.media).toHaveLength(3);
    expect(progress.saved[0]?.photoIds).toEqual(posts[1]?.media);
  });

  it("a retry reuses the photos uploaded by the attempt before", async () => {
    const account = await connectFakeAccount("facebook");
    await queueFault("facebook", "publish", "server_error", { account: account.platformUserId });
    const post = testPost({ media: [testMedia("jpeg"), testMedia("jpeg")] });
    const progress = memoryProgress();
    expect((await failure(adapter.publish(account, post, progress))).kind).toBe("uncertain");
    await adapter.publish(account, post, progress.next());
    const [stored] = await fakePosts("facebook", account.platformUserId);
    expect(stored?.media).toEqual(progress.saved[0]?.photoIds);
  });

  it("posts a video through /videos", async () => {
    const account = await connectFakeAccount("facebook");
    const ref = await adapter.publish(account, testPost({ media: [testMedia("mp4")] }), memoryProgress());
    expect(ref.url).toBe(`https://www.facebook.com/${account.platformUserId}/videos/${ref.platformPostId}`);
  });
});

describe("Facebook failures are classified for the consumer", () => {
  it("Page rate limit (32) → rate_limited for the minutes X-Business-Use-Case-Usage says", async () => {
    const account = await connectFakeAccount("facebook");
    await queueFault("facebook", "publish", "rate_limit", { account: account.platformUserId });
    const error = await failure(adapter.publish(account, testPost(), memoryProgress()));
    expect(error).toMatchObject({ kind: "rate_limited", code: "32", retryAfterSeconds: 300 });
  });

  it("a transient Graph error (2) on the post is uncertain, and nothing was stored", async () => {
    const account = await connectFakeAccount("facebook");
    await queueFault("facebook", "publish", "server_error", { account: account.platformUserId });
    const post = testPost();
    const progress = memoryProgress();
    expect((await failure(adapter.publish(account, post, progress))).kind).toBe("uncertain");
    expect(await adapter.findPublished(account, post, progress.next())).toBeNull();
  });

  it("timeout and dropped connection after the post was stored → uncertain; findPublished finds each", async () => {
    const account = await connectFakeAccount("facebook");
    for (const fault of ["timeout_after_accept", "drop_after_accept"] as const) {
      await queueFault("facebook", "publish", fault, { account: account.platformUserId });
      const post = testPost();
      const progress = memoryProgress();
      const error = await failure(
        fakeAdapter("facebook", { timeoutMs: 300 }).publish(account, post, progress),
      );
      expect(error.kind).toBe("uncertain");
      const found = await adapter.findPublished(account, post, progress.next());
      const stored = (await fakePosts("facebook", account.platformUserId)).find((p) => p.text === post.text);
      expect(found?.platformPostId).toBe(stored?.id);
    }
  });

  it("506 duplicate → duplicate (also for a real repeat); an expired token → auth_expired", async () => {
    const account = await connectFakeAccount("facebook");
    const post = testPost();
    await adapter.publish(account, post, memoryProgress());
    expect((await failure(adapter.publish(account, post, memoryProgress()))).kind).toBe("duplicate");
    await queueFault("facebook", "publish", "expired_token", { account: account.platformUserId });
    expect((await failure(adapter.publish(account, testPost(), memoryProgress()))).kind).toBe("auth_expired");
  });

  it("a missing message is permanent (100)", async () => {
    const account = await connectFakeAccount("facebook");
    const error = await failure(adapter.publish(account, testPost({ text: "" }), memoryProgress()));
    expect(error).toMatchObject({ kind: "permanent", code: "100" });
  });
});

describe("Facebook posts after publishing", () => {
  it("deletes a post; a post already gone counts as deleted", async () => {
    const account = await connectFakeAccount("facebook");
    const ref = await adapter.publish(account, testPost(), memoryProgress());
    await adapter.deletePost(account, ref.platformPostId);
    await adapter.deletePost(account, ref.platformPostId);
    expect(await fakePosts("facebook", account.platformUserId)).toHaveLength(0);
  });
});

describe("Facebook metrics", () => {
  it("measures each post of the batch from its fields and insights; a deleted post is null; no saves", async () => {
    const account = await connectFakeAccount("facebook");
    const publish = async () => (await adapter.publish(account, testPost(), memoryProgress())).platformPostId;
    const [first, second, gone] = [await publish(), await publish(), await publish()];
    await setFakeMetrics("facebook", first, {
      views: 900,
      reach: 700,
      likes: 31,
      comments: 4,
      shares: 0,
      clicks: 17,
    });
    await adapter.deletePost(account, gone);
    const metrics = await adapter.fetchMetrics(account, [first, second, gone]);
    expect(metrics.get(first)).toMatchObject({
      impressions: 900,
      reach: 700,
      likes: 31,
      comments: 4,
      // Graph leaves `shares` out when nothing was shared: a real 0.
      shares: 0,
      saves: null,
      clicks: 17,
      raw: { insights: { post_media_view: 900, post_total_media_view_unique: 700, post_clicks: 17 } },
    });
    expect(metrics.get(second)).toMatchObject({
      impressions: 120,
      reach: 96,
      likes: 7,
      shares: 1,
      clicks: 3,
    });
    expect(metrics.get(gone)).toBeNull();
    expect(adapter.metricsBatchSize).toBe(25);
  });

  it("the Page rate limit (32) fails the batch for the minutes X-Business-Use-Case-Usage says; an expired token → auth_expired", async () => {
    const account = await connectFakeAccount("facebook");
    const ids = [
      (await adapter.publish(account, testPost(), memoryProgress())).platformPostId,
      (await adapter.publish(account, testPost(), memoryProgress())).platformPostId,
    ];
    await queueFault("facebook", "metrics", "rate_limit", { account: account.platformUserId });
    expect(await failure(adapter.fetchMetrics(account, ids))).toMatchObject({
      kind: "rate_limited",
      code: "32",
      retryAfterSeconds: 300,
    });
    await expireToken(account.tokens.accessToken);
    expect((await failure(adapter.fetchMetrics(account, ids))).kind).toBe("auth_expired");
  });
});

describe("Meta webhooks (Facebook)", () => {
  const secret = "meta-app-secret";
  const body = JSON.stringify({ object: "page", entry: [{ id: "1", time: 1700000000, changes: [] }] });
  const raw = new TextEncoder().encode(body).buffer as ArrayBuffer;

  it("accepts X-Hub-Signature-256 as Meta signs it, refuses a wrong or missing one", async () => {
    const good = new Headers(await signWebhook("facebook", secret, body));
    expect(await adapter.verifyWebhook(good, raw, secret)).toBe(true);
    expect(await adapter.verifyWebhook(good, raw, "wrong")).toBe(false);
    expect(
      await adapter.verifyWebhook(new Headers({ "x-hub-signature-256": "sha256=zz" }), raw, secret),
    ).toBe(false);
    expect(await adapter.verifyWebhook(new Headers(), raw, secret)).toBe(false);
  });

  it("answers hub.challenge only with the right verify token", async () => {
    const query = (token: string) =>
      new URLSearchParams({
        "hub.mode": "subscribe",
        "hub.challenge": "1158201444",
        "hub.verify_token": token,
      });
    const ok = await adapter.answerWebhookChallenge?.(query("verify-me"), "verify-me");
    expect(ok?.status).toBe(200);
    expect(await ok?.text()).toBe("1158201444");
    expect((await adapter.answerWebhookChallenge?.(query("guess"), "verify-me"))?.status).toBe(403);
    expect(await adapter.answerWebhookChallenge?.(new URLSearchParams(), "verify-me")).toBeNull();
  });
});
