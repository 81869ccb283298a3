import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { systemContext } from "../../services/context.ts";
import { measurePosts } from "../../services/metrics/measure.ts";
import type { MetricsMessage } from "./message.ts";

/**
 * Measures one account's batch of posts. A failure on our side (the database) is retried a few times;
 * a message that still fails is dropped without a dead-letter queue, because its posts stay claimed
 * only for the lease (services/metrics/dispatch.ts) and the cron claims them again after it.
 */
export async function handleMetricsMessage(
  message: Message<unknown>,
  body: MetricsMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  try {
    const outcome = await measurePosts(
      systemContext(ctx.config, body.organization_id, "metrics"),
      body,
      ctx.logger,
    );
    ctx.logger.info("posts measured", { social_account_id: body.social_account_id, ...outcome });
    message.ack();
  } catch (error) {
    ctx.logger.warn("measuring failed on our side; retrying", {
      social_account_id: body.social_account_id,
      attempts: message.attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    message.retry({ delaySeconds: 30 * message.attempts });
  }
}
