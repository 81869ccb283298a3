import { asRecord, list, num } from "../http.ts";
import { type ConnectedAccount, PlatformError, type PostMetrics } from "../types.ts";
import { parseAtUri, type RecordRef } from "./records.ts";
import { type Pds, xrpc } from "./xrpc.ts";

/**
 * `app.bsky.feed.getPosts`, asked of the PDS, which proxies it to its AppView as it does for every
 * Bluesky client (docs/platform-contracts.md, Bluesky › Metrics). A PDS without an AppView, or an AppView that
 * has not indexed the post yet (it answers no view), gets nulls, with the record itself as proof that
 * the post exists.
 */
export async function fetchPostMetrics(
  pds: Pds,
  account: ConnectedAccount,
  platformPostId: string,
): Promise<PostMetrics> {
  const ref = parseAtUri(platformPostId);
  try {
    const body = await xrpc(pds, "app.bsky.feed.getPosts", "read", {
      token: account.tokens.accessToken,
      query: { uris: platformPostId },
    });
    const found = list(body.posts)[0];
    if (found === undefined) return await fromRecord(pds, ref, platformPostId);
    const view = asRecord(found);
    const reposts = num(view.repostCount);
    const quotes = num(view.quoteCount);
    return {
      impressions: null,
      likes: num(view.likeCount),
      comments: num(view.replyCount),
      shares: reposts === null && quotes === null ? null : (reposts ?? 0) + (quotes ?? 0),
      clicks: null,
      raw: {
        likeCount: view.likeCount ?? null,
        replyCount: view.replyCount ?? null,
        repostCount: view.repostCount ?? null,
        quoteCount: view.quoteCount ?? null,
        bookmarkCount: view.bookmarkCount ?? null,
      },
    };
  } catch (error) {
    // A PDS with no AppView behind it answers "No service configured for app.bsky.feed.getPosts".
    if (!(error instanceof PlatformError && /no service configured/i.test(error.message))) throw error;
  }
  return await fromRecord(pds, ref, platformPostId);
}

async function fromRecord(pds: Pds, ref: RecordRef, platformPostId: string): Promise<PostMetrics> {
  const body = await xrpc(pds, "com.atproto.repo.getRecord", "read", {
    query: { repo: ref.did, collection: ref.collection, rkey: ref.rkey },
  });
  return {
    impressions: null,
    likes: null,
    comments: null,
    shares: null,
    clicks: null,
    raw: { source: "record", uri: body.uri ?? platformPostId, cid: body.cid ?? null },
  };
}
