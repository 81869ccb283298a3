/** The platform rules as pure functions: no database, no Worker. */
import { describe, expect, it } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import { extractHashtags, extractMentions, extractUrls } from "../../src/platform/text-entities.ts";
import { checkPlatformRules, type RuleInput } from "../../src/services/content/platform-rules.ts";
import {
  composePostText,
  graphemeCount,
  threadsLength,
  xWeightedLength,
} from "../../src/services/content/post-text.ts";
import type { RuleMedia } from "../../src/services/content/rule-checks.ts";

const MiB = 1024 * 1024;

let counter = 0;
const media = (overrides: Partial<RuleMedia> = {}): RuleMedia => ({
  id: `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
  fileType: "image",
  mimeType: "image/jpeg",
  fileSize: 500_000,
  width: 1080,
  height: 1080,
  ...overrides,
});

function check(platforms: Platform[], overrides: Partial<RuleInput> = {}) {
  const attached = overrides.media ?? [];
  return checkPlatformRules({
    contentType: "post",
    caption: "Doors open at 8:00.",
    hashtags: [],
    mediaIds: attached.map((m) => m.id),
    targetPlatforms: platforms,
    ...overrides,
    media: attached,
  });
}

const rules = (failures: ReturnType<typeof check>) => failures.map((f) => `${f.platform}:${f.rule}`);

describe("X counts weighted characters (§2.3)", () => {
  it("Latin counts 1, CJK 2, curly quotes and dashes 1", () => {
    expect(xWeightedLength("hello")).toBe(5);
    expect(xWeightedLength("日本語")).toBe(6);
    expect(xWeightedLength("‘quoted’ — yes")).toBe(14);
  });

  it("every URL counts 23, however long, with or without a scheme; trailing punctuation is text", () => {
    expect(xWeightedLength("https://example.com/a/very/long/path?with=query&and=more")).toBe(23);
    expect(xWeightedLength("see https://t.co")).toBe(4 + 23);
    expect(xWeightedLength("at summit.africa.")).toBe(3 + 23 + 1);
    expect(xWeightedLength("two: https://a.example.org/x https://b.example.org/y")).toBe(5 + 23 + 1 + 23);
    expect(extractUrls("Read more at example.com, or www.example.ke/agenda.")).toEqual([
      "example.com",
      "www.example.ke/agenda",
    ]);
    // A two-letter country domain alone is not linked (twitter-text), so it is plain text.
    expect(xWeightedLength("example.ke")).toBe(10);
  });

  it("an emoji counts 2 whatever its code points: skin tones, ZWJ families, flags, keycaps", () => {
    expect(xWeightedLength("👍")).toBe(2);
    expect(xWeightedLength("👍🏽")).toBe(2);
    expect(xWeightedLength("👨‍👩‍👧‍👦")).toBe(2);
    expect(xWeightedLength("🇰🇪")).toBe(2);
    expect(xWeightedLength("1️⃣")).toBe(2);
    expect(xWeightedLength("❤️ Nairobi")).toBe(2 + 8);
  });

  it("text is NFC-normalised first: a decomposed é counts 1", () => {
    expect(xWeightedLength("e\u0301")).toBe(1);
  });

  it("280 weighted passes and 281 fails, so 140 CJK characters are the limit", () => {
    expect(check(["x"], { caption: "a".repeat(280) })).toEqual([]);
    expect(check(["x"], { caption: "語".repeat(140) })).toEqual([]);
    const [failure] = check(["x"], { caption: "語".repeat(141) });
    expect(failure).toMatchObject({ platform: "x", rule: "caption_length", limit: 280, actual: 282 });
  });

  it("a long URL does not push a post over the limit", () => {
    const caption = `${"a".repeat(250)} https://example.com/${"x".repeat(200)}`;
    expect(xWeightedLength(caption)).toBe(250 + 1 + 23);
    expect(check(["x"], { caption })).toEqual([]);
  });

  it("140 emoji fit; 141 do not", () => {
    expect(check(["x"], { caption: "🎉".repeat(140) })).toEqual([]);
    expect(rules(check(["x"], { caption: "🎉".repeat(141) }))).toEqual(["x:caption_length"]);
  });
});

