/**
 * `node scripts/build-neon-http.ts`: writes src/vendor/neon-http.js, the part of the Neon driver the
 * Worker runs: `neon()` (SQL over HTTP), `neonConfig` and node-postgres' `types`, which drizzle's
 * neon-http driver imports. The Worker's bundle (scripts/lib/worker-aliases.ts) and vitest.config.ts
 * put it in place of `@neondatabase/serverless`. The package ships one pre-bundled file whose modules
 * are wrapped in lazy initialisers a bundler must keep, so the whole node-postgres client, its
 * WebSocket and TLS plumbing and a Buffer polyfill came along (about 46 KiB gzip, 11 left). This
 * script marks those wrappers as side-effect free, leaves out the `Client`/`Pool` section and all of
 * the WebSocket `Socket` class but the settings `neonConfig` holds, and has the shims use what
 * workerd provides under `nodejs_compat` (node:buffer, node:crypto); esbuild then drops what `neon()`
 * never reaches. Every edit is matched exactly and fails loudly when the package changes shape. The
 * file is committed: `npm run build` rebuilds it and fails when the two differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const PACKAGE_DIR = join(root, "node_modules/@neondatabase/serverless");
export const NEON_HTTP_FILE = join(root, "src/vendor/neon-http.js");
export const NEON_HTTP_COMMAND = "node scripts/build-neon-http.ts";

const PURE = "/* @__PURE__ */ ";

/** The one match of `pattern` in `source`, or an error naming what the package no longer has. */
function only(source: string, pattern: RegExp, what: string): RegExpMatchArray {
  const matches = [...source.matchAll(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))];
  if (matches.length !== 1) {
    throw new Error(
      `@neondatabase/serverless changed: expected one ${what}, found ${matches.length}; update ${relative(root, fileURLToPath(import.meta.url))}`,
    );
  }
  return matches[0] as RegExpMatchArray;
}

