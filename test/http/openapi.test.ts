import { describe, expect, it } from "vitest";
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

  it("GET /docs serves the interactive reference for that document", async () => {
    const response = await call("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("/openapi.json");
    expect(html).toContain("Guddu API reference");
  });
});
