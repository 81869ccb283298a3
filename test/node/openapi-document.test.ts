import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { createApp, OPENAPI_CONFIG } from "../../src/app.ts";

// Validation runs in Node: the validator compiles JSON Schemas with `new Function`, which workerd forbids.
describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 according to a real validator", async () => {
    const document = createApp().getOpenAPI31Document(OPENAPI_CONFIG);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("documents problem+json error responses on every operation", () => {
    const document = createApp().getOpenAPI31Document(OPENAPI_CONFIG);
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const responses = (operation as { responses?: Record<string, { content?: object }> }).responses ?? {};
        expect(Object.keys(responses), `${method} ${path}`).toContain("500");
        expect(Object.keys(responses["500"]?.content ?? {}), `${method} ${path}`).toEqual([
          "application/problem+json",
        ]);
      }
    }
  });
});
