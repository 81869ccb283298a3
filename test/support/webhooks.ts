/**
 * Outbound webhooks in tests: receivers on the fakes' server (test/fakes/platforms/receiver.ts), endpoints
 * and deliveries made for a test, events recorded through the real outbox, and the cron's dispatch.
 * Receivers are named per test (files run in parallel against the same fakes server).
 */
import { env } from "cloudflare:workers";
import { and, asc, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { expect, vi } from "vitest";
import { type WebhookDelivery, webhookDeliveries } from "../../src/db/schema/webhook-deliveries.ts";
import { webhookEvents } from "../../src/db/schema/webhook-events.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { dispatchDueWebhooks } from "../../src/services/webhooks/dispatch.ts";
import { createWebhookEndpoint } from "../../src/services/webhooks/endpoints.ts";
import type { WebhookEventType } from "../../src/services/webhooks/event-types.ts";
import { webhookEvents as recordEvents } from "../../src/services/webhooks/outbox.ts";
import { systemContext } from "./content.ts";
import { fakesOrigin } from "./fake-platforms.ts";
import { postJson } from "./http.ts";
import { type TestUser, testDb } from "./tenants.ts";

export type ReceiverAnswer =
  | "server_error"
  | "unavailable"
  | "redirect"
  | "drop"
  | "hang"
  | { status: number; body?: string; location?: string };

export interface Received {
  headers: Record<string, string>;
  body: string;
  received_at: string;
  answer: number | "drop" | "hang";
}

/** A fresh receiver: its name and the URL an endpoint delivers to. */
export function newReceiver(): { name: string; url: string } {
  const name = `r-${crypto.randomUUID()}`;
  return { name, url: `${fakesOrigin()}/_receiver/hooks/${name}` };
}

async function receiverControl<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${fakesOrigin()}/_receiver${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`receiver ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Queues answers for the receiver's next requests, and/or random faults (seeded). */
export const planReceiver = (
  name: string,
  plan: {
    answers?: ReceiverAnswer[];
    random?: { seed: number; rate: number; faults?: string[]; max_in_a_row?: number };
  },
) => receiverControl("POST", `/plans/${name}`, plan);

/** What the receiver got, oldest first. */
export async function receivedBy(name: string): Promise<Received[]> {
  return (await receiverControl<{ deliveries: Received[] }>("GET", `/deliveries/${name}`)).deliveries;
}

/** Waits until the receiver has got `count` requests (or more), sending due deliveries meanwhile. */
export async function waitForReceived(name: string, count: number, timeout = 15_000): Promise<Received[]> {
  return vi.waitFor(
    async () => {
      await runWebhookDispatch();
      const got = await receivedBy(name);
      expect(got.length).toBeGreaterThanOrEqual(count);
      return got;
    },
    { timeout, interval: 100 },
  );
}

/** The cron's dispatch of due deliveries (every organisation's), as the every-minute run does it. */
export const runWebhookDispatch = () => dispatchDueWebhooks(testDb(), env.WEBHOOKS_QUEUE);

/** Creates an endpoint through the API as `user`; answers the body (with its one-time secret). */
export async function createEndpointAs(
  user: TestUser,
  body: { url: string; events: string[]; description?: string; enabled?: boolean },
) {
  const response = await postJson("/v1/webhook-endpoints", body, { headers: user.headers });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; secret: string; url: string; events: string[] };
}

/**
 * An endpoint of the organisation, straight through the service (the security walk's factory),
 * delivering to a fresh receiver: a walk that sends it a test event never reaches outside.
 */
export async function createWebhookEndpointRow(
  organizationId: string,
  options: { url?: string; events?: WebhookEventType[] } = {},
) {
  const { endpoint, secret } = await createWebhookEndpoint(systemContext(organizationId), {
    url: options.url ?? newReceiver().url,
    events: options.events ?? ["post.published"],
  });
  return { ...endpoint, secret };
}

/** Records events through the real outbox statement, as a change's batch would. */
export async function recordWebhookEvents(
  organizationId: string,
  events: ReadonlyArray<{ type: string; resourceId: string; data: Record<string, unknown> }>,
) {
  const rows = events.map(
    (e) =>
      sql`select ${e.type}::text as type, ${e.resourceId}::uuid as resource_id, ${JSON.stringify(e.data)}::jsonb as data`,
  );
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    recorded: recordEvents(db, organizationId, sql.join(rows, sql` union all `)),
  }));
}

/** A finished delivery of an endpoint made for the test, without calling anyone. */
export async function createFinishedDelivery(organizationId: string) {
  const endpoint = await createWebhookEndpointRow(organizationId);
  const eventId = crypto.randomUUID();
  const id = crypto.randomUUID();
  const resourceId = crypto.randomUUID();
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    event: db.insert(webhookEvents).values({
      id: eventId,
      organizationId,
      type: "post.published",
      resourceId,
      data: { published_post_id: resourceId },
    }),
    delivery: db.insert(webhookDeliveries).values({
      id,
      organizationId,
      endpointId: endpoint.id,
      eventId,
      resourceId,
      status: "succeeded",
      attempts: 1,
    }),
  }));
  return { endpoint, deliveryId: id };
}

/** The organisation's deliveries (of one endpoint), in the order they were made. */
export async function deliveriesOf(organizationId: string, endpointId?: string): Promise<WebhookDelivery[]> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.organizationId, organizationId),
          endpointId ? eq(webhookDeliveries.endpointId, endpointId) : undefined,
        ),
      )
      .orderBy(asc(webhookDeliveries.seq)),
  }));
  return rows;
}

/** The organisation's recorded events, in the order they were recorded. */
export async function eventsOf(organizationId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.organizationId, organizationId))
      .orderBy(asc(webhookEvents.occurredAt), asc(webhookEvents.id)),
  }));
  return rows;
}

/**
 * Verifies a received request with the Standard Webhooks package, as a receiver would, and answers
 * its payload. Throws when the signature does not verify.
 */
export function verifyReceived(secret: string, received: Pick<Received, "headers" | "body">) {
  return new Webhook(secret).verify(received.body, {
    "webhook-id": received.headers["webhook-id"] ?? "",
    "webhook-timestamp": received.headers["webhook-timestamp"] ?? "",
    "webhook-signature": received.headers["webhook-signature"] ?? "",
  }) as { type: string; timestamp: string; data: Record<string, unknown> };
}
