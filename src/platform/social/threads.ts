/**
 * Threads (platforms.md §6): the Instagram container flow — a TEXT, IMAGE, VIDEO or CAROUSEL (2–20)
 * container, waited for, then `threads_publish`. The container id is saved before publishing, so a
 * retry resumes it and an uncertain outcome is settled by its `status`. A link goes as
 * `link_attachment` on text posts (else Threads previews the first URL in the text). A thread is a
 * chain of replies (`publishThread`).
 */
import {
  type AdapterOptions,
  asRecord,
  call,
  list,
  normaliseForMatch,
  resolveOptions,
  str,
  trimBase,
} from "./http.ts";
import {
  type ContainerFlow,
  type ContainerStatus,
  carouselChildren,
  findThroughContainer,
  graph,
  graphDelete,
  graphError,
  graphTime,
  insightValues,
  publishThroughContainer,
} from "./meta.ts";
import { authorizeUrl, requireClient, tokenSetFrom } from "./oauth.ts";
import { answerMetaChallenge, verifyMetaSignature } from "./signatures.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishMedia,
  type PublishProgress,
  type PublishRequest,
  type SocialAdapter,
  type TokenSet,
} from "./types.ts";

export interface ThreadsAdapterOptions extends AdapterOptions {
  scopes?: readonly string[];
}

const GRAPH = "https://graph.threads.net";
const WWW = "https://threads.net";
const VERSION = "v1.0";
// Replies (a thread's later parts) need threads_manage_replies, and finding one after a lost answer
// threads_read_replies; accounts connected before these were asked for must reconnect to post threads.
const SCOPES = [
  "threads_basic",
  "threads_content_publish",
  "threads_manage_replies",
  "threads_read_replies",
  "threads_manage_insights",
  "threads_delete",
];
const LABEL = "Threads";
const CAROUSEL_MAX = 20;

const isVideo = (media: PublishMedia) => media.mimeType.startsWith("video/");

