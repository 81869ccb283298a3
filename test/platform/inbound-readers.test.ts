/**
 * The adapters' webhook readers: each platform's documented payload read into observations, the
 * events that are not items skipped, edits kept on their item, deletions final, Meta's batches, and
 * the round trip through the deliveries the fakes build and sign.
 */
import { describe, expect, it } from "vitest";
import type { InboundContent, InboundObservation } from "../../src/platform/social/inbound.ts";
import type { SocialAdapter } from "../../src/platform/social/types.ts";
import {
  buildWebhookPayload,
  signWebhook,
  type WebhookAction,
  type WebhookEvent,
  type WebhookKind,
} from "../fakes/platforms/webhook-payloads.ts";
import {
  type FakePlatform,
  fakeAdapter,
  fakesOrigin,
  signWebhook as signAtFake,
} from "../support/fake-platforms.ts";

const ADAPTERS = Object.fromEntries(
  (["x", "facebook", "instagram", "threads", "linkedin"] as const).map((p) => [p, fakeAdapter(p)]),
) as Record<FakePlatform, SocialAdapter>;

function read(platform: FakePlatform, payload: unknown): InboundObservation[] {
  const reader = ADAPTERS[platform].readWebhook;
  if (!reader) throw new Error(`${platform} reads no webhooks`);
  // As the queue hands it over: parsed JSON.
  return reader(payload === undefined ? undefined : JSON.parse(JSON.stringify(payload)));
}

const author = (a: Partial<InboundContent["author"]>) => ({
  platformId: null,
  handle: null,
  name: null,
  avatarUrl: null,
  followers: null,
  accountCreatedAt: null,
  ...a,
});
const NO_TAGS = { mentionedHandles: [], hashtags: [] };
const kinds = (observations: InboundObservation[]) =>
  observations.map((o) => [o.itemId, o.content?.kind ?? "deleted", o.content?.inReplyTo ?? null]);

