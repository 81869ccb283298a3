/**
 * The container flow of the Instagram and Threads fakes (docs/platform-contracts.md, Instagram › Publishing):
 * create → IN_PROGRESS/FINISHED → publish → PUBLISHED, the routes that drive it, and the account's
 * posts listed. A `ContainerDialect` says how the two platforms differ.
 */
import {
  accepted,
  type ContainerStatus,
  type FakeContainer,
  type FakeState,
  type Fault,
  graphTime,
  json,
  type Reply,
  sinceMs,
  text,
} from "../core.ts";
import { type GraphRequest, graphError, missingParam } from "./graph.ts";

/** How Instagram and Threads differ in the container flow. */
export interface ContainerDialect {
  platform: "instagram" | "threads";
  /** `status_code` (Instagram) or `status` (Threads). */
  statusField: string;
  /** `caption` (Instagram) or `text` (Threads). */
  textField: string;
  /** Single-item media types; carousels are `CAROUSEL`. */
  mediaTypes: string[];
  carouselMax: number;
  carouselMin: number;
  /** Threads: text posts need no media. */
  textOnly: boolean;
  textMax: number;
  permalink(id: string, owner: string): string;
  /** Posts a day `media_publish` allows (Instagram), and its refusal. */
  publishQuota?: { posts: number; refusal(): Reply };
}

/** Video containers (and carousels holding one) stay IN_PROGRESS for this many status reads. */
const VIDEO_PENDING_POLLS = 2;

