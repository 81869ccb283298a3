/**
 * The `queue()` entry: dispatches a batch on `batch.queue` to that queue's consumer. A message that
 * does not match its queue's schema can never succeed, so it is acknowledged and logged rather than
 * retried into the dead-letter queue.
 */
import type { ZodType } from "zod";
import { type Bindings, type Config, loadConfig } from "../env.ts";
import { createLogger, type Logger } from "../platform/logger.ts";
import { handleIngestDeadLetter, handleIngestMessage } from "./ingest/consumer.ts";
import { IngestMessageSchema } from "./ingest/message.ts";
import { handleLifecycleMessage } from "./lifecycle/consumer.ts";
import { LifecycleMessageSchema } from "./lifecycle/message.ts";
import { handleMediaDeadLetter, handleMediaMessage } from "./media/consumer.ts";
import { MediaMessageSchema } from "./media/message.ts";
import { handleMetricsMessage } from "./metrics/consumer.ts";
import { MetricsMessageSchema } from "./metrics/message.ts";
import { handlePublishDeadLetter, handlePublishMessage } from "./publish/consumer.ts";
import { PublishMessageSchema } from "./publish/message.ts";
import { handleWebhookMessage } from "./webhooks/consumer.ts";
import { WebhookMessageSchema } from "./webhooks/message.ts";

interface Consumer<T> {
  schema: ZodType<T>;
  handle(message: Message<T>, body: T, ctx: { config: Config; logger: Logger }): Promise<void>;
  /** Handle a batch's messages at once: each waits on a platform, none on another (publishing). */
  concurrent?: boolean;
}

export const consumers: Record<string, Consumer<unknown>> = {
  "guddu-publish": { schema: PublishMessageSchema, handle: handlePublishMessage, concurrent: true },
  "guddu-ingest": { schema: IngestMessageSchema, handle: handleIngestMessage },
  "guddu-publish-dlq": { schema: PublishMessageSchema, handle: handlePublishDeadLetter },
  "guddu-ingest-dlq": { schema: IngestMessageSchema, handle: handleIngestDeadLetter },
  "guddu-media": { schema: MediaMessageSchema, handle: handleMediaMessage },
  "guddu-media-dlq": { schema: MediaMessageSchema, handle: handleMediaDeadLetter },
  // Each message waits on one platform call for its own account: a batch's messages run at once.
  "guddu-metrics": { schema: MetricsMessageSchema, handle: handleMetricsMessage, concurrent: true },
  // Each message waits on one organisation's endpoint; a delivery behind another of its resource is not taken.
  "guddu-webhooks": { schema: WebhookMessageSchema, handle: handleWebhookMessage, concurrent: true },
  // One step of one organisation's retention or one export each; steps of one chain never share a batch.
  "guddu-lifecycle": { schema: LifecycleMessageSchema, handle: handleLifecycleMessage, concurrent: true },
};

export async function handleQueue(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  const consumer = consumers[batch.queue];
  if (!consumer) {
    logger.error("batch from an unknown queue", { size: batch.messages.length });
    batch.retryAll();
    return;
  }
  const handleOne = async (message: Message<unknown>) => {
    const parsed = consumer.schema.safeParse(message.body);
    if (!parsed.success) {
      logger.error("dropping a malformed queue message", {
        message_id: message.id,
        issues: parsed.error.issues,
      });
      message.ack();
      return;
    }
    await consumer.handle(message, parsed.data, { config, logger: logger.child({ message_id: message.id }) });
  };
  if (consumer.concurrent) {
    await Promise.all(batch.messages.map(handleOne));
    return;
  }
  for (const message of batch.messages) await handleOne(message);
}
