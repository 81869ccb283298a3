/** Builds the HTTP app: middleware, error handling, routes and the OpenAPI document. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { AppEnv } from "./app-env.ts";
import { pgError } from "./db/errors.ts";
import { IdempotencyKeyInUse } from "./db/tenant.ts";
import { AppError, ConfigError, ConflictError, ForbiddenError, NotFoundError, titleOf } from "./errors.ts";
import { accessLog } from "./middleware/access-log.ts";
import { init } from "./middleware/init.ts";
import { jsonBody } from "./middleware/json-body.ts";
import { fromHttpException, problemResponse } from "./middleware/problem.ts";
import { validationHook } from "./middleware/validation.ts";
import { createLogger } from "./platform/logger.ts";
import { IDEMPOTENCY_KEY_PARAMETER } from "./routes/define.ts";
import { registerDocs } from "./routes/docs.ts";
import { registerHealth } from "./routes/health.ts";
import { registerPing } from "./routes/ping.ts";
import { registerV1 } from "./routes/v1/index.ts";

/** What `/openapi.json` is generated from, at build time (scripts/docs-assets.ts; also the tests). */
export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Guddu API",
    version: "0.1.0",
    description:
      "Plan, write, approve, publish and measure the social media of events. Errors are RFC 9457 problem+json with a stable `code`.",
  },
  servers: [{ url: "/" }],
};

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestId({ headerName: "X-Request-Id", generator: () => crypto.randomUUID() }));
  app.use(init());
  app.use(accessLog());
  app.use(
    "/v1/*",
    jsonBody({
      rawBodyPaths: [
        /^\/v1\/events\/[^/]+\/delegates\/import$/,
        /^\/v1\/events\/[^/]+\/sessions\/import$/,
        /^\/v1\/media$/,
        /^\/v1\/media\/uploads\/[^/]+\/parts\/[^/]+$/,
      ],
    }),
  );

  app.onError((error, c) => {
    // A taken Idempotency-Key: the idempotency middleware answers with the replay; not an error.
    if (error instanceof IdempotencyKeyInUse) {
      return problemResponse(c, new ConflictError("idempotency_request_in_progress", "Retry shortly."));
    }
    const known =
      error instanceof AppError
        ? error
        : error instanceof HTTPException
          ? fromHttpException(error)
          : undefined;
    if (known) return problemResponse(c, known);
    // A key limited to one event, or a user limited to some, writing a row outside them: row-level
    // security refused the row.
    const tenant = c.get("tenant");
    if (tenant?.eventScope && pgError(error)?.code === "42501") {
      return problemResponse(
        c,
        tenant.actor.type === "api_key"
          ? new ForbiddenError(
              "outside_api_key_scope",
              "This API key is limited to one event; this is outside it.",
            )
          : new ForbiddenError(
              "outside_event_access",
              "Your access is limited to some events; this is outside them.",
            ),
      );
    }
    const logger = c.get("logger") ?? createLogger("error", { request_id: c.get("requestId") });
    logger.error("unhandled error", { error: error.message, name: error.name, stack: error.stack });
    const code = error instanceof ConfigError ? "configuration_error" : "internal_error";
    return problemResponse(c, new AppError(500, code, titleOf(500), "Something went wrong on our side."));
  });
  app.notFound((c) =>
    problemResponse(c, new NotFoundError("route_not_found", `No route for ${c.req.method} ${c.req.path}.`)),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "A user's access token (a JWT from /v1/auth/login), or an organisation's API key (gk_live_…, from /v1/api-keys) on every operation without x-api-keys: false.",
  });

  app.openAPIRegistry.registerComponent("parameters", "IdempotencyKey", IDEMPOTENCY_KEY_PARAMETER);

  registerPing(app);
  registerHealth(app);
  registerV1(app);

  // `/openapi.json` and `/docs`: the document is built from these routes at build time (scripts/docs-assets.ts).
  registerDocs(app);

  return app;
}

export type App = ReturnType<typeof createApp>;
