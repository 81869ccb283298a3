/**
 * LinkedIn (Posts API; docs/platform-contracts.md, LinkedIn): posting as the member with self-serve "Share on
 * LinkedIn". Images and videos are uploaded first, then `POST /rest/posts` with the commentary in the
 * little text format. No idempotency key: an uncertain outcome is settled by reading the author's
 * recent posts, which only partner access allows.
 */
import { type AdapterOptions, resolveOptions, trimBase } from "../http.ts";
import { authorizeUrl } from "../oauth.ts";
import type { SocialAdapter } from "../types.ts";
import { type LinkedInClient, rest } from "./client.ts";
import { readLinkedInWebhook } from "./inbound.ts";
import { fetchLinkedInMetrics, LINKEDIN_METRICS_BATCH } from "./metrics.ts";
import { findOnLinkedIn, publishToLinkedIn } from "./publish.ts";
import { exchangeLinkedInCode, refreshLinkedInToken, revokeLinkedInToken } from "./tokens.ts";
import { answerLinkedInChallenge, verifyLinkedInSignature } from "./webhooks.ts";

export interface LinkedInAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
  /** `LinkedIn-Version` (YYYYMM). LinkedIn retires a version after about a year (426 NONEXISTENT_VERSION). */
  version?: string;
}

const API = "https://api.linkedin.com";
const WWW = "https://www.linkedin.com";
export const LINKEDIN_VERSION = "202610";
/** Self-serve "Share on LinkedIn" with Sign In: posting as the member. */
const SCOPES = ["openid", "profile", "w_member_social"];
/** What an approved partner may ask for: reading the member's own posts makes reconciling possible. */
export const LINKEDIN_PARTNER_SCOPES = [...SCOPES, "r_member_social"];

export function createLinkedInAdapter(options: LinkedInAdapterOptions = {}): SocialAdapter {
  const client: LinkedInClient = {
    api: trimBase(options.baseUrl ?? API),
    www: trimBase(options.baseUrl ?? WWW),
    version: options.version ?? LINKEDIN_VERSION,
    options: resolveOptions(options, 2000),
  };
  const scopes = options.scopes ?? SCOPES;
  return {
    platform: "linkedin",
    baseUrl: client.api,
    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${client.www}/oauth/v2/authorization`, params, scopes),
      exchangeCode: (params) => exchangeLinkedInCode(client, params),
    },
    refreshToken: (account, app) => refreshLinkedInToken(client, account, app),
    revokeToken: (account, app) => revokeLinkedInToken(client, account, app),
    publish: (account, post, progress) => publishToLinkedIn(client, account, post, progress),
    findPublished: (account, post, progress) => findOnLinkedIn(client, account, post, progress),
    async deletePost(account, platformPostId) {
      await rest(
        client,
        `/rest/posts/${encodeURIComponent(platformPostId)}`,
        account.tokens.accessToken,
        "write",
        "delete",
        { method: "DELETE", ok: [404] },
      );
    },
    fetchMetrics: (account, platformPostIds) => fetchLinkedInMetrics(client, account, platformPostIds),
    metricsBatchSize: LINKEDIN_METRICS_BATCH,
    verifyWebhook: verifyLinkedInSignature,
    answerWebhookChallenge: answerLinkedInChallenge,
    readWebhook: readLinkedInWebhook,
  };
}
