/**
 * What the fake AppView derives from a repository record, as Bluesky's AppView does when it indexes
 * the firehose: the post view (`app.bsky.feed.defs#postView`, with embed views whose image URLs
 * follow the real CDN's pattern), the tags it is found by, and who gets a notification for it.
 */

export type Json = Record<string, unknown>;

export const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asJson = (value: unknown): Json => (isJson(value) ? value : {});
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strOf = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** `app.bsky.actor.defs#profileViewBasic`: what a notification or a post names its author by. */
export interface Actor {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
}

export interface AtUri {
  did: string;
  collection: string;
  rkey: string;
}

export function parseAtUri(uri: unknown): AtUri | null {
  const match = /^at:\/\/(did:[^/]+)\/([^/]+)\/([^/]+)$/.exec(strOf(uri) ?? "");
  return match ? { did: match[1]!, collection: match[2]!, rkey: match[3]! } : null;
}

/** A blob ref as JSON (`{$type: "blob", ref: {$link: cid}, mimeType, size}`) → its CID. */
const blobCid = (blob: unknown) => strOf(asJson(asJson(blob).ref).$link);

/** The earlier of two ISO times: a post's sort time, so a post dated in the future sorts as indexed. */
export const earlier = (a: string, b: string) => (a < b ? a : b);

/** The real CDN's URL shapes: a client loads these, the AppView never serves bytes itself. */
export const cdnUrl = (kind: "avatar" | "feed_thumbnail" | "feed_fullsize", did: string, cid: string) =>
  `https://cdn.bsky.app/img/${kind}/plain/${did}/${cid}@jpeg`;

export const actorView = (actor: Actor): Json => ({ ...actor, labels: [] });

/** Posts already indexed, by URI: quotes show them as `viewRecord`s. */
export type PostLookup = (uri: string) => { view: Json } | undefined;

function imagesView(embed: Json, did: string): Json {
  return {
    $type: "app.bsky.embed.images#view",
    images: listOf(embed.images).map((item) => {
      const image = asJson(item);
      const cid = blobCid(image.image) ?? "";
      return {
        thumb: cdnUrl("feed_thumbnail", did, cid),
        fullsize: cdnUrl("feed_fullsize", did, cid),
        alt: strOf(image.alt) ?? "",
        ...(image.aspectRatio ? { aspectRatio: image.aspectRatio } : {}),
      };
    }),
  };
}

function mediaView(embed: Json, did: string): Json | undefined {
  switch (embed.$type) {
    case "app.bsky.embed.images":
      return imagesView(embed, did);
    case "app.bsky.embed.video": {
      const cid = blobCid(embed.video) ?? "";
      return {
        $type: "app.bsky.embed.video#view",
        cid,
        playlist: `https://video.bsky.app/watch/${did}/${cid}/playlist.m3u8`,
        thumbnail: `https://video.bsky.app/watch/${did}/${cid}/thumbnail.jpg`,
      };
    }
    case "app.bsky.embed.external":
      return { $type: "app.bsky.embed.external#view", external: asJson(embed.external) };
    default:
      return undefined;
  }
}

function quotedView(ref: unknown, lookup: PostLookup): Json {
  const uri = strOf(asJson(ref).uri) ?? "";
  const found = lookup(uri)?.view;
  if (!found) return { $type: "app.bsky.embed.record#viewNotFound", uri, notFound: true };
  return {
    $type: "app.bsky.embed.record#viewRecord",
    uri,
    cid: found.cid,
    author: found.author,
    value: found.record,
    indexedAt: found.indexedAt,
  };
}

function embedView(embed: unknown, did: string, lookup: PostLookup): Json | undefined {
  const value = asJson(embed);
  if (value.$type === "app.bsky.embed.record") {
    return { $type: "app.bsky.embed.record#view", record: quotedView(value.record, lookup) };
  }
  if (value.$type === "app.bsky.embed.recordWithMedia") {
    return {
      $type: "app.bsky.embed.recordWithMedia#view",
      record: { record: quotedView(asJson(value.record).record, lookup) },
      media: mediaView(asJson(value.media), did),
    };
  }
  return mediaView(value, did);
}

/** The post a record quotes (a record embed, alone or with media), if any. */
export function quotedUri(record: Json): string | null {
  const embed = asJson(record.embed);
  if (embed.$type === "app.bsky.embed.record") return strOf(asJson(embed.record).uri);
  if (embed.$type === "app.bsky.embed.recordWithMedia") {
    return strOf(asJson(asJson(embed.record).record).uri);
  }
  return null;
}

export interface Counts {
  likeCount: number;
  repostCount: number;
  replyCount: number;
  quoteCount: number;
}

export function postView(
  post: { uri: string; cid: string; record: Json; author: Actor; indexedAt: string },
  counts: Counts,
  lookup: PostLookup,
): Json {
  const embed = embedView(post.record.embed, post.author.did, lookup);
  return {
    $type: "app.bsky.feed.defs#postView",
    uri: post.uri,
    cid: post.cid,
    author: actorView(post.author),
    record: post.record,
    ...(embed ? { embed } : {}),
    ...counts,
    bookmarkCount: 0,
    indexedAt: post.indexedAt,
    labels: [],
  };
}

/** The tags a search by `tag` finds a post by: its #tag facets and its `tags` field, lower-case. */
export function tagsOf(record: Json): string[] {
  const tags = new Set<string>();
  for (const facet of listOf(record.facets)) {
    for (const feature of listOf(asJson(facet).features)) {
      const { $type, tag } = asJson(feature);
      if ($type === "app.bsky.richtext.facet#tag" && typeof tag === "string") tags.add(tag.toLowerCase());
    }
  }
  for (const tag of listOf(record.tags)) {
    if (typeof tag === "string") tags.add(tag.toLowerCase());
  }
  return [...tags];
}

const mentionedDids = (record: Json) =>
  listOf(record.facets).flatMap((facet) =>
    listOf(asJson(facet).features).flatMap((feature) => {
      const { $type, did } = asJson(feature);
      return $type === "app.bsky.richtext.facet#mention" && typeof did === "string" ? [did] : [];
    }),
  );

export interface NotificationFor {
  recipient: string;
  reason: string;
  reasonSubject?: string;
}

/**
 * Who is notified of this record, in the AppView's order (mentions, then the quoted author, then the
 * reply's parent and root authors), each account once and never the author themself.
 */
export function notificationsFor(uri: AtUri, record: Json): NotificationFor[] {
  const found: NotificationFor[] = [];
  const add = (recipient: string | undefined, reason: string, reasonSubject?: string | null) => {
    if (!recipient || recipient === uri.did || found.some((n) => n.recipient === recipient)) return;
    found.push({ recipient, reason, ...(reasonSubject ? { reasonSubject } : {}) });
  };
  const subject = strOf(asJson(record.subject).uri);
  switch (uri.collection) {
    case "app.bsky.feed.post": {
      for (const did of mentionedDids(record)) add(did, "mention");
      const quoted = quotedUri(record);
      add(parseAtUri(quoted)?.did, "quote", quoted);
      const reply = asJson(record.reply);
      for (const ref of [reply.parent, reply.root]) {
        const parent = strOf(asJson(ref).uri);
        add(parseAtUri(parent)?.did, "reply", parent);
      }
      break;
    }
    case "app.bsky.feed.repost":
    case "app.bsky.feed.like":
      add(parseAtUri(subject)?.did, uri.collection === "app.bsky.feed.like" ? "like" : "repost", subject);
      break;
    case "app.bsky.graph.follow":
      add(strOf(record.subject) ?? undefined, "follow");
      break;
  }
  return found;
}
