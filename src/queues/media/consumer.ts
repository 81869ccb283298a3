import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { systemContext } from "../../services/context.ts";
import { markMediaFailed, processMedia } from "../../services/media/processing.ts";
import type { MediaMessage } from "./message.ts";

/** The context a media message is handled in: the message's organisation, media processing as actor. */
const processingContext = (config: Config, organizationId: string) =>
  systemContext(config, organizationId, "media-processing");

/** 10 s, 20 s, 40 s … capped at 10 minutes. */
const backoffSeconds = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

export async function handleMediaMessage(
  message: Message<unknown>,
  body: MediaMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  try {
    const outcome = await processMedia(processingContext(ctx.config, body.organization_id), body.media_id);
    ctx.logger.info("media processed", { media_id: body.media_id, outcome });
    message.ack();
  } catch (error) {
    ctx.logger.warn("media processing failed; retrying", {
      media_id: body.media_id,
      attempts: message.attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    message.retry({ delaySeconds: backoffSeconds(message.attempts) });
  }
}

export async function handleMediaDeadLetter(
  message: Message<unknown>,
  body: MediaMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  await markMediaFailed(processingContext(ctx.config, body.organization_id), body.media_id);
  ctx.logger.error("media processing gave up", { media_id: body.media_id });
  message.ack();
}
