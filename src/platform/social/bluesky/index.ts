/**
 * Bluesky (AT Protocol; docs/platforms.md, Bluesky): plain XRPC over fetch against the account's PDS,
 * no SDK. An app password opens a session; the refresh JWT renews it. A post is a record in the
 * account's repository (blobs first, then `createRecord` with facets and an embed) at a key derived
 * from our post id, so a retry never makes a second one. Bluesky has no webhooks (mentions are read
 * from the firehose), so `verifyWebhook` always says no.
 */
import { type AdapterOptions, DEFAULT_TIMEOUT_MS, trimBase } from "../http.ts";
import type { SocialAdapter } from "../types.ts";
import { fetchPostMetrics } from "./metrics.ts";
import { findPublishedPost, publishPost } from "./publish.ts";
import { deleteRecord } from "./records.ts";
import { createSession, refreshSession } from "./session.ts";
import { type Pds, pdsOf } from "./xrpc.ts";

/** The entryway of Bluesky-hosted accounts; a self-hosted account names its PDS when connecting. */
const DEFAULT_SERVICE = "https://bsky.social";

export function createBlueskyAdapter(options: AdapterOptions = {}): SocialAdapter {
  const entryway: Pds = {
    url: trimBase(options.baseUrl ?? DEFAULT_SERVICE),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return {
    platform: "bluesky",
    baseUrl: entryway.url,
    passwordLogin: (identifier, password, service) =>
      createSession({ ...entryway, url: trimBase(service ?? entryway.url) }, identifier, password),
    refreshToken: (account) => refreshSession(pdsOf(account, entryway), account),
    publish: (account, post, progress) => publishPost(pdsOf(account, entryway), account, post, progress),
    findPublished: (account, post) => findPublishedPost(pdsOf(account, entryway), account, post),
    deletePost: (account, platformPostId) => deleteRecord(pdsOf(account, entryway), account, platformPostId),
    fetchMetrics: (account, platformPostId) =>
      fetchPostMetrics(pdsOf(account, entryway), account, platformPostId),
    verifyWebhook: async () => false,
  };
}
