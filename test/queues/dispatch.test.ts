import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import type { DeliveryMessage } from "../../src/queues/ingest/message.ts";
import { failedDeliveryKey } from "../../src/services/inbound/delivery-archive.ts";

const message = (id: string, body: unknown) => ({ id, timestamp: new Date(), attempts: 1, body });
const delivery = (payload: unknown): DeliveryMessage => ({
  type: "delivery",
  platform: "x",
  delivery_id: crypto.randomUUID(),
  received_at: new Date().toISOString(),
  payload,
});

describe("queue() dispatches on the queue's name", () => {
  it("acknowledges a message that can never be valid instead of retrying it into the dead-letter queue", async () => {
    const batch = createMessageBatch("guddu-publish", [message("bad", { published_post_id: "not-a-uuid" })]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["bad"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("acknowledges an ingest delivery once it is read (here: nothing in it for anyone)", async () => {
    const body = delivery({});
    const batch = createMessageBatch("guddu-ingest", [message("good", body)]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["good"]);
    expect(result.retryMessages).toEqual([]);
  });

  it("retries a delivery that cannot be stored, and from the dead-letter queue keeps it in R2 with the error", async () => {
    const payload = {
      for_user_id: "2244994945",
      tweet_create_events: [
        {
          id_str: "1",
          text: "@us hi",
          timestamp_ms: "1733000000000",
          user: { id_str: "9", screen_name: "fan" },
        },
      ],
    };
    const body = delivery(payload);
    const broken = { ...env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };
    const first = createMessageBatch("guddu-ingest", [message("m", body)]);
    const ctx = createExecutionContext();
    await worker.queue(first, broken, ctx);
    expect((await getQueueResult(first, ctx)).retryMessages).toEqual([{ msgId: "m" }]);
    const last = createMessageBatch("guddu-ingest-dlq", [message("m", body)]);
    const dlq = createExecutionContext();
    await worker.queue(last, broken, dlq);
    expect((await getQueueResult(last, dlq)).explicitAcks).toEqual(["m"]);
    const kept = await env.MEDIA.get(failedDeliveryKey(body));
    expect(await kept?.json()).toMatchObject({ message: body, attempts: 1, error: expect.any(String) });
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
