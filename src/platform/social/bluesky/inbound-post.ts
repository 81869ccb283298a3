/**
 * A Bluesky post read into the inbound shape: from its record (what a notification carries) and,
 * where we have one, its view (what search answers, with image URLs). Mentions and tags come from
 * the record's facets, whose ranges are UTF-8 byte offsets into its text.
 */
import { asRecord, type Json, list, str } from "../http.ts";
import type { InboundAuthor, InboundContent, InboundKind } from "../inbound.ts";
import { atUriParts, POST_COLLECTION, postUrl } from "./records.ts";

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

export const dateOf = (value: unknown): Date | null => {
  const ms = Date.parse(str(value) ?? "");
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** `app.bsky.actor.defs#profileView(Basic)`; Bluesky gives no follower count in these views. */
export function authorOf(view: unknown): InboundAuthor {
  const actor = asRecord(view);
  return {
    platformId: str(actor.did),
    handle: str(actor.handle),
    name: str(actor.displayName),
    avatarUrl: str(actor.avatar),
    followers: null,
    accountCreatedAt: null,
  };
}

/** Where a person opens the record: bsky.app has pages for posts only. */
export function webUrlOf(uri: string): string | null {
  const ref = atUriParts(uri);
  return ref?.collection === POST_COLLECTION ? postUrl(ref.did, ref.rkey) : null;
}

/**
 * `@handles` and `#tags` of a post, lower-case and without their sigil. A mention facet names a DID;
 * the handle is the text it covers, which is what delegates' handles are matched against.
 */
function richTextOf(record: Json): { mentionedHandles: string[]; hashtags: string[] } {
  const text = str(record.text) ?? "";
  const bytes = utf8.encode(text);
  const handles = new Set<string>();
  const tags = new Set<string>();
  for (const facet of list(record.facets).map(asRecord)) {
    const index = asRecord(facet.index);
    for (const feature of list(facet.features).map(asRecord)) {
      if (feature.$type === "app.bsky.richtext.facet#tag") {
        const tag = str(feature.tag)?.replace(/^#/, "").toLowerCase();
        if (tag) tags.add(tag);
      } else if (feature.$type === "app.bsky.richtext.facet#mention") {
        const start = Number(index.byteStart);
        const end = Number(index.byteEnd);
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > bytes.length) continue;
        const covered = decoder.decode(bytes.slice(start, end));
        if (covered.startsWith("@") && covered.length > 1) handles.add(covered.slice(1).toLowerCase());
      }
    }
  }
  // Up to 8 more tags a post carries outside its text (the record's `tags`).
  for (const tag of list(record.tags)) {
    const value = str(tag)?.replace(/^#/, "").toLowerCase();
    if (value) tags.add(value);
  }
  return { mentionedHandles: [...handles], hashtags: [...tags] };
}

/** The post a record quotes: a record embed, alone or beside media. */
function quotedUriOf(record: Json): string | null {
  const embed = asRecord(record.embed);
  if (embed.$type === "app.bsky.embed.record") return str(asRecord(embed.record).uri);
  if (embed.$type === "app.bsky.embed.recordWithMedia") {
    return str(asRecord(asRecord(embed.record).record).uri);
  }
  return null;
}

/**
 * The post this one answers, as an AT URI (the form our published posts' ids take): a quote names
 * the quoted post first, anything else the parent it replies to.
 */
function answeredUriOf(kind: InboundKind, record: Json): string | null {
  const parent = str(asRecord(asRecord(record.reply).parent).uri);
  const quoted = quotedUriOf(record);
  return kind === "quote" ? (quoted ?? parent) : (parent ?? quoted);
}

/** Image URLs (full size) and a video's playlist from an embed view; records carry only blob refs. */
export function mediaUrlsOf(embedView: unknown): string[] {
  const view = asRecord(embedView);
  switch (view.$type) {
    case "app.bsky.embed.images#view":
      return list(view.images).flatMap((image) => str(asRecord(image).fullsize) ?? []);
    case "app.bsky.embed.video#view":
      return str(view.playlist) ? [str(view.playlist)!] : [];
    case "app.bsky.embed.recordWithMedia#view":
      return mediaUrlsOf(view.media);
    default:
      return [];
  }
}

/** A post record (`app.bsky.feed.post`) by `author` at `uri` as an inbound item of `kind`. */
export function postContent(
  kind: InboundKind,
  uri: string,
  record: Json,
  author: unknown,
  mediaUrls: string[],
): InboundContent {
  return {
    kind,
    url: webUrlOf(uri),
    text: str(record.text),
    language: str(list(record.langs)[0]),
    mediaUrls,
    author: authorOf(author),
    inReplyTo: answeredUriOf(kind, record),
    ...richTextOf(record),
    createdAt: dateOf(record.createdAt),
  };
}
