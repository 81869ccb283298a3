/**
 * Fake LinkedIn (docs/platform-contracts.md, LinkedIn): OAuth 2.0 (PKCE checked when a challenge was sent; 60-day access
 * tokens; refresh tokens that rotate but keep the first one's 365-day expiry), `/v2/userinfo`, and
 * the versioned REST API (`LinkedIn-Version` required, retired versions → 426): image and video
 * uploads, `POST /rest/posts` (201, URN in `x-restli-id`, a repeated commentary → 422
 * DUPLICATE_POST), posts by author (a member's own need `r_member_social`), delete, social metadata.
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
  type Operation,
  type Reply,
  rejects,
  text,
} from "./core.ts";
import { authorize, FAKE_CLIENTS, redeemCode } from "./oauth.ts";

const ACCESS_TTL = 5_184_000;
const REFRESH_TTL = 31_536_000;
/** The oldest `LinkedIn-Version` this fake still serves (LinkedIn retires versions after about a year). */
export const OLDEST_VERSION = "202510";
const VIDEO_PART_BYTES = 4 * 1024 * 1024;

const error = (status: number, code: string | null, message: string, serviceErrorCode?: number): Reply =>
  json(status, {
    status,
    ...(serviceErrorCode ? { serviceErrorCode } : {}),
    ...(code ? { code } : {}),
    message,
  });

