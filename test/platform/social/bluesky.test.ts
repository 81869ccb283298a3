/**
 * The Bluesky adapter against the reference PDS (@atproto/pds with an in-memory PLC directory, started
 * by test/global-setup.ts): real XRPC over HTTP, real repositories, real error answers.
 */
import { describe, expect, it, vi } from "vitest";
import { findRichText } from "../../../src/platform/social/bluesky/facets.ts";
import { createBlueskyAdapter } from "../../../src/platform/social/bluesky/index.ts";
import { recordKeyFor } from "../../../src/platform/social/bluesky/record-key.ts";
import type { PlatformError } from "../../../src/platform/social/types.ts";
import {
  connectedAccount,
  createAppPassword,
  createPdsAccount,
  expiredAccessJwt,
  mediaFrom,
  memoryProgress,
  pdsUrl,
  pdsXrpc,
  postRecord,
  postRecords,
  publishRequest,
} from "../../support/bluesky.ts";
import { appViewCalls, indexRecords, queueAppViewFault, writeRecord } from "../../support/bluesky-appview.ts";
import { mp4, padded, png } from "../../support/media-files.ts";
import { failure as platformError } from "../../support/platform-error.ts";

const adapter = () => createBlueskyAdapter({ baseUrl: pdsUrl() });
const utf8 = new TextEncoder();
const decoder = new TextDecoder();

/** The text a facet's byte range covers. */
const sliceBytes = (text: string, index: { byteStart: number; byteEnd: number }) =>
  decoder.decode(utf8.encode(text).slice(index.byteStart, index.byteEnd));

const rkeyOf = (uri: string) => uri.split("/").at(-1)!;

describe("record keys", () => {
  it("are TIDs derived from the post id: the same id gives the same key, another id another key", async () => {
    const id = crypto.randomUUID();
    const key = await recordKeyFor(id);
    expect(key).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(key.startsWith("3")).toBe(true);
    expect(await recordKeyFor(id)).toBe(key);
    expect(await recordKeyFor(crypto.randomUUID())).not.toBe(key);
  });
});

describe("rich text", () => {
  it("finds links, mentions and tags, leaving out trailing punctuation, #1 and the @ inside a URL", () => {
    const text = "Hi (@alice.test)! #tag, #1 https://ex.test/@bob/a_(b). me@mail.test #日本。";
    const spans = findRichText(text).map((span) => text.slice(span.start, span.end));
    expect(spans).toEqual(["@alice.test", "#tag", "https://ex.test/@bob/a_(b)", "#日本"]);
  });
});

describe("connecting with an app password", () => {
  it("opens a session: the DID is the account id, the handle its name, the PDS in the metadata", async () => {
    const account = await createPdsAccount("conn");
    const appPassword = await createAppPassword(account);
    const { tokens, identity } = await adapter().passwordLogin!(account.handle, appPassword, pdsUrl());
    expect(identity).toEqual({
      platformUserId: account.did,
      username: account.handle,
      metadata: { pds: pdsUrl() },
    });
    expect(tokens.accessToken).toMatch(/^ey/);
    expect(tokens.refreshToken).toMatch(/^ey/);
    // The reference PDS issues access tokens for 120 minutes.
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
  });

  it("refuses a wrong password as permanent, with the PDS's own error", async () => {
    const account = await createPdsAccount("wrong");
    const error = await platformError(adapter().passwordLogin!(account.handle, "not-the-password", pdsUrl()));
    expect(error).toMatchObject({ kind: "permanent", status: 401, code: "AuthenticationRequired" });
    expect(error.message).toContain("Invalid identifier or password");
  });

  it("meets the PDS's login rate limit as rate_limited, waiting until its ratelimit-reset", async () => {
    const ghost = `ghost${crypto.randomUUID().slice(0, 8)}.test`;
    const bluesky = adapter();
    // Over 512 characters the PDS refuses a password at once, skipping the 350 ms every real check
    // takes; the attempt still counts against createSession's 30 per identifier in 5 minutes.
    const tooLong = "x".repeat(513);
    let limited: PlatformError | null = null;
    for (let attempt = 0; attempt < 35 && !limited; attempt++) {
      const error = await platformError(bluesky.passwordLogin!(ghost, tooLong, pdsUrl()));
      if (error.kind === "rate_limited") limited = error;
      else expect(error.code).toBe("AuthenticationRequired");
    }
    expect(limited).toMatchObject({ status: 429, code: "RateLimitExceeded" });
    expect(limited!.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited!.retryAfterSeconds).toBeLessThanOrEqual(300);
  });
});

