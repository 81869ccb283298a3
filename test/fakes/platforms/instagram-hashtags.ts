/**
 * Instagram's Hashtag Search in the fake: `GET /ig_hashtag_search?user_id&q` answers a hashtag's id
 * (global and fixed: the same name has the same id for every account), `GET /<hashtag-id>/recent_media
 * ?user_id&fields&limit&after` the public media with that hashtag in their caption from the last 24
 * hours, newest first, without usernames. An account may look up at most 30 distinct hashtags in a
 * rolling 7 days: a hashtag counts from its first lookup, looking it up again costs nothing, and the
 * 31st answers Graph error 24 (subcode 2207024).
 *
 * Control routes (`/_fake/instagram/…`): `POST /hashtag-media {caption, age_seconds?: 0, media_type?:
 * "IMAGE"}` adds a public post by a new account; `POST /hashtag-searches/age {account, seconds}`
 * makes an account's lookups look `seconds` older.
 */
import { createHash } from "node:crypto";
import { accepted, type FakeState, graphTime, json, type Reply, text } from "./core.ts";
import { type GraphRequest, graphError, missingParam, unsupportedObject } from "./meta/graph.ts";

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
const DISTINCT_HASHTAGS = 30;
const FIELDS = new Set([
  "id",
  "caption",
  "media_type",
  "media_url",
  "permalink",
  "timestamp",
  "comments_count",
  "like_count",
]);

/** Hashtag ids by name and names by id: global, like the platform's. */
const names = new Map<string, string>();
/** Per fake, per account: when each hashtag was first looked up (within the window). */
const lookups = new WeakMap<FakeState, Map<string, Map<string, number>>>();

const hashtagId = (name: string) => {
  const digits = BigInt(`0x${createHash("sha256").update(name).digest("hex").slice(0, 12)}`).toString();
  const id = `178${digits.padStart(14, "0").slice(0, 14)}`;
  names.set(id, name);
  return id;
};

function lookupsOf(state: FakeState, account: string): Map<string, number> {
  const byAccount = lookups.get(state) ?? new Map<string, Map<string, number>>();
  lookups.set(state, byAccount);
  const mine = byAccount.get(account) ?? new Map<string, number>();
  byAccount.set(account, mine);
  for (const [id, at] of mine) if (at <= Date.now() - WEEK_MS) mine.delete(id);
  return mine;
}

const captionTags = (caption: string) =>
  new Set([...caption.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => (m[1] ?? "").toLowerCase()));

