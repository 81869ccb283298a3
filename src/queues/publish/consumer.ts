/**
 * `guddu-publish`: one post per message (services/publishing/publish.ts decides what happens and
 * whether the message is retried, and after how long). A failure of our own (the database did not
 * answer) retries the message with backoff; the post is safe meanwhile: a post left `publishing` is
 * taken over after its lease, its unfinished attempt treated as uncertain. When the queue gives up on
 * a message it lands in `guddu-publish-dlq`, whose consumer fails the post and tells its author.
 */
import { createDb } from "../../db/client.ts";
import { type Bindings, loadConfig } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../../services/context.ts";
import { backoffSeconds, giveUpOnPost, publishPost } from "../../services/publishing/publish.ts";
import type { PublishMessage } from "./message.ts";

/** The context a publish message is handled in: the message's organisation, the publisher as actor. */
function publisherContext(env: Bindings, organizationId: string): TenantContext {
  const config = loadConfig(env);
  return {
    db: createDb(config),
    config,
    env,
    request: { ip: null, userAgent: null },
    now: () => new Date(),
    organizationId,
    actor: { type: "system", name: "publisher" },
  };
}

export async function handlePublishMessage(
  message: Message<unknown>,
  body: PublishMessage,
  ctx: { env: Bindings; logger: Logger },
): Promise<void> {
  const context = publisherContext(ctx.env, body.organization_id);
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
  ctx: { env: Bindings; logger: Logger },
): Promise<void> {
  await giveUpOnPost(publisherContext(ctx.env, body.organization_id), body.published_post_id, ctx.logger);
  message.ack();
}
