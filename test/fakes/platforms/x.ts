/**
 * Fake X API v2 (docs/platform-contracts.md, X): OAuth 2.0 with PKCE (required) and rotating refresh tokens,
 * `/2/users/me`, simple and chunked media upload with processing status, `POST /2/tweets` (refuses
 * duplicate content with 403, rewrites links to t.co, takes `reply.in_reply_to_tweet_id` to one of
 * the account's own posts for threads), the user timeline (replies included), lookup of one post or
 * of up to 100 (`?ids=`) with public and private metrics, delete, token revocation. Problem bodies and `x-rate-limit-*` headers as X sends them.
 */
import { randomBytes } from "node:crypto";
import {
  accepted,
  bearer,
  type FakeRequest,
  type FakeState,
  type FakeToken,
  type Fault,
  json,
  jsonBody,
  multipart,
  type Operation,
  type Reply,
  rejects,
  text,
} from "./core.ts";
import { authorize, basicCredentials, FAKE_CLIENTS, redeemCode } from "./oauth.ts";

const ACCESS_TTL = 7200;
const WINDOW_SECONDS = 900;
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const rateHeaders = (remaining = 99): Record<string, string> => ({
  "x-rate-limit-limit": "100",
  "x-rate-limit-remaining": String(remaining),
  "x-rate-limit-reset": String(Math.floor(Date.now() / 1000) + WINDOW_SECONDS),
});

const problem = (status: number, title: string, detail: string, type = "about:blank"): Reply =>
  json(status, { title, detail, type, status }, rateHeaders());

const unauthorized = () => problem(401, "Unauthorized", "Unauthorized");
const invalid = (message: string) =>
  json(
    400,
    {
      errors: [{ message }],
      title: "Invalid Request",
      detail: "One or more parameters to your request was invalid.",
      type: "https://api.x.com/2/problems/invalid-request",
    },
    rateHeaders(),
  );

function faultReply(fault: Fault): Reply | null {
  switch (fault) {
    case "rate_limit":
      return json(
        429,
        { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 },
        rateHeaders(0),
      );
    case "server_error":
      return problem(503, "Service Unavailable", "Service Unavailable");
    case "expired_token":
      return unauthorized();
    case "duplicate":
      return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
    default:
      return null;
  }
}

/** Weighted length as X counts it (docs/platform-contracts.md, X › Limits): URLs 23, most Latin 1, the rest 2. */
function weightedLength(value: string): number {
  const withoutUrls = value.replace(/https?:\/\/\S+/g, "");
  const urls = (value.match(/https?:\/\/\S+/g) ?? []).length;
  let weight = urls * 23;
  for (const char of withoutUrls.normalize("NFC")) {
    const cp = char.codePointAt(0) ?? 0;
    const light =
      cp <= 0x10ff ||
      (cp >= 0x2000 && cp <= 0x200d) ||
      (cp >= 0x2010 && cp <= 0x201f) ||
      (cp >= 0x2032 && cp <= 0x2037);
    weight += light ? 1 : 2;
  }
  return weight;
}

const tco = (value: string) =>
  value.replace(/https?:\/\/\S+/g, () => `https://t.co/${randomBytes(8).toString("base64url").slice(0, 10)}`);

function sniffImage(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (bytes[0] === 0x47 && bytes[1] === 0x49) return "image/gif";
  if (bytes[8] === 0x57 && bytes[9] === 0x45) return "image/webp";
  return null;
}

