/**
 * What a post shows besides its text: images (blobs uploaded first, with alt text and aspect ratio),
 * one video, or a link card (docs/platform-contracts.md, Bluesky › Publishing and Bluesky › Limits).
 */
import { isRecord, type Json } from "../http.ts";
import { PlatformError, type PublishMedia, type PublishRequest } from "../types.ts";
import { type Pds, xrpc } from "./xrpc.ts";

/** At most 4 images of at most 1,000,000 bytes each (enforced by the record's lexicon). */
const MAX_IMAGES = 4;
const MAX_IMAGE_BYTES = 1_000_000;
const MAX_VIDEO_BYTES = 300_000_000;
/** Uploads get the call timeout plus a second per megabyte (a slow link must not turn into a retry loop). */
const UPLOAD_MS_PER_MB = 1000;

async function uploadBlob(pds: Pds, token: string, media: PublishMedia): Promise<Json> {
  let source: ReadableStream<Uint8Array>;
  try {
    source = await media.open();
  } catch (error) {
    throw new PlatformError("transient", `media ${media.id} could not be opened: ${String(error)}`, {
      code: "media_read",
    });
  }
  // A known length, so the PDS reads a plain body and can refuse an oversized one up front.
  const fixed = new FixedLengthStream(media.sizeBytes);
  const stopPiping = new AbortController();
  const piping = source.pipeTo(fixed.writable, { signal: stopPiping.signal });
  piping.catch(() => {});
  let body: Json;
  try {
    body = await xrpc(pds, "com.atproto.repo.uploadBlob", "write", {
      token,
      body: fixed.readable,
      contentType: media.mimeType,
      timeoutMs: pds.timeoutMs + Math.ceil(media.sizeBytes / 1_000_000) * UPLOAD_MS_PER_MB,
    });
  } catch (error) {
    stopPiping.abort();
    throw error;
  }
  await piping.catch((error: unknown) => {
    throw new PlatformError("transient", `media ${media.id} could not be read: ${String(error)}`, {
      code: "media_read",
    });
  });
  if (!isRecord(body.blob)) {
    throw new PlatformError("transient", "Bluesky uploadBlob answered without a blob", { code: "no_blob" });
  }
  return body.blob;
}

const aspectRatio = (media: PublishMedia) =>
  media.width && media.height ? { aspectRatio: { width: media.width, height: media.height } } : {};

/** Refuses what Bluesky cannot show, before any upload (the platform rules should have caught it). */
function checkMedia(media: readonly PublishMedia[]): "images" | "video" | null {
  if (media.length === 0) return null;
  const refuse = (message: string) => new PlatformError("permanent", message, { code: "unsupported_media" });
  const videos = media.filter((m) => m.mimeType.startsWith("video/"));
  if (videos.length > 0) {
    if (media.length > 1) throw refuse("Bluesky takes one video alone, without other media");
    const [video] = videos;
    if (video!.mimeType !== "video/mp4") throw refuse(`Bluesky videos must be MP4, not ${video!.mimeType}`);
    if (video!.sizeBytes > MAX_VIDEO_BYTES)
      throw refuse(`Bluesky videos are at most ${MAX_VIDEO_BYTES} bytes`);
    return "video";
  }
  if (media.length > MAX_IMAGES) throw refuse(`Bluesky takes at most ${MAX_IMAGES} images`);
  for (const item of media) {
    if (!item.mimeType.startsWith("image/")) throw refuse(`Bluesky cannot attach ${item.mimeType}`);
    if (item.sizeBytes > MAX_IMAGE_BYTES) {
      throw refuse(`Bluesky images are at most ${MAX_IMAGE_BYTES} bytes; ${item.id} has ${item.sizeBytes}`);
    }
  }
  return "images";
}

/**
 * Images, or a video, or else a link card for `post.link`. The card carries the URL and its host as
 * title: fetching the page's metadata from a Worker would mean requesting arbitrary URLs while
 * publishing, for a preview Bluesky's clients do without.
 */
export async function embedFor(pds: Pds, token: string, post: PublishRequest): Promise<Json | null> {
  const kind = checkMedia(post.media);
  if (kind === "video") {
    const video = post.media[0]!;
    const blob = await uploadBlob(pds, token, video);
    return {
      $type: "app.bsky.embed.video",
      video: blob,
      ...(video.altText ? { alt: video.altText } : {}),
      ...aspectRatio(video),
    };
  }
  if (kind === "images") {
    const images: Json[] = [];
    for (const image of post.media) {
      images.push({
        image: await uploadBlob(pds, token, image),
        alt: image.altText ?? "",
        ...aspectRatio(image),
      });
    }
    return { $type: "app.bsky.embed.images", images };
  }
  if (post.link && URL.canParse(post.link)) {
    const { host } = new URL(post.link);
    return { $type: "app.bsky.embed.external", external: { uri: post.link, title: host, description: "" } };
  }
  return null;
}
