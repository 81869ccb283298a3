import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { archiveDelivery } from "../../services/inbound/delivery-archive.ts";
import type { IngestMessage } from "./message.ts";

/** 10 s, 20 s, 40 s … capped at 10 minutes. */
const backoffSeconds = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

/** A verified delivery: kept in the delivery archive (services/inbound/delivery-archive.ts). */
export async function handleIngestMessage(
  message: Message<unknown>,
  body: IngestMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  try {
    const outcome = await archiveDelivery(ctx.config, body);
    ctx.logger.info("webhook delivery archived", {
      platform: body.platform,
      delivery_id: body.delivery_id,
      outcome,
    });
    message.ack();
  } catch (error) {
    ctx.logger.warn("archiving a webhook delivery failed; retrying", {
      delivery_id: body.delivery_id,
      attempts: message.attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    message.retry({ delaySeconds: backoffSeconds(message.attempts) });
  }
}

/** Where the ingest queue gives up: logged loudly for an operator, the message kept for inspection. */
export async function handleIngestDeadLetter(
  message: Message<unknown>,
  body: IngestMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  ctx.logger.error("a webhook delivery could not be archived; retrying from the dead-letter queue", {
    platform: body.platform,
    delivery_id: body.delivery_id,
    attempts: message.attempts,
  });
  await handleIngestMessage(message, body, ctx);
}