export async function handleX(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method, path } = request;
  if (method === "GET" && path === "/i/oauth2/authorize") {
    return authorize(state, request, { pkceRequired: true, scopeSeparator: /\s+/ });
  }
  if (method === "POST" && path === "/2/oauth2/token") return tokenEndpoint(state, request);
  if (method === "POST" && path === "/2/oauth2/revoke") return revokeEndpoint(state, request);

  const access = state.access("x", bearer(request));
  if (access === "invalid" || access === "expired") return unauthorized();
  const me = access;
  const fault = (operation: Operation) => state.takeFault("x", operation, [me.userId]);

  if (method === "GET" && path === "/2/users/me") {
    const f = fault("userinfo");
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    const user = state.user("x", me.userId);
    return accepted(
      f,
      json(200, { data: { id: me.userId, name: user?.name, username: user?.username } }, rateHeaders()),
    );
  }
  if (path === "/2/media/upload" || path.startsWith("/2/media/")) return media(state, request, me, fault);
  if (method === "POST" && path === "/2/tweets") return createTweet(state, request, me, fault("publish"));

  const timeline = /^\/2\/users\/([^/]+)\/tweets$/.exec(path);
  if (method === "GET" && timeline?.[1]) {
    const f = fault("find");
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    return accepted(f, userTweets(state, request, timeline[1]));
  }
  if (method === "GET" && path === "/2/tweets") {
    const f = fault("metrics");
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    return accepted(f, lookupMany(state, request, me));
  }
  const single = /^\/2\/tweets\/([^/]+)$/.exec(path);
  if (single?.[1] && method === "GET") {
    const f = fault("metrics");
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    return accepted(f, lookup(state, request, me, single[1]));
  }
  if (single?.[1] && method === "DELETE") {
    const f = fault("delete");
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    const post = state.post("x", single[1]);
    if (!post)
      return problem(
        404,
        "Not Found Error",
        `Could not find tweet with id: [${single[1]}].`,
        "https://api.x.com/2/problems/resource-not-found",
      );
    if (post.owner !== me.userId)
      return problem(403, "Forbidden", "You are not allowed to delete this Tweet.");
    post.deleted = true;
    return accepted(f, json(200, { data: { deleted: true } }, rateHeaders()));
  }
  return problem(404, "Not Found Error", `no route ${method} ${path}`);
}

function tokenEndpoint(state: FakeState, request: FakeRequest): Reply {
  const form = new URLSearchParams(request.body.toString("utf8"));
  const basic = basicCredentials(request.headers.authorization);
  const clientId = basic?.[0] ?? form.get("client_id");
  const oauthError = (status: number, error: string, description: string) =>
    json(status, { error, error_description: description });
  const grant = form.get("grant_type");
  let userId: string;
  let scopes: string[];
  if (grant === "authorization_code") {
    const code = state.codes.get(form.get("code") ?? "");
    const f = state.takeFault("x", "token", code ? [code.userId] : []);
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    const redeemed = redeemCode(state, "x", {
      code: form.get("code"),
      clientId,
      clientSecret: basic?.[1] ?? null,
      redirectUri: form.get("redirect_uri"),
      verifier: form.get("code_verifier"),
    });
    if ("error" in redeemed)
      return oauthError(
        redeemed.error === "invalid_client" ? 401 : 400,
        redeemed.error,
        redeemed.description,
      );
    userId = redeemed.userId;
    scopes = redeemed.scopes;
    return accepted(f, issue(state, userId, scopes));
  }
  if (grant === "refresh_token") {
    const refresh = state.tokens.get(form.get("refresh_token") ?? "");
    const f = state.takeFault("x", "token", refresh ? [refresh.userId] : []);
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    const client = FAKE_CLIENTS.x;
    if (clientId !== client.client_id || (basic && basic[1] !== client.client_secret)) {
      return oauthError(401, "invalid_client", "Missing valid authorization header");
    }
    if (refresh?.platform !== "x" || refresh.kind !== "refresh" || refresh.spent) {
      return oauthError(400, "invalid_request", "Value passed for the token was invalid.");
    }
    // Single use: the next refresh needs the token this answer carries.
    refresh.spent = true;
    return accepted(f, issue(state, refresh.userId, refresh.scopes));
  }
  return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
}

/**
 * `POST /2/oauth2/revoke` (RFC 7009): the client as at the token endpoint, `token` required; a token
 * the server does not know or no longer honours is answered as revoked all the same (RFC 7009 §2.2).
 */
function revokeEndpoint(state: FakeState, request: FakeRequest): Reply {
  const form = new URLSearchParams(request.body.toString("utf8"));
  const basic = basicCredentials(request.headers.authorization);
  const value = form.get("token");
  const found = value ? state.tokens.get(value) : undefined;
  const f = state.takeFault("x", "revoke", found ? [found.userId] : []);
  if (f && rejects(f)) return faultReply(f) ?? unauthorized();
  const client = FAKE_CLIENTS.x;
  if (
    (basic?.[0] ?? form.get("client_id")) !== client.client_id ||
    (basic && basic[1] !== client.client_secret)
  ) {
    return json(401, { error: "invalid_client", error_description: "Missing valid authorization header" });
  }
  if (!value) {
    return json(400, { error: "invalid_request", error_description: "Missing required parameter [token]." });
  }
  if (found?.platform === "x") state.revoke(found);
  return accepted(f, json(200, { revoked: true }));
}

