/**
 * Writes the API docs' static assets into public/docs/ (git-ignored), which the Worker serves
 * (src/routes/docs.ts):
 * - openapi.json, the OpenAPI document, generated here from the route definitions: the Worker's
 *   bundle leaves the generator out (src/vendor/zod-to-openapi.js, the bundle budget);
 * - reference.html, the page at /docs, rendered by `@scalar/hono-api-reference` from `DOCS_PAGE`;
 * - api-reference.js, its script: the UMD standalone build of `@scalar/api-reference` (MIT, pinned in
 *   package.json), copied from node_modules, so the page loads nothing from a CDN. About 4 MB.
 * wrangler.toml's `[build] command` runs this before every `wrangler dev` and `wrangler deploy` (dry
 * runs included); the workers tests' global setup calls it too. A file is written only when it
 * changes, so `wrangler dev` does not reload for nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { createApp, OPENAPI_CONFIG } from "../src/app.ts";
import { DOCS_PAGE, DOCS_PAGE_ASSET, DOCS_SCRIPT_PATH, OPENAPI_DOCUMENT_ASSET } from "../src/routes/docs.ts";

const root = resolve(import.meta.dirname, "..");
const SOURCE = join(root, "node_modules/@scalar/api-reference/dist/browser/standalone.js");
const publicFile = (assetPath: string) => join(root, "public", assetPath);
export const DOCS_SCRIPT_FILE = publicFile(DOCS_SCRIPT_PATH);

/** The document as `GET /openapi.json` answers it. */
export function openApiDocument(): string {
  return JSON.stringify(createApp().getOpenAPI31Document(OPENAPI_CONFIG));
}

/** The page as `GET /docs` answers it. */
async function docsPage(): Promise<string> {
  const response = await new Hono().get("/docs", Scalar(DOCS_PAGE)).request("/docs");
  return response.text();
}

/** Writes `content` to `file` unless it already holds exactly that; answers whether it wrote. */
function writeIfChanged(file: string, content: string | Buffer): boolean {
  if (existsSync(file) && readFileSync(file).equals(Buffer.from(content))) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return true;
}

/** Writes what is missing or out of date; answers the files written. */
export async function writeDocsAssets(): Promise<string[]> {
  if (!existsSync(SOURCE)) {
    throw new Error(
      `${relative(root, SOURCE)} is missing: run \`npm ci\` (the API reference at /docs serves it).`,
    );
  }
  const files: Array<[string, string | Buffer]> = [
    [DOCS_SCRIPT_FILE, readFileSync(SOURCE)],
    [publicFile(OPENAPI_DOCUMENT_ASSET), openApiDocument()],
    [publicFile(DOCS_PAGE_ASSET), await docsPage()],
  ];
  return files.filter(([file, content]) => writeIfChanged(file, content)).map(([file]) => file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of await writeDocsAssets()) {
    process.stdout.write(`API docs: wrote ${relative(root, file)}\n`);
  }
}