describe("X Account Activity", () => {
  const tweet = (fields: Record<string, unknown>) => ({
    id_str: "1050118621198921728",
    created_at: "Wed Oct 10 20:19:24 +0000 2018",
    timestamp_ms: "1539202764123",
    text: "@XDevelopers hello from the summit #AEF2026",
    user: { id_str: "6253282", screen_name: "TwitterAPI", name: "Twitter API", followers_count: 6133636 },
    in_reply_to_status_id_str: null,
    lang: "en",
    ...fields,
  });
  const delivery = (...events: unknown[]) => ({ for_user_id: "2244994945", tweet_create_events: events });

  it("reads a mention with its author, entities, media, language and both times", () => {
    const payload = {
      ...delivery(
        tweet({
          user: {
            id_str: "6253282",
            screen_name: "TwitterAPI",
            name: "Twitter API",
            profile_image_url_https: "https://pbs.twimg.com/profile_images/1/a_normal.jpg",
            followers_count: 6133636,
          },
          entities: {
            hashtags: [{ text: "AEF2026", indices: [35, 43] }],
            user_mentions: [{ screen_name: "XDevelopers", id_str: "2244994945", indices: [0, 12] }],
            media: [{ media_url_https: "https://pbs.twimg.com/media/first.jpg" }],
          },
          extended_entities: {
            media: [
              { media_url_https: "https://pbs.twimg.com/media/first.jpg" },
              { media_url_https: "https://pbs.twimg.com/media/second.jpg" },
            ],
          },
        }),
      ),
      user_has_blocked: "false",
    };
    expect(read("x", payload)).toEqual([
      {
        platform: "x",
        recipient: "2244994945",
        itemId: "1050118621198921728",
        observedAt: new Date(1539202764123),
        content: {
          kind: "mention",
          url: "https://x.com/TwitterAPI/status/1050118621198921728",
          text: "@XDevelopers hello from the summit #AEF2026",
          language: "en",
          mediaUrls: ["https://pbs.twimg.com/media/first.jpg", "https://pbs.twimg.com/media/second.jpg"],
          author: author({
            platformId: "6253282",
            handle: "TwitterAPI",
            name: "Twitter API",
            avatarUrl: "https://pbs.twimg.com/profile_images/1/a_normal.jpg",
            followers: 6133636,
          }),
          inReplyTo: null,
          mentionedHandles: ["xdevelopers"],
          hashtags: ["aef2026"],
          createdAt: new Date("2018-10-10T20:19:24Z"),
        },
      },
    ]);
  });

  it("tells replies, quotes and retweets apart, and links each to the post it answers", () => {
    const observations = read(
      "x",
      delivery(
        tweet({ id_str: "11", in_reply_to_status_id_str: "900" }),
        tweet({ id_str: "12", is_quote_status: true, quoted_status_id_str: "901" }),
        // A retweet of a quote says is_quote_status too: it is still a retweet.
        tweet({
          id_str: "13",
          is_quote_status: true,
          quoted_status_id_str: "5",
          retweeted_status: { id_str: "902" },
        }),
        tweet({ id_str: "14" }),
      ),
    );
    expect(kinds(observations)).toEqual([
      ["11", "reply", "900"],
      ["12", "quote", "901"],
      ["13", "repost", "902"],
      ["14", "mention", null],
    ]);
  });

  it("takes the full text of a long tweet, drops an undetermined language, and times by created_at without timestamp_ms", () => {
    const [long] = read(
      "x",
      delivery(
        tweet({
          text: "short…",
          timestamp_ms: undefined,
          lang: "und",
          extended_tweet: { full_text: "the whole text" },
        }),
      ),
    );
    expect(long?.content?.text).toBe("the whole text");
    expect(long?.content?.language).toBeNull();
    expect(long?.observedAt).toEqual(new Date("2018-10-10T20:19:24Z"));
  });

  it("keeps an edit on the original tweet's item (v1.1 edit_history and v2 edit_history_tweet_ids)", () => {
    const observations = read(
      "x",
      delivery(
        tweet({ id_str: "21", edit_history: { initial_tweet_id: "20", edit_tweet_ids: ["20", "21"] } }),
        tweet({ id_str: "31", edit_history_tweet_ids: ["30", "31"] }),
      ),
    );
    expect(observations.map((o) => [o.itemId, o.content?.url, o.content?.createdAt])).toEqual([
      ["20", "https://x.com/TwitterAPI/status/21", null],
      ["30", "https://x.com/TwitterAPI/status/31", null],
    ]);
  });

  it("reads a deletion as the item gone; skips our own tweets, likes, follows and revocations", () => {
    const payload = {
      for_user_id: "2244994945",
      tweet_create_events: [tweet({ user: { id_str: "2244994945", screen_name: "us" } })],
      tweet_delete_events: [
        { status: { id: "601", user_id: "6253282" }, timestamp_ms: "1700000000123" },
        { status: { id: "602", user_id: "2244994945" }, timestamp_ms: "1700000000123" },
      ],
      favorite_events: [{ id: "f", timestamp_ms: "1", favorited_status: tweet({}), user: {} }],
      follow_events: [{ type: "follow" }],
      user_event: { revoke: { date_time: "2018-05-24T09:48:12+00:00" } },
    };
    expect(read("x", payload)).toEqual([
      {
        platform: "x",
        recipient: "2244994945",
        itemId: "601",
        observedAt: new Date(1700000000123),
        content: null,
      },
    ]);
  });
});