function issue(state: FakeState, userId: string, scopes: string[]): Reply {
  const access = state.issue("x", userId, "access", ACCESS_TTL, scopes);
  const refresh = scopes.includes("offline.access")
    ? state.issue("x", userId, "refresh", null, scopes)
    : null;
  return json(200, {
    token_type: "bearer",
    expires_in: ACCESS_TTL,
    access_token: access.value,
    scope: scopes.join(" "),
    ...(refresh ? { refresh_token: refresh.value } : {}),
  });
}

async function media(
  state: FakeState,
  request: FakeRequest,
  me: FakeToken,
  fault: (operation: Operation) => Fault | null,
): Promise<Reply> {
  const { method, path } = request;
  if (!me.scopes.includes("media.write")) return problem(403, "Forbidden", "media.write scope is required");
  if (method === "GET" && path === "/2/media/upload") {
    if (request.query.get("command") !== "STATUS") return invalid("command must be STATUS");
    const f = fault("status");
    if (f && rejects(f)) return faultReply(f) ?? unauthorized();
    const item = state.media.get(`x:${request.query.get("media_id")}`);
    if (!item || item.owner !== me.userId) return invalid("media_id not found");
    if (item.state === "pending" || item.state === "in_progress") {
      item.pendingPolls -= 1;
      item.state = item.pendingPolls > 0 ? "in_progress" : "succeeded";
    }
    const processing =
      item.state === "succeeded"
        ? { state: "succeeded", progress_percent: 100 }
        : { state: item.state, check_after_secs: 1, progress_percent: 50 };
    return accepted(
      f,
      json(
        200,
        { data: { id: item.id, media_key: item.extra.mediaKey, processing_info: processing } },
        rateHeaders(),
      ),
    );
  }
  if (method !== "POST") return problem(404, "Not Found Error", `no route ${method} ${path}`);
  const f = fault("media");
  if (f && rejects(f)) return faultReply(f) ?? unauthorized();

  if (path === "/2/media/upload") {
    const form = await multipart(request);
    const file = form?.get("media");
    if (!form || !(file instanceof Blob)) return invalid("media is required");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const category = text(form.get("media_category")) ?? "tweet_image";
    const type = sniffImage(bytes);
    if (!type) return invalid("media type unrecognized");
    if (category === "tweet_image" && bytes.length > MAX_IMAGE_BYTES)
      return invalid("image is larger than 5 MB");
    const id = state.nextId();
    state.media.set(`x:${id}`, {
      platform: "x",
      id,
      owner: me.userId,
      mimeType: type,
      totalBytes: bytes.length,
      received: bytes.length,
      state: "succeeded",
      pendingPolls: 0,
      extra: { mediaKey: `3_${id}`, category },
    });
    return accepted(
      f,
      json(
        200,
        {
          data: {
            id,
            media_key: `3_${id}`,
            size: bytes.length,
            expires_after_secs: 86400,
            image: { image_type: type, w: 1, h: 1 },
          },
        },
        rateHeaders(),
      ),
    );
  }
  if (path === "/2/media/upload/initialize") {
    const body = jsonBody(request) ?? {};
    const total = Number(body.total_bytes);
    const mediaType = text(body.media_type);
    if (!mediaType || !Number.isInteger(total) || total <= 0)
      return invalid("media_type and total_bytes are required");
    const id = state.nextId();
    const category = text(body.media_category) ?? "tweet_video";
    const key = `${category === "tweet_gif" ? 16 : category === "tweet_image" ? 3 : 7}_${id}`;
    state.media.set(`x:${id}`, {
      platform: "x",
      id,
      owner: me.userId,
      mimeType: mediaType,
      totalBytes: total,
      received: 0,
      state: "uploading",
      pendingPolls: 0,
      extra: { mediaKey: key, category, segments: 0 },
    });
    return accepted(f, json(200, { data: { id, media_key: key, expires_after_secs: 86400 } }, rateHeaders()));
  }
  if (path === "/2/media/metadata") {
    const body = jsonBody(request) ?? {};
    const item = state.media.get(`x:${text(body.id)}`);
    if (!item || item.owner !== me.userId) return invalid("id not found");
    item.extra.altText = (body.metadata as { alt_text?: { text?: string } } | undefined)?.alt_text?.text;
    return accepted(f, json(200, { data: { associated_metadata: true } }, rateHeaders()));
  }
  const step = /^\/2\/media\/upload\/([^/]+)\/(append|finalize)$/.exec(path);
  const item = step?.[1] ? state.media.get(`x:${step[1]}`) : undefined;
  if (!step || !item || item.owner !== me.userId) return invalid("media id not found");
  if (step[2] === "append") {
    const form = await multipart(request);
    const file = form?.get("media");
    const segment = Number(text(form?.get("segment_index")));
    if (!(file instanceof Blob) || !Number.isInteger(segment) || segment < 0 || segment > 999) {
      return invalid("media and segment_index (0-999) are required");
    }
    item.received += file.size;
    return accepted(
      f,
      json(200, { data: { expires_at: Math.floor(Date.now() / 1000) + 86400 } }, rateHeaders()),
    );
  }
  if (item.received !== item.totalBytes)
    return invalid(`received ${item.received} of ${item.totalBytes} bytes`);
  const processed = item.extra.category !== "tweet_image";
  item.state = processed ? "pending" : "succeeded";
  item.pendingPolls = processed ? 2 : 0;
  return accepted(
    f,
    json(
      200,
      {
        data: {
          id: item.id,
          media_key: item.extra.mediaKey,
          size: item.totalBytes,
          expires_after_secs: 86400,
          ...(processed ? { processing_info: { state: "pending", check_after_secs: 1 } } : {}),
        },
      },
      rateHeaders(),
    ),
  );
}

