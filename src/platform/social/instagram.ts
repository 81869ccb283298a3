/**
 * Instagram (content publishing with Business Login for Instagram, platforms.md §5). A post is a
 * container (one image, one video as a reel, or a carousel of up to 10 items) that Instagram fetches
 * from our signed media URL and processes; we wait for it (bounded), then `media_publish` it. The
 * container id is saved before publishing: a retry resumes that container, and after an uncertain
 * outcome its `status_code` says whether it was published — Instagram's own idempotency means.
 * Instagram has no text-only posts, no link cards and no API deletes.
 */
import {
  type AdapterOptions,
  asRecord,
  call,
  list,
  normaliseForMatch,
  resolveOptions,
  str,
  trimBase,
} from "./http.ts";
import {
  type ContainerFlow,
  type ContainerStatus,
  carouselChildren,
  findThroughContainer,
  graph,
  graphError,
  graphTime,
  insightValues,
  publishThroughContainer,
} from "./meta.ts";
import { authorizeUrl, requireClient, tokenSetFrom } from "./oauth.ts";
import { answerMetaChallenge, verifyMetaSignature } from "./signatures.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishMedia,
  type PublishProgress,
  type PublishRequest,
  type SocialAdapter,
  type TokenSet,
} from "./types.ts";

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
const LABEL = "Instagram";
const CAROUSEL_MAX = 10;

const isVideo = (media: PublishMedia) => media.mimeType.startsWith("video/");