/** `POST /{user}/media|threads`: a container, or a Graph error for what is missing. */
function createContainer(
  state: FakeState,
  dialect: ContainerDialect,
  owner: string,
  p: Record<string, unknown>,
): Reply {
  const isItem = text(p.is_carousel_item) === "true";
  const image = text(p.image_url);
  const video = text(p.video_url);
  const body = text(p[dialect.textField]) ?? "";
  // Instagram's image containers carry no media_type.
  const mediaType = text(p.media_type) ?? (image ? "IMAGE" : "");
  const children = (text(p.children) ?? "").split(",").filter(Boolean);
  if (body.length > dialect.textMax)
    return missingParam(`${dialect.textField} is longer than ${dialect.textMax} characters`);
  if (mediaType === "CAROUSEL") {
    if (children.length < dialect.carouselMin || children.length > dialect.carouselMax) {
      return missingParam(`children takes ${dialect.carouselMin} to ${dialect.carouselMax} container ids`);
    }
    for (const id of children) {
      const child = state.containers.get(`${dialect.platform}:${id}`);
      if (!child || child.owner !== owner || !child.isCarouselItem)
        return missingParam(`child ${id} is not a carousel item`);
      if (child.status === "ERROR" || child.status === "EXPIRED" || child.status === "PUBLISHED") {
        return missingParam(`child ${id} is ${child.status}`);
      }
    }
  } else if (mediaType === "TEXT") {
    if (!dialect.textOnly) return missingParam("media_type TEXT is not supported");
    if (!body) return missingParam("text is required for TEXT posts");
  } else if (!dialect.mediaTypes.includes(mediaType)) {
    return missingParam(
      dialect.platform === "instagram"
        ? "The parameter image_url is required."
        : `media_type must be one of TEXT, ${dialect.mediaTypes.join(", ")}, CAROUSEL`,
    );
  } else if (mediaType === "IMAGE" ? !image : !video) {
    return missingParam(
      mediaType === "IMAGE" ? "The parameter image_url is required." : "The parameter video_url is required.",
    );
  }
  for (const url of [image, video])
    if (url && !/^https?:\/\//.test(url)) return missingParam("media URLs must be http(s)");
  const link = text(p.link_attachment);
  if (link && mediaType !== "TEXT") return missingParam("link_attachment is only allowed on TEXT posts");
  const isVideo = mediaType === "VIDEO" || mediaType === "REELS";
  const childPending = children.some(
    (id) => (state.containers.get(`${dialect.platform}:${id}`)?.pendingPolls ?? 0) > 0,
  );
  const id = state.nextId();
  const container: FakeContainer = {
    platform: dialect.platform,
    id,
    owner,
    mediaType,
    text: body,
    imageUrl: image,
    videoUrl: video,
    link,
    children,
    isCarouselItem: isItem,
    status: isVideo || childPending ? "IN_PROGRESS" : "FINISHED",
    pendingPolls: isVideo || childPending ? VIDEO_PENDING_POLLS : 0,
    createdAt: Date.now(),
    publishedId: null,
  };
  state.containers.set(`${dialect.platform}:${id}`, container);
  return json(200, { id });
}

const STATUS_TEXT: Record<ContainerStatus, string> = {
  IN_PROGRESS: "In Progress: Media is still being processed.",
  FINISHED: "Finished: Media has been uploaded and it is ready to be published.",
  ERROR: "Error: Media upload has failed with error code 2207026.",
  EXPIRED: "Expired: Media container was not published within 24 hours.",
  PUBLISHED: "Published: Media has been successfully published.",
};

const EXPIRES_AFTER_MS = 24 * 3_600_000;

/** One status read: pending polls count down; `container_in_progress` faults add to them. */
function readContainer(
  _state: FakeState,
  dialect: ContainerDialect,
  container: FakeContainer,
  inProgress: number,
): Reply {
  container.pendingPolls += inProgress;
  if (container.status !== "PUBLISHED" && Date.now() - container.createdAt > EXPIRES_AFTER_MS)
    container.status = "EXPIRED";
  let status = container.status;
  if (container.pendingPolls > 0 && (status === "IN_PROGRESS" || status === "FINISHED")) {
    container.pendingPolls -= 1;
    status = "IN_PROGRESS";
    container.status = container.pendingPolls > 0 ? "IN_PROGRESS" : "FINISHED";
  } else if (status === "IN_PROGRESS") {
    container.status = "FINISHED";
    status = "FINISHED";
  }
  const detail =
    dialect.platform === "instagram"
      ? { status: STATUS_TEXT[status] }
      : status === "ERROR"
        ? { error_message: "UNKNOWN" }
        : {};
  return json(200, { [dialect.statusField]: status, ...detail, id: container.id });
}

/** `POST /{user}/media_publish|threads_publish {creation_id}`. */
function publishContainer(
  state: FakeState,
  dialect: ContainerDialect,
  owner: string,
  p: Record<string, unknown>,
  fault: Fault | null,
): Reply {
  const creation = text(p.creation_id);
  if (!creation) return missingParam("The parameter creation_id is required.");
  const container = state.containers.get(`${dialect.platform}:${creation}`);
  if (!container || container.owner !== owner || container.isCarouselItem) {
    return graphError(100, `(#100) Unsupported post request. Object with ID '${creation}' does not exist`, {
      subcode: 33,
    });
  }
  if (container.status === "PUBLISHED")
    return graphError(9007, "The media has already been published", { subcode: 2207021 });
  if (container.status === "EXPIRED" || Date.now() - container.createdAt > EXPIRES_AFTER_MS) {
    return graphError(9007, "The media container has expired", { subcode: 2207008 });
  }
  if (container.pendingPolls > 0 || container.status !== "FINISHED") {
    return graphError(9007, "Media ID is not available", { subcode: 2207027 });
  }
  if (dialect.publishQuota) {
    const day = Date.now() - 86_400_000;
    const used = state.postsOf(dialect.platform, owner).filter((post) => post.createdAt > day).length;
    if (used >= dialect.publishQuota.posts) return dialect.publishQuota.refusal();
  }
  const id = state.nextId();
  container.status = "PUBLISHED";
  container.publishedId = id;
  for (const child of container.children) {
    const item = state.containers.get(`${dialect.platform}:${child}`);
    if (item) item.status = "PUBLISHED";
  }
  state.addPost({
    platform: dialect.platform,
    id,
    owner,
    text: container.text,
    media: container.children.length > 0 ? container.children : [container.id],
    link: container.link,
    extra: {
      media_type: container.mediaType,
      permalink: dialect.permalink(id, owner),
      containerId: container.id,
    },
  });
  return accepted(fault, json(200, { id }));
}

/** `GET /{user}/media|threads?fields=…&since=&limit=`: the account's posts, newest first. */
export function listPosts(
  state: FakeState,
  dialect: ContainerDialect,
  owner: string,
  p: Record<string, unknown>,
): Reply {
  const since = sinceMs(p.since);
  const limit = Math.min(100, Number(text(p.limit) ?? "25") || 25);
  const posts = state
    .postsOf(dialect.platform, owner)
    .filter((post) => post.createdAt >= since)
    .slice(0, limit);
  return json(200, {
    data: posts.map((post) => ({
      id: post.id,
      [dialect.textField]: post.text,
      timestamp: graphTime(post.createdAt),
      permalink: post.extra.permalink,
      media_type: post.extra.media_type,
    })),
    paging: { cursors: { before: "MAZDZD", after: "MAZDZD" } },
  });
}

/**
 * `POST /{user}/media|threads`. `refuse` turns a request down after its fault is taken; `created`
 * sees the new container. A `container_in_progress` fault keeps it IN_PROGRESS one status read longer.
 */
export function createContainerRoute(
  state: FakeState,
  dialect: ContainerDialect,
  request: GraphRequest,
  hooks: { refuse?(): Reply | null; created?(container: FakeContainer): void } = {},
): Reply {
  const { f, reject } = request.fault("container");
  if (reject) return reject;
  const refused = hooks.refuse?.();
  if (refused) return refused;
  const reply = createContainer(state, dialect, request.me.userId, request.p);
  const created =
    typeof reply === "object" && reply.status === 200
      ? state.containers.get(`${dialect.platform}:${(reply.json as { id: string }).id}`)
      : undefined;
  if (created) {
    hooks.created?.(created);
    if (f === "container_in_progress") created.pendingPolls += 1;
  }
  return accepted(f, reply);
}

/** `GET /{container}`: its status, or null when `id` is no container of the caller's. */
export function containerStatusRoute(
  state: FakeState,
  dialect: ContainerDialect,
  request: GraphRequest,
  id: string,
): Reply | null {
  const container = state.containers.get(`${dialect.platform}:${id}`);
  if (!container || container.owner !== request.me.userId) return null;
  const inProgress = state.takeInProgress(dialect.platform, [request.me.userId]);
  const { f, reject } = request.fault("status");
  if (reject) return reject;
  return accepted(
    f,
    readContainer(state, dialect, container, inProgress + (f === "container_in_progress" ? 1 : 0)),
  );
}

/** `POST /{user}/media_publish|threads_publish`; `refuse` turns a request down after its fault is taken. */
export function publishContainerRoute(
  state: FakeState,
  dialect: ContainerDialect,
  request: GraphRequest,
  refuse?: () => Reply | null,
): Reply {
  const { f, reject } = request.fault("publish");
  if (reject) return reject;
  const refused = refuse?.();
  if (refused) return refused;
  return publishContainer(state, dialect, request.me.userId, request.p, f);
}
