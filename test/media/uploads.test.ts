import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { mediaUploads } from "../../src/db/schema/media-uploads.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createMediaUploadRow, type MediaBody, mediaRow, type UploadBody } from "../support/media.ts";
import { mp4, padded, png, sha256Hex } from "../support/media-files.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

const MiB = 1024 * 1024;
const PART = 5 * MiB;

/** A video of two full parts and a small last one, its moov first. */
const video = () =>
  padded(mp4({ width: 1280, height: 720, durationMs: 42_000, mdatBytes: 2 * PART }), 2 * PART + 1000);

async function start(user: TestUser, body: Record<string, unknown>) {
  const response = await postJson("/v1/media/uploads", body, { headers: user.headers });
  expect(response.status).toBe(201);
  return (await response.json()) as UploadBody;
}

const part = (user: TestUser, id: string, n: number, bytes: Uint8Array) =>
  call(`/v1/media/uploads/${id}/parts/${n}`, {
    method: "PUT",
    headers: { ...user.headers, "content-type": "application/octet-stream" },
    body: bytes,
  });

const slice = (file: Uint8Array, n: number) => file.subarray((n - 1) * PART, n * PART);

const state = async (user: TestUser, id: string) =>
  (await (await call(`/v1/media/uploads/${id}`, { headers: user.headers })).json()) as UploadBody;

