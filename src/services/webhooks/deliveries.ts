/**
 * An endpoint's delivery log, and the two deliveries a person asks for: a replay of a finished one
 * (the same event, so the same `webhook-id` and body) and a test event. Both are written `queued` and
 * sent to the queue at once; a test event gets one attempt and never disables its endpoint.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import {
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  webhookDeliveries,
} from "../../db/schema/webhook-deliveries.ts";
import { webhookEndpoints } from "../../db/schema/webhook-endpoints.ts";
import { type WebhookEvent, webhookEvents } from "../../db/schema/webhook-events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { sendDeliveryMessages } from "./dispatch.ts";
import { webhookEndpointNotFound } from "./endpoints.ts";
import { TEST_EVENT_TYPE } from "./event-types.ts";

export interface DeliveryWithEvent {
  delivery: WebhookDelivery;
  event: WebhookEvent;
}

const deliveryNotFound = () =>
  new NotFoundError("webhook_delivery_not_found", "No such delivery of this webhook endpoint.");

const endpointExists = (ctx: TenantContext, db: Database, endpointId: string) =>
  db
    .select({ enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(ownedBy(ctx, webhookEndpoints.organizationId, eq(webhookEndpoints.id, endpointId)));

/** A delivery with its event, by id (visible to the batch that wrote it). */
const deliveryWithEvent = (ctx: TenantContext, db: Database, id: string) =>
  db
    .select({ delivery: webhookDeliveries, event: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEvents,
      and(
        eq(webhookEvents.id, webhookDeliveries.eventId),
        eq(webhookEvents.organizationId, webhookDeliveries.organizationId),
      ),
    )
    .where(ownedBy(ctx, webhookDeliveries.organizationId, eq(webhookDeliveries.id, id)));

export interface ListDeliveriesInput extends PageInput {
  status?: WebhookDeliveryStatus | undefined;
  event_type?: string | undefined;
}

const newestFirst = { by: webhookDeliveries.createdAt, id: webhookDeliveries.id, direction: "desc" } as const;

/** A page of an endpoint's deliveries with their events, rendered once per filters (db/prepared.ts). */
const deliveriesPage = preparedStatement(
  "webhookDeliveriesPage",
  (
    db,
    value: Value<"organizationId" | "endpointId" | "status" | "eventType" | PageValue>,
    shape: { continued: boolean; status: boolean; eventType: boolean },
  ) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: webhookDeliveries, event: webhookEvents, key: page.key })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEvents,
        and(
          eq(webhookEvents.id, webhookDeliveries.eventId),
          eq(webhookEvents.organizationId, webhookDeliveries.organizationId),
        ),
      )
      .where(
        and(
          eq(webhookDeliveries.organizationId, value("organizationId")),
          eq(webhookDeliveries.endpointId, value("endpointId")),
          shape.status ? eq(webhookDeliveries.status, value("status")) : undefined,
          shape.eventType ? eq(webhookEvents.type, value("eventType")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Newest first, each delivery with its `event`; one round trip (404 for another organisation's endpoint). */
export async function listWebhookDeliveries(
  ctx: TenantContext,
  endpointId: string,
  input: ListDeliveriesInput,
) {
  const page = paginate(input, newestFirst);
  const { endpoint, rows } = await inTenant(ctx, (db) => ({
    endpoint: endpointExists(ctx, db, endpointId),
    rows: deliveriesPage(
      db,
      {
        organizationId: ctx.organizationId,
        endpointId,
        status: input.status,
        eventType: input.event_type,
        ...page.values,
      },
      {
        continued: page.continued,
        status: Boolean(input.status),
        eventType: Boolean(input.event_type),
      },
    ),
  }));
  if (!endpoint[0]) throw webhookEndpointNotFound();
  return page.result(rows.map(({ row, event, key }) => ({ row: { ...row, event }, key })));
}

/** Sends the message of a delivery written `queued` by this request. */
async function sendNow(ctx: TenantContext, deliveryId: string): Promise<void> {
  await sendDeliveryMessages(ctx.db, ctx.config.WEBHOOKS_QUEUE, [
    { delivery_id: deliveryId, organization_id: ctx.organizationId },
  ]);
}

/**
 * Sends a finished delivery's event to its endpoint again, as a new delivery: one round trip, then
 * the queue. It keeps its place in line (it waits while an earlier delivery of the same resource is
 * unfinished). 404 for an unknown delivery, 409 `webhook_endpoint_disabled` (enable it first) and
 * `webhook_delivery_unfinished` (the delivery is still being tried).
 */
export async function replayWebhookDelivery(
  ctx: TenantContext,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryWithEvent> {
  const id = crypto.randomUUID();
  const now = ctx.now().toISOString();
  const { original, endpoint, replay } = await inTenant(ctx, (db) => ({
    original: db
      .select({ status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(
        ownedBy(
          ctx,
          webhookDeliveries.organizationId,
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookDeliveries.endpointId, endpointId),
        ),
      ),
    endpoint: endpointExists(ctx, db, endpointId),
    inserted: db.execute(sql`
      insert into webhook_deliveries
        (id, organization_id, endpoint_id, event_id, resource_id, status, next_attempt_at, claimed_at, replay_of)
      select ${id}, o.organization_id, o.endpoint_id, o.event_id, o.resource_id, 'queued',
             ${now}::timestamptz, ${now}::timestamptz, o.id
        from webhook_deliveries o
        join webhook_endpoints e on e.id = o.endpoint_id and e.organization_id = o.organization_id
       where o.id = ${deliveryId} and o.endpoint_id = ${endpointId} and o.organization_id = ${ctx.organizationId}
         and o.status in ('succeeded', 'failed') and e.enabled`),
    audit: auditEntry(ctx, db, {
      action: "webhook_delivery.replay",
      entityType: "webhook_delivery",
      entityId: id,
      changes: { replay_of: deliveryId, webhook_endpoint_id: endpointId },
      guard: webhookDeliveries,
    }),
    replay: deliveryWithEvent(ctx, db, id),
  }));
  const written = replay[0];
  if (!written) {
    if (!endpoint[0] || !original[0]) throw deliveryNotFound();
    if (!endpoint[0].enabled) {
      throw new ConflictError(
        "webhook_endpoint_disabled",
        "The endpoint is disabled: enable it, then replay.",
      );
    }
    throw new ConflictError(
      "webhook_delivery_unfinished",
      "This delivery is still being tried; replay it once it succeeded or failed.",
    );
  }
  await sendNow(ctx, id);
  return written;
}

/**
 * Sends a `webhook.test` event to the endpoint now (enabled or not): one round trip, then the queue.
 * One attempt, whose answer the delivery log shows.
 */
export async function sendTestWebhook(ctx: TenantContext, endpointId: string): Promise<DeliveryWithEvent> {
  const eventId = crypto.randomUUID();
  const id = crypto.randomUUID();
  const now = ctx.now().toISOString();
  const data = {
    webhook_endpoint_id: endpointId,
    message: "A test event from Guddu: this endpoint is reachable and can verify our signatures.",
  };
  const { delivery } = await inTenant(ctx, (db) => ({
    event: db.execute(sql`
      insert into webhook_events (id, organization_id, type, resource_id, data, occurred_at)
      select ${eventId}, e.organization_id, ${TEST_EVENT_TYPE}, ${eventId}, ${JSON.stringify(data)}::jsonb,
             ${now}::timestamptz
        from webhook_endpoints e where e.id = ${endpointId} and e.organization_id = ${ctx.organizationId}`),
    inserted: db.execute(sql`
      insert into webhook_deliveries
        (id, organization_id, endpoint_id, event_id, resource_id, status, next_attempt_at, claimed_at)
      select ${id}, v.organization_id, ${endpointId}, v.id, v.resource_id, 'queued', ${now}::timestamptz,
             ${now}::timestamptz
        from webhook_events v where v.id = ${eventId} and v.organization_id = ${ctx.organizationId}`),
    audit: auditEntry(ctx, db, {
      action: "webhook_delivery.test",
      entityType: "webhook_delivery",
      entityId: id,
      changes: { webhook_endpoint_id: endpointId },
      guard: webhookDeliveries,
    }),
    delivery: deliveryWithEvent(ctx, db, id),
  }));
  const written = delivery[0];
  if (!written) throw webhookEndpointNotFound();
  await sendNow(ctx, id);
  return written;
}
