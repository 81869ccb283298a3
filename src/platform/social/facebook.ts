/**
 * Facebook Pages (Graph API, platforms.md §4). Connecting: Facebook Login (with PKCE) → a long-lived
 * user token → the Page's token, which does not expire; the long-lived user token is kept as the
 * "refresh token" because it is what derives a new Page token. The account is the first Page the
 * person may create content on. Publishing: `/{page}/feed` (text, link), `/{page}/photos` (one image),
 * unpublished photos attached to a feed post (several), `/{page}/videos` (one video). Graph has no
 * idempotency key: after an uncertain outcome the Page feed is searched for our exact message.
 */
import {
  type AdapterOptions,
  asRecord,
  call,
  list,
  normaliseForMatch,
  num,
  resolveOptions,
  sentAtFrom,
  str,
  trimBase,
} from "./http.ts";
import { graph, graphDelete, graphError, graphTime, insightValues } from "./meta.ts";
import { authorizeUrl, requireClient, tokenSetFrom } from "./oauth.ts";
import { answerMetaChallenge, verifyMetaSignature } from "./signatures.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishMedia,
  type PublishRequest,
  type SocialAdapter,
  type TokenSet,
} from "./types.ts";

export interface FacebookAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
}

const GRAPH = "https://graph.facebook.com";
const WWW = "https://www.facebook.com";
export const GRAPH_VERSION = "v25.0";
const SCOPES = ["pages_show_list", "pages_manage_posts", "pages_read_engagement", "read_insights"];
const LABEL = "Facebook";

/** The message as posted: with media there is no link card, so the link goes in the text. */
export function facebookMessage(post: PublishRequest): string {
  if (!post.link || post.media.length === 0 || post.text.includes(post.link)) return post.text;
  return `${post.text}\n\n${post.link}`;
}

const isVideo = (media: PublishMedia) => media.mimeType.startsWith("video/");

