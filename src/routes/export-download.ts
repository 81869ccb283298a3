/**
 * `GET /exports/download/{token}`: a finished export as one tar file, behind the signed, expiring link
 * `GET /v1/exports/{id}` hands out (services/exports/link.ts). Streamed from R2 with its length
 * known; no database. An invalid or expired link, or an export already deleted, is 404
 * `export_link_invalid`.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.ts";
import { openExportLink } from "../services/exports/link.ts";
import { publicRoute } from "./define.ts";
import { errorResponses } from "./openapi.ts";
import { SignedLinkParams } from "./v1/common.ts";
import { BinarySchema } from "./v1/media/schema.ts";

export const exportDownloadRoute = publicRoute({
  method: "get",
  path: "/exports/download/{token}",
  tags: ["Data lifecycle"],
  summary: "Download a finished export (signed, expiring link)",
  request: {
    params: SignedLinkParams,
  },
  responses: {
    200: {
      description: "The archive: a tar of manifest.json and the files it names",
      headers: { "Content-Length": { schema: { type: "integer" as const } } },
      content: { "application/x-tar": { schema: BinarySchema } },
    },
    ...errorResponses(404),
  },
});

export function registerExportDownload(app: OpenAPIHono<AppEnv>) {
  app.openapi(exportDownloadRoute, async (c) => {
    const download = await openExportLink(c.get("config"), c.req.valid("param").token);
    const { readable, writable } = new FixedLengthStream(download.length);
    const writing = download.write(writable);
    try {
      c.executionCtx.waitUntil(writing);
    } catch {
      // No execution context (a direct call in a test): the stream's reader drives the writes.
    }
    c.header("content-type", "application/x-tar");
    c.header("content-length", String(download.length));
    c.header("content-disposition", `attachment; filename="${download.filename}"`);
    // The link is the secret: no shared cache may keep the archive.
    c.header("cache-control", "private, no-store");
    c.header("x-content-type-options", "nosniff");
    return c.body(readable, 200);
  });
}