describe("tokens", () => {
  it("refresh gives a new refresh JWT and an access token that works", async () => {
    const account = await createPdsAccount("refresh");
    const tokens = await adapter().refreshToken(connectedAccount(account), null);
    expect(tokens.refreshToken).not.toBe(account.refreshJwt);
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    const ref = await adapter().publish(
      connectedAccount(account, tokens),
      publishRequest({ text: "after a refresh" }),
      memoryProgress(),
    );
    expect(ref.platformPostId).toContain(account.did);
  });

  it("an expired access token is auth_expired (ExpiredToken), and nothing is posted", async () => {
    const account = await createPdsAccount("expired");
    const stale = connectedAccount(account, { accessToken: await expiredAccessJwt(account) });
    const error = await platformError(adapter().publish(stale, publishRequest(), memoryProgress()));
    expect(error).toMatchObject({ kind: "auth_expired", status: 400, code: "ExpiredToken" });
    expect(await postRecords(account.did)).toEqual([]);
  });

  it("a token the PDS did not sign is auth_expired (InvalidToken), for posting and for refreshing", async () => {
    const account = await createPdsAccount("invalid");
    const forged = connectedAccount(account, {
      accessToken: "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
      refreshToken: "x.y.z",
    });
    const publishing = await platformError(adapter().publish(forged, publishRequest(), memoryProgress()));
    expect(publishing).toMatchObject({ kind: "auth_expired", code: "InvalidToken" });
    const refreshing = await platformError(adapter().refreshToken(forged, null));
    expect(refreshing).toMatchObject({ kind: "auth_expired", code: "InvalidToken" });
  });
});

