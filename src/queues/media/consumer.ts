/**
 * `guddu-media`: processes one uploaded asset per message (see services/media/processing.ts). A
 * failure is retried with exponential backoff; when retries run out the message lands in
 * `guddu-media-dlq`, whose consumer marks the asset failed.
 */
import { createDb } from "../../db/client.ts";
import { type Bindings, loadConfig } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../../services/context.ts";
import { markMediaFailed, processMedia } from "../../services/media/processing.ts";
import type { MediaMessage } from "./message.ts";

/** The context a queue consumer acts in: the message's organisation, the system as actor. */
function systemContext(env: Bindings, organizationId: string): TenantContext {
  const config = loadConfig(env);
  return {
    db: createDb(config),
    config,
    env,
    request: { ip: null, userAgent: null },
    now: () => new Date(),
    organizationId,
    actor: { type: "system", name: "media-processing" },
  };
}

/** 10 s, 20 s, 40 s … capped at 10 minutes. */
const backoffSeconds = (attempts: number) => Math.min(600, 10 * 2 ** Math.max(0, attempts - 1));

export async function handleMediaMessage(
  message: Message<unknown>,
  body: MediaMessage,
  ctx: { env: Bindings; logger: Logger },
): Promise<void> {
  try {
    const outcome = await processMedia(systemContext(ctx.env, body.organization_id), body.media_id);
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
  ctx: { env: Bindings; logger: Logger },
): Promise<void> {
  await markMediaFailed(systemContext(ctx.env, body.organization_id), body.media_id);
  ctx.logger.error("media processing gave up", { media_id: body.media_id });
  message.ack();
}
