/**
 * Bluesky (AT Protocol; docs/platform-contracts.md, Bluesky): plain XRPC over fetch against the account's PDS,
 * no SDK. An app password opens a session; the refresh JWT renews it. A post is a record in the
 * account's repository (blobs first, then `createRecord` with facets and an embed) at a key derived
 * from our post id, so a retry never makes a second one. Bluesky has no webhooks, so `verifyWebhook`
 * always says no; we listen by asking (notifications, hashtag search).
 */
import { type AdapterOptions, DEFAULT_TIMEOUT_MS, trimBase } from "../http.ts";
import type { SocialAdapter } from "../types.ts";
import { connectWithAppPassword } from "./connect.ts";
import { listenNotifications, searchHashtag } from "./listen.ts";
import { BLUESKY_METRICS_BATCH, fetchPostMetrics } from "./metrics.ts";
import { findPublishedPost, publishPost } from "./publish.ts";
import { deleteRecord } from "./records.ts";
import { deleteSession, refreshSession } from "./session.ts";
import { type Pds, pdsOf } from "./xrpc.ts";

/** The entryway of Bluesky-hosted accounts; a self-hosted account names its PDS when connecting. */
const DEFAULT_SERVICE = "https://bsky.social";
/** Bluesky's AppView for reads without an account. */
const DEFAULT_APPVIEW = "https://public.api.bsky.app";
/** Where did:plc documents are read. */
const DEFAULT_PLC_DIRECTORY = "https://plc.directory";

export interface BlueskyAdapterOptions extends AdapterOptions {
  /** The AppView asked when no account is (public hashtag search). */
  appViewUrl?: string;
  /** The PLC directory (did:plc documents). */
  plcUrl?: string;
  /** The local stack: a PDS a caller names may be on loopback, over http. */
  allowLoopback?: boolean;
}

export function createBlueskyAdapter(options: BlueskyAdapterOptions = {}): SocialAdapter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const entryway: Pds = { url: trimBase(options.baseUrl ?? DEFAULT_SERVICE), timeoutMs };
  const appView: Pds = { url: trimBase(options.appViewUrl ?? DEFAULT_APPVIEW), timeoutMs };
  return {
    platform: "bluesky",
    baseUrl: entryway.url,
    passwordLogin: (identifier, password, service) =>
      connectWithAppPassword(
        {
          entryway,
          plcUrl: options.plcUrl ?? DEFAULT_PLC_DIRECTORY,
          allowLoopback: options.allowLoopback ?? false,
        },
        identifier,
        password,
        service,
      ),
    refreshToken: (account) => refreshSession(pdsOf(account, entryway), account),
    revokeToken: (account) => deleteSession(pdsOf(account, entryway), account),
    publish: (account, post, progress) => publishPost(pdsOf(account, entryway), account, post, progress),
    findPublished: (account, post) => findPublishedPost(pdsOf(account, entryway), account, post),
    deletePost: (account, platformPostId) => deleteRecord(pdsOf(account, entryway), account, platformPostId),
    fetchMetrics: (account, platformPostIds) =>
      fetchPostMetrics(pdsOf(account, entryway), account, platformPostIds),
    metricsBatchSize: BLUESKY_METRICS_BATCH,
    verifyWebhook: async () => false,
    listen: {
      notifications: (account, cursor) => listenNotifications(pdsOf(account, entryway), account, cursor),
      hashtag: (account, tag, cursor) =>
        account
          ? searchHashtag(pdsOf(account, entryway), account.tokens.accessToken, tag, cursor)
          : searchHashtag(appView, null, tag, cursor),
    },
  };
}
