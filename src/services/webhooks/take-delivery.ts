/**
 * The consumer's first step: take a queued delivery for one attempt (`sending`, its attempt counted)
 * and read its endpoint and event, in one round trip. A delivery is taken only while its endpoint is
 * enabled (a test event goes to a disabled one too) and no earlier delivery of the same endpoint and
 * resource is unfinished; otherwise it goes back to pending, and the cron sends it once it may go.
 * Every statement names the message's organisation: a delivery only ever meets its own endpoint.
 */
import { and, eq, sql } from "drizzle-orm";
import { type WebhookDelivery, webhookDeliveries } from "../../db/schema/webhook-deliveries.ts";
import { type WebhookEndpoint, webhookEndpoints } from "../../db/schema/webhook-endpoints.ts";
import { type WebhookEvent, webhookEvents } from "../../db/schema/webhook-events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { TEST_EVENT_TYPE } from "./event-types.ts";

export interface TakenDelivery {
  delivery: WebhookDelivery;
  endpoint: WebhookEndpoint;
  event: WebhookEvent;
}

export const ownDelivery = (ctx: Pick<TenantContext, "organizationId">, id: string) =>
  ownedBy(ctx, webhookDeliveries.organizationId, eq(webhookDeliveries.id, id));

/** No earlier delivery of the row's endpoint and resource is unfinished (the row's own table, unaliased). */
export const firstInLine = sql`not exists (
  select 1 from webhook_deliveries p
   where p.endpoint_id = ${webhookDeliveries.endpointId} and p.resource_id = ${webhookDeliveries.resourceId}
     and p.seq < ${webhookDeliveries.seq} and p.status in ('pending', 'queued', 'sending'))`;

/** The delivery `id`, taken by this transaction: the column `column` of it. */
const takenHere = (ctx: Pick<TenantContext, "organizationId">, id: string, column: string) =>
  sql`(select ${sql.identifier(column)} from webhook_deliveries
        where id = ${id} and organization_id = ${ctx.organizationId} and xmin = pg_current_xact_id()::xid)`;

/** The taken delivery with its endpoint and event, or null (nothing to do, or it went back to pending). */
export async function takeDelivery(ctx: TenantContext, id: string): Promise<TakenDelivery | null> {
  const now = ctx.now();
  const { taken, endpoint, event } = await inTenant(ctx, (db) => ({
    taken: db
      .update(webhookDeliveries)
      .set({
        status: "sending",
        claimedAt: now,
        lastAttemptAt: now,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
      })
      .where(
        and(
          ownDelivery(ctx, id),
          eq(webhookDeliveries.status, "queued"),
          sql`exists (select 1 from webhook_endpoints e join webhook_events v on v.id = ${webhookDeliveries.eventId}
                       where e.id = ${webhookDeliveries.endpointId} and e.organization_id = ${ctx.organizationId}
                         and (e.enabled or v.type = ${TEST_EVENT_TYPE}))`,
          firstInLine,
        ),
      )
      .returning(),
    endpoint: db
      .select()
      .from(webhookEndpoints)
      .where(
        ownedBy(
          ctx,
          webhookEndpoints.organizationId,
          sql`${webhookEndpoints.id} = ${takenHere(ctx, id, "endpoint_id")}`,
        ),
      ),
    event: db
      .select()
      .from(webhookEvents)
      .where(
        ownedBy(
          ctx,
          webhookEvents.organizationId,
          sql`${webhookEvents.id} = ${takenHere(ctx, id, "event_id")}`,
        ),
      ),
    parked: db
      .update(webhookDeliveries)
      .set({ status: "pending", claimedAt: null })
      .where(and(ownDelivery(ctx, id), eq(webhookDeliveries.status, "queued"))),
  }));
  const [delivery, ownEndpoint, ownEvent] = [taken[0], endpoint[0], event[0]];
  return delivery && ownEndpoint && ownEvent ? { delivery, endpoint: ownEndpoint, event: ownEvent } : null;
}
