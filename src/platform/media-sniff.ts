/**
 * What a file is, decided from its first bytes (magic numbers), never from what the client says,
 * plus the cheap facts its header carries: an image's pixel size, a video's duration and frame
 * size when its `moov` atom sits near the start. Pure functions over bytes, no I/O.
 */

export const SNIFFABLE_TYPES = [
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "video/mp4",
  "video/quicktime",
  "video/webm",
  "application/pdf",
] as const;
export type SniffedType = (typeof SNIFFABLE_TYPES)[number];

/** Every signature below is decided within this many bytes (the WebM DocType is the furthest). */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

/** ISO base media brands of the videos platforms take; others (HEIC, AVIF, M4A …) are not video. */
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "M4V ",
  "M4VP",
  "M4VH",
  "dash",
  "mmp4",
  "MSNV",
  "f4v ",
]);

/** The type the bytes are, or null when they are none of `SNIFFABLE_TYPES`. */
export function sniffType(head: Uint8Array): SniffedType | null {
  if (startsWith(head, PNG)) return "image/png";
  if (startsWith(head, JPEG)) return "image/jpeg";
  if (head.length >= 6 && (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a"))
    return "image/gif";
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") return "image/webp";
  if (head.length >= 5 && ascii(head, 0, 5) === "%PDF-") return "application/pdf";
  if (head.length >= 12 && ascii(head, 4, 4) === "ftyp") {
    const brand = ascii(head, 8, 4);
    if (brand === "qt  ") return "video/quicktime";
    return MP4_BRANDS.has(brand) ? "video/mp4" : null;
  }
  if (startsWith(head, EBML)) return ebmlDocType(head) === "webm" ? "video/webm" : null;
  return null;
}

/** An EBML variable-length integer at `at`: its value and width, or null when cut off. */
function vint(bytes: Uint8Array, at: number): { value: number; width: number } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const width = Math.clz32(first) - 23;
  if (at + width > bytes.length) return null;
  let value = first & (0xff >> width);
  for (let i = 1; i < width; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return { value, width };
}

/** The DocType ("webm", "matroska") of an EBML header. */
function ebmlDocType(head: Uint8Array): string | null {
  const size = vint(head, 4);
  if (!size) return null;
  const end = Math.min(head.length, 4 + size.width + size.value);
  let at = 4 + size.width;
  while (at + 2 < end) {
    const id = ((head[at] ?? 0) << 8) | (head[at + 1] ?? 0);
    const length = vint(head, at + 2);
    if (!length) return null;
    const data = at + 2 + length.width;
    if (id === 0x4282) return ascii(head, data, Math.min(length.value, end - data));
    at = data + length.value;
  }
  return null;
}

export interface Dimensions {
  width: number;
  height: number;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const positive = (width: number, height: number): Dimensions | null =>
  width > 0 && height > 0 ? { width, height } : null;

/** Pixel size from an image's header bytes, or null when the header is not (all) there. */
export function imageDimensions(type: SniffedType, head: Uint8Array): Dimensions | null {
  const data = view(head);
  switch (type) {
    case "image/png":
      // The IHDR chunk comes first: length, "IHDR", width, height (big-endian).
      if (head.length < 24 || ascii(head, 12, 4) !== "IHDR") return null;
      return positive(data.getUint32(16), data.getUint32(20));
    case "image/gif":
      if (head.length < 10) return null;
      return positive(data.getUint16(6, true), data.getUint16(8, true));
    case "image/webp":
      return webpDimensions(head, data);
    case "image/jpeg":
      return jpegDimensions(head, data);
    default:
      return null;
  }
}

function webpDimensions(head: Uint8Array, data: DataView): Dimensions | null {
  if (head.length < 30) return null;
  switch (ascii(head, 12, 4)) {
    case "VP8 ":
      // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
      if (!startsWith(head, [0x9d, 0x01, 0x2a], 23)) return null;
      return positive(data.getUint16(26, true) & 0x3fff, data.getUint16(28, true) & 0x3fff);
    case "VP8L": {
      // Lossless: the signature 0x2f, then width-1 and height-1 in 14 bits each.
      if (head[20] !== 0x2f) return null;
      const bits = data.getUint32(21, true);
      return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    case "VP8X": {
      // Extended: flags, 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each.
      const u24 = (at: number) => (head[at] ?? 0) | ((head[at + 1] ?? 0) << 8) | ((head[at + 2] ?? 0) << 16);
      return positive(u24(24) + 1, u24(27) + 1);
    }
    default:
      return null;
  }
}

/** Start-of-frame markers: baseline, extended, progressive, lossless (not DHT c4, JPG c8, DAC cc). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG segments to the first SOF marker, which holds height then width. */
function jpegDimensions(head: Uint8Array, data: DataView): Dimensions | null {
  let at = 2;
  while (at + 4 <= head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame
    const length = data.getUint16(at + 2);
    if (SOF.has(marker)) {
      if (at + 9 > head.length) return null;
      return positive(data.getUint16(at + 7), data.getUint16(at + 5));
    }
    at += 2 + length;
  }
  return null;
}

export interface VideoInfo {
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

/** The ISO BMFF boxes in `[from, to)`, stopping at one that does not fit. */
function boxes(bytes: Uint8Array, data: DataView, from: number, to: number): Box[] {
  const found: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = data.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(data.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header) break;
    found.push({ type: ascii(bytes, at + 4, 4), start: at, body: at + header, end: at + size });
    at += size;
  }
  return found;
}

/**
 * Duration (`mvhd`) and frame size (the first `tkhd` with a non-zero size: the video track) of an
 * MP4/MOV whose `moov` atom lies wholly within `head` ("fast start"); null when it does not.
 */
export function mp4Info(head: Uint8Array): VideoInfo | null {
  const data = view(head);
  const moov = boxes(head, data, 0, head.length).find((b) => b.type === "moov");
  if (!moov || moov.end > head.length) return null;
  const info: VideoInfo = { durationMs: null, width: null, height: null };
  const children = boxes(head, data, moov.body, moov.end);
  const mvhd = children.find((b) => b.type === "mvhd");
  if (mvhd && mvhd.end <= head.length) {
    const version = head[mvhd.body];
    const [timescale, duration] =
      version === 1
        ? [data.getUint32(mvhd.body + 20), Number(data.getBigUint64(mvhd.body + 24))]
        : [data.getUint32(mvhd.body + 12), data.getUint32(mvhd.body + 16)];
    if (timescale > 0) info.durationMs = Math.round((duration / timescale) * 1000);
  }
  for (const trak of children.filter((b) => b.type === "trak")) {
    const tkhd = boxes(head, data, trak.body, trak.end).find((b) => b.type === "tkhd");
    if (!tkhd) continue;
    // After version/flags and the times (v0: 20 bytes, v1: 32), 8 reserved, 8 of layer/group/
    // volume/reserved and the 36-byte matrix come width and height as 16.16 fixed point.
    const offset = tkhd.body + (head[tkhd.body] === 1 ? 88 : 76);
    if (offset + 8 > tkhd.end) continue;
    const width = data.getUint32(offset) >>> 16;
    const height = data.getUint32(offset + 4) >>> 16;
    if (width > 0 && height > 0) {
      info.width = width;
      info.height = height;
      break;
    }
  }
  return info;
}
