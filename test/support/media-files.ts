/**
 * Small real files, built byte by byte: a PNG with valid CRCs and a stored-deflate image, a GIF with
 * an LZW image, a JPEG whose SOF0 sits behind other segments, WebPs of the three kinds, an MP4 with
 * its `moov` first, a WebM header and a PDF. Each is as its format defines it, so the sniffers are
 * tested on what real files carry.
 */

const concat = (...parts: Array<Uint8Array | number[]>): Uint8Array => {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};

const text = (s: string) => new TextEncoder().encode(s);
const u16be = (n: number) => [(n >>> 8) & 0xff, n & 0xff];
const u16le = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u24le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib with stored (uncompressed) deflate blocks. */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks: number[][] = [];
  for (let at = 0; at < data.length || at === 0; at += 65535) {
    const chunk = data.subarray(at, at + 65535);
    const last = at + 65535 >= data.length ? 1 : 0;
    blocks.push([last, ...u16le(chunk.length), ...u16le(~chunk.length & 0xffff), ...chunk]);
    if (last) break;
  }
  return concat([0x78, 0x01], ...blocks, u32be(adler32(data)));
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat(text(type), data);
  return concat(u32be(data.length), body, u32be(crc32(body)));
}

/** A valid `width`×`height` RGB PNG (a colour gradient). */
export function png(width: number, height: number): Uint8Array {
  const ihdr = concat(u32be(width), u32be(height), [8, 2, 0, 0, 0]);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(x * 7, y * 13, (x + y) * 3);
  }
  return concat(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlibStored(Uint8Array.from(rows, (v) => v & 0xff))),
    pngChunk("IEND", new Uint8Array()),
  );
}

/** A valid `width`×`height` GIF89a in two colours; the LZW stream clears before every pixel. */
export function gif(width: number, height: number): Uint8Array {
  const codes: number[] = [];
  for (let i = 0; i < width * height; i++) codes.push(4, i % 2);
  codes.push(5);
  const packed: number[] = [];
  let bits = 0;
  let count = 0;
  for (const code of codes) {
    bits |= code << count;
    count += 3;
    while (count >= 8) {
      packed.push(bits & 0xff);
      bits >>>= 8;
      count -= 8;
    }
  }
  if (count > 0) packed.push(bits & 0xff);
  const blocks: number[] = [];
  for (let at = 0; at < packed.length; at += 255) {
    const block = packed.slice(at, at + 255);
    blocks.push(block.length, ...block);
  }
  return concat(
    text("GIF89a"),
    u16le(width),
    u16le(height),
    [0x80, 0, 0], // global colour table of 2 entries
    [0, 0, 0, 255, 255, 255],
    [0x2c, ...u16le(0), ...u16le(0), ...u16le(width), ...u16le(height), 0],
    [2, ...blocks, 0],
    [0x3b],
  );
}

/**
 * A baseline JPEG skeleton: SOI, JFIF APP0, an APP1 of `exifBytes` (cameras put kilobytes of EXIF
 * before the frame header), DQT, SOF0 with the size, DHT, SOS, a little scan data, EOI.
 */
export function jpeg(width: number, height: number, exifBytes = 64): Uint8Array {
  const segment = (marker: number, payload: number[] | Uint8Array) =>
    concat([0xff, marker], u16be(payload.length + 2), payload);
  return concat(
    [0xff, 0xd8],
    segment(0xe0, concat(text("JFIF\0"), [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe1, concat(text("Exif\0\0"), new Uint8Array(exifBytes))),
    segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]),
    segment(0xc0, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]),
    segment(0xc4, [0, ...Array.from({ length: 16 }, (_, i) => (i === 0 ? 1 : 0)), 0]),
    segment(0xda, [1, 1, 0, 0, 63, 0]),
    [0x00, 0x00, 0x00],
    [0xff, 0xd9],
  );
}

