import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { errorResponses } from "./openapi.ts";

/** No I/O at all: the baseline the benchmarks compare every endpoint with. */
export const pingRoute = createRoute({
  method: "get",
  path: "/ping",
  tags: ["System"],
  summary: "Liveness without touching the database",
  responses: {
    200: {
      description: "The Worker answers",
      content: { "application/json": { schema: z.object({ pong: z.literal(true) }) } },
    },
    ...errorResponses(),
  },
});

export function registerPing(app: OpenAPIHono<AppEnv>) {
  app.openapi(pingRoute, (c) => c.json({ pong: true as const }, 200));
}
