/**
 * Post text as the platforms count and split it: the caption with its hashtags, a thread cut into
 * its posts, lengths in graphemes, UTF-8 bytes, code points, X's weighted characters and Threads'
 * count (links, hashtags and mentions: platform/text-entities.ts). Pure functions; `§n.m` is a section of
 * docs/platform-contracts.md.
 */
import type { Platform } from "../../db/schema/columns.ts";
import { extractHashtags, TRAILING_PUNCTUATION, URL_PATTERN } from "../../platform/text-entities.ts";

export const CONTENT_TYPES = [
  "post",
  "thread",
  "story",
  "reel",
  "article",
  "announcement",
  "quote_card",
  "live_update",
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** A post of a thread ends at a line holding only `---` (three or more dashes). */
const THREAD_SEPARATOR = /\n[ \t]*-{3,}[ \t]*(?:\n|$)/;

/** Platforms whose posts can be chained into a thread (§1.2 reply, §2.2 thread, §6.2 thread chain). */
const THREADING: ReadonlySet<Platform> = new Set(["bluesky", "x", "threads"]);

/**
 * The text that is published: the caption, then the hashtags it does not already contain on a line
 * of their own. The publishing adapters use this too, so what is checked is what is sent.
 */
export function composePostText(caption: string | null, hashtags: readonly string[]): string {
  const text = (caption ?? "").trim();
  const present = new Set(extractHashtags(text).map((tag) => tag.toLocaleLowerCase("en")));
  const missing = hashtags.filter((tag) => !present.has(tag.replace(/^#/, "").toLocaleLowerCase("en")));
  if (missing.length === 0) return text;
  return text ? `${text}\n\n${missing.join(" ")}` : missing.join(" ");
}

/**
 * The posts `text` becomes on `platform`: a `thread` is split at its separators where the platform
 * threads, and published as one post (parts joined by a blank line) where it does not.
 */
export function postsOf(contentType: ContentType, text: string, platform: Platform): string[] {
  if (contentType !== "thread") return [text];
  const parts = text
    .split(THREAD_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) return [""];
  return THREADING.has(platform) ? parts : [parts.join("\n\n")];
}

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function graphemeCount(text: string): number {
  return graphemes(text).length;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function codePointLength(text: string): number {
  return [...text].length;
}

/** Ranges of code points that weigh 100 on X; every other code point weighs 200 (§2.3, config v3). */
const X_LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const X_URL_LENGTH = 23;

function xCodePointWeight(codePoint: number): number {
  return X_LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 100 : 200;
}

/**
 * X's weighted length (§2.3, twitter-text `parseTweet` with config v3): the NFC text, every URL
 * counting 23, every emoji (a whole ZWJ sequence, flag or keycap) 2, other code points 1 or 2 by
 * their range.
 */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize("NFC");
  let weight = 0;
  let rest = "";
  let last = 0;
  for (const match of normalized.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    if (!url) continue;
    rest += normalized.slice(last, match.index);
    weight += X_URL_LENGTH * 100;
    last = match.index + url.length;
  }
  rest += normalized.slice(last);
  for (const grapheme of graphemes(rest)) {
    if (EMOJI.test(grapheme)) {
      weight += 200;
      continue;
    }
    for (const char of grapheme) weight += xCodePointWeight(char.codePointAt(0) ?? 0);
  }
  return weight / 100;
}

/** Threads' count (§6.3): emoji count as their UTF-8 byte length; other characters one each. */
export function threadsLength(text: string): number {
  let length = 0;
  for (const grapheme of graphemes(text)) {
    length += EMOJI.test(grapheme) ? utf8Length(grapheme) : codePointLength(grapheme);
  }
  return length;
}
