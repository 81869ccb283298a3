/**
 * `node scripts/bundle-worker.ts`: bundles the Worker (src/index.ts) into build/worker.js (git-ignored),
 * the file wrangler.toml's `main` names; its `[build] command` runs this before every `wrangler dev`
 * and `wrangler deploy` (dry runs included). wrangler then bundles that file as it would the sources
 * (its dev middleware, `nodejs_compat`, minifying again) and composes the source map written here, so
 * stack traces still point into src/. The tests run the sources (vitest.config.ts).
 *
 * What it leaves out is what the Worker carries but never runs (README, "The Worker's bundle"):
 * - the OpenAPI documentation in the route definitions and the schemas' `.openapi(…)` metadata
 *   (`stripDocText`): the document and /docs are built from the sources beforehand
 *   (scripts/docs-assets.ts) and served as static assets;
 * - what the drizzle schema says only for migrations: indexes, checks, foreign keys, and the
 *   relations only relational queries read (`stripSchemaMetadata`);
 * - zod's JSON Schema conversion, which every schema class links to (`zodJsonSchemaStub`), and zod's
 *   object parser compiler, which needs `new Function` (workerd forbids it; zod checks and never calls
 *   it there);
 * - and it points three packages at smaller builds in src/vendor/ (`WORKER_ALIASES`).
 * The transforms blank text out with spaces, so no line or column moves.
 *
 * Settings follow wrangler's own bundling (ES modules, conditions workerd/worker/browser, es2024,
 * `cloudflare:*` and `node:*` left to workerd). GUDDU_BUNDLE_MINIFY=false keeps names readable (for a
 * CPU profile: scripts/lib/wrangler.ts). `--inputs` lists what weighs most.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import ts from "typescript";
import { WORKER_ALIASES } from "./lib/worker-aliases.ts";

const root = resolve(import.meta.dirname, "..");
/** What wrangler.toml's `main` names (git-ignored). */
export const WORKER_BUNDLE_FILE = join(root, "build/worker.js");

/** zod's JSON Schema modules, stubbed in the Worker (see above). */
const ZOD_JSON_SCHEMA =
  /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;

/**
 * A module with the same exports as zod's `file`, each failing when called: the schema classes only
 * link to them. The `create…Method` factories run when a schema's `~standard` is first read, so they
 * answer a function that fails when called instead.
 */
export function zodJsonSchemaStub(file: string): string {
  const source = readFileSync(file, "utf8");
  const names = [
    ...[...source.matchAll(/^export (?:function|const) ([\w$]+)/gm)].map((m) => m[1] as string),
    ...[...source.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) =>
      (m[1] as string)
        .split(",")
        .flatMap((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .slice(-1),
        )
        .filter(Boolean),
    ),
  ];
  if (names.length < 3) throw new Error(`zod changed: no exports found in ${relative(root, file)}`);
  const module = relative(join(root, "node_modules"), file);
  return [
    `const fail = (name) => { throw new Error(\`\${name} (${module}) is not in the Worker's bundle: scripts/bundle-worker.ts\`); };`,
    ...names.map((n) =>
      n.startsWith("create")
        ? `export const ${n} = () => () => fail(${JSON.stringify(n)});`
        : `export const ${n} = () => fail(${JSON.stringify(n)});`,
    ),
  ].join("\n");
}

const ZOD_CORE_SCHEMAS = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]schemas\.js$/;

/**
 * zod's core schemas without the generator of compiled object parsers: zod calls it only where
 * `new Function` works (`util.allowsEval`, false on Cloudflare), so in the Worker it stays unused; the
 * stand-in fails if it ever is not.
 */
export function withoutObjectCompiler(source: string): string {
  const start = source.indexOf("    const generateFastpass = (shape) => {\n");
  const endMarker = "        return doc.compile();\n    };\n";
  const end = source.indexOf(endMarker, start);
  if (start < 0 || end < 0 || source.indexOf("generateFastpass", end) < 0) {
    throw new Error(
      "zod changed: its object parser compiler is not where scripts/bundle-worker.ts expects it",
    );
  }
  return `${source.slice(0, start)}    const generateFastpass = () => {\n        throw new Error("zod's object parser compiler is not in the Worker's bundle (it needs new Function)");\n    };\n${source.slice(end + endMarker.length)}`;
}

