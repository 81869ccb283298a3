import { asRecord, type Json, list, num, str } from "../http.ts";
import { batchIds, eachLimited, measured, sumGiven } from "../metrics.ts";
import { type ConnectedAccount, PlatformError, type PostMetrics } from "../types.ts";
import { atUriParts, type RecordRef } from "./records.ts";
import { isNotFound, type Pds, xrpc } from "./xrpc.ts";

/** `app.bsky.feed.getPosts` takes at most 25 URIs. */
export const BLUESKY_METRICS_BATCH = 25;
/** Records read at once for the posts the AppView gave no view of. */
const RECORD_READS = 4;

/**
 * `app.bsky.feed.getPosts` for the whole batch, asked of the PDS, which proxies it to its AppView as
 * it does for every Bluesky client (docs/platform-contracts.md, Bluesky › Metrics). The AppView leaves
 * out what it has no view of: a deleted post, or one it has not indexed yet. Those are told apart by
 * the record itself: gone (`RecordNotFound`) is null, still there is a measurement of nulls. A PDS
 * without an AppView gets the same treatment for every post.
 */
export async function fetchPostMetrics(
  pds: Pds,
  account: ConnectedAccount,
  platformPostIds: readonly string[],
): Promise<Map<string, PostMetrics | null>> {
  const uris = batchIds(platformPostIds, BLUESKY_METRICS_BATCH, "Bluesky");
  const answer = new Map<string, PostMetrics | null>();
  const refs = new Map<string, RecordRef>();
  // A string that is not an AT URI names no post: asking for it would fail the whole batch.
  for (const uri of uris) {
    const ref = atUriParts(uri);
    if (ref) refs.set(uri, ref);
    else answer.set(uri, null);
  }
  const views = await postViews(pds, account, [...refs.keys()]);
  const unseen: Array<[string, RecordRef]> = [];
  for (const [uri, ref] of refs) {
    const view = views?.get(uri);
    if (view) answer.set(uri, fromView(view));
    else unseen.push([uri, ref]);
  }
  const fromRecords = await eachLimited(unseen, RECORD_READS, ([uri, ref]) => fromRecord(pds, ref, uri));
  unseen.forEach(([uri], i) => {
    answer.set(uri, fromRecords[i] ?? null);
  });
  return answer;
}

/** The AppView's views by URI; null when the PDS has no AppView behind it. */
async function postViews(
  pds: Pds,
  account: ConnectedAccount,
  uris: string[],
): Promise<Map<string, Json> | null> {
  if (uris.length === 0) return new Map();
  try {
    const body = await xrpc(pds, "app.bsky.feed.getPosts", "read", {
      token: account.tokens.accessToken,
      query: { uris },
    });
    const views = new Map<string, Json>();
    for (const item of list(body.posts)) {
      const view = asRecord(item);
      const uri = str(view.uri);
      if (uri) views.set(uri, view);
    }
    return views;
  } catch (error) {
    // A PDS with no AppView behind it answers "No service configured for app.bsky.feed.getPosts".
    if (error instanceof PlatformError && /no service configured/i.test(error.message)) return null;
    throw error;
  }
}

/** Likes, replies, reposts + quotes and bookmarks (when the AppView gives them); Bluesky counts no views or clicks. */
function fromView(view: Json): PostMetrics {
  return measured(
    {
      likes: num(view.likeCount),
      comments: num(view.replyCount),
      shares: sumGiven(num(view.repostCount), num(view.quoteCount)),
      saves: num(view.bookmarkCount),
    },
    {
      likeCount: view.likeCount ?? null,
      replyCount: view.replyCount ?? null,
      repostCount: view.repostCount ?? null,
      quoteCount: view.quoteCount ?? null,
      bookmarkCount: view.bookmarkCount ?? null,
    },
  );
}

async function fromRecord(pds: Pds, ref: RecordRef, uri: string): Promise<PostMetrics | null> {
  try {
    const body = await xrpc(pds, "com.atproto.repo.getRecord", "read", {
      query: { repo: ref.did, collection: ref.collection, rkey: ref.rkey },
    });
    return measured({}, { source: "record", uri: body.uri ?? uri, cid: body.cid ?? null });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
