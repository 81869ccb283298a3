import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { systemContext } from "../../services/context.ts";
import { deliverWebhook } from "../../services/webhooks/deliver.ts";
import { retryDelaySeconds } from "../../services/webhooks/retry-policy.ts";
import type { WebhookMessage } from "./message.ts";

/**
 * One attempt per message. A failed attempt is retried by delaying this message by the delivery's
 * backoff (its attempts are counted in Postgres, not by the queue); a failure on our side (the
 * database did not answer) is retried with the same backoff by the queue's count.
 */
export async function handleWebhookMessage(
  message: Message<unknown>,
  body: WebhookMessage,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  const context = systemContext(ctx.config, body.organization_id, "webhooks");
  try {
    const verdict = await deliverWebhook(context, body.delivery_id, ctx.logger);
    if (verdict.action === "retry") message.retry({ delaySeconds: verdict.delaySeconds });
    else message.ack();
  } catch (error) {
    ctx.logger.warn("delivering a webhook failed on our side; retrying", {
      webhook_delivery_id: body.delivery_id,
      attempts: message.attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    message.retry({
      delaySeconds: retryDelaySeconds(ctx.config.WEBHOOK_RETRY_BASE_SECONDS, message.attempts),
    });
  }
}
