/**
 * Posts as records of the account's repository: their AT URIs and web URLs, reading what our record
 * key holds, and deleting one (docs/platform-contracts.md, Bluesky › Idempotency and existence check).
 */
import { asRecord, str } from "../http.ts";
import { type ConnectedAccount, PlatformError, type PublishedRef } from "../types.ts";
import { isNotFound, type Pds, xrpc } from "./xrpc.ts";

export const POST_COLLECTION = "app.bsky.feed.post";

export interface RecordRef {
  did: string;
  collection: string;
  rkey: string;
}

/** The parts of an AT URI (`at://<did>/<collection>/<rkey>`), or null when it is not one. */
export function atUriParts(uri: string): RecordRef | null {
  const match = /^at:\/\/(did:[a-z]+:[a-zA-Z0-9._:%-]+)\/([a-zA-Z0-9.-]+)\/([a-zA-Z0-9._:~-]+)$/.exec(uri);
  return match ? { did: match[1]!, collection: match[2]!, rkey: match[3]! } : null;
}

export function parseAtUri(uri: string): RecordRef {
  const ref = atUriParts(uri);
  if (!ref) throw new PlatformError("permanent", `not a Bluesky post URI: ${uri}`, { code: "invalid_uri" });
  return ref;
}

export const postUrl = (did: string, rkey: string) => `https://bsky.app/profile/${did}/post/${rkey}`;

/** A post we published, from its saved URI and CID. */
export const refOf = (did: string, uri: string, cid: unknown): PublishedRef => ({
  platformPostId: uri,
  url: postUrl(did, uri.split("/").at(-1) ?? ""),
  response: { uri, cid },
});

/** What the repository holds at our key: nothing, our post, or (a key collision) someone else's record. */
export async function recordAt(
  pds: Pds,
  did: string,
  rkey: string,
  text: string,
): Promise<{ ours: PublishedRef } | "absent" | "foreign"> {
  try {
    const body = await xrpc(pds, "com.atproto.repo.getRecord", "read", {
      query: { repo: did, collection: POST_COLLECTION, rkey },
    });
    if (str(asRecord(body.value).text) !== text) return "foreign";
    const uri = str(body.uri) ?? `at://${did}/${POST_COLLECTION}/${rkey}`;
    return { ours: { platformPostId: uri, url: postUrl(did, rkey), response: { uri, cid: body.cid } } };
  } catch (error) {
    if (isNotFound(error)) return "absent";
    throw error;
  }
}

export const keyCollision = (rkey: string) =>
  new PlatformError("permanent", `Bluesky record key ${rkey} already holds a different post`, {
    code: "record_key_collision",
  });

/** Deletes a post of this account's repository; one already gone counts as deleted. */
export async function deleteRecord(
  pds: Pds,
  account: ConnectedAccount,
  platformPostId: string,
): Promise<void> {
  const ref = parseAtUri(platformPostId);
  if (ref.did !== account.platformUserId) {
    throw new PlatformError("permanent", `post ${platformPostId} is not in this account's repository`, {
      code: "not_this_account",
    });
  }
  try {
    await xrpc(pds, "com.atproto.repo.deleteRecord", "write", {
      token: account.tokens.accessToken,
      json: { repo: ref.did, collection: ref.collection, rkey: ref.rkey },
    });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
