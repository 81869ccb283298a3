/**
 * Route definitions. `authedRoute` is how every authenticated operation is declared: it adds the
 * bearer security requirement, the permission check, the 401/403 responses, and records the
 * permission in the OpenAPI document (`x-permission`), which the security tests walk.
 */
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { requirePermission } from "../middleware/auth.ts";
import type { Permission } from "../services/auth/permissions.ts";
import { errorResponses } from "./openapi.ts";

export function authedRoute<R extends RouteConfig>(config: R & { permission: Permission }) {
  const { permission, ...route } = config;
  return createRoute({
    ...route,
    security: [{ bearerAuth: [] }],
    middleware: [requirePermission(permission)],
    "x-permission": permission,
    responses: { ...errorResponses(401, 403), ...route.responses },
  });
}

/** An operation anyone may call (sign-up, sign-in, public widgets): listed so tests know it is meant. */
export function publicRoute<R extends RouteConfig>(config: R) {
  return createRoute({
    ...config,
    "x-public": true,
    responses: { ...errorResponses(), ...config.responses },
  });
}
