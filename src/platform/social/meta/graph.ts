/**
 * What Facebook Pages, Instagram and Threads share: one way to call the Graph API, Graph error codes
 * classified, the usage headers read into a wait (docs/platform-contracts.md, Meta Graph API), token
 * endpoints, permalinks, insights, measuring a batch of posts and deletes.
 */
import type { Platform } from "../../../db/schema/columns.ts";
import {
  asRecord,
  type CallKind,
  call,
  classifyStatus,
  isRecord,
  type Json,
  list,
  normaliseForMatch,
  num,
  type PlatformResponse,
  type ResolvedOptions,
  responseRecord,
  str,
} from "../http.ts";
import { batchIds, eachLimited } from "../metrics.ts";
import { tokenSetFrom } from "../oauth.ts";
import { PlatformError, type PostMetrics, type TokenSet } from "../types.ts";

/** One Meta platform's Graph API and how calls to it behave. */
export interface GraphContext {
  platform: Platform;
  /** "Facebook", "Instagram", "Threads": the start of every error message. */
  label: string;
  /** The host, e.g. `https://graph.threads.net`: unversioned token endpoints live here. */
  root: string;
  /** The versioned API, e.g. `https://graph.threads.net/v1.0`. */
  api: string;
  options: ResolvedOptions;
}

/** Rate-limit codes: app, user, Page, custom, application limit, BUC (8000x), IG quota (9). */
const RATE_LIMIT_CODES = new Set([4, 9, 17, 32, 341, 613]);
const isBucCode = (code: number) => code >= 80001 && code <= 80014;
/** Meta's "usage drops" windows are an hour long; used when no header says better. */
const DEFAULT_RATE_WAIT_SECONDS = 3600;

/**
 * `X-Business-Use-Case-Usage` (minutes until access returns, per object and type) or
 * `X-App-Usage` (percentages only: a full bucket drains within the hour).
 */
export function usageWaitSeconds(headers: Headers): number | null {
  const buc = headers.get("x-business-use-case-usage");
  if (buc) {
    try {
      const parsed = JSON.parse(buc) as unknown;
      const minutes = Object.values(asRecord(parsed))
        .flatMap((entries) => list(entries))
        .map((entry) => num(asRecord(entry).estimated_time_to_regain_access))
        .filter((m): m is number => m !== null);
      if (minutes.length > 0) return Math.max(60, Math.max(...minutes) * 60);
    } catch {
      // an unreadable header says nothing
    }
  }
  const app = headers.get("x-app-usage");
  if (app) {
    try {
      const usage = asRecord(JSON.parse(app) as unknown);
      const highest = Math.max(
        ...["call_count", "total_time", "total_cputime"].map((k) => num(usage[k]) ?? 0),
      );
      if (highest >= 100) return DEFAULT_RATE_WAIT_SECONDS;
    } catch {
      // as above
    }
  }
  return null;
}

/** A Graph failure (`{error:{message,type,code,error_subcode,is_transient}}`) by what the consumer must do. */
export function graphError(response: PlatformResponse, kind: CallKind, label: string): PlatformError {
  const error = asRecord(asRecord(response.body).error);
  const code = num(error.code);
  const subcode = num(error.error_subcode);
  // Instagram's OAuth host answers `{error_type, code, error_message}` instead of Graph's shape.
  const flat = asRecord(response.body);
  const text = str(error.error_user_msg) ?? str(error.message) ?? str(flat.error_message);
  const message = `${label}: ${text ?? `HTTP ${response.status}`}`;
  const details = {
    status: response.status,
    code: code === null ? null : subcode === null ? String(code) : `${code}/${subcode}`,
    response: responseRecord(response),
  };
  if (code === 190 || code === 102) return new PlatformError("auth_expired", message, details);
  if (code !== null && (RATE_LIMIT_CODES.has(code) || isBucCode(code) || code === 368)) {
    return new PlatformError("rate_limited", message, {
      ...details,
      retryAfterSeconds: usageWaitSeconds(response.headers) ?? DEFAULT_RATE_WAIT_SECONDS,
    });
  }
  if (code === 506) return new PlatformError("duplicate", message, details);
  // 9007 / 2207027: the container is not ready yet.
  if (code === 9007) return new PlatformError("transient", message, { ...details, retryAfterSeconds: 30 });
  if (code === 1 || code === 2 || error.is_transient === true || response.status >= 500) {
    return new PlatformError(kind === "create" ? "uncertain" : "transient", message, details);
  }
  if (response.status === 429) {
    return classifyStatus(response, kind, message, {
      code: details.code,
      retryAfterSeconds: usageWaitSeconds(response.headers),
    });
  }
  return new PlatformError("permanent", message, details);
}

export interface GraphCall {
  method?: "GET" | "POST" | "DELETE";
  /** Sent as a form body for POST, as the query otherwise. */
  params?: Record<string, string | number | boolean | null | undefined>;
  token: string;
  kind: CallKind;
}

/**
 * One call to `ctx.api` + `path` with the token as a bearer header (never in the URL, so it stays
 * out of logs); `what` names it in errors ("Instagram container: …").
 */
