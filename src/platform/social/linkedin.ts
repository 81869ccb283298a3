/**
 * LinkedIn (Posts API, platforms.md §7). Every REST call carries `LinkedIn-Version` and the Rest.li
 * protocol header. Images and videos are uploaded first (their URNs are reusable, so a retry reuses
 * them), then `POST /rest/posts`; the post URN comes back in `x-restli-id`. Commentary is written in
 * LinkedIn's "little text format" (reserved characters escaped, hashtags as templates); mentions stay
 * plain text because a mention needs the member's URN, which a handle does not give.
 *
 * LinkedIn has no idempotency key: after an uncertain outcome the author's recent posts are read and
 * matched on the exact commentary. Reading a member's own posts needs `r_member_social` (granted to
 * approved partners only); without it LinkedIn answers 403 and `findPublished` fails `permanent`
 * (code `cannot_reconcile`) — the post may exist and a person must look.
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
  readAll,
  resolveOptions,
  responseRecord,
  retryAfterHeader,
  sentAtFrom,
  str,
  trimBase,
} from "./http.ts";
import { authorizeUrl, oauthError, requireClient, tokenSetFrom } from "./oauth.ts";
import { afterPrefix, fromHex, hmacSha256, hmacVerify, jsonAnswer, toHex } from "./signatures.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishMedia,
  type PublishRequest,
  type SocialAdapter,
} from "./types.ts";

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
const LABEL = "LinkedIn";
const MULTI_IMAGE_MAX = 20;

/** Little text format: every reserved character escaped, even where it is not markup. */
export function escapeLittleText(text: string): string {
  return text.replace(/[|{}@[\]()<>#\\*_~]/g, (c) => `\\${c}`);
}

/** The commentary as LinkedIn stores it: escaped, our hashtags as `{hashtag|\#|tag}` templates. */
export function linkedinCommentary(post: PublishRequest): string {
  let text = escapeLittleText(post.text);
  for (const raw of post.hashtags) {
    const tag = escapeLittleText(raw.replace(/^#+/, ""));
    if (!tag) continue;
    const pattern = tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Not when the tag continues (a letter, a digit, an escaped underscore): #AEF is not #AEF2027.
    const hashtag = new RegExp(`\\\\#${pattern}(?![\\p{L}\\p{N}_]|\\\\_)`, "gu");
    text = text.replace(hashtag, () => `{hashtag|\\#|${tag}}`);
  }
  return text;
}

/** Seconds until the next midnight UTC, when LinkedIn's daily buckets reset. */
function untilUtcMidnight(now = Date.now()): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
}

function linkedinError(response: PlatformResponse, kind: CallKind, what: string): PlatformError {
  const body = asRecord(response.body);
  const code = str(body.code) ?? (num(body.serviceErrorCode) === null ? null : String(body.serviceErrorCode));
  const message = `${LABEL} ${what}: ${str(body.message) ?? `HTTP ${response.status}`}`;
  const details = { status: response.status, code, response: responseRecord(response) };
  if (response.status === 401) return new PlatformError("auth_expired", message, details);
  if (response.status === 429) {
    return new PlatformError("rate_limited", message, {
      ...details,
      retryAfterSeconds: retryAfterHeader(response.headers) ?? untilUtcMidnight(),
    });
  }
  if (response.status === 422 && (code === "DUPLICATE_POST" || /duplicate/i.test(str(body.message) ?? ""))) {
    return new PlatformError("duplicate", message, { ...details, code: "DUPLICATE_POST" });
  }
  return classifyStatus(response, kind, message, details);
}

const isVideo = (media: PublishMedia) => media.mimeType.startsWith("video/");

export function createLinkedInAdapter(options: LinkedInAdapterOptions = {}): SocialAdapter {
  const api = trimBase(options.baseUrl ?? API);
  const www = trimBase(options.baseUrl ?? WWW);
  const scopes = options.scopes ?? SCOPES;
  const version = options.version ?? LINKEDIN_VERSION;
  const opts = resolveOptions(options, 2000);

  async function rest(
    path: string,
    token: string,
    kind: CallKind,
    what: string,
    init: { method?: string; json?: unknown; ok?: number[] } = {},
  ): Promise<PlatformResponse> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      "linkedin-version": version,
      "x-restli-protocol-version": "2.0.0",
    };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const response = await call(`${api}${path}`, {
      method: init.method ?? (init.json !== undefined ? "POST" : "GET"),
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : null,
      kind,
      timeoutMs: opts.timeoutMs,
    });
    if (response.status >= 400 && !(init.ok ?? []).includes(response.status)) {
      throw linkedinError(response, kind, what);
    }
    return response;
  }

  async function tokenRequest(params: URLSearchParams, what: string) {
    const response = await call(`${www}/oauth/v2/accessToken`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: params,
      kind: "write",
      timeoutMs: opts.timeoutMs,
    });
    if (response.status >= 400)
      throw oauthError(response, `${LABEL} ${what}`, params.get("grant_type") === "refresh_token");
    return response.body;
  }

  /** PUT to an upload URL (which may be on another host); answers the ETag. */
  async function put(
    url: string,
    token: string,
    bytes: Uint8Array<ArrayBuffer>,
    what: string,
  ): Promise<string | null> {
    const response = await call(url, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
      body: bytes,
      kind: "write",
      timeoutMs: opts.timeoutMs,
    });
    if (response.status >= 400) throw linkedinError(response, "write", what);
    return response.headers.get("etag");
  }

  async function awaitAvailable(token: string, kind: "images" | "videos", urn: string) {
    await pollUntil(opts, `${LABEL} ${kind} ${urn}`, async () => {
      const response = await rest(
        `/rest/${kind}/${encodeURIComponent(urn)}`,
        token,
        "read",
        `${kind} status`,
      );
      const status = str(asRecord(response.body).status);
      if (status === "FAILED" || status === "PROCESSING_FAILED") {
        throw new PlatformError("permanent", `LinkedIn could not process ${urn}: ${status}`, {
          code: status,
        });
      }
      return status === "AVAILABLE" ? true : null;
    });
  }

  async function uploadImage(token: string, owner: string, media: PublishMedia): Promise<string> {
    const init = await rest("/rest/images?action=initializeUpload", token, "write", "image upload", {
      json: { initializeUploadRequest: { owner } },
    });
    const value = asRecord(asRecord(init.body).value);
    const uploadUrl = str(value.uploadUrl);
    const urn = str(value.image);
    if (!uploadUrl || !urn)
      throw new PlatformError("transient", "LinkedIn answered an image upload without a URL");
    await put(uploadUrl, token, await readAll(await media.open()), "image upload");
    await awaitAvailable(token, "images", urn);
    return urn;
  }

  async function uploadVideo(token: string, owner: string, media: PublishMedia): Promise<string> {
    const init = await rest("/rest/videos?action=initializeUpload", token, "write", "video upload", {
      json: {
        initializeUploadRequest: {
          owner,
          fileSizeBytes: media.sizeBytes,
          uploadCaptions: false,
          uploadThumbnail: false,
        },
      },
    });
    const value = asRecord(asRecord(init.body).value);
    const urn = str(value.video);
    const instructions = list(value.uploadInstructions).map(asRecord);
    if (!urn || instructions.length === 0) {
      throw new PlatformError("transient", "LinkedIn answered a video upload without instructions");
    }
    const partSize = (num(instructions[0]?.lastByte) ?? 0) - (num(instructions[0]?.firstByte) ?? 0) + 1;
    const etags: string[] = [];
    let index = 0;
    for await (const part of chunks(await media.open(), Math.max(1, partSize))) {
      const url = str(instructions[index++]?.uploadUrl);
      if (!url)
        throw new PlatformError("permanent", "the video is larger than LinkedIn's upload instructions say");
      etags.push((await put(url, token, part, "video upload")) ?? "");
    }
    await rest("/rest/videos?action=finalizeUpload", token, "write", "video finalize", {
      json: {
        finalizeUploadRequest: {
          video: urn,
          uploadToken: str(value.uploadToken) ?? "",
          uploadedPartIds: etags,
        },
      },
    });
    await awaitAvailable(token, "videos", urn);
    return urn;
  }

  const authorOf = (account: ConnectedAccount) =>
    str(account.metadata.authorUrn) ?? `urn:li:person:${account.platformUserId}`;
  const postRef = (urn: string, response?: Record<string, unknown>): PublishedRef => ({
    platformPostId: urn,
    url: `https://www.linkedin.com/feed/update/${urn}/`,
    ...(response ? { response } : {}),
  });

  function content(post: PublishRequest, urns: readonly string[]) {
    const alt = (i: number) => post.media[i]?.altText ?? undefined;
    const [first] = urns;
    if (first && urns.length === 1) return { media: { id: first, altText: alt(0) } };
    if (urns.length > 1) return { multiImage: { images: urns.map((id, i) => ({ id, altText: alt(i) })) } };
    // LinkedIn does not scrape previews: the article is what we say it is.
    if (post.link) return { article: { source: post.link, title: post.link } };
    return undefined;
  }

  return {
    platform: "linkedin",
    baseUrl: api,

    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${www}/oauth/v2/authorization`, params, scopes),
      async exchangeCode({ client, redirectUri, code, codeVerifier }) {
        const body = await tokenRequest(
          new URLSearchParams({
            grant_type: "authorization_code",
            code,
            client_id: client.clientId,
            client_secret: requireClient(client, "linkedin").clientSecret ?? "",
            redirect_uri: redirectUri,
            code_verifier: codeVerifier,
          }),
          "code exchange",
        );
        const tokens = tokenSetFrom(body);
        const info = await rest("/v2/userinfo", tokens.accessToken, "read", "userinfo");
        const me = asRecord(info.body);
        const sub = str(me.sub);
        if (!sub) throw new PlatformError("permanent", "LinkedIn userinfo answered no sub");
        return {
          tokens,
          identity: {
            platformUserId: sub,
            username: str(me.name),
            metadata: { authorUrn: `urn:li:person:${sub}` },
          },
        };
      },
    },

    async refreshToken(account, client) {
      const registered = requireClient(client, "linkedin");
      if (!account.tokens.refreshToken) {
        throw new PlatformError(
          "auth_expired",
          "LinkedIn gives refresh tokens to approved partners only; reconnect the account",
          { code: "no_refresh_token" },
        );
      }
      const body = await tokenRequest(
        new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: account.tokens.refreshToken,
          client_id: registered.clientId,
          client_secret: registered.clientSecret ?? "",
        }),
        "token refresh",
      );
      return tokenSetFrom(body, account.tokens.refreshToken);
    },

    async publish(account, post, progress) {
      const token = account.tokens.accessToken;
      const author = authorOf(account);
      const videos = post.media.filter(isVideo);
      if (videos.length > 0 && post.media.length > 1) {
        throw new PlatformError("permanent", "a LinkedIn post takes one video, or images only");
      }
      if (post.media.length > MULTI_IMAGE_MAX) {
        throw new PlatformError("permanent", `a LinkedIn post takes at most ${MULTI_IMAGE_MAX} images`);
      }
      const previous = progress.previous ?? {};
      let urns = list(previous.mediaUrns)
        .map(str)
        .filter((urn): urn is string => urn !== null);
      if (urns.length !== post.media.length) {
        urns = [];
        for (const media of post.media) {
          urns.push(
            isVideo(media)
              ? await uploadVideo(token, author, media)
              : await uploadImage(token, author, media),
          );
        }
      }
      const sentAt = num(previous.sentAt) ?? Date.now();
      await progress.save({ mediaUrns: urns, sentAt });
      const attached = content(post, urns);
      const body = {
        author,
        commentary: linkedinCommentary(post),
        visibility: "PUBLIC",
        distribution: {
          feedDistribution: "MAIN_FEED",
          targetEntities: [],
          thirdPartyDistributionChannels: [],
        },
        lifecycleState: "PUBLISHED",
        isReshareDisabledByAuthor: false,
        ...(attached ? { content: attached } : {}),
      };
      const response = await rest("/rest/posts", token, "create", "post", { json: body });
      const urn = response.headers.get("x-restli-id");
      if (!urn) throw new PlatformError("uncertain", "LinkedIn accepted the post but sent no x-restli-id");
      return postRef(urn, { id: urn, status: response.status });
    },

    async findPublished(account, post, progress) {
      const since = sentAtFrom(progress.previous);
      const query = new URLSearchParams({
        q: "author",
        author: authorOf(account),
        count: "20",
        sortBy: "LAST_MODIFIED",
      });
      let response: PlatformResponse;
      try {
        response = await rest(`/rest/posts?${query}`, account.tokens.accessToken, "read", "posts");
      } catch (error) {
        if (error instanceof PlatformError && error.status === 403) {
          throw new PlatformError(
            "permanent",
            "LinkedIn does not let this app read the account's posts (r_member_social); the post may exist — check LinkedIn before retrying",
            { status: 403, code: "cannot_reconcile" },
          );
        }
        throw error;
      }
      const wanted = normaliseForMatch(linkedinCommentary(post));
      const ours = list(asRecord(response.body).elements)
        .map(asRecord)
        .filter(
          (p) => (num(p.createdAt) ?? 0) >= since && normaliseForMatch(str(p.commentary) ?? "") === wanted,
        )
        .sort((a, b) => (num(a.createdAt) ?? 0) - (num(b.createdAt) ?? 0))[0];
      const urn = ours ? str(ours.id) : null;
      return urn ? postRef(urn, ours) : null;
    },

    async deletePost(account, platformPostId) {
      await rest(
        `/rest/posts/${encodeURIComponent(platformPostId)}`,
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
      const response = await rest(
        `/rest/socialMetadata/${encodeURIComponent(platformPostId)}`,
        account.tokens.accessToken,
        "read",
        "social metadata",
      );
      const body = asRecord(response.body);
      const reactions = Object.values(asRecord(body.reactionSummaries)).map(
        (r) => num(asRecord(r).count) ?? 0,
      );
      return {
        impressions: null,
        likes: reactions.reduce((a, b) => a + b, 0),
        comments: num(asRecord(body.commentSummary).count),
        shares: null,
        clicks: null,
        raw: body,
      };
    },

    async verifyWebhook(headers, rawBody, secret) {
      const header = headers.get("x-li-signature");
      if (!header) return false;
      // The docs read both ways (platforms.md §7.7): HMAC over "hmacsha256=" + body, or the prefix on the header.
      const body = new Uint8Array(rawBody);
      const prefixed = new Uint8Array([...new TextEncoder().encode("hmacsha256="), ...body]);
      const bare = afterPrefix(header, "hmacsha256=");
      const [literal, prefixedHeader] = await Promise.all([
        hmacVerify(secret, prefixed, fromHex(header)),
        hmacVerify(secret, body, bare ? fromHex(bare) : null),
      ]);
      return literal || prefixedHeader;
    },

    async answerWebhookChallenge(query, secret) {
      const challengeCode = query.get("challengeCode");
      if (challengeCode === null) return null;
      return jsonAnswer({ challengeCode, challengeResponse: toHex(await hmacSha256(secret, challengeCode)) });
    },
  };
}
