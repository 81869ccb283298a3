import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";

const message = (id: string, body: unknown) => ({ id, timestamp: new Date(), attempts: 1, body });

describe("queue() dispatches on the queue's name", () => {
  it("acknowledges a message that can never be valid instead of retrying it into the dead-letter queue", async () => {
    const batch = createMessageBatch("guddu-publish", [message("bad", { published_post_id: "not-a-uuid" })]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["bad"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("acknowledges an ingest message once its delivery is archived", async () => {
    const deliveryId = crypto.randomUUID();
    const body = {
      platform: "x",
      delivery_id: deliveryId,
      received_at: new Date().toISOString(),
      payload: {},
    };
    const batch = createMessageBatch("guddu-ingest", [message("good", body)]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["good"]);
    expect(result.retryMessages).toEqual([]);
    const listed = await env.MEDIA.list({ prefix: "webhook-deliveries/x/" });
    expect(listed.objects.some((o) => o.key.endsWith(`/${deliveryId}.json`))).toBe(true);
  });

  it("retries a whole batch from a queue it does not know", async () => {
    const batch = createMessageBatch("some-other-queue", [message("m1", {})]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryBatch.retry).toBe(true);
  });

  it("the publish queue binding accepts a message", async () => {
    await env.PUBLISH_QUEUE.send({
      published_post_id: crypto.randomUUID(),
      organization_id: crypto.randomUUID(),
    });
  });
});
