/**
 * `npm run dev`: the whole system on this machine, offline. Starts the local stack (embedded
 * PostgreSQL under .data/postgres, migrations, demo data, the local Neon proxy) and `wrangler dev`
 * with local R2, Durable Objects and Queues. Ctrl-C stops everything it started.
 *
 * Settings (environment): GUDDU_PORT (Worker, 8788), GUDDU_PG_PORT (5433), GUDDU_PROXY_PORT (4444),
 * DATABASE_URL (use this PostgreSQL, as its owner, instead of the embedded one), GUDDU_FAKES_PORT (the
 * platform fakes, 4455), GUDDU_FAKE_PLATFORMS=off (publish to the real platforms with PLATFORM_CLIENTS),
 * GUDDU_SITE_PORT (the sample event page with the embed's widgets, 8789).
 */
import { resolve } from "node:path";
import { type EventSite, startEventSite } from "./lib/event-site.ts";
import { assertPortFree } from "./lib/ports.ts";
import { DEMO_CREDENTIALS, DEMO_EVENT_KEY, demoApiKeyLines } from "./lib/seed.ts";
import { type StackHandle, startStack } from "./lib/stack-client.ts";
import { startWranglerDev, type WranglerDev } from "./lib/wrangler.ts";

const root = resolve(import.meta.dirname, "..");
let stack: StackHandle | undefined;
let worker: WranglerDev | undefined;
let site: EventSite | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    process.stderr.write("\nStopping Guddu…\n");
    await site?.stop().catch(() => {});
    await worker?.stop().catch(() => {});
    await stack?.stop().catch(() => {});
  }
  process.exit(code);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

const port = Number(process.env.GUDDU_PORT ?? 8788);
const sitePort = Number(process.env.GUDDU_SITE_PORT ?? 8789);

/**
 * The sample event page, on its own origin as an organiser's site would be, for the demo event whose
 * public key the seed reports in the stack's READY line.
 */
async function eventSiteLine(workerUrl: string, eventKey: string): Promise<string> {
  site = await startEventSite({ apiUrl: workerUrl, eventKey, port: sitePort });
  return `  Event page      ${site.url}  (the embed's widgets, live from the demo event)`;
}

/** Where the platform fakes listen (the Worker publishes there), or nothing when they are off. */
function fakePlatformsLine(baseUrlsJson: string): string[] {
  const first = Object.values(JSON.parse(baseUrlsJson) as Record<string, string>)[0];
  return first
    ? [`  Platform fakes  ${new URL(first).origin}/_fake  (X, Facebook, Instagram, LinkedIn, Threads)`]
    : [];
}

try {
  // Fail before starting anything when the Worker's port is taken.
  await assertPortFree(port, "the Worker (wrangler dev)", "GUDDU_PORT");
  await assertPortFree(sitePort, "the sample event page", "GUDDU_SITE_PORT");
  stack = await startStack("dev");
  worker = await startWranglerDev(stack, {
    port,
    persistTo: resolve(root, ".data/wrangler"),
    appEnv: "development",
  });
  const eventPage = await eventSiteLine(worker.url, stack.demoEventKey ?? DEMO_EVENT_KEY);
  const lines = [
    "",
    `  Guddu is running at ${worker.url}`,
    "",
    `  API reference   ${worker.url}/docs`,
    `  OpenAPI         ${worker.url}/openapi.json`,
    `  Health          ${worker.url}/health`,
    `  Cron trigger    ${worker.url}/__scheduled?cron=*+*+*+*+*`,
    eventPage,
    `  PostgreSQL      ${stack.adminUrl}  (owner; the Worker connects as guddu_app)`,
    `  Neon proxy      http://${stack.neonProxy}  (round trips: /round-trips?tag=…)`,
    ...fakePlatformsLine(stack.platformBaseUrls),
    ...DEMO_CREDENTIALS.map((line) => `  ${line}`),
    ...demoApiKeyLines(worker.url).map((line) => `  ${line}`),
    "",
    "  Ctrl-C stops everything.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  process.stderr.write(`\n${(error as Error).message}\n`);
  await stop(1);
}
