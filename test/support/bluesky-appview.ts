/**
 * The fake AppView behind the local PDS (test/fakes/appview, started with the PDS): records written
 * to the PDS indexed as the AppView would after the firehose, views added as given, injected
 * failures, and the calls it received. Scope faults to your account's DID: test files share it.
 */
import { env } from "cloudflare:workers";
import { type PdsAccount, pdsXrpc } from "./bluesky.ts";

type Json = Record<string, unknown>;

const appViewUrl = (): string => {
  if (!env.BLUESKY_APPVIEW_URL) throw new Error("BLUESKY_APPVIEW_URL is not set (is the PDS peer running?)");
  return env.BLUESKY_APPVIEW_URL;
};

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${appViewUrl()}/_fake${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`fake AppView ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Indexes records already in the PDS; answers when each was indexed and whom it notified. */
export const indexRecords = (...uris: string[]) =>
  control<{ indexed: Array<{ uri: string; indexedAt: string; notified: string[] }> }>("POST", "/index", {
    uris,
  }).then((body) => body.indexed);

/** Notification views for `did` as given (cid, isRead, labels and a fresh indexedAt defaulted). */
export const addNotifications = (did: string, notifications: Json[]) =>
  control<{ notifications: Json[] }>("POST", "/notifications", { did, notifications }).then(
    (body) => body.notifications,
  );

/** Post views as given (cid and a fresh indexedAt defaulted), found by search and getPosts. */
export const addPosts = (posts: Json[]) =>
  control<{ posts: Array<{ uri: string; indexedAt: string }> }>("POST", "/posts", { posts }).then(
    (body) => body.posts,
  );

/** The next `times` calls of `method` by `did` fail with `status` (429: with the rate-limit headers). */
export const queueAppViewFault = (fault: { method: string; did: string; status?: number; times?: number }) =>
  control("POST", "/faults", fault);

export interface AppViewCall {
  method: string;
  /** The caller the PDS's service-auth token named; null for an unauthenticated call. */
  did: string | null;
  params: Record<string, string[]>;
}

export const appViewCalls = (did?: string) =>
  control<{ calls: AppViewCall[] }>("GET", `/calls${did ? `?did=${encodeURIComponent(did)}` : ""}`).then(
    (body) => body.calls,
  );

/** A record written to `author`'s repository (`collection`, default a post): its URI and CID. */
export async function writeRecord(
  author: PdsAccount,
  record: Json,
  collection = "app.bsky.feed.post",
): Promise<{ uri: string; cid: string }> {
  const body = await pdsXrpc("com.atproto.repo.createRecord", {
    token: author.accessJwt,
    json: {
      repo: author.did,
      collection,
      record: { $type: collection, createdAt: new Date().toISOString(), ...record },
    },
  });
  return { uri: String(body.uri), cid: String(body.cid) };
}

const utf8 = new TextEncoder();

/** The facet of `needle` (its first occurrence) in `text`: UTF-8 byte offsets, as the lexicon wants. */
export function facetOf(text: string, needle: string, feature: Json): Json {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} is not in ${text}`);
  const byteStart = utf8.encode(text.slice(0, at)).length;
  return { index: { byteStart, byteEnd: byteStart + utf8.encode(needle).length }, features: [feature] };
}

export const mentionFacet = (text: string, account: PdsAccount) =>
  facetOf(text, `@${account.handle}`, { $type: "app.bsky.richtext.facet#mention", did: account.did });

export const tagFacet = (text: string, tag: string) =>
  facetOf(text, `#${tag}`, { $type: "app.bsky.richtext.facet#tag", tag });
