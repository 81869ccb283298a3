/** Runs `wrangler dev` offline against the local stack, and waits until the Worker answers. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { assertPortFree, freePort } from "./ports.ts";
import type { StackInfo } from "./stack-client.ts";

export interface WranglerDev {
  url: string;
  /** The DevTools port of the Worker (scripts/lib/cpu-profile.ts records a CPU profile through it). */
  inspectorPort: number;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, "../..");

export async function startWranglerDev(
  stack: StackInfo,
  options: {
    port: number;
    persistTo?: string;
    appEnv: string;
    databaseUrl?: string;
    quiet?: boolean;
    /** Readable function names in a CPU profile (wrangler.toml minifies). */
    minify?: boolean;
    /** Further vars (a test's smaller caps). */
    vars?: Record<string, string>;
  },
): Promise<WranglerDev> {
  await assertPortFree(options.port, "the Worker (wrangler dev)", "GUDDU_PORT");
  const url = `http://127.0.0.1:${options.port}`;
  const vars: Record<string, string> = {
    APP_ENV: options.appEnv,
    LOG_LEVEL: options.quiet ? "warn" : "info",
    PUBLIC_BASE_URL: url,
    DATABASE_URL: options.databaseUrl ?? stack.databaseUrl,
    NEON_LOCAL_PROXY: stack.neonProxy,
    JWT_PRIVATE_KEYS: stack.jwtPrivateKeys,
    TOKEN_ENCRYPTION_KEYS: stack.tokenEncryptionKeys,
    PLATFORM_BASE_URLS: stack.platformBaseUrls,
    PLATFORM_CLIENTS: stack.platformClients,
    WEBHOOK_SECRETS: stack.webhookSecrets,
    ...options.vars,
  };
  // Secrets hold JSON, so they go through an env file (single-quoted values) rather than --var.
  const envDir = mkdtempSync(join(tmpdir(), "guddu-wrangler-"));
  const envFile = join(envDir, "dev.env");
  writeFileSync(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}='${v}'`)
      .join("\n"),
    { mode: 0o600 },
  );
  const inspectorPort = await freePort();
  const args = [
    resolve(root, "node_modules/wrangler/bin/wrangler.js"),
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(options.port),
    "--inspector-port",
    String(inspectorPort),
    "--test-scheduled",
    "--show-interactive-dev-session=false",
    ...(options.persistTo ? ["--persist-to", options.persistTo] : []),
    ...(options.minify === false ? ["--minify=false"] : []),
    "--env-file",
    envFile,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_LOG: options.quiet ? "warn" : "info",
      // wrangler.toml's `[build] command` minifies the bundle itself (scripts/bundle-worker.ts).
      ...(options.minify === false ? { GUDDU_BUNDLE_MINIFY: "false" } : {}),
    },
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
    rmSync(envDir, { recursive: true, force: true });
  });

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error("wrangler dev exited before the Worker was ready");
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the Worker did not answer ${url}/health within 90 s`);
    }
    await delay(250);
  }

  return {
    url,
    inspectorPort,
    async stop() {
      if (exited) return;
      await new Promise<void>((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      });
    },
  };
}
