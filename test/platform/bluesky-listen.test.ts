/**
 * Listening on Bluesky against the reference PDS, which proxies `app.bsky.*` to the fake AppView
 * (test/fakes/appview) with a service-auth token naming the account: records are written to real
 * repositories, indexed by the fake as the AppView would, and read back through the adapter.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/env.ts";
import { MAX_PAGES } from "../../src/platform/social/bluesky/listen.ts";
import type { InboundObservation } from "../../src/platform/social/inbound.ts";
import { adapterFor } from "../../src/platform/social/registry.ts";
import {
  connectedAccount,
  createPdsAccount,
  expiredAccessJwt,
  mediaFrom,
  memoryProgress,
  type PdsAccount,
  publishRequest,
} from "../support/bluesky.ts";
import {
  addNotifications,
  addPosts,
  appViewCalls,
  indexRecords,
  mentionFacet,
  queueAppViewFault,
  tagFacet,
  writeRecord,
} from "../support/bluesky-appview.ts";
import { png } from "../support/media-files.ts";
import { failure } from "../support/platform-error.ts";

const bluesky = () => adapterFor("bluesky", loadConfig(env), { timeoutMs: 10_000 });
const listen = () => bluesky().listen!;
const poll = (account: PdsAccount, cursor: Record<string, string> | null = null) =>
  listen().notifications!(connectedAccount(account), cursor);
const rkeyOf = (uri: string) => uri.split("/").at(-1)!;
const byKind = (observations: InboundObservation[], kind: string) =>
  observations.find((o) => o.content?.kind === kind);

/** Our account with one published post, and a fan who answers it. */
async function ourPostAndAFan() {
  const ours = await createPdsAccount("ours");
  const fan = await createPdsAccount("fan");
  const ref = await bluesky().publish(connectedAccount(ours), publishRequest(), memoryProgress());
  const post = { uri: ref.platformPostId, cid: String(ref.response?.cid) };
  return { ours, fan, post };
}

/** `count` mention notifications for `did` as the AppView would list them (no repository behind them). */
const mentions = (did: string, count: number) =>
  addNotifications(
    did,
    Array.from({ length: count }, (_, i) => ({
      uri: `at://did:plc:fan${i}/app.bsky.feed.post/3kfan${String(i).padStart(8, "0")}`,
      author: { did: `did:plc:fan${i}`, handle: `fan${i}.test`, labels: [] },
      reason: "mention",
      record: { $type: "app.bsky.feed.post", text: `mention ${i}`, createdAt: new Date().toISOString() },
    })),
  );