export function createInstagramAdapter(options: InstagramAdapterOptions = {}): SocialAdapter {
  const root = trimBase(options.baseUrl ?? GRAPH);
  const graphBase = `${root}/${VERSION}`;
  const api = trimBase(options.baseUrl ?? API);
  const www = trimBase(options.baseUrl ?? WWW);
  const scopes = options.scopes ?? SCOPES;
  // Instagram asks for one poll a minute; the consumer's retry carries longer waits.
  const opts = resolveOptions(options, 5000);

  /** The long-lived token endpoints (exchange and refresh) take the token in the query, as documented. */
  async function tokenGet(path: string, query: Record<string, string>, what: string): Promise<TokenSet> {
    const url = new URL(`${root}${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const response = await call(url.toString(), { kind: "write", timeoutMs: opts.timeoutMs });
    if (response.status >= 400) throw graphError(response, "write", `${LABEL} ${what}`);
    return tokenSetFrom(response.body);
  }

  const igUser = (account: ConnectedAccount) => encodeURIComponent(account.platformUserId);

  function flowFor(
    account: ConnectedAccount,
    post: PublishRequest,
    progress: PublishProgress,
  ): ContainerFlow<PublishedRef> {
    const token = account.tokens.accessToken;
    const createContainer = async (params: Record<string, string | boolean | null | undefined>) => {
      const body = await graph(opts, `${LABEL} container`, `${graphBase}/${igUser(account)}/media`, {
        method: "POST",
        token,
        kind: "write",
        params,
      });
      const id = str(body.id);
      if (!id) throw new PlatformError("transient", "Instagram answered a container without an id");
      return id;
    };
    const item = (media: PublishMedia, carousel: boolean) =>
      isVideo(media)
        ? {
            media_type: carousel ? "VIDEO" : "REELS",
            video_url: media.url,
            share_to_feed: carousel ? null : true,
          }
        : { image_url: media.url, alt_text: media.altText };
    const flow: ContainerFlow<PublishedRef> = {
      options: opts,
      label: LABEL,
      async status(containerId) {
        const body = await graph(
          opts,
          `${LABEL} container status`,
          `${graphBase}/${encodeURIComponent(containerId)}`,
          {
            token,
            kind: "read",
            params: { fields: "status_code,status" },
          },
        );
        return {
          status: (str(body.status_code) ?? "IN_PROGRESS") as ContainerStatus,
          detail: str(body.status),
        };
      },
      async create() {
        const [single] = post.media;
        if (single && post.media.length === 1)
          return createContainer({ ...item(single, false), caption: post.text });
        const children = await carouselChildren(flow, progress, post.media, (media) =>
          createContainer({ ...item(media, true), is_carousel_item: true }),
        );
        return createContainer({ media_type: "CAROUSEL", caption: post.text, children: children.join(",") });
      },
      async publish(containerId) {
        const body = await graph(opts, `${LABEL} publish`, `${graphBase}/${igUser(account)}/media_publish`, {
          method: "POST",
          token,
          kind: "create",
          params: { creation_id: containerId },
        });
        const id = str(body.id);
        if (!id) throw new PlatformError("uncertain", "Instagram published but answered no media id");
        return { platformPostId: id, url: await permalink(token, id), response: body };
      },
      async findSince(sinceMs) {
        const body = await graph(opts, `${LABEL} media`, `${graphBase}/${igUser(account)}/media`, {
          token,
          kind: "read",
          params: { fields: "id,caption,timestamp,permalink", since: Math.floor(sinceMs / 1000), limit: 50 },
        });
        const wanted = normaliseForMatch(post.text);
        const ours = list(body.data)
          .map(asRecord)
          .filter((media) => normaliseForMatch(str(media.caption) ?? "") === wanted)
          .sort((a, b) => (graphTime(a.timestamp) ?? 0) - (graphTime(b.timestamp) ?? 0))[0];
        const id = ours ? str(ours.id) : null;
        return id && ours ? { platformPostId: id, url: str(ours.permalink), response: ours } : null;
      },
    };
    return flow;
  }

  /** The post's permalink; the post exists even when this read fails, so a failure is only a missing URL. */
  async function permalink(token: string, mediaId: string): Promise<string | null> {
    try {
      const body = await graph(opts, `${LABEL} media`, `${graphBase}/${encodeURIComponent(mediaId)}`, {
        token,
        kind: "read",
        params: { fields: "permalink" },
      });
      return str(body.permalink);
    } catch {
      return null;
    }
  }

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

  return {
    platform: "instagram",
    baseUrl: graphBase,

    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${www}/oauth/authorize`, params, scopes, ","),
      async exchangeCode({ client, redirectUri, code, codeVerifier }) {
        const secret = requireClient(client, "instagram").clientSecret ?? "";
        const response = await call(`${api}/oauth/access_token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            client_id: client.clientId,
            client_secret: secret,
            grant_type: "authorization_code",
            redirect_uri: redirectUri,
            code,
            code_verifier: codeVerifier,
          }),
          kind: "write",
          timeoutMs: opts.timeoutMs,
        });
        if (response.status >= 400) throw graphError(response, "write", `${LABEL} code exchange`);
        // Older answers are flat, newer ones wrap it in `data: [...]`.
        const answer = asRecord(list(asRecord(response.body).data)[0] ?? response.body);
        const short = tokenSetFrom(answer);
        const tokens = await tokenGet(
          "/access_token",
          { grant_type: "ig_exchange_token", client_secret: secret, access_token: short.accessToken },
          "long-lived token",
        );
        const me = await graph(opts, `${LABEL} profile`, `${graphBase}/me`, {
          token: tokens.accessToken,
          kind: "read",
          params: { fields: "user_id,username" },
        });
        const id = str(me.user_id) ?? str(me.id);
        if (!id) throw new PlatformError("permanent", "Instagram /me answered no user id");
        // The long-lived token refreshes itself (ig_refresh_token): there is no separate refresh token.
        return { tokens, identity: { platformUserId: id, username: str(me.username), metadata: {} } };
      },
    },

    refreshToken: (account) =>
      tokenGet(
        "/refresh_access_token",
        { grant_type: "ig_refresh_token", access_token: account.tokens.accessToken },
        "token refresh",
      ),

    async publish(account, post, progress) {
      checkMedia(post);
      return publishThroughContainer(flowFor(account, post, progress), progress);
    },

    findPublished: (account, post, progress) =>
      findThroughContainer(flowFor(account, post, progress), progress),

    async deletePost() {
      throw new PlatformError("permanent", "Instagram has no API to delete a post; delete it in the app", {
        code: "delete_unsupported",
      });
    },

    async fetchMetrics(account, platformPostId) {
      const body = await graph(
        opts,
        `${LABEL} insights`,
        `${graphBase}/${encodeURIComponent(platformPostId)}/insights`,
        {
          token: account.tokens.accessToken,
          kind: "read",
          params: { metric: "views,reach,likes,comments,shares,saved,total_interactions" },
        },
      );
      const values = insightValues(body);
      return {
        impressions: values.views ?? null,
        likes: values.likes ?? null,
        comments: values.comments ?? null,
        shares: values.shares ?? null,
        clicks: null,
        raw: values,
      };
    },

    verifyWebhook: verifyMetaSignature,
    answerWebhookChallenge: answerMetaChallenge,
  };
}
