/**
 * `npm run build`: bundles the Worker exactly as `wrangler deploy` would (dry run, nothing uploaded)
 * and fails when the gzip size passes the budget in bundle-budget.json. First it rebuilds the embed
 * and fails when the committed public/embed/v1/guddu.js differs or passes embed-budget.json.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleEmbed, EMBED_FILE, gzipBytes } from "./build-embed.ts";

const root = resolve(import.meta.dirname, "..");
const outdir = join(root, "dist");
const budget = JSON.parse(readFileSync(join(root, "bundle-budget.json"), "utf8")) as { maxGzipKiB: number };

const embedBudget = JSON.parse(readFileSync(join(root, "embed-budget.json"), "utf8")) as {
  maxGzipBytes: number;
};
const embed = await bundleEmbed();
const embedGzip = gzipBytes(embed);
process.stdout.write(
  `Embed: ${(embedGzip / 1000).toFixed(1)} KB gzip (budget ${embedBudget.maxGzipBytes / 1000} KB gzip)\n`,
);
let committed = "";
try {
  committed = readFileSync(EMBED_FILE, "utf8");
} catch {
  // missing: reported below as differing
}
if (committed !== embed) {
  process.stderr.write(
    "public/embed/v1/guddu.js is not what src/embed builds to: run `npm run build:embed` and commit the file.\n",
  );
  process.exit(1);
}
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