export function createFacebookAdapter(options: FacebookAdapterOptions = {}): SocialAdapter {
  const graphBase = `${trimBase(options.baseUrl ?? GRAPH)}/${GRAPH_VERSION}`;
  const www = `${trimBase(options.baseUrl ?? WWW)}/${GRAPH_VERSION}`;
  const scopes = options.scopes ?? SCOPES;
  const opts = resolveOptions(options, 1000);

  /** The OAuth token endpoint answers GET with the client secret in the query, as Facebook documents. */
  async function tokenEndpoint(query: Record<string, string>, what: string): Promise<TokenSet> {
    const url = new URL(`${graphBase}/oauth/access_token`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const response = await call(url.toString(), { kind: "write", timeoutMs: opts.timeoutMs });
    if (response.status >= 400) throw graphError(response, "write", `${LABEL} ${what}`);
    return tokenSetFrom(response.body);
  }

  /** The Pages this user token manages, with their Page tokens. */
  async function pages(userToken: string) {
    const body = await graph(opts, `${LABEL} pages`, `${graphBase}/me/accounts`, {
      token: userToken,
      kind: "read",
      params: { fields: "id,name,access_token,tasks", limit: 100 },
    });
    return list(body.data).map(asRecord);
  }

  const canPublish = (page: Record<string, unknown>) => {
    const tasks = list(page.tasks).map(str);
    return tasks.length === 0 || tasks.includes("CREATE_CONTENT") || tasks.includes("MANAGE");
  };

  const pageId = (account: ConnectedAccount) => str(account.metadata.pageId) ?? account.platformUserId;
  const postRef = (id: string, response: Record<string, unknown>): PublishedRef => ({
    platformPostId: id,
    url: `https://www.facebook.com/${id}`,
    response,
  });

  async function uploadUnpublishedPhotos(token: string, page: string, media: readonly PublishMedia[]) {
    const ids: string[] = [];
    for (const item of media) {
      const body = await graph(opts, `${LABEL} photo upload`, `${graphBase}/${page}/photos`, {
        method: "POST",
        token,
        kind: "write",
        params: { url: item.url, published: false, alt_text_custom: item.altText },
      });
      const id = str(body.id);
      if (!id) throw new PlatformError("transient", "Facebook answered a photo upload without an id");
      ids.push(id);
    }
    return ids;
  }

  return {
    platform: "facebook",
    baseUrl: graphBase,

    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${www}/dialog/oauth`, params, scopes, ","),
      async exchangeCode({ client, redirectUri, code, codeVerifier }) {
        const secret = requireClient(client, "facebook").clientSecret ?? "";
        const short = await tokenEndpoint(
          {
            client_id: client.clientId,
            client_secret: secret,
            redirect_uri: redirectUri,
            code,
            code_verifier: codeVerifier,
          },
          "code exchange",
        );
        const long = await tokenEndpoint(
          {
            grant_type: "fb_exchange_token",
            client_id: client.clientId,
            client_secret: secret,
            fb_exchange_token: short.accessToken,
          },
          "long-lived token",
        );
        const page = (await pages(long.accessToken)).find(canPublish);
        const id = page ? str(page.id) : null;
        const pageToken = page ? str(page.access_token) : null;
        if (!id || !pageToken) {
          throw new PlatformError("permanent", "this Facebook user manages no Page they can publish to");
        }
        return {
          // A Page token from a long-lived user token does not expire.
          tokens: { accessToken: pageToken, refreshToken: long.accessToken, expiresAt: null },
          identity: {
            platformUserId: id,
            username: str(page?.name),
            metadata: { pageId: id, pageName: str(page?.name) },
          },
        };
      },
    },

    async refreshToken(account) {
      const userToken = account.tokens.refreshToken;
      if (!userToken)
        throw new PlatformError("auth_expired", "no Facebook user token to renew the Page token; reconnect");
      const page = (await pages(userToken)).find((p) => str(p.id) === pageId(account));
      const pageToken = page ? str(page.access_token) : null;
      if (!pageToken) {
        throw new PlatformError("auth_expired", "the Facebook user no longer manages this Page; reconnect", {
          code: "page_not_managed",
        });
      }
      return { accessToken: pageToken, refreshToken: userToken, expiresAt: null };
    },

    async publish(account, post, progress) {
      const token = account.tokens.accessToken;
      const page = pageId(account);
      const message = facebookMessage(post);
      const previous = progress.previous ?? {};
      const videos = post.media.filter(isVideo);
      if (videos.length > 0 && post.media.length > 1) {
        throw new PlatformError("permanent", "a Facebook Page post takes one video, or images only");
      }
      let photoIds = list(previous.photoIds)
        .map(str)
        .filter((id): id is string => id !== null);
      // Unpublished photos live about a day: a retry within it attaches the same ones.
      let photosUploadedAt = num(previous.photosUploadedAt) ?? 0;
      if (
        post.media.length > 1 &&
        (photoIds.length !== post.media.length || photosUploadedAt < Date.now() - 20 * 3_600_000)
      ) {
        photoIds = await uploadUnpublishedPhotos(token, page, post.media);
        photosUploadedAt = Date.now();
      }
      if (post.media.length <= 1) photoIds = [];
      // One save before the post: the photos for a retry, and the first send time to bound a search.
      const sentAt = num(previous.sentAt) ?? Date.now();
      await progress.save({ ...(photoIds.length > 0 ? { photoIds, photosUploadedAt } : {}), sentAt });

      const [single] = post.media;
      if (single && videos.length === 1) {
        const body = await graph(opts, `${LABEL} video`, `${graphBase}/${page}/videos`, {
          method: "POST",
          token,
          kind: "create",
          params: { file_url: single.url, description: message },
        });
        const id = str(body.id);
        if (!id) throw new PlatformError("uncertain", "Facebook accepted the video but answered no id");
        return { platformPostId: id, url: `https://www.facebook.com/${page}/videos/${id}`, response: body };
      }
      if (single && post.media.length === 1) {
        const body = await graph(opts, `${LABEL} photo`, `${graphBase}/${page}/photos`, {
          method: "POST",
          token,
          kind: "create",
          params: { url: single.url, message, alt_text_custom: single.altText },
        });
        const id = str(body.post_id) ?? str(body.id);
        if (!id) throw new PlatformError("uncertain", "Facebook accepted the photo but answered no id");
        return postRef(id, body);
      }
      const body = await graph(opts, `${LABEL} post`, `${graphBase}/${page}/feed`, {
        method: "POST",
        token,
        kind: "create",
        params: {
          message,
          link: post.media.length === 0 ? post.link : null,
          attached_media:
            photoIds.length > 0 ? JSON.stringify(photoIds.map((media_fbid) => ({ media_fbid }))) : null,
        },
      });
      const id = str(body.id);
      if (!id) throw new PlatformError("uncertain", "Facebook accepted the post but answered no id");
      return postRef(id, body);
    },

    async findPublished(account, post, progress) {
      const since = Math.floor(sentAtFrom(progress.previous) / 1000);
      const body = await graph(opts, `${LABEL} feed`, `${graphBase}/${pageId(account)}/feed`, {
        token: account.tokens.accessToken,
        kind: "read",
        params: { fields: "id,message,created_time", since, limit: 100 },
      });
      const wanted = normaliseForMatch(facebookMessage(post));
      const matches = list(body.data)
        .map(asRecord)
        .filter((item) => normaliseForMatch(str(item.message) ?? "") === wanted)
        .sort((a, b) => (graphTime(a.created_time) ?? 0) - (graphTime(b.created_time) ?? 0));
      const ours = matches[0];
      const id = ours ? str(ours.id) : null;
      return id ? postRef(id, ours ?? {}) : null;
    },

    deletePost: (account, platformPostId) =>
      graphDelete(
        opts,
        LABEL,
        `${graphBase}/${encodeURIComponent(platformPostId)}`,
        account.tokens.accessToken,
      ),

    async fetchMetrics(account, platformPostId) {
      const token = account.tokens.accessToken;
      const id = encodeURIComponent(platformPostId);
      const [object, insights] = await Promise.all([
        graph(opts, `${LABEL} post`, `${graphBase}/${id}`, {
          token,
          kind: "read",
          params: {
            fields: "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares",
          },
        }),
        graph(opts, `${LABEL} insights`, `${graphBase}/${id}/insights`, {
          token,
          kind: "read",
          params: { metric: "post_media_view,post_clicks" },
        }),
      ]);
      const values = insightValues(insights);
      const total = (field: string) => {
        const value = asRecord(asRecord(object[field]).summary).total_count;
        return typeof value === "number" ? value : null;
      };
      const shares = asRecord(object.shares).count;
      return {
        impressions: values.post_media_view ?? null,
        likes: total("reactions"),
        comments: total("comments"),
        shares: typeof shares === "number" ? shares : object.shares === undefined ? 0 : null,
        clicks: values.post_clicks ?? null,
        raw: { object, insights: values },
      };
    },

    verifyWebhook: verifyMetaSignature,
    answerWebhookChallenge: answerMetaChallenge,
  };
}
