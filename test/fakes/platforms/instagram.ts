/**
 * Fake Instagram API with Instagram Login (docs/platform-contracts.md, Instagram): authorize, code exchange on
 * `/oauth/access_token`, long-lived tokens and their refresh, `/me`, containers (image, reel/video,
 * carousel of up to 10; videos stay IN_PROGRESS for a few status reads), `media_publish` (refused
 * with 9007/2207027 before FINISHED, 9/2207042 over 50 a day), the account's media, media fields,
 * insights and Hashtag Search (instagram-hashtags.ts). No deletes: Instagram has none.
 */
import { accepted, type FakeRequest, type FakeState, graphTime, json, type Reply, text } from "./core.ts";
import { hashtagRoute } from "./instagram-hashtags.ts";
import {
  type ContainerDialect,
  containerStatusRoute,
  createContainerRoute,
  listPosts,
  publishContainerRoute,
} from "./meta/containers.ts";
import {
  exchangeCode,
  graphError,
  graphRequest,
  insights,
  isReply,
  type LoginDialect,
  longLivedTokens,
  unsupportedObject,
} from "./meta/graph.ts";
import { authorize } from "./oauth.ts";

const V = "/v25.0";

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
  publishQuota: {
    posts: 50,
    refusal: () => graphError(9, "Application request limit reached", { subcode: 2207042 }),
  },
};

/** The Instagram Login host answers OAuth errors flat, not in Graph's `{error: {…}}`. */
const oauthRefusal = (message: string) =>
  json(400, { error_type: "OAuthException", code: 400, error_message: message });

const login: LoginDialect = {
  platform: "instagram",
  prefix: "ig",
  refuse: (reason, description) =>
    oauthRefusal(
      reason === "grant_type"
        ? "Invalid grant_type"
        : reason === "invalid_client"
          ? "Invalid Client Secret"
          : `Error validating verification code: ${description}`,
    ),
  exchanged: (token, code) => ({
    access_token: token.value,
    user_id: Number(code.userId),
    permissions: code.scopes,
  }),
};

export async function handleInstagram(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method, path } = request;
  if (method === "GET" && path === "/oauth/authorize") {
    return authorize(state, request, { pkceRequired: false, scopeSeparator: /[,\s]+/ });
  }
  if (method === "POST" && path === "/oauth/access_token") return exchangeCode(state, request, login);
  const longLived = longLivedTokens(state, request, login);
  if (longLived) return longLived;
  if (!path.startsWith(`${V}/`)) return graphError(2500, "Unknown path components");
  const route = path.slice(V.length);

  const graph = graphRequest(state, request, "instagram");
  if (isReply(graph)) return graph;
  const { me, p } = graph;
  const hashtags = hashtagRoute(state, graph, method, route, request.base);
  if (hashtags) return hashtags;

  if (method === "GET" && (route === "/me" || route === `/${me.userId}`)) {
    const { f, reject } = graph.fault("userinfo");
    if (reject) return reject;
    const user = state.user("instagram", me.userId);
    return accepted(f, json(200, { id: me.userId, user_id: me.userId, username: user?.username }));
  }

  const edge = /^\/([^/]+)\/(media|media_publish|insights)$/.exec(route);
  if (edge?.[1] && edge[2]) {
    const [, id, name] = edge;
    if (name === "insights") {
      const { f, reject } = graph.fault("metrics");
      if (reject) return reject;
      const post = state.post("instagram", id);
      if (!post || post.owner !== me.userId) return unsupportedObject(id);
      const m = post.metrics;
      const metrics = (text(p.metric) ?? "").split(",").filter(Boolean);
      const retired = metrics.find((name) => name === "impressions" || name === "plays");
      if (retired) {
        return graphError(
          100,
          `(#100) ${retired} is no longer supported for media created after July 2, 2024; use views`,
        );
      }
      const views = m.views ?? 0;
      return accepted(
        f,
        insights(id, metrics, {
          views,
          reach: m.reach ?? Math.round(views * 0.8),
          likes: m.likes ?? 0,
          comments: m.comments ?? 0,
          shares: m.shares ?? 0,
          saved: m.saves ?? 0,
          total_interactions: (m.likes ?? 0) + (m.comments ?? 0) + (m.shares ?? 0) + (m.saves ?? 0),
          profile_visits: 0,
          follows: 0,
        }),
      );
    }
    if (id !== me.userId) return unsupportedObject(id);
    if (method === "GET" && name === "media") {
      const { f, reject } = graph.fault("find");
      if (reject) return reject;
      return accepted(f, listPosts(state, dialect, me.userId, p));
    }
    if (method === "POST" && name === "media") return createContainerRoute(state, dialect, graph);
    if (method === "POST" && name === "media_publish") return publishContainerRoute(state, dialect, graph);
  }

  const object = /^\/([^/]+)$/.exec(route);
  if (object?.[1] && method === "GET") {
    const id = object[1];
    const status = containerStatusRoute(state, dialect, graph, id);
    if (status) return status;
    const { f, reject } = graph.fault("metrics");
    if (reject) return reject;
    const post = state.post("instagram", id);
    if (!post || post.owner !== me.userId) return unsupportedObject(id);
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
