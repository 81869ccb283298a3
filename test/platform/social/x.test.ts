import { describe, expect, it } from "vitest";
import {
  authorizeAtFake,
  connectFakeAccount,
  expireToken,
  fakeAdapter,
  fakeClient,
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

const adapter = fakeAdapter("x");

describe("X OAuth", () => {
  it("asks for PKCE S256 and the publishing scopes, and exchanges the code for 2-hour tokens and the user", async () => {
    const client = fakeClient("x");
    if (!client || !adapter.oauth) throw new Error("no client");
    const url = new URL(
      adapter.oauth.authorizeUrl({
        client,
        redirectUri: REDIRECT_URI,
        state: "s1",
        codeChallenge: "c".repeat(43),
      }),
    );
    expect(url.pathname).toBe("/x/i/oauth2/authorize");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("scope")?.split(" ")).toEqual(
      expect.arrayContaining(["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"]),
    );

    const account = await connectFakeAccount("x");
    expect(account.platformUserId).toMatch(/^\d+$/);
    expect(account.username).toMatch(/^fake_x_/);
    expect(account.tokens.refreshToken).toBeTruthy();
    const lifetime = (account.tokens.expiresAt?.getTime() ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(7100_000);
    expect(lifetime).toBeLessThanOrEqual(7200_000);
  });

  it("refuses a code with the wrong PKCE verifier, and a code used twice", async () => {
    const client = fakeClient("x");
    if (!client || !adapter.oauth) throw new Error("no client");
    const { verifier, challenge } = await pkcePair();
    const query = await authorizeAtFake(
      adapter.oauth.authorizeUrl({
        client,
        redirectUri: REDIRECT_URI,
        state: "s2",
        codeChallenge: challenge,
      }),
    );
    const code = query.get("code") ?? "";
    const wrong = await failure(
      adapter.oauth.exchangeCode({ client, redirectUri: REDIRECT_URI, code, codeVerifier: `${verifier}x` }),
    );
    expect(wrong.code).toBe("invalid_grant");
    await adapter.oauth.exchangeCode({ client, redirectUri: REDIRECT_URI, code, codeVerifier: verifier });
    const again = await failure(
      adapter.oauth.exchangeCode({ client, redirectUri: REDIRECT_URI, code, codeVerifier: verifier }),
    );
    expect(again.kind).toBe("auth_expired");
  });

  it("rotates the refresh token: the new pair works, the spent refresh token is refused", async () => {
    const account = await connectFakeAccount("x");
    const fresh = await adapter.refreshToken(account, fakeClient("x"));
    expect(fresh.accessToken).not.toBe(account.tokens.accessToken);
    expect(fresh.refreshToken).not.toBe(account.tokens.refreshToken);
    const spent = await failure(adapter.refreshToken(account, fakeClient("x")));
    expect(spent.kind).toBe("auth_expired");
    const ref = await adapter.publish({ ...account, tokens: fresh }, testPost(), memoryProgress());
    expect(ref.platformPostId).toMatch(/^\d+$/);
  });

  it("an expired access token is auth_expired; refreshing gets publishing going again", async () => {
    const account = await connectFakeAccount("x");
    await expireToken(account.tokens.accessToken);
    const expired = await failure(adapter.publish(account, testPost(), memoryProgress()));
    expect(expired.kind).toBe("auth_expired");
    expect(expired.status).toBe(401);
    const tokens = await adapter.refreshToken(account, fakeClient("x"));
    await adapter.publish({ ...account, tokens }, testPost(), memoryProgress());
    expect(await fakePosts("x", account.platformUserId)).toHaveLength(1);
  });
});

describe("publishing to X", () => {
  it("posts text and answers the id and the post's URL", async () => {
    const account = await connectFakeAccount("x");
    const post = testPost();
    const ref = await adapter.publish(account, post, memoryProgress());
    expect(ref.url).toBe(`https://x.com/${account.username}/status/${ref.platformPostId}`);
    const [stored] = await fakePosts("x", account.platformUserId);
    expect(stored).toMatchObject({ id: ref.platformPostId, text: post.text, media: [] });
  });

  it("puts the link in the text (X makes the card; it shows it as t.co) with hashtags and mentions as written", async () => {
    const account = await connectFakeAccount("x");
    const post = testPost({
      text: `Keynote with @amina_o at #AEF2027 ${crypto.randomUUID().slice(0, 6)}`,
      hashtags: ["#AEF2027"],
      mentions: ["amina_o"],
      link: "https://aef.example.org/programme",
    });
    const progress = memoryProgress();
    const ref = await adapter.publish(account, post, progress);
    const [stored] = await fakePosts("x", account.platformUserId);
    expect(stored?.text).toMatch(new RegExp(`^${post.text}\\n\\nhttps://t\\.co/\\w+`));
    // The t.co rewrite does not hide our own post from reconciliation.
    expect((await adapter.findPublished(account, post, progress.next()))?.platformPostId).toBe(
      ref.platformPostId,
    );
  });

  it("uploads images first (with alt text) and attaches them", async () => {
    const account = await connectFakeAccount("x");
    const post = testPost({ media: [testMedia("png", { altText: "The main hall" }), testMedia("jpeg")] });
    const progress = memoryProgress();
    await adapter.publish(account, post, progress);
    const [stored] = await fakePosts("x", account.platformUserId);
    expect(stored?.media).toHaveLength(2);
    expect(progress.saved[0]?.mediaIds).toEqual(stored?.media);
  });

  it("uploads a video in chunks and waits until X has processed it", async () => {
    const account = await connectFakeAccount("x");
    await adapter.publish(account, testPost({ media: [testMedia("mp4")] }), memoryProgress());
    const [stored] = await fakePosts("x", account.platformUserId);
    expect(stored?.media).toHaveLength(1);
  });

  it("gives up on a video still processing after the allowed polls (transient), and the retry reuses the upload", async () => {
    const account = await connectFakeAccount("x");
    const impatient = fakeAdapter("x", { maxPolls: 1 });
    const post = testPost({ media: [testMedia("mp4")] });
    const progress = memoryProgress();
    const error = await failure(impatient.publish(account, post, progress));
    expect(error.kind).toBe("transient");
    expect(error.code).toBe("still_processing");
    await adapter.publish(account, post, progress.next());
    expect(await fakePosts("x", account.platformUserId)).toHaveLength(1);
  });
});

describe("X failures are classified for the consumer", () => {
  it("429 → rate_limited until x-rate-limit-reset; nothing posted", async () => {
    const account = await connectFakeAccount("x");
    await queueFault("x", "publish", "rate_limit", { account: account.platformUserId });
    const error = await failure(adapter.publish(account, testPost(), memoryProgress()));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThan(800);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(901);
    expect(await fakePosts("x", account.platformUserId)).toHaveLength(0);
  });

  it("a 5xx on the post is uncertain; reconciling finds nothing, so a retry is safe", async () => {
    const account = await connectFakeAccount("x");
    await queueFault("x", "publish", "server_error", { account: account.platformUserId });
    const post = testPost();
    const progress = memoryProgress();
    const error = await failure(adapter.publish(account, post, progress));
    expect(error.kind).toBe("uncertain");
    expect(error.status).toBe(503);
    expect(await adapter.findPublished(account, post, progress.next())).toBeNull();
  });

  it("no answer after X stored the post → uncertain; findPublished finds that post", async () => {
    const account = await connectFakeAccount("x");
    await queueFault("x", "publish", "timeout_after_accept", { account: account.platformUserId });
    const post = testPost();
    const progress = memoryProgress();
    const error = await failure(fakeAdapter("x", { timeoutMs: 300 }).publish(account, post, progress));
    expect(error.kind).toBe("uncertain");
    expect(error.code).toBe("timeout");
    const [stored] = await fakePosts("x", account.platformUserId);
    const found = await adapter.findPublished(account, post, progress.next());
    expect(found?.platformPostId).toBe(stored?.id);
  });

  it("a connection dropped after X stored the post → uncertain; findPublished finds it, and a blind retry would be refused as duplicate", async () => {
    const account = await connectFakeAccount("x");
    await queueFault("x", "publish", "drop_after_accept", { account: account.platformUserId });
    const post = testPost();
    const progress = memoryProgress();
    const error = await failure(adapter.publish(account, post, progress));
    expect(error.kind).toBe("uncertain");
    expect(error.code).toBe("network");
    const found = await adapter.findPublished(account, post, progress.next());
    expect(found).not.toBeNull();
    const duplicate = await failure(adapter.publish(account, post, progress.next()));
    expect(duplicate.kind).toBe("duplicate");
    expect(await fakePosts("x", account.platformUserId)).toHaveLength(1);
  });

  it("403 duplicate content → duplicate; an expired token → auth_expired", async () => {
    const account = await connectFakeAccount("x");
    await queueFault("x", "publish", "duplicate", { account: account.platformUserId });
    await queueFault("x", "publish", "expired_token", { account: account.platformUserId });
    expect((await failure(adapter.publish(account, testPost(), memoryProgress()))).kind).toBe("duplicate");
    expect((await failure(adapter.publish(account, testPost(), memoryProgress()))).kind).toBe("auth_expired");
  });

  it("a failing read is transient, never uncertain", async () => {
    const account = await connectFakeAccount("x");
    await queueFault("x", "find", "server_error", { account: account.platformUserId });
    await queueFault("x", "find", "drop_after_accept", { account: account.platformUserId });
    const post = testPost();
    expect((await failure(adapter.findPublished(account, post, memoryProgress()))).kind).toBe("transient");
    expect((await failure(adapter.findPublished(account, post, memoryProgress()))).kind).toBe("transient");
  });

  it("a media upload rate limit is rate_limited before anything is posted", async () => {
    const account = await connectFakeAccount("x");
    await queueFault("x", "media", "rate_limit", { account: account.platformUserId });
    const error = await failure(
      adapter.publish(account, testPost({ media: [testMedia("png")] }), memoryProgress()),
    );
    expect(error.kind).toBe("rate_limited");
    expect(await fakePosts("x", account.platformUserId)).toHaveLength(0);
  });
});

describe("X posts after publishing", () => {
  it("deletes a post, and deleting it again is fine", async () => {
    const account = await connectFakeAccount("x");
    const ref = await adapter.publish(account, testPost(), memoryProgress());
    await adapter.deletePost(account, ref.platformPostId);
    await adapter.deletePost(account, ref.platformPostId);
    expect(await fakePosts("x", account.platformUserId)).toHaveLength(0);
  });
});

describe("X metrics", () => {
  it("measures several posts in one lookup; a deleted post and an id X never had are null; reach is null", async () => {
    const account = await connectFakeAccount("x");
    const publish = async () => (await adapter.publish(account, testPost(), memoryProgress())).platformPostId;
    const [first, second, gone] = [await publish(), await publish(), await publish()];
    await setFakeMetrics("x", first, {
      views: 500,
      likes: 40,
      comments: 6,
      shares: 3,
      quotes: 2,
      saves: 4,
      clicks: 12,
    });
    await adapter.deletePost(account, gone);
    const metrics = await adapter.fetchMetrics(account, [first, second, gone, "1"]);
    expect([...metrics.keys()].sort()).toEqual([first, second, gone, "1"].sort());
    expect(metrics.get(first)).toMatchObject({
      impressions: 500,
      reach: null,
      likes: 40,
      comments: 6,
      shares: 5,
      saves: 4,
      clicks: 12,
    });
    expect(metrics.get(second)).toMatchObject({ impressions: 120, likes: 7, clicks: 3, reach: null });
    expect(metrics.get(gone)).toBeNull();
    expect(metrics.get("1")).toBeNull();
    expect(adapter.metricsBatchSize).toBe(100);
  });

  it("a post without private metrics (not the account's own) falls back to public ones: no link clicks", async () => {
    const author = await connectFakeAccount("x");
    const reader = await connectFakeAccount("x");
    const theirs = (await adapter.publish(author, testPost(), memoryProgress())).platformPostId;
    const ours = (await adapter.publish(reader, testPost(), memoryProgress())).platformPostId;
    await setFakeMetrics("x", theirs, { views: 70, likes: 5, clicks: 9 });
    const metrics = await adapter.fetchMetrics(reader, [theirs, ours]);
    expect(metrics.get(theirs)).toMatchObject({ impressions: 70, likes: 5, clicks: null });
    expect(metrics.get(ours)).toMatchObject({ impressions: 120, clicks: 3 });
  });

  it("429 → rate_limited until x-rate-limit-reset; an expired token → auth_expired", async () => {
    const account = await connectFakeAccount("x");
    const ref = await adapter.publish(account, testPost(), memoryProgress());
    await queueFault("x", "metrics", "rate_limit", { account: account.platformUserId });
    const limited = await failure(adapter.fetchMetrics(account, [ref.platformPostId]));
    expect(limited).toMatchObject({ kind: "rate_limited", status: 429 });
    expect(limited.retryAfterSeconds).toBeGreaterThan(800);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(901);
    await expireToken(account.tokens.accessToken);
    expect(await failure(adapter.fetchMetrics(account, [ref.platformPostId]))).toMatchObject({
      kind: "auth_expired",
      status: 401,
    });
  });

  it("more ids than metricsBatchSize is the caller's mistake, refused before asking X", async () => {
    const account = await connectFakeAccount("x");
    const ids = Array.from({ length: 101 }, (_, i) => String(1000 + i));
    expect(await failure(adapter.fetchMetrics(account, ids))).toMatchObject({
      kind: "permanent",
      code: "metrics_batch_too_large",
    });
    expect((await adapter.fetchMetrics(account, [])).size).toBe(0);
  });
});

describe("X webhooks", () => {
  const secret = "x-consumer-secret";
  const body = JSON.stringify({
    for_user_id: "2244994945",
    tweet_create_events: [{ id_str: "1", text: "hi" }],
  });
  const raw = new TextEncoder().encode(body).buffer as ArrayBuffer;

  it("accepts the signature X sends, refuses a wrong or missing one", async () => {
    const good = new Headers(await signWebhook("x", secret, body));
    expect(await adapter.verifyWebhook(good, raw, secret)).toBe(true);
    expect(await adapter.verifyWebhook(good, raw, "another-secret")).toBe(false);
    const tampered = new TextEncoder().encode(body.replace("hi", "ho")).buffer as ArrayBuffer;
    expect(await adapter.verifyWebhook(good, tampered, secret)).toBe(false);
    expect(await adapter.verifyWebhook(new Headers(), raw, secret)).toBe(false);
    expect(
      await adapter.verifyWebhook(
        new Headers({ "x-twitter-webhooks-signature": "sha256=bm90LWJhc2U2NA" }),
        raw,
        secret,
      ),
    ).toBe(false);
  });

  it("answers the CRC check with sha256=base64(HMAC(consumer secret, crc_token))", async () => {
    const answer = await adapter.answerWebhookChallenge?.(
      new URLSearchParams({ crc_token: "challenge-123" }),
      secret,
    );
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const mac = new Uint8Array(
      await crypto.subtle.sign("HMAC", key, new TextEncoder().encode("challenge-123")),
    );
    expect(answer?.status).toBe(200);
    expect(await answer?.json()).toEqual({ response_token: `sha256=${btoa(String.fromCharCode(...mac))}` });
    expect(await adapter.answerWebhookChallenge?.(new URLSearchParams(), secret)).toBeNull();
  });
});

describe("threads on X", () => {
  it("publishes a thread as a reply chain: each part replies to the one before, the first post is the ref", async () => {
    const account = await connectFakeAccount("x");
    const post = testPost({ replies: threadReplies() });
    const progress = memoryProgress();
    const ref = await adapter.publish(account, post, progress);
    const posts = await fakePosts("x", account.platformUserId);
    expect(posts.map((p) => p.text)).toEqual([post.text, ...(post.replies ?? [])]);
    expect(posts.map((p) => p.reply_to)).toEqual([null, posts[0]?.id, posts[1]?.id]);
    expect(ref.platformPostId).toBe(posts[0]?.id);
    expect(progress.saved.at(-1)).toMatchObject({
      rootId: posts[0]?.id,
      replyIds: [posts[1]?.id, posts[2]?.id],
    });
    expect((await adapter.findPublished(account, post, progress.next()))?.platformPostId).toBe(posts[0]?.id);
  });

  it("a reply stored without an answer is found by its text on the retry, which completes the chain without repeating a part", async () => {
    const account = await connectFakeAccount("x");
    const post = testPost({ replies: threadReplies() });
    const progress = onSave(
      memoryProgress(),
      (state) => typeof state.rootId === "string",
      () => queueFault("x", "publish", "timeout_after_accept", { account: account.platformUserId }),
    );
    const error = await failure(fakeAdapter("x", { timeoutMs: 300 }).publish(account, post, progress));
    expect(error.kind).toBe("uncertain");
    expect(await fakePosts("x", account.platformUserId)).toHaveLength(2);

    const ref = await adapter.publish(account, post, progress.next());
    const posts = await fakePosts("x", account.platformUserId);
    expect(posts.map((p) => p.text)).toEqual([post.text, ...(post.replies ?? [])]);
    expect(posts.map((p) => p.reply_to)).toEqual([null, posts[0]?.id, posts[1]?.id]);
    expect(ref.platformPostId).toBe(posts[0]?.id);
  });

  it("a 5xx on a reply is retried from the saved progress; a first post whose answer was lost is found, not repeated", async () => {
    const account = await connectFakeAccount("x");
    const post = testPost({ replies: threadReplies() });
    await queueFault("x", "publish", "drop_after_accept", { account: account.platformUserId });
    const first = memoryProgress();
    expect((await failure(adapter.publish(account, post, first))).kind).toBe("uncertain");
    const second = onSave(
      first.next(),
      (state) => Array.isArray(state.replyIds) && state.replyIds.length === 1,
      () => queueFault("x", "publish", "server_error", { account: account.platformUserId }),
    );
    expect((await failure(adapter.publish(account, post, second))).kind).toBe("uncertain");
    await adapter.publish(account, post, second.next());
    const posts = await fakePosts("x", account.platformUserId);
    expect(posts.map((p) => p.text)).toEqual([post.text, ...(post.replies ?? [])]);
    expect(posts.map((p) => p.reply_to)).toEqual([null, posts[0]?.id, posts[1]?.id]);
  });

  it("refuses a reply to a post that does not exist, as X does", async () => {
    const account = await connectFakeAccount("x");
    const response = await fetch(`${adapter.baseUrl}/2/tweets`, {
      method: "POST",
      headers: { authorization: `Bearer ${account.tokens.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "Orphan reply", reply: { in_reply_to_tweet_id: "1" } }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ detail: expect.stringMatching(/deleted or not visible/) });
  });
});
