/**
 * Webhook deliveries built and signed as each platform builds and signs them, from one description
 * of what happened. Used by the fakes' `/_fake/webhooks/*` routes and by tests inside workerd, so
 * nothing here imports `node:` modules: WebCrypto (`crypto.subtle`) signs.
 */
import type { FakePlatform } from "./core.ts";

export type WebhookAction = "create" | "edit" | "delete";
export type WebhookKind = "mention" | "reply" | "comment" | "quote" | "repost";

export interface WebhookEvent {
  /** Our account it is delivered to, as the platform names it (X user id, Page id, IG account id, Threads user id, LinkedIn organization URN). */
  account: string;
  /** The item's id on the platform (for an X edit, the original tweet's). */
  item_id: string;
  action: WebhookAction;
  kind: WebhookKind;
  text: string;
  /** Our post it answers, comments on, quotes or reposts. */
  in_reply_to?: string;
  /** The comment a reply answers (Facebook, Instagram); one is made up when absent. */
  parent_comment?: string;
  /** Who wrote it (`created`: when their account was made, which X tells). */
  author?: { id: string; handle: string; name: string; created?: Date };
  at: Date;
  /** X puts these in the tweet's entities; elsewhere they are only in the text. */
  hashtags?: string[];
  mentions?: string[];
}

/** What each platform delivers: the kinds, and the actions it reports on them. */
const SUPPORTED: Record<FakePlatform, Partial<Record<WebhookKind, readonly WebhookAction[]>>> = {
  x: {
    mention: ["create", "edit", "delete"],
    reply: ["create", "edit", "delete"],
    quote: ["create", "edit", "delete"],
    repost: ["create", "delete"],
  },
  facebook: {
    comment: ["create", "edit", "delete"],
    reply: ["create", "edit", "delete"],
    mention: ["create", "edit", "delete"],
    repost: ["create", "delete"],
  },
  // Instagram reports new comments and mentions only: no edits, no deletions.
  instagram: { comment: ["create"], reply: ["create"], mention: ["create"] },
  threads: { reply: ["create", "delete"], mention: ["create", "delete"] },
  linkedin: { comment: ["create", "edit", "delete"], repost: ["create"], mention: ["create"] },
};

const DEFAULT_AUTHOR: NonNullable<WebhookEvent["author"]> = {
  id: "7700000001",
  handle: "summit_fan",
  name: "Summit Fan",
};
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);
const pad = (n: number) => String(n).padStart(2, "0");
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** X v1.1's `Wed Oct 10 20:19:24 +0000 2018`. */
const v11Date = (d: Date) =>
  `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
/** The Graph's `2024-08-07T10:33:16+0000`. */
const graphDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "+0000");

function target(event: WebhookEvent): string {
  if (!event.in_reply_to) throw new Error(`a ${event.kind} needs in_reply_to (the post it answers)`);
  return event.in_reply_to;
}

const parentOf = (event: WebhookEvent) => event.parent_comment ?? `${target(event)}_1`;

function oneAccount(platform: FakePlatform, events: readonly WebhookEvent[]): string {
  const accounts = new Set(events.map((e) => e.account));
  if (accounts.size !== 1) throw new Error(`one ${platform} delivery is for one account`);
  return events[0]?.account ?? "";
}

/** When the fakes' X authors made their accounts, unless an event says otherwise. */
const X_ACCOUNTS_SINCE = new Date("2015-06-01T00:00:00Z");

/** Where X's avatars live (its image CDN); the fakes' server points deliveries at its own stand-in. */
const X_IMAGES = "https://pbs.twimg.com";

function xTweet(event: WebhookEvent, imageOrigin = X_IMAGES) {
  const author = event.author ?? DEFAULT_AUTHOR;
  // An edit is a new tweet, with an id of its own, that names the one it edits.
  const id = event.action === "edit" ? `${event.item_id}${event.at.getTime()}` : event.item_id;
  const at = (needle: string) => {
    const start = event.text.toLowerCase().indexOf(needle.toLowerCase());
    return start < 0 ? [0, 0] : [start, start + needle.length];
  };
  const entities = {
    hashtags: (event.hashtags ?? []).map((text) => ({ text, indices: at(`#${text}`) })),
    user_mentions: (event.mentions ?? []).map((screen_name) => ({
      screen_name,
      indices: at(`@${screen_name}`),
    })),
    urls: [],
  };
  // Past 140 characters, v1.1 truncates `text` and puts the whole of it in extended_tweet.
  const long = event.text.length > 140;
  return {
    id_str: id,
    created_at: v11Date(event.at),
    timestamp_ms: String(event.at.getTime()),
    text: long ? `${event.text.slice(0, 139)}…` : event.text,
    truncated: long,
    ...(long ? { extended_tweet: { full_text: event.text, entities } } : {}),
    lang: "en",
    user: {
      id_str: author.id,
      screen_name: author.handle,
      name: author.name,
      profile_image_url_https: `${imageOrigin}/profile_images/${author.id}/photo_normal.jpg`,
      followers_count: 1200,
      created_at: v11Date(author.created ?? X_ACCOUNTS_SINCE),
    },
    in_reply_to_status_id_str: event.kind === "reply" ? target(event) : null,
    in_reply_to_user_id_str: event.kind === "reply" ? event.account : null,
    is_quote_status: event.kind === "quote",
    ...(event.kind === "quote"
      ? {
          quoted_status_id_str: target(event),
          quoted_status: { id_str: target(event), user: { id_str: event.account } },
        }
      : {}),
    ...(event.kind === "repost"
      ? { retweeted_status: { id_str: target(event), user: { id_str: event.account }, text: event.text } }
      : {}),
    ...(event.action === "edit"
      ? { edit_history: { initial_tweet_id: event.item_id, edit_tweet_ids: [event.item_id, id] } }
      : {}),
    entities,
  };
}