describe("Bluesky counts graphemes and bytes (§1.3)", () => {
  it("a grapheme is what a reader sees as one character", () => {
    expect(graphemeCount("👨‍👩‍👧‍👦🇰🇪é")).toBe(3);
  });

  it("300 graphemes pass, 301 fail, even where X would count them double", () => {
    expect(check(["bluesky"], { caption: "🎉".repeat(300) })).toEqual([]);
    const [failure] = check(["bluesky"], { caption: "🎉".repeat(301) });
    expect(failure).toMatchObject({ platform: "bluesky", rule: "caption_length", limit: 300, actual: 301 });
  });

  it("300 graphemes can still exceed 3,000 UTF-8 bytes", () => {
    const families = "👨‍👩‍👧‍👦".repeat(200);
    expect(graphemeCount(families)).toBe(200);
    const failures = check(["bluesky"], { caption: families });
    expect(failures).toEqual([
      expect.objectContaining({ rule: "caption_bytes", limit: 3000, actual: 200 * 25 }),
    ]);
  });
});

describe("Threads counts emoji as their UTF-8 bytes (§6.3)", () => {
  it("125 four-byte emoji are 500; 126 are too many", () => {
    expect(threadsLength("🎉")).toBe(4);
    expect(threadsLength("abc")).toBe(3);
    expect(check(["threads"], { caption: "🎉".repeat(125) })).toEqual([]);
    expect(rules(check(["threads"], { caption: "🎉".repeat(126) }))).toEqual(["threads:caption_length"]);
  });

  it("at most five distinct links", () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`).join(" ");
    expect(check(["threads"], { caption: links(5) })).toEqual([]);
    expect(check(["threads"], { caption: links(6) })).toEqual([
      expect.objectContaining({ rule: "link_count", limit: 5, actual: 6 }),
    ]);
  });
});

describe("hashtags and mentions", () => {
  it("the hashtags field is published after the caption, without repeating a tag the caption has", () => {
    expect(composePostText("Live from #AES2027", ["#aes2027", "#Energy"])).toBe(
      "Live from #AES2027\n\n#Energy",
    );
    expect(composePostText(null, ["#One", "#Two"])).toBe("#One #Two");
    expect(extractHashtags("#one #2027 #two_2 word#not")).toEqual(["one", "two_2"]);
    expect(extractMentions("hi @aes.summit and mail@example.com @x_")).toEqual(["aes.summit", "x_"]);
  });

  it("Instagram allows 30 hashtags (caption and field together) and 20 @-tags (§5.3)", () => {
    const image = media();
    const thirty = Array.from({ length: 30 }, (_, i) => `#tag${i}`);
    expect(check(["instagram"], { hashtags: thirty, media: [image] })).toEqual([]);
    const failures = check(["instagram"], { caption: "Live #Extra", hashtags: thirty, media: [image] });
    expect(failures).toEqual([expect.objectContaining({ rule: "hashtag_count", limit: 30, actual: 31 })]);
    const mentions = Array.from({ length: 21 }, (_, i) => `@guest${i}`).join(" ");
    expect(rules(check(["instagram"], { caption: mentions, media: [image] }))).toEqual([
      "instagram:mention_count",
    ]);
  });

  it("Instagram's 2,200 characters", () => {
    expect(rules(check(["instagram"], { caption: "a".repeat(2201), media: [media()] }))).toEqual([
      "instagram:caption_length",
    ]);
  });
});