describe("Bluesky notifications", () => {
  it("a mention, a reply, a quote and a repost of our post are observations; a like is not", async () => {
    const { ours, fan, post } = await ourPostAndAFan();
    const text = `Great keynote @${ours.handle} #AEF2027`;
    const mention = await writeRecord(fan, {
      text,
      langs: ["en"],
      facets: [mentionFacet(text, ours), tagFacet(text, "AEF2027")],
    });
    const reply = await writeRecord(fan, { text: "See you there", reply: { root: post, parent: post } });
    const quote = await writeRecord(fan, {
      text: "This one",
      embed: { $type: "app.bsky.embed.record", record: post },
    });
    const repost = await writeRecord(fan, { subject: post }, "app.bsky.feed.repost");
    const like = await writeRecord(fan, { subject: post }, "app.bsky.feed.like");
    const indexed = await indexRecords(mention.uri, reply.uri, quote.uri, repost.uri, like.uri);
    expect(indexed.every((i) => i.notified.includes(ours.did))).toBe(true);

    const { observations, cursor } = await poll(ours);

    expect(observations.map((o) => o.content?.kind).sort()).toEqual(["mention", "quote", "reply", "repost"]);
    expect(observations.find((o) => o.itemId === like.uri)).toBeUndefined();
    expect(byKind(observations, "mention")).toMatchObject({
      platform: "bluesky",
      recipient: null,
      itemId: mention.uri,
      observedAt: new Date(indexed[0]!.indexedAt),
      content: {
        url: `https://bsky.app/profile/${fan.did}/post/${rkeyOf(mention.uri)}`,
        text,
        language: "en",
        mediaUrls: [],
        author: { platformId: fan.did, handle: fan.handle, followers: null },
        inReplyTo: null,
        mentionedHandles: [ours.handle],
        hashtags: ["aef2027"],
        createdAt: expect.any(Date),
      },
    });
    // Answers name our post by its AT URI, the id our published post keeps: the store links them.
    expect(byKind(observations, "reply")).toMatchObject({
      itemId: reply.uri,
      content: { text: "See you there", inReplyTo: post.uri },
    });
    expect(byKind(observations, "quote")).toMatchObject({
      itemId: quote.uri,
      content: { text: "This one", inReplyTo: post.uri },
    });
    expect(byKind(observations, "repost")).toMatchObject({
      itemId: repost.uri,
      content: {
        text: null,
        inReplyTo: post.uri,
        url: `https://bsky.app/profile/${ours.did}/post/${rkeyOf(post.uri)}/reposted-by`,
      },
    });
    // The like is newest but not asked for: the watermark is the newest item read.
    expect(cursor).toEqual({ seen_until: indexed[3]!.indexedAt });
  });

  it("asks the PDS (which names the account to the AppView) and never marks anything seen", async () => {
    const { ours, fan, post } = await ourPostAndAFan();
    await indexRecords((await writeRecord(fan, { text: "Hi", reply: { root: post, parent: post } })).uri);
    await poll(ours);
    const calls = await appViewCalls(ours.did);
    expect(calls.map((c) => c.method)).toEqual(["app.bsky.notification.listNotifications"]);
    expect(calls[0]!.params.reasons?.sort()).toEqual(["mention", "quote", "reply", "repost"]);
    expect(calls.some((c) => c.method === "app.bsky.notification.updateSeen")).toBe(false);
  });

  it("the cursor gives only what is new the next time, and nothing when nothing is", async () => {
    const { ours, fan, post } = await ourPostAndAFan();
    const first = await writeRecord(fan, { text: "First", reply: { root: post, parent: post } });
    await indexRecords(first.uri);
    const one = await poll(ours);
    expect(one.observations.map((o) => o.itemId)).toEqual([first.uri]);

    const second = await writeRecord(fan, { text: "Second", reply: { root: post, parent: post } });
    const [indexed] = await indexRecords(second.uri);
    const two = await poll(ours, one.cursor);
    expect(two.observations.map((o) => o.itemId)).toEqual([second.uri]);
    expect(two.cursor).toEqual({ seen_until: indexed!.indexedAt });

    const three = await poll(ours, two.cursor);
    expect(three.observations).toEqual([]);
    expect(three.cursor).toEqual(two.cursor);
  });

  it("the first poll reads the newest page only", async () => {
    const ours = await createPdsAccount("first");
    const added = await mentions(ours.did, 70);
    const { observations, cursor } = await poll(ours);
    expect(observations).toHaveLength(50);
    expect(cursor).toEqual({ seen_until: added.at(-1)!.indexedAt });
    expect(await appViewCalls(ours.did)).toHaveLength(1);
  });

  it(`pages back to the watermark over several pages, and at most ${MAX_PAGES} pages`, async () => {
    const ours = await createPdsAccount("pages");
    await mentions(ours.did, 1);
    const start = await poll(ours);

    const backlog = await mentions(ours.did, 120);
    const caughtUp = await poll(ours, start.cursor);
    expect(new Set(caughtUp.observations.map((o) => o.itemId))).toEqual(
      new Set(backlog.map((n) => String(n.uri))),
    );
    const pages = (await appViewCalls(ours.did)).slice(1);
    expect(pages).toHaveLength(3);
    expect(pages.slice(1).every((c) => c.params.cursor?.length === 1)).toBe(true);

    const flood = await mentions(ours.did, 300);
    const capped = await poll(ours, caughtUp.cursor);
    expect(capped.observations).toHaveLength(MAX_PAGES * 50);
    expect(capped.cursor).toEqual({ seen_until: flood.at(-1)!.indexedAt });
  });

  it("an AppView 429 is rate_limited, with a wait", async () => {
    const ours = await createPdsAccount("limited");
    await queueAppViewFault({ method: "app.bsky.notification.listNotifications", did: ours.did });
    const error = await failure(poll(ours));
    // The PDS passes the 429 on but not the AppView's ratelimit-reset: the wait is the default.
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "RateLimitExceeded" });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("an expired access token is auth_expired, before anything reaches the AppView", async () => {
    const ours = await createPdsAccount("expired");
    const account = connectedAccount(ours, { accessToken: await expiredAccessJwt(ours) });
    const error = await failure(listen().notifications!(account, null));
    expect(error).toMatchObject({ kind: "auth_expired", code: "ExpiredToken" });
    expect(await appViewCalls(ours.did)).toEqual([]);
  });
});

