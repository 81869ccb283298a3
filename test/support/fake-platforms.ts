/**
 * Tests drive the platform fakes (test/fakes/platforms/server.ts, started with the local stack)
 * through their `/_fake` control API, and get adapters, connected accounts, posts and media made for
 * them. Scope faults to the account you made (`account`): test files run in parallel against the same
 * fakes, and an unscoped fault may strike another file's request.
 */
import { env } from "cloudflare:workers";
import { loadConfig } from "../../src/env.ts";
import type { AdapterOptions } from "../../src/platform/social/http.ts";
import {
  createLinkedInAdapter,
  type LinkedInAdapterOptions,
} from "../../src/platform/social/linkedin/index.ts";
import { adapterFor, oauthClientFor } from "../../src/platform/social/registry.ts";
import type {
  ConnectedAccount,
  PublishMedia,
  PublishProgress,
  PublishRequest,
  SocialAdapter,
} from "../../src/platform/social/types.ts";
import type { FakePlatform, Fault, Operation } from "../fakes/platforms/core.ts";
import { jpeg, mp4, png } from "./media-files.ts";

export type { FakePlatform, Fault, Operation };

export const FAKE_PLATFORM_NAMES: readonly FakePlatform[] = [
  "x",
  "facebook",
  "instagram",
  "linkedin",
  "threads",
];

