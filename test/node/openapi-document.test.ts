import { getOpenApiMetadata } from "@asteasolutions/zod-to-openapi";
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

/** A zod schema as its internals describe it: enough to walk a request schema's tree. */
interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string; checks?: ZodNode[]; check?: string } };
}

/**
 * Where a request schema enforces a rule beyond its fields' types (a refine or superRefine, or a
 * transform of free input that may refuse it), with that node's OpenAPI metadata.
 */
function rulesOf(schema: ZodNode | undefined, path: string, found: Array<{ path: string; meta: object }>) {
  if (!schema) return found;
  const def = schema._zod.def;
  const child = (key: string) => def[key] as ZodNode | undefined;
  const custom = (def.checks ?? []).some((check) => check._zod.def.check === "custom");
  const freeTransform =
    def.type === "pipe" &&
    child("out")?._zod.def.type === "transform" &&
    !["enum", "literal", "boolean"].includes(child("in")?._zod.def.type ?? "");
  if (custom || freeTransform) found.push({ path, meta: getOpenApiMetadata(schema as never) });
  switch (def.type) {
    case "object":
      for (const [key, value] of Object.entries(def.shape as Record<string, ZodNode>)) {
        rulesOf(value, `${path}.${key}`, found);
      }
      break;
    case "array":
      rulesOf(child("element"), `${path}.0`, found);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      rulesOf(child("innerType"), path, found);
      break;
    case "pipe":
      rulesOf(child("in"), path, found);
      break;
    case "union":
      for (const option of def.options as ZodNode[]) rulesOf(option, path, found);
      break;
    case "record":
      rulesOf(child("valueType"), `${path}.*`, found);
      break;
  }
  return found;
}

describe("the document says what validation enforces", () => {
  it("states every rule beyond a field's type (refinements, cross-field rules) on the field it guards", () => {
    const unstated: string[] = [];
    let rules = 0;
    for (const definition of createApp().openAPIRegistry.definitions) {
      if (definition.type !== "route") continue;
      const { method, path, request } = definition.route;
      const name = `${method.toUpperCase()} ${path}`;
      const schemas: Array<[string, unknown]> = [
        ["query", request?.query],
        ["param", request?.params],
        ["header", request?.headers],
        ...Object.values(request?.body?.content ?? {}).map((media): [string, unknown] => [
          "json",
          media && "schema" in media ? media.schema : undefined,
        ]),
      ];
      for (const [target, schema] of schemas) {
        if (!schema || typeof schema !== "object" || !("_zod" in schema)) continue;
        for (const rule of rulesOf(schema as ZodNode, `${name} ${target}`, [])) {
          rules++;
          const meta = rule.meta as { description?: string; uniqueItems?: boolean; minProperties?: number };
          if (!meta.description && !meta.uniqueItems && meta.minProperties === undefined)
            unstated.push(rule.path);
        }
      }
    }
    expect(rules).toBeGreaterThan(10);
    expect(unstated).toEqual([]);
  });

  it("marks a comment required where an approval action or a link's rejection needs one", () => {
    const schemas = createApp().getOpenAPI31Document(OPENAPI_CONFIG).components?.schemas ?? {};
    const required = (name: string) => (schemas[name] as { required?: string[] } | undefined)?.required ?? [];
    expect(required("ApprovalLinkReject")).toContain("comment");
    expect(required("ApprovalLinkApprove")).not.toContain("comment");
    for (const name of ["ApprovalActionReject", "ApprovalActionRequestChanges", "ApprovalActionComment"]) {
      expect(required(name), name).toContain("comment");
    }
    expect(required("ApprovalActionApproveOrCancel")).not.toContain("comment");
    expect(schemas.ApprovalLinkDecision).toMatchObject({ discriminator: { propertyName: "decision" } });
  });
});
