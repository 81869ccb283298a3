/**
 * The local reference PDS (peers/bluesky, started by test/global-setup.ts): accounts made on it, the
 * account as the Bluesky adapter sees it, what its repository holds, and an expired token signed with
 * its secret. Handles are `*.test` only: the PDS answers those from its own database.
 */
import { env } from "cloudflare:workers";
import { decodeJwt, SignJWT } from "jose";
import type {
  ConnectedAccount,
  PublishMedia,
  PublishProgress,
  PublishRequest,
} from "../../src/platform/social/types.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      /** Origin of the local PDS (test only). */
      BLUESKY_PDS_URL: string;
      /** JSON `{jwtSecret, rateLimitBypassKey}` of that PDS (test only). */
      BLUESKY_PDS_KEYS: string;
    }
  }
}

interface PdsKeys {
  jwtSecret: string;
  rateLimitBypassKey: string;
}

export const pdsUrl = (): string => env.BLUESKY_PDS_URL;
const pdsKeys = (): PdsKeys => JSON.parse(env.BLUESKY_PDS_KEYS) as PdsKeys;

export interface PdsAccount {
  handle: string;
  did: string;
  password: string;
  accessJwt: string;
  refreshJwt: string;
}

/**
 * A raw XRPC call to the local PDS, past its rate limits (they are on, so the adapter meets real 429s;
 * test setup must not spend the per-IP budget). Throws on an error answer.
 */
export async function pdsXrpc(
  nsid: string,
  init: { token?: string; query?: Record<string, string>; json?: unknown } = {},
): Promise<Record<string, unknown>> {
  const url = new URL(`/xrpc/${nsid}`, pdsUrl());
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { "x-ratelimit-bypass": pdsKeys().rateLimitBypassKey };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init.json === undefined ? "GET" : "POST",
    headers,
    body: init.json === undefined ? null : JSON.stringify(init.json),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${nsid} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** A new account `<prefix><random>.test` with a password (and, on the PDS, a repository and a did:plc). */
export async function createPdsAccount(prefix = "user"): Promise<PdsAccount> {
  // The PDS takes 3 to 18 characters before the service domain.
  const name = `${prefix.slice(0, 8)}${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`.toLowerCase();
  const handle = `${name}.test`;
  const password = `pw-${crypto.randomUUID()}`;
  const body = await pdsXrpc("com.atproto.server.createAccount", {
    json: { handle, password, email: `${name}@example.test` },
  });
  return {
    handle,
    did: String(body.did),
    password,
    accessJwt: String(body.accessJwt),
    refreshJwt: String(body.refreshJwt),
  };
}

/** An app password, what a user pastes into Guddu instead of their real one. */
export async function createAppPassword(account: PdsAccount, name = "guddu"): Promise<string> {
  const body = await pdsXrpc("com.atproto.server.createAppPassword", {
    token: account.accessJwt,
    json: { name },
  });
  return String(body.password);
}

/** The account as the adapter gets it from the social-accounts service, with the session's tokens. */
export function connectedAccount(account: PdsAccount, tokens: Partial<ConnectedAccount["tokens"]> = {}) {
  const exp = decodeJwt(account.accessJwt).exp;
  return {
    platformUserId: account.did,
    username: account.handle,
    metadata: { pds: pdsUrl() },
    tokens: {
      accessToken: account.accessJwt,
      refreshToken: account.refreshJwt,
      expiresAt: exp ? new Date(exp * 1000) : null,
      ...tokens,
    },
  } satisfies ConnectedAccount;
}

/** The access JWT the PDS would have issued three hours ago: signed with its secret, expired an hour ago. */
export async function expiredAccessJwt(account: PdsAccount): Promise<string> {
  const { iat: _iat, exp: _exp, ...claims } = decodeJwt(account.accessJwt);
  const now = Math.floor(Date.now() / 1000);
  return await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuedAt(now - 3 * 3600)
    .setExpirationTime(now - 3600)
    .sign(new TextEncoder().encode(pdsKeys().jwtSecret));
}

/** The repository's `app.bsky.feed.post` record at `rkey`, or null. */
export async function postRecord(
  did: string,
  rkey: string,
): Promise<{ uri: string; cid: string; value: Record<string, unknown> } | null> {
  try {
    return (await pdsXrpc("com.atproto.repo.getRecord", {
      query: { repo: did, collection: "app.bsky.feed.post", rkey },
    })) as { uri: string; cid: string; value: Record<string, unknown> };
  } catch (error) {
    if (String(error).includes("RecordNotFound")) return null;
    throw error;
  }
}

/** Every post record in the account's repository. */
export async function postRecords(
  did: string,
): Promise<Array<{ uri: string; value: Record<string, unknown> }>> {
  const body = await pdsXrpc("com.atproto.repo.listRecords", {
    query: { repo: did, collection: "app.bsky.feed.post", limit: "100" },
  });
  return body.records as Array<{ uri: string; value: Record<string, unknown> }>;
}

/** A publish request with a fresh post id; text only unless told otherwise. */
export function publishRequest(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    postId: crypto.randomUUID(),
    text: "Hello from the test suite",
    hashtags: [],
    mentions: [],
    link: null,
    media: [],
    ...overrides,
  };
}

/** A `PublishProgress` kept in memory: `saved` is what the adapter stored, `next()` the next attempt's. */
export function memoryProgress(previous: Record<string, unknown> | null = null) {
  const saved: Array<Record<string, unknown>> = [];
  const progress: PublishProgress & { saved: typeof saved; next(): PublishProgress } = {
    previous,
    saved,
    async save(state) {
      saved.push(state);
    },
    next() {
      return memoryProgress(saved.at(-1) ?? previous);
    },
  };
  return progress;
}

/** Media the adapter uploads from `bytes`. */
export function mediaFrom(
  bytes: Uint8Array,
  options: { mimeType: string; width?: number; height?: number; altText?: string | null },
): PublishMedia {
  return {
    id: crypto.randomUUID(),
    mimeType: options.mimeType,
    sizeBytes: bytes.byteLength,
    width: options.width ?? null,
    height: options.height ?? null,
    durationMs: null,
    altText: options.altText ?? null,
    url: "https://media.guddu.test/unused",
    async open() {
      return new Blob([bytes]).stream();
    },
  };
}
