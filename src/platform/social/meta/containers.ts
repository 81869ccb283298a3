/**
 * The container flow of Instagram and Threads (docs/platform-contracts.md, Instagram › Publishing): create a
 * container, wait until it is FINISHED, publish it. The container id is saved first, so a retry
 * resumes it and an uncertain outcome is settled by its status — the platforms' own idempotency.
 * `containerFlow` is the one implementation; a `ContainerDialect` says how the two differ.
 */
import { list, num, pollUntil, type ResolvedOptions, str } from "../http.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishMedia,
  type PublishProgress,
  type PublishRequest,
} from "../types.ts";
import { type GraphContext, graph, graphPermalink, objectPath, oldestMatching } from "./graph.ts";

/** A container's state as Instagram (`status_code`) and Threads (`status`) report it. */
export type ContainerStatus = "IN_PROGRESS" | "FINISHED" | "ERROR" | "EXPIRED" | "PUBLISHED";

export type ContainerParams = Record<string, string | boolean | null | undefined>;

/** How Instagram and Threads differ in the container flow. */
export interface ContainerDialect {
  /** Where containers are made (`media` | `threads`) and published (`media_publish` | `threads_publish`). */
  containerEdge: string;
  publishEdge: string;
  /** The status field (`status_code` | `status`) and what explains an ERROR (`status` | `error_message`). */
  statusField: string;
  detailField: string;
  /** Where the text goes: `caption` (Instagram) or `text` (Threads). */
  textField: string;
  /** One media item's container parameters; `carousel` when it is a carousel item. */
  mediaItem(media: PublishMedia, carousel: boolean): ContainerParams;
  /** The container of a post without media (Threads TEXT; `replyTo` for a thread's reply); absent if none. */
  textPost?(post: PublishRequest, replyTo: string | null): ContainerParams;
  /** The edge listing the account's posts (Threads lists replies apart). */
  listEdge(replyTo: string | null): string;
}

export interface ContainerWatch {
  options: ResolvedOptions;
  label: string;
  /** Reads a container's status (and its error message, for ERROR). */
  status(containerId: string): Promise<{ status: ContainerStatus; detail: string | null }>;
}

export interface ContainerFlow extends ContainerWatch {
  /** Creates the container(s) for the post; answers the one to publish. */
  create(): Promise<string>;
  /** Publishes a FINISHED container: the post's id. */
  publish(containerId: string): Promise<PublishedRef>;
  /** The published post among the account's recent ones (containers do not name the post they became). */
  findSince(sinceMs: number): Promise<PublishedRef | null>;
}

/** The container flow of `post` for `account`; `replyTo` makes it a reply to that post (Threads). */
export function containerFlow(
  ctx: GraphContext,
  dialect: ContainerDialect,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
  replyTo: string | null = null,
): ContainerFlow {
  const token = account.tokens.accessToken;
  const user = `/${encodeURIComponent(account.platformUserId)}`;
  const createContainer = async (params: ContainerParams) => {
    const body = await graph(ctx, "container", `${user}/${dialect.containerEdge}`, {
      method: "POST",
      token,
      kind: "write",
      params,
    });
    const id = str(body.id);
    if (!id) throw new PlatformError("transient", `${ctx.label} answered a container without an id`);
    return id;
  };
  const flow: ContainerFlow = {
    options: ctx.options,
    label: ctx.label,
    async status(containerId) {
      const body = await graph(ctx, "container status", objectPath(containerId), {
        token,
        kind: "read",
        params: { fields: `${dialect.statusField},${dialect.detailField}` },
      });
      return {
        status: (str(body[dialect.statusField]) ?? "IN_PROGRESS") as ContainerStatus,
        detail: str(body[dialect.detailField]),
      };
    },
    async create() {
      const [single] = post.media;
      if (!single && dialect.textPost) return createContainer(dialect.textPost(post, replyTo));
      if (single && post.media.length === 1) {
        return createContainer({ ...dialect.mediaItem(single, false), [dialect.textField]: post.text });
      }
      const children = await carouselChildren(flow, progress, post.media, (media) =>
        createContainer({ ...dialect.mediaItem(media, true), is_carousel_item: true }),
      );
      return createContainer({
        media_type: "CAROUSEL",
        [dialect.textField]: post.text,
        children: children.join(","),
      });
    },
    async publish(containerId) {
      const body = await graph(ctx, "publish", `${user}/${dialect.publishEdge}`, {
        method: "POST",
        token,
        kind: "create",
        params: { creation_id: containerId },
      });
      const id = str(body.id);
      if (!id) throw new PlatformError("uncertain", `${ctx.label} published but answered no media id`);
      return { platformPostId: id, url: await graphPermalink(ctx, token, id), response: body };
    },
    async findSince(sinceMs) {
      const edge = dialect.listEdge(replyTo);
      const body = await graph(ctx, edge, `${user}/${edge}`, {
        token,
        kind: "read",
        params: {
          fields: `id,${dialect.textField},timestamp,permalink`,
          since: Math.floor(sinceMs / 1000),
          limit: 50,
        },
      });
      const ours = oldestMatching(body.data, dialect.textField, "timestamp", post.text);
      const id = ours ? str(ours.id) : null;
      return id && ours ? { platformPostId: id, url: str(ours.permalink), response: ours } : null;
    },
  };
  return flow;
}