describe("publishing", () => {
  it("writes facets in UTF-8 bytes after non-ASCII text and emoji: each range slices its word", async () => {
    const [author, friend] = await Promise.all([createPdsAccount("author"), createPdsAccount("friend")]);
    const text = `Grüße ✨🎉 from Zürich, with @${friend.handle} and @nobody00.test! Agenda: https://summit.test/agenda?day=1. #Konferenz2027 #日本`;
    const ref = await adapter().publish(
      connectedAccount(author),
      publishRequest({
        text,
        hashtags: ["Konferenz2027", "日本"],
        mentions: [friend.handle, "nobody00.test"],
      }),
      memoryProgress(),
    );
    expect(ref.platformPostId).toBe(`at://${author.did}/app.bsky.feed.post/${rkeyOf(ref.platformPostId)}`);
    expect(ref.url).toBe(`https://bsky.app/profile/${author.did}/post/${rkeyOf(ref.platformPostId)}`);

    const record = await postRecord(author.did, rkeyOf(ref.platformPostId));
    expect(record!.value.text).toBe(text);
    const facets = record!.value.facets as Array<{
      index: { byteStart: number; byteEnd: number };
      features: Array<Record<string, string>>;
    }>;
    expect(facets.map((facet) => [sliceBytes(text, facet.index), facet.features])).toEqual([
      [`@${friend.handle}`, [{ $type: "app.bsky.richtext.facet#mention", did: friend.did }]],
      [
        "https://summit.test/agenda?day=1",
        [{ $type: "app.bsky.richtext.facet#link", uri: "https://summit.test/agenda?day=1" }],
      ],
      ["#Konferenz2027", [{ $type: "app.bsky.richtext.facet#tag", tag: "Konferenz2027" }]],
      ["#日本", [{ $type: "app.bsky.richtext.facet#tag", tag: "日本" }]],
    ]);
    // Bytes, not UTF-16 units: the mention starts later in bytes than in characters.
    expect(facets[0]!.index.byteStart).toBeGreaterThan(text.indexOf("@"));
  });

  it("uploads images and embeds them with alt text and aspect ratio", async () => {
    const account = await createPdsAccount("images");
    const wide = png(30, 20);
    const tall = png(10, 40);
    const ref = await adapter().publish(
      connectedAccount(account),
      publishRequest({
        text: "Two pictures",
        media: [
          mediaFrom(wide, { mimeType: "image/png", width: 30, height: 20, altText: "The main hall" }),
          mediaFrom(tall, { mimeType: "image/png", width: 10, height: 40 }),
        ],
      }),
      memoryProgress(),
    );
    const record = await postRecord(account.did, rkeyOf(ref.platformPostId));
    const embed = record!.value.embed as {
      $type: string;
      images: Array<{
        alt: string;
        aspectRatio?: unknown;
        image: { mimeType: string; size: number; ref: { $link: string } };
      }>;
    };
    expect(embed.$type).toBe("app.bsky.embed.images");
    expect(embed.images.map((i) => [i.alt, i.aspectRatio, i.image.mimeType, i.image.size])).toEqual([
      ["The main hall", { width: 30, height: 20 }, "image/png", wide.byteLength],
      ["", { width: 10, height: 40 }, "image/png", tall.byteLength],
    ]);
    // The blob is stored on the PDS, byte for byte.
    const blob = await fetch(
      `${pdsUrl()}/xrpc/com.atproto.sync.getBlob?did=${account.did}&cid=${embed.images[0]!.image.ref.$link}`,
    );
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(wide);
  });

  it("embeds a video alone", async () => {
    const account = await createPdsAccount("video");
    const bytes = mp4({ width: 640, height: 360, durationMs: 3000 });
    const ref = await adapter().publish(
      connectedAccount(account),
      publishRequest({
        text: "A clip",
        media: [mediaFrom(bytes, { mimeType: "video/mp4", width: 640, height: 360, altText: "Opening" })],
      }),
      memoryProgress(),
    );
    const record = await postRecord(account.did, rkeyOf(ref.platformPostId));
    expect(record!.value.embed).toMatchObject({
      $type: "app.bsky.embed.video",
      alt: "Opening",
      aspectRatio: { width: 640, height: 360 },
      video: { mimeType: "video/mp4", size: bytes.byteLength },
    });
  });

  it("attaches the link as a card when there is no media", async () => {
    const account = await createPdsAccount("card");
    const ref = await adapter().publish(
      connectedAccount(account),
      publishRequest({ text: "Tickets are out", link: "https://summit.test/tickets" }),
      memoryProgress(),
    );
    const record = await postRecord(account.did, rkeyOf(ref.platformPostId));
    expect(record!.value.embed).toEqual({
      $type: "app.bsky.embed.external",
      external: { uri: "https://summit.test/tickets", title: "summit.test", description: "" },
    });
  });

  it("refuses an image over 1,000,000 bytes before uploading anything", async () => {
    const account = await createPdsAccount("big");
    const big = mediaFrom(padded(png(2, 2), 1_000_001), { mimeType: "image/png" });
    const error = await platformError(
      adapter().publish(connectedAccount(account), publishRequest({ media: [big] }), memoryProgress()),
    );
    expect(error).toMatchObject({ kind: "permanent", code: "unsupported_media" });
    expect(await postRecords(account.did)).toEqual([]);
  });

  it("the same post published twice is one record: the second attempt meets the key and reads it back", async () => {
    const account = await createPdsAccount("twice");
    const post = publishRequest({ text: "Only once #once" });
    const first = await adapter().publish(connectedAccount(account), post, memoryProgress());
    // As after a lost answer with no progress saved: the create is sent again, at the same key.
    const again = await adapter().publish(connectedAccount(account), post, memoryProgress());
    expect(again.platformPostId).toBe(first.platformPostId);
    expect(rkeyOf(first.platformPostId)).toBe(await recordKeyFor(post.postId));
    expect((await postRecords(account.did)).map((r) => r.uri)).toEqual([first.platformPostId]);
  });

  it("an attempt with saved progress checks the key first and uploads nothing again", async () => {
    const account = await createPdsAccount("resume");
    const post = publishRequest({
      text: "Resumed",
      media: [mediaFrom(png(4, 4), { mimeType: "image/png" })],
    });
    const progress = memoryProgress();
    const first = await adapter().publish(connectedAccount(account), post, progress);
    expect(progress.saved).toEqual([{ rkey: rkeyOf(first.platformPostId), sentAt: expect.any(Number) }]);
    let opened = 0;
    const media = post.media.map((m) => ({
      ...m,
      open() {
        opened++;
        return m.open();
      },
    }));
    const again = await adapter().publish(connectedAccount(account), { ...post, media }, progress.next());
    expect(again.platformPostId).toBe(first.platformPostId);
    expect(opened).toBe(0);
  });

  it("another record at our key is a collision, never taken for our post", async () => {
    const account = await createPdsAccount("collide");
    const post = publishRequest({ text: "Ours" });
    await pdsXrpc("com.atproto.repo.createRecord", {
      token: account.accessJwt,
      json: {
        repo: account.did,
        collection: "app.bsky.feed.post",
        rkey: await recordKeyFor(post.postId),
        record: { $type: "app.bsky.feed.post", text: "Someone else's", createdAt: new Date().toISOString() },
      },
    });
    const error = await platformError(adapter().publish(connectedAccount(account), post, memoryProgress()));
    expect(error).toMatchObject({ kind: "permanent", code: "record_key_collision" });
    expect(await adapter().findPublished(connectedAccount(account), post, memoryProgress())).toBeNull();
  });

  it("a create without an answer is uncertain; the retry finds or makes exactly one record", async () => {
    const account = await createPdsAccount("lost");
    const post = publishRequest({ text: "Lost answer" });
    const impatient = createBlueskyAdapter({ baseUrl: pdsUrl(), timeoutMs: 1 });
    const progress = memoryProgress();
    const error = await platformError(impatient.publish(connectedAccount(account), post, progress));
    expect(error).toMatchObject({ kind: "uncertain", code: "timeout" });

    const ref = await adapter().publish(connectedAccount(account), post, progress.next());
    expect(rkeyOf(ref.platformPostId)).toBe(await recordKeyFor(post.postId));
    expect((await postRecords(account.did)).map((r) => r.uri)).toEqual([ref.platformPostId]);
  });
});