describe("Facebook Page feed", () => {
  const change = (value: Record<string, unknown>) => ({ field: "feed", value });
  const comment = {
    item: "comment",
    verb: "add",
    comment_id: "777_42",
    post_id: "123_777",
    parent_id: "123_777",
    from: { id: "5550001", name: "Amina Odhiambo" },
    message: "See you at #AEF2026",
    created_time: 1700000000,
  };
  const page = (...entry: unknown[]) => ({ object: "page", entry });

  it("reads the documented comment payload", () => {
    expect(read("facebook", page({ id: "123", time: 1700000060, changes: [change(comment)] }))).toEqual([
      {
        platform: "facebook",
        recipient: "123",
        itemId: "777_42",
        observedAt: new Date(1700000060_000),
        content: {
          kind: "comment",
          url: "https://www.facebook.com/777_42",
          text: "See you at #AEF2026",
          language: null,
          mediaUrls: [],
          author: author({ platformId: "5550001", name: "Amina Odhiambo" }),
          inReplyTo: "123_777",
          mentionedHandles: [],
          hashtags: ["aef2026"],
          createdAt: new Date(1700000000_000),
        },
      },
    ]);
  });

  it("reads a batch of entries and changes: replies, edits, removals, visitors' posts and shares; skips reactions and the Page's own", () => {
    const observations = read(
      "facebook",
      page(
        {
          id: "123",
          time: 1700000100,
          changes: [
            change({ ...comment, comment_id: "777_43", parent_id: "777_42" }),
            change({
              ...comment,
              verb: "edited",
              message: "edited",
              created_time: "2023-11-14T22:13:20+0000",
            }),
            change({ ...comment, comment_id: "777_44", verb: "remove", message: undefined }),
            change({ ...comment, comment_id: "777_45", from: { id: "123", name: "Our Page" } }),
            change({
              item: "reaction",
              verb: "add",
              post_id: "123_777",
              reaction_type: "like",
              from: { id: "9" },
            }),
          ],
        },
        {
          id: "456",
          time: 1700000200,
          changes: [
            change({
              item: "post",
              verb: "add",
              post_id: "456_800",
              from: { id: "9", name: "Visitor" },
              message: "Hi",
            }),
            change({
              item: "share",
              verb: "add",
              share_id: "456_801",
              post_id: "456_700",
              from: { id: "9" },
            }),
            { field: "ratings", value: { item: "rating" } },
          ],
        },
      ),
    );
    expect(kinds(observations)).toEqual([
      ["777_43", "reply", "123_777"],
      ["777_42", "comment", "123_777"],
      ["777_44", "deleted", null],
      ["456_800", "mention", null],
      ["456_801", "repost", "456_700"],
    ]);
    expect(observations[1]?.content?.createdAt).toEqual(new Date(1700000000_000));
    expect(observations.map((o) => [o.recipient, o.observedAt.getTime()])).toEqual([
      ["123", 1700000100_000],
      ["123", 1700000100_000],
      ["123", 1700000100_000],
      ["456", 1700000200_000],
      ["456", 1700000200_000],
    ]);
  });
});

describe("Instagram", () => {
  const commentValue = {
    id: "17865799348089039",
    from: { id: "1234", username: "amina.k" },
    text: "Loved it @delegate_one #AEF2026",
    media: { id: "17887498072083520", media_product_type: "FEED" },
  };

  it("reads the documented comments payload, a reply, a mention, and Instagram Login's entry-level field", () => {
    const observations = read("instagram", {
      object: "instagram",
      entry: [
        {
          id: "17841400000000000",
          time: 1700000000,
          changes: [
            { field: "comments", value: commentValue },
            { field: "live_comments", value: { ...commentValue, id: "c2", parent_id: "17865799348089039" } },
            { field: "mentions", value: { media_id: "m9", comment_id: "c9" } },
            { field: "story_insights", value: { media_id: "s1", impressions: 44 } },
            { field: "comments", value: { ...commentValue, id: "c3", from: { id: "17841400000000000" } } },
          ],
        },
        { id: "17841400000000000", time: 1700000005, field: "mentions", value: { media_id: "m10" } },
      ],
    });
    expect(observations[0]).toEqual({
      platform: "instagram",
      recipient: "17841400000000000",
      itemId: "17865799348089039",
      observedAt: new Date(1700000000_000),
      content: {
        kind: "comment",
        url: null,
        text: "Loved it @delegate_one #AEF2026",
        language: null,
        mediaUrls: [],
        author: author({ platformId: "1234", handle: "amina.k" }),
        inReplyTo: "17887498072083520",
        mentionedHandles: ["delegate_one"],
        hashtags: ["aef2026"],
        createdAt: new Date(1700000000_000),
      },
    });
    expect(kinds(observations)).toEqual([
      ["17865799348089039", "comment", "17887498072083520"],
      ["c2", "reply", "17887498072083520"],
      ["c9", "mention", null],
      ["m10", "mention", null],
    ]);
    expect(observations[2]?.content).toMatchObject({ text: null, author: author({}), ...NO_TAGS });
  });
});

