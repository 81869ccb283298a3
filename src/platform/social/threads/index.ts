/**
 * Threads (docs/platform-contracts.md, Threads): the Instagram container flow — a TEXT, IMAGE, VIDEO or
 * CAROUSEL (2–20) container, waited for, then `threads_publish`. A link goes as `link_attachment` on
 * text posts (else Threads previews the first URL in the text). A thread is a chain of replies.
 */
import { type AdapterOptions, resolveOptions, str, trimBase } from "../http.ts";
import {
  type ContainerDialect,
  containerFlow,
  findThroughContainer,
  publishThroughContainer,
} from "../meta/containers.ts";
import {
  GRAPH_METRICS_BATCH,
  type GraphContext,
  graph,
  graphDelete,
  graphInsights,
  graphMeasure,
} from "../meta/graph.ts";
import { exchangeCodeForLongLived, refreshLongLived } from "../meta/long-lived-tokens.ts";
import { measured, sumGiven } from "../metrics.ts";
import { authorizeUrl } from "../oauth.ts";
import { answerMetaChallenge, verifyMetaSignature } from "../signatures.ts";
import { PlatformError, type SocialAdapter } from "../types.ts";
import { readThreadsWebhook } from "./inbound.ts";
import { publishThread } from "./thread.ts";

export interface ThreadsAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
}

const GRAPH = "https://graph.threads.net";
const WWW = "https://threads.net";
const VERSION = "v1.0";
// Replies (a thread's later parts) need threads_manage_replies, and finding one after a lost answer
// threads_read_replies; accounts connected before these were asked for must reconnect to post threads.
const SCOPES = [
  "threads_basic",
  "threads_content_publish",
  "threads_manage_replies",
  "threads_read_replies",
  "threads_manage_insights",
  "threads_delete",
];
const CAROUSEL_MAX = 20;
const INSIGHTS = "views,likes,replies,reposts,quotes,shares";

const THREADS: ContainerDialect = {
  containerEdge: "threads",
  publishEdge: "threads_publish",
  statusField: "status",
  detailField: "error_message",
  textField: "text",
  mediaItem: (media) =>
    media.mimeType.startsWith("video/")
      ? { media_type: "VIDEO", video_url: media.url, alt_text: media.altText }
      : { media_type: "IMAGE", image_url: media.url, alt_text: media.altText },
  textPost: (post, replyTo) => ({
    media_type: "TEXT",
    text: post.text,
    link_attachment: post.link,
    reply_to_id: replyTo,
  }),
  // The account's replies are listed apart from its posts.
  listEdge: (replyTo) => (replyTo ? "replies" : "threads"),
};

export function createThreadsAdapter(options: ThreadsAdapterOptions = {}): SocialAdapter {
  const root = trimBase(options.baseUrl ?? GRAPH);
  const ctx: GraphContext = {
    platform: "threads",
    label: "Threads",
    root,
    api: `${root}/${VERSION}`,
    options: resolveOptions(options, 5000),
  };
  const www = trimBase(options.baseUrl ?? WWW);
  const scopes = options.scopes ?? SCOPES;
  return {
    platform: "threads",
    baseUrl: ctx.api,
    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${www}/oauth/authorize`, params, scopes, ","),
      async exchangeCode(params) {
        const { tokens, answer } = await exchangeCodeForLongLived(
          ctx,
          `${root}/oauth/access_token`,
          "th",
          params,
        );
        const me = await graph(ctx, "profile", "/me", {
          token: tokens.accessToken,
          kind: "read",
          params: { fields: "id,username,name" },
        });
        const id = str(me.id) ?? str(answer.user_id);
        if (!id) throw new PlatformError("permanent", "Threads /me answered no id");
        return {
          tokens,
          identity: { platformUserId: id, username: str(me.username), metadata: { name: str(me.name) } },
        };
      },
    },
    refreshToken: (account) => refreshLongLived(ctx, "th", account.tokens.accessToken),
    async publish(account, post, progress) {
      if (post.media.length > CAROUSEL_MAX) {
        throw new PlatformError("permanent", `a Threads carousel takes at most ${CAROUSEL_MAX} items`);
      }
      const replies = post.replies ?? [];
      if (replies.length > 0) return publishThread(ctx, THREADS, account, post, replies, progress);
      return publishThroughContainer(containerFlow(ctx, THREADS, account, post, progress), progress);
    },
    findPublished: (account, post, progress) =>
      findThroughContainer(containerFlow(ctx, THREADS, account, post, progress), progress),
    deletePost: (account, platformPostId) => graphDelete(ctx, platformPostId, account.tokens.accessToken),
    // Media insights (docs/platform-contracts.md, Threads › Metrics): no reach, saves or clicks per post.
    fetchMetrics: (account, platformPostIds) =>
      graphMeasure(ctx, platformPostIds, async (id) => {
        const values = await graphInsights(ctx, account.tokens.accessToken, id, INSIGHTS);
        return measured(
          {
            impressions: values.views,
            likes: values.likes,
            comments: values.replies,
            shares: sumGiven(values.reposts, values.quotes, values.shares),
          },
          { insights: values },
        );
      }),
    metricsBatchSize: GRAPH_METRICS_BATCH,
    verifyWebhook: verifyMetaSignature,
    answerWebhookChallenge: answerMetaChallenge,
    readWebhook: readThreadsWebhook,
  };
}
