/**
 * `/docs`: the interactive API reference (Scalar), rendered in the browser from `/openapi.json`. Its
 * script is one of the Worker's static assets (public/docs/, copied from `@scalar/api-reference` by
 * scripts/docs-assets.ts), not Scalar's CDN, so the page works offline and calls nobody but us.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "../app-env.ts";
import { NotFoundError } from "../errors.ts";

export const DOCS_SCRIPT_PATH = "/docs/api-reference.js";

export function registerDocs(app: OpenAPIHono<AppEnv>) {
  app.get(
    "/docs",
    Scalar({
      url: "/openapi.json",
      pageTitle: "Guddu API reference",
      // A `cdn` URL makes the page load this one classic script rather than the CDN's module chunks.
      cdn: DOCS_SCRIPT_PATH,
      // Nothing from Scalar's services: the system's fonts, no telemetry, toolbar, AI agent or MCP button.
      withDefaultFonts: false,
      telemetry: false,
      showDeveloperTools: "never",
      agent: { disabled: true },
      mcp: { disabled: true },
    }),
  );
  // The Worker answers first (wrangler.toml `run_worker_first`); the asset's ETag lets a browser
  // revalidate the 4 MB script cheaply after the short max-age.
  app.get(DOCS_SCRIPT_PATH, async (c) => {
    const asset = await c
      .get("config")
      .ASSETS.fetch(new Request(new URL(c.req.path, c.req.url), { headers: c.req.raw.headers }));
    if (asset.status !== 200 && asset.status !== 304) {
      throw new NotFoundError("route_not_found", `No route for GET ${c.req.path}.`);
    }
    const headers = new Headers(asset.headers);
    headers.set("content-type", "text/javascript; charset=utf-8");
    headers.set("cache-control", "public, max-age=3600, stale-while-revalidate=86400");
    headers.set("x-content-type-options", "nosniff");
    return new Response(asset.body, { status: asset.status, headers });
  });
}