export function createThreadsAdapter(options: ThreadsAdapterOptions = {}): SocialAdapter {
  const root = trimBase(options.baseUrl ?? GRAPH);
  const graphBase = `${root}/${VERSION}`;
  const www = trimBase(options.baseUrl ?? WWW);
  const scopes = options.scopes ?? SCOPES;
  const opts = resolveOptions(options, 5000);

  async function tokenGet(path: string, query: Record<string, string>, what: string): Promise<TokenSet> {
    const url = new URL(`${root}${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const response = await call(url.toString(), { kind: "write", timeoutMs: opts.timeoutMs });
    if (response.status >= 400) throw graphError(response, "write", `${LABEL} ${what}`);
    return tokenSetFrom(response.body);
  }

  const user = (account: ConnectedAccount) => encodeURIComponent(account.platformUserId);

  /** The container flow of `post`; `replyTo` makes it a reply (a thread's next post) to that post. */
  function flowFor(
    account: ConnectedAccount,
    post: PublishRequest,
    progress: PublishProgress,
    replyTo: string | null = null,
  ): ContainerFlow<PublishedRef> {
    const token = account.tokens.accessToken;
    const createContainer = async (params: Record<string, string | boolean | null | undefined>) => {
      const body = await graph(opts, `${LABEL} container`, `${graphBase}/${user(account)}/threads`, {
        method: "POST",
        token,
        kind: "write",
        params,
      });
      const id = str(body.id);
      if (!id) throw new PlatformError("transient", "Threads answered a container without an id");
      return id;
    };
    const item = (media: PublishMedia) =>
      isVideo(media)
        ? { media_type: "VIDEO", video_url: media.url, alt_text: media.altText }
        : { media_type: "IMAGE", image_url: media.url, alt_text: media.altText };
    const flow: ContainerFlow<PublishedRef> = {
      options: opts,
      label: LABEL,
      async status(containerId) {
        const body = await graph(
          opts,
          `${LABEL} container status`,
          `${graphBase}/${encodeURIComponent(containerId)}`,
          {
            token,
            kind: "read",
            params: { fields: "status,error_message" },
          },
        );
        return {
          status: (str(body.status) ?? "IN_PROGRESS") as ContainerStatus,
          detail: str(body.error_message),
        };
      },
      async create() {
        const [single] = post.media;
        if (!single) {
          return createContainer({
            media_type: "TEXT",
            text: post.text,
            link_attachment: post.link,
            reply_to_id: replyTo,
          });
        }
        if (post.media.length === 1) return createContainer({ ...item(single), text: post.text });
        const children = await carouselChildren(flow, progress, post.media, (media) =>
          createContainer({ ...item(media), is_carousel_item: true }),
        );
        return createContainer({ media_type: "CAROUSEL", text: post.text, children: children.join(",") });
      },
      async publish(containerId) {
        const body = await graph(opts, `${LABEL} publish`, `${graphBase}/${user(account)}/threads_publish`, {
          method: "POST",
          token,
          kind: "create",
          params: { creation_id: containerId },
        });
        const id = str(body.id);
        if (!id) throw new PlatformError("uncertain", "Threads published but answered no media id");
        return { platformPostId: id, url: await permalink(token, id), response: body };
      },
      async findSince(sinceMs) {
        // The account's replies are listed apart from its posts.
        const edge = replyTo ? "replies" : "threads";
        const body = await graph(opts, `${LABEL} ${edge}`, `${graphBase}/${user(account)}/${edge}`, {
          token,
          kind: "read",
          params: { fields: "id,text,timestamp,permalink", since: Math.floor(sinceMs / 1000), limit: 50 },
        });
        const wanted = normaliseForMatch(post.text);
        const ours = list(body.data)
          .map(asRecord)
          .filter((media) => normaliseForMatch(str(media.text) ?? "") === wanted)
          .sort((a, b) => (graphTime(a.timestamp) ?? 0) - (graphTime(b.timestamp) ?? 0))[0];
        const id = ours ? str(ours.id) : null;
        return id && ours ? { platformPostId: id, url: str(ours.permalink), response: ours } : null;
      },
    };
    return flow;
  }

  /**
   * A thread (platforms.md §6.2): the first post, then each reply a container with `reply_to_id` = the
   * post before it. The first post's container state stays at the top of the progress (findPublished
   * reads it there); after it, the ids published so far are saved after every part, and the reply in
   * flight keeps its own container state under `part`, so a retry resumes that container (PUBLISHED →
   * found among the account's replies by its text) and never makes a second one.
   */
  async function publishThread(
    account: ConnectedAccount,
    post: PublishRequest,
    replies: readonly string[],
    progress: PublishProgress,
  ): Promise<PublishedRef> {
    let state: Record<string, unknown> = { ...(progress.previous ?? {}) };
    const save = async (next: Record<string, unknown>) => {
      state = next;
      await progress.save(next);
    };
    const rootId = str(state.rootId);
    let root: PublishedRef;
    if (rootId) root = { platformPostId: rootId, url: str(state.rootUrl) };
    else {
      const rootProgress: PublishProgress = { previous: progress.previous, save };
      root = await publishThroughContainer(flowFor(account, post, rootProgress), rootProgress);
      await save({ ...state, rootId: root.platformPostId, rootUrl: root.url, replyIds: [] });
    }
    const replyIds = list(state.replyIds)
      .map(str)
      .filter((id): id is string => id !== null);
    for (let index = replyIds.length; index < replies.length; index++) {
      const inFlight = asRecord(state.part);
      const partProgress: PublishProgress = {
        previous: inFlight.index === index ? asRecord(inFlight.state) : null,
        save: (partState) => save({ ...state, part: { index, state: partState } }),
      };
      const part: PublishRequest = {
        ...post,
        text: replies[index] ?? "",
        media: [],
        link: null,
        replies: [],
      };
      const parent = replyIds.at(-1) ?? root.platformPostId;
      const reply = await publishThroughContainer(flowFor(account, part, partProgress, parent), partProgress);
      replyIds.push(reply.platformPostId);
      const { part: _done, ...rest } = state;
      await save({ ...rest, replyIds: [...replyIds] });
    }
    return { ...root, response: { ...(root.response ?? {}), replies: replyIds } };
  }

  async function permalink(token: string, mediaId: string): Promise<string | null> {
    try {
      const body = await graph(opts, `${LABEL} post`, `${graphBase}/${encodeURIComponent(mediaId)}`, {
        token,
        kind: "read",
        params: { fields: "permalink" },
      });
      return str(body.permalink);
    } catch {
      return null;
    }
  }

  return {
    platform: "threads",
    baseUrl: graphBase,

    oauth: {
      authorizeUrl: (params) => authorizeUrl(`${www}/oauth/authorize`, params, scopes, ","),
      async exchangeCode({ client, redirectUri, code, codeVerifier }) {
        const secret = requireClient(client, "threads").clientSecret ?? "";
        const response = await call(`${root}/oauth/access_token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            client_id: client.clientId,
            client_secret: secret,
            grant_type: "authorization_code",
            redirect_uri: redirectUri,
            code,
            code_verifier: codeVerifier,
          }),
          kind: "write",
          timeoutMs: opts.timeoutMs,
        });
        if (response.status >= 400) throw graphError(response, "write", `${LABEL} code exchange`);
        const short = tokenSetFrom(response.body);
        const tokens = await tokenGet(
          "/access_token",
          { grant_type: "th_exchange_token", client_secret: secret, access_token: short.accessToken },
          "long-lived token",
        );
        const me = await graph(opts, `${LABEL} profile`, `${graphBase}/me`, {
          token: tokens.accessToken,
          kind: "read",
          params: { fields: "id,username,name" },
        });
        const id = str(me.id) ?? str(asRecord(response.body).user_id);
        if (!id) throw new PlatformError("permanent", "Threads /me answered no id");
        // The long-lived token refreshes itself (th_refresh_token): there is no separate refresh token.
        return {
          tokens,
          identity: { platformUserId: id, username: str(me.username), metadata: { name: str(me.name) } },
        };
      },
    },

    refreshToken: (account) =>
      tokenGet(
        "/refresh_access_token",
        { grant_type: "th_refresh_token", access_token: account.tokens.accessToken },
        "token refresh",
      ),

    async publish(account, post, progress) {
      if (post.media.length > CAROUSEL_MAX) {
        throw new PlatformError("permanent", `a Threads carousel takes at most ${CAROUSEL_MAX} items`);
      }
      const replies = post.replies ?? [];
      if (replies.length === 0) return publishThroughContainer(flowFor(account, post, progress), progress);
      return publishThread(account, post, replies, progress);
    },

    findPublished: (account, post, progress) =>
      findThroughContainer(flowFor(account, post, progress), progress),

    deletePost: (account, platformPostId) =>
      graphDelete(
        opts,
        LABEL,
        `${graphBase}/${encodeURIComponent(platformPostId)}`,
        account.tokens.accessToken,
      ),

    async fetchMetrics(account, platformPostId) {
      const body = await graph(
        opts,
        `${LABEL} insights`,
        `${graphBase}/${encodeURIComponent(platformPostId)}/insights`,
        {
          token: account.tokens.accessToken,
          kind: "read",
          params: { metric: "views,likes,replies,reposts,quotes,shares" },
        },
      );
      const values = insightValues(body);
      const shared = ["reposts", "quotes", "shares"]
        .map((name) => values[name])
        .filter((v) => v !== undefined);
      return {
        impressions: values.views ?? null,
        likes: values.likes ?? null,
        comments: values.replies ?? null,
        shares: shared.length > 0 ? shared.reduce((a, b) => a + b, 0) : null,
        clicks: null,
        raw: values,
      };
    },

    verifyWebhook: verifyMetaSignature,
    answerWebhookChallenge: answerMetaChallenge,
  };
}
