import { and, eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { idempotencyKeys } from "../db/schema/idempotency-keys.ts";
import { type IdempotencyClaim, IdempotencyKeyInUse, inTenant } from "../db/tenant.ts";
import { BadRequestError, ConflictError, UnprocessableError } from "../errors.ts";
import type { TenantContext } from "../services/context.ts";
import { problemResponse } from "./problem.ts";

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Response headers a replay repeats. */
const REPLAYED_HEADERS = ["content-type", "etag", "location"];

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * What identifies a request's body. JSON bodies (at most MAX_JSON_BODY_BYTES, see jsonBody) are
 * read whole; raw uploads stream straight to storage and are never held in memory, so they are
 * identified by what describes their bytes (type, length, query) instead of the bytes.
 */
async function fingerprint(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (JSON_TYPE.test(type.split(";")[0]?.trim() ?? "")) return request.clone().text();
  return `${type}\n${request.headers.get("content-length") ?? ""}\n${new URL(request.url).search}`;
}

const row = (ctx: TenantContext, claim: IdempotencyClaim) =>
  and(eq(idempotencyKeys.organizationId, ctx.organizationId), eq(idempotencyKeys.key, claim.key));

/** What a request whose key was already taken gets: the first response, a 422, or a 409. */
async function replay(
  ctx: TenantContext,
  claim: IdempotencyClaim,
): Promise<Response | ConflictError | UnprocessableError> {
  const { rows } = await inTenant({ db: ctx.db, organizationId: ctx.organizationId }, (db) => ({
    rows: db.select().from(idempotencyKeys).where(row(ctx, claim)),
  }));
  const stored = rows[0];
  if (stored && (stored.requestHash !== claim.hash || stored.requestMethod !== claim.method)) {
    return new UnprocessableError(
      "idempotency_key_reused",
      "This Idempotency-Key was used for a different request; use a new key.",
    );
  }
  if (stored?.status !== "completed" || stored.responseStatus === null) {
    return new ConflictError(
      "idempotency_request_in_progress",
      "A request with this Idempotency-Key is still being processed; retry shortly.",
    );
  }
  const headers = new Headers(stored.responseHeaders ?? {});
  headers.set("idempotent-replayed", "true");
  const empty = stored.responseStatus === 204 || stored.responseStatus === 304 || !stored.responseBody;
  return new Response(empty ? null : stored.responseBody, { status: stored.responseStatus, headers });
}

/**
 * `Idempotency-Key` on POST: the key is claimed in the same transaction as the request's first
 * write (see `inTenant`), the response is stored after it, and a retry with the same key and body
 * gets the stored response (`Idempotent-Replayed: true`). The same key with another body is 422; a
 * retry while the first is still running is 409. Keys expire after 24 hours. A server error frees the
 * key, so the retry runs for real. Runs after `requirePermission`.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    const key = c.req.header("idempotency-key");
    if (key === undefined || c.req.method !== "POST") return next();
    if (!KEY.test(key)) {
      throw new BadRequestError(
        "invalid_idempotency_key",
        "Idempotency-Key must be 1–255 visible ASCII characters.",
      );
    }
    const ctx = c.get("tenant");
    const path = new URL(c.req.url).pathname;
    const body = c.req.raw.body ? await fingerprint(c.req.raw) : "";
    const claim: IdempotencyClaim = {
      key,
      method: c.req.method,
      path,
      hash: await sha256(`${c.req.method} ${path}\n${body}`),
      claimed: false,
    };
    ctx.idempotency = claim;

    await next();

    if (c.error instanceof IdempotencyKeyInUse) {
      const answer = await replay(ctx, claim);
      c.res = answer instanceof Response ? answer : problemResponse(c, answer);
      return;
    }
    if (!claim.claimed) return;
    const scope = { db: ctx.db, organizationId: ctx.organizationId };
    if (c.res.status >= 500) {
      await inTenant(scope, (db) => ({ released: db.delete(idempotencyKeys).where(row(ctx, claim)) }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = c.res.headers.get(name);
      if (value) headers[name] = value;
    }
    const responseBody = c.get("replayBody") ?? (await c.res.clone().text());
    await inTenant(scope, (db) => ({
      stored: db
        .update(idempotencyKeys)
        .set({ status: "completed", responseStatus: c.res.status, responseHeaders: headers, responseBody })
        .where(row(ctx, claim)),
    }));
  };
}