function hashtagSearch(state: FakeState, graph: GraphRequest): Reply {
  const { me, p } = graph;
  if (text(p.user_id) !== me.userId)
    return missingParam("user_id must be the ID of the IG User performing the request");
  const q = text(p.q)?.replace(/^#/, "").toLowerCase();
  if (!q) return missingParam("The parameter q is required");
  const { f, reject } = graph.fault("find");
  if (reject) return reject;
  const id = hashtagId(q);
  const mine = lookupsOf(state, me.userId);
  if (!mine.has(id)) {
    if (mine.size >= DISTINCT_HASHTAGS) {
      return graphError(24, "(#24) The user has reached the limit of 30 unique hashtag searches in 7 days", {
        subcode: 2207024,
      });
    }
    mine.set(id, Date.now());
  }
  return accepted(f, json(200, { data: [{ id }] }));
}

function recentMedia(state: FakeState, graph: GraphRequest, id: string, base: string): Reply {
  const { me, p } = graph;
  const name = names.get(id);
  if (!name) return unsupportedObject(id);
  if (text(p.user_id) !== me.userId)
    return missingParam("user_id must be the ID of the IG User performing the request");
  const fields = (text(p.fields) ?? "id").split(",").filter(Boolean);
  const unknown = fields.find((field) => !FIELDS.has(field));
  if (unknown)
    return graphError(100, `(#100) Tried accessing nonexisting field (${unknown}) on node type (IGMedia)`);
  const limit = Math.min(Number(text(p.limit) ?? 25) || 25, 50);
  const offset = Number(Buffer.from(text(p.after) ?? "", "base64url").toString("utf8") || 0);
  const { f, reject } = graph.fault("find");
  if (reject) return reject;
  const hits = [...state.posts.values()]
    .filter((post) => post.platform === "instagram" && !post.deleted && post.createdAt > Date.now() - DAY_MS)
    .filter((post) => captionTags(post.text).has(name))
    .sort((a, b) => b.createdAt - a.createdAt);
  const data = hits.slice(offset, offset + limit).map((post) => {
    const container = state.containers.get(String(post.extra.containerId));
    const type = post.extra.media_type;
    const media: Record<string, unknown> = {
      id: post.id,
      caption: post.text,
      media_type: type === "CAROUSEL" ? "CAROUSEL_ALBUM" : type === "REELS" ? "VIDEO" : type,
      // A carousel's media are its children's: the album itself has no media_url.
      media_url:
        type === "CAROUSEL"
          ? undefined
          : (post.extra.media_url ?? container?.imageUrl ?? container?.videoUrl),
      permalink: post.extra.permalink,
      timestamp: graphTime(post.createdAt),
      comments_count: post.metrics.comments ?? 0,
      like_count: post.metrics.likes ?? 0,
    };
    return Object.fromEntries(
      fields.flatMap((field) => (media[field] === undefined ? [] : [[field, media[field]]])),
    );
  });
  const after = Buffer.from(String(offset + limit)).toString("base64url");
  const more = offset + limit < hits.length;
  const next = new URL(`${base}/v25.0/${id}/recent_media`);
  for (const [key, value] of Object.entries({ user_id: me.userId, fields: fields.join(","), limit, after })) {
    next.searchParams.set(key, String(value));
  }
  return accepted(
    f,
    json(200, {
      data,
      paging: {
        cursors: { after, before: Buffer.from(String(offset)).toString("base64url") },
        ...(more ? { next: next.toString() } : {}),
      },
    }),
  );
}

/** The Hashtag Search routes of the Graph API; null for any other route. */
export function hashtagRoute(
  state: FakeState,
  graph: GraphRequest,
  method: string,
  route: string,
  base: string,
): Reply | null {
  if (method !== "GET") return null;
  if (route === "/ig_hashtag_search") return hashtagSearch(state, graph);
  const recent = /^\/([^/]+)\/recent_media$/.exec(route);
  return recent?.[1] ? recentMedia(state, graph, recent[1], base) : null;
}

/** `/_fake/instagram/…` control routes; null for any other path. */
export function instagramControl(
  state: FakeState,
  method: string,
  path: string,
  body: Record<string, unknown>,
): Reply | null {
  if (method === "POST" && path === "/hashtag-media") {
    const caption = text(body.caption);
    if (!caption) return json(400, { error: "caption is required" });
    const owner = state.createUser("instagram");
    const id = state.nextId();
    const post = state.addPost({
      platform: "instagram",
      id,
      owner: owner.id,
      text: caption,
      media: [],
      link: null,
      createdAt: Date.now() - Number(body.age_seconds ?? 0) * 1000,
      extra: {
        media_type: text(body.media_type) ?? "IMAGE",
        media_url: `https://scontent.cdninstagram.test/${id}.jpg`,
        permalink: `https://www.instagram.com/p/${Buffer.from(id).toString("base64url").slice(0, 11)}/`,
      },
    });
    return json(201, {
      id,
      owner: owner.id,
      timestamp: graphTime(post.createdAt),
      permalink: post.extra.permalink,
    });
  }
  if (method === "POST" && path === "/hashtag-searches/age") {
    const account = text(body.account);
    const seconds = Number(body.seconds);
    if (!account || !Number.isFinite(seconds))
      return json(400, { error: "account and seconds are required" });
    const mine = lookups.get(state)?.get(account) ?? new Map<string, number>();
    for (const [id, at] of mine) mine.set(id, at - seconds * 1000);
    return json(200, { aged: mine.size });
  }
  return null;
}
