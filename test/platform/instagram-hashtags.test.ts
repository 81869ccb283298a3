/**
 * Instagram Hashtag Search against the Instagram fake: a hashtag's id, its recent media (24 hours,
 * no authors), the cursor that keeps the id, and the limit of 30 distinct hashtags per account in a
 * rolling 7 days.
 */
import { describe, expect, it } from "vitest";
import type { ListenCursor } from "../../src/platform/social/inbound.ts";
import type { ConnectedAccount } from "../../src/platform/social/types.ts";
import {
  connectFakeAccount,
  fakeAdapter,
  fakesOrigin,
  memoryProgress,
  queueFault,
  testMedia,
  testPost,
} from "../support/fake-platforms.ts";
import { failure } from "../support/platform-error.ts";

const instagram = fakeAdapter("instagram");
const search = (account: ConnectedAccount | null, tag: string, cursor: ListenCursor | null = null) =>
  instagram.listen!.hashtag!(account, tag, cursor);
const uniqueTag = () => `AEF${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;

async function control(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${fakesOrigin()}/_fake/instagram${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`fake control ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A public post by someone else, `ageSeconds` old. */
const publicMedia = (caption: string, ageSeconds = 0) =>
  control("/hashtag-media", { caption, age_seconds: ageSeconds }) as Promise<{
    id: string;
    permalink: string;
  }>;

describe("Instagram hashtag search", () => {
  it("finds public media with the hashtag from the last 24 hours, without their authors", async () => {
    const account = await connectFakeAccount("instagram");
    const tag = uniqueTag();
    const fresh = await publicMedia(`Opening night #${tag} with @Speaker.One`, 60);
    await publicMedia(`Last year #${tag}`, 25 * 3600);
    await publicMedia(`Opening night ${tag} without the hash`);
    const ours = await instagram.publish(
      account,
      testPost({ text: `Doors open #${tag}`, media: [testMedia("jpeg")] }),
      memoryProgress(),
    );

    const { observations, cursor } = await search(account, tag, null);

    expect(observations.map((o) => o.itemId)).toEqual([ours.platformPostId, fresh.id]);
    expect(observations[1]).toMatchObject({
      platform: "instagram",
      recipient: null,
      itemId: fresh.id,
      content: {
        kind: "hashtag",
        url: fresh.permalink,
        text: `Opening night #${tag} with @Speaker.One`,
        language: null,
        mediaUrls: [expect.stringMatching(/^https:\/\//)],
        author: { platformId: null, handle: null, name: null, avatarUrl: null, followers: null },
        inReplyTo: null,
        mentionedHandles: ["speaker.one"],
        hashtags: [tag.toLowerCase()],
        createdAt: expect.any(Date),
      },
    });
    expect(cursor).toEqual({ hashtag_id: expect.stringMatching(/^\d+$/), seen_until: expect.any(String) });
  });

  it("the cursor keeps the hashtag's id, and only media newer than it come back", async () => {
    const account = await connectFakeAccount("instagram");
    const tag = uniqueTag();
    await publicMedia(`Two hours ago #${tag}`, 7200);
    await publicMedia(`An hour ago #${tag}`, 3600);
    const first = await search(account, tag, null);
    expect(first.observations).toHaveLength(2);

    const later = await publicMedia(`Just now #${tag}`);
    const second = await search(account, tag, first.cursor);
    // What was read before comes back only within the overlap before the watermark, observed at the
    // time it was posted as before: the inbound store takes it once.
    expect(second.observations.map((o) => o.itemId)).toEqual([later.id, first.observations[0]!.itemId]);
    expect(second.observations[1]!.observedAt).toEqual(first.observations[0]!.observedAt);
    expect(second.cursor.hashtag_id).toBe(first.cursor.hashtag_id);
    expect(Date.parse(second.cursor.seen_until!)).toBeGreaterThan(Date.parse(first.cursor.seen_until!));
  });

  it("pages through more than one page of recent media since the cursor", async () => {
    const account = await connectFakeAccount("instagram");
    const tag = uniqueTag();
    await publicMedia(`Earlier #${tag}`, 3600);
    const first = await search(account, tag, null);
    const added = [];
    for (let i = 0; i < 60; i++) added.push(await publicMedia(`Crowd ${i} #${tag}`));
    const { observations } = await search(account, tag, first.cursor);
    expect(new Set(observations.map((o) => o.itemId))).toEqual(
      new Set([...added.map((m) => m.id), first.observations[0]!.itemId]),
    );
  });

  it("the 31st distinct hashtag in 7 days is rate_limited (hashtag_limit); the 30 already looked up still read", async () => {
    const account = await connectFakeAccount("instagram");
    const tags = Array.from({ length: 30 }, uniqueTag);
    const cursors: ListenCursor[] = [];
    for (const tag of tags) cursors.push((await search(account, tag, null)).cursor);
    // Looking one up again costs nothing.
    await search(account, tags[0]!, null);

    const error = await failure(search(account, uniqueTag(), null));
    expect(error).toMatchObject({ kind: "rate_limited", code: "hashtag_limit", status: 400 });
    expect(error.retryAfterSeconds).toBe(86_400);
    expect(error.response).toMatchObject({ error: { code: 24, error_subcode: 2207024 } });

    const known = await publicMedia(`Still here #${tags[5]}`);
    const read = await search(account, tags[5]!, { ...cursors[5]!, seen_until: new Date(0).toISOString() });
    expect(read.observations.map((o) => o.itemId)).toContain(known.id);
    // The limit is the account's: another account looks the same hashtag up.
    expect(
      (await search(await connectFakeAccount("instagram"), uniqueTag(), null)).cursor.hashtag_id,
    ).toBeTruthy();
  });

  it("a hashtag looked up more than 7 days ago no longer counts", async () => {
    const account = await connectFakeAccount("instagram");
    for (let i = 0; i < 30; i++) await search(account, uniqueTag(), null);
    expect((await failure(search(account, uniqueTag(), null))).code).toBe("hashtag_limit");
    await control("/hashtag-searches/age", { account: account.platformUserId, seconds: 7 * 86_400 + 1 });
    expect((await search(account, uniqueTag(), null)).cursor.hashtag_id).toBeTruthy();
  });

  it("Graph throttling while reading media is rate_limited", async () => {
    const account = await connectFakeAccount("instagram");
    const tag = uniqueTag();
    const { cursor } = await search(account, tag, null);
    await queueFault("instagram", "find", "rate_limit", { account: account.platformUserId });
    const error = await failure(search(account, tag, cursor));
    expect(error).toMatchObject({ kind: "rate_limited", code: "4" });
  });

  it("needs an account to search for", async () => {
    const error = await failure(search(null, uniqueTag(), null));
    expect(error).toMatchObject({ kind: "permanent", code: "account_required" });
  });
});