describe("media", () => {
  it("X takes four images, not five; nor a video beside an image (§2.2)", () => {
    const five = Array.from({ length: 5 }, () => media());
    expect(check(["x"], { media: five.slice(0, 4) })).toEqual([]);
    expect(check(["x"], { media: five })).toEqual([
      expect.objectContaining({ platform: "x", rule: "media_count", limit: 4, actual: 5 }),
    ]);
    const video = media({
      fileType: "video",
      mimeType: "video/mp4",
      fileSize: 20 * MiB,
      width: 1280,
      height: 720,
    });
    expect(rules(check(["x"], { media: [video, media()] }))).toEqual(["x:media_mix"]);
    expect(check(["x"], { media: [video] })).toEqual([]);
  });

  it("Bluesky takes four images of at most 1,000,000 bytes (§1.2)", () => {
    const big = media({ fileSize: 1_000_001 });
    expect(check(["bluesky"], { media: [big] })).toEqual([
      expect.objectContaining({ rule: "media_size", media_id: big.id, limit: 1_000_000, actual: 1_000_001 }),
    ]);
    expect(rules(check(["bluesky"], { media: Array.from({ length: 5 }, () => media()) }))).toEqual([
      "bluesky:media_count",
    ]);
  });

  it("wrong media types: a PDF on X, a PNG on Instagram (JPEG only), a WebM on Threads", () => {
    const pdf = media({ fileType: "document", mimeType: "application/pdf" });
    expect(check(["x"], { media: [pdf] })).toEqual([
      expect.objectContaining({
        platform: "x",
        rule: "media_type",
        media_id: pdf.id,
        actual: "application/pdf",
      }),
    ]);
    const png = media({ mimeType: "image/png" });
    expect(check(["instagram"], { media: [png] })).toEqual([
      expect.objectContaining({ rule: "media_type", limit: "image/jpeg", actual: "image/png" }),
    ]);
    const webm = media({ fileType: "video", mimeType: "video/webm" });
    expect(rules(check(["threads"], { media: [webm] }))).toEqual(["threads:media_type"]);
  });

  it("sizes and shapes: X images over 5 MB, Instagram portraits narrower than 4:5, LinkedIn video under 75 KB", () => {
    expect(rules(check(["x"], { media: [media({ mimeType: "image/png", fileSize: 6 * MiB })] }))).toEqual([
      "x:media_size",
    ]);
    expect(check(["instagram"], { media: [media({ width: 1080, height: 1350 })] })).toEqual([]);
    expect(rules(check(["instagram"], { media: [media({ width: 1080, height: 1920 })] }))).toEqual([
      "instagram:media_dimensions",
    ]);
    const tiny = media({ fileType: "video", mimeType: "video/mp4", fileSize: 10_000 });
    expect(rules(check(["linkedin"], { media: [tiny] }))).toEqual(["linkedin:media_size"]);
  });

  it("a video's duration is checked when it is known (X: 0.5–140 s)", () => {
    const long = media({
      fileType: "video",
      mimeType: "video/mp4",
      width: 1280,
      height: 720,
      durationMs: 141_000,
    });
    expect(rules(check(["x"], { media: [long] }))).toEqual(["x:media_duration"]);
    expect(check(["x"], { media: [{ ...long, durationMs: null }] })).toEqual([]);
  });

  it("Instagram has no text-only posts, carousels of ten, and a reel is one video", () => {
    expect(rules(check(["instagram"]))).toEqual(["instagram:media_required"]);
    expect(rules(check(["instagram"], { media: Array.from({ length: 11 }, () => media()) }))).toEqual([
      "instagram:media_count",
    ]);
    expect(rules(check(["instagram"], { contentType: "reel", media: [media()] }))).toEqual([
      "instagram:media_type",
    ]);
  });

  it("LinkedIn takes a document on its own", () => {
    const pdf = media({ fileType: "document", mimeType: "application/pdf", width: null, height: null });
    expect(check(["linkedin"], { media: [pdf] })).toEqual([]);
    expect(rules(check(["linkedin"], { media: [pdf, media()] }))).toEqual(["linkedin:media_mix"]);
  });

  it("an attached asset that no longer exists, and content with no platform, fail for the content as a whole", () => {
    const gone = "00000000-0000-4000-8000-00000000dead";
    expect(check(["x"], { mediaIds: [gone] })).toEqual([
      expect.objectContaining({ platform: null, rule: "media_missing", media_id: gone }),
    ]);
    expect(check([])).toEqual([expect.objectContaining({ platform: null, rule: "target_platforms" })]);
  });
});

describe("threads (the content type)", () => {
  it("each post of a thread is checked on its own where the platform threads, as one post elsewhere", () => {
    const post = "a".repeat(200);
    const caption = `${post}\n---\n${post}\n---\n${post}`;
    expect(check(["x", "bluesky", "linkedin"], { contentType: "thread", caption })).toEqual([]);
    const failures = check(["x", "linkedin"], {
      contentType: "thread",
      caption: `${post}\n---\n${"b".repeat(300)}`,
    });
    expect(failures).toEqual([
      expect.objectContaining({
        platform: "x",
        rule: "caption_length",
        actual: 300,
        message: expect.stringContaining("post 2 of 2"),
      }),
    ]);
  });

  it("a single post of the same text fails on X", () => {
    expect(rules(check(["x"], { caption: `${"a".repeat(200)}\n---\n${"a".repeat(200)}` }))).toEqual([
      "x:caption_length",
    ]);
  });
});
