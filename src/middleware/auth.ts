import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { USER_ROLES, type UserRole } from "../db/schema/users.ts";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import { InvalidTokenError, verifyAccessToken } from "../platform/jwt.ts";
import { isApiKeyToken } from "../services/api-keys/secret.ts";
import { effectivePermissions, ORGANIZATION_WIDE, type Permission } from "../services/auth/permissions.ts";
import { ACCESS_TOKEN_AUDIENCE } from "../services/auth/tokens.ts";
import type { RequestFacts, ServiceContext } from "../services/context.ts";
import { apiKeyRequest } from "./api-key.ts";

/** Methods that only read: a closing organisation still answers them. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The request facts the audit trail records. */
export function requestFacts(c: Context<AppEnv>): RequestFacts {
  return {
    ip: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent")?.slice(0, 512) ?? null,
  };
}

/** The context of a service call that has no signed-in user yet (sign-up, sign-in). */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  return {
    db: c.get("db"),
    config: c.get("config"),
    request: requestFacts(c),
    now: () => new Date(),
  };
}

/**
 * Authenticates the bearer token (a stateless check, no database round trip) and requires one
 * permission. Sets `c.var.tenant`: the organisation and actor every service call of the request uses.
 * A bearer token starting `gk_` is an API key (middleware/api-key.ts: one round trip); `apiKeys:
 * false` keeps an operation to signed-in users.
 *
 * A user's access window and events (services/auth/access.ts) cost no round trip either: the token
 * stops at its `until` (401 `access_ended`), a user limited to events gets 403 `limited_to_events`
 * on organisation-wide operations and their events as the request's event scope, and every batch of
 * the request checks that the token's access version still holds (db/tenant.ts).
 *
 * A closing organisation takes no writes (409 `organization_closing`): a key's check reads its status
 * anyway; a user's writes check it in each batch's first statement (db/tenant.ts). `whileClosing`
 * lets an operation write all the same (cancelling the closure, exporting).
 *
 * @example createRoute({ ..., middleware: [requirePermission("users:read")] })
 */
export function requirePermission(
  permission: Permission,
  options: { apiKeys?: boolean; whileClosing?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async function requirePermission(c, next) {
    const writes = options.whileClosing !== true && !READ_METHODS.has(c.req.method);
    const header = c.req.header("authorization");
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1])
      throw new UnauthorizedError("unauthenticated", "Send an access token: Authorization: Bearer <token>.");
    if (isApiKeyToken(match[1])) {
      return apiKeyRequest(c, next, serviceContext(c), match[1], {
        permission,
        keysAllowed: options.apiKeys !== false,
        writes,
      });
    }
    const config = c.get("config");
    let claims: Awaited<ReturnType<typeof verifyAccessToken>>;
    try {
      claims = await verifyAccessToken(config.JWT_PRIVATE_KEYS, match[1], {
        issuer: config.PUBLIC_BASE_URL,
        audience: ACCESS_TOKEN_AUDIENCE,
      });
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw error.reason === "expired"
          ? new UnauthorizedError("token_expired", "The access token has expired; refresh it.")
          : new UnauthorizedError("invalid_token", "The access token is not valid.");
      }
      throw error;
    }
    const base = serviceContext(c);
    // Exactly at the end of the user's access, whatever `exp` and its clock tolerance say.
    const until = claims.until === undefined ? undefined : Math.round(claims.until * 1000);
    if (until !== undefined && base.now().getTime() >= until) {
      throw new UnauthorizedError("access_ended", `Your access ended at ${new Date(until).toISOString()}.`);
    }
    const role = claims.role as UserRole;
    if (!USER_ROLES.includes(role))
      throw new UnauthorizedError("invalid_token", "The access token is not valid.");
    const permissions = effectivePermissions(role, {
      grant: claims.perms?.add ?? [],
      revoke: claims.perms?.remove ?? [],
    });
    if (!permissions.has(permission)) {
      throw new ForbiddenError("missing_permission", `This needs the "${permission}" permission.`);
    }
    const eventScope = claims.evs;
    if (eventScope) {
      if (ORGANIZATION_WIDE.has(permission)) {
        throw new ForbiddenError(
          "limited_to_events",
          "Your access is limited to some events; this concerns the whole organisation.",
        );
      }
      for (const wide of ORGANIZATION_WIDE) permissions.delete(wide);
    }
    c.set("tenant", {
      ...base,
      organizationId: claims.org,
      actor: { type: "user", userId: claims.sub, role, permissions },
      userAccess: { userId: claims.sub, version: claims.av ?? 0 },
      ...(eventScope ? { eventScope } : {}),
      ...(writes ? { closingGuard: true } : {}),
    });
    await next();
  };
}
