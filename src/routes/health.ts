import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { checkDatabase } from "../services/health/check-database.ts";
import { errorResponses } from "./openapi.ts";

const HealthSchema = z
  .object({
    status: z.literal("ok"),
    database: z.literal("ok"),
    database_latency_ms: z.number().int(),
  })
  .openapi("Health");

export const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["System"],
  summary: "Liveness and database reachability",
  responses: {
    200: {
      description: "The Worker and its database answer",
      content: { "application/json": { schema: HealthSchema } },
    },
    ...errorResponses(503),
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(healthRoute, async (c) => {
    const { latencyMs } = await checkDatabase(c.get("db"));
    c.header("cache-control", "no-store");
    return c.json({ status: "ok" as const, database: "ok" as const, database_latency_ms: latencyMs }, 200);
  });
}