const SCHEMA_DIR = /[\\/]src[\\/]db[\\/]schema[\\/]/;

const DOC_PROPERTIES = new Set(["description", "summary", "example", "examples"]);
/** Calls whose arguments are OpenAPI metadata: zod's `.openapi(…)` and the route definitions. */
const DOC_FUNCTIONS = new Set(["authedRoute", "publicRoute", "createRoute"]);

function isDocCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === "openapi";
  return ts.isIdentifier(callee) && DOC_FUNCTIONS.has(callee.text);
}

/** An expression without effects: no call, assignment, update, `delete`, `await` or function in it. */
function isPlain(node: ts.Node): boolean {
  if (
    ts.isCallExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isTaggedTemplateExpression(node) ||
    ts.isFunctionLike(node) ||
    (ts.isPrefixUnaryExpression(node) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) ||
    ts.isPostfixUnaryExpression(node) ||
    ts.isDeleteExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isYieldExpression(node) ||
    (ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment)
  ) {
    return false;
  }
  let plain = true;
  ts.forEachChild(node, (child) => {
    if (plain && !isPlain(child)) plain = false;
  });
  return plain;
}

/** Whether a function is written anywhere in `node` (a route's `responses` holding one stays). */
function containsFunction(node: ts.Node): boolean {
  if (ts.isFunctionLike(node)) return true;
  return ts.forEachChild(node, (child) => (containsFunction(child) ? true : undefined)) ?? false;
}

/**
 * A value the property may lose: anything computed without a call (text, a name, a constant's
 * property, data written out, a choice between such), or lines of text joined.
 */
function isDocValue(value: ts.Expression): boolean {
  if (isPlain(value)) return true;
  // ["line", "line"].join("\n")
  return (
    ts.isCallExpression(value) &&
    ts.isPropertyAccessExpression(value.expression) &&
    value.expression.name.text === "join" &&
    ts.isArrayLiteralExpression(value.expression.expression) &&
    isPlain(value.expression.expression) &&
    value.arguments.every(isPlain)
  );
}

/** Where a list element ending at `end` ends with its comma (whitespace and comments between). */
function afterComma(source: string, end: number): number {
  let i = end;
  for (;;) {
    if (/\s/.test(source[i] ?? "")) i++;
    else if (source.startsWith("//", i))
      i = source.indexOf("\n", i) === -1 ? source.length : source.indexOf("\n", i);
    else if (source.startsWith("/*", i)) i = source.indexOf("*/", i) + 2;
    else break;
  }
  return source[i] === "," ? i + 1 : end;
}

