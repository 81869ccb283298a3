/**
 * The API reference at `/docs` in a real browser with no way out: Debian's Chromium opens it from
 * `wrangler dev` while every request to a host other than loopback is aborted. The page must render
 * the reference from `/openapi.json` with the script the Worker serves, and never try to leave.
 *
 * The same `wrangler dev` runs the Worker as it is deployed: the bundle wrangler.toml's `[build]
 * command` writes (scripts/bundle-worker.ts), without the OpenAPI text and route responses. So here it
 * also answers real API calls, and serves the document complete.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKER_BUNDLE_FILE } from "../../scripts/bundle-worker.ts";
import { openApiDocument } from "../../scripts/docs-assets.ts";
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

describe("the Worker as deployed (build/worker.js)", { timeout: 60_000 }, () => {
  const run = crypto.randomUUID().slice(0, 8);
  const call = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
    fetch(`${worker.url}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it("is the bundle without the documentation that wrangler dev serves", () => {
    const bundle = readFileSync(WORKER_BUNDLE_FILE, "utf8");
    // (includes, not toContain: a failure would print the whole bundle)
    expect(bundle.includes("/v1/events")).toBe(true);
    expect(bundle.includes("Create an event")).toBe(false);
    expect(bundle.includes("a leading - sorts descending")).toBe(false);
  });

  it("answers a validation error as problem+json with its code", async () => {
    const response = await call("/v1/auth/register", { body: { organization: { name: "X" }, extra: 1 } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; errors: Array<{ path: string }> };
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["json.owner"]));
  });

  it("registers, signs in, creates an event and lists it", async () => {
    const owner = { email: `bundle-${run}@example.test`, password: "quiet harbour lights over lamu tonight" };
    const registered = await call("/v1/auth/register", {
      body: {
        organization: { name: `Bundle ${run}`, slug: `bundle-${run}`, country_code: "KE" },
        owner: { ...owner, first_name: "Achieng", last_name: "Otieno" },
      },
    });
    expect(registered.status, await registered.clone().text()).toBe(201);

    const login = await call("/v1/auth/login", { body: owner });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };

    const created = await call("/v1/events", {
      token,
      body: {
        name: "Bundle Summit",
        slug: `bundle-summit-${run}`,
        start_date: "2027-03-10T08:00:00+03:00",
        end_date: "2027-03-11T18:00:00+03:00",
        timezone: "Africa/Nairobi",
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(created.headers.get("etag")).toBeTruthy();
    const event = (await created.json()) as { id: string; slug: string };

    const listed = await call("/v1/events?limit=10", { token });
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as { data: Array<{ id: string; slug: string }> };
    expect(page.data).toEqual([expect.objectContaining({ id: event.id, slug: `bundle-summit-${run}` })]);
  });

  it("serves the OpenAPI document complete, with the text the bundle leaves out", async () => {
    const response = await call("/openapi.json");
    expect(response.status).toBe(200);
    const served = await response.text();
    expect(JSON.parse(served)).toEqual(JSON.parse(openApiDocument()));
    expect(served).toContain("Create an event");
    expect(served).toContain("a leading - sorts descending");
    const docs = await call("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/docs/api-reference.js");
  });
});
