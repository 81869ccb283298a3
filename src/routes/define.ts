/**
 * Route definitions. `authedRoute` is how every authenticated operation is declared: it adds the
 * bearer security requirement, the permission check, the 401/403 responses, and records the
 * permission in the OpenAPI document (`x-permission`), which the security tests walk.
 */
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { requirePermission } from "../middleware/auth.ts";
import { idempotency } from "../middleware/idempotency.ts";
import type { Permission } from "../services/auth/permissions.ts";
import { errorResponses } from "./openapi.ts";

/** Registered once in app.ts; every authenticated POST refers to it. */
export const IDEMPOTENCY_KEY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header" as const,
  required: false,
  description:
    "Makes the POST safe to retry: a retry with the same key and body within 24 hours gets the first response (Idempotent-Replayed: true); another body is 422 idempotency_key_reused; a retry while the first still runs is 409.",
  schema: { type: "string" as const, maxLength: 255 },
};
const idempotencyKeyRef = { $ref: "#/components/parameters/IdempotencyKey" };

/**
 * `apiKeys: false`: only a signed-in user may call it (their own account, inbox, approvals, connecting
 * accounts, managing keys); an API key gets 403 `api_key_not_allowed`, and the document says
 * `x-api-keys: false`. Every write answers 409 `organization_closing` while the organisation is
 * closing, except those marked `whileClosing` (cancelling the closure, exporting).
 */
export function authedRoute<R extends RouteConfig>(
  config: R & { permission: Permission; apiKeys?: false; whileClosing?: true },
) {
  const { permission, apiKeys, whileClosing, ...route } = config;
  const frozen = route.method !== "get" && !whileClosing;
  return createRoute({
    ...route,
    security: [{ bearerAuth: [] }],
    middleware: [
      requirePermission(permission, { apiKeys: apiKeys ?? true, whileClosing: whileClosing ?? false }),
      idempotency(),
    ],
    "x-permission": permission,
    ...(apiKeys === false ? { "x-api-keys": false } : {}),
    // Path and query parameters come from `request` schemas; `parameters` carries only this header.
    ...(route.method === "post" ? { parameters: [idempotencyKeyRef] } : {}),
    responses: {
      ...errorResponses(
        401,
        403,
        ...(route.method === "post" ? ([409, 422] as const) : frozen ? ([409] as const) : []),
      ),
      ...route.responses,
    },
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