function createTweet(state: FakeState, request: FakeRequest, me: FakeToken, fault: Fault | null): Reply {
  if (!["tweet.write", "tweet.read", "users.read"].every((s) => me.scopes.includes(s))) {
    return problem(403, "Forbidden", "You are not permitted to perform this action.");
  }
  if (fault && rejects(fault)) return faultReply(fault) ?? unauthorized();
  const body = jsonBody(request);
  if (!body) return invalid("the body must be JSON");
  const content = text(body.text) ?? "";
  const mediaIds = ((body.media as { media_ids?: unknown } | undefined)?.media_ids ?? []) as unknown[];
  if (!Array.isArray(mediaIds) || mediaIds.length > 4) return invalid("media.media_ids takes 1 to 4 ids");
  if (!content && mediaIds.length === 0) return invalid("text or media is required");
  if (weightedLength(content) > 280) return invalid("text is longer than 280 weighted characters");
  for (const id of mediaIds) {
    const item = state.media.get(`x:${text(id)}`);
    if (!item || item.owner !== me.userId) return invalid("Your media IDs are invalid.");
    if (item.state !== "succeeded") return invalid("Your media is still processing.");
  }
  // A reply (a thread's next post) names a live post of the same account: the self-serve tier refuses
  // replies into other people's conversations (docs/platform-contracts.md, X › Publishing).
  const replyTo = text((body.reply as { in_reply_to_tweet_id?: unknown } | undefined)?.in_reply_to_tweet_id);
  if (body.reply !== undefined && !replyTo) return invalid("reply.in_reply_to_tweet_id is required");
  if (replyTo) {
    const parent = state.post("x", replyTo);
    if (!parent)
      return problem(
        403,
        "Forbidden",
        "You attempted to reply to a Tweet that is deleted or not visible to you.",
      );
    if (parent.owner !== me.userId) {
      return problem(
        403,
        "Forbidden",
        "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.",
      );
    }
  }
  // X refuses a post whose text repeats one of the account's own.
  const stored = state.postsOf("x", me.userId).find((p) => p.extra.sourceText === content);
  if (stored && content)
    return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
  const id = state.nextId();
  const shown = tco(content);
  state.addPost({
    platform: "x",
    id,
    owner: me.userId,
    text: shown,
    media: mediaIds.map(String),
    link: null,
    extra: { sourceText: content, ...(replyTo ? { replyTo } : {}) },
  });
  return accepted(
    fault,
    json(201, { data: { id, text: shown, edit_history_tweet_ids: [id] } }, rateHeaders()),
  );
}

