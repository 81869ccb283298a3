import { describe, expect, it } from "vitest";
import { escapeLittleText } from "../../../src/platform/social/linkedin/commentary.ts";
import { LINKEDIN_PARTNER_SCOPES } from "../../../src/platform/social/linkedin/index.ts";
import {
  authorizeAtFake,
  connectFakeAccount,
  expireToken,
  fakeAdapter,
  fakeClient,
  fakePosts,
  fakesOrigin,
  linkedInAdapter,
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

const adapter = fakeAdapter("linkedin");
const partner = linkedInAdapter({ scopes: LINKEDIN_PARTNER_SCOPES });
const authorOf = (account: { metadata: Record<string, unknown> }) => String(account.metadata.authorUrn);

describe("LinkedIn OAuth", () => {
  it("connects the member (userinfo sub) with a 60-day token", async () => {
    const account = await connectFakeAccount("linkedin");
    expect(account.metadata.authorUrn).toBe(`urn:li:person:${account.platformUserId}`);
    expect(account.username).toMatch(/^Fake linkedin user/);
    expect(account.tokens.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
  });

  it("refuses a code with the wrong PKCE verifier", async () => {
    const client = fakeClient("linkedin");
    if (!client || !adapter.oauth) throw new Error("no client");
    const { challenge } = await pkcePair();
    const url = adapter.oauth.authorizeUrl({
      client,
      redirectUri: REDIRECT_URI,
      state: "st",
      codeChallenge: challenge,
    });
    expect(new URL(url).pathname).toBe("/linkedin/oauth/v2/authorization");
    expect(new URL(url).searchParams.get("scope")).toBe("openid profile w_member_social");
    const code = (await authorizeAtFake(url)).get("code") ?? "";
    const error = await failure(
      adapter.oauth.exchangeCode({ client, redirectUri: REDIRECT_URI, code, codeVerifier: "x" }),
    );
    expect(error).toMatchObject({ kind: "auth_expired", code: "invalid_grant" });
  });

  it("refreshes (partner refresh tokens rotate); the spent one is refused; none at all means reconnecting", async () => {
    const account = await connectFakeAccount("linkedin");
    const fresh = await adapter.refreshToken(account, fakeClient("linkedin"));
    expect(fresh.refreshToken).not.toBe(account.tokens.refreshToken);
    expect((await failure(adapter.refreshToken(account, fakeClient("linkedin")))).kind).toBe("auth_expired");
    const none = { ...account, tokens: { ...account.tokens, refreshToken: null } };
    expect(await failure(adapter.refreshToken(none, fakeClient("linkedin")))).toMatchObject({
      kind: "auth_expired",
      code: "no_refresh_token",
    });
  });

  it("an expired token is auth_expired (401 EXPIRED_ACCESS_TOKEN)", async () => {
    const account = await connectFakeAccount("linkedin");
    await expireToken(account.tokens.accessToken);
    expect(await failure(adapter.publish(account, testPost(), memoryProgress()))).toMatchObject({
      kind: "auth_expired",
      status: 401,
      code: "EXPIRED_ACCESS_TOKEN",
    });
  });
});

describe("publishing to LinkedIn", () => {
  it("escapes the little text format, turns our hashtags into templates, and answers the URN from x-restli-id", async () => {
    const account = await connectFakeAccount("linkedin");
    const tag = crypto.randomUUID().slice(0, 6);
    const post = testPost({
      text: `Panel (day 1) with @amina_o *live* #AEF2027 #Energy_${tag}`,
      hashtags: ["AEF", "#AEF2027", `Energy_${tag}`],
      mentions: ["amina_o"],
    });
    const ref = await adapter.publish(account, post, memoryProgress());
    expect(ref.platformPostId).toMatch(/^urn:li:share:\d+$/);
    expect(ref.url).toBe(`https://www.linkedin.com/feed/update/${ref.platformPostId}/`);
    const [stored] = await fakePosts("linkedin", authorOf(account));
    expect(stored?.text).toBe(
      `Panel \\(day 1\\) with \\@amina\\_o \\*live\\* {hashtag|\\#|AEF2027} {hashtag|\\#|Energy\\_${tag}}`,
    );
    expect(escapeLittleText("a|b{c}[d]<e>~f")).toBe("a\\|b\\{c\\}\\[d\\]\\<e\\>\\~f");
  });

  it("attaches a link as an article", async () => {
    const account = await connectFakeAccount("linkedin");
    await adapter.publish(account, testPost({ link: "https://aef.example.org/register" }), memoryProgress());
    const [stored] = await fakePosts("linkedin", authorOf(account));
    expect(stored?.link).toBe("https://aef.example.org/register");
  });

  it("uploads images (one as media, several as multiImage) and keeps their URNs for a retry", async () => {
    const account = await connectFakeAccount("linkedin");
    await adapter.publish(
      account,
      testPost({ media: [testMedia("png", { altText: "Hall A" })] }),
      memoryProgress(),
    );
    const progress = memoryProgress();
    await adapter.publish(account, testPost({ media: [testMedia("png"), testMedia("jpeg")] }), progress);
    const posts = await fakePosts("linkedin", authorOf(account));
    expect(posts.map((p) => p.media.length)).toEqual([1, 2]);
    expect(progress.saved[0]?.mediaUrns).toEqual(posts[1]?.media);
  });

  it("uploads a video in parts, finalizes with the ETags, waits until AVAILABLE", async () => {
    const account = await connectFakeAccount("linkedin");
    await adapter.publish(account, testPost({ media: [testMedia("mp4")] }), memoryProgress());
    const [stored] = await fakePosts("linkedin", authorOf(account));
    expect(stored?.media[0]).toMatch(/^urn:li:video:/);
  });

  it("a retired LinkedIn-Version is permanent (426 NONEXISTENT_VERSION)", async () => {
    const account = await connectFakeAccount("linkedin");
    const old = linkedInAdapter({ version: "202001" });
    expect(await failure(old.publish(account, testPost(), memoryProgress()))).toMatchObject({
      kind: "permanent",
      status: 426,
      code: "NONEXISTENT_VERSION",
    });
  });
});

describe("LinkedIn failures are classified for the consumer", () => {
  it("429 → rate_limited until the daily bucket resets at midnight UTC", async () => {
    const account = await connectFakeAccount("linkedin");
    await queueFault("linkedin", "publish", "rate_limit", { account: account.platformUserId });
    const error = await failure(adapter.publish(account, testPost(), memoryProgress()));
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(error.kind).toBe("rate_limited");
    expect(Math.abs((error.retryAfterSeconds ?? 0) - (midnight.getTime() - Date.now()) / 1000)).toBeLessThan(
      60,
    );
  });

  it("a 5xx on the post is uncertain; with r_member_social reconciling finds nothing", async () => {
    const account = await connectFakeAccount("linkedin", partner);
    await queueFault("linkedin", "publish", "server_error", { account: account.platformUserId });
    const post = testPost();
    const progress = memoryProgress();
    expect((await failure(partner.publish(account, post, progress))).kind).toBe("uncertain");
    expect(await partner.findPublished(account, post, progress.next())).toBeNull();
  });

  it("timeout or drop after LinkedIn stored the post → uncertain; findPublished finds it by its commentary", async () => {
    const account = await connectFakeAccount("linkedin", partner);
    for (const fault of ["timeout_after_accept", "drop_after_accept"] as const) {
      await queueFault("linkedin", "publish", fault, { account: account.platformUserId });
      const post = testPost({ text: `Tickets (${fault}) #AEF ${crypto.randomUUID()}`, hashtags: ["AEF"] });
      const progress = memoryProgress();
      const error = await failure(linkedInAdapter({ timeoutMs: 300 }).publish(account, post, progress));
      expect(error.kind).toBe("uncertain");
      const found = await partner.findPublished(account, post, progress.next());
      const stored = await fakePosts("linkedin", authorOf(account));
      expect(found?.platformPostId).toBe(stored.at(-1)?.id);
    }
  });

  it("without r_member_social an uncertain post cannot be checked: permanent cannot_reconcile, never a guess", async () => {
    const account = await connectFakeAccount("linkedin");
    await queueFault("linkedin", "publish", "drop_after_accept", { account: account.platformUserId });
    const post = testPost();
    const progress = memoryProgress();
    expect((await failure(adapter.publish(account, post, progress))).kind).toBe("uncertain");
    expect(await failure(adapter.findPublished(account, post, progress.next()))).toMatchObject({
      kind: "permanent",
      code: "cannot_reconcile",
    });
  });

  it("a repeated commentary is refused as duplicate (422 DUPLICATE_POST), and reconciling finds the first", async () => {
    const account = await connectFakeAccount("linkedin", partner);
    const post = testPost();
    const first = await partner.publish(account, post, memoryProgress());
    const progress = memoryProgress();
    expect(await failure(partner.publish(account, post, progress))).toMatchObject({
      kind: "duplicate",
      code: "DUPLICATE_POST",
    });
    expect((await partner.findPublished(account, post, progress.next()))?.platformPostId).toBe(
      first.platformPostId,
    );
  });

  it("an injected expired token → auth_expired", async () => {
    const account = await connectFakeAccount("linkedin");
    await queueFault("linkedin", "publish", "expired_token", { account: account.platformUserId });
    expect((await failure(adapter.publish(account, testPost(), memoryProgress()))).kind).toBe("auth_expired");
  });
});

describe("LinkedIn posts after publishing", () => {
  it("deletes a post; a post already gone counts as deleted", async () => {
    const account = await connectFakeAccount("linkedin");
    const ref = await adapter.publish(account, testPost(), memoryProgress());
    await adapter.deletePost(account, ref.platformPostId);
    await adapter.deletePost(account, ref.platformPostId);
    expect(await fakePosts("linkedin", authorOf(account))).toHaveLength(0);
  });
});

/** An adapter for a member who administers an organisation: posting as it, reading its statistics. */
const organisationAdapter = linkedInAdapter({
  scopes: ["openid", "profile", "w_organization_social", "r_organization_social", "rw_organization_admin"],
});

/** A member connected with the organisation scopes, made ADMINISTRATOR of a new organisation that is the author. */
async function organisationAccount() {
  const account = await connectFakeAccount("linkedin", organisationAdapter);
  const response = await fetch(`${fakesOrigin()}/_fake/linkedin/organizations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ account: account.platformUserId }),
  });
  const { organization } = (await response.json()) as { organization: string };
  return { ...account, metadata: { ...account.metadata, authorUrn: organization } };
}

describe("LinkedIn metrics", () => {
  it("a member's posts: reactions and comments for the batch from one social metadata batch get; a deleted post is null", async () => {
    const account = await connectFakeAccount("linkedin");
    const publish = async () => (await adapter.publish(account, testPost(), memoryProgress())).platformPostId;
    const [first, second, gone] = [await publish(), await publish(), await publish()];
    await setFakeMetrics("linkedin", first, { likes: 14, comments: 5 });
    await adapter.deletePost(account, gone);
    const metrics = await adapter.fetchMetrics(account, [first, second, gone]);
    // Member posts have no impressions, reach, shares or clicks without partner access.
    expect(metrics.get(first)).toMatchObject({
      impressions: null,
      reach: null,
      likes: 14,
      comments: 5,
      shares: null,
      saves: null,
      clicks: null,
    });
    expect(metrics.get(second)).toMatchObject({ likes: 7, comments: 2 });
    expect(metrics.get(gone)).toBeNull();
    expect(adapter.metricsBatchSize).toBe(50);
  });

  it("an organisation's posts: share statistics for the batch in one call; a deleted post (left out of them) is null", async () => {
    const account = await organisationAccount();
    const publish = async () =>
      (await organisationAdapter.publish(account, testPost(), memoryProgress())).platformPostId;
    const [first, second, gone] = [await publish(), await publish(), await publish()];
    expect((await fakePosts("linkedin", authorOf(account))).map((p) => p.id)).toEqual([first, second, gone]);
    await setFakeMetrics("linkedin", first, {
      views: 2000,
      reach: 1500,
      clicks: 40,
      likes: 60,
      comments: 9,
      shares: 4,
    });
    await organisationAdapter.deletePost(account, gone);
    const metrics = await organisationAdapter.fetchMetrics(account, [first, second, gone]);
    expect(metrics.get(first)).toMatchObject({
      impressions: 2000,
      reach: 1500,
      likes: 60,
      comments: 9,
      shares: 4,
      saves: null,
      clicks: 40,
    });
    expect(metrics.get(second)).toMatchObject({ impressions: 120, reach: 96, clicks: 3 });
    expect(metrics.get(gone)).toBeNull();
  });

  it("429 fails the batch as rate_limited until midnight UTC; an expired token → auth_expired", async () => {
    const account = await connectFakeAccount("linkedin");
    const ref = await adapter.publish(account, testPost(), memoryProgress());
    await queueFault("linkedin", "metrics", "rate_limit", { account: account.platformUserId });
    const error = await failure(adapter.fetchMetrics(account, [ref.platformPostId]));
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "TOO_MANY_REQUESTS" });
    expect(Math.abs((error.retryAfterSeconds ?? 0) - (midnight.getTime() - Date.now()) / 1000)).toBeLessThan(
      60,
    );
    await expireToken(account.tokens.accessToken);
    expect(await failure(adapter.fetchMetrics(account, [ref.platformPostId]))).toMatchObject({
      kind: "auth_expired",
      code: "EXPIRED_ACCESS_TOKEN",
    });
  });
});

describe("LinkedIn webhooks", () => {
  const secret = "li-client-secret";
  const body = JSON.stringify({ type: "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", notifications: [] });
  const raw = new TextEncoder().encode(body).buffer as ArrayBuffer;
  const hex = async (data: string) => {
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data)));
    return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  it("accepts X-LI-Signature in both readings of the docs, refuses a wrong or missing one", async () => {
    const literal = new Headers(await signWebhook("linkedin", secret, body));
    expect(await adapter.verifyWebhook(literal, raw, secret)).toBe(true);
    const prefixed = new Headers({ "x-li-signature": `hmacsha256=${await hex(body)}` });
    expect(await adapter.verifyWebhook(prefixed, raw, secret)).toBe(true);
    expect(await adapter.verifyWebhook(literal, raw, "other")).toBe(false);
    expect(await adapter.verifyWebhook(new Headers(), raw, secret)).toBe(false);
  });

  it("answers the validation challenge with the hex HMAC of the challenge code", async () => {
    const answer = await adapter.answerWebhookChallenge?.(
      new URLSearchParams({ challengeCode: "f3a1" }),
      secret,
    );
    expect(answer?.headers.get("content-type")).toBe("application/json");
    expect(await answer?.json()).toEqual({ challengeCode: "f3a1", challengeResponse: await hex("f3a1") });
  });
});
