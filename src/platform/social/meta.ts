/**
 * What Facebook Pages, Instagram and Threads share: Graph calls, Graph error codes classified
 * (platforms.md §3), the usage headers read into a wait, Graph insights read into numbers, and the
 * container flow of Instagram and Threads (create, poll, publish; the container id saved first).
 */
import {
  asRecord,
  type CallKind,
  call,
  classifyStatus,
  isRecord,
  type Json,
  list,
  num,
  type PlatformResponse,
  pollUntil,
  type ResolvedOptions,
  responseRecord,
  str,
} from "./http.ts";
import { PlatformError, type PublishProgress } from "./types.ts";

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

/** One Graph call with the token as a bearer header (never in the URL, so it stays out of logs). */
export async function graph(
  options: ResolvedOptions,
  label: string,
  url: string,
  { method = "GET", params = {}, token, kind }: GraphCall,
): Promise<Json> {
  const target = new URL(url);
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
    timeoutMs: options.timeoutMs,
  });
  if (response.status >= 400 || isRecord(asRecord(response.body).error)) {
    throw graphError(response, kind, label);
  }
  return asRecord(response.body);
}

/** Deletes a Graph object; one that is already gone (code 100/33, or 404) counts as deleted. */
export async function graphDelete(options: ResolvedOptions, label: string, url: string, token: string) {
  try {
    await graph(options, `${label} delete`, url, { method: "DELETE", token, kind: "write" });
  } catch (error) {
    if (error instanceof PlatformError && (error.code === "100/33" || error.status === 404)) return;
    throw error;
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

/** Graph times (`2026-11-30T10:00:00+0000`) in milliseconds. */
export function graphTime(value: unknown): number | null {
  const text = str(value);
  if (!text) return null;
  const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(ms) ? null : ms;
}

/** A container's state as Instagram (`status_code`) and Threads (`status`) report it. */
export type ContainerStatus = "IN_PROGRESS" | "FINISHED" | "ERROR" | "EXPIRED" | "PUBLISHED";

export interface ContainerWatch {
  options: ResolvedOptions;
  label: string;
  /** Reads a container's status (and its error message, for ERROR). */
  status(containerId: string): Promise<{ status: ContainerStatus; detail: string | null }>;
}

export interface ContainerFlow<Ref> extends ContainerWatch {
  /** Creates the container(s) for the post; answers the one to publish. */
  create(): Promise<string>;
  /** Publishes a FINISHED container: the post's id. */
  publish(containerId: string): Promise<Ref>;
  /** The published post among the account's recent ones (containers do not name the post they became). */
  findSince(sinceMs: number): Promise<Ref | null>;
}

function savedContainer(progress: PublishProgress): { containerId: string | null; sentAt: number | null } {
  const previous = progress.previous ?? {};
  return { containerId: str(previous.containerId), sentAt: num(previous.sentAt) };
}

/**
 * Waits (bounded) until a container can be published or is already published. EXPIRED (not
 * published within 24 h) answers null: make a new one. ERROR is the platform refusing the media.
 */
export async function awaitContainer(
  flow: ContainerWatch,
  containerId: string,
): Promise<"FINISHED" | "PUBLISHED" | null> {
  const state = await pollUntil(flow.options, `${flow.label} container ${containerId}`, async () => {
    const { status, detail } = await flow.status(containerId);
    if (status === "ERROR") {
      throw new PlatformError(
        "permanent",
        `${flow.label} could not process the media: ${detail ?? "ERROR"}`,
        {
          code: detail ?? "ERROR",
        },
      );
    }
    return status === "IN_PROGRESS" ? null : status;
  });
  return state === "EXPIRED" ? null : state;
}

const SKEW_MS = 5 * 60_000;

async function foundOrWait<Ref>(flow: ContainerFlow<Ref>, sentAt: number | null): Promise<Ref> {
  const found = await flow.findSince((sentAt ?? Date.now() - 86_400_000) - SKEW_MS);
  if (found) return found;
  throw new PlatformError(
    "transient",
    `${flow.label} reports the container published but lists no such post yet`,
    {
      code: "published_not_listed",
      retryAfterSeconds: 30,
    },
  );
}

/**
 * Instagram and Threads publishing. The container id is saved as soon as it exists, so a retry
 * resumes it: FINISHED → publish it (never a second container), PUBLISHED → find the post, EXPIRED
 * → a new container. `sentAt` is saved before `publish`, bounding the search for the post later.
 */
export async function publishThroughContainer<Ref>(
  flow: ContainerFlow<Ref>,
  progress: PublishProgress,
): Promise<Ref> {
  const saved = savedContainer(progress);
  let containerId = saved.containerId;
  let state = containerId ? await awaitContainer(flow, containerId) : null;
  if (state === "PUBLISHED") return foundOrWait(flow, saved.sentAt);
  if (!containerId || state === null) {
    containerId = await flow.create();
    await progress.save({ containerId });
    state = await awaitContainer(flow, containerId);
    if (state !== "FINISHED") {
      throw new PlatformError(
        "transient",
        `${flow.label} container ${containerId} expired before publishing`,
      );
    }
  }
  const sentAt = saved.sentAt ?? Date.now();
  await progress.save({ containerId, sentAt });
  return flow.publish(containerId);
}

/** After an uncertain publish: the post when the saved container says PUBLISHED, else null (safe to publish). */
export async function findThroughContainer<Ref>(
  flow: ContainerFlow<Ref>,
  progress: PublishProgress,
): Promise<Ref | null> {
  const saved = savedContainer(progress);
  if (!saved.containerId) return null;
  const { status } = await flow.status(saved.containerId);
  return status === "PUBLISHED" ? foundOrWait(flow, saved.sentAt) : null;
}

/**
 * Carousel items, each waited for until FINISHED. Their ids are saved as soon as they exist, so a
 * retry (after a slow video item, say) reuses them instead of making new ones.
 */
export async function carouselChildren<M>(
  watch: ContainerWatch,
  progress: PublishProgress,
  media: readonly M[],
  createChild: (item: M) => Promise<string>,
): Promise<string[]> {
  const saved = list(progress.previous?.childIds)
    .map(str)
    .filter((id): id is string => id !== null);
  let ids = saved.length === media.length ? saved : [];
  for (const id of ids) {
    if ((await awaitContainer(watch, id)) !== "FINISHED") {
      ids = [];
      break;
    }
  }
  if (ids.length > 0) return ids;
  for (const item of media) ids.push(await createChild(item));
  await progress.save({ childIds: ids });
  for (const id of ids) {
    if ((await awaitContainer(watch, id)) !== "FINISHED") {
      throw new PlatformError("transient", `${watch.label} carousel item ${id} expired before use`);
    }
  }
  return ids;
}