export async function graph(
  ctx: GraphContext,
  what: string,
  path: string,
  { method = "GET", params = {}, token, kind }: GraphCall,
): Promise<Json> {
  const target = new URL(`${ctx.api}${path}`);
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null) continue;
    if (method === "POST") body.set(key, String(value));
    else target.searchParams.set(key, String(value));
  }
  const response = await call(target.toString(), {
    method,
    headers: { authorization: `Bearer ${token}` },
    body: method === "POST" ? body : null,
    kind,
    timeoutMs: ctx.options.timeoutMs,
  });
  if (response.status >= 400 || isRecord(asRecord(response.body).error)) {
    throw graphError(response, kind, `${ctx.label} ${what}`);
  }
  return asRecord(response.body);
}

/** The path of a Graph object (a post, a container) by id. */
export const objectPath = (id: string) => `/${encodeURIComponent(id)}`;

/**
 * A token endpoint that answers GET with its parameters in the query, as Meta documents it (code
 * exchange and long-lived tokens; the client secret or the token itself is among them).
 */
export async function graphTokenGet(
  ctx: GraphContext,
  url: string,
  query: Record<string, string>,
  what: string,
): Promise<TokenSet> {
  const target = new URL(url);
  for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
  const response = await call(target.toString(), { kind: "write", timeoutMs: ctx.options.timeoutMs });
  if (response.status >= 400) throw graphError(response, "write", `${ctx.label} ${what}`);
  return tokenSetFrom(response.body);
}

/** Graph's "no such object" (code 100/33, or a 404): the post was deleted or never existed. */
export const isGone = (error: unknown): boolean =>
  error instanceof PlatformError && (error.code === "100/33" || error.status === 404);

/** Deletes a Graph object; one that is already gone counts as deleted. */
export async function graphDelete(ctx: GraphContext, id: string, token: string): Promise<void> {
  try {
    await graph(ctx, "delete", objectPath(id), { method: "DELETE", token, kind: "write" });
  } catch (error) {
    if (isGone(error)) return;
    throw error;
  }
}

/** A published post's permalink; the post exists even when this read fails: a failure is a missing URL. */
export async function graphPermalink(ctx: GraphContext, token: string, id: string): Promise<string | null> {
  try {
    const body = await graph(ctx, "post", objectPath(id), {
      token,
      kind: "read",
      params: { fields: "permalink" },
    });
    return str(body.permalink);
  } catch {
    return null;
  }
}

/** `{data:[{name, values:[{value}]}]}` (Graph insights) → `{name: value}`. */
export function insightValues(body: Json): Record<string, number> {
  const values: Record<string, number> = {};
  for (const item of list(body.data)) {
    const record = asRecord(item);
    const name = str(record.name);
    const first = asRecord(list(record.values)[0]);
    const value = num(first.value) ?? num(record.total_value && asRecord(record.total_value).value);
    if (name && value !== null) values[name] = value;
  }
  return values;
}

/** `GET /{id}/insights?metric=…` read into `{name: value}`. */
export async function graphInsights(
  ctx: GraphContext,
  token: string,
  id: string,
  metrics: string,
): Promise<Record<string, number>> {
  const body = await graph(ctx, "insights", `${objectPath(id)}/insights`, {
    token,
    kind: "read",
    params: { metric: metrics },
  });
  return insightValues(body);
}

/** Posts one `fetchMetrics` call measures on Facebook, Instagram and Threads. */
export const GRAPH_METRICS_BATCH = 25;
/** Per-post reads under way at once: Graph counts every call against the usage buckets. */
const GRAPH_READS = 4;

/**
 * Measures each post with its own Graph reads (our contract has no batch call for insights), a few
 * at a time. A post Graph says is gone is null; any other failure (throttling, an expired token, a
 * 5xx) fails the batch, and no further post is asked once one has failed.
 */
export async function graphMeasure(
  ctx: GraphContext,
  platformPostIds: readonly string[],
  measure: (id: string) => Promise<PostMetrics>,
): Promise<Map<string, PostMetrics | null>> {
  const ids = batchIds(platformPostIds, GRAPH_METRICS_BATCH, ctx.label);
  const results = await eachLimited(ids, GRAPH_READS, async (id) => {
    try {
      return await measure(id);
    } catch (error) {
      if (isGone(error)) return null;
      throw error;
    }
  });
  return new Map(ids.map((id, i) => [id, results[i] ?? null]));
}

/** Graph times (`2026-11-30T10:00:00+0000`) in milliseconds. */
export function graphTime(value: unknown): number | null {
  const text = str(value);
  if (!text) return null;
  const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(ms) ? null : ms;
}

/** The oldest of `items` whose `field` is `text` as platforms give it back: what our first attempt made. */
export function oldestMatching(
  items: unknown,
  field: string,
  timeField: string,
  text: string,
): Json | undefined {
  const wanted = normaliseForMatch(text);
  return list(items)
    .map(asRecord)
    .filter((item) => normaliseForMatch(str(item[field]) ?? "") === wanted)
    .sort((a, b) => (graphTime(a[timeField]) ?? 0) - (graphTime(b[timeField]) ?? 0))[0];
}