/** The fakes' origin (`http://127.0.0.1:<port>`), read from `PLATFORM_BASE_URLS`. */
export function fakesOrigin(): string {
  const urls = JSON.parse(env.PLATFORM_BASE_URLS ?? "{}") as Record<string, string>;
  if (!urls.x) throw new Error("PLATFORM_BASE_URLS has no fake platforms (is the stack running?)");
  return new URL(urls.x).origin;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${fakesOrigin()}/_fake${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`fake control ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Forgets every user, token, post and fault (of one platform). Never while other tests use the fakes. */
export const resetFakes = (platform?: FakePlatform) =>
  control("POST", "/reset", platform ? { platform } : {});

/** The next `times` (default 1) `operation` requests of `account` on `platform` suffer `fault`. */
export const queueFault = (
  platform: FakePlatform,
  operation: Operation,
  fault: Fault,
  options: { account?: string; times?: number } = {},
) => control("POST", "/faults", { platform, operation, fault, ...options });

/** Faults at `rate` on matching requests, drawn from a generator seeded with `seed` (replayable). */
export const randomFaults = (options: {
  seed: number;
  rate: number;
  platform?: FakePlatform;
  account?: string;
  operations?: Operation[];
  faults?: Fault[];
}) => control("POST", "/faults/random", options);

export const clearFaults = (scope: { platform?: FakePlatform; account?: string } = {}) =>
  control("DELETE", `/faults?${new URLSearchParams(scope as Record<string, string>)}`);

export interface FakePostView {
  platform: FakePlatform;
  id: string;
  owner: string;
  text: string;
  created_at: string;
  media: string[];
  link: string | null;
  deleted: boolean;
  /** The post this one replies to (a thread's previous post on X and Threads), else null. */
  reply_to: string | null;
}

/** Every post the fake holds (oldest first), of one account when given: count duplicates here. */
export async function fakePosts(
  platform: FakePlatform,
  account?: string,
  options: { deleted?: boolean } = {},
): Promise<FakePostView[]> {
  const query = new URLSearchParams({ platform, ...(account ? { account } : {}) });
  if (options.deleted) query.set("deleted", "true");
  return (await control<{ posts: FakePostView[] }>("GET", `/posts?${query}`)).posts;
}

export interface FakeContainerView {
  id: string;
  media_type: string;
  status: string;
  children: string[];
  is_carousel_item: boolean;
}

export async function fakeContainers(
  platform: "instagram" | "threads",
  account: string,
): Promise<FakeContainerView[]> {
  const query = new URLSearchParams({ platform, account });
  return (await control<{ containers: FakeContainerView[] }>("GET", `/containers?${query}`)).containers;
}

export interface FakeRevocationView {
  platform: FakePlatform;
  account: string;
  page: string | null;
  kind: "access" | "refresh";
  at: string;
}

/** The tokens the fake revoked (X and LinkedIn revocations, Facebook de-authorisations), of one account when given. */
export async function fakeRevocations(
  platform: FakePlatform,
  account?: string,
): Promise<FakeRevocationView[]> {
  const query = new URLSearchParams({ platform, ...(account ? { account } : {}) });
  return (await control<{ revocations: FakeRevocationView[] }>("GET", `/revocations?${query}`)).revocations;
}

/** Makes an access token the fake issued expired now. */
export const expireToken = (token: string) => control("POST", "/tokens/expire", { token });

/** Makes a token look `seconds` older (Instagram and Threads refresh tokens at least a day old). */
export const ageToken = (token: string, seconds: number) =>
  control("POST", "/tokens/age", { token, seconds });

export const setFakeMetrics = (platform: FakePlatform, id: string, metrics: Record<string, number>) =>
  control("POST", "/metrics", { platform, id, metrics });

/** The headers the platform would sign this webhook body with. */
export async function signWebhook(
  platform: FakePlatform,
  secret: string,
  body: string,
): Promise<Record<string, string>> {
  return (
    await control<{ headers: Record<string, string> }>("POST", "/webhooks/sign", { platform, secret, body })
  ).headers;
}

/** Tests do not wait between polls. */
export const NO_WAIT: Pick<AdapterOptions, "pollIntervalMs" | "sleep"> = {
  pollIntervalMs: 0,
  sleep: async () => {},
};

/** The platform's adapter as the Worker builds it (base URL and client from the configuration). */
export function fakeAdapter(
  platform: FakePlatform,
  options: Omit<AdapterOptions, "baseUrl"> = {},
): SocialAdapter {
  return adapterFor(platform, loadConfig(env), { timeoutMs: 10_000, ...NO_WAIT, ...options });
}

export const fakeClient = (platform: FakePlatform) => oauthClientFor(platform, loadConfig(env));

/** A LinkedIn adapter on the fake with other scopes or another `LinkedIn-Version`. */
export function linkedInAdapter(options: LinkedInAdapterOptions = {}): SocialAdapter {
  return createLinkedInAdapter({
    baseUrl: loadConfig(env).PLATFORM_BASE_URLS.linkedin,
    timeoutMs: 10_000,
    ...NO_WAIT,
    ...options,
  });
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

/** A PKCE verifier and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

export const REDIRECT_URI = "http://guddu.test/v1/social-accounts/callback";

/** Follows the authorize URL (the fake consents at once) and answers the callback's query. */
export async function authorizeAtFake(url: string): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) {
    throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
  }
  return new URL(location).searchParams;
}

/**
 * A new account on the fake, connected the way the social-accounts service does it: the adapter's
 * authorize URL with PKCE, the fake's consent, the code exchanged for tokens and the identity.
 * LinkedIn: pass `linkedInAdapter({ scopes: LINKEDIN_PARTNER_SCOPES })` for an account whose posts
 * can be read back (reconciled); the default self-serve scopes cannot.
 */
export async function connectFakeAccount(
  platform: FakePlatform,
  adapter: SocialAdapter = fakeAdapter(platform),
): Promise<ConnectedAccount> {
  const client = fakeClient(platform);
  if (!adapter.oauth || !client) throw new Error(`${platform} has no OAuth client configured`);
  const { verifier, challenge } = await pkcePair();
  const state = crypto.randomUUID();
  const query = await authorizeAtFake(
    adapter.oauth.authorizeUrl({ client, redirectUri: REDIRECT_URI, state, codeChallenge: challenge }),
  );
  const code = query.get("code");
  if (!code || query.get("state") !== state) throw new Error(`authorize gave no code: ${query}`);
  const { tokens, identity } = await adapter.oauth.exchangeCode({
    client,
    redirectUri: REDIRECT_URI,
    code,
    codeVerifier: verifier,
  });
  return { ...identity, tokens };
}

/** The progress an adapter keeps between attempts, in memory; `saved` lists every save in order. */
export interface MemoryProgress extends PublishProgress {
  saved: Array<Record<string, unknown>>;
  /** The progress the next attempt receives: the last saved state. */
  next(): MemoryProgress;
}

export function memoryProgress(previous: Record<string, unknown> | null = null): MemoryProgress {
  const saved: Array<Record<string, unknown>> = [];
  const progress = {
    previous,
    saved,
    async save(state: Record<string, unknown>) {
      saved.push(structuredClone(state));
    },
    /** The progress the next attempt receives: the last saved state. */
    next() {
      return memoryProgress(saved.at(-1) ?? previous);
    },
  };
  return progress;
}

/**
 * `progress` that runs `action` once, right after the first save `when` accepts: e.g. queue a fault
 * for a thread's second part once its first post is saved.
 */
export function onSave<P extends PublishProgress>(
  progress: P,
  when: (state: Record<string, unknown>) => boolean,
  action: () => Promise<unknown>,
): P {
  let done = false;
  return {
    ...progress,
    async save(state: Record<string, unknown>) {
      await progress.save(state);
      if (done || !when(state)) return;
      done = true;
      await action();
    },
  };
}

/** A thread's further parts, unique (platforms refuse repeats). */
export const threadReplies = (count = 2) => {
  const tag = crypto.randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, i) => `Part ${i + 2} of the thread ${tag}`);
};

type MediaKind = "png" | "jpeg" | "mp4";

/** Media as the publishing pipeline hands it to adapters: small real bytes and a URL Meta would fetch. */
export function testMedia(kind: MediaKind, options: { altText?: string } = {}): PublishMedia {
  const bytes =
    kind === "png"
      ? png(8, 6)
      : kind === "jpeg"
        ? jpeg(8, 6)
        : mp4({ width: 640, height: 360, durationMs: 4000 });
  const id = crypto.randomUUID();
  const mimeType = kind === "png" ? "image/png" : kind === "jpeg" ? "image/jpeg" : "video/mp4";
  return {
    id,
    mimeType,
    sizeBytes: bytes.length,
    width: kind === "mp4" ? 640 : 8,
    height: kind === "mp4" ? 360 : 6,
    durationMs: kind === "mp4" ? 4000 : null,
    altText: options.altText ?? null,
    url: `https://media.guddu.test/${id}.${kind}?sig=fake`,
    async open() {
      return new Response(bytes.slice()).body as ReadableStream<Uint8Array>;
    },
  };
}

/** A post with a unique text (platforms refuse repeats), overridable. */
export function testPost(overrides: Partial<PublishRequest> = {}): PublishRequest {
  const tag = crypto.randomUUID().slice(0, 8);
  return {
    postId: crypto.randomUUID(),
    text: `Doors open at 9 for the Africa Energy Forum ${tag}`,
    hashtags: [],
    mentions: [],
    link: null,
    media: [],
    ...overrides,
  };
}
