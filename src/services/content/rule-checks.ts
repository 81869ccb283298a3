/**
 * The checks the platform rules are made of (platform-rules.ts): what a failure says, and the
 * media and text checks that report one.
 */
import type { Platform } from "../../db/schema/columns.ts";

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

export const MiB = 1024 * 1024;

export type Kind = "image" | "gif" | "video" | "document" | "audio" | "other";

export function kindOf(media: RuleMedia): Kind {
  const mime = media.mimeType.toLowerCase();
  if (mime === "image/gif") return "gif";
  if (mime.startsWith("image/")) return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime.startsWith("audio/")) return "audio";
  if (media.fileType === "document" || mime === "application/pdf") return "document";
  return "other";
}

export interface Check {
  platform: Platform;
  fail: (failure: Omit<RuleFailure, "platform">) => void;
}

export const megabytes = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MB`;

export function checkType(check: Check, media: RuleMedia, allowed: readonly string[], what: string): boolean {
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

export function checkSize(
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

export function checkCount(check: Check, count: number, max: number, what: string) {
  if (count > max) {
    check.fail({
      rule: "media_count",
      message: `${check.platform} takes at most ${max} ${what}; this has ${count}.`,
      limit: max,
      actual: count,
    });
  }
}

export function checkAlone(check: Check, media: readonly RuleMedia[], kind: Kind, what: string) {
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

export function refuseKinds(check: Check, media: readonly RuleMedia[], allowed: readonly Kind[]) {
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

export function checkDuration(check: Check, media: RuleMedia, minMs: number, maxMs: number) {
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
export function checkAspect(check: Check, media: RuleMedia, min: number, max: number, label: string) {
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

export function checkBox(
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

export function checkLength(
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

export function checkTextCount(check: Check, rule: RuleName, found: number, max: number, what: string) {
  if (found > max) {
    check.fail({
      rule,
      message: `${check.platform} allows at most ${max} ${what}; this has ${found}.`,
      limit: max,
      actual: found,
    });
  }
}
