/**
 * Media uploaded before the post: JPEG/PNG/WebP in one request, GIFs and videos chunked
 * (initialize, append, finalize) and waited for while X processes them (`processing_info`).
 * Alt text is set on the uploaded media.
 */
import { asRecord, chunks, num, pollUntil, readAll, str } from "../http.ts";
import { PlatformError, type PublishMedia } from "../types.ts";
import { type XClient, xRequest } from "./client.ts";

/** Chunked uploads: X takes up to 5 MB per APPEND. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const SIMPLE_UPLOAD_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

async function uploadSimple(
  client: XClient,
  token: string,
  media: PublishMedia,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const body = new FormData();
  body.set("media", new Blob([bytes], { type: media.mimeType }), "media");
  body.set("media_category", "tweet_image");
  const response = await xRequest(client, "/2/media/upload", token, "write", "media upload", { body });
  const id = str(asRecord(asRecord(response.body).data).id);
  if (!id) throw new PlatformError("transient", "X media upload answered no id");
  return id;
}

async function uploadChunked(client: XClient, token: string, media: PublishMedia): Promise<string> {
  const category = media.mimeType === "image/gif" ? "tweet_gif" : "tweet_video";
  const init = await xRequest(client, "/2/media/upload/initialize", token, "write", "media initialize", {
    json: { media_type: media.mimeType, total_bytes: media.sizeBytes, media_category: category },
  });
  const id = str(asRecord(asRecord(init.body).data).id);
  if (!id) throw new PlatformError("transient", "X media initialize answered no id");
  let segment = 0;
  for await (const part of chunks(await media.open(), CHUNK_BYTES)) {
    const body = new FormData();
    body.set("media", new Blob([part], { type: "application/octet-stream" }), "media");
    body.set("segment_index", String(segment++));
    await xRequest(client, `/2/media/upload/${id}/append`, token, "write", "media append", { body });
  }
  const finalized = await xRequest(
    client,
    `/2/media/upload/${id}/finalize`,
    token,
    "write",
    "media finalize",
    {
      method: "POST",
    },
  );
  let processing = asRecord(asRecord(asRecord(finalized.body).data).processing_info);
  if (Object.keys(processing).length === 0) return id;
  await pollUntil(
    client.options,
    `X media ${id}`,
    async (attempt) => {
      if (attempt > 0) {
        const status = await xRequest(
          client,
          `/2/media/upload?${new URLSearchParams({ command: "STATUS", media_id: id })}`,
          token,
          "read",
          "media status",
        );
        processing = asRecord(asRecord(asRecord(status.body).data).processing_info);
      }
      const state = str(processing.state);
      if (state === "failed") {
        const error = asRecord(processing.error);
        throw new PlatformError(
          "permanent",
          `X could not process the media: ${str(error.message) ?? "failed"}`,
        );
      }
      return state === "succeeded" ? true : null;
    },
    () => client.fixedPollMs ?? (num(processing.check_after_secs) ?? 1) * 1000,
  );
  return id;
}

/** The media id to attach, once X can use it. */
export async function uploadMedia(client: XClient, token: string, media: PublishMedia): Promise<string> {
  const id = SIMPLE_UPLOAD_TYPES.has(media.mimeType)
    ? await uploadSimple(client, token, media, await readAll(await media.open()))
    : await uploadChunked(client, token, media);
  if (media.altText) {
    await xRequest(client, "/2/media/metadata", token, "write", "media alt text", {
      json: { id, metadata: { alt_text: { text: media.altText } } },
    });
  }
  return id;
}
