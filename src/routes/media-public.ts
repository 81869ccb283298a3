/**
 * `GET /media/public/{token}`: the bytes of one media asset, for platforms that fetch media from a URL
 * (Facebook, Instagram, Threads). The token is a purpose-bound JWT minted for one publish attempt
 * (services/publishing/media.ts): it opens exactly that file until it expires (one database round
 * trip, then R2). An invalid or expired token, or an asset under embargo, is 404 `media_link_invalid`.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { openMediaLink } from "../services/publishing/media.ts";
import { publicRoute } from "./define.ts";
import { errorResponses } from "./openapi.ts";
import { SignedLinkParams } from "./v1/common.ts";
import { BinarySchema } from "./v1/media/schema.ts";

export const publicMediaRoute = publicRoute({
  method: "get",
  path: "/media/public/{token}",
  tags: ["Publishing"],
  summary: "A media file behind a signed, expiring link (for platforms that fetch media)",
  request: {
    params: SignedLinkParams,
  },
  responses: {
    200: {
      description: "The file",
      headers: { "Content-Length": { schema: { type: "integer" as const } } },
      content: { "*/*": { schema: BinarySchema } },
    },
    ...errorResponses(404),
  },
});

export function registerPublicMedia(app: OpenAPIHono<AppEnv>) {
  app.openapi(publicMediaRoute, async (c) => {
    const { mimeType, object } = await openMediaLink(
      c.get("config"),
      c.get("db"),
      c.req.valid("param").token,
      new Date(),
    );
    c.header("content-type", mimeType);
    c.header("content-length", String(object.size));
    c.header("etag", object.httpEtag);
    // The link is the secret: shared caches must not keep the file past it.
    c.header("cache-control", "private, max-age=3600");
    c.header("x-content-type-options", "nosniff");
    return c.body(object.body, 200);
  });
}
