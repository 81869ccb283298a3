import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { USER_ROLES, type UserRole } from "../db/schema/users.ts";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import { InvalidTokenError, verifyAccessToken } from "../platform/jwt.ts";
import { isApiKeyToken } from "../services/api-keys/secret.ts";
import { effectivePermissions, type Permission } from "../services/auth/permissions.ts";
import { ACCESS_TOKEN_AUDIENCE } from "../services/auth/tokens.ts";
import type { RequestFacts, ServiceContext } from "../services/context.ts";
import { apiKeyRequest } from "./api-key.ts";

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
 * @example createRoute({ ..., middleware: [requirePermission("users:read")] })
 */
export function requirePermission(
  permission: Permission,
  options: { apiKeys?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async function requirePermission(c, next) {
    const header = c.req.header("authorization");
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1])
      throw new UnauthorizedError("unauthenticated", "Send an access token: Authorization: Bearer <token>.");
    if (isApiKeyToken(match[1])) {
      return apiKeyRequest(c, next, serviceContext(c), match[1], {
        permission,
        keysAllowed: options.apiKeys !== false,
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
    c.set("tenant", {
      ...serviceContext(c),
      organizationId: claims.org,
      actor: { type: "user", userId: claims.sub, role, permissions },
    });
    await next();
  };
}