function userTweets(state: FakeState, request: FakeRequest, userId: string): Reply {
  const max = Number(request.query.get("max_results") ?? "10");
  if (!Number.isInteger(max) || max < 5 || max > 100) return invalid("max_results must be 5 to 100");
  const start = request.query.get("start_time");
  const from = start ? Date.parse(start) : 0;
  if (Number.isNaN(from)) return invalid("start_time must be ISO 8601");
  const fields = (request.query.get("tweet.fields") ?? "").split(",");
  const posts = state
    .postsOf("x", userId)
    .filter((p) => p.createdAt >= from)
    .slice(0, max);
  if (posts.length === 0) return json(200, { meta: { result_count: 0 } }, rateHeaders());
  return json(
    200,
    {
      data: posts.map((p) => ({
        id: p.id,
        text: p.text,
        edit_history_tweet_ids: [p.id],
        ...(fields.includes("created_at") ? { created_at: new Date(p.createdAt).toISOString() } : {}),
      })),
      meta: { result_count: posts.length, newest_id: posts[0]?.id, oldest_id: posts.at(-1)?.id },
    },
    rateHeaders(),
  );
}

/** X's error for a post it does not have (deleted, or never existed): beside `data`, never instead of a 200. */
const notFound = (id: string) => ({
  value: id,
  detail: `Could not find tweet with id: [${id}].`,
  title: "Not Found Error",
  resource_type: "tweet",
  parameter: "id",
  resource_id: id,
  type: "https://api.x.com/2/problems/resource-not-found",
});

/** Only the author sees `non_public_metrics`, and only for posts younger than 30 days. */
const privateMetricsRefused = (id: string) => ({
  value: id,
  detail: `Sorry, you are not authorized to access 'non_public_metrics' on the Tweet with ids: [${id}].`,
  title: "Field Authorization Error",
  resource_type: "tweet",
  parameter: "non_public_metrics",
  resource_id: id,
  type: "https://api.x.com/2/problems/not-authorized-for-field",
});

/** A post as a lookup shows it with the `tweet.fields` asked, or the error that keeps it out of `data`. */
function tweetView(
  state: FakeState,
  me: FakeToken,
  id: string,
  fields: string[],
): { data: Record<string, unknown> } | { error: Record<string, unknown> } {
  const post = state.post("x", id);
  if (!post) return { error: notFound(id) };
  const m = post.metrics;
  const data: Record<string, unknown> = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
  if (fields.includes("public_metrics")) {
    data.public_metrics = {
      retweet_count: m.shares ?? 0,
      reply_count: m.comments ?? 0,
      like_count: m.likes ?? 0,
      quote_count: m.quotes ?? 0,
      bookmark_count: m.saves ?? 0,
      impression_count: m.views ?? 0,
    };
  }
  if (fields.includes("non_public_metrics")) {
    if (post.owner !== me.userId || post.createdAt < Date.now() - 30 * 86_400_000) {
      return { error: privateMetricsRefused(id) };
    }
    data.non_public_metrics = {
      impression_count: m.views ?? 0,
      url_link_clicks: m.clicks ?? 0,
      user_profile_clicks: 0,
    };
  }
  return { data };
}

/** `GET /2/tweets/:id`: the post, or (still 200) only the error. */
function lookup(state: FakeState, request: FakeRequest, me: FakeToken, id: string): Reply {
  const view = tweetView(state, me, id, (request.query.get("tweet.fields") ?? "").split(","));
  return json(200, "data" in view ? { data: view.data } : { errors: [view.error] }, rateHeaders());
}

/**
 * `GET /2/tweets?ids=` (1 to 100, comma-separated): the posts it can show in `data`, in the order
 * asked, and an error for each one it cannot (not found, or `non_public_metrics` refused) — a 200
 * either way, `data` left out when it is empty.
 */
function lookupMany(state: FakeState, request: FakeRequest, me: FakeToken): Reply {
  const ids = (request.query.get("ids") ?? "").split(",").filter(Boolean);
  if (ids.length === 0 || ids.length > 100) return invalid("ids must name 1 to 100 posts");
  const bad = ids.find((id) => !/^\d{1,19}$/.test(id));
  if (bad) return invalid(`The \`ids\` query parameter value [${bad}] is not valid`);
  const fields = (request.query.get("tweet.fields") ?? "").split(",");
  const views = ids.map((id) => tweetView(state, me, id, fields));
  const data = views.flatMap((v) => ("data" in v ? [v.data] : []));
  const errors = views.flatMap((v) => ("error" in v ? [v.error] : []));
  return json(
    200,
    { ...(data.length > 0 ? { data } : {}), ...(errors.length > 0 ? { errors } : {}) },
    rateHeaders(),
  );
}
