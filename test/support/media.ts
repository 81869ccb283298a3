/** Media factories and calls: rows written like the Worker writes them, uploads sent like a client. */
import { eq } from "drizzle-orm";
import { content } from "../../src/db/schema/content.ts";
import { mediaAssets } from "../../src/db/schema/media-assets.ts";
import { mediaUploads } from "../../src/db/schema/media-uploads.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { call } from "./http.ts";
import type { TestUser } from "./tenants.ts";
import { testDb } from "./tenants.ts";

/** A media row (no bytes in R2): enough for reads, deletes and cross-tenant checks. */
export async function createMediaAsset(organizationId: string, overrides: { deleted?: boolean } = {}) {
  const id = crypto.randomUUID();
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(mediaAssets)
      .values({
        id,
        organizationId,
        filename: "stage.png",
        fileType: "image",
        mimeType: "image/png",
        fileSize: 1234,
        storageKey: `org/${organizationId}/${id}`,
        width: 10,
        height: 10,
        sha256: "0".repeat(64),
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}

/** An upload row whose R2 multipart upload is not real: enough for lookups and cross-tenant checks. */
export async function createMediaUploadRow(organizationId: string) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(mediaUploads)
      .values({
        organizationId,
        r2UploadId: "not-a-real-upload",
        storageKey: `org/${organizationId}/${crypto.randomUUID()}`,
        filename: "keynote.mp4",
        contentType: "video/mp4",
        size: 12 * 1024 * 1024,
        partSize: 5 * 1024 * 1024,
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning(),
  }));
  return inserted[0]!;
}

/** A content row of the organisation that shows these media. */
export async function createContentUsing(organizationId: string, mediaIds: string[], deleted = false) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(content)
      .values({
        organizationId,
        contentType: "post",
        caption: "Day one on stage",
        mediaAssets: mediaIds,
        deletedAt: deleted ? new Date() : null,
      })
      .returning({ id: content.id }),
  }));
  return inserted[0]!.id;
}

export async function mediaRow(organizationId: string, id: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(mediaAssets).where(eq(mediaAssets.id, id)),
  }));
  return rows[0];
}

/** `POST /v1/media` with raw bytes, as `curl --data-binary` sends them. */
export function uploadFile(
  user: TestUser,
  bytes: Uint8Array,
  options: { type?: string; filename?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const filename = encodeURIComponent(options.filename ?? "file.bin");
  return call(`/v1/media?filename=${filename}`, {
    method: "POST",
    headers: {
      ...user.headers,
      ...(options.type ? { "content-type": options.type } : {}),
      ...options.headers,
    },
    body: bytes,
  });
}

export interface MediaBody {
  id: string;
  filename: string;
  file_type: string;
  mime_type: string;
  file_size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  processing_status: string;
  content_url: string;
}

export interface UploadBody {
  id: string;
  part_size: number;
  part_count: number;
  last_part_size: number;
  parts: Array<{ part_number: number; size: number }>;
  missing_parts: number[];
  status: string;
  media_id: string | null;
}
