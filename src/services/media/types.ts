/**
 * Which files the media library takes, and how large. The limits follow what the platforms accept
 * (docs/platform-contracts.md), with room for an original that is cut down for one platform later:
 * - images 20 MiB: the largest any platform takes is Mastodon's 16 MiB (X 5 MB, Instagram and
 *   Threads 8 MB, Facebook 10 MB, Bluesky 1 MB);
 * - video 512 MiB: X's limit, above LinkedIn's 500 MB and Bluesky's and Instagram Reels' 300 MB
 *   (only Threads takes more, 1 GB);
 * - PDF 50 MiB: a LinkedIn document post; Bluesky's per-blob cap is 50 MB too.
 * One request carries at most 100 MB (Cloudflare's request body limit on most plans): larger files,
 * in practice videos, go through a multipart upload.
 */
import { AppError, titleOf } from "../../errors.ts";
import { type SniffedType, sniffType } from "../../platform/media-sniff.ts";

export const MEDIA_FILE_TYPES = ["image", "video", "document"] as const;
export type MediaFileType = (typeof MEDIA_FILE_TYPES)[number];

export const MEDIA_MIME_TYPES = [
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "video/mp4",
  "video/quicktime",
  "video/webm",
  "application/pdf",
] as const satisfies readonly SniffedType[];
export type MediaMimeType = (typeof MEDIA_MIME_TYPES)[number];

const MiB = 1024 * 1024;

export const MAX_BYTES: Record<MediaFileType, number> = {
  image: 20 * MiB,
  video: 512 * MiB,
  document: 50 * MiB,
};

/** The largest body `POST /v1/media` streams in one request. */
export const MAX_SINGLE_UPLOAD_BYTES = 100_000_000;

/** Multipart part size: R2's minimum, which every part but the last must have exactly. */
export const PART_SIZE = 5 * MiB;

export const FILE_TYPE_OF: Record<MediaMimeType, MediaFileType> = {
  "image/jpeg": "image",
  "image/png": "image",
  "image/gif": "image",
  "image/webp": "image",
  "video/mp4": "video",
  "video/quicktime": "video",
  "video/webm": "video",
  "application/pdf": "document",
};

/** Other names clients send for the same formats. */
const ALIASES: Record<string, MediaMimeType> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "video/x-m4v": "video/mp4",
  "application/x-pdf": "application/pdf",
};

/** "No claim": the client leaves the type to the server. */
export const GENERIC_TYPE = "application/octet-stream";

/** How many leading bytes are kept to read an image's size (JPEG metadata can push SOF far in). */
export const HEAD_BYTES = 256 * 1024;

const isMediaType = (value: string): value is MediaMimeType =>
  (MEDIA_MIME_TYPES as readonly string[]).includes(value);

/** The claimed type as one of ours, `GENERIC_TYPE` (octet-stream or none), or the unknown text itself. */
export function normaliseClaim(
  contentType: string | undefined,
): MediaMimeType | typeof GENERIC_TYPE | string {
  const essence = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (essence === "" || essence === GENERIC_TYPE) return GENERIC_TYPE;
  return ALIASES[essence] ?? essence;
}

export const unsupportedMediaType = (what: string) =>
  new AppError(
    415,
    "unsupported_media_type",
    titleOf(415),
    `${what} is not a format the media library takes (${MEDIA_MIME_TYPES.join(", ")}).`,
    { accepted: MEDIA_MIME_TYPES },
  );

export const mediaTypeMismatch = (claimed: string, sniffed: string) =>
  new AppError(
    415,
    "media_type_mismatch",
    titleOf(415),
    `The file was sent as ${claimed} but its bytes are ${sniffed}.`,
    { claimed_type: claimed, detected_type: sniffed },
  );

export const mediaTooLarge = (what: MediaFileType | "upload", limit: number, hint = "") =>
  new AppError(
    413,
    "media_too_large",
    titleOf(413),
    `${what === "upload" ? "One upload request" : `A ${what} file`} may be at most ${limit} bytes.${hint}`,
    { limit_bytes: limit },
  );

/** Throws 415 unless `claim` is one of our types (or generic). */
export function assertClaimSupported(claim: string): asserts claim is MediaMimeType | typeof GENERIC_TYPE {
  if (claim !== GENERIC_TYPE && !isMediaType(claim)) throw unsupportedMediaType(claim);
}

/**
 * The server's verdict on the first bytes: their sniffed type, which must be one we take, agree with
 * the claim (a generic claim agrees with anything), and fit its size limit for `size` bytes.
 */
export function judgeHead(head: Uint8Array, claim: string, size: number): MediaMimeType {
  const sniffed = sniffType(head);
  if (!sniffed || !isMediaType(sniffed)) throw unsupportedMediaType("The file");
  if (claim !== GENERIC_TYPE && claim !== sniffed) throw mediaTypeMismatch(claim, sniffed);
  const fileType = FILE_TYPE_OF[sniffed];
  if (size > MAX_BYTES[fileType]) throw mediaTooLarge(fileType, MAX_BYTES[fileType]);
  return sniffed;
}
