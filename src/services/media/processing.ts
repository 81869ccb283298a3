/**
 * The queue step after an upload: `pending` → `processing` → `ready` (or `failed`). It does what is
 * cheap inside a Worker: checks that the object is there with the recorded size and, for MP4/MOV,
 * reads duration and frame size from a `moov` atom near the start ("fast start" files; a `moov` at
 * the end is left alone). Safe to run twice: only a pending or processing asset is claimed.
 */
import { eq, inArray } from "drizzle-orm";
import { type MediaAsset, type MediaProcessingStatus, mediaAssets } from "../../db/schema/media-assets.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { mp4Info, type VideoInfo } from "../../platform/media-sniff.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";

/** How much of a video is read to look for its `moov` atom. */
const MOOV_WINDOW = 1024 * 1024;

export type ProcessingOutcome = "ready" | "failed" | "skipped";

/** Claims the asset for processing; undefined when there is nothing to do (done, failed, unknown). */
async function claim(ctx: TenantContext, id: string): Promise<MediaAsset | undefined> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .update(mediaAssets)
      .set({ processingStatus: "processing", updatedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          mediaAssets.organizationId,
          eq(mediaAssets.id, id),
          inArray(mediaAssets.processingStatus, ["pending", "processing"]),
        ),
      )
      .returning(),
  }));
  return rows[0];
}

/** Ends processing as `status`, with what was learnt, and its audit row (one round trip). */
async function finish(
  ctx: TenantContext,
  id: string,
  status: Extract<MediaProcessingStatus, "ready" | "failed">,
  facts: { video?: VideoInfo | null; reason?: string } = {},
  from: MediaProcessingStatus[] = ["processing"],
): Promise<void> {
  const video = facts.video;
  const set = {
    processingStatus: status,
    updatedAt: ctx.now(),
    ...(video?.width && video.height ? { width: video.width, height: video.height } : {}),
    ...(video?.durationMs != null ? { durationMs: video.durationMs } : {}),
  };
  await inTenant(ctx, (db) => ({
    finished: db
      .update(mediaAssets)
      .set(set)
      .where(
        ownedBy(
          ctx,
          mediaAssets.organizationId,
          eq(mediaAssets.id, id),
          inArray(mediaAssets.processingStatus, from),
        ),
      ),
    audit: auditEntry(ctx, db, {
      action: "media.process",
      entityType: "media",
      entityId: id,
      changes: {
        processing_status: status,
        ...(facts.reason ? { reason: facts.reason } : {}),
        ...(video ? { width: video.width, height: video.height, duration_ms: video.durationMs } : {}),
      },
      guard: mediaAssets,
    }),
  }));
}

/**
 * Processes one asset. Storage or database trouble throws (the queue retries); a file that is
 * missing or of the wrong size is a definite `failed`.
 */
export async function processMedia(ctx: TenantContext, id: string): Promise<ProcessingOutcome> {
  const asset = await claim(ctx, id);
  if (!asset) return "skipped";
  const bucket = ctx.config.MEDIA;
  const object = await bucket.head(asset.storageKey);
  if (!object) {
    await finish(ctx, id, "failed", { reason: "object_missing" });
    return "failed";
  }
  if (object.size !== asset.fileSize) {
    await finish(ctx, id, "failed", { reason: "size_mismatch" });
    return "failed";
  }
  let video: VideoInfo | null = null;
  if (asset.mimeType === "video/mp4" || asset.mimeType === "video/quicktime") {
    const start = await bucket.get(asset.storageKey, {
      range: { offset: 0, length: Math.min(MOOV_WINDOW, asset.fileSize) },
    });
    if (start) video = mp4Info(await start.bytes());
  }
  await finish(ctx, id, "ready", { video });
  return "ready";
}

/** The dead-letter queue's verdict: retries ran out, so an asset not yet ready is marked failed. */
export async function markMediaFailed(ctx: TenantContext, id: string): Promise<void> {
  await finish(ctx, id, "failed", { reason: "retries_exhausted" }, ["pending", "processing"]);
}