function savedContainer(progress: PublishProgress): { containerId: string | null; sentAt: number | null } {
  const previous = progress.previous ?? {};
  return { containerId: str(previous.containerId), sentAt: num(previous.sentAt) };
}

/**
 * Waits (bounded) until a container can be published or is already published. EXPIRED (not
 * published within 24 h) answers null: make a new one. ERROR is the platform refusing the media.
 */
async function awaitContainer(
  watch: ContainerWatch,
  containerId: string,
): Promise<"FINISHED" | "PUBLISHED" | null> {
  const state = await pollUntil(watch.options, `${watch.label} container ${containerId}`, async () => {
    const { status, detail } = await watch.status(containerId);
    if (status === "ERROR") {
      throw new PlatformError(
        "permanent",
        `${watch.label} could not process the media: ${detail ?? "ERROR"}`,
        {
          code: detail ?? "ERROR",
        },
      );
    }
    return status === "IN_PROGRESS" ? null : status;
  });
  return state === "EXPIRED" ? null : state;
}

const SKEW_MS = 5 * 60_000;

async function foundOrWait(flow: ContainerFlow, sentAt: number | null): Promise<PublishedRef> {
  const found = await flow.findSince((sentAt ?? Date.now() - 86_400_000) - SKEW_MS);
  if (found) return found;
  throw new PlatformError(
    "transient",
    `${flow.label} reports the container published but lists no such post yet`,
    {
      code: "published_not_listed",
      retryAfterSeconds: 30,
    },
  );
}

/**
 * Publishing through a container. Its id is saved as soon as it exists, so a retry resumes it:
 * FINISHED → publish it (never a second container), PUBLISHED → find the post, EXPIRED → a new
 * container. `sentAt` is saved before `publish`, bounding the search for the post later.
 */
export async function publishThroughContainer(
  flow: ContainerFlow,
  progress: PublishProgress,
): Promise<PublishedRef> {
  const saved = savedContainer(progress);
  let containerId = saved.containerId;
  let state = containerId ? await awaitContainer(flow, containerId) : null;
  if (state === "PUBLISHED") return foundOrWait(flow, saved.sentAt);
  if (!containerId || state === null) {
    containerId = await flow.create();
    await progress.save({ containerId });
    state = await awaitContainer(flow, containerId);
    if (state !== "FINISHED") {
      throw new PlatformError(
        "transient",
        `${flow.label} container ${containerId} expired before publishing`,
      );
    }
  }
  const sentAt = saved.sentAt ?? Date.now();
  await progress.save({ containerId, sentAt });
  return flow.publish(containerId);
}

/** After an uncertain publish: the post when the saved container says PUBLISHED, else null (safe to publish). */
export async function findThroughContainer(
  flow: ContainerFlow,
  progress: PublishProgress,
): Promise<PublishedRef | null> {
  const saved = savedContainer(progress);
  if (!saved.containerId) return null;
  const { status } = await flow.status(saved.containerId);
  return status === "PUBLISHED" ? foundOrWait(flow, saved.sentAt) : null;
}

/**
 * Carousel items, each waited for until FINISHED. Their ids are saved as soon as they exist, so a
 * retry (after a slow video item, say) reuses them instead of making new ones.
 */
async function carouselChildren<M>(
  watch: ContainerWatch,
  progress: PublishProgress,
  media: readonly M[],
  createChild: (item: M) => Promise<string>,
): Promise<string[]> {
  const saved = list(progress.previous?.childIds)
    .map(str)
    .filter((id): id is string => id !== null);
  let ids = saved.length === media.length ? saved : [];
  for (const id of ids) {
    if ((await awaitContainer(watch, id)) !== "FINISHED") {
      ids = [];
      break;
    }
  }
  if (ids.length > 0) return ids;
  for (const item of media) ids.push(await createChild(item));
  await progress.save({ childIds: ids });
  for (const id of ids) {
    if ((await awaitContainer(watch, id)) !== "FINISHED") {
      throw new PlatformError("transient", `${watch.label} carousel item ${id} expired before use`);
    }
  }
  return ids;
}
