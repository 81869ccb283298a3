/**
 * What each platform accepts, as pure functions: caption length as the platform counts it, hashtag,
 * mention and link counts, and the number, kind, size and shape of the attached media. Used by
 * `POST /v1/content/{id}/validate` and before content may become `scheduled`, so the two never
 * disagree. The numbers come from docs/platforms.md, and `§n.m` below is its section n.m (§1.3 =
 * Bluesky › Limits); where it says a limit is unknown ([?]) there is no rule, rather than a guess.
 *
 * "MB" there is read as 2^20 bytes (the platforms do not say which); Bluesky's limits are exact
 * byte counts and used as such.
 */
import type { Platform } from "../../db/schema/columns.ts";

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

export const RULES = [
  "target_platforms",
  "scheduled_for",
  "media_missing",
  "caption_length",
  "caption_bytes",
  "hashtag_count",
  "mention_count",
  "link_count",
  "media_required",
  "media_count",
  "media_type",
  "media_size",
  "media_dimensions",
  "media_duration",
  "media_mix",
] as const;
export type RuleName = (typeof RULES)[number];

export interface RuleFailure {
  /** null: the failure concerns the content whatever the platform (no platforms, a missing asset). */
  platform: Platform | null;
  rule: RuleName;
  message: string;
  limit: number | string | null;
  actual: number | string | null;
  /** The asset a media rule is about. */
  media_id?: string;
}

/** What the rules need to know about an attached media asset (a `media_assets` row). */
export interface RuleMedia {
  id: string;
  fileType: string;
  mimeType: string;
  fileSize: number;
  width: number | null;
  height: number | null;
  /** Known for processed videos; rules on duration are skipped when it is not. */
  durationMs?: number | null;
}

export interface RuleInput {
  contentType: ContentType;
  caption: string | null;
  hashtags: readonly string[];
  /** The attached ids in display order, and the rows found for them (missing ones are a failure). */
  mediaIds: readonly string[];
  media: readonly RuleMedia[];
  targetPlatforms: readonly Platform[];
}

const MiB = 1024 * 1024;

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

const GENERIC_TLDS =
  "com|net|org|info|biz|edu|gov|int|mil|io|dev|app|xyz|online|site|tech|store|blog|news|media|events|africa|global|world|live|social";
/**
 * URLs as X and Threads find them, simplified from twitter-text's extractor: with a scheme, or a bare
 * domain under a generic TLD, or a bare domain under a two-letter country TLD followed by a path
 * (twitter-text does not link `example.ke` alone). Trailing punctuation is not part of the URL.
 */
const URL_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@.])(?:https?:\/\/[^\s<>"]+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:(?:${GENERIC_TLDS})\b(?:[/?#][^\s<>"]*)?|[a-z]{2}\/[^\s<>"]*))`,
  "giu",
);
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}]+$/;

export function extractUrls(text: string): string[] {
  return Array.from(text.matchAll(URL_PATTERN), (m) => m[0].replace(TRAILING_PUNCTUATION, "")).filter(
    (url) => url.length > 0,
  );
}

