/**
 * `/embed/v1/*`: the embed script (`public/embed/v1/guddu.js`, from the static-assets binding). The
 * Worker answers first (wrangler.toml `run_worker_first`) to add what a cross-origin module script
 * needs (CORS) and how long to keep it: not immutable, since the path stays the same across releases.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { NotFoundError } from "../../errors.ts";

export function registerEmbed(app: OpenAPIHono<AppEnv>) {
  app.get("/embed/v1/:file{[a-z0-9-]+\\.js}", async (c) => {
    const asset = await c.get("config").ASSETS.fetch(new URL(c.req.path, c.req.url));
    if (!asset.ok) throw new NotFoundError("route_not_found", `No route for GET ${c.req.path}.`);
    const headers = new Headers(asset.headers);
    headers.set("content-type", "text/javascript; charset=utf-8");
    headers.set("access-control-allow-origin", "*");
    headers.set("cache-control", "public, max-age=300, stale-while-revalidate=86400");
    headers.set("x-content-type-options", "nosniff");
    return new Response(asset.body, { status: 200, headers });
  });
}
