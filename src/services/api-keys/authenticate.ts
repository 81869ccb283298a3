/**
 * Checking an API key on a request: one round trip, one statement (`auth_api_key`, migrations/0024)
 * that finds the key by its hash, counts the request in the key's one-minute window and stamps
 * `last_used_at`.
 *
 * Why one round trip before the handler rather than none or a cache: the key's organisation,
 * permissions and event scope must be known before the handler runs (the tenant of every batch,
 * a 403 before anything happens, and some handlers write to R2 or call a Durable Object before their
 * first batch), so the check cannot ride in that batch. A per-isolate cache would still need a read
 * per request for a revocation to count at once, so it would save nothing; reading the row itself
 * every time makes a revocation, an expiry and the budget exact on the very next request.
 *
 * Why the budget is counted in PostgreSQL and not by the Workers rate-limiting binding or a Durable
 * Object: the binding answers only "allowed or not" (no remaining count for `RateLimit-Remaining`)
 * and counts per location; a Durable Object per key would add a subrequest to every call, and would
 * have to be keyed by something an attacker cannot spend for the owner. The row is written on every
 * request anyway (`last_used_at`), the count rides in that same statement under the row's lock, so it
 * is exact across locations, costs nothing more, and only a caller holding the key can spend it.
 */
import { sql } from "drizzle-orm";
import { SIGN_IN_STATUSES } from "../../db/schema/organizations.ts";
import { UnauthorizedError } from "../../errors.ts";
import { isPermission, type Permission } from "../auth/permissions.ts";
import type { ServiceContext } from "../context.ts";
import { hashApiKey, isWellFormedApiKey, sameHash } from "./secret.ts";

/** The window the budget is counted in (the function's `interval '1 minute'`). */
export const RATE_WINDOW_SECONDS = 60;

/** What a checked key may do. */
export interface ApiKeyGrant {
  keyId: string;
  organizationId: string;
  permissions: ReadonlySet<Permission>;
  eventId: string | null;
  /** Its organisation is closing: it may read, not write. */
  closing: boolean;
}

/** Where the key stands in its current window, for the RateLimit-* headers. */
export interface RateWindow {
  limit: number;
  /** Requests left in the window (0 once over the budget). */
  remaining: number;
  /** Seconds until the window starts over (at least 1). */
  resetSeconds: number;
  exceeded: boolean;
}

interface StoredKey {
  id: string;
  organization_id: string;
  secret_hash: string;
  permissions: string[];
  event_id: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  organization_status: string;
  window_started_at: string | null;
  window_requests: number | null;
  checked_at: string;
}

const invalid = () => new UnauthorizedError("invalid_api_key", "The API key is not valid.");

/**
 * The key's grant and its rate window; 401 `invalid_api_key` (malformed or unknown),
 * `api_key_revoked`, `api_key_expired` or `account_disabled` (the organisation is neither active nor
 * closing).
 * `limit` is the budget per window. A malformed key costs no round trip.
 */
export async function authenticateApiKey(
  ctx: ServiceContext,
  key: string,
  limit: number,
): Promise<{ grant: ApiKeyGrant; window: RateWindow }> {
  if (!isWellFormedApiKey(key)) throw invalid();
  const hash = await hashApiKey(key);
  const result = await ctx.db.execute<Record<string, unknown>>(sql`select * from auth_api_key(${hash})`);
  const stored = result.rows[0] as StoredKey | undefined;
  if (!stored || !sameHash(stored.secret_hash, hash)) throw invalid();
  if (stored.revoked_at) throw new UnauthorizedError("api_key_revoked", "This API key was revoked.");
  const now = Date.parse(stored.checked_at);
  if (stored.expires_at && Date.parse(stored.expires_at) <= now) {
    throw new UnauthorizedError("api_key_expired", "This API key has expired.");
  }
  if (!SIGN_IN_STATUSES.includes(stored.organization_status)) {
    throw new UnauthorizedError("account_disabled", "This organisation is deactivated.");
  }
  // Valid when read, yet not counted: a revocation committed in between.
  if (stored.window_requests === null || stored.window_started_at === null) {
    throw new UnauthorizedError("api_key_revoked", "This API key was revoked.");
  }
  const windowEnds = Date.parse(stored.window_started_at) + RATE_WINDOW_SECONDS * 1000;
  return {
    grant: {
      keyId: stored.id,
      organizationId: stored.organization_id,
      permissions: new Set(stored.permissions.filter(isPermission)),
      eventId: stored.event_id,
      closing: stored.organization_status === "closing",
    },
    window: {
      limit,
      remaining: Math.max(0, limit - stored.window_requests),
      resetSeconds: Math.max(1, Math.ceil((windowEnds - now) / 1000)),
      exceeded: stored.window_requests > limit,
    },
  };
}
