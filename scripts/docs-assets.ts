/**
 * Copies the API reference's browser bundle (the UMD standalone build of `@scalar/api-reference`, MIT,
 * pinned in package.json) into public/docs/, where the Worker serves it to `/docs`: the page then
 * loads nothing from a CDN. About 4 MB, so it is copied from node_modules rather than committed
 * (public/docs/ is git-ignored). wrangler.toml's `[build] command` runs this before every
 * `wrangler dev` and `wrangler deploy`; the workers tests' global setup calls it too.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(import.meta.dirname, "..");
const SOURCE = join(root, "node_modules/@scalar/api-reference/dist/browser/standalone.js");
export const DOCS_SCRIPT_FILE = join(root, "public/docs/api-reference.js");

/** Copies the bundle when it is missing or differs; answers whether it copied. */
export function copyDocsAssets(): boolean {
  if (!existsSync(SOURCE)) {
    throw new Error(
      `${relative(root, SOURCE)} is missing: run \`npm ci\` (the API reference at /docs serves it).`,
    );
  }
  const current = existsSync(DOCS_SCRIPT_FILE) && readFileSync(DOCS_SCRIPT_FILE).equals(readFileSync(SOURCE));
  if (current) return false;
  mkdirSync(dirname(DOCS_SCRIPT_FILE), { recursive: true });
  copyFileSync(SOURCE, DOCS_SCRIPT_FILE);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (copyDocsAssets()) {
    process.stdout.write(
      `API reference: copied ${relative(root, DOCS_SCRIPT_FILE)} from @scalar/api-reference\n`,
    );
  }
}
