/**
 * Facebook Pages (Graph API; docs/platform-contracts.md, Facebook Pages): a Page connected through Facebook
 * Login, posts to its feed, photos and videos, reconciled by searching the feed for our message.
 */
import { type AdapterOptions, resolveOptions, trimBase } from "../http.ts";
import { GRAPH_METRICS_BATCH, type GraphContext, graphDelete } from "../meta/graph.ts";
import { authorizeUrl } from "../oauth.ts";
import { answerMetaChallenge, verifyMetaSignature } from "../signatures.ts";
import type { SocialAdapter } from "../types.ts";
import { connectPage, deauthorizePage, renewPageToken } from "./connect.ts";
import { readFacebookWebhook } from "./inbound.ts";
import { fetchPageMetrics } from "./metrics.ts";
import { findOnPage, publishToPage } from "./publish.ts";

export interface FacebookAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
}

const GRAPH = "https://graph.facebook.com";
const WWW = "https://www.facebook.com";
export const GRAPH_VERSION = "v25.0";
const SCOPES = ["pages_show_list", "pages_manage_posts", "pages_read_engagement", "read_insights"];

export function createFacebookAdapter(options: FacebookAdapterOptions = {}): SocialAdapter {
  const root = trimBase(options.baseUrl ?? GRAPH);
  const ctx: GraphContext = {
    platform: "facebook",
    label: "Facebook",
    root,
    api: `${root}/${GRAPH_VERSION}`,
    options: resolveOptions(options, 1000),
  };
  const www = `${trimBase(options.baseUrl ?? WWW)}/${GRAPH_VERSION}`;
  const scopes = options.scopes ?? SCOPES;
  return {
    platform: "facebook",
    baseUrl: ctx.api,
    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${www}/dialog/oauth`, params, scopes, ","),
      exchangeCode: (params) => connectPage(ctx, params),
    },
    refreshToken: (account) => renewPageToken(ctx, account),
    revokeToken: (account) => deauthorizePage(ctx, account),
    publish: (account, post, progress) => publishToPage(ctx, account, post, progress),
    findPublished: (account, post, progress) => findOnPage(ctx, account, post, progress),
    deletePost: (account, platformPostId) => graphDelete(ctx, platformPostId, account.tokens.accessToken),
    fetchMetrics: (account, platformPostIds) => fetchPageMetrics(ctx, account, platformPostIds),
    metricsBatchSize: GRAPH_METRICS_BATCH,
    verifyWebhook: verifyMetaSignature,
    answerWebhookChallenge: answerMetaChallenge,
    readWebhook: readFacebookWebhook,
  };
}