describe("Threads", () => {
  const reply = {
    id: "8901234",
    username: "u",
    text: "Reply",
    media_type: "TEXT_POST",
    permalink: "https://www.threads.net/@u/post/Pp",
    replied_to: { id: "567890" },
    root_post: { id: "123456", owner_id: "123456", username: "u2" },
    shortcode: "Pp",
    timestamp: "2024-08-07T10:33:16+0000",
  };
  const envelope = { app_id: "123456", topic: "moderate", target_id: "78901", time: 1723226877 };

  it("reads the documented reply payload, its +0000 timestamp included", () => {
    expect(
      read("threads", { ...envelope, subscription_id: "234567", values: { field: "replies", value: reply } }),
    ).toEqual([
      {
        platform: "threads",
        recipient: "78901",
        itemId: "8901234",
        observedAt: new Date(1723226877_000),
        content: {
          kind: "reply",
          url: "https://www.threads.net/@u/post/Pp",
          text: "Reply",
          language: null,
          mediaUrls: [],
          author: author({ handle: "u" }),
          inReplyTo: "567890",
          ...NO_TAGS,
          createdAt: new Date("2024-08-07T10:33:16Z"),
        },
      },
    ]);
  });

  it("reads a list of values: mentions, deletions; skips publish and our own thread's next part", () => {
    const observations = read("threads", {
      ...envelope,
      values: [
        {
          field: "mentions",
          value: { ...reply, id: "m1", replied_to: undefined, timestamp: "2024-08-07T16:03:16+0530" },
        },
        { field: "replies", value: { ...reply, id: "r2", replied_to: undefined } },
        { field: "delete", value: { id: "d3" } },
        { field: "publish", value: { id: "p4" } },
        {
          field: "replies",
          value: {
            ...reply,
            id: "r5",
            username: "ours",
            root_post: { id: "1", owner_id: "78901", username: "ours" },
          },
        },
      ],
    });
    expect(kinds(observations)).toEqual([
      ["m1", "mention", null],
      ["r2", "reply", "123456"],
      ["d3", "deleted", null],
    ]);
    expect(observations[0]?.content?.createdAt).toEqual(new Date("2024-08-07T10:33:16Z"));
  });
});

describe("LinkedIn organization notifications", () => {
  const notification = (fields: Record<string, unknown>) => ({
    notificationId: 123,
    organizationalEntity: "urn:li:organization:2414183",
    action: "COMMENT",
    sourcePost: "urn:li:share:7000000000000000001",
    generatedActivity: "urn:li:comment:(urn:li:activity:7000000000000000001,7000000000000000002)",
    decoratedGeneratedActivity: { comment: { text: "Great panel #AEF2026", owner: "urn:li:person:abc" } },
    lastModifiedAt: 1700000000123,
    subscriber: "urn:li:person:admin",
    ...fields,
  });
  const delivery = (...notifications: unknown[]) => ({
    type: "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS",
    notifications,
  });
  const COMMENT = "urn:li:comment:(urn:li:activity:7000000000000000001,7000000000000000002)";

  it("reads a comment with its text and owner", () => {
    expect(read("linkedin", delivery(notification({})))).toEqual([
      {
        platform: "linkedin",
        recipient: "urn:li:organization:2414183",
        itemId: COMMENT,
        observedAt: new Date(1700000000123),
        content: {
          kind: "comment",
          url: "https://www.linkedin.com/feed/update/urn:li:share:7000000000000000001",
          text: "Great panel #AEF2026",
          language: null,
          mediaUrls: [],
          author: author({ platformId: "urn:li:person:abc" }),
          inReplyTo: "urn:li:share:7000000000000000001",
          mentionedHandles: [],
          hashtags: ["aef2026"],
          createdAt: new Date(1700000000123),
        },
      },
    ]);
  });

  it("keeps edits and deletions on the comment; reads shares and mentions; skips likes and admins' comments", () => {
    const observations = read(
      "linkedin",
      delivery(
        notification({
          action: "COMMENT_EDIT",
          lastModifiedAt: 1700000100000,
          decoratedGeneratedActivity: undefined,
        }),
        notification({ action: "COMMENT_DELETE", lastModifiedAt: 1700000200000 }),
        notification({
          action: "SHARE",
          generatedActivity: "urn:li:share:8",
          decoratedGeneratedActivity: { share: { text: "Reshared" } },
        }),
        notification({ action: "SHARE_MENTION", sourcePost: "urn:li:share:9", generatedActivity: undefined }),
        notification({ action: "LIKE", generatedActivity: "urn:li:like:1" }),
        notification({ action: "ADMIN_COMMENT", generatedActivity: "urn:li:comment:(x,1)" }),
      ),
    );
    expect(kinds(observations)).toEqual([
      [COMMENT, "comment", "urn:li:share:7000000000000000001"],
      [COMMENT, "deleted", null],
      ["urn:li:share:8", "repost", "urn:li:share:7000000000000000001"],
      ["urn:li:share:9", "mention", null],
    ]);
    expect(observations[0]?.content).toMatchObject({ text: null, author: author({}), createdAt: null });
    expect(observations[2]?.content?.url).toBe("https://www.linkedin.com/feed/update/urn:li:share:8");
  });
});

