/** Reading the public API: no cookies, no custom headers (so no CORS preflight), never a stale cache. */

/** The API's origin when an element names none: the origin the script was loaded from. */
const scriptOrigin = new URL(import.meta.url).origin;

/** An event's public key: 12 letters or digits (anything else never reaches a URL). */
export const EVENT_KEY = /^[A-Za-z0-9]{12}$/;

export function apiOrigin(attribute: string | null): string {
  try {
    return attribute ? new URL(attribute).origin : scriptOrigin;
  } catch {
    return scriptOrigin;
  }
}

export class ReadError extends Error {
  readonly status: number;
  /** Seconds, when the API said (`Retry-After`, readable only if the API exposes it). */
  readonly retryAfter: number | null;

  constructor(status: number, code: string | null, retryAfter: number | null) {
    super(code ?? `HTTP ${status}`);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/**
 * GETs JSON. `cache: "no-cache"` makes the browser revalidate with its stored ETag instead of serving
 * an answer up to `max-age` old: a widget told by the live channel that something changed must see it.
 */
export async function readJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "omit", cache: "no-cache" });
  } catch {
    throw new ReadError(0, null, null);
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { code?: unknown } | null;
    const retryAfter = Number(response.headers.get("retry-after"));
    throw new ReadError(
      response.status,
      typeof problem?.code === "string" ? problem.code : null,
      retryAfter > 0 ? retryAfter : null,
    );
  }
  return (await response.json()) as T;
}

/** An image the API serves, made absolute; any other origin is refused so the page never calls a third party. */
export function apiImage(api: string, path: string | null | undefined): string | null {
  if (!path) return null;
  try {
    const url = new URL(path, api);
    return url.origin === api ? url.href : null;
  } catch {
    return null;
  }
}

/** A post's address on its platform: http(s) only, since a `javascript:` URL in a post would run on the page. */
export function webLink(href: string | null | undefined): string | null {
  try {
    const url = new URL(href ?? "");
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
