/**
 * The state every platform fake shares (users, OAuth codes and tokens, posts, media, containers) and
 * the fault queue. Plain data in memory: one `FakeState` per server, reset through the control API.
 */
import { createHash, randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

export const FAKE_PLATFORMS = ["x", "facebook", "instagram", "linkedin", "threads"] as const;
export type FakePlatform = (typeof FAKE_PLATFORMS)[number];

export const FAULTS = [
  "rate_limit",
  "server_error",
  "timeout_after_accept",
  "drop_after_accept",
  "expired_token",
  "duplicate",
  "container_in_progress",
] as const;
export type Fault = (typeof FAULTS)[number];

/**
 * Where a fault can strike: `token` (code exchange, refresh, long-lived exchange), `userinfo`,
 * `media` (uploads), `container` (Instagram/Threads container creation), `status` (container or
 * media status polls), `publish` (the call that makes the post visible), `find` (listing recent
 * posts), `delete`, `metrics`, `revoke` (token revocation, de-authorisation).
 */
export const OPERATIONS = [
  "token",
  "userinfo",
  "media",
  "container",
  "status",
  "publish",
  "find",
  "delete",
  "metrics",
  "revoke",
] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface FakeUser {
  platform: FakePlatform;
  id: string;
  username: string;
  name: string;
  /** Facebook: the one Page this user manages. */
  pageId: string | null;
  pageName: string | null;
}

export interface FakeToken {
  value: string;
  platform: FakePlatform;
  userId: string;
  /** Facebook Page tokens act for this Page. */
  pageId: string | null;
  kind: "access" | "refresh";
  scopes: string[];
  issuedAt: number;
  expiresAt: number | null;
  /** LinkedIn: a refreshed refresh token keeps the first one's expiry. */
  spent: boolean;
}

export interface FakeCode {
  value: string;
  platform: FakePlatform;
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  challenge: string | null;
  challengeMethod: string | null;
  expiresAt: number;
  used: boolean;
}

export interface FakePost {
  platform: FakePlatform;
  id: string;
  /** The account that owns it (X user, Facebook Page, Instagram/Threads user, LinkedIn author URN). */
  owner: string;
  text: string;
  createdAt: number;
  media: string[];
  link: string | null;
  deleted: boolean;
  metrics: Record<string, number>;
  /** Platform-specific fields as the platform shows them. */
  extra: Record<string, unknown>;
}

export interface FakeMedia {
  platform: FakePlatform;
  id: string;
  owner: string;
  mimeType: string;
  totalBytes: number;
  received: number;
  /** e.g. X `pending|in_progress|succeeded|failed`, LinkedIn `WAITING_UPLOAD|PROCESSING|AVAILABLE`. */
  state: string;
  /** Status reads left before it is ready. */
  pendingPolls: number;
  extra: Record<string, unknown>;
}

export type ContainerStatus = "IN_PROGRESS" | "FINISHED" | "ERROR" | "EXPIRED" | "PUBLISHED";

export interface FakeContainer {
  platform: FakePlatform;
  id: string;
  owner: string;
  mediaType: string;
  text: string;
  imageUrl: string | null;
  videoUrl: string | null;
  link: string | null;
  children: string[];
  isCarouselItem: boolean;
  status: ContainerStatus;
  /** Status reads that still answer IN_PROGRESS. */
  pendingPolls: number;
  createdAt: number;
  publishedId: string | null;
  /** Threads: the post this container replies to (`reply_to_id`); its post keeps it as `extra.replyTo`. */
  replyToId?: string | null;
}

/** A token the platform revoked at our app's request (X, LinkedIn) or with its whole login (Facebook). */
export interface FakeRevocation {
  platform: FakePlatform;
  /** The platform user whose token it was. */
  account: string;
  /** Facebook: the Page a Page token acted for. */
  page: string | null;
  kind: FakeToken["kind"];
  at: number;
}

interface QueuedFault {
  platform: FakePlatform;
  operation: Operation;
  fault: Fault;
  remaining: number;
  account: string | null;
}

interface RandomFaults {
  platform: FakePlatform | null;
  account: string | null;
  operations: Operation[];
  faults: Fault[];
  rate: number;
  next: () => number;
}

/** mulberry32: a small seeded generator, so a random fault run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const token = (prefix: string) => `${prefix}${randomBytes(18).toString("base64url")}`;

export function pkceMatches(verifier: string, challenge: string, method: string | null): boolean {
  if (method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

export class FakeState {
  users = new Map<string, FakeUser>();
  tokens = new Map<string, FakeToken>();
  codes = new Map<string, FakeCode>();
  posts = new Map<string, FakePost>();
  media = new Map<string, FakeMedia>();
  containers = new Map<string, FakeContainer>();
  revocations: FakeRevocation[] = [];
  faults: QueuedFault[] = [];
  randoms: RandomFaults[] = [];
  /** Numeric ids grow from a per-run base, so ids from different runs rarely collide. */
  private counter = BigInt(Date.now()) * 1000n;

  /** A platform-looking id: X snowflakes and Graph ids are long digit strings. */
  nextId(): string {
    this.counter += 1n;
    return this.counter.toString();
  }

  reset(platform?: FakePlatform): void {
    const clear = <T extends { platform: FakePlatform }>(map: Map<string, T>) => {
      for (const [key, value] of map) if (!platform || value.platform === platform) map.delete(key);
    };
    clear(this.users);
    clear(this.tokens);
    clear(this.codes);
    clear(this.posts);
    clear(this.media);
    clear(this.containers);
    this.revocations = this.revocations.filter((r) => platform && r.platform !== platform);
    this.faults = this.faults.filter((f) => platform && f.platform !== platform);
    this.randoms = this.randoms.filter((r) => platform && r.platform !== platform);
  }

  createUser(platform: FakePlatform): FakeUser {
    const id = this.nextId();
    const user: FakeUser = {
      platform,
      id,
      username: `fake_${platform}_${id.slice(-6)}`,
      name: `Fake ${platform} user ${id.slice(-6)}`,
      pageId: platform === "facebook" ? this.nextId() : null,
      pageName: platform === "facebook" ? `Fake Page ${id.slice(-6)}` : null,
    };
    this.users.set(`${platform}:${id}`, user);
    return user;
  }

  user(platform: FakePlatform, id: string): FakeUser | undefined {
    return this.users.get(`${platform}:${id}`);
  }

  issue(
    platform: FakePlatform,
    userId: string,
    kind: FakeToken["kind"],
    ttlSeconds: number | null,
    scopes: string[],
    pageId: string | null = null,
  ): FakeToken {
    const issued: FakeToken = {
      value: token(`fake-${platform}-${kind}-`),
      platform,
      userId,
      pageId,
      kind,
      scopes,
      issuedAt: Date.now(),
      expiresAt: ttlSeconds === null ? null : Date.now() + ttlSeconds * 1000,
      spent: false,
    };
    this.tokens.set(issued.value, issued);
    return issued;
  }

  /** An access token's state: the token, `expired`, or `invalid` (unknown, other platform, spent). */
  access(platform: FakePlatform, value: string | null): FakeToken | "expired" | "invalid" {
    const found = value ? this.tokens.get(value) : undefined;
    if (!found || found.platform !== platform || found.kind !== "access" || found.spent) return "invalid";
    if (found.expiresAt !== null && found.expiresAt <= Date.now()) return "expired";
    return found;
  }

  /** Revokes a token (it stops working at once, as a spent one) and records it; a second time records nothing. */
  revoke(found: FakeToken): void {
    if (found.spent) return;
    found.spent = true;
    this.revocations.push({
      platform: found.platform,
      account: found.userId,
      page: found.pageId,
      kind: found.kind,
      at: Date.now(),
    });
  }

  queueFault(fault: Omit<QueuedFault, "remaining">, times: number): void {
    this.faults.push({ ...fault, remaining: times });
  }

  addRandom(random: Omit<RandomFaults, "next">, seed: number): void {
    this.randoms.push({ ...random, next: seeded(seed) });
  }

  /**
   * The fault this request must suffer, if any: queued faults first (in order, scoped to an account
   * when they name one), then the random ones. `accounts` are the ids the request acts for.
   */
  takeFault(platform: FakePlatform, operation: Operation, accounts: readonly string[]): Fault | null {
    const matches = (f: { platform: FakePlatform | null; account: string | null }) =>
      (f.platform === null || f.platform === platform) &&
      (f.account === null || accounts.includes(f.account));
    const index = this.faults.findIndex((f) => f.operation === operation && matches(f));
    const queued = this.faults[index];
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) this.faults.splice(index, 1);
      return queued.fault;
    }
    for (const random of this.randoms) {
      if (!random.operations.includes(operation) || !matches(random)) continue;
      if (random.next() < random.rate) {
        return random.faults[Math.floor(random.next() * random.faults.length)] ?? null;
      }
    }
    return null;
  }

  /** Takes every queued `container_in_progress` for this status poll: how many polls stay IN_PROGRESS. */
  takeInProgress(platform: FakePlatform, accounts: readonly string[]): number {
    const index = this.faults.findIndex(
      (f) =>
        f.platform === platform &&
        f.operation === "status" &&
        f.fault === "container_in_progress" &&
        (f.account === null || accounts.includes(f.account)),
    );
    const queued = this.faults[index];
    if (!queued) return 0;
    this.faults.splice(index, 1);
    return queued.remaining;
  }

  addPost(post: Omit<FakePost, "createdAt" | "deleted" | "metrics"> & { createdAt?: number }): FakePost {
    const stored: FakePost = {
      createdAt: Date.now(),
      deleted: false,
      metrics: { views: 120, likes: 7, comments: 2, shares: 1, clicks: 3 },
      ...post,
    };
    this.posts.set(`${post.platform}:${post.id}`, stored);
    return stored;
  }

  post(platform: FakePlatform, id: string): FakePost | undefined {
    const found = this.posts.get(`${platform}:${id}`);
    return found && !found.deleted ? found : undefined;
  }

  /** The owner's live posts, newest first (the map keeps insertion order). */
  postsOf(platform: FakePlatform, owner: string): FakePost[] {
    return [...this.posts.values()]
      .filter((p) => p.platform === platform && p.owner === owner && !p.deleted)
      .reverse();
  }
}