/** Hashtags without their `#`: a letter, digit or `_` run that is not only digits. */
export function extractHashtags(text: string): string[] {
  return Array.from(
    text.matchAll(/(?<![\p{L}\p{N}_&#])[#＃]([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu),
    (m) => m[1] ?? "",
  );
}

/** @-mentions without their `@` (an email address is not one). */
export function extractMentions(text: string): string[] {
  return Array.from(
    text.matchAll(/(?<![\p{L}\p{N}_.@])[@＠]([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/gu),
    (m) => m[1] ?? "",
  );
}

const distinct = (values: string[]) => new Set(values.map((v) => v.toLocaleLowerCase("en"))).size;

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

type Kind = "image" | "gif" | "video" | "document" | "audio" | "other";

function kindOf(media: RuleMedia): Kind {
  const mime = media.mimeType.toLowerCase();
  if (mime === "image/gif") return "gif";
  if (mime.startsWith("image/")) return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime.startsWith("audio/")) return "audio";
  if (media.fileType === "document" || mime === "application/pdf") return "document";
  return "other";
}

interface Check {
  platform: Platform;
  fail: (failure: Omit<RuleFailure, "platform">) => void;
}

const megabytes = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MB`;

function checkType(check: Check, media: RuleMedia, allowed: readonly string[], what: string): boolean {
  if (allowed.includes(media.mimeType.toLowerCase())) return true;
  check.fail({
    rule: "media_type",
    media_id: media.id,
    message: `${check.platform} takes ${what} as ${allowed.join(", ")}, not ${media.mimeType}.`,
    limit: allowed.join(", "),
    actual: media.mimeType,
  });
  return false;
}

function checkSize(
  check: Check,
  media: RuleMedia,
  max: number,
  opts: { below?: boolean; min?: number } = {},
) {
  const over = opts.below ? media.fileSize >= max : media.fileSize > max;
  if (over) {
    check.fail({
      rule: "media_size",
      media_id: media.id,
      message: `${check.platform} takes files ${opts.below ? "under" : "up to"} ${megabytes(max)} here; this one is ${megabytes(media.fileSize)}.`,
      limit: max,
      actual: media.fileSize,
    });
  } else if (opts.min !== undefined && media.fileSize < opts.min) {
    check.fail({
      rule: "media_size",
      media_id: media.id,
      message: `${check.platform} needs at least ${opts.min} bytes here; this one is ${media.fileSize}.`,
      limit: opts.min,
      actual: media.fileSize,
    });
  }
}

function checkCount(check: Check, count: number, max: number, what: string) {
  if (count > max) {
    check.fail({
      rule: "media_count",
      message: `${check.platform} takes at most ${max} ${what}; this has ${count}.`,
      limit: max,
      actual: count,
    });
  }
}

function checkAlone(check: Check, media: readonly RuleMedia[], kind: Kind, what: string) {
  const item = media.find((m) => kindOf(m) === kind);
  if (item && media.length > 1) {
    check.fail({
      rule: "media_mix",
      media_id: item.id,
      message: `On ${check.platform} ${what} must be the only attachment; this has ${media.length}.`,
      limit: 1,
      actual: media.length,
    });
  }
}

function refuseKinds(check: Check, media: readonly RuleMedia[], allowed: readonly Kind[]) {
  for (const item of media) {
    const kind = kindOf(item);
    if (!allowed.includes(kind)) {
      check.fail({
        rule: "media_type",
        media_id: item.id,
        message: `${check.platform} cannot attach ${kind === "other" ? item.mimeType : `${kind} files`}.`,
        limit: allowed.join(", "),
        actual: item.mimeType,
      });
    }
  }
}

function checkDuration(check: Check, media: RuleMedia, minMs: number, maxMs: number) {
  const ms = media.durationMs;
  if (ms === null || ms === undefined) return;
  if (ms < minMs || ms > maxMs) {
    check.fail({
      rule: "media_duration",
      media_id: media.id,
      message: `${check.platform} takes videos of ${minMs / 1000}–${maxMs / 1000} s; this one is ${ms / 1000} s.`,
      limit: `${minMs}-${maxMs}`,
      actual: ms,
    });
  }
}

/** Width / height, inclusive bounds; skipped when the asset's size is unknown. */
function checkAspect(check: Check, media: RuleMedia, min: number, max: number, label: string) {
  if (!media.width || !media.height) return;
  const ratio = media.width / media.height;
  if (ratio < min - 1e-9 || ratio > max + 1e-9) {
    check.fail({
      rule: "media_dimensions",
      media_id: media.id,
      message: `${check.platform} takes images with an aspect ratio of ${label}; this one is ${media.width}×${media.height}.`,
      limit: label,
      actual: `${media.width}x${media.height}`,
    });
  }
}

function checkBox(
  check: Check,
  media: RuleMedia,
  box: { maxWidth?: number; maxHeight?: number; minWidth?: number },
) {
  const { width, height } = media;
  if (!width || !height) return;
  const tooWide = box.maxWidth !== undefined && width > box.maxWidth;
  const tooHigh = box.maxHeight !== undefined && height > box.maxHeight;
  const tooNarrow = box.minWidth !== undefined && width < box.minWidth;
  if (tooWide || tooHigh || tooNarrow) {
    const limit = [
      box.minWidth !== undefined ? `width ≥ ${box.minWidth}` : null,
      box.maxWidth !== undefined ? `width ≤ ${box.maxWidth}` : null,
      box.maxHeight !== undefined ? `height ≤ ${box.maxHeight}` : null,
    ]
      .filter(Boolean)
      .join(", ");
    check.fail({
      rule: "media_dimensions",
      media_id: media.id,
      message: `${check.platform} needs ${limit}; this one is ${width}×${height}.`,
      limit,
      actual: `${width}x${height}`,
    });
  }
}

function checkLength(
  check: Check,
  posts: string[],
  max: number,
  count: (text: string) => number,
  unit: string,
) {
  posts.forEach((post, index) => {
    const length = count(post);
    if (length > max) {
      const which = posts.length > 1 ? ` (post ${index + 1} of ${posts.length})` : "";
      check.fail({
        rule: "caption_length",
        message: `${check.platform} allows ${max} ${unit}${which}; this is ${length}.`,
        limit: max,
        actual: length,
      });
    }
  });
}

function checkTextCount(check: Check, rule: RuleName, found: number, max: number, what: string) {
  if (found > max) {
    check.fail({
      rule,
      message: `${check.platform} allows at most ${max} ${what}; this has ${found}.`,
      limit: max,
      actual: found,
    });
  }
}

interface PlatformInput {
  contentType: ContentType;
  /** What is published on this platform: one post, or the posts of a thread where it threads. */
  posts: string[];
  media: readonly RuleMedia[];
}

type PlatformRules = (check: Check, input: PlatformInput) => void;

const X_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

const PLATFORM_RULES: Record<Platform, PlatformRules> = {
  /** §2.3: 280 weighted; §2.2: ≤4 photos, or 1 GIF, or 1 video; sizes and video box §2.3. */
  x(check, { posts, media }) {
    checkLength(check, posts, 280, xWeightedLength, "weighted characters");
    refuseKinds(check, media, ["image", "gif", "video"]);
    checkAlone(check, media, "gif", "a GIF");
    checkAlone(check, media, "video", "a video");
    checkCount(check, media.filter((m) => kindOf(m) === "image").length, 4, "images per post");
    for (const item of media) {
      const kind = kindOf(item);
      if (kind === "image" && checkType(check, item, X_IMAGE_TYPES, "images"))
        checkSize(check, item, 5 * MiB);
      if (kind === "gif") checkSize(check, item, 15 * MiB);
      if (kind === "video" && checkType(check, item, ["video/mp4"], "videos")) {
        checkSize(check, item, 512 * MiB);
        checkBox(check, item, { maxWidth: 1280, maxHeight: 1024 });
        checkDuration(check, item, 500, 140_000);
      }
    }
  },

  /** §1.3: 300 graphemes and 3,000 UTF-8 bytes; §1.2: ≤4 images of ≤1,000,000 bytes, or one mp4 ≤300,000,000. */
  bluesky(check, { posts, media }) {
    checkLength(check, posts, 300, graphemeCount, "graphemes");
    for (const [index, post] of posts.entries()) {
      const bytes = utf8Length(post);
      if (bytes > 3000) {
        check.fail({
          rule: "caption_bytes",
          message: `bluesky allows 3000 UTF-8 bytes${posts.length > 1 ? ` (post ${index + 1})` : ""}; this is ${bytes}.`,
          limit: 3000,
          actual: bytes,
        });
      }
    }
    refuseKinds(check, media, ["image", "gif", "video"]);
    checkAlone(check, media, "video", "a video");
    checkCount(check, media.length, 4, "images per post");
    for (const item of media) {
      if (kindOf(item) === "video") {
        if (checkType(check, item, ["video/mp4"], "videos")) checkSize(check, item, 300_000_000);
      } else {
        checkSize(check, item, 1_000_000);
      }
    }
  },

  /**
   * §5.3: caption 2,200 characters (read as code points), 30 hashtags, 20 @-tags; §5.2: no text-only
   * posts, carousels of ≤10; images JPEG ≤8 MB at 4:5–1.91:1 (width is rescaled, so not checked);
   * reels MP4/MOV ≤300 MB, ≤1920 px wide, 3 s–15 min; story video ≤100 MB, ≤60 s.
   */
  instagram(check, { contentType, posts, media }) {
    const text = posts.join("\n\n");
    checkLength(check, posts, 2200, codePointLength, "characters");
    checkTextCount(check, "hashtag_count", distinct(extractHashtags(text)), 30, "hashtags");
    checkTextCount(check, "mention_count", distinct(extractMentions(text)), 20, "@-tags");
    if (media.length === 0) {
      check.fail({
        rule: "media_required",
        message: "instagram has no text-only posts: attach an image or a video.",
        limit: 1,
        actual: 0,
      });
    }
    refuseKinds(check, media, ["image", "gif", "video"]);
    const single = contentType === "reel" || contentType === "story";
    checkCount(
      check,
      media.length,
      single ? 1 : 10,
      single ? `item in a ${contentType}` : "items in a carousel",
    );
    if (contentType === "reel" && media.some((m) => kindOf(m) !== "video")) {
      check.fail({
        rule: "media_type",
        message: "An instagram reel is one video.",
        limit: "video/mp4, video/quicktime",
        actual: media.map((m) => m.mimeType).join(", "),
      });
    }
    for (const item of media) {
      const kind = kindOf(item);
      if (kind === "image" || kind === "gif") {
        if (checkType(check, item, ["image/jpeg"], "images")) {
          checkSize(check, item, 8 * MiB);
          checkAspect(check, item, 4 / 5, 1.91, "4:5 to 1.91:1");
        }
      }
      if (kind === "video" && checkType(check, item, ["video/mp4", "video/quicktime"], "videos")) {
        if (contentType === "story") {
          checkSize(check, item, 100 * MiB);
          checkDuration(check, item, 0, 60_000);
        } else {
          checkSize(check, item, 300 * MiB);
          checkBox(check, item, { maxWidth: 1920 });
          checkDuration(check, item, 3_000, 900_000);
        }
      }
    }
  },

  /**
   * §6.3: 500 characters with emoji counted as their UTF-8 bytes, ≤5 distinct links; images JPEG/PNG
   * ≤8 MB, width 320–1440, aspect ≤10:1; video MP4/MOV ≤1 GB, ≤5 min; §6.2: carousels of ≤20.
   */
  threads(check, { posts, media }) {
    checkLength(check, posts, 500, threadsLength, "characters");
    for (const [index, post] of posts.entries()) {
      const links = distinct(extractUrls(post));
      if (links > 5) {
        check.fail({
          rule: "link_count",
          message: `threads allows 5 distinct links per post${posts.length > 1 ? ` (post ${index + 1})` : ""}; this has ${links}.`,
          limit: 5,
          actual: links,
        });
      }
    }
    refuseKinds(check, media, ["image", "video"]);
    checkCount(check, media.length, 20, "items in a carousel");
    for (const item of media) {
      const kind = kindOf(item);
      if (kind === "image" && checkType(check, item, ["image/jpeg", "image/png"], "images")) {
        checkSize(check, item, 8 * MiB);
        checkBox(check, item, { minWidth: 320, maxWidth: 1440 });
        checkAspect(check, item, 1 / 10, 10, "at most 10:1");
      }
      if (kind === "video" && checkType(check, item, ["video/mp4", "video/quicktime"], "videos")) {
        checkSize(check, item, 1024 * MiB);
        checkDuration(check, item, 0, 300_000);
      }
    }
  },

  /**
   * §7.3: commentary 3,000 characters [obs]; images JPG/PNG/GIF under 36,152,320 pixels; video MP4
   * 75 KB–500 MB, 3 s–30 min, alone; §7.2: multi-image posts of ≤20; a document alone.
   */
  linkedin(check, { posts, media }) {
    checkLength(check, posts, 3000, codePointLength, "characters");
    refuseKinds(check, media, ["image", "gif", "video", "document"]);
    checkAlone(check, media, "video", "a video");
    checkAlone(check, media, "document", "a document");
    checkCount(check, media.length, 20, "images in a multi-image post");
    for (const item of media) {
      const kind = kindOf(item);
      if ((kind === "image" || kind === "gif") && item.width && item.height) {
        const pixels = item.width * item.height;
        if (pixels >= 36_152_320) {
          check.fail({
            rule: "media_dimensions",
            media_id: item.id,
            message: `linkedin takes images under 36,152,320 pixels; this one has ${pixels}.`,
            limit: 36_152_320,
            actual: pixels,
          });
        }
      }
      if (kind === "image") checkType(check, item, ["image/jpeg", "image/png"], "images");
      if (kind === "video" && checkType(check, item, ["video/mp4"], "videos")) {
        checkSize(check, item, 500 * MiB, { min: 75 * 1024 });
        checkDuration(check, item, 3_000, 1_800_000);
      }
    }
  },

  /** §4.2: photos under 10 MB; §4.3: message length and other limits are not documented ([?]). */
  facebook(check, { media }) {
    refuseKinds(check, media, ["image", "gif", "video"]);
    for (const item of media) {
      const kind = kindOf(item);
      if (kind === "image" || kind === "gif") checkSize(check, item, 10 * MiB, { below: true });
    }
  },
};

/**
 * Every rule of every target platform, in platform order. An empty list means the content can be
 * published as it is on each platform it targets.
 */
export function checkPlatformRules(input: RuleInput): RuleFailure[] {
  const failures: RuleFailure[] = [];
  if (input.targetPlatforms.length === 0) {
    failures.push({
      platform: null,
      rule: "target_platforms",
      message: "Choose at least one platform to publish to.",
      limit: 1,
      actual: 0,
    });
  }
  const byId = new Map(input.media.map((m) => [m.id, m]));
  const media: RuleMedia[] = [];
  for (const id of input.mediaIds) {
    const found = byId.get(id);
    if (found) media.push(found);
    else {
      failures.push({
        platform: null,
        rule: "media_missing",
        media_id: id,
        message: "This media asset has been deleted; remove it or attach another.",
        limit: null,
        actual: id,
      });
    }
  }
  const text = composePostText(input.caption, input.hashtags);
  for (const platform of input.targetPlatforms) {
    const check: Check = { platform, fail: (failure) => failures.push({ platform, ...failure }) };
    PLATFORM_RULES[platform](check, {
      contentType: input.contentType,
      posts: postsOf(input.contentType, text, platform),
      media,
    });
  }
  return failures;
}
