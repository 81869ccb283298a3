/**
 * The embed in a real browser: Debian's Chromium, driven by playwright-core, opens the sample event
 * page (its own loopback origin, served under the strict policy the README gives organisers) whose
 * widgets read the real Worker under `wrangler dev`. Wall items arrive as the platforms deliver them:
 * signed webhooks from the fakes, through the ingest queue and the wall's moderation.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { type EventSite, startEventSite } from "../../scripts/lib/event-site.ts";
import { freePort } from "../../scripts/lib/ports.ts";
import { LOCAL_WEBHOOK_SECRETS } from "../../scripts/lib/webhook-secrets.ts";
import { startWranglerDev, type WranglerDev } from "../../scripts/lib/wrangler.ts";
import { launchChromium, stackInfo } from "./browser.ts";

const SHOTS = resolve(import.meta.dirname, "../../test-results/embed");
const PROBES = resolve(import.meta.dirname, "../fixtures/event-site/probes.js");
/** Ingest runs through a queue whose batches wait up to wrangler.toml's timeout: generous, but bounded. */
const ARRIVAL_MS = 30_000;

interface Seeded {
  token: string;
  eventId: string;
  eventKey: string;
  /** The connected X account's id on the (fake) platform: webhooks are delivered for it. */
  xAccount: string;
}

let worker: WranglerDev;
let site: EventSite;
let context: BrowserContext;
let page: Page;
let seeded: Seeded;
let stateDir: string;
let profileDir: string;
const requested: string[] = [];
const run = crypto.randomUUID().slice(0, 8);
let nextTweet = 0;

async function api<T>(method: string, path: string, body?: unknown, token = seeded?.token): Promise<T> {
  const response = await fetch(`${worker.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** An organisation with an event under way, its agenda and speakers, widgets on and an X account. */
async function seedEvent(): Promise<Seeded> {
  const registered = await api<{ access_token: string }>("POST", "/v1/auth/register", {
    organization: { name: `Summit ${run}`, slug: `summit-${run}`, country_code: "KE" },
    owner: {
      email: `owner-${run}@example.test`,
      password: "correct horse battery staple",
      first_name: "Wanjiru",
      last_name: "Kamau",
    },
  });
  const token = registered.access_token;
  const event = await api<{ id: string }>(
    "POST",
    "/v1/events",
    {
      name: "Africa Energy Summit 2027",
      slug: `aes-${run}`,
      start_date: hoursFromNow(-24),
      end_date: hoursFromNow(24),
      timezone: "Africa/Nairobi",
      official_hashtags: ["#AES2027"],
      social_handles: { x: "@AESummit" },
    },
    token,
  );
  const phases = [
    ["Day 1: Opening plenary", -24, -14, "Ministers on the continent's grid."],
    ["Day 2: Investment forum", -2, 6, "Financing the transition: investors and utilities."],
    ["Closing and awards", 6, 9, null],
  ] as const;
  for (const [name, from, to, description] of phases) {
    await api(
      "POST",
      `/v1/events/${event.id}/phases`,
      {
        name,
        starts_at: hoursFromNow(from),
        ends_at: hoursFromNow(to),
        ...(description ? { description } : {}),
      },
      token,
    );
  }
  const speakers = [
    ["H.E.", "Amina", "Odhiambo", "Cabinet Secretary for Energy", "Ministry of Energy", "KE", "minister", 1],
    ["Dr.", "Kwame", "Mensah", "Chief Economist", "African Development Forum", "GH", "speaker", 2],
  ] as const;
  for (const [
    title,
    first_name,
    last_name,
    designation,
    organization,
    country,
    delegate_type,
    vip_tier,
  ] of speakers) {
    await api(
      "POST",
      `/v1/events/${event.id}/delegates`,
      { title, first_name, last_name, designation, organization, country, delegate_type, vip_tier },
      token,
    );
  }
  const widgets = await api<{ public_key: string }>(
    "PATCH",
    `/v1/events/${event.id}/widgets`,
    { enabled: true },
    token,
  );
  return {
    token,
    eventId: event.id,
    eventKey: widgets.public_key,
    xAccount: await connectX(token, event.id),
  };
}

/** Connects an X account through the fake's OAuth: it consents at once and sends the browser back. */
async function connectX(token: string, eventId: string): Promise<string> {
  const { authorize_url } = await api<{ authorize_url: string }>(
    "POST",
    "/v1/social-accounts/oauth/start",
    { platform: "x", event_id: eventId },
    token,
  );
  const consent = await fetch(authorize_url, { redirect: "manual" });
  const callback = consent.headers.get("location");
  if (!callback) throw new Error(`the fake's consent did not redirect: ${consent.status}`);
  const back = new URL(callback);
  const account = await api<{ platform_user_id: string }>(
    "GET",
    `${back.pathname}${back.search}`,
    undefined,
    token,
  );
  return account.platform_user_id;
}

interface Mention {
  id: string;
  text: string;
  handle: string;
  name: string;
}

/** X delivers mentions of the event's account, signed as X signs them; answers what it sent. */
async function deliverMentions(count: number, what = "mention"): Promise<Mention[]> {
  const fans = ["wanjiku_m", "kofi.builds", "solar_sade", "gridwatcher", "amara_n", "tunde_energy"];
  const mentions = Array.from({ length: count }, () => {
    const n = nextTweet++;
    const handle = fans[n % fans.length] ?? "fan";
    return {
      id: `19${Date.now()}${String(n).padStart(4, "0")}`.slice(0, 19),
      text: `${what} ${run}-${n}: See you at the Investment forum, @AESummit! #AES2027`,
      handle,
      name: handle.replace(/[._]/g, " "),
    };
  });
  const origin = new URL(
    Object.values(JSON.parse(inject("platformBaseUrls")) as Record<string, string>)[0] ?? "",
  ).origin;
  const response = await fetch(`${origin}/_fake/webhooks/deliver`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      platform: "x",
      url: `${worker.url}/webhooks/x`,
      secret: LOCAL_WEBHOOK_SECRETS.x?.secrets[0],
      events: mentions.map((m, i) => ({
        account: seeded.xAccount,
        item_id: m.id,
        action: "create",
        kind: "mention",
        text: m.text,
        author: { id: `77${m.id.slice(-8)}`, handle: m.handle, name: m.name },
        at: new Date(Date.now() - (count - i) * 1000).toISOString(),
        mentions: ["AESummit"],
        hashtags: ["AES2027"],
      })),
    }),
  });
  const answer = (await response.json()) as { statuses?: number[] };
  expect(answer.statuses).toEqual([200]);
  return mentions;
}