describe("payloads of the wrong shape", () => {
  it("yield no observations and never throw, on every platform", () => {
    const wrong = [
      undefined,
      null,
      42,
      "text",
      [],
      {},
      { for_user_id: 7, tweet_create_events: [{ id_str: "1" }] },
      { for_user_id: "1", tweet_create_events: "no", tweet_delete_events: [{ status: {} }] },
      { object: "page", entry: [{ id: "1", time: "yesterday", changes: [{ field: "feed", value: {} }] }] },
      { object: "instagram", entry: "none" },
      {
        object: "page",
        entry: [{ id: "1", time: 1, changes: [{ field: "feed", value: { item: "comment", verb: "add" } }] }],
      },
      { target_id: "1", time: 1, values: { field: "replies", value: { text: "no id" } } },
      { type: "OTHER", notifications: [{ action: "COMMENT", generatedActivity: "a", lastModifiedAt: 1 }] },
      {
        type: "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS",
        notifications: [{ action: "COMMENT", lastModifiedAt: "now" }],
      },
    ];
    for (const platform of Object.keys(ADAPTERS) as FakePlatform[]) {
      for (const payload of wrong)
        expect(read(platform, payload), `${platform} ${JSON.stringify(payload)}`).toEqual([]);
    }
  });

  it("drop only the malformed events of a delivery", () => {
    const payload = {
      for_user_id: "1",
      tweet_create_events: [{ text: "no id" }, { id_str: "5", timestamp_ms: "1000" }],
    };
    expect(read("x", payload).map((o) => o.itemId)).toEqual(["5"]);
  });
});

/** What each platform delivers, as the fakes build it. */
const DELIVERED: Array<[FakePlatform, WebhookKind, WebhookAction]> = [
  ...(["mention", "reply", "quote"] as const).flatMap((k) =>
    (["create", "edit", "delete"] as const).map((a): [FakePlatform, WebhookKind, WebhookAction] => [
      "x",
      k,
      a,
    ]),
  ),
  ["x", "repost", "create"],
  ["x", "repost", "delete"],
  ...(["comment", "reply", "mention"] as const).flatMap((k) =>
    (["create", "edit", "delete"] as const).map((a): [FakePlatform, WebhookKind, WebhookAction] => [
      "facebook",
      k,
      a,
    ]),
  ),
  ["facebook", "repost", "create"],
  ["facebook", "repost", "delete"],
  ["instagram", "comment", "create"],
  ["instagram", "reply", "create"],
  ["instagram", "mention", "create"],
  ["threads", "reply", "create"],
  ["threads", "mention", "create"],
  ["threads", "reply", "delete"],
  ["linkedin", "comment", "create"],
  ["linkedin", "comment", "edit"],
  ["linkedin", "comment", "delete"],
  ["linkedin", "repost", "create"],
  ["linkedin", "mention", "create"],
];