describe("threads on Bluesky", () => {
  const parts = ["The thread starts #AEF", "Second part, see https://aef.example.org", "Third and last part"];

  it("publishes a thread as records replying to the first (root) and the one before (parent), each at its own key", async () => {
    const account = await createPdsAccount("thread");
    const post = publishRequest({ text: parts[0], replies: parts.slice(1) });
    const progress = memoryProgress();
    const ref = await adapter().publish(connectedAccount(account), post, progress);
    expect(rkeyOf(ref.platformPostId)).toBe(await recordKeyFor(post.postId));
    const records = await Promise.all(
      [0, 1, 2].map(async (part) => postRecord(account.did, await recordKeyFor(post.postId, part))),
    );
    expect(records.map((r) => r?.value.text)).toEqual(parts);
    const [root, second, third] = records;
    const strong = (r: typeof root) => ({ uri: r?.uri, cid: r?.cid });
    expect(root?.value.reply).toBeUndefined();
    expect(second?.value.reply).toEqual({ root: strong(root), parent: strong(root) });
    expect(third?.value.reply).toEqual({ root: strong(root), parent: strong(second) });
    // Each part has its own facets (the link of the second part, in its own text's bytes).
    expect(second?.value.facets).toEqual([
      expect.objectContaining({ features: [expect.objectContaining({ uri: "https://aef.example.org" })] }),
    ]);
    expect(progress.saved.at(-1)?.thread).toHaveLength(3);
    expect((await postRecords(account.did)).length).toBe(3);
  });

  it("a reply whose answer was lost is read back at its key on the retry: the chain completes with no part twice", async () => {
    const account = await createPdsAccount("threadlost");
    const post = publishRequest({ text: parts[0], replies: parts.slice(1) });
    const realFetch = globalThis.fetch;
    let creates = 0;
    let unreachable = false;
    // The PDS stores the second part, then the connection drops before its answer, and the PDS stays
    // out of reach for the rest of the attempt (the adapter cannot read the key back either).
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (unreachable) throw new TypeError("Network connection lost.");
      const response = await realFetch(input, init);
      if (String(input instanceof Request ? input.url : input).includes("createRecord") && ++creates === 2) {
        unreachable = true;
        throw new TypeError("Network connection lost.");
      }
      return response;
    });
    const progress = memoryProgress();
    try {
      const error = await platformError(adapter().publish(connectedAccount(account), post, progress));
      expect(error.kind).toBe("uncertain");
    } finally {
      spy.mockRestore();
    }
    expect(await postRecords(account.did)).toHaveLength(2);

    const ref = await adapter().publish(connectedAccount(account), post, progress.next());
    const records = await postRecords(account.did);
    expect(records.map((r) => r.value.text).sort()).toEqual([...parts].sort());
    expect(rkeyOf(ref.platformPostId)).toBe(await recordKeyFor(post.postId));
    const third = await postRecord(account.did, await recordKeyFor(post.postId, 2));
    const second = await postRecord(account.did, await recordKeyFor(post.postId, 1));
    expect(third?.value.reply).toMatchObject({ parent: { uri: second?.uri, cid: second?.cid } });
  });
});

