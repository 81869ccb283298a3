import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { mediaAssets } from "../../src/db/schema/media-assets.ts";
import { inTenant } from "../../src/db/tenant.ts";
import worker from "../../src/index.ts";
import { createLogger } from "../../src/platform/logger.ts";
import type { MediaMessage } from "../../src/queues/media/message.ts";
import { CRON_DISPATCH_DUE_POSTS } from "../../src/scheduled.ts";
import { requeueStuckMedia } from "../../src/services/media/sweep.ts";
import { createMediaAsset, type MediaBody, mediaRow, uploadFile } from "../support/media.ts";
import { mp4, png } from "../support/media-files.ts";
import { createTenant, testDb } from "../support/tenants.ts";

const message = (id: string, body: unknown) => ({ id, timestamp: new Date(), attempts: 1, body });

/** Runs the Worker's queue() over one message and answers what it did with it. */
async function deliver(queue: string, body: unknown) {
  const batch = createMessageBatch(queue, [message("m1", body)]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

describe("processing uploaded media from the guddu-media queue", () => {
  it("moves a video to ready with the duration and frame size from its moov atom", async () => {
    const { owner } = await createTenant();
    const response = await uploadFile(owner, mp4({ width: 1920, height: 1080, durationMs: 61_250 }), {
      type: "video/mp4",
    });
    const media = (await response.json()) as MediaBody;
    expect(media.processing_status).toBe("pending");

    const result = await deliver("guddu-media", {
      media_id: media.id,
      organization_id: owner.organizationId,
    });
    expect(result.explicitAcks).toEqual(["m1"]);
    expect(result.retryMessages).toEqual([]);
    expect(await mediaRow(owner.organizationId, media.id)).toMatchObject({
      processingStatus: "ready",
      width: 1920,
      height: 1080,
      durationMs: 61_250,
    });
    const { audit } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      audit: db
        .select({ action: auditLogs.action, actorType: auditLogs.actorType })
        .from(auditLogs)
        .where(and(eq(auditLogs.organizationId, owner.organizationId), eq(auditLogs.entityId, media.id))),
    }));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "media.create", actorType: "user" },
        { action: "media.process", actorType: "system" },
      ]),
    );

    // A second delivery of the same message (at-least-once) changes nothing.
    expect(
      (await deliver("guddu-media", { media_id: media.id, organization_id: owner.organizationId }))
        .explicitAcks,
    ).toEqual(["m1"]);
    expect((await mediaRow(owner.organizationId, media.id))?.processingStatus).toBe("ready");
  });

  it("the upload queues the message itself: the asset becomes ready without help", async () => {
    const { owner } = await createTenant();
    const media = (await (await uploadFile(owner, png(6, 6), { type: "image/png" })).json()) as MediaBody;
    await vi.waitFor(
      async () => expect((await mediaRow(owner.organizationId, media.id))?.processingStatus).toBe("ready"),
      { timeout: 20_000, interval: 200 },
    );
    expect(await mediaRow(owner.organizationId, media.id)).toMatchObject({ width: 6, height: 6 });
  }, 25_000);

  it("marks an asset whose bytes are missing from storage failed, without retrying", async () => {
    const { owner } = await createTenant();
    const asset = await createMediaAsset(owner.organizationId);
    const result = await deliver("guddu-media", {
      media_id: asset.id,
      organization_id: owner.organizationId,
    });
    expect(result.explicitAcks).toEqual(["m1"]);
    expect((await mediaRow(owner.organizationId, asset.id))?.processingStatus).toBe("failed");
  });

  it("the dead-letter queue marks an asset failed when retries ran out", async () => {
    const { owner } = await createTenant();
    const asset = await createMediaAsset(owner.organizationId);
    const result = await deliver("guddu-media-dlq", {
      media_id: asset.id,
      organization_id: owner.organizationId,
    });
    expect(result.explicitAcks).toEqual(["m1"]);
    expect((await mediaRow(owner.organizationId, asset.id))?.processingStatus).toBe("failed");
  });

  it("retries with a delay when storage or the database fails", async () => {
    const { owner } = await createTenant();
    const asset = await createMediaAsset(owner.organizationId);
    const batch = createMessageBatch("guddu-media", [
      message("m1", { media_id: asset.id, organization_id: owner.organizationId }),
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([expect.objectContaining({ msgId: "m1" })]);
    expect(result.explicitAcks).toEqual([]);
  });

  it("acknowledges a malformed message instead of retrying it", async () => {
    const result = await deliver("guddu-media", { media_id: "not-a-uuid" });
    expect(result.explicitAcks).toEqual(["m1"]);
  });
});

describe("media whose processing message was lost", () => {
  it("is sent again by the per-minute cron once it has waited 15 minutes, and only then", async () => {
    const { owner } = await createTenant();
    // Rows without a message, as if the send after the upload had failed: one stuck for an hour,
    // one just written (its message may still be on its way).
    const [stuck, fresh] = await Promise.all([
      createMediaAsset(owner.organizationId),
      createMediaAsset(owner.organizationId),
    ]);
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      aged: db
        .update(mediaAssets)
        .set({ updatedAt: new Date(Date.now() - 3_600_000) })
        .where(eq(mediaAssets.id, stuck.id)),
    }));
    const sent: string[] = [];
    const recording = {
      sendBatch: async (messages: Iterable<MessageSendRequest<MediaMessage>>) => {
        for (const m of messages) sent.push(m.body.media_id);
      },
    } as unknown as Queue<MediaMessage>;
    const logger = createLogger("error", {});

    await requeueStuckMedia(testDb(), recording, logger);
    expect(sent).toContain(stuck.id);
    expect(sent).not.toContain(fresh.id);
    // Taken once per grace period: a second run right away does not send it again.
    sent.length = 0;
    await requeueStuckMedia(testDb(), recording, logger);
    expect(sent).not.toContain(stuck.id);
  });

  it("goes through the real queue to the consumer when the cron runs", async () => {
    const { owner } = await createTenant();
    const asset = await createMediaAsset(owner.organizationId); // no bytes in R2: processing fails it
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      aged: db
        .update(mediaAssets)
        .set({ updatedAt: new Date(Date.now() - 3_600_000) })
        .where(eq(mediaAssets.id, asset.id)),
    }));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: CRON_DISPATCH_DUE_POSTS }), env, ctx);
    await waitOnExecutionContext(ctx);
    await vi.waitFor(
      async () => expect((await mediaRow(owner.organizationId, asset.id))?.processingStatus).toBe("failed"),
      { timeout: 20_000, interval: 100 },
    );
  }, 25_000);
});
