/**
 * What the browser tests share: the local stack from test/global-setup.ts as `startWranglerDev` wants
 * it, and Debian's Chromium driven by playwright-core (which downloads no browser).
 */
import { existsSync } from "node:fs";
import { type BrowserContext, chromium } from "playwright-core";
import { inject } from "vitest";
import type { StackInfo } from "../../scripts/lib/stack-client.ts";
import { LOCAL_WEBHOOK_SECRETS } from "../../scripts/lib/webhook-secrets.ts";

export const CHROMIUM = "/usr/bin/chromium";

/** The local stack from test/global-setup.ts. */
export function stackInfo(): StackInfo {
  return {
    databaseUrl: inject("databaseUrl"),
    adminUrl: inject("adminUrl"),
    neonProxy: inject("neonProxy"),
    pgPort: 0,
    proxyPort: 0,
    jwtPrivateKeys: inject("jwtPrivateKeys"),
    tokenEncryptionKeys: inject("tokenEncryptionKeys"),
    platformBaseUrls: inject("platformBaseUrls"),
    platformClients: inject("platformClients"),
    webhookSecrets: JSON.stringify(LOCAL_WEBHOOK_SECRETS),
  };
}

/** Headless Chromium with its own profile, fails saying how to install it when it is missing. */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM}: apt-get update && apt-get install -y chromium (.ci/run does this when it is missing).`,
    );
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