const expired = () => error(401, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired", 65602);
const invalidToken = () => error(401, "INVALID_ACCESS_TOKEN", "Invalid access token", 65600);
const denied = (what: string) =>
  error(403, "ACCESS_DENIED", `Not enough permissions to access: ${what}`, 100);

function faultReply(fault: Fault): Reply | null {
  switch (fault) {
    case "rate_limit":
      return error(
        429,
        "TOO_MANY_REQUESTS",
        "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.",
        101,
      );
    case "server_error":
      return error(500, null, "Internal Server Error");
    case "expired_token":
      return expired();
    case "duplicate":
      return error(422, "DUPLICATE_POST", "Content is a duplicate of urn:li:share:0");
    default:
      return null;
  }
}

function versionProblem(request: FakeRequest): Reply | null {
  const version = text(request.headers["linkedin-version"]);
  if (!version) {
    return error(
      400,
      "VERSION_MISSING",
      "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
    );
  }
  const now = new Date();
  const current = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  if (
    !/^\d{6}(\.\d{2})?$/.test(version) ||
    version.slice(0, 6) < OLDEST_VERSION ||
    version.slice(0, 6) > current
  ) {
    return error(426, "NONEXISTENT_VERSION", `Requested version ${version} is not active`);
  }
  return null;
}

const personUrn = (userId: string) => `urn:li:person:${userId}`;

export async function handleLinkedIn(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method, path } = request;
  if (method === "GET" && path === "/oauth/v2/authorization") {
    return authorize(state, request, { pkceRequired: false, scopeSeparator: /[\s,]+/ });
  }
  if (method === "POST" && path === "/oauth/v2/accessToken") return tokenEndpoint(state, request);

  const found = state.access("linkedin", bearer(request));
  if (found === "invalid") return invalidToken();
  if (found === "expired") return expired();
  const me = found;
  const fault = (operation: Operation) => {
    const f = state.takeFault("linkedin", operation, [me.userId, personUrn(me.userId)]);
    return { f, reject: f && rejects(f) ? faultReply(f) : null };
  };

  if (method === "GET" && path === "/v2/userinfo") {
    const { f, reject } = fault("userinfo");
    if (reject) return reject;
    if (!me.scopes.includes("openid")) return denied("/userinfo");
    const user = state.user("linkedin", me.userId);
    const [given, ...family] = (user?.name ?? "Fake User").split(" ");
    return accepted(
      f,
      json(200, {
        sub: me.userId,
        name: user?.name,
        given_name: given,
        family_name: family.join(" "),
        locale: { country: "US", language: "en" },
      }),
    );
  }
  if (method === "PUT" && path.startsWith("/dms-uploads/"))
    return upload(state, request, me, fault("media").f);
  if (!path.startsWith("/rest/")) return error(404, null, `No route ${method} ${path}`);
  const bad = versionProblem(request);
  if (bad) return bad;

  const action = request.query.get("action");
  if (method === "POST" && (path === "/rest/images" || path === "/rest/videos") && action) {
    const { f, reject } = fault("media");
    if (reject) return reject;
    return accepted(
      f,
      initializeOrFinalize(state, request, me, path === "/rest/images" ? "image" : "video", action),
    );
  }
  const asset = /^\/rest\/(images|videos)\/(.+)$/.exec(path);
  if (method === "GET" && asset?.[2]) {
    const { f, reject } = fault("status");
    if (reject) return reject;
    const item = state.media.get(`linkedin:${decodeURIComponent(asset[2])}`);
    if (!item || item.owner !== personUrn(me.userId)) return error(404, null, "Not Found");
    if (item.state === "PROCESSING" && --item.pendingPolls <= 0) item.state = "AVAILABLE";
    return accepted(f, json(200, { id: item.id, owner: item.owner, status: item.state }));
  }
  if (path === "/rest/posts" && method === "POST") {
    const { f, reject } = fault("publish");
    if (reject) return reject;
    return createPost(state, request, me, f);
  }
  if (path === "/rest/posts" && method === "GET") {
    const { f, reject } = fault("find");
    if (reject) return reject;
    return accepted(f, postsByAuthor(state, request, me));
  }
  const post = /^\/rest\/posts\/(.+)$/.exec(path);
  if (post?.[1] && method === "DELETE") {
    const { f, reject } = fault("delete");
    if (reject) return reject;
    const stored = state.post("linkedin", decodeURIComponent(post[1]));
    if (!stored) return error(404, null, "Not Found");
    if (stored.owner !== personUrn(me.userId)) return denied("partnerApiPostsExternal.DELETE");
    stored.deleted = true;
    return accepted(f, { status: 204 });
  }
  const meta = /^\/rest\/socialMetadata\/(.+)$/.exec(path);
  if (meta?.[1] && method === "GET") {
    const { f, reject } = fault("metrics");
    if (reject) return reject;
    const urn = decodeURIComponent(meta[1]);
    const stored = state.post("linkedin", urn);
    if (!stored) return error(404, null, "Not Found");
    const m = stored.metrics;
    return accepted(
      f,
      json(200, {
        reactionSummaries: {
          LIKE: { reactionType: "LIKE", count: Math.max(0, (m.likes ?? 0) - 1) },
          PRAISE: { reactionType: "PRAISE", count: Math.min(1, m.likes ?? 0) },
        },
        commentsState: "OPEN",
        commentSummary: { count: m.comments ?? 0, topLevelCount: m.comments ?? 0 },
        entity: urn,
      }),
    );
  }
  return error(404, null, `No route ${method} ${path}`);
}

function tokenEndpoint(state: FakeState, request: FakeRequest): Reply {
  const form = new URLSearchParams(request.body.toString("utf8"));
  const oauthError = (status: number, code: string, description: string) =>
    json(status, { error: code, error_description: description });
  const grant = form.get("grant_type");
  if (grant === "authorization_code") {
    const code = state.codes.get(form.get("code") ?? "");
    const f = state.takeFault("linkedin", "token", code ? [code.userId] : []);
    if (f && rejects(f)) return faultReply(f) ?? expired();
    const redeemed = redeemCode(state, "linkedin", {
      code: form.get("code"),
      clientId: form.get("client_id"),
      clientSecret: form.get("client_secret"),
      redirectUri: form.get("redirect_uri"),
      verifier: form.get("code_verifier"),
    });
    if ("error" in redeemed)
      return oauthError(
        redeemed.error === "invalid_client" ? 401 : 400,
        redeemed.error,
        redeemed.description,
      );
    return accepted(f, issue(state, redeemed.userId, redeemed.scopes, REFRESH_TTL));
  }
  if (grant === "refresh_token") {
    const refresh = state.tokens.get(form.get("refresh_token") ?? "");
    const f = state.takeFault("linkedin", "token", refresh ? [refresh.userId] : []);
    if (f && rejects(f)) return faultReply(f) ?? expired();
    const client = FAKE_CLIENTS.linkedin;
    if (form.get("client_id") !== client.client_id || form.get("client_secret") !== client.client_secret) {
      return oauthError(401, "invalid_client", "Client authentication failed");
    }
    if (refresh?.platform !== "linkedin" || refresh.kind !== "refresh" || refresh.spent) {
      return oauthError(400, "invalid_request", "The provided refresh token is invalid");
    }
    if (refresh.expiresAt !== null && refresh.expiresAt <= Date.now()) {
      return oauthError(400, "invalid_grant", "The provided refresh token has expired");
    }
    refresh.spent = true;
    // A refreshed refresh token keeps the first one's expiry.
    const remaining = Math.max(1, Math.floor(((refresh.expiresAt ?? Date.now()) - Date.now()) / 1000));
    return accepted(f, issue(state, refresh.userId, refresh.scopes, remaining));
  }
  return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
}

