/**
 * The transforms scripts/bundle-worker.ts applies before esbuild reads a file: they must take out the
 * OpenAPI documentation and the migration-only schema parts, and nothing the Worker runs. (That the
 * bundle built with them answers real requests: test/node/docs.test.ts, on `wrangler dev`.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  stripDocText,
  stripSchemaMetadata,
  withoutObjectCompiler,
  zodJsonSchemaStub,
} from "../../scripts/bundle-worker.ts";

const root = resolve(import.meta.dirname, "../..");

/** Every line of `code` where it was in `source`: same length, line breaks in the same places. */
function expectSameLayout(source: string, code: string): void {
  expect(code).toHaveLength(source.length);
  expect([...code.matchAll(/\n/g)].map((m) => m.index)).toEqual(
    [...source.matchAll(/\n/g)].map((m) => m.index),
  );
}

describe("stripDocText", () => {
  const source = `
const Body = z
  .strictObject({
    name: z.string().openapi({ description: "The event's name", example: "Summit 2027" }),
    description: EventFields.description.optional(),
    summary: z.string().max(200),
  })
  .openapi("CreateEventRequest", {
    description: \`At most \${MAX} events\`,
    example: { name: "Summit 2027", tags: ["a", "b"] },
  });

export const route = authedRoute({
  method: "post",
  path: "/v1/events",
  summary: "Create an event",
  description: ["One line.", "Another."].join(" "),
  permission: "events:write",
  request: {
    body: { content: { "application/json": { schema: Body } } },
    query: z.object({ description: z.string().optional() }),
  },
  responses: { 201: withEtag(EventSchema, "Created"), ...errorResponses(409) },
});

app.openapi(route, async (c) => c.json({ description: "kept: the handler's answer" }, 201));
const note = { description: "kept: not in a documentation call" };
z.string().openapi({ description: describe(), format: "uuid" });
`;
  const { code, removed } = stripDocText(source, "routes.ts");

  it("blanks the documentation of schemas and routes, and a route's responses", () => {
    for (const text of [
      "The event's name",
      '"Summit 2027"',
      "At most \u0024{MAX} events",
      '"Create an event"',
      '["One line.", "Another."]',
      "responses:",
      "withEtag",
      "errorResponses",
    ]) {
      expect(code).not.toContain(text);
    }
    expect(removed).toBe(7);
  });

  it("keeps schema fields named description or summary, requests, handlers and anything computed by a call", () => {
    expect(code).toContain("description: EventFields.description.optional(),");
    expect(code).toContain("summary: z.string().max(200),");
    expect(code).toContain("query: z.object({ description: z.string().optional() }),");
    expect(code).toContain('c.json({ description: "kept: the handler\'s answer" }, 201)');
    expect(code).toContain('const note = { description: "kept: not in a documentation call" };');
    expect(code).toContain('.openapi({ description: describe(), format: "uuid" })');
    expect(code).toContain('.openapi("CreateEventRequest", {');
    expect(code).toContain('method: "post",');
    expect(code).toContain('permission: "events:write",');
  });

  it("moves no line or column, so the source map needs no help", () => {
    expectSameLayout(source, code);
  });

  it("leaves a file without documentation calls as it is", () => {
    const plain = 'export const x = { description: "a", summary: "b" };\n';
    expect(stripDocText(plain)).toEqual({ code: plain, removed: 0 });
  });
});

describe("stripSchemaMetadata", () => {
  const source = `
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    slug: text().notNull(),
  },
  (t) => [
    primaryKey({ name: "events_pkey", columns: [t.id, t.organizationId] }),
    uniqueIndex("events_organization_id_slug_key").on(t.organizationId, t.slug),
    index("events_slug_idx").on(t.slug).where(sql\`\${t.slug} is not null\`),
    check("events_slug_check", sql\`\${t.slug} <> ''\`), // trailing comment
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }),
  ],
);

export const eventsRelations = relations(events, ({ one, many }) => ({
  organization: one(organizations, { fields: [events.organizationId], references: [organizations.id] }),
  phases: many(eventPhases),
}));
`;
  const { code, removed } = stripSchemaMetadata(source, "events.ts");

  it("blanks indexes, checks and foreign keys, and keeps columns and primary keys", () => {
    for (const text of ["references", "uniqueIndex", "index(", "check(", "foreignKey"]) {
      expect(code).not.toContain(text);
    }
    expect(code).toContain('primaryKey({ name: "events_pkey", columns: [t.id, t.organizationId] }),');
    expect(code).toContain("id: uuid().primaryKey().defaultRandom(),");
    expect(code).toContain("// trailing comment");
    expect(code).toMatch(/organizationId: uuid\(\)\n\s+\.notNull\(\)\s+,/);
    expect(code).toMatch(/relations\(events, \(\{ one, many \}\) => \(\{\s+\}\)\);/);
    expect(removed).toBe(6);
    expectSameLayout(source, code);
  });

  it("has no relational query (`db.query.…`) in src/ to need the relations", () => {
    const relational = (readdirSync(resolve(root, "src"), { recursive: true }) as string[]).filter(
      (file) =>
        file.endsWith(".ts") &&
        /\.query\.[A-Za-z]+\.find(First|Many)\(/.test(readFileSync(resolve(root, "src", file), "utf8")),
    );
    expect(relational).toEqual([]);
  });
});

describe("zod's modules in the Worker", () => {
  const zodCore = (file: string) => resolve(root, "node_modules/zod/v4/core", file);

  it("stubs the JSON Schema conversion with every export zod's modules import from it", () => {
    for (const file of ["json-schema-processors.js", "to-json-schema.js"]) {
      const source = readFileSync(zodCore(file), "utf8");
      const stub = zodJsonSchemaStub(zodCore(file));
      for (const [, name] of source.matchAll(/^export (?:function|const) ([\w$]+)/gm)) {
        expect(stub).toContain(`export const ${name} = `);
      }
    }
    const stub = zodJsonSchemaStub(zodCore("to-json-schema.js"));
    expect(stub).toContain("export const process = ");
    // The factory a schema's `~standard` getter calls answers a function; only calling that fails.
    expect(stub).toContain("export const createStandardJSONSchemaMethod = () => () => fail(");
  });

  it("finds zod's object parser compiler to leave out", () => {
    const source = readFileSync(zodCore("schemas.js"), "utf8");
    const cut = withoutObjectCompiler(source);
    expect(cut).not.toContain("doc.compile()");
    expect(cut).toContain("fastpass = generateFastpass(def.shape)");
    expect(() => withoutObjectCompiler("export const x = 1;")).toThrow(/zod changed/);
  });
});
