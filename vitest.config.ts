import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig, type Plugin } from "vitest/config";
import { WORKER_ALIASES } from "./scripts/lib/worker-aliases.ts";

/**
 * Two of the Worker's aliases (scripts/lib/worker-aliases.ts), so the suite runs what is deployed:
 * zod-to-openapi without its document generators, and the Neon driver cut to neon() over HTTP for the
 * Worker's code, drizzle and the test helpers (a test file itself gets the whole package:
 * test/publishing/settle.test.ts drives the WebSocket `Pool`).
 */
const workerAliases: Plugin = {
  name: "guddu:worker-aliases",
  enforce: "pre",
  resolveId(source, importer) {
    if (source === "@asteasolutions/zod-to-openapi") return WORKER_ALIASES[source];
    if (source !== "@neondatabase/serverless" || importer?.split("?")[0]?.endsWith(".test.ts")) return null;
    return WORKER_ALIASES[source];
  },
};

/** The Worker inside workerd, as both workers projects run it (below). */
const workerd = cloudflareTest(({ inject }) => ({
  // The sources, not wrangler.toml's `main` (build/worker.js, written by `wrangler dev` and
  // `wrangler deploy`): the suite needs no build beforehand and tests what the bundle is made from.
  main: "./src/index.ts",
  wrangler: { configPath: "./wrangler.toml" },
  miniflare: {
    bindings: {
      APP_ENV: "test",
      LOG_LEVEL: "error",
      PUBLIC_BASE_URL: "http://guddu.test",
      DATABASE_URL: inject("databaseUrl"),
      NEON_LOCAL_PROXY: inject("neonProxy"),
      JWT_PRIVATE_KEYS: inject("jwtPrivateKeys"),
      TOKEN_ENCRYPTION_KEYS: inject("tokenEncryptionKeys"),
      BLUESKY_PDS_URL: inject("blueskyPdsUrl"),
      BLUESKY_PDS_KEYS: inject("blueskyPdsKeys"),
      BLUESKY_APPVIEW_URL: inject("blueskyAppViewUrl"),
      BLUESKY_PLC_URL: inject("blueskyPlcUrl"),
      PLATFORM_BASE_URLS: inject("platformBaseUrls"),
      // The fakes' DNS-over-HTTPS resolver (outbound webhooks resolve hosts before sending).
      WEBHOOK_DNS_RESOLVER: `${new URL(JSON.parse(inject("platformBaseUrls")).x).origin}/_dns/dns-query`,
      PLATFORM_CLIENTS: inject("platformClients"),
      // Publishing retries after 1 s, 2 s, 4 s …, and a platform that does not answer within
      // 1.5 s counts as uncertain: the retry and fault tests run in seconds, not minutes.
      PUBLISH_RETRY_BASE_SECONDS: "1",
      PLATFORM_TIMEOUT_MS: "1500",
      // Outbound webhooks retry after 1 s, 2 s, 4 s …, and an endpoint answers within 1.5 s.
      WEBHOOK_RETRY_BASE_SECONDS: "1",
      WEBHOOK_TIMEOUT_MS: "1500",
      // Retention and exports in chunks of 50 rows: a test's hundred rows take several steps.
      LIFECYCLE_CHUNK_ROWS: "50",
      // How many posts the no-duplicates proof publishes: 48 in `npm test`, more in `npm run soak`.
      PROOF_POSTS: process.env.GUDDU_PROOF_POSTS ?? "48",
    },
    // A rate limiter with a budget small enough to exhaust in a test (swapped in with envWith).
    ratelimits: {
      PUBLIC_RATE_LIMITER: { namespace_id: "1001", simple: { limit: 120, period: 60 as const } },
      TIGHT_RATE_LIMITER: { namespace_id: "1002", simple: { limit: 3, period: 60 as const } },
    },
    // As wrangler.toml, but a partly filled batch is delivered after 50 ms instead of 5 s, so a
    // retried publish message does not wait for company.
    queueConsumers: {
      "guddu-publish": {
        maxBatchSize: 10,
        maxBatchTimeout: 0.05,
        maxRetries: 8,
        retryDelay: 30,
        deadLetterQueue: "guddu-publish-dlq",
      },
      "guddu-publish-dlq": { maxBatchSize: 10, maxBatchTimeout: 0.05, maxRetries: 3 },
      "guddu-ingest": {
        maxBatchSize: 100,
        maxBatchTimeout: 0.05,
        maxRetries: 5,
        deadLetterQueue: "guddu-ingest-dlq",
      },
      "guddu-metrics": { maxBatchSize: 10, maxBatchTimeout: 0.05, maxRetries: 3, retryDelay: 30 },
      "guddu-webhooks": { maxBatchSize: 10, maxBatchTimeout: 0.05, maxRetries: 20, retryDelay: 30 },
      "guddu-lifecycle": { maxBatchSize: 5, maxBatchTimeout: 0.05, maxRetries: 5, retryDelay: 1 },
    },
  },
}));

/**
 * Test files that change what every other file's tests stand on: they create and drop partitions of
 * the shared tables (which locks those tables whole), run the nightly maintenance, read every row
 * of every table, or expect one run of the every-minute cron to claim all of their due rows (another
 * file's run, which claims across organisations, would take some). They run one at a time after the
 * rest (`workers: alone`), so no other file waits on their locks, meets a partition vanishing under
 * it or claims its rows.
 */
const ALONE = [
  "test/lifecycle/retention.test.ts",
  "test/scheduled/crons.test.ts",
  "test/organization/closing-purge.test.ts",
  "test/erasure/erasure.test.ts",
  "test/metrics/measure.test.ts",
];

/** Files share workerd isolates instead of paying ~2 s to start one each. */
const workers = (
  name: string,
  test: { include: string[]; exclude?: string[]; maxWorkers?: number; sequence?: { groupOrder: number } },
) => ({
  plugins: [workerAliases, workerd],
  test: { name, isolate: false, ...test },
});

/**
 * Three projects share one local stack (test/global-setup.ts starts it in a child process):
 * - `workers`: the Worker inside workerd with real local R2, Durable Objects and Queues, talking to
 *   PostgreSQL through the real Neon driver and the local proxy; `workers: alone` the same for the
 *   files in ALONE;
 * - `node`: what needs Node (migrations on a fresh database, the append-only trigger as the owner,
 *   the bundled Worker under `wrangler dev`, the embed in Chromium).
 */
export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    // Two test files at a time, though the machines have two cores (vitest's default would be one):
    // most of the suite waits on queues, retries, timers and a browser rather than computing, so it
    // takes about three minutes instead of five. Tests never share state (each makes its own
    // organisation, Durable Object names are random); ALONE's files run after, one at a time.
    maxWorkers: 2,
    projects: [
      workers("workers", {
        include: ["test/**/*.test.ts"],
        // test/soak/ runs in `npm run soak` (GUDDU_SOAK=1), not in `npm test`.
        exclude: [
          "test/node/**",
          "test/soak/node/**",
          ...ALONE,
          ...(process.env.GUDDU_SOAK ? [] : ["test/soak/**"]),
        ],
      }),
      {
        test: {
          name: "node",
          environment: "node",
          // test/soak/node/ runs in `npm run soak` only (a million rows take a minute to load).
          include: [
            "test/node/**/*.test.ts",
            ...(process.env.GUDDU_SOAK ? ["test/soak/node/**/*.test.ts"] : []),
          ],
        },
      },
      workers("workers: alone", { include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } }),
    ],
  },
});
