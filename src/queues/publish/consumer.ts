import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { systemContext } from "../../services/context.ts";
import { giveUpOnPost } from "../../services/publishing/give-up-on-post.ts";
import { publishPost } from "../../services/publishing/publish-post.ts";
import { backoffSeconds } from "../../services/publishing/retry-policy.ts";
import type { PublishMessage } from "./message.ts";

/** The context a publish message is handled in: the message's organisation, the publisher as actor. */
const publisherContext = (config: Config, organizationId: string) =>
  systemContext(config, organizationId, "publisher");

export async function handlePublishMessage(
  message: Message<unknown>,
  body: PublishMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  const context = publisherContext(ctx.config, body.organization_id);
  try {
    const delivery = await publishPost(context, body.published_post_id, ctx.logger);
    if (delivery.action === "retry") message.retry({ delaySeconds: delivery.delaySeconds });
    else message.ack();
  } catch (error) {
    ctx.logger.warn("publishing a post failed on our side; retrying", {
      published_post_id: body.published_post_id,
      attempts: message.attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    message.retry({
      delaySeconds: backoffSeconds(context.config.PUBLISH_RETRY_BASE_SECONDS, message.attempts),
    });
  }
}

export async function handlePublishDeadLetter(
  message: Message<unknown>,
  body: PublishMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  await giveUpOnPost(publisherContext(ctx.config, body.organization_id), body.published_post_id, ctx.logger);
  message.ack();
}