describe("after publishing", () => {
  it("findPublished reads the post at its key, and is null before it exists", async () => {
    const account = await createPdsAccount("find");
    const post = publishRequest({ text: "Find me" });
    const bluesky = adapter();
    expect(await bluesky.findPublished(connectedAccount(account), post, memoryProgress())).toBeNull();
    expect(await postRecords(account.did)).toEqual([]);
    const ref = await bluesky.publish(connectedAccount(account), post, memoryProgress());
    const found = await bluesky.findPublished(connectedAccount(account), post, memoryProgress());
    expect(found).toMatchObject({ platformPostId: ref.platformPostId, url: ref.url });
  });

  it("delete removes the record, and deleting it again is fine", async () => {
    const account = await createPdsAccount("delete");
    const bluesky = adapter();
    const post = publishRequest({ text: "Short-lived" });
    const ref = await bluesky.publish(connectedAccount(account), post, memoryProgress());
    await bluesky.deletePost(connectedAccount(account), ref.platformPostId);
    expect(await postRecord(account.did, rkeyOf(ref.platformPostId))).toBeNull();
    await bluesky.deletePost(connectedAccount(account), ref.platformPostId);
    expect(await bluesky.findPublished(connectedAccount(account), post, memoryProgress())).toBeNull();
  });

  it("has no webhooks to verify", async () => {
    expect(await adapter().verifyWebhook(new Headers(), new ArrayBuffer(0), "secret")).toBe(false);
  });
});

