/**
 * `npm run build:embed`: bundles the embed (src/embed) into public/embed/v1/guddu.js, one minified ES
 * module with its CSS inlined as minified strings. The output is committed and the Worker serves it,
 * so the build must be deterministic: `npm run build` rebuilds it and fails when the two differ.
 */
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin, transform } from "esbuild";

const root = resolve(import.meta.dirname, "..");
export const EMBED_FILE = join(root, "public/embed/v1/guddu.js");

/** `import css from "./x.css"` gives the file's minified text (adopted as a constructed stylesheet). */
const cssAsText: Plugin = {
  name: "css-as-text",
  setup(builder) {
    builder.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, "utf8"), { loader: "css", minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: "js" };
    });
  },
};

/** The embed as it would be committed. */
export async function bundleEmbed(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "src/embed/index.ts")],
    tsconfig: join(root, "src/embed/tsconfig.json"),
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    plugins: [cssAsText],
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild wrote no output for src/embed/index.ts");
  return output.text;
}

export const gzipBytes = (text: string) => gzipSync(text, { level: 9 }).length;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await bundleEmbed();
  writeFileSync(EMBED_FILE, code);
  process.stdout.write(
    `Embed: ${EMBED_FILE.slice(root.length + 1)}, ${(code.length / 1024).toFixed(1)} KiB, ${(gzipBytes(code) / 1024).toFixed(1)} KiB gzip\n`,
  );
}
