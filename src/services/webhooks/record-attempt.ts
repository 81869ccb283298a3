/**
 * Recording how an attempt ended, in one round trip, only while this worker still holds the delivery:
 * delivered (`succeeded`), to be retried (`queued` again, due after the backoff, whose queue message
 * this worker then delays by as much), or given up after the last attempt (`failed`). Giving up also
 * disables the endpoint, audits that and tells the organisation's owners and admins once (only the
 * transaction that disabled it does). A finished delivery hands over to the next one of the same
 * endpoint and resource, claimed here so the caller can send it at once.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { webhookDeliveries } from "../../db/schema/webhook-deliveries.ts";
import { webhookEndpoints } from "../../db/schema/webhook-endpoints.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { TEST_EVENT_TYPE } from "./event-types.ts";
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from "./retry-policy.ts";
import type { AttemptResult } from "./send-delivery.ts";
import { ownDelivery, type TakenDelivery } from "./take-delivery.ts";

export type AttemptOutcome =
  | { kind: "delivered" }
  | { kind: "retry"; delaySeconds: number }
  | { kind: "gave_up"; disabled: boolean }
  /** Another worker took the delivery over meanwhile: this one's result is not recorded. */
  | { kind: "lost" };

/** Why an endpoint was disabled, as its `disabled_reason` and the notification say. */
export function disabledReasonOf(attempts: number, result: AttemptResult): string {
  const last = result.status !== null ? `HTTP ${result.status}` : (result.error ?? "no answer");
  return `Disabled after ${attempts} failed attempts to deliver an event; the last: ${last}.`.slice(0, 500);
}

/**
 * The delivery next in line after a finished one (its endpoint still enabled), now `queued`; only if
 * `guard` (the finished one was recorded here).
 */
function handOver(ctx: TenantContext, taken: TakenDelivery, now: Date, guard: SQL) {
  const { delivery } = taken;
  return sql`
    update webhook_deliveries s set status = 'queued', claimed_at = ${now.toISOString()}::timestamptz,
           next_attempt_at = ${now.toISOString()}::timestamptz
     where s.id = (
       select n.id from webhook_deliveries n
        where n.organization_id = ${ctx.organizationId} and n.endpoint_id = ${delivery.endpointId}
          and n.resource_id = ${delivery.resourceId} and n.status = 'pending' and n.seq > ${delivery.seq}
          and n.next_attempt_at <= ${now.toISOString()}::timestamptz
        order by n.seq limit 1)
       and s.status = 'pending'
       and not exists (select 1 from webhook_deliveries p
                        where p.endpoint_id = s.endpoint_id and p.resource_id = s.resource_id and p.seq < s.seq
                          and p.status in ('pending', 'queued', 'sending'))
       and exists (select 1 from webhook_endpoints e
                    where e.id = s.endpoint_id and e.organization_id = ${ctx.organizationId} and e.enabled)
       and ${guard}
    returning s.id`;
}

export async function recordAttempt(
  ctx: TenantContext,
  taken: TakenDelivery,
  result: AttemptResult,
): Promise<{ outcome: AttemptOutcome; next: string | null }> {
  const { delivery, endpoint, event } = taken;
  const now = ctx.now();
  const attempts = delivery.attempts;
  const isTest = event.type === TEST_EVENT_TYPE;
  const gaveUp = !result.delivered && (isTest || attempts >= MAX_DELIVERY_ATTEMPTS);
  const delaySeconds = retryDelaySeconds(ctx.config.WEBHOOK_RETRY_BASE_SECONDS, attempts);
  const answer = {
    responseStatus: result.status,
    responseBody: result.body,
    durationMs: result.durationMs,
    error: result.error,
  };
  const status = result.delivered ? "succeeded" : gaveUp ? "failed" : "queued";
  const reason = disabledReasonOf(attempts, result);
  const disables = gaveUp && !isTest;
  const written = sql`exists (select 1 from webhook_deliveries where id = ${delivery.id} and xmin = pg_current_xact_id()::xid)`;
  const disabledHere = sql`exists (select 1 from webhook_endpoints where id = ${endpoint.id} and xmin = pg_current_xact_id()::xid)`;
  const { recorded, disabled, next } = await inTenant(ctx, (db) => ({
    recorded: db
      .update(webhookDeliveries)
      .set({
        ...answer,
        status,
        deliveredAt: result.delivered ? now : null,
        nextAttemptAt: status === "queued" ? new Date(now.getTime() + delaySeconds * 1000) : undefined,
        claimedAt: status === "queued" ? now : null,
      })
      .where(
        and(
          ownDelivery(ctx, delivery.id),
          eq(webhookDeliveries.status, "sending"),
          delivery.claimedAt ? eq(webhookDeliveries.claimedAt, delivery.claimedAt) : undefined,
        ),
      )
      .returning({ id: webhookDeliveries.id }),
    disabled: disables
      ? db
          .update(webhookEndpoints)
          .set({ enabled: false, disabledReason: reason, disabledAt: now, updatedAt: now })
          .where(
            and(
              ownedBy(ctx, webhookEndpoints.organizationId, eq(webhookEndpoints.id, endpoint.id)),
              eq(webhookEndpoints.enabled, true),
              written,
            ),
          )
          .returning({ id: webhookEndpoints.id })
      : undefined,
    audit: disables
      ? auditEntry(ctx, db, {
          action: "webhook_endpoint.disable",
          entityType: "webhook_endpoint",
          entityId: endpoint.id,
          changes: {
            enabled: { from: true, to: false },
            disabled_reason: reason,
            webhook_delivery_id: delivery.id,
          },
          guard: webhookEndpoints,
        })
      : undefined,
    notice: disables
      ? notify(
          ctx,
          db,
          sql`select id from users where organization_id = ${ctx.organizationId}
                and role in ('owner', 'admin') and ${disabledHere}`,
          {
            type: "webhook_endpoint.disabled",
            title: "A webhook endpoint was disabled",
            message: `${endpoint.url}: ${reason} Fix the receiver, then enable the endpoint again; its waiting deliveries go out then.`,
            link: `/v1/webhook-endpoints/${endpoint.id}`,
            data: { webhook_endpoint_id: endpoint.id, webhook_delivery_id: delivery.id, url: endpoint.url },
            dedupeKey: `webhook_endpoint.disabled:${endpoint.id}:${delivery.id}`,
          },
        )
      : undefined,
    next: status !== "queued" ? db.execute<{ id: string }>(handOver(ctx, taken, now, written)) : undefined,
  }));
  if (recorded.length === 0) return { outcome: { kind: "lost" }, next: null };
  const outcome: AttemptOutcome = result.delivered
    ? { kind: "delivered" }
    : gaveUp
      ? { kind: "gave_up", disabled: (disabled?.length ?? 0) > 0 }
      : { kind: "retry", delaySeconds };
  return { outcome, next: next?.rows[0]?.id ?? null };
}
