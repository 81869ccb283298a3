/**
 * The README's example answers against the OpenAPI document: every field an example answer shows
 * must be a field of that operation's answer, so a reader copying a name from the README (a poller
 * reading a post's state, a script reading a rejected CSV row) reads one the API sends.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createApp, OPENAPI_CONFIG } from "../../src/app.ts";

interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Example {
  method: string;
  path: string;
  answer: string;
  line: number;
}

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const document = createApp().getOpenAPI31Document(OPENAPI_CONFIG) as unknown as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};

/** Each `# → …` answer in a shell block, with the `curl … $API/…` call above it. */
function examples(): Example[] {
  const found: Example[] = [];
  let call: { method: string; path: string } | null = null;
  let command = "";
  const lines = readme.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith("```")) {
      call = null;
      continue;
    }
    if (/^\s*curl /.test(line) || command) {
      command += ` ${line}`;
      if (line.trimEnd().endsWith("\\")) continue;
      const path = /\$API(\/[^\s"'?]*)/.exec(command)?.[1];
      call = path ? { method: /-X (\w+)/.exec(command)?.[1] ?? "GET", path } : null;
      command = "";
      continue;
    }
    if (call && /^#\s*→/.test(line)) {
      let answer = line;
      while (/^#\s{2,}/.test(lines[index + 1] ?? "")) answer += `\n${lines[++index]}`;
      found.push({ ...call, answer, line: index + 1 });
    }
  }
  return found;
}

/** The document's path a README call names (`$EVENT` for `{id}`), the one with the fewest parameters. */
function operationOf(example: Example) {
  const candidates = Object.keys(document.paths).filter((path) =>
    new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`).test(example.path),
  );
  candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  const path = candidates[0];
  return path ? { path, operation: document.paths[path]?.[example.method.toLowerCase()] } : undefined;
}

/** A schema with its `$ref` followed and the properties of its branches (oneOf, allOf …) merged. */
function resolve(schema: Schema | undefined): Schema | undefined {
  const resolved = schema?.$ref ? document.components.schemas[schema.$ref.split("/").at(-1)!] : schema;
  const branches = [...(resolved?.oneOf ?? []), ...(resolved?.anyOf ?? []), ...(resolved?.allOf ?? [])];
  if (!resolved || branches.length === 0) return resolved;
  const merged = branches.map(resolve);
  return {
    ...resolved,
    properties: Object.assign({}, resolved.properties, ...merged.map((b) => b?.properties ?? {})),
    items: resolved.items ?? merged.find((b) => b?.items)?.items,
  };
}

/**
 * The keys an answer shows, each with where it sits (`["actions", "[]"]` for a key of an action),
 * read from the example's braces, brackets and commas; values are skipped.
 */
function keysOf(answer: string): Array<{ key: string; parent: string[] }> {
  const text = answer.replace(/^#/gm, "");
  const stack: string[] = [];
  const keys: Array<{ key: string; parent: string[] }> = [];
  let pending: string | null = null;
  for (const [token, key] of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:|"(?:[^"\\]|\\.)*"|[{}[\],]/g)) {
    if (key !== undefined) {
      keys.push({ key, parent: stack.filter((segment) => segment !== "") });
      pending = key;
    } else if (token === "{" || token === "[") {
      stack.push(pending ?? "");
      if (token === "[") stack.push("[]");
      pending = null;
    } else if (token === "}" || token === "]") {
      if (token === "]") stack.pop();
      stack.pop();
    } else {
      pending = null;
    }
  }
  return keys;
}

/** The schema at a path of property names and `[]` (array items); undefined where the path leaves it. */
function schemaAt(root: Schema | undefined, path: string[]): Schema | undefined {
  let schema = resolve(root);
  for (const segment of path) {
    schema = resolve(segment === "[]" ? schema?.items : schema?.properties?.[segment]);
    if (!schema) return undefined;
  }
  return schema;
}

describe("the README's example answers", () => {
  const all = examples();

  it("name only fields the operation answers with", () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    const wrong: string[] = [];
    for (const example of all) {
      const found = operationOf(example);
      if (!found?.operation) {
        wrong.push(`README line ${example.line}: no operation ${example.method} ${example.path}`);
        continue;
      }
      // An answer that shows a problem (`→ 400 {…}`) is read against the problem's schema.
      const error = /→\s*[45]\d\d\b/.test(example.answer);
      const schemas = Object.entries(found.operation.responses)
        .filter(([status]) => status.startsWith(error ? "4" : "2"))
        .flatMap(([, response]) => Object.values(response.content ?? {}).map((media) => media.schema));
      for (const { key, parent } of keysOf(example.answer)) {
        const holders = schemas.map((schema) => schemaAt(schema, parent));
        // Inside a free-form object (metadata, a platform's answer) any key may appear.
        const open = holders.some((h) => h && !h.properties && h.additionalProperties !== undefined);
        if (open || holders.some((h) => h?.properties?.[key])) continue;
        wrong.push(`README line ${example.line}: ${found.path} answers no "${[...parent, key].join(".")}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("show a published post's publish_status, an approval action's step_number and a CSV row as numbered", () => {
    const answerOf = (method: string, path: string) =>
      all
        .filter((e) => e.method === method && operationOf(e)?.path === path)
        .map((e) => e.answer)
        .join("\n");
    expect(answerOf("GET", "/v1/published-posts/{id}")).toContain('"publish_status": "published"');
    expect(answerOf("GET", "/v1/approval-requests/{id}")).toMatch(/"actions": \[\{"step_number": 1/);
    expect(answerOf("POST", "/v1/approval-requests/{id}/actions")).toContain('"step_number": 2');
    const report = answerOf("POST", "/v1/events/{id}/delegates/import");
    expect(report).toContain('"row": 251');
    expect(report).toMatch(/250th data row.*header is row 1/s);
  });
});