describe("metrics through the PDS and its AppView", () => {
  it("measures the batch with one getPosts; a post deleted (and dropped by the AppView) is null; no views, reach or clicks", async () => {
    const account = await createPdsAccount("measure");
    const fan = await createPdsAccount("fan");
    const bluesky = adapter();
    const publish = () => bluesky.publish(connectedAccount(account), publishRequest(), memoryProgress());
    const [first, second, gone] = [await publish(), await publish(), await publish()];
    const subject = { uri: first.platformPostId, cid: String(first.response?.cid) };
    const like = await writeRecord(fan, { subject }, "app.bsky.feed.like");
    const repost = await writeRecord(fan, { subject }, "app.bsky.feed.repost");
    const ids = [first, second, gone].map((ref) => ref.platformPostId);
    await indexRecords(...ids, like.uri, repost.uri);
    await bluesky.deletePost(connectedAccount(account), gone.platformPostId);
    // The firehose's delete reaches the AppView.
    await indexRecords(gone.platformPostId);
    const asked = async () =>
      (await appViewCalls(account.did)).filter((c) => c.method === "app.bsky.feed.getPosts");
    const before = (await asked()).length;

    const metrics = await bluesky.fetchMetrics(connectedAccount(account), ids);
    expect(metrics.get(first.platformPostId)).toEqual({
      impressions: null,
      reach: null,
      likes: 1,
      comments: 0,
      // reposts + quotes
      shares: 1,
      saves: 0,
      clicks: null,
      raw: { likeCount: 1, replyCount: 0, repostCount: 1, quoteCount: 0, bookmarkCount: 0 },
    });
    expect(metrics.get(second.platformPostId)).toMatchObject({ likes: 0, shares: 0, saves: 0 });
    expect(metrics.get(gone.platformPostId)).toBeNull();
    const calls = await asked();
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)?.params.uris).toEqual(ids);
    expect(bluesky.metricsBatchSize).toBe(25);
  });

  it("a post the AppView has not indexed yet is measured as nulls from its record; one never written is null", async () => {
    const account = await createPdsAccount("metrics");
    const bluesky = adapter();
    const ref = await bluesky.publish(connectedAccount(account), publishRequest(), memoryProgress());
    const never = `at://${account.did}/app.bsky.feed.post/3kneverwritten2`;
    const metrics = await bluesky.fetchMetrics(connectedAccount(account), [
      ref.platformPostId,
      never,
      "nonsense",
    ]);
    expect(metrics.get(ref.platformPostId)).toMatchObject({
      impressions: null,
      reach: null,
      likes: null,
      comments: null,
      shares: null,
      saves: null,
      clicks: null,
      raw: { source: "record", uri: ref.platformPostId },
    });
    expect(metrics.get(never)).toBeNull();
    expect(metrics.get("nonsense")).toBeNull();
  });

  it("an AppView 429 fails the batch as rate_limited with a wait; an expired token → auth_expired", async () => {
    const account = await createPdsAccount("limited");
    const bluesky = adapter();
    const ref = await bluesky.publish(connectedAccount(account), publishRequest(), memoryProgress());
    await queueAppViewFault({ method: "app.bsky.feed.getPosts", did: account.did });
    const error = await platformError(bluesky.fetchMetrics(connectedAccount(account), [ref.platformPostId]));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "RateLimitExceeded" });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    const stale = connectedAccount(account, { accessToken: await expiredAccessJwt(account) });
    expect(await platformError(bluesky.fetchMetrics(stale, [ref.platformPostId]))).toMatchObject({
      kind: "auth_expired",
      code: "ExpiredToken",
    });
  });

  it("more URIs than getPosts takes is refused before asking", async () => {
    const account = await createPdsAccount("toomany");
    const uris = Array.from({ length: 26 }, (_, i) => `at://${account.did}/app.bsky.feed.post/3kmany${i}`);
    expect(await platformError(adapter().fetchMetrics(connectedAccount(account), uris))).toMatchObject({
      kind: "permanent",
      code: "metrics_batch_too_large",
    });
  });
});
