/**
 * XRPC over fetch against the account's PDS: queries are GET, procedures POST with JSON or raw bytes.
 * An error answer (`{error, message}`) is classified here for the publishing consumer
 * (docs/platform-contracts.md, Bluesky › Errors and rate limiting).
 */
import {
  asRecord,
  type CallKind,
  call,
  classifyStatus,
  type Json,
  num,
  type PlatformResponse,
  responseRecord,
  retryAfterHeader,
  secondsUntil,
  str,
  trimBase,
} from "../http.ts";
import { type ConnectedAccount, PlatformError } from "../types.ts";

/**
 * Where XRPC calls go (the account's PDS, the entryway when connecting, or the AppView for public
 * reads) and how long each may take.
 */
export interface Pds {
  url: string;
  timeoutMs: number;
}

/** The PDS the account was connected through (kept in its metadata), else `fallback`. */
export function pdsOf(account: ConnectedAccount, fallback: Pds): Pds {
  const pds = str(account.metadata.pds);
  return pds ? { ...fallback, url: trimBase(pds) } : fallback;
}

/** Error names that mean "this session's token is no good": refresh once, then retry. */
const TOKEN_ERRORS = new Set(["ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing"]);
/** A 401 that no new token fixes. */
const ACCOUNT_ERRORS = new Set(["AccountTakedown", "AccountDeactivated", "AccountNotFound"]);

/**
 * 429 waits until `ratelimit-reset` (epoch seconds); a bad or expired token is `auth_expired` (the
 * reference PDS says so with a 400); a taken-down or deactivated account is permanent; the rest as
 * every platform.
 */
function blueskyError(response: PlatformResponse, kind: CallKind, nsid: string): PlatformError {
  const body = asRecord(response.body);
  const code = str(body.error);
  const message = `Bluesky ${nsid}: ${str(body.message) ?? code ?? `HTTP ${response.status}`}`;
  const details = { status: response.status, response: responseRecord(response), code };
  if (response.status === 429) {
    const reset = num(response.headers.get("ratelimit-reset"));
    const retryAfterSeconds =
      reset !== null ? secondsUntil(reset) : (retryAfterHeader(response.headers) ?? 60);
    return new PlatformError("rate_limited", message, { ...details, retryAfterSeconds });
  }
  if (code !== null && ACCOUNT_ERRORS.has(code)) return new PlatformError("permanent", message, details);
  if ((code !== null && TOKEN_ERRORS.has(code)) || response.status === 401) {
    return new PlatformError("auth_expired", message, details);
  }
  return classifyStatus(response, kind, message, details);
}

export const isNotFound = (error: unknown) =>
  error instanceof PlatformError && error.code === "RecordNotFound";

export interface XrpcInit {
  token?: string;
  /** An array is sent as the parameter repeated (`tag=a&tag=b`), as XRPC encodes arrays. */
  query?: Record<string, string | readonly string[]>;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  timeoutMs?: number;
}

/** One XRPC call: a procedure (POST) when it has a body, else a query (GET); failures thrown classified. */
export async function xrpc(pds: Pds, nsid: string, kind: CallKind, init: XrpcInit = {}): Promise<Json> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const body = init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null);
  if (init.json !== undefined) headers["content-type"] = "application/json";
  else if (init.contentType) headers["content-type"] = init.contentType;
  const url = new URL(`${pds.url}/xrpc/${nsid}`);
  for (const [key, value] of Object.entries(init.query ?? {})) {
    for (const one of typeof value === "string" ? [value] : value) url.searchParams.append(key, one);
  }
  const response = await call(url.toString(), {
    method: body === null ? "GET" : "POST",
    headers,
    body,
    kind,
    timeoutMs: init.timeoutMs ?? pds.timeoutMs,
  });
  if (response.status < 200 || response.status >= 300) throw blueskyError(response, kind, nsid);
  return asRecord(response.body);
}
