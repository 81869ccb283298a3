import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env.ts";
import { PayloadTooLargeError, UnsupportedMediaTypeError } from "../errors.ts";

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * JSON API bodies: a request that carries a body must say it is JSON (else 415) and stay within
 * `MAX_JSON_BODY_BYTES` (else 413, checked while streaming, so a lying Content-Length cannot
 * get past it). Routes that take raw bytes (media uploads) are listed in `rawBodyPaths`.
 *
 * @example app.use("/v1/*", jsonBody({ rawBodyPaths: [/^\/v1\/media\/[^/]+\/content$/] }))
 */
export function jsonBody(options: { rawBodyPaths?: RegExp[] } = {}): MiddlewareHandler<AppEnv> {
  const raw = options.rawBodyPaths ?? [];
  return async function jsonBody(c, next) {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS" || method === "DELETE") return next();
    if (raw.some((pattern) => pattern.test(c.req.path))) return next();
    if (c.req.raw.body === null || c.req.header("content-length") === "0") return next();
    const type = c.req.header("content-type");
    const mediaType = type?.split(";")[0]?.trim() ?? "";
    if (!JSON_TYPE.test(mediaType)) throw new UnsupportedMediaTypeError("application/json", type);
    const limit = c.get("config").MAX_JSON_BODY_BYTES;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new PayloadTooLargeError(limit);
      },
    })(c, next);
  };
}
