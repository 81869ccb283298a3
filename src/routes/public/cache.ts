/**
 * The public API's edge cache. Every answer is stored with the Cache API under a key that carries
 * the event's version (the live channel's, services/public/live.ts), which every change readers can
 * see moves on: a cache hit costs no database round trip, and a moderator's change is never served
 * stale. Reads that change without a version (counters, an edited agenda) keep their copy `ttl`
 * seconds. Browsers get a short max-age with stale-while-revalidate and an ETag (304 when unchanged).
 * Only misses count against the client's rate limit: a venue's whole audience behind one address
 * reads the wall freely, while whoever busts the cache on purpose is slowed down.
 */
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { RateLimitedError } from "../../errors.ts";
import { toHex } from "../../platform/social/signatures.ts";
import { bytesCacheKey, PUBLIC_CACHE_ORIGIN } from "../../services/public/cache-keys.ts";
import { publicVersion } from "../../services/public/live.ts";

/** What browsers and shared caches in front of us keep. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30";

/** The client's address (Cloudflare sets it); every unknown client shares one budget. */
export const clientAddress = (c: Context<AppEnv>) => c.req.header("cf-connecting-ip") ?? "unknown";

/** One more read that reaches the database for this client, or 429. */
export async function limitClient(c: Context<AppEnv>): Promise<void> {
  const { success } = await c.get("config").PUBLIC_RATE_LIMITER.limit({ key: clientAddress(c) });
  if (!success) {
    throw new RateLimitedError(60);
  }
}

function answer(c: Context<AppEnv>, body: string, etag: string, status: "hit" | "miss"): Response {
  const headers = {
    "content-type": "application/json",
    etag,
    "cache-control": PUBLIC_CACHE_CONTROL,
    "x-guddu-cache": status,
  };
  const match = c.req.header("if-none-match");
  if (match?.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}

/**
 * Answers `read(version)` from the edge cache when it holds this version of this URL, else reads,
 * answers and stores the copy (after the answer, through waitUntil).
 */
export async function cachedPublicRead(
  c: Context<AppEnv>,
  key: string,
  options: { ttl: number },
  read: (version: number) => Promise<unknown>,
): Promise<Response> {
  const version = await publicVersion(c.get("config"), key);
  const url = new URL(c.req.url);
  const cacheKey = new Request(`${PUBLIC_CACHE_ORIGIN}/${key}/${version}${url.pathname}${url.search}`);
  const cache = await caches.open("public");
  const cached = await cache.match(cacheKey);
  if (cached) {
    return answer(c, await cached.text(), cached.headers.get("etag") ?? '""', "hit");
  }
  await limitClient(c);
  const body = JSON.stringify(await read(version));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  const etag = `"${toHex(new Uint8Array(digest)).slice(0, 32)}"`;
  const stored = new Response(body, {
    headers: { "content-type": "application/json", etag, "cache-control": `public, max-age=${options.ttl}` },
  });
  c.executionCtx.waitUntil(cache.put(cacheKey, stored));
  return answer(c, body, etag, "miss");
}

/** Immutable bytes (a file by its hash, an item's image): cached by URL alone, for `ttl` seconds. */
export async function cachedPublicBytes(
  c: Context<AppEnv>,
  options: { ttl: number },
  load: () => Promise<{ body: ReadableStream | ArrayBuffer; contentType: string }>,
): Promise<Response> {
  const url = new URL(c.req.url);
  const cacheKey = bytesCacheKey(url.pathname);
  const cache = await caches.open("public");
  const cached = await cache.match(cacheKey);
  if (cached) return cached;
  await limitClient(c);
  const { body, contentType } = await load();
  const bytes = body instanceof ArrayBuffer ? body : await new Response(body).arrayBuffer();
  const response = () =>
    new Response(bytes, {
      headers: {
        "content-type": contentType,
        "cache-control": `public, max-age=${options.ttl}, immutable`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'",
      },
    });
  c.executionCtx.waitUntil(cache.put(cacheKey, response()));
  return response();
}
