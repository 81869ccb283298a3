/**
 * What the `guddu-webhooks` consumer does with one message: take the delivery (take-delivery.ts),
 * send it signed with the endpoint's secrets (send-delivery.ts), record the attempt
 * (record-attempt.ts) and send the delivery next in line, if the finished one handed over to one.
 * Three round trips for an attempt, four when one follows.
 */
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../context.ts";
import { sendDeliveryMessages } from "./dispatch.ts";
import { signingSecrets } from "./endpoints.ts";
import { webhookBody } from "./payload.ts";
import { recordAttempt } from "./record-attempt.ts";
import { sendDelivery } from "./send-delivery.ts";
import { takeDelivery } from "./take-delivery.ts";

export type DeliveryVerdict = { action: "ack" } | { action: "retry"; delaySeconds: number };

export async function deliverWebhook(
  ctx: TenantContext,
  deliveryId: string,
  logger: Logger,
): Promise<DeliveryVerdict> {
  const taken = await takeDelivery(ctx, deliveryId);
  if (!taken) {
    logger.debug("webhook delivery not taken (finished, held back or its endpoint disabled)", {
      webhook_delivery_id: deliveryId,
    });
    return { action: "ack" };
  }
  const secrets = await signingSecrets(ctx, taken.endpoint, ctx.now());
  const result = await sendDelivery(
    ctx.config,
    { url: taken.endpoint.url, secrets },
    { id: taken.event.id, body: webhookBody(taken.event) },
    ctx.now,
  );
  const { outcome, next } = await recordAttempt(ctx, taken, result);
  if (next) {
    await sendDeliveryMessages(
      ctx.db,
      ctx.config.WEBHOOKS_QUEUE,
      [{ delivery_id: next, organization_id: ctx.organizationId }],
      logger,
    );
  }
  if (outcome.kind === "gave_up" && outcome.disabled) {
    logger.warn("webhook endpoint disabled after its last attempt failed", {
      webhook_endpoint_id: taken.endpoint.id,
      webhook_delivery_id: deliveryId,
    });
  }
  return outcome.kind === "retry"
    ? { action: "retry", delaySeconds: outcome.delaySeconds }
    : { action: "ack" };
}
