/**
 * What each platform accepts, as a table of pure functions: caption length as the platform counts it
 * (post-text.ts), hashtag, mention and link counts, and the number, kind, size and shape of the
 * attached media (the checks in rule-checks.ts). Used by `POST /v1/content/{id}/validate` and
 * before content may become `scheduled`, so the two never disagree. The numbers come from docs/platform-contracts.md, and `§n.m` below is its section n.m (§1.3 =
 * Bluesky › Limits); where it says a limit is unknown ([?]) there is no rule, rather than a guess.
 *
 * "MB" there is read as 2^20 bytes (the platforms do not say which); Bluesky's limits are exact
 * byte counts and used as such.
 */
import type { Platform } from "../../db/schema/columns.ts";
import { extractHashtags, extractMentions, extractUrls } from "../../platform/text-entities.ts";
import {
  type ContentType,
  codePointLength,
  composePostText,
  graphemeCount,
  postsOf,
  threadsLength,
  utf8Length,
  xWeightedLength,
} from "./post-text.ts";
import {
  type Check,
  checkAlone,
  checkAspect,
  checkBox,
  checkCount,
  checkDuration,
  checkLength,
  checkSize,
  checkTextCount,
  checkType,
  kindOf,
  MiB,
  type RuleFailure,
  type RuleMedia,
  refuseKinds,
} from "./rule-checks.ts";

export interface RuleInput {
  contentType: ContentType;
  caption: string | null;
  hashtags: readonly string[];
  /** The attached ids in display order, and the rows found for them (missing ones are a failure). */
  mediaIds: readonly string[];
  media: readonly RuleMedia[];
  targetPlatforms: readonly Platform[];
}

const distinct = (values: string[]) => new Set(values.map((v) => v.toLocaleLowerCase("en"))).size;

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
