/**
 * `/docs`, the interactive API reference (Scalar), and `/openapi.json`, the document it renders. All
 * three files are the Worker's static assets (public/docs/), built by scripts/docs-assets.ts before
 * every `wrangler dev` and `wrangler deploy`: the page and the document from the code (the bundle
 * carries neither Scalar's renderer nor the document generator), the page's script copied from
 * `@scalar/api-reference`, so the page works offline and calls nobody but us.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ConfigError, NotFoundError } from "../errors.ts";

export const DOCS_SCRIPT_PATH = "/docs/api-reference.js";
/** Where the assets are: the document and the page are reachable only through their routes. */
export const OPENAPI_DOCUMENT_ASSET = "/docs/openapi.json";
export const DOCS_PAGE_ASSET = "/docs/reference.html";

/** What scripts/docs-assets.ts renders the page from, with `@scalar/hono-api-reference`. */
export const DOCS_PAGE = {
  url: "/openapi.json",
  pageTitle: "Guddu API reference",
  // A `cdn` URL makes the page load this one classic script rather than the CDN's module chunks.
  cdn: DOCS_SCRIPT_PATH,
  // Nothing from Scalar's services: the system's fonts, no telemetry, toolbar, AI agent or MCP button.
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: "never" as const,
  agent: { disabled: true },
  mcp: { disabled: true },
};

/** One of the docs' assets with our headers; the request's validators pass on, so a 304 can come back. */
async function serveAsset(
  c: Context<AppEnv>,
  assetPath: string,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  const asset = await c
    .get("config")
    .ASSETS.fetch(new Request(new URL(assetPath, c.req.url), { headers: c.req.raw.headers }));
  if (asset.status !== 200 && asset.status !== 304) return undefined;
  const merged = new Headers(asset.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(asset.body, { status: asset.status, headers: merged });
}

/** A deploy without them skipped the build step: our mistake, not the caller's. */
const missing = (assetPath: string) =>
  new ConfigError(`public${assetPath} is missing: run \`node scripts/docs-assets.ts\` before deploying.`);

export function registerDocs(app: OpenAPIHono<AppEnv>) {
  app.get("/openapi.json", async (c) => {
    const response = await serveAsset(c, OPENAPI_DOCUMENT_ASSET, {
      "content-type": "application/json",
      "cache-control": "public, max-age=300",
    });
    if (!response) throw missing(OPENAPI_DOCUMENT_ASSET);
    return response;
  });
  app.get("/docs", async (c) => {
    const response = await serveAsset(c, DOCS_PAGE_ASSET, { "content-type": "text/html; charset=UTF-8" });
    if (!response) throw missing(DOCS_PAGE_ASSET);
    return response;
  });
  // The Worker answers first (wrangler.toml `run_worker_first`); the asset's ETag lets a browser
  // revalidate the 4 MB script cheaply after the short max-age.
  app.get(DOCS_SCRIPT_PATH, async (c) => {
    const response = await serveAsset(c, DOCS_SCRIPT_PATH, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
      "x-content-type-options": "nosniff",
    });
    if (!response) throw new NotFoundError("route_not_found", `No route for GET ${c.req.path}.`);
    return response;
  });
}