const AT = new Date("2026-03-02T09:30:15.000Z");
const ACCOUNT: Record<FakePlatform, string> = {
  x: "2244994945",
  facebook: "123",
  instagram: "17841400000000000",
  threads: "78901",
  linkedin: "urn:li:organization:2414183",
};
const FAN = { id: "7700000001", handle: "summit_fan", name: "Summit Fan" };

function eventFor(platform: FakePlatform, kind: WebhookKind, action: WebhookAction): WebhookEvent {
  return {
    account: ACCOUNT[platform],
    item_id: platform === "linkedin" ? "urn:li:comment:(urn:li:activity:1,2)" : "1900000000000000001",
    action,
    kind,
    text: "Thanks @Amina_K for #AEF2026",
    ...(kind === "mention"
      ? {}
      : { in_reply_to: platform === "linkedin" ? "urn:li:share:1" : "1800000000000000001" }),
    author: platform === "linkedin" ? { ...FAN, id: "urn:li:person:fan" } : FAN,
    at: AT,
    hashtags: ["AEF2026"],
    mentions: ["Amina_K"],
  };
}

/** What the reader must make of `event`: written out per platform, not derived from the builder. */
function expected(platform: FakePlatform, event: WebhookEvent): InboundObservation {
  const observation = { platform, recipient: event.account, itemId: event.item_id, observedAt: AT };
  if (event.action === "delete") return { ...observation, content: null };
  const handles = platform === "x" || platform === "instagram" || platform === "threads";
  const igMention = platform === "instagram" && event.kind === "mention";
  const edited = event.action === "edit" && (platform === "x" || platform === "linkedin");
  const urls: Record<FakePlatform, string | null> = {
    x: `https://x.com/summit_fan/status/${event.item_id}${edited ? AT.getTime() : ""}`,
    facebook: `https://www.facebook.com/${event.item_id}`,
    instagram: null,
    threads: `https://www.threads.net/@summit_fan/post/C${event.item_id}`,
    linkedin: `https://www.linkedin.com/feed/update/${event.kind === "comment" ? event.in_reply_to : event.item_id}`,
  };
  const authors: Record<FakePlatform, InboundContent["author"]> = {
    x: author({
      platformId: FAN.id,
      handle: FAN.handle,
      name: FAN.name,
      avatarUrl: `https://pbs.twimg.com/profile_images/${FAN.id}/photo_normal.jpg`,
      followers: 1200,
      accountCreatedAt: new Date("2015-06-01T00:00:00Z"),
    }),
    facebook: author({ platformId: FAN.id, name: FAN.name }),
    instagram: author(igMention ? {} : { platformId: FAN.id, handle: FAN.handle }),
    threads: author({ handle: FAN.handle }),
    linkedin: author({ platformId: "urn:li:person:fan" }),
  };
  return {
    ...observation,
    content: {
      kind: event.kind,
      url: urls[platform],
      text: igMention ? null : event.text,
      language: platform === "x" ? "en" : null,
      mediaUrls: [],
      author: authors[platform],
      inReplyTo: event.in_reply_to ?? null,
      mentionedHandles: handles && !igMention ? ["amina_k"] : [],
      hashtags: igMention ? [] : ["aef2026"],
      createdAt: edited ? null : AT,
    },
  };
}

