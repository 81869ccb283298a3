/**
 * X (API v2, https://docs.x.com/x-api). OAuth 2.0 with PKCE (refresh tokens rotate), media uploaded
 * first, then `POST /2/tweets`; a thread is a chain of replies. X has no idempotency key, so an
 * uncertain outcome is settled by finding our text among the account's recent posts.
 */
import { type AdapterOptions, resolveOptions, sentAtFrom, trimBase } from "../http.ts";
import { authorizeUrl } from "../oauth.ts";
import type { SocialAdapter } from "../types.ts";
import { type XClient, xRequest } from "./client.ts";
import { readXWebhook } from "./inbound.ts";
import { fetchTweetMetrics, X_METRICS_BATCH } from "./metrics.ts";
import { findText, publishTweet, xText } from "./publish.ts";
import { exchangeXCode, refreshXToken, revokeXTokens } from "./tokens.ts";
import { answerXCrc, verifyXSignature } from "./webhooks.ts";

export interface XAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
}

const API = "https://api.x.com";
const AUTH = "https://x.com";
/** POST /2/tweets needs the first three; media.write for uploads; offline.access for a refresh token. */
const SCOPES = ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"];

export function createXAdapter(options: XAdapterOptions = {}): SocialAdapter {
  const client: XClient = {
    api: trimBase(options.baseUrl ?? API),
    options: resolveOptions(options, 1000),
    fixedPollMs: options.pollIntervalMs,
  };
  const auth = trimBase(options.baseUrl ?? AUTH);
  const scopes = options.scopes ?? SCOPES;
  return {
    platform: "x",
    baseUrl: client.api,
    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${auth}/i/oauth2/authorize`, params, scopes),
      exchangeCode: (params) => exchangeXCode(client, params),
    },
    refreshToken: (account, app) => refreshXToken(client, account, app),
    revokeToken: (account, app) => revokeXTokens(client, account, app),
    publish: (account, post, progress) => publishTweet(client, account, post, progress),
    findPublished: (account, post, progress) =>
      findText(client, account, xText(post), sentAtFrom(progress.previous)),
    async deletePost(account, platformPostId) {
      await xRequest(
        client,
        `/2/tweets/${encodeURIComponent(platformPostId)}`,
        account.tokens.accessToken,
        "write",
        "delete",
        { method: "DELETE", ok: [404] },
      );
    },
    fetchMetrics: (account, platformPostIds) => fetchTweetMetrics(client, account, platformPostIds),
    metricsBatchSize: X_METRICS_BATCH,
    verifyWebhook: verifyXSignature,
    answerWebhookChallenge: answerXCrc,
    readWebhook: readXWebhook,
  };
}
