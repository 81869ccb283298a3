/**
 * Fake Facebook Pages Graph API (docs/platform-contracts.md, Facebook Pages): Facebook Login (PKCE checked
 * when a challenge was sent), short → long-lived user tokens, `/me/accounts` with a Page token that
 * does not expire, Page feed posts (message, link, attached unpublished photos; a repeated message is
 * refused with 506), photos, videos, the feed since a time, post fields and insights, delete, and
 * de-authorising the app (`DELETE /me/permissions`).
 */
import {
  accepted,
  type FakeRequest,
  type FakeState,
  type FakeToken,
  graphTime,
  json,
  type Reply,
  rejects,
  sinceMs,
  text,
} from "./core.ts";
import {
  type GraphRequest,
  graphError,
  graphRequest,
  insights,
  isReply,
  metaFaultReply,
  missingParam,
  unsupportedObject,
} from "./meta/graph.ts";
import { authorize, FAKE_CLIENTS, redeemCode } from "./oauth.ts";

const V = "/v25.0";
const SHORT_TTL = 7200;
const LONG_TTL = 5_183_944;

export async function handleFacebook(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method } = request;
  if (!request.path.startsWith(`${V}/`)) return graphError(2500, "Unknown path components");
  const path = request.path.slice(V.length);
  if (method === "GET" && path === "/dialog/oauth") {
    return authorize(state, request, { pkceRequired: false, scopeSeparator: /[,\s]+/ });
  }
  if (method === "GET" && path === "/oauth/access_token") return tokenEndpoint(state, request);

  const graph = graphRequest(state, request, "facebook");
  if (isReply(graph)) return graph;
  const { me, p, fault } = graph;

  if (method === "GET" && (path === "/me" || path === `/${me.userId}`)) {
    const { f, reject } = fault("userinfo", me.userId);
    if (reject) return reject;
    const user = state.user("facebook", me.userId);
    if (me.pageId) return accepted(f, json(200, { id: me.pageId, name: user?.pageName }));
    return accepted(f, json(200, { id: me.userId, name: user?.name }));
  }
  if (method === "DELETE" && (path === "/me/permissions" || path === `/${me.userId}/permissions`)) {
    const { f, reject } = fault("revoke", me.userId);
    if (reject) return reject;
    if (me.pageId) {
      return graphError(100, "(#100) Tried accessing nonexisting field (permissions) on node type (Page)");
    }
    // De-authorising the app: every token of this login stops working, the Page tokens included.
    for (const issued of state.tokens.values()) {
      if (issued.platform === "facebook" && issued.userId === me.userId) state.revoke(issued);
    }
    return accepted(f, json(200, { success: true }));
  }
  if (method === "GET" && path === "/me/accounts") {
    const { f, reject } = fault("token", me.userId);
    if (reject) return reject;
    if (me.pageId)
      return graphError(100, "(#100) Tried accessing nonexisting field (accounts) on node type (Page)");
    const user = state.user("facebook", me.userId);
    if (!user?.pageId) return json(200, { data: [] });
    const page = state.issue("facebook", me.userId, "access", null, me.scopes, user.pageId);
    return accepted(
      f,
      json(200, {
        data: [
          {
            access_token: page.value,
            category: "Community",
            name: user.pageName,
            id: user.pageId,
            tasks: ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"],
          },
        ],
        paging: { cursors: { before: "QVFI", after: "QVFI" } },
      }),
    );
  }

  const edge = /^\/([^/]+)\/(feed|photos|videos|insights)$/.exec(path);
  if (edge?.[1] && edge[2]) {
    const [, id, name] = edge;
    if (name === "insights") {
      const { f, reject } = fault("metrics", id);
      if (reject) return reject;
      const post = state.post("facebook", id);
      if (!post) return unsupportedObject(id);
      const metrics = (text(p.metric) ?? "").split(",").filter(Boolean);
      if (metrics.some((m) => m.startsWith("post_impressions"))) {
        return graphError(100, "(#100) The value must be a valid insights metric");
      }
      const m = post.metrics;
      return accepted(
        f,
        insights(id, metrics, {
          post_media_view: m.views ?? 0,
          post_total_media_view_unique: m.reach ?? Math.round((m.views ?? 0) * 0.8),
          post_clicks: m.clicks ?? 0,
        }),
      );
    }
    if (method === "GET" && name === "feed") {
      const { f, reject } = fault("find", id);
      if (reject) return reject;
      const since = sinceMs(p.since);
      const limit = Math.min(100, Number(text(p.limit) ?? "25") || 25);
      const posts = state
        .postsOf("facebook", id)
        .filter((post) => post.createdAt >= since)
        .slice(0, limit);
      return accepted(
        f,
        json(200, {
          data: posts.map((post) => ({
            id: post.id,
            message: post.text || undefined,
            created_time: graphTime(post.createdAt),
          })),
          paging: { cursors: { before: "QVFI", after: "QVFI" } },
        }),
      );
    }
    if (method === "POST") {
      if (me.pageId !== id) {
        return graphError(
          200,
          "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission",
          { type: "OAuthException" },
        );
      }
      return publish(state, name, id, p, fault);
    }
  }

  const object = /^\/([^/]+)$/.exec(path);
  if (object?.[1]) {
    const id = object[1];
    if (method === "DELETE") {
      const { f, reject } = fault("delete", id);
      if (reject) return reject;
      const post = state.post("facebook", id);
      if (!post) return unsupportedObject(id, "delete");
      if (post.owner !== me.pageId) return graphError(200, "(#200) Permissions error");
      post.deleted = true;
      return accepted(f, json(200, { success: true }));
    }
    if (method === "GET") {
      const { f, reject } = fault("metrics", id);
      if (reject) return reject;
      const post = state.post("facebook", id);
      if (!post) return unsupportedObject(id);
      const m = post.metrics;
      return accepted(
        f,
        json(200, {
          id: post.id,
          message: post.text,
          created_time: graphTime(post.createdAt),
          reactions: { data: [], summary: { total_count: m.likes ?? 0, viewer_reaction: "NONE" } },
          comments: {
            data: [],
            summary: { order: "ranked", total_count: m.comments ?? 0, can_comment: true },
          },
          // Graph leaves `shares` out when nothing was shared.
          ...(m.shares ? { shares: { count: m.shares } } : {}),
        }),
      );
    }
  }
  return graphError(100, `(#100) Unknown path ${method} ${request.path}`);
}

