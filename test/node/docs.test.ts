/**
 * The API reference at `/docs` in a real browser with no way out: Debian's Chromium opens it from
 * `wrangler dev` while every request to a host other than loopback is aborted. The page must render
 * the reference from `/openapi.json` with the script the Worker serves, and never try to leave.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/ports.ts";
import { startWranglerDev, type WranglerDev } from "../../scripts/lib/wrangler.ts";
import { launchChromium, stackInfo } from "./browser.ts";

const SHOTS = resolve(import.meta.dirname, "../../test-results/docs");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

let worker: WranglerDev;
let context: BrowserContext;
let page: Page;
let stateDir: string;
let profileDir: string;
const requested: string[] = [];
const blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "guddu-docs-wrangler-"));
  worker = await startWranglerDev(stackInfo(), {
    port: await freePort(),
    persistTo: stateDir,
    appEnv: "test",
    quiet: true,
  });
  profileDir = mkdtempSync(join(tmpdir(), "guddu-docs-chromium-"));
  context = await launchChromium(profileDir);
  // As if offline: anything but loopback is refused before it leaves the browser.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort("internetdisconnected");
  });
  context.on("request", (request) => requested.push(request.url()));
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${worker.url}/docs`);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await worker?.stop();
  for (const dir of [profileDir, stateDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the API reference at /docs, offline in Chromium", { timeout: 60_000 }, () => {
  it("renders the document's operations with nothing but the Worker's own files", async () => {
    await page.getByRole("heading", { name: "Guddu API", level: 1 }).waitFor();
    const sidebar = page.getByRole("complementary", { name: "Sidebar for Guddu API" });
    await sidebar.getByRole("link", { name: /^Liveness and database reachability/ }).waitFor();
    // A tag further down opens from the sidebar, and one of its operations from there.
    await sidebar.getByRole("button", { name: "Open Group - Events" }).click();
    await sidebar.getByRole("link", { name: /^Create an event/ }).click();
    await page.getByRole("heading", { name: "Create an event" }).first().waitFor();
    await page.waitForLoadState("networkidle");

    expect(blocked).toEqual([]);
    expect([...new Set(requested.map((url) => new URL(url).origin))]).toEqual([worker.url]);
    expect(requested).toEqual(
      expect.arrayContaining([
        `${worker.url}/docs`,
        `${worker.url}/docs/api-reference.js`,
        `${worker.url}/openapi.json`,
      ]),
    );
    expect(pageErrors).toEqual([]);

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "reference.png") });
  });
});