/** The package's entry with the edits above, as one ES module exporting `neon`, `neonConfig`, `types`. */
function edited(source: string): string {
  // Local names of the exports kept, from the entry's closing export list.
  const exported = only(source, /^export \{\n([^}]*)\};$/m, "export list")[1] as string;
  const local = (name: string) =>
    only(exported, new RegExp(`([\\w$]+) as ${name},?$`, "m"), `${name} export`)[1];
  const neon = local("neon");
  const neonConfig = local("neonConfig");
  // node-postgres' `types` is the pg-types module its constructor assigns (`this.types = …()`).
  const types = only(source, /this\.types = ([\w$]+)\(\)/, "pg `types` module")[1];

  // What follows `neon()`'s last helper is the Client and Pool section and the export list.
  const end = only(source, /^a\([\w$]+, "getAuthToken"\);\n/m, "getAuthToken helper");
  let code = source.slice(0, (end.index ?? 0) + end[0].length);

  // Module wrappers: `var x = T(…)` (CommonJS) and `V(…)` (ES module initialisers), top level only.
  const wrappers = new Set<string>();
  code = code.replace(/^var .*$/gm, (line) =>
    line.replace(/([\w$]+) = (T|V)\(/g, (_, name: string, kind: string) => {
      if (kind === "T") wrappers.add(name);
      return `${name} = ${PURE}${kind}(`;
    }),
  );
  if (wrappers.size < 20) throw new Error("@neondatabase/serverless changed: module wrappers not found");
  // Requiring a module whose result goes unused only initialises that module: droppable.
  code = code
    .replace(/ = we\(([\w$]+)\(\)\)/g, (call, name: string) =>
      wrappers.has(name) ? ` = ${PURE}we(${PURE}${name}())` : call,
    )
    .replace(/ = ([\w$]+)\(\)([,;])/g, (call, name: string, end: string) =>
      wrappers.has(name) ? ` = ${PURE}${name}()${end}` : call,
    );

  // The Buffer polyfill is only the fallback for runtimes without a global Buffer.
  const buffer = only(code, /globalThis\.Buffer : ([\w$]+)\(\)\.Buffer/, "Buffer fallback");
  code = code.replace(buffer[0], "globalThis.Buffer : NodeBuffer");
  // The socket shim behind `neonConfig` extends the bundled `events` polyfill. That shim, the WebSocket
  // `Socket` class, is `neonConfig` itself: its settings are static accessors over `opts` and
  // `defaults`. neon() over HTTP never makes a socket, so the class keeps only those accessors, as they
  // are, and extends nothing (the polyfill goes).
  const events = only(code, /([\w$]+) = we\(([\w$]+)\(\), 1\);/, "events import of the socket shim");
  if (!code.includes(`extends ${events[1]}.EventEmitter`)) {
    throw new Error("@neondatabase/serverless changed: the socket shim no longer extends EventEmitter");
  }
  code = code.replace(events[0], "");
  const socket = only(
    code,
    /^( {2}[^\n]*[\w$]+ = class ([\w$]+)) extends [\w$]+\.EventEmitter \{\n([\s\S]*?)^ {2}\};\n(?= {2}a\([\w$]+, "Socket"\))/m,
    "Socket class",
  );
  const members = [...(socket[3] as string).matchAll(/^ {4}\S[^\n]*\{\n[\s\S]*?^ {4}\}\n/gm)].map(
    (m) => m[0],
  );
  const accessors = members.filter((member) => member.startsWith("    static "));
  if (members.join("") !== socket[3] || accessors.length < 20) {
    throw new Error("@neondatabase/serverless changed: the Socket class's members are not as expected");
  }
  code = code.replace(socket[0], () => `${socket[1]} {\n${accessors.join("")}  };\n`);
  // node-postgres' utils (kept for `prepareValue`) load a JavaScript crypto shim for password hashing,
  // which SQL over HTTP never does: node:crypto stands in.
  const crypto = only(code, /^se\(([\w$]+), \{ createHash: /m, "crypto shim");
  const cryptoName = (crypto[1] as string).replaceAll("$", "\\$");
  const cryptoImport = new RegExp(`\\([\\w$]+\\(\\), O\\(${cryptoName}\\)\\)`, "g");
  if (!cryptoImport.test(code)) throw new Error("@neondatabase/serverless changed: crypto shim not required");
  // Filling the shim's export object is then all that refers to it.
  code = code.replace(cryptoImport, "NodeCrypto").replace(crypto[0], `${PURE}${crypto[0]}`);
  // pg-types' binary array parser prints to the console on an element type it cannot read and answers
  // undefined; the Worker logs only through its structured logger, and a value it cannot read is an
  // error, not a silent undefined (SQL over HTTP answers text, so this path is not taken in practice).
  const unreadable = only(
    code,
    /console\.log\(("ERROR: ElementType not implemented: " \+ [\w$]+)\);/,
    "binary element error",
  );
  code = code.replace(unreadable[0], `throw new Error(${unreadable[1]});`);

  return [
    'import { Buffer as NodeBuffer } from "node:buffer";',
    'import * as NodeCrypto from "node:crypto";',
    code,
    `var neonHttpTypes = ${types}();`,
    `export { ${neon} as neon, ${neonConfig} as neonConfig, neonHttpTypes as types };`,
    "",
  ].join("\n");
}

/** The module as it would be committed. */
export async function buildNeonHttp(): Promise<string> {
  const { version, license } = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as {
    version: string;
    license: string;
  };
  // Laid out one statement per line, so the edits match whole lines.
  const { code: source } = await transform(readFileSync(join(PACKAGE_DIR, "index.mjs"), "utf8"), {
    format: "esm",
    loader: "js",
  });
  const notice = readFileSync(join(PACKAGE_DIR, "LICENSE"), "utf8").trim();
  const result = await build({
    stdin: { contents: edited(source), loader: "js", sourcefile: "neon-http.js" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    external: ["node:*"],
    legalComments: "none",
    charset: "utf8",
    banner: {
      js: [
        `// @neondatabase/serverless@${version} (${license}), cut to neon() over HTTP by \`${NEON_HTTP_COMMAND}\`: do not edit.`,
        ...notice.split("\n").map((line) => `// ${line}`.trimEnd()),
      ].join("\n"),
    },
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild wrote no output for the Neon driver");
  return output.text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const code = await buildNeonHttp();
  writeFileSync(NEON_HTTP_FILE, code);
  process.stdout.write(
    `Neon driver: ${relative(root, NEON_HTTP_FILE)}, ${(code.length / 1024).toFixed(1)} KiB\n`,
  );
}