function publish(
  state: FakeState,
  edge: string,
  pageId: string,
  p: Record<string, unknown>,
  fault: GraphRequest["fault"],
): Reply {
  const published = text(p.published) !== "false";
  const { f, reject } = fault(published ? "publish" : "media", pageId);
  if (reject) return reject;
  const message = text(p.message) ?? text(p.description) ?? "";
  if (edge === "photos") {
    const url = text(p.url);
    if (!url || !/^https?:\/\//.test(url)) return graphError(324, "(#324) Requires upload file");
    const photoId = state.nextId();
    state.media.set(`facebook:${photoId}`, {
      platform: "facebook",
      id: photoId,
      owner: pageId,
      mimeType: "image/*",
      totalBytes: 0,
      received: 0,
      state: published ? "published" : "unpublished",
      pendingPolls: 0,
      extra: { url, uploadedAt: Date.now() },
    });
    if (!published) return accepted(f, json(200, { id: photoId }));
    const postId = `${pageId}_${state.nextId()}`;
    state.addPost({
      platform: "facebook",
      id: postId,
      owner: pageId,
      text: message,
      media: [photoId],
      link: null,
      extra: {},
    });
    return accepted(f, json(200, { id: photoId, post_id: postId }));
  }
  if (edge === "videos") {
    const url = text(p.file_url);
    if (!url) return graphError(100, "(#100) file_url or source is required");
    const videoId = state.nextId();
    state.addPost({
      platform: "facebook",
      id: videoId,
      owner: pageId,
      text: message,
      media: [videoId],
      link: null,
      extra: { video: url },
    });
    return accepted(f, json(200, { id: videoId }));
  }
  const link = text(p.link);
  const attached = attachedMedia(p);
  if (attached === "invalid") return missingParam("attached_media must be [{media_fbid}]");
  if (!message && !link && attached.length === 0) return missingParam("Missing message or attachment");
  for (const id of attached) {
    const photo = state.media.get(`facebook:${id}`);
    if (!photo || photo.owner !== pageId || photo.state !== "unpublished") {
      return missingParam(`attached_media ${id} is not an unpublished photo of this Page`);
    }
  }
  if (message && state.postsOf("facebook", pageId).some((post) => post.text === message)) {
    return graphError(506, "(#506) Duplicate status message");
  }
  for (const id of attached) {
    const photo = state.media.get(`facebook:${id}`);
    if (photo) photo.state = "published";
  }
  const postId = `${pageId}_${state.nextId()}`;
  state.addPost({
    platform: "facebook",
    id: postId,
    owner: pageId,
    text: message,
    media: attached,
    link,
    extra: {},
  });
  return accepted(f, json(200, { id: postId }));
}

/** `attached_media` as a JSON array, or as `attached_media[0]={"media_fbid":…}` form fields. */
function attachedMedia(p: Record<string, unknown>): string[] | "invalid" {
  const values: unknown[] = [];
  const raw = p.attached_media;
  if (raw !== undefined) {
    try {
      const parsed = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
      if (!Array.isArray(parsed)) return "invalid";
      values.push(...parsed);
    } catch {
      return "invalid";
    }
  }
  for (const [key, value] of Object.entries(p)) {
    if (!/^attached_media\[\d+\]$/.test(key)) continue;
    try {
      values.push(JSON.parse(String(value)));
    } catch {
      return "invalid";
    }
  }
  const ids = values.map((v) => text((v as { media_fbid?: unknown } | null)?.media_fbid));
  return ids.every((id): id is string => id !== null) ? ids : "invalid";
}

/**
 * `GET /oauth/access_token`: `client_id, client_secret, redirect_uri, code[, code_verifier]` → a
 * short-lived user token; `grant_type=fb_exchange_token&fb_exchange_token=…` → a long-lived one.
 */
function tokenEndpoint(state: FakeState, request: FakeRequest): Reply {
  const q = request.query;
  const client = FAKE_CLIENTS.facebook;
  if (q.get("grant_type") === "fb_exchange_token") {
    if (q.get("client_id") !== client.client_id || q.get("client_secret") !== client.client_secret) {
      return graphError(1, "Error validating client secret.");
    }
    const short = state.access("facebook", q.get("fb_exchange_token"));
    if (short === "invalid") return graphError(190, "Invalid OAuth access token - Cannot parse access token");
    if (short === "expired")
      return graphError(190, "Error validating access token: Session has expired", { subcode: 463 });
    return withFault(state, short.userId, () => {
      const long = state.issue("facebook", short.userId, "access", LONG_TTL, short.scopes);
      return json(200, { access_token: long.value, token_type: "bearer", expires_in: LONG_TTL });
    });
  }
  const code = state.codes.get(q.get("code") ?? "");
  return withFault(state, code?.userId ?? null, () => {
    const redeemed = redeemCode(state, "facebook", {
      code: q.get("code"),
      clientId: q.get("client_id"),
      clientSecret: q.get("client_secret"),
      redirectUri: q.get("redirect_uri"),
      verifier: q.get("code_verifier"),
    });
    if ("error" in redeemed) {
      if (redeemed.error === "invalid_client") return graphError(1, "Error validating client secret.");
      if (redeemed.description.includes("already been used")) {
        return graphError(100, "This authorization code has been used.", { subcode: 36009 });
      }
      return graphError(100, `Error validating verification code: ${redeemed.description}`, {
        subcode: 36008,
      });
    }
    const issued: FakeToken = state.issue("facebook", redeemed.userId, "access", SHORT_TTL, redeemed.scopes);
    return json(200, { access_token: issued.value, token_type: "bearer", expires_in: SHORT_TTL });
  });
}

function withFault(state: FakeState, userId: string | null, answer: () => Reply): Reply {
  const f = state.takeFault("facebook", "token", userId ? [userId] : []);
  if (f && rejects(f)) return metaFaultReply("facebook", f, "token", userId ?? "0") ?? answer();
  return accepted(f, answer());
}
