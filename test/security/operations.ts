/**
 * Every operation of the OpenAPI document as the walks need it: method, path, how it is secured, its
 * query parameters and its request bodies (JSON schemas with their `$ref`s resolved). Read from
 * `/openapi.json`, so a route is walked the moment it is registered.
 */
import { call } from "../support/http.ts";

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  example?: unknown;
  format?: string;
}

export interface Operation {
  method: string;
  path: string;
  permission?: string;
  isPublic: boolean;
  secured: boolean;
  /** An API key may call it (`x-api-keys: false` keeps it to signed-in users). */
  apiKeys: boolean;
  /** The JSON body's schema, `$ref` resolved (its own properties only). */
  bodySchema?: JsonSchema;
  bodyExample?: unknown;
  /** Media types of the body when it is not JSON (CSV, media bytes). */
  rawBodyTypes: string[];
  queryParameters: string[];
  pathParameters: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema> };
}

const HTTP_METHODS = ["get", "post", "put", "patch", "delete"];

export function resolver(document: OpenApiDocument) {
  return (schema: JsonSchema | undefined): JsonSchema | undefined =>
    schema?.$ref ? document.components.schemas[schema.$ref.replace("#/components/schemas/", "")] : schema;
}

export async function loadOperations(): Promise<{ operations: Operation[]; document: OpenApiDocument }> {
  const document = (await (await call("/openapi.json")).json()) as OpenApiDocument;
  const resolve = resolver(document);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const content =
        (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content ?? {};
      const schema = resolve(content["application/json"]?.schema);
      const parameters = (op.parameters ?? []) as Array<{ in?: string; name?: string }>;
      const named = (where: string) => parameters.flatMap((p) => (p.in === where && p.name ? [p.name] : []));
      operations.push({
        method: method.toUpperCase(),
        path,
        permission: op["x-permission"] as string | undefined,
        isPublic: op["x-public"] === true,
        secured: Array.isArray(op.security) && op.security.length > 0,
        apiKeys: op["x-api-keys"] !== false,
        bodySchema: schema,
        bodyExample: schema?.example,
        rawBodyTypes: Object.keys(content).filter((type) => type !== "application/json"),
        queryParameters: named("query"),
        pathParameters: named("path"),
      });
    }
  }
  return { operations, document };
}

/** Operations outside /v1 that serve the system itself rather than a tenant. */
export const SYSTEM_PATHS = new Set(["/health", "/ping"]);

export const fill = (path: string, params: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? crypto.randomUUID());

export function request(
  op: Operation,
  headers: Record<string, string>,
  path = fill(op.path),
  body?: unknown,
): Promise<Response> {
  const hasBody = op.bodySchema !== undefined;
  return call(path, {
    method: op.method,
    headers: { ...headers, ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? JSON.stringify(body ?? op.bodyExample ?? {}) : undefined,
  });
}
