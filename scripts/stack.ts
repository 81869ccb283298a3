/**
 * The local stack in its own process: PostgreSQL (embedded, or DATABASE_URL's), migrations, the
 * application role, optional demo data, and the local Neon proxy. Prints one `READY {json}` line,
 * then runs until SIGINT/SIGTERM or until its parent closes stdin; it stops all it started.
 *
 * It is a child process on purpose: PostgreSQL and pg must not live inside the vitest process
 * (see DESIGN.md, "Verified traps").
 *
 *   node scripts/stack.ts --mode dev|test
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateKeyringJson } from "../src/platform/secret-box.ts";
import { generateSigningKeysJson } from "../src/platform/signing-keys.ts";
import { startFakePlatforms } from "../test/fakes/platforms/server.ts";
import {
  appRoleUrl,
  createDatabase,
  dropDatabase,
  enableAppRoleLogin,
  migrateDatabase,
  withDatabase,
} from "./lib/database.ts";
import { startNeonProxy } from "./lib/neon-proxy.ts";
import { assertPortFree, freePort } from "./lib/ports.ts";
import { type RunningPostgres, startPostgres } from "./lib/postgres.ts";
import { DEMO_EVENT_KEY, seedDemoData } from "./lib/seed.ts";
import { LOCAL_WEBHOOK_SECRETS } from "./lib/webhook-secrets.ts";

export interface StackInfo {
  /** What the Worker uses: the application role, reached through the proxy. */
  databaseUrl: string;
  /** Superuser/owner URL of the same database (setup, tests that need to bypass the app role). */
  adminUrl: string;
  /** `host:port` of the local Neon proxy. */
  neonProxy: string;
  pgPort: number;
  proxyPort: number;
  /** Local signing keys and encryption keyring (dev: kept in .data/secrets.json across runs). */
  jwtPrivateKeys: string;
  tokenEncryptionKeys: string;
  /** JSON `{platform: origin}` for `PLATFORM_BASE_URLS`: the local platform fakes (`{}` when they are off). */
  platformBaseUrls: string;
  /** JSON `{platform: {client_id, client_secret}}` for `PLATFORM_CLIENTS`: the fakes' OAuth clients. */
  platformClients: string;
  /** JSON for `WEBHOOK_SECRETS`: local signing secrets and verify token (`LOCAL_WEBHOOK_SECRETS`). */
  webhookSecrets: string;
  /** Dev only: the demo event's public key (the sample event page's widgets). */
  demoEventKey?: string;
}

const { values } = parseArgs({
  options: {
    mode: { type: "string", default: "dev" },
    "migrate-only": { type: "boolean", default: false },
  },
});
const mode = values.mode === "test" ? "test" : "dev";
const root = resolve(import.meta.dirname, "..");
const log = (message: string) => process.stderr.write(`[stack] ${message}\n`);
const cleanups: Array<() => Promise<void> | void> = [];

async function stopAll(code: number): Promise<never> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      log(`cleanup failed: ${(error as Error).message}`);
    }
  }
  process.exit(code);
}

/** Where the dev data lives: `.data/postgres`, unless the postgres user cannot reach the project. */
function devDataDir(): string {
  return process.env.GUDDU_PG_DATA ?? join(root, ".data", "postgres");
}

