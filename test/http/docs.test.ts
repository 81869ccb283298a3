/**
 * `/docs` loads the API reference's script from the Worker's own static assets, never a CDN (the page
 * rendering offline in Chromium is test/node/docs.test.ts).
 */
import { describe, expect, it } from "vitest";
import { call } from "../support/http.ts";

describe("the API reference at /docs", () => {
  it("loads its one script from our origin and nothing from elsewhere", async () => {
    const response = await call("/docs");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script src="/docs/api-reference.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    // Scalar's own fonts and telemetry stay off.
    expect(html).toMatch(/"withDefaultFonts": false/);
    expect(html).toMatch(/"telemetry": false/);
  });

  it("serves the script as JavaScript, revalidated by its ETag", async () => {
    const response = await call("/docs/api-reference.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600, stale-while-revalidate=86400");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(await response.text()).toContain("createApiReference");

    const again = await call("/docs/api-reference.js", { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("has no other files under /docs", async () => {
    expect((await call("/docs/standalone.js")).status).toBe(404);
    // The page's and the document's assets are reached through /docs and /openapi.json only.
    expect((await call("/docs/reference.html")).status).toBe(404);
    expect((await call("/docs/openapi.json")).status).toBe(404);
  });
});
