/**
 * Fake Threads API (docs/platform-contracts.md, Threads): authorize, code exchange, long-lived tokens and
 * refresh, `/me`, containers (TEXT with `link_attachment`, IMAGE, VIDEO, CAROUSEL of 2–20; videos stay
 * IN_PROGRESS for a few status reads), `reply_to_id` (a thread's next post, replying to one of the
 * account's own posts), `threads_publish`, the account's posts and its replies (listed apart),
 * insights, delete.
 */
import { accepted, type FakeRequest, type FakeState, graphTime, json, type Reply, text } from "./core.ts";
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

const V = "/v1.0";
/** Published posts (replies included) a profile may make in 24 hours. */
const DAILY_POSTS = 250;

const dialect: ContainerDialect = {
  platform: "threads",
  statusField: "status",
  textField: "text",
  mediaTypes: ["IMAGE", "VIDEO"],
  carouselMin: 2,
  carouselMax: 20,
  textOnly: true,
  textMax: 500,
  permalink: (id, owner) =>
    `https://www.threads.net/@${owner}/post/${Buffer.from(id).toString("base64url").slice(0, 11)}`,
};

const login: LoginDialect = {
  platform: "threads",
  prefix: "th",
  refuse: (reason, description) =>
    reason === "grant_type"
      ? graphError(100, "(#100) Invalid grant_type")
      : reason === "invalid_client"
        ? graphError(1, "Error validating client secret.")
        : graphError(100, `Error validating verification code: ${description}`, { subcode: 36008 }),
  exchanged: (token, code) => ({ access_token: token.value, user_id: code.userId }),
};

export async function handleThreads(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method, path } = request;
  if (method === "GET" && path === "/oauth/authorize") {
    return authorize(state, request, { pkceRequired: false, scopeSeparator: /[,\s]+/ });
  }
  if (method === "POST" && path === "/oauth/access_token") return exchangeCode(state, request, login);
  const longLived = longLivedTokens(state, request, login);
  if (longLived) return longLived;
  if (!path.startsWith(`${V}/`)) return graphError(2500, "Unknown path components");
  const route = path.slice(V.length);

  const graph = graphRequest(state, request, "threads");
  if (isReply(graph)) return graph;
  const { me, p } = graph;

  if (method === "GET" && (route === "/me" || route === `/${me.userId}`)) {
    const { f, reject } = graph.fault("userinfo");
    if (reject) return reject;
    const user = state.user("threads", me.userId);
    return accepted(f, json(200, { id: me.userId, username: user?.username, name: user?.name }));
  }

  const edge = /^\/([^/]+)\/(threads|threads_publish|insights|replies)$/.exec(route);
  if (edge?.[1] && edge[2]) {
    const [, id, name] = edge;
    if (name === "insights") {
      const { f, reject } = graph.fault("metrics");
      if (reject) return reject;
      const post = state.post("threads", id);
      if (!post || post.owner !== me.userId) return unsupportedObject(id);
      const m = post.metrics;
      const metrics = (text(p.metric) ?? "").split(",").filter(Boolean);
      return accepted(
        f,
        insights(id, metrics, {
          views: m.views ?? 0,
          likes: m.likes ?? 0,
          replies: m.comments ?? 0,
          reposts: m.shares ?? 0,
          quotes: m.quotes ?? 0,
          shares: 0,
        }),
      );
    }
    if (id !== me.userId) return unsupportedObject(id);
    if (method === "GET" && (name === "threads" || name === "replies")) {
      const { f, reject } = graph.fault("find");
      if (reject) return reject;
      return accepted(f, listOwn(state, me.userId, p, name === "replies"));
    }
    if (method === "POST" && name === "threads") {
      const replyTo = text(p.reply_to_id);
      return createContainerRoute(state, dialect, graph, {
        refuse: () => {
          if (!replyTo) return null;
          const parent = state.post("threads", replyTo);
          return !parent || parent.owner !== me.userId ? unsupportedObject(replyTo, "post") : null;
        },
        created: (container) => {
          container.replyToId = replyTo;
        },
      });
    }
    if (method === "POST" && name === "threads_publish") {
      const published = publishContainerRoute(state, dialect, graph, () => {
        const day = Date.now() - 86_400_000;
        const used = state.postsOf("threads", me.userId).filter((post) => post.createdAt > day).length;
        return used >= DAILY_POSTS ? graphError(4, "(#4) Application request limit reached") : null;
      });
      const container = state.containers.get(`threads:${text(p.creation_id)}`);
      const post =
        container?.replyToId && container.publishedId && state.post("threads", container.publishedId);
      if (post && !post.extra.replyTo) post.extra.replyTo = container.replyToId;
      return published;
    }
  }

  const object = /^\/([^/]+)$/.exec(route);
  if (object?.[1]) {
    const id = object[1];
    if (method === "DELETE") {
      const { f, reject } = graph.fault("delete");
      if (reject) return reject;
      const post = state.post("threads", id);
      if (!post || post.owner !== me.userId) return unsupportedObject(id, "delete");
      post.deleted = true;
      return accepted(f, json(200, { success: true, deleted_id: id }));
    }
    if (method === "GET") {
      const status = containerStatusRoute(state, dialect, graph, id);
      if (status) return status;
      const { f, reject } = graph.fault("metrics");
      if (reject) return reject;
      const post = state.post("threads", id);
      if (!post || post.owner !== me.userId) return unsupportedObject(id);
      return accepted(
        f,
        json(200, {
          id: post.id,
          text: post.text,
          media_type:
            post.extra.media_type === "TEXT"
              ? "TEXT_POST"
              : post.extra.media_type === "CAROUSEL"
                ? "CAROUSEL_ALBUM"
                : post.extra.media_type,
          permalink: post.extra.permalink,
          timestamp: graphTime(post.createdAt),
        }),
      );
    }
  }
  return graphError(100, `(#100) Unknown path ${method} ${path}`);
}

/** `GET /{user}/threads` lists the account's posts, `GET /{user}/replies` its replies: never both. */
function listOwn(state: FakeState, owner: string, p: Record<string, unknown>, replies: boolean): Reply {
  const listed = listPosts(state, dialect, owner, { ...p, limit: "100" });
  if (typeof listed !== "object" || !listed.json) return listed;
  const body = listed.json as { data: Array<{ id: string }> };
  const limit = Math.min(100, Number(text(p.limit) ?? "25") || 25);
  const data = body.data
    .filter((item) => Boolean(state.post("threads", item.id)?.extra.replyTo) === replies)
    .slice(0, limit);
  return json(listed.status, { ...body, data });
}
