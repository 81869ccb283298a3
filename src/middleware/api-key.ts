/**
 * Requests made with an API key (`Authorization: Bearer gk_live_…`) instead of a user's access
 * token: the key is checked in one round trip (services/api-keys/authenticate.ts), the request is
 * counted against the key's budget, and the request then acts as the key: its permissions, its
 * organisation, its event scope, and audit rows that name the key.
 */
import type { Context, Next } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ForbiddenError, OrganizationClosingError, RateLimitedError } from "../errors.ts";
import { authenticateApiKey, type RateWindow } from "../services/api-keys/authenticate.ts";
import type { Permission } from "../services/auth/permissions.ts";
import type { ServiceContext } from "../services/context.ts";

/** The IETF draft's names (draft-ietf-httpapi-ratelimit-headers): the budget, what is left, seconds to reset. */
function setRateLimitHeaders(c: Context<AppEnv>, window: RateWindow) {
  c.header("ratelimit-limit", String(window.limit));
  c.header("ratelimit-remaining", String(window.remaining));
  c.header("ratelimit-reset", String(window.resetSeconds));
}

/**
 * Authenticates `key`, then: 429 `rate_limited` past the budget (with `Retry-After` and the
 * RateLimit headers), 403 `missing_permission` without `permission`, 403 `api_key_not_allowed` on
 * an operation only people may call. Every answer to a counted request carries the RateLimit headers.
 */
export async function apiKeyRequest(
  c: Context<AppEnv>,
  next: Next,
  base: ServiceContext,
  key: string,
  required: { permission: Permission; keysAllowed: boolean; writes: boolean },
): Promise<void> {
  const { permission, keysAllowed, writes } = required;
  const { grant, window } = await authenticateApiKey(base, key, base.config.API_KEY_RATE_LIMIT);
  setRateLimitHeaders(c, window);
  if (window.exceeded) throw new RateLimitedError(window.resetSeconds);
  if (!grant.permissions.has(permission)) {
    throw new ForbiddenError("missing_permission", `This API key lacks the "${permission}" permission.`);
  }
  if (!keysAllowed) {
    throw new ForbiddenError(
      "api_key_not_allowed",
      "Only a signed-in user may do this (x-api-keys: false); API keys cannot.",
    );
  }
  // The key's check read the organisation's status: a closing one's writes stop here, for free.
  if (writes && grant.closing) throw new OrganizationClosingError();
  c.set("tenant", {
    ...base,
    organizationId: grant.organizationId,
    actor: { type: "api_key", keyId: grant.keyId, permissions: grant.permissions, eventId: grant.eventId },
    ...(grant.eventId ? { eventScope: [grant.eventId] } : {}),
  });
  await next();
  // The handler's own response (or its problem) replaced the one the headers were set on.
  setRateLimitHeaders(c, window);
}
