/**
 * Embargoes on the public side: the wall, the counters, the speakers and the files never show what is
 * under embargo, the signed media link does not serve it, and an edge-cached answer never shows it
 * early (an embargo put on something already public moves the event's version on, so the old copy
 * is not served again). After the lift it all comes back.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/env.ts";
import { signMediaLink } from "../../src/services/publishing/media.ts";
import { createContent } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { call, expectProblem } from "../support/http.ts";
import { png } from "../support/media-files.ts";
import { createPost } from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";
import { createWidgetEvent } from "../support/wall.ts";
import { type Embargoed, fromNow, HOUR, iso, setContentEmbargo } from "./support.ts";

type Media = Embargoed & { id: string; sha256: string; updated_at: string };
type Wall = {
  version: number;
  data: Array<{ text: string; official: boolean; media: Array<{ url: string }> }>;
};

/** Each test reads as its own client address, so rate limits never cross tests. */
const client = () => ({ "cf-connecting-ip": `198.51.100.${Math.floor(Math.random() * 250) + 1}` });

async function read<T>(path: string, headers = client()): Promise<{ body: T; cache: string | null }> {
  const response = await call(path, { headers });
  expect(response.status, path).toBe(200);
  return { body: (await response.json()) as T, cache: response.headers.get("x-guddu-cache") };
}

async function upload(user: TestUser, query = ""): Promise<Media> {
  const bytes = png(30 + Math.floor(Math.random() * 200), 30);
  const response = await call(`/v1/media?filename=stage.png${query}`, {
    method: "POST",
    headers: { ...user.headers, "content-type": "image/png", "content-length": String(bytes.length) },
    body: bytes,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Media;
}

const setEmbargo = async (user: TestUser, id: string, body: Record<string, unknown>) => {
  const response = await call(`/v1/media/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Media;
};

/** The event's wall showing one published post of the organisation, with a file of its library. */
async function wallWithPost() {
  const { owner } = await createTenant();
  const { event, widgets } = await createWidgetEvent(owner.organizationId);
  const photo = await upload(owner);
  const account = await createSocialAccount(owner, { platform: "x", username: "summit" });
  const row = await createContent(owner.organizationId, {
    workflowStatus: "published",
    targetPlatforms: ["x"],
    caption: "Live from the main stage",
    eventId: event.id,
    mediaAssets: [photo.id],
  });
  await createPost(owner.organizationId, {
    contentId: row.id,
    socialAccountId: account.id,
    platform: "x",
    publishStatus: "published",
    platformPostId: `${Date.now()}`,
    platformUrl: "https://x.com/summit/status/1",
    publishedAt: new Date(),
    nextAttemptAt: null,
  });
  const base = `/public/v1/events/${widgets.publicKey}`;
  return { owner, photo, row, base, file: `${base}/files/${photo.sha256}` };
}

describe("the public pages hold back what is under embargo", () => {
  it("an embargo put on a file already on the wall takes its post and bytes off at once, without a stale copy; the lift brings them back", async () => {
    const { owner, photo, base, file } = await wallWithPost();
    const shown = await read<Wall>(`${base}/wall`);
    expect(shown.body.data).toEqual([
      expect.objectContaining({ text: "Live from the main stage", media: [{ url: file, alt: null }] }),
    ]);
    expect((await read<Wall>(`${base}/wall`)).cache).toBe("hit");
    expect((await read<{ posts_published: number }>(`${base}/counters`)).body.posts_published).toBe(1);

    const lift = fromNow(HOUR);
    expect(await setEmbargo(owner, photo.id, { embargo_until: iso(lift) })).toMatchObject({
      embargo_until: iso(lift),
      embargo_lifts_at: iso(lift),
    });
    const hidden = await read<Wall>(`${base}/wall`);
    expect(hidden.cache).toBe("miss");
    expect(hidden.body.version).toBeGreaterThan(shown.body.version);
    expect(hidden.body.data).toEqual([]);
    await expectProblem(await call(file, { headers: client() }), 404, "file_not_found");
    // The counters' copy (a minute at the edge) is keyed by the version too.
    expect((await read<{ posts_published: number }>(`${base}/counters`)).body.posts_published).toBe(0);

    await setEmbargo(owner, photo.id, { embargo_until: null });
    const back = await read<Wall>(`${base}/wall`);
    expect(back.body.data).toHaveLength(1);
    const bytes = await call(file, { headers: client() });
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get("content-type")).toBe("image/png");
  });

  it("content under embargo is not on the wall nor counted, whatever its posts say", async () => {
    const { owner, row, base, file } = await wallWithPost();
    await setContentEmbargo(owner.organizationId, row.id, { until: fromNow(HOUR) });
    expect((await read<Wall>(`${base}/wall`)).body.data).toEqual([]);
    expect((await read<{ posts_published: number }>(`${base}/counters`)).body.posts_published).toBe(0);
    await expectProblem(await call(file, { headers: client() }), 404, "file_not_found");
  });

  it("a featured speaker's photo under embargo is neither shown nor served; after the lift it is", async () => {
    const { owner } = await createTenant();
    const { event, widgets } = await createWidgetEvent(owner.organizationId);
    const photo = await upload(owner, `&embargo_until=${encodeURIComponent(iso(fromNow(HOUR)))}`);
    await createDelegate(owner.organizationId, event.id, {
      firstName: "Kwame",
      lastName: "Mensah",
      featured: true,
      photoMediaId: photo.id,
    });
    const base = `/public/v1/events/${widgets.publicKey}`;
    const file = `${base}/files/${photo.sha256}`;
    const before = await read<{ data: Array<{ name: string; photo_url: string | null }> }>(
      `${base}/speakers`,
    );
    expect(before.body.data).toEqual([expect.objectContaining({ name: "Kwame Mensah", photo_url: null })]);
    await expectProblem(await call(file, { headers: client() }), 404, "file_not_found");

    await setEmbargo(owner, photo.id, { embargo_until: null });
    const after = await read<{ data: Array<{ photo_url: string | null }> }>(`${base}/speakers`);
    expect(after.cache).toBe("miss");
    expect(after.body.data).toEqual([expect.objectContaining({ photo_url: file })]);
    expect((await call(file, { headers: client() })).status).toBe(200);
  });

  it("the signed media link answers 404 while its asset is under embargo, the bytes after the lift", async () => {
    const { owner } = await createTenant();
    const photo = await upload(owner, `&embargo_until=${encodeURIComponent(iso(fromNow(HOUR)))}`);
    const link = new URL(
      await signMediaLink(loadConfig(env), {
        id: photo.id,
        organizationId: owner.organizationId,
        mimeType: "image/png",
      }),
    ).pathname;
    await expectProblem(await call(link), 404, "media_link_invalid");
    await setEmbargo(owner, photo.id, { embargo_until: iso(new Date(Date.now() - 1000)) });
    const served = await call(link);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
  });
});
