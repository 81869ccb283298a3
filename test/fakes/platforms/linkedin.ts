/**
 * Fake LinkedIn (docs/platform-contracts.md, LinkedIn): OAuth 2.0 (PKCE checked when a challenge was sent; 60-day access
 * tokens; refresh tokens that rotate but keep the first one's 365-day expiry), `/v2/userinfo`, and
 * the versioned REST API (`LinkedIn-Version` required, retired versions → 426): image and video
 * uploads, `POST /rest/posts` (201, URN in `x-restli-id`, a repeated commentary → 422
 * DUPLICATE_POST), posts by author (a member's own need `r_member_social`), delete, social metadata
 * (one post, or a Rest.li batch get of several), and organisations: a member made ADMINISTRATOR of
 * one (control route below) posts as it with `w_organization_social`, reads its posts with
 * `r_organization_social` and its share statistics with `rw_organization_admin`.
 *
 * Control route: `POST /_fake/linkedin/organizations {account}` makes a new organisation whose
 * ADMINISTRATOR is the member (`account`: the member id or person URN) → `{organization: <urn>}`.
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

/** Per fake: each organisation URN and the member ids that are its ADMINISTRATORs. */
const organizations = new WeakMap<FakeState, Map<string, Set<string>>>();

function organizationsOf(state: FakeState): Map<string, Set<string>> {
  const found = organizations.get(state) ?? new Map<string, Set<string>>();
  organizations.set(state, found);
  return found;
}

/** The organisations the member administers. */
const administered = (state: FakeState, userId: string) =>
  [...organizationsOf(state)].filter(([, admins]) => admins.has(userId)).map(([urn]) => urn);

/** Who the member may act as: themself, and the organisations they administer. */
const actsAs = (state: FakeState, me: FakeToken) =>
  new Set([personUrn(me.userId), ...administered(state, me.userId)]);

export function linkedinControl(
  state: FakeState,
  method: string,
  path: string,
  body: Record<string, unknown>,
): Reply | null {
  if (method === "POST" && path === "/organizations") {
    const member = text(body.account)?.replace(/^urn:li:person:/, "");
    if (!member) return json(400, { error: "account (the member id or person URN) is required" });
    const urn = `urn:li:organization:${state.nextId()}`;
    organizationsOf(state).set(urn, new Set([member]));
    return json(201, { organization: urn, administrators: [personUrn(member)] });
  }
  return null;
}

/**
 * The URNs of a Rest.li 2.0 `List(…)` parameter, each encoded inside it (`urn%3Ali%3Ashare%3A1`); a
 * list whose URNs are not encoded is refused, as Rest.li cannot read their colons.
 */
function restliList(request: FakeRequest, name: string): string[] | "malformed" | null {
  const raw = new URL(request.raw.url ?? "/", "http://fake.invalid").search
    .slice(1)
    .split("&")
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (raw === undefined) return null;
  const match = /^List\((.*)\)$/.exec(
    raw.replaceAll("%28", "(").replaceAll("%29", ")").replaceAll("%2C", ","),
  );
  if (!match?.[1] || match[1].includes(":")) return "malformed";
  return match[1].split(",").map((item) => decodeURIComponent(item));
}

