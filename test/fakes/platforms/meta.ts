/**
 * What the Meta fakes (Facebook Pages, Instagram, Threads) share (platforms.md §3): Graph error
 * bodies and codes, usage headers on throttling, the token taken from `access_token` or a bearer
 * header, the long-lived token endpoints of Instagram and Threads, and the container flow
 * (create → IN_PROGRESS/FINISHED → publish → PUBLISHED).
 */
import { randomBytes } from "node:crypto";
import {
  accepted,
  bearer,
  type ContainerStatus,
  type FakeContainer,
  type FakePlatform,
  type FakeRequest,
  type FakeState,
  type FakeToken,
  type Fault,
  graphTime,
  json,
  type Operation,
  params,
  type Reply,
  rejects,
  sinceMs,
  text,
} from "./core.ts";
import { FAKE_CLIENTS } from "./oauth.ts";

export function graphError(
  code: number,
  message: string,
  options: {
    subcode?: number;
    status?: number;
    type?: string;
    transient?: boolean;
    headers?: Record<string, string>;
  } = {},
): Reply {
  return json(
    options.status ?? 400,
    {
      error: {
        message,
        type: options.type ?? "OAuthException",
        code,
        ...(options.subcode ? { error_subcode: options.subcode } : {}),
        ...(options.transient ? { is_transient: true } : {}),
        fbtrace_id: randomBytes(8).toString("base64url"),
      },
    },
    options.headers ?? {},
  );
}

export const invalidToken = () => graphError(190, "Invalid OAuth access token - Cannot parse access token");
export const expiredToken = () =>
  graphError(190, `Error validating access token: Session has expired on ${new Date().toUTCString()}.`, {
    subcode: 463,
  });
export const missingParam = (message: string) => graphError(100, `(#100) ${message}`);

/** Business-use-case usage saying access returns in `minutes`. */
const bucHeader = (objectId: string, type: string, minutes: number) => ({
  "x-business-use-case-usage": JSON.stringify({
    [objectId]: [
      { type, call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: minutes },
    ],
  }),
});

/** The Graph answer to an injected fault (null for faults that do not reject). */
export function metaFaultReply(
  platform: FakePlatform,
  fault: Fault,
  operation: Operation,
  objectId: string,
): Reply | null {
  switch (fault) {
    case "rate_limit":
      if (platform === "facebook") {
        return graphError(32, "Page request limit reached", { headers: bucHeader(objectId, "pages", 5) });
      }
      if (platform === "instagram" && operation === "publish") {
        return graphError(9, "Application request limit reached", {
          subcode: 2207042,
          headers: bucHeader(objectId, "instagram", 60),
        });
      }
      return graphError(4, "(#4) Application request limit reached", {
        headers: { "x-app-usage": JSON.stringify({ call_count: 100, total_time: 35, total_cputime: 30 }) },
      });
    case "server_error":
      return graphError(2, "An unexpected error has occurred. Please retry your request later.", {
        status: 500,
        transient: true,
      });
    case "expired_token":
      return expiredToken();
    case "duplicate":
      return graphError(506, "(#506) Duplicate status message");
    default:
      return null;
  }
}

/** The token from `access_token` or `Authorization: Bearer`, checked. */
export function metaAccess(
  state: FakeState,
  request: FakeRequest,
  platform: FakePlatform,
): FakeToken | Reply {
  const given = text(params(request).access_token) ?? bearer(request);
  const found = state.access(platform, given);
  if (found === "invalid") return invalidToken();
  if (found === "expired") return expiredToken();
  return found;
}

export const isReply = (value: unknown): value is Reply =>
  value === "hang" || value === "drop" || (typeof value === "object" && value !== null && "status" in value);

const LONG_LIVED_SECONDS = 5_184_000;
const REFRESHABLE_AFTER_MS = 24 * 3_600_000;

/**
 * Instagram and Threads long-lived tokens: `GET /access_token?grant_type=ig|th_exchange_token&client_secret&access_token`
 * (short → 60 days) and `GET /refresh_access_token?grant_type=ig|th_refresh_token&access_token` (a
 * long-lived token at least 24 h old and unexpired → a new 60-day one).
 */
export function longLivedTokens(state: FakeState, request: FakeRequest, prefix: "ig" | "th"): Reply | null {
  const platform: FakePlatform = prefix === "ig" ? "instagram" : "threads";
  const q = request.query;
  const exchange = request.path === "/access_token";
  if (!(exchange || request.path === "/refresh_access_token") || request.method !== "GET") return null;
  const current = state.access(platform, q.get("access_token"));
  if (current === "invalid") return invalidToken();
  if (current === "expired") return expiredToken();
  const fault = state.takeFault(platform, "token", [current.userId]);
  if (fault && rejects(fault)) return metaFaultReply(platform, fault, "token", current.userId);
  if (exchange) {
    if (q.get("grant_type") !== `${prefix}_exchange_token`)
      return missingParam(`grant_type must be ${prefix}_exchange_token`);
    if (q.get("client_secret") !== FAKE_CLIENTS[platform].client_secret)
      return graphError(101, "Error validating client secret.");
  } else {
    if (q.get("grant_type") !== `${prefix}_refresh_token`)
      return missingParam(`grant_type must be ${prefix}_refresh_token`);
    if (
      current.expiresAt === null ||
      current.expiresAt - current.issuedAt < LONG_LIVED_SECONDS * 1000 - 60_000
    ) {
      return missingParam("only long-lived tokens can be refreshed");
    }
    if (Date.now() - current.issuedAt < REFRESHABLE_AFTER_MS) {
      return missingParam("the token must be at least 24 hours old to be refreshed");
    }
  }
  const issued = state.issue(platform, current.userId, "access", LONG_LIVED_SECONDS, current.scopes);
  return accepted(
    fault,
    json(200, { access_token: issued.value, token_type: "bearer", expires_in: LONG_LIVED_SECONDS }),
  );
}

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
}

/** Video containers (and carousels holding one) stay IN_PROGRESS for this many status reads. */
const VIDEO_PENDING_POLLS = 2;

/** `POST /{user}/media|threads`: a container, or a Graph error for what is missing. */
export function createContainer(
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
export function readContainer(
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
export function publishContainer(
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
  if (dialect.platform === "instagram") {
    const day = Date.now() - 86_400_000;
    const used = state.postsOf("instagram", owner).filter((post) => post.createdAt > day).length;
    if (used >= 50) return graphError(9, "Application request limit reached", { subcode: 2207042 });
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

/** `{data:[{name, period, values:[{value}], title, description, id}]}` for the metrics asked. */
export function insights(postId: string, metrics: string[], values: Record<string, number>): Reply {
  return json(200, {
    data: metrics.map((name) => ({
      name,
      period: "lifetime",
      values: [{ value: values[name] ?? 0 }],
      title: name,
      description: `${name} (fake)`,
      id: `${postId}/insights/${name}/lifetime`,
    })),
  });
}
