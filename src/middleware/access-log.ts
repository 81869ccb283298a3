import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";

/** One structured line per request, written after the response is known. */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async function accessLog(c, next) {
    const logger = c.get("logger");
    if (!logger?.enabled("info")) return next();
    const started = Date.now();
    await next();
    logger.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Date.now() - started,
      colo: (c.req.raw.cf as { colo?: string } | undefined)?.colo,
    });
  };
}
