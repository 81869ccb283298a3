/**
 * X (API v2, platforms.md §2). OAuth 2.0 with PKCE (refresh tokens rotate), media uploaded first
 * (images in one request, GIFs and videos chunked and waited for), then `POST /2/tweets`. X has no
 * idempotency key: after an uncertain outcome the account's recent posts are searched for our text
 * (URLs compared as placeholders because X rewrites them to t.co) — two posts with the same text in
 * the window cannot be told apart, which X itself refuses as duplicate content anyway.
 */
import {
  type AdapterOptions,
  asRecord,
  type CallKind,
  call,
  chunks,
  classifyStatus,
  list,
  normaliseForMatch,
  num,
  type PlatformResponse,
  pollUntil,
  type ResolvedOptions,
  readAll,
  resolveOptions,
  responseRecord,
  SEND_SKEW_MS,
  secondsUntil,
  sentAtFrom,
  str,
  trimBase,
} from "./http.ts";
import { authorizeUrl, basicAuth, oauthError, requireClient, tokenSetFrom } from "./oauth.ts";
import { afterPrefix, fromBase64, hmacSha256, hmacVerify, jsonAnswer, toBase64 } from "./signatures.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishMedia,
  type PublishProgress,
  type PublishRequest,
  type SocialAdapter,
} from "./types.ts";

export interface XAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
}

const API = "https://api.x.com";
const AUTH = "https://x.com";
/** POST /2/tweets needs the first three; media.write for uploads; offline.access for a refresh token. */
const SCOPES = ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"];
/** Chunked uploads: X takes up to 5 MB per APPEND. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const SIMPLE_UPLOAD_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** The wait a 429 asks for: the exhausted window's reset (15-minute window, or a 24-hour cap). */
function rateLimitWait(headers: Headers): number {
  for (const scope of ["x-user-limit-24hour", "x-app-limit-24hour"]) {
    const reset = num(headers.get(`${scope}-reset`));
    if (headers.get(`${scope}-remaining`) === "0" && reset !== null) return secondsUntil(reset);
  }
  const reset = num(headers.get("x-rate-limit-reset"));
  return reset === null ? 900 : secondsUntil(reset);
}

function xError(response: PlatformResponse, kind: CallKind, what: string): PlatformError {
  const body = asRecord(response.body);
  const first = asRecord(list(body.errors)[0]);
  const detail = str(body.detail) ?? str(first.message) ?? str(body.title) ?? `HTTP ${response.status}`;
  const message = `X ${what}: ${detail}`;
  const details = { status: response.status, response: responseRecord(response), code: str(body.type) };
  if (response.status === 401) return new PlatformError("auth_expired", message, details);
  if (response.status === 403 && /duplicate content/i.test(detail)) {
    return new PlatformError("duplicate", message, { ...details, code: "duplicate_content" });
  }
  if (response.status === 429) {
    return new PlatformError("rate_limited", message, {
      ...details,
      retryAfterSeconds: rateLimitWait(response.headers),
    });
  }
  return classifyStatus(response, kind, message, details);
}

/** The text as posted: the link goes in the text (X makes the card from it). */
export function xText(post: PublishRequest): string {
  if (!post.link || post.text.includes(post.link)) return post.text;
  return `${post.text}\n\n${post.link}`;
}