function xDelivery(events: readonly WebhookEvent[], imageOrigin?: string) {
  const created = events.filter((e) => e.action !== "delete").map((e) => xTweet(e, imageOrigin));
  const deleted = events
    .filter((e) => e.action === "delete")
    .map((e) => ({
      status: { id: e.item_id, user_id: (e.author ?? DEFAULT_AUTHOR).id },
      timestamp_ms: String(e.at.getTime()),
    }));
  return {
    for_user_id: oneAccount("x", events),
    ...(events.some((e) => e.kind === "mention") ? { user_has_blocked: "false" } : {}),
    ...(created.length > 0 ? { tweet_create_events: created } : {}),
    ...(deleted.length > 0 ? { tweet_delete_events: deleted } : {}),
  };
}

const FACEBOOK_VERBS: Record<WebhookAction, string> = { create: "add", edit: "edited", delete: "remove" };

function facebookChange(event: WebhookEvent) {
  const author = event.author ?? DEFAULT_AUTHOR;
  const common = {
    verb: FACEBOOK_VERBS[event.action],
    from: { id: author.id, name: author.name },
    created_time: seconds(event.at),
    ...(event.action === "delete" ? {} : { message: event.text }),
  };
  const item =
    event.kind === "mention"
      ? { item: "post", post_id: event.item_id }
      : event.kind === "repost"
        ? { item: "share", share_id: event.item_id, post_id: target(event) }
        : {
            item: "comment",
            comment_id: event.item_id,
            post_id: target(event),
            parent_id: event.kind === "reply" ? parentOf(event) : target(event),
          };
  return { field: "feed", value: { ...item, ...common } };
}

function instagramChange(event: WebhookEvent) {
  const author = event.author ?? DEFAULT_AUTHOR;
  if (event.kind === "mention") {
    // A mention in a comment names the comment and its media; one in a caption, the media alone.
    const value = event.in_reply_to
      ? { media_id: event.in_reply_to, comment_id: event.item_id }
      : { media_id: event.item_id };
    return { field: "mentions", value };
  }
  const value = {
    id: event.item_id,
    from: { id: author.id, username: author.handle },
    text: event.text,
    media: { id: target(event), media_product_type: "FEED" },
    ...(event.kind === "reply" ? { parent_id: parentOf(event) } : {}),
  };
  return { field: "comments", value };
}

/** Meta batches: one entry per account and second, each with every change of that moment. */
function metaDelivery(object: string, events: readonly WebhookEvent[], change: (e: WebhookEvent) => unknown) {
  const entry: Array<{ id: string; time: number; changes: unknown[] }> = [];
  for (const event of events) {
    const time = seconds(event.at);
    let found = entry.find((e) => e.id === event.account && e.time === time);
    if (!found) {
      found = { id: event.account, time, changes: [] };
      entry.push(found);
    }
    found.changes.push(change(event));
  }
  return { object, entry };
}

function threadsValue(event: WebhookEvent) {
  if (event.action === "delete") return { field: "delete", value: { id: event.item_id } };
  const author = event.author ?? DEFAULT_AUTHOR;
  const answered = event.kind === "reply" ? target(event) : event.in_reply_to;
  const shortcode = `C${event.item_id}`;
  const value = {
    id: event.item_id,
    username: author.handle,
    text: event.text,
    media_type: "TEXT_POST",
    permalink: `https://www.threads.net/@${author.handle}/post/${shortcode}`,
    shortcode,
    timestamp: graphDate(event.at),
    ...(answered
      ? { replied_to: { id: answered }, root_post: { id: answered, owner_id: event.account } }
      : {}),
  };
  return { field: event.kind === "reply" ? "replies" : "mentions", value };
}

