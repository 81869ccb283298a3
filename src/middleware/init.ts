import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { createDb } from "../db/client.ts";
import { loadConfig } from "../env.ts";
import { createLogger } from "../platform/logger.ts";

/**
 * Builds what every handler needs from the bindings: the validated config, a logger tagged with the
 * request id, and the per-request database client (no I/O until the first query).
 */
export function init(): MiddlewareHandler<AppEnv> {
  return async function init(c, next) {
    const config = loadConfig(c.env);
    c.set("config", config);
    c.set("logger", createLogger(config.LOG_LEVEL, { request_id: c.get("requestId") }));
    c.set("db", createDb(config));
    await next();
  };
}