export function createXAdapter(options: XAdapterOptions = {}): SocialAdapter {
  const api = trimBase(options.baseUrl ?? API);
  const auth = trimBase(options.baseUrl ?? AUTH);
  const scopes = options.scopes ?? SCOPES;
  const opts: ResolvedOptions = resolveOptions(options, 1000);

  async function x(
    path: string,
    token: string,
    kind: CallKind,
    what: string,
    init: { method?: string; json?: unknown; body?: BodyInit; ok?: number[] } = {},
  ): Promise<PlatformResponse> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const response = await call(`${api}${path}`, {
      method: init.method ?? (init.json !== undefined || init.body ? "POST" : "GET"),
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null),
      kind,
      timeoutMs: opts.timeoutMs,
    });
    if (response.status >= 400 && !(init.ok ?? []).includes(response.status))
      throw xError(response, kind, what);
    return response;
  }

  async function tokenRequest(params: URLSearchParams, headers: Record<string, string>, what: string) {
    const response = await call(`${api}/2/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: params,
      kind: "write",
      timeoutMs: opts.timeoutMs,
    });
    if (response.status >= 400)
      throw oauthError(response, `X ${what}`, params.get("grant_type") === "refresh_token");
    return response.body;
  }

  async function uploadSimple(
    token: string,
    media: PublishMedia,
    bytes: Uint8Array<ArrayBuffer>,
  ): Promise<string> {
    const body = new FormData();
    body.set("media", new Blob([bytes], { type: media.mimeType }), "media");
    body.set("media_category", "tweet_image");
    const response = await x("/2/media/upload", token, "write", "media upload", { body });
    const id = str(asRecord(asRecord(response.body).data).id);
    if (!id) throw new PlatformError("transient", "X media upload answered no id");
    return id;
  }

  async function uploadChunked(token: string, media: PublishMedia): Promise<string> {
    const category = media.mimeType === "image/gif" ? "tweet_gif" : "tweet_video";
    const init = await x("/2/media/upload/initialize", token, "write", "media initialize", {
      json: { media_type: media.mimeType, total_bytes: media.sizeBytes, media_category: category },
    });
    const id = str(asRecord(asRecord(init.body).data).id);
    if (!id) throw new PlatformError("transient", "X media initialize answered no id");
    let segment = 0;
    for await (const part of chunks(await media.open(), CHUNK_BYTES)) {
      const body = new FormData();
      body.set("media", new Blob([part], { type: "application/octet-stream" }), "media");
      body.set("segment_index", String(segment++));
      await x(`/2/media/upload/${id}/append`, token, "write", "media append", { body });
    }
    const finalized = await x(`/2/media/upload/${id}/finalize`, token, "write", "media finalize", {
      method: "POST",
    });
    let processing = asRecord(asRecord(asRecord(finalized.body).data).processing_info);
    if (Object.keys(processing).length === 0) return id;
    await pollUntil(
      opts,
      `X media ${id}`,
      async (attempt) => {
        if (attempt > 0) {
          const status = await x(
            `/2/media/upload?${new URLSearchParams({ command: "STATUS", media_id: id })}`,
            token,
            "read",
            "media status",
          );
          processing = asRecord(asRecord(asRecord(status.body).data).processing_info);
        }
        const state = str(processing.state);
        if (state === "failed") {
          const error = asRecord(processing.error);
          throw new PlatformError(
            "permanent",
            `X could not process the media: ${str(error.message) ?? "failed"}`,
          );
        }
        return state === "succeeded" ? true : null;
      },
      () => options.pollIntervalMs ?? (num(processing.check_after_secs) ?? 1) * 1000,
    );
    return id;
  }

  async function uploadMedia(token: string, media: PublishMedia): Promise<string> {
    const id = SIMPLE_UPLOAD_TYPES.has(media.mimeType)
      ? await uploadSimple(token, media, await readAll(await media.open()))
      : await uploadChunked(token, media);
    if (media.altText) {
      await x("/2/media/metadata", token, "write", "media alt text", {
        json: { id, metadata: { alt_text: { text: media.altText } } },
      });
    }
    return id;
  }

  const postUrl = (account: ConnectedAccount, id: string) =>
    `https://x.com/${account.username ?? "i/web"}/status/${id}`;

  /**
   * The account's post with exactly `text` (URLs as placeholders) sent since `since`, replies included.
   * Newest first: the oldest match is the one our first attempt made.
   */
  async function findText(
    account: ConnectedAccount,
    text: string,
    since: number,
  ): Promise<PublishedRef | null> {
    const response = await x(
      `/2/users/${encodeURIComponent(account.platformUserId)}/tweets?${new URLSearchParams({
        max_results: "100",
        start_time: new Date(since).toISOString(),
        "tweet.fields": "created_at,text",
      })}`,
      account.tokens.accessToken,
      "read",
      "timeline",
    );
    const wanted = normaliseForMatch(text);
    const ours = list(asRecord(response.body).data)
      .map(asRecord)
      .filter((tweet) => normaliseForMatch(str(tweet.text) ?? "") === wanted)
      .at(-1);
    const id = ours ? str(ours.id) : null;
    return id ? { platformPostId: id, url: postUrl(account, id), response: { data: ours } } : null;
  }

  /**
   * `POST /2/tweets`. A part of a thread refused as duplicate content was sent by an earlier attempt
   * whose answer was lost: it is that post (found among the recent ones), never a second one.
   */
  async function createTweet(
    account: ConnectedAccount,
    threadPart: boolean,
    sentAt: number,
    body: { text: string } & Record<string, unknown>,
  ): Promise<PublishedRef> {
    let response: PlatformResponse;
    try {
      response = await x("/2/tweets", account.tokens.accessToken, "create", "post", { json: body });
    } catch (error) {
      if (!(threadPart && error instanceof PlatformError && error.kind === "duplicate")) throw error;
      const found = await findText(account, body.text, sentAt - SEND_SKEW_MS);
      if (!found) throw error;
      return found;
    }
    const data = asRecord(asRecord(response.body).data);
    const id = str(data.id);
    if (!id) throw new PlatformError("uncertain", "X accepted the post but answered no id");
    return { platformPostId: id, url: postUrl(account, id), response: { data } };
  }

  /**
   * A thread's replies after its first post, each `reply.in_reply_to_tweet_id` the one before. The ids
   * so far are saved after every part; a retry resumes after them, first looking for the next part
   * among the recent posts (its answer may have been lost) — X has no idempotency key.
   */
  async function publishReplies(
    account: ConnectedAccount,
    progress: PublishProgress,
    root: PublishedRef,
    replies: readonly string[],
    saved: { sentAt: number; replyIds: Array<string | null>; resuming: boolean },
  ): Promise<PublishedRef> {
    const { sentAt } = saved;
    const replyIds = saved.replyIds.filter((id): id is string => id !== null).slice(0, replies.length);
    const save = () => progress.save({ sentAt, rootId: root.platformPostId, replyIds });
    await save();
    let resuming = saved.resuming;
    for (let i = replyIds.length; i < replies.length; i++) {
      const text = replies[i] ?? "";
      const parent = replyIds.at(-1) ?? root.platformPostId;
      const found = resuming ? await findText(account, text, sentAt - SEND_SKEW_MS) : null;
      resuming = false;
      const reply =
        found ??
        (await createTweet(account, true, sentAt, { text, reply: { in_reply_to_tweet_id: parent } }));
      replyIds.push(reply.platformPostId);
      await save();
    }
    return { ...root, response: { ...(root.response ?? {}), replies: replyIds } };
  }

  return {
    platform: "x",
    baseUrl: api,

    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${auth}/i/oauth2/authorize`, params, scopes),
      async exchangeCode({ client, redirectUri, code, codeVerifier }) {
        const body = await tokenRequest(
          new URLSearchParams({
            code,
            grant_type: "authorization_code",
            client_id: client.clientId,
            redirect_uri: redirectUri,
            code_verifier: codeVerifier,
          }),
          basicAuth(client),
          "code exchange",
        );
        const tokens = tokenSetFrom(body);
        const me = await x("/2/users/me", tokens.accessToken, "read", "user lookup");
        const user = asRecord(asRecord(me.body).data);
        const id = str(user.id);
        if (!id) throw new PlatformError("permanent", "X /2/users/me answered no id");
        return {
          tokens,
          identity: { platformUserId: id, username: str(user.username), metadata: { name: str(user.name) } },
        };
      },
    },

    async refreshToken(account, client) {
      const registered = requireClient(client, "x");
      if (!account.tokens.refreshToken) {
        throw new PlatformError(
          "auth_expired",
          "X gave no refresh token (offline.access); reconnect the account",
        );
      }
      const body = await tokenRequest(
        new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: account.tokens.refreshToken,
          client_id: registered.clientId,
        }),
        basicAuth(registered),
        "token refresh",
      );
      // Refresh tokens are single-use: the answer carries the next one.
      return tokenSetFrom(body);
    },

    async publish(account, post, progress) {
      const token = account.tokens.accessToken;
      const previous = progress.previous ?? {};
      const replies = post.replies ?? [];
      const sentAt = num(previous.sentAt) ?? Date.now();
      let root: PublishedRef | null = null;
      const rootId = str(previous.rootId);
      if (rootId) root = { platformPostId: rootId, url: postUrl(account, rootId) };
      // A thread's first post may be out already (a lost answer): find it rather than be refused as duplicate.
      else if (replies.length > 0 && num(previous.sentAt) !== null)
        root = await findText(account, xText(post), sentAtFrom(previous));
      // Replies can be out already only if the first post was (an attempt never sends them before it).
      const resuming = root !== null;
      if (!root) {
        const expires = num(previous.mediaExpiresAt) ?? 0;
        let mediaIds = list(previous.mediaIds)
          .map(str)
          .filter((id): id is string => id !== null);
        // Uploaded media stay usable for a day: a retry reuses them instead of uploading again.
        if (mediaIds.length !== post.media.length || expires < Date.now() + 60_000) mediaIds = [];
        let mediaExpiresAt = expires;
        if (post.media.length > 0 && mediaIds.length === 0) {
          for (const media of post.media) mediaIds.push(await uploadMedia(token, media));
          mediaExpiresAt = Date.now() + 23 * 3_600_000;
        }
        // One save before the post: the uploads for a retry, and the first send time to bound a search.
        await progress.save({ mediaIds, mediaExpiresAt, sentAt });
        root = await createTweet(account, replies.length > 0, sentAt, {
          text: xText(post),
          ...(mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
        });
      }
      if (replies.length === 0) return root;
      return publishReplies(account, progress, root, replies, {
        sentAt,
        replyIds: rootId ? list(previous.replyIds).map(str) : [],
        resuming,
      });
    },

    findPublished: (account, post, progress) => findText(account, xText(post), sentAtFrom(progress.previous)),

    async deletePost(account, platformPostId) {
      await x(
        `/2/tweets/${encodeURIComponent(platformPostId)}`,
        account.tokens.accessToken,
        "write",
        "delete",
        {
          method: "DELETE",
          ok: [404],
        },
      );
    },

    async fetchMetrics(account, platformPostId) {
      const path = (fields: string) =>
        `/2/tweets/${encodeURIComponent(platformPostId)}?${new URLSearchParams({ "tweet.fields": fields })}`;
      let response = await x(
        path("public_metrics,non_public_metrics"),
        account.tokens.accessToken,
        "read",
        "metrics",
      );
      let body = asRecord(response.body);
      if (!body.data) {
        const error = asRecord(list(body.errors)[0]);
        if (/not.found/i.test(str(error.type) ?? str(error.title) ?? "")) {
          throw new PlatformError("permanent", `X post ${platformPostId} not found`, {
            status: 404,
            code: "not_found",
          });
        }
        // Non-public metrics exist for own posts younger than 30 days only.
        response = await x(path("public_metrics"), account.tokens.accessToken, "read", "metrics");
        body = asRecord(response.body);
      }
      const data = asRecord(body.data);
      const pub = asRecord(data.public_metrics);
      const priv = asRecord(data.non_public_metrics);
      const reposts = num(pub.retweet_count) ?? num(pub.repost_count);
      const quotes = num(pub.quote_count);
      return {
        impressions: num(priv.impression_count) ?? num(pub.impression_count),
        likes: num(pub.like_count),
        comments: num(pub.reply_count),
        shares: reposts === null && quotes === null ? null : (reposts ?? 0) + (quotes ?? 0),
        clicks: num(priv.url_link_clicks),
        raw: { public_metrics: pub, non_public_metrics: priv },
      };
    },

    async verifyWebhook(headers, rawBody, secret) {
      const signature = afterPrefix(headers.get("x-twitter-webhooks-signature"), "sha256=");
      return hmacVerify(secret, rawBody, signature ? fromBase64(signature) : null);
    },

    async answerWebhookChallenge(query, secret) {
      const crc = query.get("crc_token");
      if (crc === null) return null;
      return jsonAnswer({ response_token: `sha256=${toBase64(await hmacSha256(secret, crc))}` });
    },
  };
}
