/**
 * One way to call LinkedIn's versioned REST API (every call carries `LinkedIn-Version` and the
 * Rest.li protocol header), uploads to the URLs it hands out, and its failures classified: 401,
 * 429 until the daily buckets reset at midnight UTC, 422 duplicate (docs/platform-contracts.md,
 * LinkedIn › Errors and rate limiting).
 */
import {
  asRecord,
  type CallKind,
  call,
  classifyStatus,
  num,
  type PlatformResponse,
  type ResolvedOptions,
  responseRecord,
  retryAfterHeader,
  str,
} from "../http.ts";
import { PlatformError } from "../types.ts";

export interface LinkedInClient {
  /** `https://api.linkedin.com`, or the local fake. */
  api: string;
  /** `https://www.linkedin.com`: the OAuth endpoints. */
  www: string;
  /** `LinkedIn-Version` (YYYYMM). */
  version: string;
  options: ResolvedOptions;
}

export const LABEL = "LinkedIn";

/** Seconds until the next midnight UTC, when LinkedIn's daily buckets reset. */
function untilUtcMidnight(now = Date.now()): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(1, Math.ceil((next.getTime() - now) / 1000));
}

function linkedinError(response: PlatformResponse, kind: CallKind, what: string): PlatformError {
  const body = asRecord(response.body);
  const code = str(body.code) ?? (num(body.serviceErrorCode) === null ? null : String(body.serviceErrorCode));
  const message = `${LABEL} ${what}: ${str(body.message) ?? `HTTP ${response.status}`}`;
  const details = { status: response.status, code, response: responseRecord(response) };
  if (response.status === 401) return new PlatformError("auth_expired", message, details);
  if (response.status === 429) {
    return new PlatformError("rate_limited", message, {
      ...details,
      retryAfterSeconds: retryAfterHeader(response.headers) ?? untilUtcMidnight(),
    });
  }
  if (response.status === 422 && (code === "DUPLICATE_POST" || /duplicate/i.test(str(body.message) ?? ""))) {
    return new PlatformError("duplicate", message, { ...details, code: "DUPLICATE_POST" });
  }
  return classifyStatus(response, kind, message, details);
}

/** A REST call with the member's token; an error status (other than those in `ok`) is thrown classified. */
export async function rest(
  client: LinkedInClient,
  path: string,
  token: string,
  kind: CallKind,
  what: string,
  init: { method?: string; json?: unknown; ok?: number[] } = {},
): Promise<PlatformResponse> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    "linkedin-version": client.version,
    "x-restli-protocol-version": "2.0.0",
  };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await call(`${client.api}${path}`, {
    method: init.method ?? (init.json !== undefined ? "POST" : "GET"),
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : null,
    kind,
    timeoutMs: client.options.timeoutMs,
  });
  if (response.status >= 400 && !(init.ok ?? []).includes(response.status)) {
    throw linkedinError(response, kind, what);
  }
  return response;
}

/** PUT to an upload URL (which may be on another host); answers the ETag. */
export async function putUpload(
  client: LinkedInClient,
  url: string,
  token: string,
  bytes: Uint8Array<ArrayBuffer>,
  what: string,
): Promise<string | null> {
  const response = await call(url, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
    body: bytes,
    kind: "write",
    timeoutMs: client.options.timeoutMs,
  });
  if (response.status >= 400) throw linkedinError(response, "write", what);
  return response.headers.get("etag");
}