/** `source` with the ranges turned into spaces, line breaks kept: no line or column moves. */
function blank(source: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return source;
  const chars = source.split("");
  for (const [start, end] of ranges) {
    for (let i = start; i < end; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  }
  return chars.join("");
}

/**
 * Blanks out the OpenAPI documentation in a TypeScript source:
 * - each `description`, `summary`, `example` or `examples` property whose value has no effect (text,
 *   a name, data written out; `isDocValue`) in an object literal passed, directly or nested in object
 *   and array literals, to `.openapi(…)`, `authedRoute`, `publicRoute` or `createRoute`;
 * - a route definition's `responses`: @hono/zod-openapi validates requests only, never an answer.
 * Anything else stays: a zod field named `description` (its value is a schema, made by calls), shapes
 * passed to other calls (`z.object({…})`), function bodies (a handler passed to `app.openapi`). Each
 * property and its comma become spaces, line breaks kept.
 */
export function stripDocText(source: string, fileName = "source.ts"): { code: string; removed: number } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ESNext, true, ts.ScriptKind.TS);
  const ranges: Array<[number, number]> = [];

  const inMetadata = (node: ts.Expression): void => {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      inMetadata(node.expression);
    } else if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) inMetadata(element);
    } else if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        const name = property.name;
        const key = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
        if (key !== undefined && DOC_PROPERTIES.has(key) && isDocValue(property.initializer)) {
          ranges.push([property.getStart(file), afterComma(source, property.end)]);
        } else {
          inMetadata(property.initializer);
        }
      }
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isDocCall(node)) {
      for (const argument of node.arguments) inMetadata(argument);
      const route = node.arguments[0];
      if (ts.isIdentifier(node.expression) && route && ts.isObjectLiteralExpression(route)) {
        for (const property of route.properties) {
          if (
            ts.isPropertyAssignment(property) &&
            ts.isIdentifier(property.name) &&
            property.name.text === "responses" &&
            !containsFunction(property.initializer)
          ) {
            ranges.push([property.getStart(file), afterComma(source, property.end)]);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  return { code: blank(source, ranges), removed: ranges.length };
}

/** Table extras that only describe the database to drizzle-kit (migrations), never used by a query. */
const SCHEMA_EXTRAS = new Set(["index", "uniqueIndex", "check", "foreignKey", "unique"]);

/** The identifier a call chain starts from: `index` in `index("x").on(t.a).where(…)`. */
function chainRoot(node: ts.Expression): string | undefined {
  let current: ts.Expression = node;
  for (;;) {
    if (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) current = current.expression;
    else return ts.isIdentifier(current) ? current.text : undefined;
  }
}

/**
 * Blanks out what a drizzle schema file says only for migrations (drizzle-kit reads the sources,
 * not the bundle): in each `pgTable(…)`, the indexes, unique, check and foreign-key constraints among
 * its extras (the primary keys stay: drizzle reads those for its relational queries), and every
 * column's `.references(…)`; and what each `relations(…)` declares, which only drizzle's relational
 * queries (`db.query.…`) read: the Worker never makes one (test/node/bundle-worker.test.ts checks).
 * Lines and columns stay where they were, as in `stripDocText`.
 */
export function stripSchemaMetadata(
  source: string,
  fileName = "schema.ts",
): { code: string; removed: number } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ESNext, true, ts.ScriptKind.TS);
  const ranges: Array<[number, number]> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "pgTable") {
      const extras = node.arguments[2];
      const list =
        extras && ts.isArrowFunction(extras)
          ? ts.isParenthesizedExpression(extras.body)
            ? extras.body.expression
            : extras.body
          : undefined;
      if (list && ts.isArrayLiteralExpression(list)) {
        for (const element of list.elements) {
          const root = chainRoot(element);
          if (root !== undefined && SCHEMA_EXTRAS.has(root)) {
            ranges.push([element.getStart(file), afterComma(source, element.end)]);
          }
        }
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "references"
    ) {
      ranges.push([node.expression.expression.end, node.end]);
    }
    // `relations(table, ({ one, many }) => ({ … }))`: the relations answer `({ })`.
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "relations"
    ) {
      const config = node.arguments[1];
      const body =
        config && ts.isArrowFunction(config) && ts.isParenthesizedExpression(config.body)
          ? config.body.expression
          : undefined;
      const [first] = body && ts.isObjectLiteralExpression(body) ? body.properties : [];
      const last = body && ts.isObjectLiteralExpression(body) ? body.properties.at(-1) : undefined;
      if (first && last) ranges.push([first.getStart(file), afterComma(source, last.end)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { code: blank(source, ranges), removed: ranges.length };
}

/** How the Worker's bundle was made. */
export interface WorkerBundle {
  code: string;
  map: string;
  /** Properties, schema extras and responses blanked out. */
  removed: number;
  /** Minified bytes each input adds, largest first. */
  inputs: Array<[string, number]>;
}

/** The Worker's bundle (in memory). */
export async function bundleWorker(options: { minify?: boolean } = {}): Promise<WorkerBundle> {
  let removed = 0;
  const originals = new Map<string, string>();
  const plugin: Plugin = {
    name: "guddu:worker",
    setup(builder) {
      const aliases = new RegExp(
        `^(${Object.keys(WORKER_ALIASES)
          .map((name) => name.replace(/[/.@-]/g, "\\$&"))
          .join("|")})$`,
      );
      builder.onResolve({ filter: aliases }, ({ path }) => ({
        path: WORKER_ALIASES[path as keyof typeof WORKER_ALIASES],
      }));
      builder.onLoad({ filter: ZOD_JSON_SCHEMA }, ({ path }) => ({
        contents: zodJsonSchemaStub(path),
        loader: "js",
      }));
      builder.onLoad({ filter: ZOD_CORE_SCHEMAS }, ({ path }) => ({
        contents: withoutObjectCompiler(readFileSync(path, "utf8")),
        loader: "js",
      }));
      builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, ({ path }) => {
        const source = readFileSync(path, "utf8");
        const stripped = SCHEMA_DIR.test(path)
          ? stripSchemaMetadata(source, path)
          : stripDocText(source, path);
        removed += stripped.removed;
        if (stripped.removed > 0) originals.set(path, source);
        return { contents: stripped.code, loader: "ts" };
      });
    },
  };
  const outfile = WORKER_BUNDLE_FILE;
  const result = await build({
    entryPoints: [join(root, "src/index.ts")],
    absWorkingDir: root,
    outfile,
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2024",
    supported: { "import-source": true, using: true },
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    external: ["cloudflare:*", "node:*"],
    minify: options.minify ?? true,
    keepNames: false,
    legalComments: "none",
    sourcemap: "linked",
    metafile: true,
    plugins: [plugin],
    logLevel: "silent",
  });
  if (result.warnings.length > 0) {
    throw new Error(
      `esbuild warned while bundling the Worker:\n${result.warnings.map((w) => `${w.location?.file}: ${w.text}`).join("\n")}`,
    );
  }
  const code = result.outputFiles.find((file) => file.path === outfile)?.text;
  const mapText = result.outputFiles.find((file) => file.path === `${outfile}.map`)?.text;
  if (code === undefined || mapText === undefined) throw new Error("esbuild wrote no Worker bundle");
  // Lines and columns did not move, so only the embedded sources need their documentation back.
  const map = JSON.parse(mapText) as { sources: string[]; sourcesContent?: string[] };
  map.sources.forEach((source, i) => {
    const original = originals.get(resolve(root, "build", source));
    if (original !== undefined && map.sourcesContent) map.sourcesContent[i] = original;
  });
  const inputs = Object.entries(result.metafile.outputs[relative(root, outfile)]?.inputs ?? {})
    .map(([input, { bytesInOutput }]): [string, number] => [input, bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  return { code, map: JSON.stringify(map), removed, inputs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundle = await bundleWorker({ minify: process.env.GUDDU_BUNDLE_MINIFY !== "false" });
  mkdirSync(dirname(WORKER_BUNDLE_FILE), { recursive: true });
  // Map first, then the bundle that names it; each only when it changed (`wrangler dev` reloads on a
  // write) and whole, through a rename: two `wrangler dev`s (the node tests) may build at once.
  for (const [file, content] of [
    [`${WORKER_BUNDLE_FILE}.map`, bundle.map],
    [WORKER_BUNDLE_FILE, bundle.code],
  ] as const) {
    if (existsSync(file) && readFileSync(file, "utf8") === content) continue;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  }
  const kib = (n: number) => (n / 1024).toFixed(1);
  process.stdout.write(
    `Worker: ${relative(root, WORKER_BUNDLE_FILE)}, ${kib(bundle.code.length)} KiB, ${kib(gzipSync(bundle.code, { level: 9 }).length)} KiB gzip (${bundle.removed} documentation and schema pieces left out)\n`,
  );
  // `--inputs`: what weighs most, to find the next thing to leave out.
  if (process.argv.includes("--inputs")) {
    for (const [input, bytes] of bundle.inputs.slice(0, 40)) {
      process.stdout.write(`${String(bytes).padStart(8)}  ${input}\n`);
    }
  }
}
