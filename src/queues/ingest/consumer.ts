import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { keepFailedDelivery } from "../../services/inbound/delivery-archive.ts";
import { recordDeliveryFailure } from "../../services/inbound/failures.ts";
import { ingestDelivery } from "../../services/inbound/ingest-delivery.ts";
import { listenOnce } from "../../services/inbound/listen.ts";
import type { IngestMessage } from "./message.ts";

/** 10 s, 20 s, 40 s … capped at 10 minutes. */
const backoffSeconds = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

async function handle(body: IngestMessage, ctx: { config: Config; logger: Logger }) {
  if (body.type === "delivery") {
    const outcome = await ingestDelivery(ctx.config, body, ctx.logger);
    ctx.logger.info("webhook delivery ingested", {
      platform: body.platform,
      delivery_id: body.delivery_id,
      ...outcome,
    });
    return;
  }
  await listenOnce(ctx.config, body, ctx.logger);
}

/** A verified delivery into the inbound store, or one listener's turn; retried with backoff on failure. */
export async function handleIngestMessage(
  message: Message<unknown>,
  body: IngestMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  try {
    await handle(body, ctx);
    message.ack();
  } catch (error) {
    ctx.logger.warn("ingesting failed; retrying", {
      type: body.type,
      attempts: message.attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    message.retry({ delaySeconds: backoffSeconds(message.attempts) });
  }
}

/**
 * Where the ingest queue gives up. A delivery is tried once more; if that fails too it is kept in
 * R2 with the error (services/inbound/delivery-archive.ts), recorded for the organisations it was for
 * (their admins are told), logged loudly, and acknowledged: the platform will not send it again, and
 * the cron replays it from R2. A listener's turn is dropped (the next cron run starts another from
 * the saved cursor).
 */
export async function handleIngestDeadLetter(
  message: Message<unknown>,
  body: IngestMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  try {
    await handle(body, ctx);
    message.ack();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (body.type === "delivery") {
      try {
        await keepFailedDelivery(ctx.config, body, reason, message.attempts);
      } catch (archiving) {
        ctx.logger.error("a failed webhook delivery could not be kept; retrying", {
          delivery_id: body.delivery_id,
          error: archiving instanceof Error ? archiving.message : String(archiving),
        });
        message.retry({ delaySeconds: backoffSeconds(message.attempts) });
        return;
      }
      // Best effort: with the database away this fails too, and the replay records it later.
      await recordDeliveryFailure(ctx.config, body, reason, message.attempts).catch((recording) =>
        ctx.logger.warn("a failed webhook delivery could not be recorded for its organisations", {
          delivery_id: body.delivery_id,
          error: recording instanceof Error ? recording.message : String(recording),
        }),
      );
    }
    ctx.logger.error("ingesting failed for good", {
      type: body.type,
      ...(body.type === "delivery"
        ? { platform: body.platform, delivery_id: body.delivery_id }
        : { listener: body.listener }),
      attempts: message.attempts,
      error: reason,
    });
    message.ack();
  }
}
