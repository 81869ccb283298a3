/**
 * Bytes the public pages show, through the API's own origin so an event's page makes no third-party
 * request: the organisation's media files (a speaker's photo, a published post's image) by their
 * SHA-256, and approved wall items' avatars and media fetched from the platform's address we stored.
 */
import type { Database } from "../../db/client.ts";
import { type Config, isLocalStack } from "../../env.ts";
import { NotFoundError } from "../../errors.ts";
import { callerUrlProblem } from "../../platform/public-url.ts";
import { readInboundImageUrl, readPublicFile } from "./reads.ts";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const IMAGE_TIMEOUT_MS = 10_000;

export async function openPublicFile(config: Config, db: Database, key: string, sha256: string) {
  const file = await readPublicFile(db, key, sha256);
  const object = await config.MEDIA.get(file.storage_key);
  if (!object) throw new NotFoundError("file_not_found", "No such file on this event's public pages.");
  return { body: object.body, contentType: file.mime_type };
}

const imageNotFound = () => new NotFoundError("image_not_found", "No such image on this event's wall.");

/**
 * Fetches an approved item's image from where its platform keeps it. Only addresses the platform
 * gave us for an item an organisation approved are fetched, through the guard on callers' addresses
 * (platform/public-url.ts: https to a public host name; loopback on the local stack), and only images
 * of at most 10 MiB come back.
 */
export async function openInboundImage(
  config: Config,
  db: Database,
  key: string,
  id: string,
  slot: "avatar" | number,
) {
  const split = id.indexOf(":");
  const url = await readInboundImageUrl(
    db,
    key,
    { platform: id.slice(0, split), platformItemId: id.slice(split + 1) },
    slot,
  );
  // The same guard as for every address a caller chooses: https, a public host name.
  if (callerUrlProblem(url, { allowLoopback: isLocalStack(config) })) throw imageNotFound();
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS), redirect: "follow" });
  } catch {
    throw imageNotFound();
  }
  const contentType = response.headers.get("content-type") ?? "";
  const length = Number(response.headers.get("content-length") ?? 0);
  if (!response.ok || !contentType.startsWith("image/") || length > MAX_IMAGE_BYTES) {
    await response.body?.cancel();
    throw imageNotFound();
  }
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw imageNotFound();
  return { body: bytes, contentType };
}