describe("multipart uploads", () => {
  it("takes a file in parts in any order, says which arrived so a client can resume, and completes it into a media asset", async () => {
    const { owner } = await createTenant();
    const file = video();
    const upload = await start(owner, {
      filename: "keynote.mp4",
      content_type: "video/mp4",
      size: file.length,
    });
    expect(upload).toMatchObject({
      part_size: PART,
      part_count: 3,
      last_part_size: 1000,
      parts: [],
      missing_parts: [1, 2, 3],
      status: "uploading",
      media_id: null,
    });

    const second = await part(owner, upload.id, 2, slice(file, 2));
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({
      parts: [{ part_number: 2, size: PART }],
      missing_parts: [1, 3],
    });

    const { response: resumed, roundTrips } = await measure(`/v1/media/uploads/${upload.id}`, {
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    expect(await resumed.json()).toMatchObject({ parts: [{ part_number: 2 }], missing_parts: [1, 3] });

    await expectProblem(
      await call(`/v1/media/uploads/${upload.id}/complete`, { method: "POST", headers: owner.headers }),
      409,
      "upload_incomplete",
    ).then((problem) => expect(problem).toMatchObject({ missing_parts: [1, 3] }));

    const last = slice(file, 3);
    const { response: lastSent, roundTrips: partTrips } = await measure(
      `/v1/media/uploads/${upload.id}/parts/3`,
      {
        method: "PUT",
        headers: { ...owner.headers, "content-length": String(last.length) },
        body: last,
      },
    );
    expect(lastSent.status).toBe(200);
    expect(partTrips).toBe(2);
    expect((await part(owner, upload.id, 1, slice(file, 1))).status).toBe(200);
    expect((await state(owner, upload.id)).missing_parts).toEqual([]);

    const { response: done, roundTrips: completeTrips } = await measure(
      `/v1/media/uploads/${upload.id}/complete`,
      { method: "POST", headers: owner.headers },
    );
    expect(done.status).toBe(201);
    expect(completeTrips).toBe(2);
    const media = (await done.json()) as MediaBody;
    expect(done.headers.get("location")).toBe(`/v1/media/${media.id}`);
    expect(media).toMatchObject({
      filename: "keynote.mp4",
      file_type: "video",
      mime_type: "video/mp4",
      file_size: file.length,
      processing_status: "pending",
    });
    expect(media.sha256).toBe(await sha256Hex(file));
    expect(await state(owner, upload.id)).toMatchObject({ status: "completed", media_id: media.id });

    // The assembled object is the file, byte for byte, across the part boundaries.
    const across = await call(`/v1/media/${media.id}/content`, {
      headers: { ...owner.headers, range: `bytes=${PART - 10}-${PART + 9}` },
    });
    expect(new Uint8Array(await across.arrayBuffer())).toEqual(file.subarray(PART - 10, PART + 10));

    await expectProblem(
      await call(`/v1/media/uploads/${upload.id}/complete`, { method: "POST", headers: owner.headers }),
      409,
      "upload_completed",
    );
    await expectProblem(await part(owner, upload.id, 1, slice(file, 1)), 409, "upload_completed");
  });

  it("holds every part to its exact size and number, and asks for a Content-Length", async () => {
    const { owner } = await createTenant();
    const file = video();
    const upload = await start(owner, { filename: "a.mp4", content_type: "video/mp4", size: file.length });
    const short = await expectProblem(
      await part(owner, upload.id, 1, file.subarray(0, PART - 1)),
      400,
      "part_size_mismatch",
    );
    expect(short).toMatchObject({ expected_bytes: PART });
    await expectProblem(await part(owner, upload.id, 3, file.subarray(0, 999)), 400, "part_size_mismatch");
    await expectProblem(await part(owner, upload.id, 4, file.subarray(0, 10)), 400, "part_out_of_range");
    await expectProblem(await part(owner, upload.id, 0, file.subarray(0, 10)), 400, "validation_failed");
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(slice(file, 2));
        controller.close();
      },
    });
    await expectProblem(
      await call(`/v1/media/uploads/${upload.id}/parts/2`, {
        method: "PUT",
        headers: owner.headers,
        body: chunked,
      }),
      411,
      "length_required",
    );
    expect((await state(owner, upload.id)).parts).toEqual([]);
  });

  it("refuses a first part whose bytes are not the declared type (415) before the rest is sent", async () => {
    const { owner } = await createTenant();
    const upload = await start(owner, { filename: "a.mp4", content_type: "video/mp4", size: PART + 10 });
    await expectProblem(await part(owner, upload.id, 1, padded(png(4, 4), PART)), 415, "media_type_mismatch");
    expect((await state(owner, upload.id)).parts).toEqual([]);
  });

  it("refuses to start an upload over the type's limit (413) or of a type it does not take (400)", async () => {
    const { owner } = await createTenant();
    const tooBig = await postJson(
      "/v1/media/uploads",
      { filename: "huge.png", content_type: "image/png", size: 20 * MiB + 1 },
      { headers: owner.headers },
    );
    expect(await expectProblem(tooBig, 413, "media_too_large")).toMatchObject({ limit_bytes: 20 * MiB });
    await expectProblem(
      await postJson(
        "/v1/media/uploads",
        { filename: "a.zip", content_type: "application/zip", size: 10 },
        { headers: owner.headers },
      ),
      400,
      "validation_failed",
    );
  });

  it("aborts an upload: its parts are discarded and it takes no more parts", async () => {
    const { owner } = await createTenant();
    const file = video();
    const upload = await start(owner, { filename: "a.mp4", content_type: "video/mp4", size: file.length });
    expect((await part(owner, upload.id, 1, slice(file, 1))).status).toBe(200);
    const { response, roundTrips } = await measure(`/v1/media/uploads/${upload.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(response.status).toBe(204);
    expect(roundTrips).toBe(1);
    expect((await state(owner, upload.id)).status).toBe("aborted");
    await expectProblem(await part(owner, upload.id, 2, slice(file, 2)), 409, "upload_aborted");
    await expectProblem(
      await call(`/v1/media/uploads/${upload.id}/complete`, { method: "POST", headers: owner.headers }),
      409,
      "upload_aborted",
    );
    await expectProblem(
      await call(`/v1/media/uploads/${upload.id}`, { method: "DELETE", headers: owner.headers }),
      409,
      "upload_aborted",
    );
    const listed = await env.MEDIA.list({ prefix: `org/${owner.organizationId}/` });
    expect(listed.objects).toEqual([]);
  });

  it("a small file completes in a single (last) part, and creating an upload costs one round trip", async () => {
    const { owner } = await createTenant();
    const file = png(20, 10);
    const { response, roundTrips } = await measure("/v1/media/uploads", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ filename: "tiny.png", content_type: "image/png", size: file.length }),
    });
    expect(roundTrips).toBe(1);
    const upload = (await response.json()) as UploadBody;
    expect(upload).toMatchObject({ part_count: 1, last_part_size: file.length });
    expect((await part(owner, upload.id, 1, file)).status).toBe(200);
    const done = await call(`/v1/media/uploads/${upload.id}/complete`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(done.status).toBe(201);
    const media = (await done.json()) as MediaBody;
    expect(media).toMatchObject({ mime_type: "image/png", width: 20, height: 10 });
    expect((await mediaRow(owner.organizationId, media.id))?.storageKey).toBe(
      `org/${owner.organizationId}/${media.id}`,
    );
  });

  it("keeps uploads behind row-level security: a query without an organisation filter sees only its tenant's", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const mine = await createMediaUploadRow(a.organization.id);
    await createMediaUploadRow(b.organization.id);
    const { rows } = await inTenant({ db: testDb(), organizationId: a.organization.id }, (db) => ({
      rows: db.select({ id: mediaUploads.id }).from(mediaUploads),
    }));
    expect(rows).toEqual([{ id: mine.id }]);
  });
});