/** What a platform handler sees of a request. */
export interface FakeRequest {
  platform: FakePlatform;
  method: string;
  /** The path under the platform prefix, e.g. `/2/tweets`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `http://127.0.0.1:<port>/<platform>`: for URLs the fake hands out (upload URLs, permalinks). */
  base: string;
  raw: IncomingMessage;
}

export type Reply =
  | { status: number; headers?: Record<string, string>; json?: unknown; text?: string }
  /** Stored, and the answer never comes (until the client gives up). */
  | "hang"
  /** Stored, and the connection is cut. */
  | "drop";

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  json: body,
  headers,
});

/** After a write was stored: the normal answer, or the `*_after_accept` fault's. */
export function accepted(fault: Fault | null, reply: Reply): Reply {
  if (fault === "timeout_after_accept") return "hang";
  if (fault === "drop_after_accept") return "drop";
  return reply;
}

/** A fault that rejects the request before anything is stored. */
export const rejects = (fault: Fault | null): boolean =>
  fault === "rate_limit" || fault === "server_error" || fault === "expired_token" || fault === "duplicate";

export function bearer(request: FakeRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? null;
}

/** Query, then a form or JSON body, as one flat map (Graph takes parameters any of those ways). */
export function params(request: FakeRequest): Record<string, unknown> {
  const merged: Record<string, unknown> = Object.fromEntries(request.query);
  const type = String(request.headers["content-type"] ?? "");
  const text = request.body.toString("utf8");
  if (type.includes("application/x-www-form-urlencoded")) {
    Object.assign(merged, Object.fromEntries(new URLSearchParams(text)));
  } else if (type.includes("application/json") && text) {
    try {
      Object.assign(merged, JSON.parse(text) as Record<string, unknown>);
    } catch {
      // a malformed body reads as no parameters; the handler answers what is missing
    }
  }
  return merged;
}

/** A JSON body, or null when it is absent or malformed. */
export function jsonBody(request: FakeRequest): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(request.body.toString("utf8")) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A multipart body as fields and files (undici parses it). */
export async function multipart(request: FakeRequest): Promise<FormData | null> {
  const type = String(request.headers["content-type"] ?? "");
  if (!type.startsWith("multipart/form-data")) return null;
  try {
    return await new Response(new Uint8Array(request.body), { headers: { "content-type": type } }).formData();
  } catch {
    return null;
  }
}

export const text = (value: unknown): string | null =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : null;

/** Graph's time format: `2026-11-30T10:00:00+0000`. */
export const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");

/** Unix seconds from a Graph `since` (seconds or a date). */
export function sinceMs(value: unknown): number {
  const raw = text(value);
  if (!raw) return 0;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? 0 : parsed;
}