function threadsDelivery(events: readonly WebhookEvent[]) {
  const values = events.map(threadsValue);
  return {
    app_id: "4455000001",
    topic: "moderate",
    target_id: oneAccount("threads", events),
    time: Math.max(...events.map((e) => seconds(e.at))),
    subscription_id: "4455000002",
    has_uid_field: false,
    values: values.length === 1 ? values[0] : values,
  };
}

const LINKEDIN_ACTIONS: Partial<Record<WebhookKind, Partial<Record<WebhookAction, string>>>> = {
  comment: { create: "COMMENT", edit: "COMMENT_EDIT", delete: "COMMENT_DELETE" },
  repost: { create: "SHARE" },
  mention: { create: "SHARE_MENTION" },
};

/** LinkedIn repeats a notification's id when it redelivers it: the same event, the same id. */
function notificationId(event: WebhookEvent): number {
  let hash = 7;
  for (const char of `${event.item_id}|${event.action}|${event.at.getTime()}`) {
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 2_147_483_647;
  }
  return hash;
}

function linkedInNotification(event: WebhookEvent) {
  const author = event.author ?? { ...DEFAULT_AUTHOR, id: "urn:li:person:summitfan" };
  const activity = { text: event.text, owner: author.id };
  return {
    notificationId: notificationId(event),
    organizationalEntity: event.account,
    action: LINKEDIN_ACTIONS[event.kind]?.[event.action],
    sourcePost: event.kind === "mention" ? (event.in_reply_to ?? event.item_id) : target(event),
    generatedActivity: event.item_id,
    ...(event.action === "delete"
      ? {}
      : {
          decoratedGeneratedActivity: event.kind === "comment" ? { comment: activity } : { share: activity },
        }),
    lastModifiedAt: event.at.getTime(),
    subscriber: "urn:li:person:guddu-admin",
  };
}

/** The body `platform` delivers for `events`, as JSON-ready data; throws when the platform has no such event. */
export function buildWebhookPayload(
  platform: FakePlatform,
  events: readonly WebhookEvent[],
  options: { imageOrigin?: string } = {},
): Record<string, unknown> {
  if (events.length === 0) throw new Error("a delivery has at least one event");
  for (const event of events) {
    if (!SUPPORTED[platform][event.kind]?.includes(event.action)) {
      throw new Error(`${platform} delivers no ${event.action} of a ${event.kind}`);
    }
  }
  if (platform === "x") return xDelivery(events, options.imageOrigin);
  if (platform === "facebook") return metaDelivery("page", events, facebookChange);
  if (platform === "instagram") return metaDelivery("instagram", events, instagramChange);
  if (platform === "threads") return threadsDelivery(events);
  return {
    type: "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS",
    notifications: events.map(linkedInNotification),
  };
}

const KINDS: readonly string[] = ["mention", "reply", "comment", "quote", "repost"];
const ACTIONS: readonly string[] = ["create", "edit", "delete"];

/** Events as JSON describes them (`at` an ISO time); throws with what is wrong. */
export function parseWebhookEvents(value: unknown): WebhookEvent[] {
  if (!Array.isArray(value)) throw new Error("events must be a list");
  return value.map((raw: Record<string, unknown>, index) => {
    const at = new Date(typeof raw?.at === "string" ? raw.at : Number.NaN);
    const strings = ["account", "item_id", "text"].every((k) => typeof raw?.[k] === "string");
    if (!strings || !KINDS.includes(String(raw.kind)) || !ACTIONS.includes(String(raw.action))) {
      throw new Error(
        `events[${index}] needs account, item_id, text, kind (${KINDS}) and action (${ACTIONS})`,
      );
    }
    if (Number.isNaN(at.getTime())) throw new Error(`events[${index}].at must be an ISO time`);
    return { ...(raw as unknown as WebhookEvent), at };
  });
}

const encoder = new TextEncoder();
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function hmac(secret: string, data: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
}

/**
 * The signature headers `platform` sends with `body`: X `sha256=<base64 HMAC>`, Meta and Threads
 * `sha256=<hex HMAC>`, LinkedIn the literal reading of its docs, hex HMAC over `hmacsha256=` + body.
 */
export async function signWebhook(
  platform: FakePlatform,
  secret: string,
  body: Uint8Array | string,
): Promise<Record<string, string>> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  if (platform === "linkedin") {
    return {
      "x-li-signature": hex(await hmac(secret, new Uint8Array([...encoder.encode("hmacsha256="), ...bytes]))),
    };
  }
  const mac = await hmac(secret, bytes);
  return platform === "x"
    ? { "x-twitter-webhooks-signature": `sha256=${base64(mac)}` }
    : { "x-hub-signature-256": `sha256=${hex(mac)}` };
}