describe("the round trip through the fakes' deliveries", () => {
  it.each(DELIVERED)("%s: a %s's %s is read back exactly", (platform, kind, action) => {
    const event = eventFor(platform, kind, action);
    expect(read(platform, buildWebhookPayload(platform, [event]))).toEqual([expected(platform, event)]);
  });

  it("a long tweet comes whole through extended_tweet", () => {
    const event = { ...eventFor("x", "reply", "create"), text: `${"a".repeat(150)} #AEF2026` };
    const payload = buildWebhookPayload("x", [event]);
    expect(JSON.stringify(payload)).toContain('"truncated":true');
    expect(read("x", payload)[0]?.content?.text).toBe(event.text);
  });

  it("Meta batches events of one moment in one entry, and LinkedIn and X put several in one delivery", () => {
    const later = new Date(AT.getTime() + 5000);
    const events = (platform: FakePlatform, kind: WebhookKind): WebhookEvent[] => [
      { ...eventFor(platform, kind, "create"), item_id: "1" },
      { ...eventFor(platform, kind, "create"), item_id: "2" },
      { ...eventFor(platform, kind, "create"), item_id: "3", at: later },
    ];
    const facebook = buildWebhookPayload("facebook", events("facebook", "comment"));
    expect((facebook.entry as Array<{ changes: unknown[] }>).map((e) => e.changes.length)).toEqual([2, 1]);
    for (const [platform, kind] of [
      ["facebook", "comment"],
      ["instagram", "reply"],
      ["threads", "mention"],
      ["linkedin", "repost"],
      ["x", "quote"],
    ] as const) {
      const observations = read(platform, buildWebhookPayload(platform, events(platform, kind)));
      expect(
        observations.map((o) => o.itemId),
        platform,
      ).toEqual(["1", "2", "3"]);
      // A Threads delivery has one time for all its values.
      const times = platform === "threads" ? [later, later, later] : [AT, AT, later];
      expect(
        observations.map((o) => o.observedAt),
        platform,
      ).toEqual(times);
    }
  });

  it("refuses what a platform never delivers", () => {
    expect(() => buildWebhookPayload("instagram", [eventFor("instagram", "comment", "edit")])).toThrow(
      "instagram delivers no edit of a comment",
    );
    expect(() => buildWebhookPayload("threads", [eventFor("threads", "comment", "create")])).toThrow();
    const two = [eventFor("x", "reply", "create"), { ...eventFor("x", "reply", "create"), account: "9" }];
    expect(() => buildWebhookPayload("x", two)).toThrow("one x delivery is for one account");
  });
});

describe("the fakes' signed deliveries", () => {
  const raw = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

  it("/_fake/webhooks/sign signs as signWebhook does, and each adapter verifies it", async () => {
    const body = JSON.stringify(buildWebhookPayload("linkedin", [eventFor("linkedin", "comment", "create")]));
    for (const platform of Object.keys(ADAPTERS) as FakePlatform[]) {
      const headers = await signWebhook(platform, "s3cret", body);
      expect(await signAtFake(platform, "s3cret", body), platform).toEqual(headers);
      expect(
        await ADAPTERS[platform].verifyWebhook(new Headers(headers), raw(body), "s3cret"),
        platform,
      ).toBe(true);
    }
  });

  it("/_fake/webhooks/deliver posts one signed delivery `copies` times, or a forged one", async () => {
    const deliver = async (forge: boolean) => {
      const response = await fetch(`${fakesOrigin()}/_fake/webhooks/deliver`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        // Nothing in workerd listens for the fake to call; the fakes' own 404 shows each copy went out.
        body: JSON.stringify({
          platform: "facebook",
          url: `${fakesOrigin()}/_fake/nowhere`,
          secret: "app-secret",
          events: [{ ...eventFor("facebook", "reply", "create"), at: AT.toISOString() }],
          copies: 3,
          forge,
        }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { statuses: number[]; body: string; headers: Record<string, string> };
    };
    const genuine = await deliver(false);
    expect(genuine.statuses).toEqual([404, 404, 404]);
    const event = eventFor("facebook", "reply", "create");
    expect(read("facebook", JSON.parse(genuine.body))).toEqual([expected("facebook", event)]);
    const verify = (d: { body: string; headers: Record<string, string> }) =>
      ADAPTERS.facebook.verifyWebhook(new Headers(d.headers), raw(d.body), "app-secret");
    expect(await verify(genuine)).toBe(true);
    const forged = await deliver(true);
    expect(forged.body).toBe(genuine.body);
    expect(await verify(forged)).toBe(false);
  });

  it("/_fake/webhooks/deliver refuses an event the platform has not", async () => {
    const response = await fetch(`${fakesOrigin()}/_fake/webhooks/deliver`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        platform: "instagram",
        url: `${fakesOrigin()}/_fake/nowhere`,
        secret: "s",
        events: [{ ...eventFor("instagram", "comment", "delete"), at: AT.toISOString() }],
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "instagram delivers no delete of a comment" });
  });
});
