import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { mediaAssets } from "../../src/db/schema/media-assets.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { call, callWithEnv, expectProblem } from "../support/http.ts";
import { type MediaBody, uploadFile } from "../support/media.ts";
import { gif, jpeg, mp4, padded, pdf, png, sha256Hex, webm, webpVp8x } from "../support/media-files.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

const MiB = 1024 * 1024;

/** Every object R2 holds for the organisation. */
async function storedKeys(organizationId: string): Promise<string[]> {
  const listed = await env.MEDIA.list({ prefix: `org/${organizationId}/` });
  return listed.objects.map((o) => o.key);
}

async function assetRows(organizationId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(mediaAssets).where(eq(mediaAssets.organizationId, organizationId)),
  }));
  return rows;
}

/** Nothing of a refused upload is left: no object, no row. */
async function expectNothingKept(user: TestUser) {
  expect(await storedKeys(user.organizationId)).toEqual([]);
  expect(await assetRows(user.organizationId)).toEqual([]);
}

describe("uploading a file as raw bytes", () => {
  it.each([
    ["PNG", png(64, 48), "image/png", 64, 48],
    ["JPEG", jpeg(4032, 3024, 20_000), "image/jpeg", 4032, 3024],
    ["GIF", gif(7, 5), "image/gif", 7, 5],
    ["WebP", webpVp8x(1200, 628), "image/webp", 1200, 628],
  ])(
    "stores a %s with the type and size read from its bytes, in one round trip with its audit row",
    async (_, bytes, type, width, height) => {
      const { owner } = await createTenant();
      // `measure` calls the Worker's fetch directly, where no HTTP layer adds Content-Length.
      const { response, roundTrips } = await measure("/v1/media?filename=stage%20photo", {
        method: "POST",
        headers: { ...owner.headers, "content-type": type, "content-length": String(bytes.length) },
        body: bytes,
      });
      expect(response.status).toBe(201);
      expect(roundTrips).toBe(1);
      const media = (await response.json()) as MediaBody;
      expect(response.headers.get("location")).toBe(`/v1/media/${media.id}`);
      expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
      expect(media).toMatchObject({
        filename: "stage photo",
        file_type: "image",
        mime_type: type,
        file_size: bytes.length,
        width,
        height,
        processing_status: "pending",
        content_url: `/v1/media/${media.id}/content`,
      });
      expect(media.sha256).toBe(await sha256Hex(bytes));

      const stored = await env.MEDIA.get(`org/${owner.organizationId}/${media.id}`);
      expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
      const { audit } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
        audit: db
          .select({ action: auditLogs.action, changes: auditLogs.changes })
          .from(auditLogs)
          .where(and(eq(auditLogs.organizationId, owner.organizationId), eq(auditLogs.entityId, media.id))),
      }));
      expect(audit).toEqual([
        {
          action: "media.create",
          changes: {
            filename: "[withheld]",
            mime_type: type,
            file_size: bytes.length,
            sha256: media.sha256,
          },
        },
      ]);
    },
  );

  it("takes a PDF as a document and MP4 and WebM as video", async () => {
    const { editor } = await createTenant(["editor"]);
    const cases = [
      [pdf(), "application/pdf", "document"],
      [mp4(), "video/mp4", "video"],
      [webm(), "video/webm", "video"],
    ] as const;
    for (const [bytes, type, fileType] of cases) {
      const response = await uploadFile(editor, bytes, { type, filename: `file.${fileType}` });
      expect(response.status, type).toBe(201);
      expect(await response.json()).toMatchObject({ mime_type: type, file_type: fileType, width: null });
    }
  });

  it("hashes a file of several megabytes streamed in many chunks correctly", async () => {
    const { owner } = await createTenant();
    const bytes = padded(png(2, 2), 3 * MiB + 17);
    const response = await uploadFile(owner, bytes, { type: "image/png" });
    expect(response.status).toBe(201);
    const media = (await response.json()) as MediaBody;
    expect(media.sha256).toBe(await sha256Hex(bytes));
    expect(media.file_size).toBe(bytes.length);
  });

  it("lets the server decide the type when the client sends application/octet-stream", async () => {
    const { owner } = await createTenant();
    const response = await uploadFile(owner, gif(2, 2), { type: "application/octet-stream" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ mime_type: "image/gif", width: 2, height: 2 });
  });

  it("refuses PNG bytes sent as image/jpeg with 415 media_type_mismatch and keeps nothing", async () => {
    const { owner } = await createTenant();
    const problem = await expectProblem(
      await uploadFile(owner, png(10, 10), { type: "image/jpeg" }),
      415,
      "media_type_mismatch",
    );
    expect(problem).toMatchObject({ claimed_type: "image/jpeg", detected_type: "image/png" });
    await expectNothingKept(owner);
  });

  it("refuses a format it does not take with 415 unsupported_media_type, claimed or not, and keeps nothing", async () => {
    const { owner } = await createTenant();
    const zip = padded(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), 2000);
    await expectProblem(
      await uploadFile(owner, zip, { type: "application/octet-stream" }),
      415,
      "unsupported_media_type",
    );
    await expectProblem(await uploadFile(owner, zip, { type: "image/png" }), 415, "unsupported_media_type");
    await expectProblem(
      await uploadFile(owner, zip, { type: "application/zip" }),
      415,
      "unsupported_media_type",
    );
    await expectNothingKept(owner);
  });

  it("refuses an image over 20 MiB with 413, from the claim at once or from the bytes when unclaimed", async () => {
    const { owner } = await createTenant();
    const bytes = padded(png(1, 1), 20 * MiB + 1);
    const claimed = await expectProblem(
      await uploadFile(owner, bytes, { type: "image/png" }),
      413,
      "media_too_large",
    );
    expect(claimed).toMatchObject({ limit_bytes: 20 * MiB });
    await expectProblem(
      await uploadFile(owner, bytes, { type: "application/octet-stream" }),
      413,
      "media_too_large",
    );
    await expectNothingKept(owner);
  });

  it("asks for a Content-Length (411) when the body is sent without one, and for a file name (400)", async () => {
    const { owner } = await createTenant();
    const bytes = png(2, 2);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    await expectProblem(
      await call("/v1/media?filename=a.png", {
        method: "POST",
        headers: { ...owner.headers, "content-type": "image/png" },
        body: chunked,
      }),
      411,
      "length_required",
    );
    await expectProblem(await uploadFile(owner, bytes, { filename: "" }), 400, "validation_failed");
    await expectProblem(
      await uploadFile(owner, bytes, { type: "image/png", filename: "../../etc/passwd" }),
      400,
      "validation_failed",
    );
    await expectNothingKept(owner);
  });

  it("refuses a body shorter or longer than its Content-Length (400) and keeps nothing", async () => {
    const { owner } = await createTenant();
    const bytes = padded(png(10, 10), 5000);
    // Called directly: over HTTP the runtime itself holds a body to its Content-Length.
    for (const announced of [8000, 3000]) {
      const response = await callWithEnv(env, "/v1/media?filename=a.png", {
        method: "POST",
        headers: { ...owner.headers, "content-type": "image/png", "content-length": String(announced) },
        body: bytes,
      });
      await expectProblem(response, 400, "body_length_mismatch");
    }
    await expectNothingKept(owner);
  });

  it("replays an upload retried with the same Idempotency-Key: one asset, one object", async () => {
    const { owner } = await createTenant();
    const bytes = png(3, 3);
    const headers = { "idempotency-key": `upload-${crypto.randomUUID()}` };
    const first = await uploadFile(owner, bytes, { type: "image/png", filename: "a.png", headers });
    expect(first.status).toBe(201);
    const again = await uploadFile(owner, bytes, { type: "image/png", filename: "a.png", headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await assetRows(owner.organizationId)).toHaveLength(1);
    expect(await storedKeys(owner.organizationId)).toHaveLength(1);
  });
});
