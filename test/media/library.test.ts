import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/env.ts";
import type { AppError } from "../../src/errors.ts";
import type { TenantContext } from "../../src/services/context.ts";
import { assertMediaOwned } from "../../src/services/media/media.ts";
import { call, expectProblem } from "../support/http.ts";
import {
  createContentUsing,
  createMediaAsset,
  type MediaBody,
  mediaRow,
  uploadFile,
} from "../support/media.ts";
import { gif, padded, pdf, png, sha256Hex } from "../support/media-files.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

async function upload(user: TestUser, bytes: Uint8Array, type: string, filename = "file") {
  const response = await uploadFile(user, bytes, { type, filename });
  expect(response.status).toBe(201);
  return (await response.json()) as MediaBody;
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("listing and reading media", () => {
  it("lists newest first, filters by file type and filename prefix, and skips deleted media", async () => {
    const { owner } = await createTenant();
    const photo = await upload(owner, png(4, 4), "image/png", "Keynote stage.png");
    const programme = await upload(owner, pdf(), "application/pdf", "Programme.pdf");
    const banner = await upload(owner, gif(2, 2), "image/gif", "keynote banner.gif");
    await createMediaAsset(owner.organizationId, { deleted: true });

    const list = async (query: string) => {
      const { response, roundTrips } = await measure(`/v1/media${query}`, { headers: owner.headers });
      expect(response.status).toBe(200);
      expect(roundTrips).toBe(1);
      return ((await response.json()) as { data: MediaBody[] }).data.map((m) => m.id);
    };
    expect(await list("")).toEqual([banner.id, programme.id, photo.id]);
    expect(await list("?file_type=image")).toEqual([banner.id, photo.id]);
    expect(await list("?q=keynote")).toEqual([banner.id, photo.id]);
    expect(await list("?q=Prog&file_type=document")).toEqual([programme.id]);
    expect(await list("?q=%25")).toEqual([]);

    const first = (await (await call("/v1/media?limit=2", { headers: owner.headers })).json()) as {
      data: MediaBody[];
      next_cursor: string;
    };
    const rest = (await (
      await call(`/v1/media?limit=2&cursor=${first.next_cursor}`, { headers: owner.headers })
    ).json()) as { data: MediaBody[]; next_cursor: null };
    expect([...first.data, ...rest.data].map((m) => m.id)).toEqual([banner.id, programme.id, photo.id]);
    expect(rest.next_cursor).toBeNull();
  });

  it("GET answers the metadata with an ETag in one round trip; another tenant's id is 404", async () => {
    const { owner } = await createTenant();
    const media = await upload(owner, png(3, 2), "image/png");
    const { response, roundTrips } = await measure(`/v1/media/${media.id}`, { headers: owner.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(await response.json()).toMatchObject({ id: media.id, width: 3, height: 2 });
    const other = await createTenant();
    await expectProblem(
      await call(`/v1/media/${media.id}`, { headers: other.owner.headers }),
      404,
      "media_not_found",
    );
    await expectProblem(
      await call(`/v1/media/${media.id}/content`, { headers: other.owner.headers }),
      404,
      "media_not_found",
    );
  });
});

describe("downloading the bytes", () => {
  it("streams the whole file with its type, length, R2's ETag and caching headers, in one round trip", async () => {
    const { viewer, owner } = await createTenant(["owner", "viewer"]);
    const bytes = padded(png(16, 16), 100_000);
    const media = await upload(owner, bytes, "image/png", "Stage, day 1 — café.png");
    const { response, roundTrips } = await measure(`/v1/media/${media.id}/content`, {
      headers: viewer.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const stored = await env.MEDIA.head(`org/${owner.organizationId}/${media.id}`);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("etag")).toBe(stored!.httpEtag);
    expect(response.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="Stage, day 1 _ caf_.png"; filename*=UTF-8''${encodeURIComponent("Stage, day 1 — café.png")}`,
    );
    const body = await bytesOf(response);
    expect(await sha256Hex(body)).toBe(media.sha256);
  });

  it("answers a range with 206, Content-Range and exactly those bytes", async () => {
    const { owner } = await createTenant();
    const bytes = padded(png(8, 8), 50_000);
    const media = await upload(owner, bytes, "image/png");
    const get = (range: string) =>
      call(`/v1/media/${media.id}/content`, { headers: { ...owner.headers, range } });

    const middle = await get("bytes=1000-1999");
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(middle.headers.get("content-length")).toBe("1000");
    expect(await bytesOf(middle)).toEqual(bytes.subarray(1000, 2000));

    const tail = await get("bytes=49990-");
    expect(tail.headers.get("content-range")).toBe(`bytes 49990-49999/${bytes.length}`);
    expect(await bytesOf(tail)).toEqual(bytes.subarray(49_990));

    const suffix = await get("bytes=-16");
    expect(suffix.status).toBe(206);
    expect(await bytesOf(suffix)).toEqual(bytes.subarray(bytes.length - 16));

    const past = await get("bytes=49000-99999");
    expect(past.headers.get("content-range")).toBe(`bytes 49000-49999/${bytes.length}`);
    expect(await bytesOf(past)).toEqual(bytes.subarray(49_000));

    const several = await get("bytes=0-1,5-6");
    expect(several.status).toBe(200);
    expect((await bytesOf(several)).length).toBe(bytes.length);
  });

  it("answers a range past the end with 416 and Content-Range: bytes */size", async () => {
    const { owner } = await createTenant();
    const media = await upload(owner, png(2, 2), "image/png");
    const response = await call(`/v1/media/${media.id}/content`, {
      headers: { ...owner.headers, range: `bytes=${media.file_size}-` },
    });
    expect(response.headers.get("content-range")).toBe(`bytes */${media.file_size}`);
    await expectProblem(response, 416, "range_not_satisfiable");
  });

  it("answers If-None-Match with the current ETag with 304 and no body", async () => {
    const { owner } = await createTenant();
    const media = await upload(owner, png(2, 2), "image/png");
    const first = await call(`/v1/media/${media.id}/content`, { headers: owner.headers });
    const etag = first.headers.get("etag")!;
    await first.body?.cancel();
    const again = await call(`/v1/media/${media.id}/content`, {
      headers: { ...owner.headers, "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const stale = await call(`/v1/media/${media.id}/content`, {
      headers: { ...owner.headers, "if-none-match": '"something-else"' },
    });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();
  });
});

describe("deleting and restoring", () => {
  it("refuses while live content uses the asset (409 media_in_use naming it), then deletes and restores", async () => {
    const { owner } = await createTenant();
    const media = await upload(owner, png(2, 2), "image/png");
    const other = await upload(owner, png(3, 3), "image/png");
    const post = await createContentUsing(owner.organizationId, [other.id, media.id]);
    await createContentUsing(owner.organizationId, [media.id], true);

    const refused = await expectProblem(
      await call(`/v1/media/${media.id}`, { method: "DELETE", headers: owner.headers }),
      409,
      "media_in_use",
    );
    expect(refused).toMatchObject({ content_ids: [post] });
    expect((await mediaRow(owner.organizationId, media.id))?.deletedAt).toBeNull();

    const unused = await upload(owner, gif(1, 1), "image/gif");
    const { response, roundTrips } = await measure(`/v1/media/${unused.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(response.status).toBe(204);
    expect(roundTrips).toBe(1);
    await expectProblem(
      await call(`/v1/media/${unused.id}`, { headers: owner.headers }),
      404,
      "media_not_found",
    );
    await expectProblem(
      await call(`/v1/media/${unused.id}`, { method: "DELETE", headers: owner.headers }),
      404,
      "media_not_found",
    );
    const restored = await call(`/v1/media/${unused.id}/restore`, { method: "POST", headers: owner.headers });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ id: unused.id });
    expect((await call(`/v1/media/${unused.id}/content`, { headers: owner.headers })).status).toBe(200);
  });

  it("another tenant's media cannot be deleted (404), even when the caller's content names its id", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createMediaAsset(other.organization.id);
    await createContentUsing(owner.organizationId, [theirs.id]);
    await expectProblem(
      await call(`/v1/media/${theirs.id}`, { method: "DELETE", headers: owner.headers }),
      404,
      "media_not_found",
    );
  });
});

describe("assertMediaOwned, for content that references media", () => {
  const contextOf = (organizationId: string): TenantContext => ({
    db: testDb(),
    config: loadConfig(env),
    request: { ip: null, userAgent: null },
    now: () => new Date(),
    organizationId,
    actor: { type: "system", name: "test" },
  });

  it("passes for the organisation's live media and lists every id that is not one (400 unknown_media)", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const mine = await createMediaAsset(owner.organizationId);
    const deleted = await createMediaAsset(owner.organizationId, { deleted: true });
    const theirs = await createMediaAsset(other.organization.id);
    const ctx = contextOf(owner.organizationId);

    await expect(assertMediaOwned(ctx, [mine.id, mine.id])).resolves.toBeUndefined();
    await expect(assertMediaOwned(ctx, [])).resolves.toBeUndefined();
    const unknown = crypto.randomUUID();
    const error = (await assertMediaOwned(ctx, [mine.id, theirs.id, deleted.id, unknown]).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.status).toBe(400);
    expect(error.code).toBe("unknown_media");
    expect(error.extras).toEqual({ media_ids: [theirs.id, deleted.id, unknown] });
  });
});
