/**
 * Fake Threads API (platforms.md §6): authorize, code exchange, long-lived tokens and refresh, `/me`,
 * containers (TEXT with `link_attachment`, IMAGE, VIDEO, CAROUSEL of 2–20; videos stay IN_PROGRESS
 * for a few status reads), `reply_to_id` (a thread's next post, replying to one of the account's own
 * posts), `threads_publish`, the account's posts and its replies (listed apart), insights, delete.
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

const V = "/v1.0";
const SHORT_TTL = 3600;

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

export async function handleThreads(state: FakeState, request: FakeRequest): Promise<Reply> {
  const { method, path } = request;
  if (method === "GET" && path === "/oauth/authorize") {
    return authorize(state, request, { pkceRequired: false, scopeSeparator: /[,\s]+/ });
  }
  if (method === "POST" && path === "/oauth/access_token") return exchangeCode(state, request);
  const longLived = longLivedTokens(state, request, "th");
  if (longLived) return longLived;
  if (!path.startsWith(`${V}/`)) return graphError(2500, "Unknown path components");
  const route = path.slice(V.length);

  const access = metaAccess(state, request, "threads");
  if (isReply(access)) return access;
  const me = access;
  const p = params(request);
  const fault = (operation: Operation) => {
    const f = state.takeFault("threads", operation, [me.userId]);
    return { f, reject: f && rejects(f) ? metaFaultReply("threads", f, operation, me.userId) : null };
  };

  if (method === "GET" && (route === "/me" || route === `/${me.userId}`)) {
    const { f, reject } = fault("userinfo");
    if (reject) return reject;
    const user = state.user("threads", me.userId);
    return accepted(f, json(200, { id: me.userId, username: user?.username, name: user?.name }));
  }

  const edge = /^\/([^/]+)\/(threads|threads_publish|insights|replies)$/.exec(route);
  if (edge?.[1] && edge[2]) {
    const [, id, name] = edge;
    if (name === "insights") {
      const { f, reject } = fault("metrics");
      if (reject) return reject;
      const post = state.post("threads", id);
      if (!post || post.owner !== me.userId) return unsupported(id);
      const m = post.metrics;
      const metrics = (text(p.metric) ?? "").split(",").filter(Boolean);
      return accepted(
        f,
        insights(id, metrics, {
          views: m.views ?? 0,
          likes: m.likes ?? 0,
          replies: m.comments ?? 0,
          reposts: m.shares ?? 0,
          quotes: 0,
          shares: 0,
        }),
      );
    }
    if (id !== me.userId) return unsupported(id);
    if (method === "GET" && (name === "threads" || name === "replies")) {
      const { f, reject } = fault("find");
      if (reject) return reject;
      return accepted(f, listOwn(state, me.userId, p, name === "replies"));
    }
    if (method === "POST" && name === "threads") {
      const { f, reject } = fault("container");
      if (reject) return reject;
      const replyTo = text(p.reply_to_id);
      if (replyTo) {
        const parent = state.post("threads", replyTo);
        if (!parent || parent.owner !== me.userId) return unsupported(replyTo, "post");
      }
      const reply = createContainer(state, dialect, me.userId, p);
      const created =
        typeof reply === "object" && reply.status === 200
          ? state.containers.get(`threads:${(reply.json as { id: string }).id}`)
          : undefined;
      if (created) {
        created.replyToId = replyTo;
        if (f === "container_in_progress") created.pendingPolls += 1;
      }
      return accepted(f, reply);
    }
    if (method === "POST" && name === "threads_publish") {
      const { f, reject } = fault("publish");
      if (reject) return reject;
      const day = Date.now() - 86_400_000;
      if (state.postsOf("threads", me.userId).filter((post) => post.createdAt > day).length >= 250) {
        return graphError(4, "(#4) Application request limit reached");
      }
      const published = publishContainer(state, dialect, me.userId, p, f);
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
      const { f, reject } = fault("delete");
      if (reject) return reject;
      const post = state.post("threads", id);
      if (!post || post.owner !== me.userId) return unsupported(id, "delete");
      post.deleted = true;
      return accepted(f, json(200, { success: true, deleted_id: id }));
    }
    if (method === "GET") {
      const container = state.containers.get(`threads:${id}`);
      if (container && container.owner === me.userId) {
        const inProgress = state.takeInProgress("threads", [me.userId]);
        const { f, reject } = fault("status");
        if (reject) return reject;
        return accepted(
          f,
          readContainer(state, dialect, container, inProgress + (f === "container_in_progress" ? 1 : 0)),
        );
      }
      const { f, reject } = fault("metrics");
      if (reject) return reject;
      const post = state.post("threads", id);
      if (!post || post.owner !== me.userId) return unsupported(id);
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

const unsupported = (id: string, verb = "get") =>
  graphError(
    100,
    `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33, type: "GraphMethodException" },
  );

/** `POST /oauth/access_token` (form) → `{access_token, user_id}` (short-lived, 1 h). */
function exchangeCode(state: FakeState, request: FakeRequest): Reply {
  const form = new URLSearchParams(request.body.toString("utf8"));
  const code = state.codes.get(form.get("code") ?? "");
  const f = state.takeFault("threads", "token", code ? [code.userId] : []);
  if (f && rejects(f))
    return metaFaultReply("threads", f, "token", code?.userId ?? "0") ?? graphError(1, "error");
  if (form.get("grant_type") !== "authorization_code") return graphError(100, "(#100) Invalid grant_type");
  const redeemed = redeemCode(state, "threads", {
    code: form.get("code"),
    clientId: form.get("client_id"),
    clientSecret: form.get("client_secret"),
    redirectUri: form.get("redirect_uri"),
    verifier: form.get("code_verifier"),
  });
  if ("error" in redeemed) {
    if (redeemed.error === "invalid_client") return graphError(1, "Error validating client secret.");
    return graphError(100, `Error validating verification code: ${redeemed.description}`, { subcode: 36008 });
  }
  const issued = state.issue("threads", redeemed.userId, "access", SHORT_TTL, redeemed.scopes);
  return accepted(f, json(200, { access_token: issued.value, user_id: redeemed.userId }));
}