export async function handleLinkedIn(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method, path } = request;
  if (method === "GET" && path === "/oauth/v2/authorization") {
    return authorize(state, request, { pkceRequired: false, scopeSeparator: /[\s,]+/ });
  }
  if (method === "POST" && path === "/oauth/v2/accessToken") return tokenEndpoint(state, request);
  if (method === "POST" && path === "/oauth/v2/revoke") return revokeEndpoint(state, request);

  const found = state.access("linkedin", bearer(request));
  if (found === "invalid") return invalidToken();
  if (found === "expired") return expired();
  const me = found;
  const fault = (operation: Operation) => {
    const f = state.takeFault("linkedin", operation, [me.userId, ...actsAs(state, me)]);
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
    if (!item || !actsAs(state, me).has(item.owner)) return error(404, null, "Not Found");
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
    if (!actsAs(state, me).has(stored.owner)) return denied("partnerApiPostsExternal.DELETE");
    stored.deleted = true;
    return accepted(f, { status: 204 });
  }
  if (path === "/rest/socialMetadata" && method === "GET") {
    const { f, reject } = fault("metrics");
    if (reject) return reject;
    return accepted(f, socialMetadataBatch(state, request));
  }
  if (path === "/rest/organizationalEntityShareStatistics" && method === "GET") {
    const { f, reject } = fault("metrics");
    if (reject) return reject;
    return accepted(f, shareStatistics(state, request, me));
  }
  const meta = /^\/rest\/socialMetadata\/(.+)$/.exec(path);
  if (meta?.[1] && method === "GET") {
    const { f, reject } = fault("metrics");
    if (reject) return reject;
    const urn = decodeURIComponent(meta[1]);
    const stored = state.post("linkedin", urn);
    if (!stored) return error(404, null, "Not Found");
    return accepted(f, json(200, socialMetadataOf(urn, stored.metrics)));
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

/**
 * `POST /oauth/v2/revoke` with the app's credentials in the form and the token: 200 with an empty
 * body, also for a token it no longer honours; 401 `invalid_client`; 400 without a token.
 */
function revokeEndpoint(state: FakeState, request: FakeRequest): Reply {
  const form = new URLSearchParams(request.body.toString("utf8"));
  const value = form.get("token");
  const found = value ? state.tokens.get(value) : undefined;
  const f = state.takeFault(
    "linkedin",
    "revoke",
    found ? [found.userId, `urn:li:person:${found.userId}`] : [],
  );
  if (f && rejects(f)) return faultReply(f) ?? expired();
  const client = FAKE_CLIENTS.linkedin;
  if (form.get("client_id") !== client.client_id || form.get("client_secret") !== client.client_secret) {
    return json(401, { error: "invalid_client", error_description: "Client authentication failed" });
  }
  if (!value) return json(400, { error: "invalid_request", error_description: "Missing token" });
  if (found?.platform === "linkedin") state.revoke(found);
  return accepted(f, { status: 200, text: "" });
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
    const owner = text(init.owner) ?? "";
    if (!actsAs(state, me).has(owner)) return denied(`${kind}s.owner`);
    const size = Number(init.fileSizeBytes);
    if (kind === "video" && (!Number.isInteger(size) || size <= 0))
      return error(422, null, "fileSizeBytes is required");
    const urn = `urn:li:${kind}:${randomBytes(9).toString("base64url")}`;
    const upload = `${request.base}/dms-uploads/${kind}s/${encodeURIComponent(urn)}`;
    state.media.set(`linkedin:${urn}`, {
      platform: "linkedin",
      id: urn,
      owner,
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
    if (!item || !actsAs(state, me).has(item.owner)) return error(404, null, "Not Found");
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
  if (!match || !item || !actsAs(state, me).has(item.owner)) return error(404, null, "Not Found");
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
  const body = jsonBody(request);
  if (!body) return error(400, null, "the body must be JSON");
  const author = text(body.author) ?? "";
  // A member posts as themself with w_member_social, as an organisation they administer with
  // w_organization_social.
  const scope = author === personUrn(me.userId) ? "w_member_social" : "w_organization_social";
  if (!actsAs(state, me).has(author) || !me.scopes.includes(scope)) {
    return denied("partnerApiPostsExternal.CREATE");
  }
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
  const scope = author === personUrn(me.userId) ? "r_member_social" : "r_organization_social";
  if (!actsAs(state, me).has(author) || !me.scopes.includes(scope))
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

/** A post's social metadata: reactions by kind (LIKE and PRAISE here) and the comment summary. */
function socialMetadataOf(urn: string, m: Record<string, number>): Record<string, unknown> {
  return {
    reactionSummaries: {
      LIKE: { reactionType: "LIKE", count: Math.max(0, (m.likes ?? 0) - 1) },
      PRAISE: { reactionType: "PRAISE", count: Math.min(1, m.likes ?? 0) },
    },
    commentsState: "OPEN",
    commentSummary: { count: m.comments ?? 0, topLevelCount: m.comments ?? 0 },
    entity: urn,
  };
}

/**
 * `GET /rest/socialMetadata?ids=List(…)`, a Rest.li batch get: `results` and `statuses` keyed by
 * URN, and an `errors` entry (404) for each post that does not exist.
 */
function socialMetadataBatch(state: FakeState, request: FakeRequest): Reply {
  const urns = restliList(request, "ids");
  if (urns === null || urns === "malformed" || urns.length === 0) {
    return error(400, null, "ids must be a Rest.li List of encoded URNs");
  }
  const results: Record<string, unknown> = {};
  const statuses: Record<string, number> = {};
  const errors: Record<string, unknown> = {};
  for (const urn of urns) {
    const stored = state.post("linkedin", urn);
    if (stored) {
      results[urn] = socialMetadataOf(urn, stored.metrics);
      statuses[urn] = 200;
    } else {
      statuses[urn] = 404;
      errors[urn] = { status: 404, message: `Not Found: ${urn}` };
    }
  }
  return json(200, { results, statuses, errors });
}

/** Organic statistics are kept for a rolling 12 months. */
const STATISTICS_WINDOW_MS = 365 * 86_400_000;

/**
 * `GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=<urn>`
 * with `shares=List(…)` or `ugcPosts=List(…)` (not both): an element per post of that organisation
 * within the last 12 months (others are left out), or without a list one element of the
 * organisation's totals. Needs `rw_organization_admin` and the ADMINISTRATOR role.
 */
function shareStatistics(state: FakeState, request: FakeRequest, me: FakeToken): Reply {
  const q = request.query;
  const organization = q.get("organizationalEntity") ?? "";
  if (q.get("q") !== "organizationalEntity" || !organization) {
    return error(400, null, "q=organizationalEntity and organizationalEntity are required");
  }
  if (
    !me.scopes.includes("rw_organization_admin") ||
    !administered(state, me.userId).includes(organization)
  ) {
    return denied("organizationalEntityShareStatistics.FINDER-organizationalEntity");
  }
  const shares = restliList(request, "shares");
  const ugcPosts = restliList(request, "ugcPosts");
  if (shares === "malformed" || ugcPosts === "malformed" || (shares && ugcPosts)) {
    return error(400, null, "shares or ugcPosts must be one Rest.li List of encoded URNs");
  }
  const statistics = (m: Record<string, number>) => {
    const impressions = m.views ?? 0;
    const engaged = (m.likes ?? 0) + (m.comments ?? 0) + (m.shares ?? 0) + (m.clicks ?? 0);
    return {
      impressionCount: impressions,
      uniqueImpressionsCount: m.reach ?? Math.round(impressions * 0.8),
      clickCount: m.clicks ?? 0,
      likeCount: m.likes ?? 0,
      commentCount: m.comments ?? 0,
      shareCount: m.shares ?? 0,
      engagement: impressions === 0 ? 0 : engaged / impressions,
    };
  };
  const recent = (urn: string) => {
    const post = state.post("linkedin", urn);
    return post && post.owner === organization && post.createdAt > Date.now() - STATISTICS_WINDOW_MS
      ? post
      : undefined;
  };
  const named = shares ?? ugcPosts;
  if (!named) {
    const totals: Record<string, number> = {};
    for (const post of state.postsOf("linkedin", organization)) {
      for (const [name, value] of Object.entries(post.metrics)) totals[name] = (totals[name] ?? 0) + value;
    }
    return json(200, {
      paging: { start: 0, count: 10, links: [] },
      elements: [{ organizationalEntity: organization, totalShareStatistics: statistics(totals) }],
    });
  }
  const field = shares ? "share" : "ugcPost";
  const elements = named.flatMap((urn) => {
    const post = recent(urn);
    return post
      ? [{ organizationalEntity: organization, [field]: urn, totalShareStatistics: statistics(post.metrics) }]
      : [];
  });
  return json(200, { paging: { start: 0, count: elements.length, links: [] }, elements });
}
