/**
 * Instagram (content publishing with Business Login for Instagram; docs/platform-contracts.md, Instagram). A
 * post is a container — one image, one video as a reel, or a carousel of up to 10 items — that
 * Instagram fetches from our signed media URL and processes; we wait for it (bounded), then
 * `media_publish` it. Instagram has no text-only posts, no link cards and no API deletes.
 */
import { type AdapterOptions, resolveOptions, str, trimBase } from "../http.ts";
import {
  type ContainerDialect,
  containerFlow,
  findThroughContainer,
  publishThroughContainer,
} from "../meta/containers.ts";
import { GRAPH_METRICS_BATCH, type GraphContext, graph, graphInsights, graphMeasure } from "../meta/graph.ts";
import { exchangeCodeForLongLived, refreshLongLived } from "../meta/long-lived-tokens.ts";
import { measured } from "../metrics.ts";
import { authorizeUrl } from "../oauth.ts";
import { answerMetaChallenge, verifyMetaSignature } from "../signatures.ts";
import { PlatformError, type PublishRequest, type SocialAdapter } from "../types.ts";
import { readInstagramWebhook } from "./inbound.ts";
import { searchInstagramHashtag } from "./listen.ts";

export interface InstagramAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
}

const GRAPH = "https://graph.instagram.com";
const API = "https://api.instagram.com";
const WWW = "https://www.instagram.com";
const VERSION = "v25.0";
const SCOPES = [
  "instagram_business_basic",
  "instagram_business_content_publish",
  "instagram_business_manage_insights",
];
const CAROUSEL_MAX = 10;
/** `impressions` and `plays` are gone; a metric without data yet is left out of the answer. */
const INSIGHTS = "views,reach,likes,comments,shares,saved,total_interactions";

const INSTAGRAM: ContainerDialect = {
  containerEdge: "media",
  publishEdge: "media_publish",
  statusField: "status_code",
  detailField: "status",
  textField: "caption",
  // A lone video goes out as a reel; carousel items are VIDEO.
  mediaItem: (media, carousel) =>
    media.mimeType.startsWith("video/")
      ? {
          media_type: carousel ? "VIDEO" : "REELS",
          video_url: media.url,
          share_to_feed: carousel ? null : true,
        }
      : { image_url: media.url, alt_text: media.altText },
  listEdge: () => "media",
};

function checkMedia(post: PublishRequest) {
  if (post.media.length === 0) {
    throw new PlatformError("permanent", "Instagram posts need an image or a video", {
      code: "media_required",
    });
  }
  if (post.media.length > CAROUSEL_MAX) {
    throw new PlatformError("permanent", `an Instagram carousel takes at most ${CAROUSEL_MAX} items`);
  }
}

export function createInstagramAdapter(options: InstagramAdapterOptions = {}): SocialAdapter {
  const root = trimBase(options.baseUrl ?? GRAPH);
  const ctx: GraphContext = {
    platform: "instagram",
    label: "Instagram",
    root,
    api: `${root}/${VERSION}`,
    // Instagram asks for one poll a minute; the consumer's retry carries longer waits.
    options: resolveOptions(options, 5000),
  };
  const api = trimBase(options.baseUrl ?? API);
  const www = trimBase(options.baseUrl ?? WWW);
  const scopes = options.scopes ?? SCOPES;
  return {
    platform: "instagram",
    baseUrl: ctx.api,
    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${www}/oauth/authorize`, params, scopes, ","),
      async exchangeCode(params) {
        const { tokens } = await exchangeCodeForLongLived(ctx, `${api}/oauth/access_token`, "ig", params);
        const me = await graph(ctx, "profile", "/me", {
          token: tokens.accessToken,
          kind: "read",
          params: { fields: "user_id,username" },
        });
        const id = str(me.user_id) ?? str(me.id);
        if (!id) throw new PlatformError("permanent", "Instagram /me answered no user id");
        return { tokens, identity: { platformUserId: id, username: str(me.username), metadata: {} } };
      },
    },
    refreshToken: (account) => refreshLongLived(ctx, "ig", account.tokens.accessToken),
    async publish(account, post, progress) {
      checkMedia(post);
      return publishThroughContainer(containerFlow(ctx, INSTAGRAM, account, post, progress), progress);
    },
    findPublished: (account, post, progress) =>
      findThroughContainer(containerFlow(ctx, INSTAGRAM, account, post, progress), progress),
    async deletePost() {
      throw new PlatformError("permanent", "Instagram has no API to delete a post; delete it in the app", {
        code: "delete_unsupported",
      });
    },
    // Media insights (docs/platform-contracts.md, Instagram › Metrics): no clicks per media.
    fetchMetrics: (account, platformPostIds) =>
      graphMeasure(ctx, platformPostIds, async (id) => {
        const values = await graphInsights(ctx, account.tokens.accessToken, id, INSIGHTS);
        return measured(
          {
            impressions: values.views,
            reach: values.reach,
            likes: values.likes,
            comments: values.comments,
            shares: values.shares,
            saves: values.saved,
          },
          { insights: values },
        );
      }),
    metricsBatchSize: GRAPH_METRICS_BATCH,
    verifyWebhook: verifyMetaSignature,
    answerWebhookChallenge: answerMetaChallenge,
    readWebhook: readInstagramWebhook,
    listen: { hashtag: (account, tag, cursor) => searchInstagramHashtag(ctx, account, tag, cursor) },
  };
}
