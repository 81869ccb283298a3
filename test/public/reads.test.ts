/**
 * The public API: what an event's page reads with its public key, with no internal id or private
 * field, CORS open, and cached at the edge so a repeated read costs no database round trip while a
 * moderator's change still reaches readers at once.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDelegate } from "../support/delegates.ts";
import { call, callWithEnv, envWith, expectProblem } from "../support/http.ts";
import { png } from "../support/media-files.ts";
import { createPhase } from "../support/phases.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";
import { createWallItem, createWidgetEvent } from "../support/wall.ts";

/** Each test reads as its own client address, so rate limits never cross tests. */
const client = () => ({ "cf-connecting-ip": `198.51.100.${Math.floor(Math.random() * 250) + 1}` });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function readJson<T>(path: string, headers: Record<string, string> = client()): Promise<T> {
  const response = await call(path, { headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

type Wall = {
  version: number;
  data: Array<{ id: string; text: string; pinned: boolean; official: boolean }>;
  next_cursor: string | null;
};

describe("the public API", () => {
  it("answers an event's facts and wall by its public key, without internal ids or private fields", async () => {
    const { organization } = await createTenant();
    const { event, widgets } = await createWidgetEvent(organization.id);
    // Platform ids as the platforms make them: no UUID of theirs to confuse with one of ours.
    const itemId = (n: number) => `${Date.now()}${n}`;
    const url = (n: number) => `https://x.com/fan/status/${itemId(n)}`;
    await createWallItem(organization.id, event.id, {
      itemId: itemId(1),
      content: { text: "Shown on the wall", url: url(1) },
    });
    await createWallItem(organization.id, event.id, {
      itemId: itemId(2),
      status: "pending",
      content: { text: "Waiting", url: url(2) },
    });
    await createWallItem(organization.id, event.id, {
      itemId: itemId(3),
      status: "hidden",
      content: { text: "Hidden", url: url(3) },
    });

    const response = await call(`/public/v1/events/${widgets.publicKey}`, { headers: client() });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const facts = (await response.json()) as { event: { name: string; timezone: string }; version: number };
    expect(facts.event).toMatchObject({ name: event.name, timezone: "Africa/Nairobi" });

    const wall = await readJson<Wall>(`/public/v1/events/${widgets.publicKey}/wall`);
    expect(wall.data.map((item) => item.text)).toEqual(["Shown on the wall"]);
    expect(JSON.stringify(wall)).not.toMatch(UUID);
    expect(JSON.stringify(facts)).not.toMatch(UUID);
  });

  it("is 404 for an unknown key, for widgets switched off, and for another route's shape", async () => {
    const { organization } = await createTenant();
    const { widgets } = await createWidgetEvent(organization.id, { enabled: false });
    for (const path of [
      `/public/v1/events/${widgets.publicKey}/wall`,
      "/public/v1/events/AAAAAAAAAAAA/agenda",
    ]) {
      const response = await call(path, { headers: client() });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      await expectProblem(response, 404, "event_not_found");
    }
    await expectProblem(
      await call("/public/v1/events/short/wall", { headers: client() }),
      400,
      "validation_failed",
    );
  });

  it("serves a repeated read from the edge cache (0 round trips, 304 on If-None-Match)", async () => {
    const { organization } = await createTenant();
    const { event, widgets } = await createWidgetEvent(organization.id);
    await createWallItem(organization.id, event.id);
    const headers = client();
    const path = `/public/v1/events/${widgets.publicKey}/wall?limit=5`;
    const cold = await measure(path, { headers });
    expect(cold.response.status).toBe(200);
    expect(cold.response.headers.get("x-guddu-cache")).toBe("miss");
    expect(cold.roundTrips).toBe(1);
    expect(cold.response.headers.get("cache-control")).toBe("public, max-age=5, stale-while-revalidate=30");
    const etag = cold.response.headers.get("etag") ?? "";
    const warm = await measure(path, { headers });
    expect(warm.response.headers.get("x-guddu-cache")).toBe("hit");
    expect(warm.roundTrips).toBe(0);
    expect(await warm.response.text()).toBe(await cold.response.text());
    const again = await measure(path, { headers: { ...headers, "if-none-match": etag } });
    expect(again.response.status).toBe(304);
    expect(again.roundTrips).toBe(0);
  });

  it("pins lead the wall; pages follow newest first by cursor; the organisation's posts are official", async () => {
    const { organization } = await createTenant();
    const { event, widgets } = await createWidgetEvent(organization.id);
    for (const n of [1, 2, 3, 4, 5]) {
      await createWallItem(organization.id, event.id, {
        content: { text: `item ${n}`, createdAt: new Date(Date.UTC(2027, 2, 10, 8, n)) },
      });
    }
    await createWallItem(organization.id, event.id, {
      pinned: true,
      content: { text: "pinned", createdAt: new Date(Date.UTC(2027, 2, 10, 7, 0)) },
    });
    const first = await readJson<Wall>(`/public/v1/events/${widgets.publicKey}/wall?limit=2`);
    expect(first.data.map((i) => i.text)).toEqual(["pinned", "item 5", "item 4"]);
    expect(first.data[0]?.pinned).toBe(true);
    const second = await readJson<Wall>(
      `/public/v1/events/${widgets.publicKey}/wall?limit=2&cursor=${first.next_cursor}`,
    );
    expect(second.data.map((i) => i.text)).toEqual(["item 3", "item 2"]);
    const last = await readJson<Wall>(
      `/public/v1/events/${widgets.publicKey}/wall?limit=2&cursor=${second.next_cursor}`,
    );
    expect(last.data.map((i) => i.text)).toEqual(["item 1"]);
    expect(last.next_cursor).toBeNull();
    await expectProblem(
      await call(`/public/v1/events/${widgets.publicKey}/wall?cursor=nonsense`, { headers: client() }),
      400,
      "invalid_cursor",
    );
  });

  it("answers the agenda (now and next), the featured and VIP speakers, and the counters", async () => {
    const { organization } = await createTenant();
    const { event, widgets } = await createWidgetEvent(organization.id);
    const hour = 3_600_000;
    const now = Date.now();
    await createPhase(organization.id, event.id, {
      name: "Under way",
      startsAt: new Date(now - hour),
      endsAt: new Date(now + hour),
    });
    await createPhase(organization.id, event.id, {
      name: "Next up",
      startsAt: new Date(now + hour),
      endsAt: new Date(now + 2 * hour),
    });
    await createDelegate(organization.id, event.id, {
      firstName: "Amina",
      lastName: "Odhiambo",
      title: "H.E.",
      vipTier: 1,
      email: "amina@example.org",
    });
    await createDelegate(organization.id, event.id, { firstName: "Private", lastName: "Person" });
    await createWallItem(organization.id, event.id);

    const agenda = await readJson<{
      now: { name: string } | null;
      next: { name: string } | null;
      phases: unknown[];
    }>(`/public/v1/events/${widgets.publicKey}/agenda`);
    expect(agenda).toMatchObject({ now: { name: "Under way" }, next: { name: "Next up" } });
    const speakers = await readJson<{ data: Array<Record<string, unknown>> }>(
      `/public/v1/events/${widgets.publicKey}/speakers`,
    );
    expect(speakers.data).toEqual([
      expect.objectContaining({ name: "H.E. Amina Odhiambo", photo_url: null }),
    ]);
    expect(JSON.stringify(speakers)).not.toMatch(/amina@example\.org|Private|[0-9a-f]{8}-[0-9a-f]{4}/);
    const counters = await readJson<{ wall_items: number; posts_published: number }>(
      `/public/v1/events/${widgets.publicKey}/counters`,
    );
    expect(counters).toMatchObject({ wall_items: 1, posts_published: 0 });
  });

  it("serves a featured speaker's photo by its hash from the API's origin, and nobody else's file", async () => {
    const { organization, owner } = await createTenant();
    const { event, widgets } = await createWidgetEvent(organization.id);
    const auth = { authorization: `Bearer ${owner.token}` };
    const upload = async () => {
      const bytes = png(40 + Math.floor(Math.random() * 100), 40);
      const response = await call("/v1/media?filename=photo.png", {
        method: "POST",
        headers: { ...auth, "content-type": "image/png", "content-length": String(bytes.length) },
        body: bytes,
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; sha256: string };
    };
    const [photo, other] = [await upload(), await upload()];
    const delegate = await createDelegate(organization.id, event.id, {
      firstName: "Kwame",
      lastName: "Mensah",
    });
    const patched = await call(`/v1/events/${event.id}/delegates/${delegate.id}`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ featured: true, photo_media_id: photo.id }),
    });
    expect(await patched.json()).toMatchObject({ featured: true, photo_media_id: photo.id });
    await expectProblem(
      await call(`/v1/events/${event.id}/delegates/${delegate.id}`, {
        method: "PATCH",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ photo_media_id: crypto.randomUUID() }),
      }),
      400,
      "unknown_media",
    );

    const speakers = await readJson<{ data: Array<{ name: string; photo_url: string }> }>(
      `/public/v1/events/${widgets.publicKey}/speakers`,
    );
    expect(speakers.data).toEqual([
      expect.objectContaining({
        name: "Kwame Mensah",
        photo_url: `/public/v1/events/${widgets.publicKey}/files/${photo.sha256}`,
      }),
    ]);
    const file = await call(speakers.data[0]?.photo_url ?? "", { headers: client() });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("cache-control")).toBe("public, max-age=86400, immutable");
    expect(new Uint8Array(await file.arrayBuffer()).slice(0, 4)).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );
    await expectProblem(
      await call(`/public/v1/events/${widgets.publicKey}/files/${other.sha256}`, { headers: client() }),
      404,
      "file_not_found",
    );
  });

  it("serves an approved item's avatar through the API's origin, and no image of an item not shown", async () => {
    const { organization } = await createTenant();
    const { event, widgets } = await createWidgetEvent(organization.id);
    const cdn = `${new URL(Object.values(JSON.parse(env.PLATFORM_BASE_URLS ?? "{}") as Record<string, string>)[0] ?? "").origin}/_cdn`;
    const author = (avatarUrl: string) => ({
      platformId: "7",
      handle: "fan",
      name: "Fan",
      avatarUrl,
      followers: 5,
      accountCreatedAt: null,
    });
    const shown = await createWallItem(organization.id, event.id, {
      content: { author: author(`${cdn}/a.png`) },
    });
    const waiting = await createWallItem(organization.id, event.id, {
      status: "pending",
      content: { author: author(`${cdn}/b.png`) },
    });
    const private_ = await createWallItem(organization.id, event.id, {
      content: { author: author("http://10.0.0.8/avatar.png") },
    });
    const image = (item: { platform: string; platformItemId: string }) =>
      call(
        `/public/v1/events/${widgets.publicKey}/images/${encodeURIComponent(`${item.platform}:${item.platformItemId}`)}/avatar`,
        {
          headers: client(),
        },
      );
    const wall = await readJson<{ data: Array<{ author: { avatar_url: string | null } }> }>(
      `/public/v1/events/${widgets.publicKey}/wall`,
    );
    expect(wall.data.map((i) => i.author.avatar_url)).toContain(
      `/public/v1/events/${widgets.publicKey}/images/${encodeURIComponent(`x:${shown.platformItemId}`)}/avatar`,
    );
    const served = await image(shown);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    await expectProblem(await image(waiting), 404, "image_not_found");
    await expectProblem(await image(private_), 404, "image_not_found");
  });

  it("limits each client's uncached reads and answers 429 with Retry-After; cached reads stay free", async () => {
    const { organization } = await createTenant();
    const { widgets } = await createWidgetEvent(organization.id);
    const tight = envWith({ PUBLIC_RATE_LIMITER: env.TIGHT_RATE_LIMITER });
    const headers = client();
    const base = `/public/v1/events/${widgets.publicKey}`;
    // Three misses are allowed; the same read again is a hit and costs nothing.
    for (const path of ["", "/agenda", "/speakers"]) {
      expect((await callWithEnv(tight, `${base}${path}`, { headers })).status).toBe(200);
    }
    expect((await callWithEnv(tight, `${base}/agenda`, { headers })).status).toBe(200);
    const refused = await callWithEnv(tight, `${base}/counters`, { headers });
    await expectProblem(refused, 429, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe("60");
    // Another client is not held back by the first.
    expect((await callWithEnv(tight, `${base}/counters`, { headers: client() })).status).toBe(200);
  });
});