const riff = (chunks: Uint8Array) => concat(text("RIFF"), u32le(4 + chunks.length), text("WEBP"), chunks);
const webpChunk = (type: string, data: Uint8Array | number[]) => {
  const body = data instanceof Uint8Array ? data : Uint8Array.from(data);
  return concat(text(type), u32le(body.length), body, body.length % 2 ? [0] : []);
};

/** An extended WebP (VP8X header with the canvas size) holding a lossless image of that size. */
export function webpVp8x(width: number, height: number): Uint8Array {
  return riff(
    concat(
      webpChunk("VP8X", [0x10, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]),
      vp8lChunk(width, height),
    ),
  );
}

function vp8lChunk(width: number, height: number) {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  return webpChunk("VP8L", [0x2f, ...u32le(bits), 0, 0, 0, 0]);
}

/** A lossless WebP header (VP8L). */
export function webpVp8l(width: number, height: number): Uint8Array {
  return riff(vp8lChunk(width, height));
}

/** A lossy WebP header (VP8): a key-frame tag, the start code, then the size. */
export function webpVp8(width: number, height: number): Uint8Array {
  return riff(
    webpChunk("VP8 ", [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), 0, 0]),
  );
}

const box = (type: string, ...body: Array<Uint8Array | number[]>) => {
  const content = concat(...body);
  return concat(u32be(8 + content.length), text(type), content);
};

/** An MP4 with `ftyp`, then `moov` (duration, one video track of that size), then `mdat`. */
export function mp4(
  options: { width: number; height: number; durationMs: number; brand?: string; mdatBytes?: number } = {
    width: 1920,
    height: 1080,
    durationMs: 12_345,
  },
): Uint8Array {
  const timescale = 1000;
  const matrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].flatMap(u32be);
  const mvhd = box(
    "mvhd",
    [0, 0, 0, 0],
    u32be(0),
    u32be(0),
    u32be(timescale),
    u32be(options.durationMs),
    u32be(0x00010000),
    u16be(0x0100),
    new Uint8Array(10),
    matrix,
    new Uint8Array(24),
    u32be(2),
  );
  const tkhd = box(
    "tkhd",
    [0, 0, 0, 3],
    u32be(0),
    u32be(0),
    u32be(1),
    u32be(0),
    u32be(options.durationMs),
    new Uint8Array(8),
    u16be(0),
    u16be(0),
    u16be(0),
    u16be(0),
    matrix,
    u32be(options.width * 65536),
    u32be(options.height * 65536),
  );
  return concat(
    box("ftyp", text(options.brand ?? "isom"), u32be(0x200), text("isomiso2avc1mp41")),
    box("moov", mvhd, box("trak", tkhd)),
    box("mdat", new Uint8Array(options.mdatBytes ?? 32)),
  );
}

/** The EBML header of a WebM file (DocType "webm" or "matroska"), then an empty Segment. */
export function webm(docType = "webm"): Uint8Array {
  const element = (id: number[], data: number[] | Uint8Array) => concat(id, [0x80 | data.length], data);
  const header = concat(
    element([0x42, 0x86], [1]),
    element([0x42, 0xf7], [1]),
    element([0x42, 0xf2], [4]),
    element([0x42, 0xf3], [8]),
    element([0x42, 0x82], text(docType)),
    element([0x42, 0x87], [2]),
    element([0x42, 0x85], [2]),
  );
  return concat([0x1a, 0x45, 0xdf, 0xa3, 0x80 | header.length], header, [0x18, 0x53, 0x80, 0x67, 0x80]);
}

/** A one-page PDF. */
export function pdf(): Uint8Array {
  return text(
    "%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
  );
}

/** `size` bytes that start like `prefix` and continue with a repeating pattern. */
export function padded(prefix: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(prefix.subarray(0, size));
  for (let i = prefix.length; i < size; i++) out[i] = (i * 31 + 7) & 0xff;
  return out;
}

/** Lowercase hex SHA-256, computed in one go (the test's own reference). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