/** A moderator finds a post in the wall's queue and hides it. */
async function hideFromWall(mention: Mention): Promise<void> {
  const { data } = await api<{ data: { id: string; platform_item_id: string }[] }>(
    "GET",
    `/v1/events/${seeded.eventId}/wall?status=approved&limit=100`,
  );
  const item = data.find((shown) => shown.platform_item_id === mention.id);
  if (!item) throw new Error(`mention ${mention.id} is not among the wall's approved items`);
  await api("POST", `/v1/events/${seeded.eventId}/wall/${item.id}/moderation`, { action: "hide" });
}

const wallPost = (on: Page, mention: Mention) => on.locator("guddu-wall article", { hasText: mention.text });

/** Waits for a condition with a deadline (expect.poll belongs to tests, this runs in beforeAll too). */
async function until(condition: () => Promise<boolean>, ms: number, failure: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await condition())) throw new Error(`${failure} within ${ms / 1000} s`);
    },
    { timeout: ms, interval: 250 },
  );
}

/** Asks test/fixtures/event-site/probes.js, which the test injects into every page. */
const probe = <T>(on: Page, call: string): Promise<T> => on.evaluate<T>(`gudduProbes.${call}`);
const focused = (on: Page) => probe<string>(on, "focused()");

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "guddu-embed-wrangler-"));
  worker = await startWranglerDev(stackInfo(), {
    port: await freePort(),
    persistTo: stateDir,
    appEnv: "test",
    quiet: true,
    // Two live connections per client address: a third page meets the cap and must poll.
    vars: { LIVE_MAX_CONNECTIONS_PER_CLIENT: "2" },
  });
  seeded = await seedEvent();
  const first = await deliverMentions(14);
  site = await startEventSite({ apiUrl: worker.url, eventKey: seeded.eventKey });
  profileDir = mkdtempSync(join(tmpdir(), "guddu-embed-chromium-"));
  context = await launchChromium(profileDir);
  context.on("request", (request) => requested.push(request.url()));
  // Records anything the page's policy refuses (the embed must need nothing beyond it) and answers probes.
  await context.addInitScript({ path: PROBES });
  // Every mention is on the wall before the page opens, so the first read shows them.
  await until(
    async () =>
      (await api<{ data: unknown[] }>("GET", `/public/v1/events/${seeded.eventKey}/wall?limit=50`)).data
        .length === first.length,
    ARRIVAL_MS,
    `the ${first.length} mentions did not all reach the public wall`,
  );
  page = await context.newPage();
  await page.goto(site.url);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await site?.stop();
  await worker?.stop();
  for (const dir of [profileDir, stateDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the embed on an event's website, in Chromium", { timeout: 90_000 }, () => {
  it("renders the wall, the agenda and the speakers from the public API, under a strict policy", async () => {
    await page.locator("guddu-wall article").nth(11).waitFor();
    expect(await page.locator("guddu-wall article").count()).toBe(12);
    await expect
      .poll(() => page.locator("guddu-wall").getByRole("heading", { level: 2 }).textContent())
      .toBe("Live from #AES2027");
    await page.locator("guddu-wall .note.live").waitFor();
    await page.locator("guddu-agenda li", { hasText: "Day 2: Investment forum" }).waitFor();
    expect(await page.locator("guddu-agenda li[aria-current=time]").textContent()).toContain("Now");
    await page.locator("guddu-speakers li", { hasText: "Amina Odhiambo" }).waitFor();
    await page.locator("guddu-speakers li", { hasText: "Ghana" }).waitFor();

    const feed = page.locator("guddu-wall [role=feed]");
    expect(await feed.getAttribute("aria-labelledby")).toBe("heading");
    expect(await page.locator("guddu-wall article").first().getAttribute("aria-posinset")).toBe("1");

    // Only the page's own origin and the API's; no cookies; nothing the policy had to refuse.
    const origins = new Set(requested.map((url) => new URL(url).origin));
    expect([...origins].sort()).toEqual([new URL(site.url).origin, worker.url].sort());
    expect(await context.cookies()).toEqual([]);
    expect(await probe(page, "violations")).toEqual([]);
    expect(site.csp).toContain(`connect-src ${worker.url} ${worker.url.replace("http", "ws")}`);

    // Every image says what it shows, or is marked decorative beside the name it illustrates.
    const images = await probe<{ alt: string | null; avatar: boolean }[]>(page, "images()");
    for (const image of images) {
      expect(image.alt).not.toBeNull();
      if (!image.avatar) expect(image.alt).not.toBe("");
    }

    expect(await probe(page, "lowContrastText()")).toEqual([]);
  });

  it("shows a new post without a reload, and announces it politely", async () => {
    const marker = await probe<string>(page, "mark()");
    const [mention] = await deliverMentions(1, "live");
    await wallPost(page, mention!).waitFor({ timeout: ARRIVAL_MS });
    expect(await probe(page, "mark()")).toBe(marker);
    expect(await page.locator("guddu-wall [aria-live=polite]").textContent()).toBe(
      `New post from ${mention!.name}`,
    );
    // Newest first, after nothing pinned.
    expect(await page.locator("guddu-wall article").first().textContent()).toContain(mention!.text);
  });

  it("takes a post off the wall when a moderator hides it", async () => {
    const [mention] = await deliverMentions(1, "hidden");
    await wallPost(page, mention!).waitFor({ timeout: ARRIVAL_MS });
    await hideFromWall(mention!);
    await wallPost(page, mention!).waitFor({ state: "detached", timeout: ARRIVAL_MS });
    const shown = await api<{ data: { id: string }[] }>(
      "GET",
      `/public/v1/events/${seeded.eventKey}/wall?limit=50`,
    );
    expect(shown.data.map((item) => item.id)).not.toContain(`x:${mention!.id}`);
  });

  it("animates an arriving post only when the reader allows motion", async () => {
    const calm = await context.newPage();
    await calm.emulateMedia({ reducedMotion: "reduce" });
    await calm.goto(site.url);
    await calm.locator("guddu-wall .note.live").waitFor();
    const [mention] = await deliverMentions(1, "motion");
    const animation = (on: Page) =>
      probe<{ isNew: boolean; name: string; running: number }>(
        on,
        `animation(${JSON.stringify(mention!.text)})`,
      );
    await wallPost(page, mention!).waitFor({ timeout: ARRIVAL_MS });
    await wallPost(calm, mention!).waitFor({ timeout: ARRIVAL_MS });
    expect((await animation(page)).name).toBe("guddu-arrive");
    expect(await animation(calm)).toEqual({ isNew: true, name: "none", running: 0 });
    await calm.close();
  });

  it("polls instead when the live channel refuses another connection, and still shows new posts", async () => {
    const second = await context.newPage();
    await second.goto(site.url);
    await second.locator("guddu-wall .note.live").waitFor();
    const third = await context.newPage();
    await third.goto(site.url);
    // Over the per-client cap the server closes the socket with 4429: the widget polls.
    await third.locator("guddu-wall .note.polling").waitFor({ timeout: ARRIVAL_MS });
    expect(await third.locator("guddu-wall .note").textContent()).toMatch(
      /^Checking for new posts every \d+ s/,
    );
    const [mention] = await deliverMentions(1, "polled");
    await wallPost(third, mention!).waitFor({ timeout: ARRIVAL_MS });
    await third.close();
    await second.close();
  });

  it("lets the keyboard reach and work every control, with a visible focus", async () => {
    const controls = await probe<string[]>(page, "controls()");
    expect(controls).toContain("guddu-wall:button:Pause updates");
    expect(controls).toContain("guddu-wall:button:Load older posts");
    await probe(page, "blur()");
    const reached = new Set<string>();
    for (let step = 0; step < controls.length + 20 && controls.some((c) => !reached.has(c)); step++) {
      await page.keyboard.press("Tab");
      const at = await focused(page);
      reached.add(at);
      if (at.startsWith("guddu-")) {
        const outline = await probe<string>(page, "outline()");
        expect(outline, at).toBe("solid true");
      }
    }
    expect(controls.filter((control) => !reached.has(control))).toEqual([]);

    // Pause with the keyboard: a post that comes in waits behind a button until the reader asks.
    const pause = page.locator("guddu-wall button", { hasText: "Pause updates" });
    await pause.focus();
    await page.keyboard.press("Enter");
    expect(await pause.getAttribute("aria-pressed")).toBe("true");
    const [held] = await deliverMentions(1, "held");
    const show = page.locator("guddu-wall button", { hasText: "Show 1 new post" });
    await show.waitFor({ timeout: ARRIVAL_MS });
    expect(await wallPost(page, held!).count()).toBe(0);
    await pause.focus();
    for (let step = 0; step < 5 && !(await focused(page)).includes("Show 1 new post"); step++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await wallPost(page, held!).waitFor();
    expect(await focused(page)).toContain(held!.text);
    await pause.focus();
    await page.keyboard.press("Space");
    expect(await pause.getAttribute("aria-pressed")).toBe("false");

    // Older posts: the reader goes on at the first one the button brought.
    const before = await page.locator("guddu-wall article").count();
    await page.locator("guddu-wall button", { hasText: "Load older posts" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("guddu-wall article").count(), { timeout: 10_000 })
      .toBeGreaterThan(before);
    expect(await focused(page)).toMatch(/^guddu-wall:article:/);
    const first = await focused(page);
    await page.keyboard.press("PageDown");
    expect(await focused(page)).not.toBe(first);
    expect(await focused(page)).toMatch(/^guddu-wall:article:/);
  });

  it("writes a screenshot of each widget for review", async () => {
    mkdirSync(SHOTS, { recursive: true });
    await probe(page, "blur()");
    for (const widget of ["wall", "agenda", "speakers"]) {
      const path = join(SHOTS, `${widget}.png`);
      await page.locator(`guddu-${widget}`).screenshot({ path, animations: "disabled" });
      expect(existsSync(path)).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, "event-page.png"), fullPage: true, animations: "disabled" });
  });
});
