/**
 * What every adapter shares: one way to call a platform (a timeout on every request; a failure
 * without an answer classified by whether the call could have created something), small readers of
 * JSON answers, the polling bound, and matching our own post among an account's recent posts.
 */
import { PlatformError } from "./types.ts";

/** Options every adapter factory takes (the registry passes them through). */
export interface AdapterOptions {
  /** The platform's API origin, e.g. `http://127.0.0.1:4455/x` for the local fake. Defaults to the real one. */
  baseUrl?: string;
  /** Per request, including reading the answer. Default 20 s. */
  timeoutMs?: number;
  /** Waits between polls of asynchronous media (Instagram/Threads containers, X video, LinkedIn media). */
  pollIntervalMs?: number;
  /** How many polls before giving up with a `transient` error (the saved progress is reused next time). */
  maxPolls?: number;
  /** Waits `ms`; tests may pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ResolvedOptions {
  timeoutMs: number;
  pollIntervalMs: number;
  maxPolls: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export function resolveOptions(options: AdapterOptions, defaultPollMs: number): ResolvedOptions {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    pollIntervalMs: options.pollIntervalMs ?? defaultPollMs,
    maxPolls: options.maxPolls ?? 5,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

/** Strips a trailing slash so paths can be appended. */
export const trimBase = (url: string) => url.replace(/\/+$/, "");

/**
 * - `create`: the call that makes the post visible (POST /2/tweets, media_publish, /rest/posts, …).
 *   No answer, or a 5xx, means it may exist: `uncertain`, to be reconciled before any retry.
 * - `write`: every other write (media upload, a container): repeating it leaves at most an orphan.
 * - `read`: no side effect.
 */
export type CallKind = "create" | "write" | "read";

export interface PlatformResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null when it is empty or not JSON. */
  body: unknown;
  text: string;
}

export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit | null;
  kind: CallKind;
  timeoutMs: number;
}

/**
 * One HTTP call, answer read in full within the timeout. A timeout or network failure becomes a
 * `PlatformError`: `uncertain` for a `create` (the request may have arrived; fetch cannot tell whether
 * the bytes left), `transient` otherwise. Any HTTP answer is returned for the adapter to classify.
 */
export async function call(url: string, init: CallInit): Promise<PlatformResponse> {
  try {
    const response = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.headers,
      body: init.body ?? null,
      redirect: "manual",
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseJson(text), text };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const what = timedOut
      ? `no answer within ${init.timeoutMs} ms`
      : `connection failed (${errorText(error)})`;
    const host = new URL(url).host;
    if (init.kind === "create") {
      throw new PlatformError("uncertain", `${host}: ${what}; the post may exist`, {
        code: timedOut ? "timeout" : "network",
      });
    }
    throw new PlatformError("transient", `${host}: ${what}`, { code: timedOut ? "timeout" : "network" });
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const asRecord = (value: unknown): Json => (isRecord(value) ? value : {});

export const str = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : null;

export const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value)
    ? value
    : typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))
      ? Number(value)
      : null;

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A JSON answer as a record, for `PlatformError.response` and attempts (never carries tokens: we send them, platforms do not echo them). */
export const responseRecord = (response: PlatformResponse): Json | null =>
  isRecord(response.body) ? response.body : response.text ? { body: response.text.slice(0, 2000) } : null;

/**
 * The generic part of classifying an HTTP failure, for what no platform-specific rule caught: 429 is a
 * rate limit, 5xx is `uncertain` on a create and `transient` elsewhere, the rest is permanent.
 */
export function classifyStatus(
  response: PlatformResponse,
  kind: CallKind,
  message: string,
  details: { code?: string | null; retryAfterSeconds?: number | null } = {},
): PlatformError {
  const base = { status: response.status, response: responseRecord(response), ...details };
  if (response.status === 429) {
    return new PlatformError("rate_limited", message, {
      ...base,
      retryAfterSeconds: details.retryAfterSeconds ?? retryAfterHeader(response.headers) ?? 60,
    });
  }
  if (response.status >= 500 || response.status === 408) {
    return new PlatformError(kind === "create" ? "uncertain" : "transient", message, base);
  }
  return new PlatformError("permanent", message, base);
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterHeader(headers: Headers, now = Date.now()): number | null {
  const value = headers.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - now) / 1000));
}

/** Seconds until an epoch-seconds reset, at least 1. */
export function secondsUntil(epochSeconds: number, now = Date.now()): number {
  return Math.max(1, Math.ceil(epochSeconds - now / 1000));
}

/** `application/x-www-form-urlencoded` of the defined values. */
export function form(values: Record<string, string | null | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value != null) params.set(key, value);
  return params;
}

/** A URL with query parameters (undefined and null are left out). */
export function withQuery(url: string, query: Record<string, string | number | null | undefined>): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(query)) if (value != null) u.searchParams.set(key, String(value));
  return u.toString();
}

/** The whole stream as bytes (media sizes are bounded by the platform rules checked before publishing). */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Splits a stream into parts of `size` bytes (the last may be shorter), so large videos are uploaded
 * without holding them in memory whole.
 */
export async function* chunks(
  stream: ReadableStream<Uint8Array>,
  size: number,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  let buffer = new Uint8Array(size);
  let filled = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let at = 0;
    while (at < value.length) {
      const take = Math.min(size - filled, value.length - at);
      buffer.set(value.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.slice(0, filled);
}

/**
 * Polls `check` up to `maxPolls` times (waiting between polls) until it returns a value. When it never
 * does, a `transient` error: the caller saved its progress, so the next attempt resumes the wait
 * instead of starting over.
 */
export async function pollUntil<T>(
  options: ResolvedOptions,
  what: string,
  check: (attempt: number) => Promise<T | null>,
  waitMs: (attempt: number) => number = () => options.pollIntervalMs,
): Promise<T> {
  for (let attempt = 0; attempt < options.maxPolls; attempt++) {
    if (attempt > 0) await options.sleep(waitMs(attempt));
    const done = await check(attempt);
    if (done !== null) return done;
  }
  throw new PlatformError("transient", `${what} is still processing after ${options.maxPolls} checks`, {
    code: "still_processing",
    retryAfterSeconds: 30,
  });
}

/**
 * Text as platforms give it back, for recognising our own post: NFC, HTML entities X escapes, every
 * URL replaced by one marker (X rewrites links to t.co), whitespace collapsed.
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize("NFC")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .replace(/https?:\/\/\S+/g, "<url>")
    .replace(/\s+/g, " ")
    .trim();
}

/** How far before the recorded send time a platform's own timestamp may fall (clock skew). */
export const SEND_SKEW_MS = 5 * 60_000;

/** When the post was first sent (kept in the progress), or an hour ago when nothing was recorded. */
export function sentAtFrom(previous: Record<string, unknown> | null, now = Date.now()): number {
  const sentAt = num(previous?.sentAt);
  return (sentAt ?? now - 3_600_000) - SEND_SKEW_MS;
}