/** Fresh keys for a test run; for dev, made once and kept so tokens survive a restart. */
async function localSecrets(
  kind: "dev" | "test",
): Promise<Pick<StackInfo, "jwtPrivateKeys" | "tokenEncryptionKeys">> {
  const file = join(root, ".data", "secrets.json");
  if (kind === "dev" && existsSync(file)) {
    return JSON.parse(readFileSync(file, "utf8")) as Pick<
      StackInfo,
      "jwtPrivateKeys" | "tokenEncryptionKeys"
    >;
  }
  const secrets = {
    jwtPrivateKeys: await generateSigningKeysJson(),
    tokenEncryptionKeys: await generateKeyringJson(),
  };
  if (kind === "dev") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

async function main(): Promise<void> {
  const external = mode === "test" ? process.env.TEST_DATABASE_URL : process.env.DATABASE_URL;
  let adminBase: string;
  let pgHost: string;
  let pgPort: number;
  let postgres: RunningPostgres | undefined;

  if (external) {
    const u = new URL(external);
    adminBase = external;
    pgHost = u.hostname;
    pgPort = Number(u.port || 5432);
    log(`using the PostgreSQL at ${pgHost}:${pgPort}`);
  } else {
    const dataDir =
      mode === "test"
        ? mkdtempSync(join(process.env.GUDDU_TMPDIR ?? tmpdir(), "guddu-test-pg-"))
        : devDataDir();
    if (mode === "test") cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    pgPort = mode === "test" ? await freePort() : Number(process.env.GUDDU_PG_PORT ?? 5433);
    postgres = await startPostgres({
      dataDir,
      port: pgPort,
      ephemeral: mode === "test",
      onLog: process.env.GUDDU_PG_LOG ? log : undefined,
    });
    const running = postgres;
    cleanups.push(() => running.stop());
    pgHost = postgres.host;
    adminBase = postgres.adminUrl("postgres");
    log(`PostgreSQL 17 on ${pgHost}:${pgPort} (data in ${dataDir})`);
  }

  let database: string;
  if (mode === "test") {
    // A template migrated once; the suite's database is a copy of it (cheap, and more can be made).
    const suffix = createHash("sha1").update(`${process.pid}${Date.now()}`).digest("hex").slice(0, 8);
    const template = `guddu_template_${suffix}`;
    database = `guddu_test_${suffix}`;
    await createDatabase(adminBase, template);
    cleanups.push(() => dropDatabase(adminBase, template));
    await migrateDatabase(withDatabase(adminBase, template));
    await createDatabase(adminBase, database, template);
    cleanups.push(() => dropDatabase(adminBase, database));
  } else {
    database = (external && new URL(external).pathname.slice(1)) || "guddu";
    await createDatabase(adminBase, database);
    await migrateDatabase(withDatabase(adminBase, database));
    if (values["migrate-only"]) {
      log(`migrations applied to ${database}`);
      return stopAll(0);
    }
    await seedDemoData(withDatabase(adminBase, database));
  }
  await enableAppRoleLogin(withDatabase(adminBase, database));

  const proxyPort = mode === "test" ? 0 : Number(process.env.GUDDU_PROXY_PORT ?? 4444);
  await assertPortFree(proxyPort, "the local Neon proxy", "GUDDU_PROXY_PORT");
  const proxy = await startNeonProxy({ pgHost, pgPort, port: proxyPort });
  cleanups.push(() => proxy.close());

  // The closed platforms' fakes (test/fakes/platforms): always in tests; in dev unless
  // GUDDU_FAKE_PLATFORMS=off, which leaves the real platforms and PLATFORM_CLIENTS from the environment.
  let platforms = { baseUrls: {}, clients: JSON.parse(process.env.PLATFORM_CLIENTS ?? "{}") as object };
  if (mode === "test" || process.env.GUDDU_FAKE_PLATFORMS !== "off") {
    const fakesPort = mode === "test" ? 0 : Number(process.env.GUDDU_FAKES_PORT ?? 4455);
    await assertPortFree(fakesPort, "the platform fakes", "GUDDU_FAKES_PORT");
    const fakes = await startFakePlatforms({ port: fakesPort });
    cleanups.push(() => fakes.close());
    platforms = fakes;
    log(`platform fakes on ${fakes.origin} (control API: ${fakes.origin}/_fake)`);
  }

  const secrets = await localSecrets(mode);
  const info: StackInfo = {
    ...secrets,
    databaseUrl: appRoleUrl(withDatabase(adminBase, database), database),
    adminUrl: withDatabase(adminBase, database),
    neonProxy: `127.0.0.1:${proxy.port}`,
    pgPort,
    proxyPort: proxy.port,
    platformBaseUrls: JSON.stringify(platforms.baseUrls),
    platformClients: JSON.stringify(platforms.clients),
    webhookSecrets: JSON.stringify(LOCAL_WEBHOOK_SECRETS),
    ...(mode === "dev" ? { demoEventKey: DEMO_EVENT_KEY } : {}),
  };
  process.stdout.write(`READY ${JSON.stringify(info)}\n`);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
// The parent holds our stdin open; when it goes away (even killed), so do we.
process.stdin.on("end", () => void stopAll(0));
process.stdin.on("error", () => void stopAll(0));
process.stdin.resume();

main().catch(async (error: Error) => {
  log(error.message);
  await stopAll(1);
});
