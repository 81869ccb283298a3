import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { serviceContext } from "../../../middleware/auth.ts";
import { endSession, refreshSession } from "../../../services/auth/sessions.ts";
import { publicRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { TokenPairSchema } from "./schema.ts";

const RefreshBody = z
  .strictObject({ refresh_token: z.string().min(1).max(200) })
  .openapi("RefreshRequest", { example: { refresh_token: "grt_…" } });

export const refreshRoute = publicRoute({
  method: "post",
  path: "/v1/auth/refresh",
  tags: ["Auth"],
  summary: "Rotate the refresh token; a spent one ends its whole session",
  request: { body: { required: true, content: { "application/json": { schema: RefreshBody } } } },
  responses: {
    200: { description: "A new pair", content: { "application/json": { schema: TokenPairSchema } } },
    ...errorResponses(401),
  },
});

export const logoutRoute = publicRoute({
  method: "post",
  path: "/v1/auth/logout",
  tags: ["Auth"],
  summary: "End the session of this refresh token",
  request: { body: { required: true, content: { "application/json": { schema: RefreshBody } } } },
  responses: { 204: { description: "Signed out (also when the token was unknown or already ended)" } },
});

export function registerRefresh(app: OpenAPIHono<AppEnv>) {
  app.openapi(refreshRoute, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await refreshSession(serviceContext(c), c.req.valid("json").refresh_token), 200);
  });
  app.openapi(logoutRoute, async (c) => {
    await endSession(serviceContext(c), c.req.valid("json").refresh_token);
    return c.body(null, 204);
  });
}