describe("Bluesky hashtag search", () => {
  const uniqueTag = () => `guddu${crypto.randomUUID().slice(0, 8)}`;
  const tagged = (author: PdsAccount, tag: string, words: string) => {
    const text = `${words} #${tag}`;
    return writeRecord(author, { text, facets: [tagFacet(text, tag)] });
  };
  /** Post views tagged `tag` added straight to the AppView (no repository needed). */
  const taggedViews = (tag: string, count: number) =>
    addPosts(
      Array.from({ length: count }, (_, i) => ({
        uri: `at://did:plc:poster${i}/app.bsky.feed.post/3ktag${String(i).padStart(8, "0")}${tag}`,
        author: { did: `did:plc:poster${i}`, handle: `poster${i}.test` },
        record: {
          $type: "app.bsky.feed.post",
          text: `post ${i}`,
          tags: [tag],
          createdAt: new Date().toISOString(),
        },
      })),
    );

  it("finds tagged posts through the account, then only newer ones since the cursor", async () => {
    const ours = await createPdsAccount("search");
    const poster = await createPdsAccount("poster");
    const tag = uniqueTag();
    const first = await tagged(poster, tag, "Registration is open");
    await indexRecords(first.uri, (await writeRecord(poster, { text: `not tagged ${tag}` })).uri);
    const one = await listen().hashtag!(connectedAccount(ours), tag, null);
    expect(one.observations).toHaveLength(1);
    expect(one.observations[0]).toMatchObject({
      platform: "bluesky",
      recipient: null,
      itemId: first.uri,
      content: {
        kind: "hashtag",
        text: `Registration is open #${tag}`,
        url: `https://bsky.app/profile/${poster.did}/post/${rkeyOf(first.uri)}`,
        author: { platformId: poster.did, handle: poster.handle },
        hashtags: [tag],
      },
    });

    const second = await tagged(poster, tag, "Day two");
    await indexRecords(second.uri);
    const two = await listen().hashtag!(connectedAccount(ours), tag, one.cursor);
    expect(two.observations.map((o) => o.itemId)).toEqual([second.uri]);
    const [, call] = (await appViewCalls(ours.did)).filter((c) => c.method === "app.bsky.feed.searchPosts");
    expect(call!.params).toMatchObject({ tag: [tag], sort: ["latest"], limit: ["100"] });
    expect(Date.parse(call!.params.since![0]!)).toBeLessThan(Date.parse(one.cursor.seen_until!));
  });

  it("pages through more than one page of results since the cursor", async () => {
    const ours = await createPdsAccount("searchpg");
    const tag = uniqueTag();
    const start = await listen().hashtag!(connectedAccount(ours), tag, null);
    expect(start).toEqual({ observations: [], cursor: {} });
    await taggedViews(tag, 1);
    const seen = await listen().hashtag!(connectedAccount(ours), tag, null);
    const backlog = await taggedViews(tag, 150);
    const page = await listen().hashtag!(connectedAccount(ours), tag, seen.cursor);
    expect(new Set(page.observations.map((o) => o.itemId))).toEqual(new Set(backlog.map((p) => p.uri)));
  });

  it("without an account asks the configured AppView for one page, unauthenticated", async () => {
    const tag = uniqueTag();
    await taggedViews(tag, 1);
    const seen = await listen().hashtag!(null, tag, null);
    await taggedViews(tag, 150);
    const page = await listen().hashtag!(null, tag, seen.cursor);
    expect(page.observations).toHaveLength(100);
    const calls = (await appViewCalls()).filter((c) => c.params.tag?.[0] === tag);
    expect(calls.every((c) => c.did === null && c.params.cursor === undefined)).toBe(true);
  });

  it("a post we published with an image is found by its tag, the image as a media URL", async () => {
    const poster = await createPdsAccount("imgpost");
    const tag = uniqueTag();
    const ref = await bluesky().publish(
      connectedAccount(poster),
      publishRequest({ text: `Stage set #${tag}`, media: [mediaFrom(png(8, 6), { mimeType: "image/png" })] }),
      memoryProgress(),
    );
    await indexRecords(ref.platformPostId);
    const { observations } = await listen().hashtag!(null, tag, null);
    expect(observations).toHaveLength(1);
    expect(observations[0]!.content!.mediaUrls).toEqual([
      expect.stringMatching(new RegExp(`^https://cdn\\.bsky\\.app/img/feed_fullsize/plain/${poster.did}/`)),
    ]);
  });
});

describe("metrics through the AppView", () => {
  it("come from the AppView once it has indexed the post and its likes", async () => {
    const { ours, fan, post } = await ourPostAndAFan();
    const like = await writeRecord(fan, { subject: post }, "app.bsky.feed.like");
    await indexRecords(post.uri, like.uri);
    const metrics = await bluesky().fetchMetrics(connectedAccount(ours), [post.uri]);
    expect(metrics.get(post.uri)).toMatchObject({
      likes: 1,
      comments: 0,
      shares: 0,
      saves: 0,
      impressions: null,
      reach: null,
    });
  });
});