function issue(state: FakeState, userId: string, scopes: string[], refreshTtl: number): Reply {
  const access = state.issue("linkedin", userId, "access", ACCESS_TTL, scopes);
  const refresh = state.issue("linkedin", userId, "refresh", refreshTtl, scopes);
  return json(200, {
    access_token: access.value,
    expires_in: ACCESS_TTL,
    refresh_token: refresh.value,
    refresh_token_expires_in: refreshTtl,
    scope: scopes.join(","),
  });
}

function initializeOrFinalize(
  state: FakeState,
  request: FakeRequest,
  me: FakeToken,
  kind: "image" | "video",
  action: string,
): Reply {
  const body = jsonBody(request) ?? {};
  if (action === "initializeUpload") {
    const init = (body.initializeUploadRequest ?? {}) as Record<string, unknown>;
    if (text(init.owner) !== personUrn(me.userId)) return denied(`${kind}s.owner`);
    const size = Number(init.fileSizeBytes);
    if (kind === "video" && (!Number.isInteger(size) || size <= 0))
      return error(422, null, "fileSizeBytes is required");
    const urn = `urn:li:${kind}:${randomBytes(9).toString("base64url")}`;
    const upload = `${request.base}/dms-uploads/${kind}s/${encodeURIComponent(urn)}`;
    state.media.set(`linkedin:${urn}`, {
      platform: "linkedin",
      id: urn,
      owner: personUrn(me.userId),
      mimeType: kind,
      totalBytes: kind === "video" ? size : 0,
      received: 0,
      state: "WAITING_UPLOAD",
      pendingPolls: 1,
      extra: { parts: [] as string[] },
    });
    const expires = Date.now() + 86_400_000;
    if (kind === "image")
      return json(200, { value: { uploadUrlExpiresAt: expires, uploadUrl: upload, image: urn } });
    const instructions = [];
    for (let first = 0, part = 0; first < size; first += VIDEO_PART_BYTES, part++) {
      instructions.push({
        uploadUrl: `${upload}/${part}`,
        firstByte: first,
        lastByte: Math.min(size, first + VIDEO_PART_BYTES) - 1,
      });
    }
    return json(200, {
      value: { uploadUrlsExpireAt: expires, video: urn, uploadInstructions: instructions, uploadToken: "" },
    });
  }
  if (action === "finalizeUpload" && kind === "video") {
    const fin = (body.finalizeUploadRequest ?? {}) as Record<string, unknown>;
    const item = state.media.get(`linkedin:${text(fin.video)}`);
    if (!item || item.owner !== personUrn(me.userId)) return error(404, null, "Not Found");
    const parts = item.extra.parts as string[];
    const given = Array.isArray(fin.uploadedPartIds) ? fin.uploadedPartIds.map(String) : [];
    if (item.received !== item.totalBytes || given.join() !== parts.join()) {
      return error(400, null, "uploadedPartIds do not match the uploaded parts");
    }
    item.state = "PROCESSING";
    item.pendingPolls = 1;
    return json(200, {});
  }
  return error(400, null, `unknown action ${action}`);
}

