/**
 * Fake Instagram API with Instagram Login (platforms.md §5): authorize, code exchange on
 * `/oauth/access_token`, long-lived tokens and their refresh, `/me`, containers (image, reel/video,
 * carousel of up to 10; videos stay IN_PROGRESS for a few status reads), `media_publish` (refused
 * with 9007/2207027 before FINISHED, 9/2207042 over 50 a day), the account's media, media fields and
 * insights. No deletes: Instagram has none.
 */
import {
  accepted,
  type FakeRequest,
  type FakeState,
  graphTime,
  json,
  type Operation,
  params,
  type Reply,
  rejects,
  text,
} from "./core.ts";
import {
  type ContainerDialect,
  createContainer,
  graphError,
  insights,
  isReply,
  listPosts,
  longLivedTokens,
  metaAccess,
  metaFaultReply,
  publishContainer,
  readContainer,
} from "./meta.ts";
import { authorize, redeemCode } from "./oauth.ts";

const V = "/v25.0";
const SHORT_TTL = 3600;

const dialect: ContainerDialect = {
  platform: "instagram",
  statusField: "status_code",
  textField: "caption",
  mediaTypes: ["IMAGE", "VIDEO", "REELS"],
  carouselMin: 2,
  carouselMax: 10,
  textOnly: false,
  textMax: 2200,
  permalink: (id) => `https://www.instagram.com/p/${Buffer.from(id).toString("base64url").slice(0, 11)}/`,
};

export async function handleInstagram(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method, path } = request;
  if (method === "GET" && path === "/oauth/authorize") {
    return authorize(state, request, { pkceRequired: false, scopeSeparator: /[,\s]+/ });
  }
  if (method === "POST" && path === "/oauth/access_token") return exchangeCode(state, request);
  const longLived = longLivedTokens(state, request, "ig");
  if (longLived) return longLived;
  if (!path.startsWith(`${V}/`)) return graphError(2500, "Unknown path components");
  const route = path.slice(V.length);

  const access = metaAccess(state, request, "instagram");
  if (isReply(access)) return access;
  const me = access;
  const p = params(request);
  const fault = (operation: Operation) => {
    const f = state.takeFault("instagram", operation, [me.userId]);
    return { f, reject: f && rejects(f) ? metaFaultReply("instagram", f, operation, me.userId) : null };
  };

  if (method === "GET" && (route === "/me" || route === `/${me.userId}`)) {
    const { f, reject } = fault("userinfo");
    if (reject) return reject;
    const user = state.user("instagram", me.userId);
    return accepted(f, json(200, { id: me.userId, user_id: me.userId, username: user?.username }));
  }

  const edge = /^\/([^/]+)\/(media|media_publish|insights)$/.exec(route);
  if (edge?.[1] && edge[2]) {
    const [, id, name] = edge;
    if (name === "insights") {
      const { f, reject } = fault("metrics");
      if (reject) return reject;
      const post = state.post("instagram", id);
      if (!post || post.owner !== me.userId) return unsupported(id);
      const m = post.metrics;
      const metrics = (text(p.metric) ?? "").split(",").filter(Boolean);
      if (metrics.includes("impressions")) {
        return graphError(
          100,
          "(#100) impressions is no longer supported for media created after July 2, 2024",
        );
      }
      return accepted(
        f,
        insights(id, metrics, {
          views: m.views ?? 0,
          reach: Math.round((m.views ?? 0) * 0.8),
          likes: m.likes ?? 0,
          comments: m.comments ?? 0,
          shares: m.shares ?? 0,
          saved: 0,
          total_interactions: (m.likes ?? 0) + (m.comments ?? 0) + (m.shares ?? 0),
        }),
      );
    }
    if (id !== me.userId) return unsupported(id);
    if (method === "GET" && name === "media") {
      const { f, reject } = fault("find");
      if (reject) return reject;
      return accepted(f, listPosts(state, dialect, me.userId, p));
    }
    if (method === "POST" && name === "media") {
      const { f, reject } = fault("container");
      if (reject) return reject;
      const reply = createContainer(state, dialect, me.userId, p);
      if (f === "container_in_progress" && typeof reply === "object" && reply.status === 200) {
        const created = state.containers.get(`instagram:${(reply.json as { id: string }).id}`);
        if (created) created.pendingPolls += 1;
      }
      return accepted(f, reply);
    }
    if (method === "POST" && name === "media_publish") {
      const { f, reject } = fault("publish");
      if (reject) return reject;
      return publishContainer(state, dialect, me.userId, p, f);
    }
  }

  const object = /^\/([^/]+)$/.exec(route);
  if (object?.[1] && method === "GET") {
    const id = object[1];
    const container = state.containers.get(`instagram:${id}`);
    if (container && container.owner === me.userId) {
      const inProgress = state.takeInProgress("instagram", [me.userId]);
      const { f, reject } = fault("status");
      if (reject) return reject;
      return accepted(
        f,
        readContainer(state, dialect, container, inProgress + (f === "container_in_progress" ? 1 : 0)),
      );
    }
    const { f, reject } = fault("metrics");
    if (reject) return reject;
    const post = state.post("instagram", id);
    if (!post || post.owner !== me.userId) return unsupported(id);
    return accepted(
      f,
      json(200, {
        id: post.id,
        caption: post.text,
        like_count: post.metrics.likes ?? 0,
        comments_count: post.metrics.comments ?? 0,
        permalink: post.extra.permalink,
        media_product_type: post.extra.media_type === "REELS" ? "REELS" : "FEED",
        media_type:
          post.extra.media_type === "CAROUSEL"
            ? "CAROUSEL_ALBUM"
            : post.extra.media_type === "REELS"
              ? "VIDEO"
              : post.extra.media_type,
        timestamp: graphTime(post.createdAt),
      }),
    );
  }
  if (object?.[1] && method === "DELETE") {
    return graphError(100, "(#100) Unsupported delete request.", {
      subcode: 33,
      type: "GraphMethodException",
    });
  }
  return graphError(100, `(#100) Unknown path ${method} ${path}`);
}

const unsupported = (id: string) =>
  graphError(
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33, type: "GraphMethodException" },
  );

/** `POST /oauth/access_token` (form) → `{access_token, user_id, permissions}` (short-lived, 1 h). */
function exchangeCode(state: FakeState, request: FakeRequest): Reply {
  const form = new URLSearchParams(request.body.toString("utf8"));
  const code = state.codes.get(form.get("code") ?? "");
  const f = state.takeFault("instagram", "token", code ? [code.userId] : []);
  if (f && rejects(f))
    return metaFaultReply("instagram", f, "token", code?.userId ?? "0") ?? graphError(1, "error");
  if (form.get("grant_type") !== "authorization_code") {
    return json(400, { error_type: "OAuthException", code: 400, error_message: "Invalid grant_type" });
  }
  const redeemed = redeemCode(state, "instagram", {
    code: form.get("code"),
    clientId: form.get("client_id"),
    clientSecret: form.get("client_secret"),
    redirectUri: form.get("redirect_uri"),
    verifier: form.get("code_verifier"),
  });
  if ("error" in redeemed) {
    return json(400, {
      error_type: "OAuthException",
      code: 400,
      error_message:
        redeemed.error === "invalid_client"
          ? "Invalid Client Secret"
          : `Error validating verification code: ${redeemed.description}`,
    });
  }
  const issued = state.issue("instagram", redeemed.userId, "access", SHORT_TTL, redeemed.scopes);
  return accepted(
    f,
    json(200, { access_token: issued.value, user_id: Number(redeemed.userId), permissions: redeemed.scopes }),
  );
}
