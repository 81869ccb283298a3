import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { call } from "../support/http.ts";

describe("the API describes itself", () => {
  it("GET /openapi.json is an OpenAPI 3.1 document of the routes", async () => {
    const response = await call("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/health", "/ping"]));
    expect(Object.keys(document.paths["/health"]?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "500", "503"]),
    );
    expect(document.components.schemas.Problem).toBeDefined();
  });

  it("serves the document built from the routes as they are, as JSON revalidated by its ETag", async () => {
    // Built before the Worker runs (scripts/docs-assets.ts): each registered operation is in it.
    const response = await call("/openapi.json");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    const registered = createApp()
      .openAPIRegistry.definitions.flatMap((definition) =>
        definition.type === "route" ? [`${definition.route.method} ${definition.route.path}`] : [],
      )
      .sort();
    expect(registered.length).toBeGreaterThan(100);
    expect(served.sort()).toEqual(registered);

    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await call("/openapi.json", { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
  });

  it("GET /docs serves the interactive reference for that document", async () => {
    const response = await call("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("/openapi.json");
    expect(html).toContain("Guddu API reference");
  });
});
