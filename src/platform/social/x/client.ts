/**
 * One way to call X API v2 with a user token, and X's failures classified: problem bodies, 401,
 * 403 duplicate content, and 429 with the reset (`x-rate-limit-reset`, epoch seconds) of whichever
 * window ran out.
 */
import {
  asRecord,
  type CallKind,
  call,
  classifyStatus,
  list,
  num,
  type PlatformResponse,
  type ResolvedOptions,
  responseRecord,
  secondsUntil,
  str,
} from "../http.ts";
import { PlatformError } from "../types.ts";

export interface XClient {
  /** `https://api.x.com`, or the local fake. */
  api: string;
  options: ResolvedOptions;
  /** The poll interval the caller fixed (tests); otherwise X's own `check_after_secs` is waited. */
  fixedPollMs: number | undefined;
}

/** The wait a 429 asks for: the exhausted window's reset (15-minute window, or a 24-hour cap). */
function rateLimitWait(headers: Headers): number {
  for (const scope of ["x-user-limit-24hour", "x-app-limit-24hour"]) {
    const reset = num(headers.get(`${scope}-reset`));
    if (headers.get(`${scope}-remaining`) === "0" && reset !== null) return secondsUntil(reset);
  }
  const reset = num(headers.get("x-rate-limit-reset"));
  return reset === null ? 900 : secondsUntil(reset);
}

export function xError(response: PlatformResponse, kind: CallKind, what: string): PlatformError {
  const body = asRecord(response.body);
  const first = asRecord(list(body.errors)[0]);
  const detail = str(body.detail) ?? str(first.message) ?? str(body.title) ?? `HTTP ${response.status}`;
  const message = `X ${what}: ${detail}`;
  const details = { status: response.status, response: responseRecord(response), code: str(body.type) };
  if (response.status === 401) return new PlatformError("auth_expired", message, details);
  if (response.status === 403 && /duplicate content/i.test(detail)) {
    return new PlatformError("duplicate", message, { ...details, code: "duplicate_content" });
  }
  if (response.status === 429) {
    return new PlatformError("rate_limited", message, {
      ...details,
      retryAfterSeconds: rateLimitWait(response.headers),
    });
  }
  return classifyStatus(response, kind, message, details);
}

/** A call with the user's bearer token; an error status (other than those in `ok`) is thrown classified. */
export async function xRequest(
  client: XClient,
  path: string,
  token: string,
  kind: CallKind,
  what: string,
  init: { method?: string; json?: unknown; body?: BodyInit; ok?: number[] } = {},
): Promise<PlatformResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await call(`${client.api}${path}`, {
    method: init.method ?? (init.json !== undefined || init.body ? "POST" : "GET"),
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null),
    kind,
    timeoutMs: client.options.timeoutMs,
  });
  if (response.status >= 400 && !(init.ok ?? []).includes(response.status))
    throw xError(response, kind, what);
  return response;
}
