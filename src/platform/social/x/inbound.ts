/**
 * X Account Activity deliveries read into observations: `{for_user_id, tweet_create_events: [v1.1
 * Tweet], tweet_delete_events: [{status: {id, user_id}, timestamp_ms}], …}`. Every tweet but the
 * account's own is an item (a mention, reply, quote or retweet of it); likes, follows and the
 * `user_event` of a revoked app are not.
 */
import { z } from "zod";
import type { InboundAuthor, InboundContent, InboundKind, InboundObservation } from "../inbound.ts";

const Envelope = z.looseObject({
  for_user_id: z.string().min(1),
  tweet_create_events: z.array(z.unknown()).optional(),
  tweet_delete_events: z.array(z.unknown()).optional(),
});
const Entities = z.looseObject({
  hashtags: z.array(z.looseObject({ text: z.string() })).nullish(),
  user_mentions: z.array(z.looseObject({ screen_name: z.string() })).nullish(),
  media: z.array(z.looseObject({ media_url_https: z.string() })).nullish(),
});
const User = z.looseObject({
  id_str: z.string().nullish(),
  screen_name: z.string().nullish(),
  name: z.string().nullish(),
  profile_image_url_https: z.string().nullish(),
  followers_count: z.number().nullish(),
  created_at: z.string().nullish(),
});
const Tweet = z.looseObject({
  id_str: z.string().min(1),
  text: z.string().nullish(),
  full_text: z.string().nullish(),
  created_at: z.string().nullish(),
  timestamp_ms: z.string().nullish(),
  user: User.nullish(),
  lang: z.string().nullish(),
  in_reply_to_status_id_str: z.string().nullish(),
  is_quote_status: z.boolean().nullish(),
  quoted_status_id_str: z.string().nullish(),
  quoted_status: z.looseObject({ id_str: z.string() }).nullish(),
  retweeted_status: z.looseObject({ id_str: z.string() }).nullish(),
  entities: Entities.nullish(),
  extended_entities: Entities.nullish(),
  extended_tweet: z
    .looseObject({
      full_text: z.string().nullish(),
      entities: Entities.nullish(),
      extended_entities: Entities.nullish(),
    })
    .nullish(),
  edit_history: z.looseObject({ initial_tweet_id: z.string().min(1) }).nullish(),
  edit_history_tweet_ids: z.array(z.string().min(1)).nullish(),
});
type Tweet = z.infer<typeof Tweet>;
const Deletion = z.looseObject({
  status: z.looseObject({ id: z.string().min(1), user_id: z.string().nullish() }),
  timestamp_ms: z.string(),
});

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const V11_DATE =
  /^[A-Z][a-z]{2} (?<mon>[A-Z][a-z]{2}) (?<day>\d{2}) (?<time>\d{2}:\d{2}:\d{2}) (?<offsetHours>[+-]\d{2})(?<offsetMinutes>\d{2}) (?<year>\d{4})$/;

/** v1.1's `Wed Oct 10 20:19:24 +0000 2018`, which `Date` is not bound to parse, as ISO 8601. */
function v11Date(value: string | null | undefined): Date | null {
  const parts = value ? V11_DATE.exec(value)?.groups : undefined;
  const month = parts ? MONTHS.indexOf(parts.mon ?? "") + 1 : 0;
  if (!parts || month === 0) return null;
  const { day, time, offsetHours, offsetMinutes, year } = parts;
  const iso = `${year}-${String(month).padStart(2, "0")}-${day}T${time}${offsetHours}:${offsetMinutes}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function msDate(value: string | null | undefined): Date | null {
  const date = value && /^\d+$/.test(value) ? new Date(Number(value)) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** A retweet of a quote also says `is_quote_status`, so the retweet is recognised first. */
function kindOf(tweet: Tweet): { kind: InboundKind; inReplyTo: string | null } {
  if (tweet.retweeted_status) return { kind: "repost", inReplyTo: tweet.retweeted_status.id_str };
  if (tweet.is_quote_status || tweet.quoted_status_id_str) {
    return { kind: "quote", inReplyTo: tweet.quoted_status_id_str ?? tweet.quoted_status?.id_str ?? null };
  }
  const inReplyTo = tweet.in_reply_to_status_id_str ?? null;
  return { kind: inReplyTo ? "reply" : "mention", inReplyTo };
}

const lowerUnique = (values: string[]) => [...new Set(values.map((v) => v.toLowerCase()))];

function contentOf(tweet: Tweet, edited: boolean): InboundContent {
  const extended = tweet.extended_tweet;
  // Past 140 characters the entities live in extended_tweet; only extended_entities lists every medium.
  const entities = extended?.entities ?? tweet.entities;
  const media = extended?.extended_entities ?? tweet.extended_entities ?? entities;
  const user = tweet.user;
  const author: InboundAuthor = {
    platformId: user?.id_str ?? null,
    handle: user?.screen_name ?? null,
    name: user?.name ?? null,
    avatarUrl: user?.profile_image_url_https ?? null,
    followers: user?.followers_count ?? null,
    accountCreatedAt: v11Date(user?.created_at),
  };
  return {
    ...kindOf(tweet),
    url: `https://x.com/${user?.screen_name ?? "i"}/status/${tweet.id_str}`,
    text: extended?.full_text ?? tweet.full_text ?? tweet.text ?? null,
    language: tweet.lang && tweet.lang !== "und" ? tweet.lang : null,
    mediaUrls: [...new Set((media?.media ?? []).map((m) => m.media_url_https))],
    author,
    mentionedHandles: lowerUnique((entities?.user_mentions ?? []).map((m) => m.screen_name)),
    hashtags: lowerUnique((entities?.hashtags ?? []).map((h) => h.text)),
    // An edit is a new tweet with its own created_at; the original's time is the item's.
    createdAt: edited ? null : v11Date(tweet.created_at),
  };
}

export function readXWebhook(payload: unknown): InboundObservation[] {
  const envelope = Envelope.safeParse(payload);
  if (!envelope.success) return [];
  const recipient = envelope.data.for_user_id;
  const created = (envelope.data.tweet_create_events ?? []).flatMap((raw): InboundObservation[] => {
    const parsed = Tweet.safeParse(raw);
    if (!parsed.success || parsed.data.user?.id_str === recipient) return [];
    const tweet = parsed.data;
    // An edit names the tweet it edits, so every version is one item, in the state of the latest.
    const itemId = tweet.edit_history?.initial_tweet_id ?? tweet.edit_history_tweet_ids?.[0] ?? tweet.id_str;
    const observedAt = msDate(tweet.timestamp_ms) ?? v11Date(tweet.created_at);
    if (!observedAt) return [];
    const content = contentOf(tweet, itemId !== tweet.id_str);
    return [{ platform: "x", recipient, itemId, observedAt, content }];
  });
  const deleted = (envelope.data.tweet_delete_events ?? []).flatMap((raw): InboundObservation[] => {
    const parsed = Deletion.safeParse(raw);
    const observedAt = parsed.success ? msDate(parsed.data.timestamp_ms) : null;
    if (!parsed.success || !observedAt || parsed.data.status.user_id === recipient) return [];
    return [{ platform: "x", recipient, itemId: parsed.data.status.id, observedAt, content: null }];
  });
  return [...created, ...deleted];
}