function upload(state: FakeState, request: FakeRequest, me: FakeToken, fault: Fault | null): Reply {
  if (fault && rejects(fault)) return faultReply(fault) ?? expired();
  const match = /^\/dms-uploads\/(images|videos)\/([^/]+)(?:\/(\d+))?$/.exec(request.path);
  const item = match?.[2] ? state.media.get(`linkedin:${decodeURIComponent(match[2])}`) : undefined;
  if (!match || !item || item.owner !== personUrn(me.userId)) return error(404, null, "Not Found");
  if (request.body.length === 0) return error(400, null, "empty upload");
  item.received += request.body.length;
  if (match[1] === "images") {
    item.state = "AVAILABLE";
    return accepted(fault, { status: 201 });
  }
  const etag = `/ambry-video/${randomBytes(12).toString("hex")}`;
  (item.extra.parts as string[])[Number(match[3] ?? 0)] = etag;
  return accepted(fault, { status: 200, headers: { etag } });
}

function createPost(state: FakeState, request: FakeRequest, me: FakeToken, fault: Fault | null): Reply {
  if (!me.scopes.includes("w_member_social")) return denied("partnerApiPostsExternal.CREATE");
  const body = jsonBody(request);
  if (!body) return error(400, null, "the body must be JSON");
  const author = text(body.author);
  if (author !== personUrn(me.userId)) return denied("partnerApiPostsExternal.CREATE");
  const missing = ["commentary", "visibility", "distribution", "lifecycleState"].filter(
    (k) => body[k] === undefined,
  );
  if (missing.length > 0)
    return error(422, null, `/${missing[0]} :: field is required but not found and has no default value`);
  const commentary = text(body.commentary) ?? "";
  if (commentary.length > 3000)
    return error(400, "FIELD_LENGTH_TOO_LONG", "/commentary :: length exceeds 3000");
  const content = (body.content ?? null) as Record<string, unknown> | null;
  const ids = mediaIds(content);
  for (const id of ids) {
    const item = state.media.get(`linkedin:${id}`);
    if (!item || item.owner !== author || item.state !== "AVAILABLE")
      return error(422, null, `${id} is not an available asset of the author`);
  }
  const duplicate = state.postsOf("linkedin", author).find((p) => p.text === commentary && commentary !== "");
  if (duplicate) return error(422, "DUPLICATE_POST", `Content is a duplicate of ${duplicate.id}`);
  const urn = `urn:li:share:${state.nextId()}`;
  state.addPost({
    platform: "linkedin",
    id: urn,
    owner: author,
    text: commentary,
    media: ids,
    link: text((content?.article as { source?: unknown } | undefined)?.source) ?? null,
    extra: { body },
  });
  return accepted(fault, { status: 201, headers: { "x-restli-id": urn, "x-linkedin-id": urn } });
}

function mediaIds(content: Record<string, unknown> | null): string[] {
  if (!content) return [];
  const single = text((content.media as { id?: unknown } | undefined)?.id);
  if (single) return [single];
  const images = (content.multiImage as { images?: Array<{ id?: unknown }> } | undefined)?.images ?? [];
  return images.map((i) => text(i.id)).filter((id): id is string => id !== null);
}

function postsByAuthor(state: FakeState, request: FakeRequest, me: FakeToken): Reply {
  const q = request.query;
  if (q.get("q") !== "author" || !q.get("author"))
    return error(400, null, "q=author and author are required");
  const author = q.get("author") ?? "";
  if (author === personUrn(me.userId) ? !me.scopes.includes("r_member_social") : true)
    return denied("partnerApiPostsExternal.FINDER-author");
  const count = Math.min(100, Number(q.get("count") ?? "10") || 10);
  const posts = state.postsOf("linkedin", author).slice(0, count);
  return json(200, {
    paging: { start: 0, count, links: [], total: posts.length },
    elements: posts.map((p) => {
      const body = p.extra.body as Record<string, unknown>;
      return {
        ...body,
        id: p.id,
        createdAt: p.createdAt,
        lastModifiedAt: p.createdAt,
        publishedAt: p.createdAt,
      };
    }),
  });
}
