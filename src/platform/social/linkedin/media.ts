/**
 * Images and videos uploaded before the post (initialize, PUT the bytes, finalize a video), then
 * waited for until AVAILABLE (docs/platform-contracts.md, LinkedIn › Publishing). Their URNs can be reused, so
 * a retry does not upload again.
 */
import { asRecord, chunks, list, num, pollUntil, readAll, str } from "../http.ts";
import { PlatformError, type PublishMedia } from "../types.ts";
import { LABEL, type LinkedInClient, putUpload, rest } from "./client.ts";

async function awaitAvailable(client: LinkedInClient, token: string, kind: "images" | "videos", urn: string) {
  await pollUntil(client.options, `${LABEL} ${kind} ${urn}`, async () => {
    const response = await rest(
      client,
      `/rest/${kind}/${encodeURIComponent(urn)}`,
      token,
      "read",
      `${kind} status`,
    );
    const status = str(asRecord(response.body).status);
    if (status === "FAILED" || status === "PROCESSING_FAILED") {
      throw new PlatformError("permanent", `LinkedIn could not process ${urn}: ${status}`, { code: status });
    }
    return status === "AVAILABLE" ? true : null;
  });
}

async function uploadImage(client: LinkedInClient, token: string, owner: string, media: PublishMedia) {
  const init = await rest(client, "/rest/images?action=initializeUpload", token, "write", "image upload", {
    json: { initializeUploadRequest: { owner } },
  });
  const value = asRecord(asRecord(init.body).value);
  const uploadUrl = str(value.uploadUrl);
  const urn = str(value.image);
  if (!uploadUrl || !urn)
    throw new PlatformError("transient", "LinkedIn answered an image upload without a URL");
  await putUpload(client, uploadUrl, token, await readAll(await media.open()), "image upload");
  await awaitAvailable(client, token, "images", urn);
  return urn;
}

/** A video in the parts LinkedIn's upload instructions name, each part's ETag kept for the finalize. */
async function uploadVideo(client: LinkedInClient, token: string, owner: string, media: PublishMedia) {
  const init = await rest(client, "/rest/videos?action=initializeUpload", token, "write", "video upload", {
    json: {
      initializeUploadRequest: {
        owner,
        fileSizeBytes: media.sizeBytes,
        uploadCaptions: false,
        uploadThumbnail: false,
      },
    },
  });
  const value = asRecord(asRecord(init.body).value);
  const urn = str(value.video);
  const instructions = list(value.uploadInstructions).map(asRecord);
  if (!urn || instructions.length === 0) {
    throw new PlatformError("transient", "LinkedIn answered a video upload without instructions");
  }
  const partSize = (num(instructions[0]?.lastByte) ?? 0) - (num(instructions[0]?.firstByte) ?? 0) + 1;
  const etags: string[] = [];
  let index = 0;
  for await (const part of chunks(await media.open(), Math.max(1, partSize))) {
    const url = str(instructions[index++]?.uploadUrl);
    if (!url)
      throw new PlatformError("permanent", "the video is larger than LinkedIn's upload instructions say");
    etags.push((await putUpload(client, url, token, part, "video upload")) ?? "");
  }
  await rest(client, "/rest/videos?action=finalizeUpload", token, "write", "video finalize", {
    json: {
      finalizeUploadRequest: {
        video: urn,
        uploadToken: str(value.uploadToken) ?? "",
        uploadedPartIds: etags,
      },
    },
  });
  await awaitAvailable(client, token, "videos", urn);
  return urn;
}

/** The URN to attach, once LinkedIn can show it. */
export const uploadMedia = (client: LinkedInClient, token: string, owner: string, media: PublishMedia) =>
  media.mimeType.startsWith("video/")
    ? uploadVideo(client, token, owner, media)
    : uploadImage(client, token, owner, media);
