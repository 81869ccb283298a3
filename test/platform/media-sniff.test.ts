import { describe, expect, it } from "vitest";
import { imageDimensions, mp4Info, SNIFF_BYTES, sniffType } from "../../src/platform/media-sniff.ts";
import { inspectStream, sha256OfStream } from "../../src/platform/media-stream.ts";
import {
  gif,
  jpeg,
  mp4,
  padded,
  pdf,
  png,
  sha256Hex,
  webm,
  webpVp8,
  webpVp8l,
  webpVp8x,
} from "../support/media-files.ts";

const bytesOf = (s: string) => new TextEncoder().encode(s);

describe("sniffing a file's type from its first bytes", () => {
  it.each([
    ["PNG", png(3, 2), "image/png"],
    ["JPEG", jpeg(640, 480), "image/jpeg"],
    ["GIF", gif(4, 4), "image/gif"],
    ["WebP (VP8X)", webpVp8x(300, 200), "image/webp"],
    ["WebP (VP8)", webpVp8(300, 200), "image/webp"],
    ["MP4", mp4(), "video/mp4"],
    ["MOV", mp4({ width: 640, height: 360, durationMs: 1000, brand: "qt  " }), "video/quicktime"],
    ["WebM", webm(), "video/webm"],
    ["PDF", pdf(), "application/pdf"],
  ])("recognises %s", (_, bytes, type) => {
    expect(sniffType(bytes.subarray(0, SNIFF_BYTES))).toBe(type);
  });

  it.each([
    ["plain text", bytesOf("hello, this is not an image")],
    ["a ZIP archive", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0])],
    [
      "HEIC (an ISO media file that is not video)",
      mp4({ width: 1, height: 1, durationMs: 0, brand: "heic" }),
    ],
    ["Matroska that is not WebM", webm("matroska")],
    ["a RIFF that is not WebP (WAV)", bytesOf("RIFF\x24\0\0\0WAVEfmt ")],
    ["a truncated PNG signature", png(1, 1).subarray(0, 4)],
    ["nothing", new Uint8Array()],
  ])("knows nothing of %s", (_, bytes) => {
    expect(sniffType(bytes)).toBeNull();
  });
});

describe("reading an image's size from its header", () => {
  it("PNG: from IHDR", () => {
    expect(imageDimensions("image/png", png(37, 21))).toEqual({ width: 37, height: 21 });
  });

  it("GIF: from the logical screen descriptor", () => {
    expect(imageDimensions("image/gif", gif(5, 3))).toEqual({ width: 5, height: 3 });
  });

  it("JPEG: from the SOF0 segment, walking past APP segments of any size", () => {
    expect(imageDimensions("image/jpeg", jpeg(4032, 3024))).toEqual({ width: 4032, height: 3024 });
    expect(imageDimensions("image/jpeg", jpeg(800, 600, 40_000))).toEqual({ width: 800, height: 600 });
  });

  it("JPEG: null when the frame header lies beyond the bytes at hand", () => {
    expect(imageDimensions("image/jpeg", jpeg(800, 600, 40_000).subarray(0, 1024))).toBeNull();
  });

  it("WebP: from VP8X, VP8L and VP8 headers", () => {
    expect(imageDimensions("image/webp", webpVp8x(1200, 628))).toEqual({ width: 1200, height: 628 });
    expect(imageDimensions("image/webp", webpVp8l(16383, 2))).toEqual({ width: 16383, height: 2 });
    expect(imageDimensions("image/webp", webpVp8(1080, 1350))).toEqual({ width: 1080, height: 1350 });
  });

  it("answers null for a header that is cut short", () => {
    expect(imageDimensions("image/png", png(10, 10).subarray(0, 20))).toBeNull();
    expect(imageDimensions("image/webp", webpVp8x(10, 10).subarray(0, 20))).toBeNull();
  });
});

describe("reading a video's moov atom", () => {
  it("finds duration (mvhd) and frame size (tkhd) when moov comes first", () => {
    expect(mp4Info(mp4({ width: 1280, height: 720, durationMs: 95_500 }))).toEqual({
      durationMs: 95_500,
      width: 1280,
      height: 720,
    });
  });

  it("answers null when the moov atom is not wholly in the bytes read", () => {
    const file = mp4({ width: 1280, height: 720, durationMs: 1000 });
    expect(mp4Info(file.subarray(0, 60))).toBeNull();
  });
});

describe("inspecting a stream on its way through", () => {
  const chunked = (bytes: Uint8Array, size: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
        controller.close();
      },
    });

  it("passes every byte through unchanged and hashes them incrementally", async () => {
    const file = padded(png(8, 8), 200_003);
    const inspector = inspectStream({ keep: 100 });
    const out = await new Response(chunked(file, 4096).pipeThrough(inspector.stream)).arrayBuffer();
    expect(new Uint8Array(out)).toEqual(file);
    const result = await inspector.result;
    expect(result.sha256).toBe(await sha256Hex(file));
    expect(result.size).toBe(file.length);
    expect(result.head).toEqual(file.subarray(0, 100));
  });

  it("runs its check once on the first bytes, even when they arrive one at a time, and fails the stream with its error", async () => {
    const seen: number[] = [];
    const inspector = inspectStream({
      keep: 64,
      check: {
        at: 16,
        fn: (head) => {
          seen.push(head.length);
          throw new Error("refused");
        },
      },
    });
    const piping = new Response(chunked(pdf(), 1).pipeThrough(inspector.stream)).arrayBuffer();
    await expect(piping).rejects.toThrow("refused");
    await expect(inspector.result).rejects.toThrow("refused");
    expect(seen).toEqual([16]);
  });

  it("hashes a whole stream without holding it", async () => {
    const file = padded(pdf(), 70_000);
    expect(await sha256OfStream(chunked(file, 1000))).toBe(await sha256Hex(file));
  });
});
