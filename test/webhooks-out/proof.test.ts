/**
 * The proof of outbound webhooks: several organisations, each with endpoints subscribed to different
 * events, record events about many resources in interleaved batches, through the REAL outbox, cron
 * dispatch, queue and consumer, to receivers that fail at random (5xx, a redirect, a cut connection, no
 * answer), while queue messages are delivered twice and forged messages name another organisation.
 * Then, for every endpoint: each event it subscribes to was delivered (a 2xx) exactly once, every
 * request it got verifies with its secret (the Standard Webhooks package), the events about one
 * resource arrived in the order they happened (no request for an event before the one before it
 * succeeded), and nothing of another organisation, or of a type it does not subscribe to, came.
 *
 * Seeded: the events, batches, duplicates and the receivers' fault draws all come from `SEED`,
 * printed with every failed assertion (set WEBHOOK_PROOF_SEED to replay one; concurrent delivery still
 * orders requests differently from run to run).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import type { WebhookEventType } from "../../src/services/webhooks/event-types.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";
import {
  createEndpointAs,
  deliveriesOf,
  eventsOf,
  newReceiver,
  planReceiver,
  type Received,
  receivedBy,
  recordWebhookEvents,
  runWebhookDispatch,
  verifyReceived,
} from "../support/webhooks.ts";

const SEED =
  Number((globalThis as { process?: { env?: Record<string, string> } }).process?.env?.WEBHOOK_PROOF_SEED) ||
  Math.floor(Math.random() * 2 ** 31);

/** mulberry32, as the fakes use: the run's own draws. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGANISATIONS = 3;
const RESOURCES_PER_ORGANISATION = 6;
const MAX_EVENTS_PER_RESOURCE = 4;
const TYPES: WebhookEventType[] = ["post.published", "post.failed", "mention.received"];
/** Two endpoints each: one for every type, one for a random part of them. */
const FAULTS = ["server_error", "unavailable", "redirect", "drop", "server_error", "hang"];

interface Endpoint {
  id: string;
  secret: string;
  receiver: string;
  events: WebhookEventType[];
}

interface Organisation {
  owner: TestUser;
  endpoints: Endpoint[];
}

interface PlannedEvent {
  organisation: number;
  type: WebhookEventType;
  resourceId: string;
  n: number;
}

const say = (what: string) => `${what} (seed ${SEED})`;

describe("the outbound webhooks proof", () => {
  it("delivers every event once per subscribed endpoint, signed, in order per resource, never across organisations", async () => {
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

    const organisations: Organisation[] = [];
    for (let o = 0; o < ORGANISATIONS; o++) {
      const { owner } = await createTenant();
      const endpoints: Endpoint[] = [];
      const chosen = pick(TYPES);
      for (const events of [TYPES, TYPES.filter((t) => t === chosen || random() < 0.4)]) {
        const receiver = newReceiver();
        const created = await createEndpointAs(owner, { url: receiver.url, events });
        await planReceiver(receiver.name, {
          random: { seed: Math.floor(random() * 2 ** 31), rate: 0.3, faults: FAULTS, max_in_a_row: 2 },
        });
        endpoints.push({ id: created.id, secret: created.secret, receiver: receiver.name, events });
      }
      organisations.push({ owner, endpoints });
    }

    // Events about each resource, in the order they happen (n), recorded in interleaved batches.
    const queues: PlannedEvent[][] = [];
    for (let o = 0; o < ORGANISATIONS; o++) {
      for (let r = 0; r < RESOURCES_PER_ORGANISATION; r++) {
        const resourceId = crypto.randomUUID();
        const count = 1 + Math.floor(random() * MAX_EVENTS_PER_RESOURCE);
        queues.push(
          Array.from({ length: count }, (_, n) => ({ organisation: o, type: pick(TYPES), resourceId, n })),
        );
      }
    }
    const planned = queues.flat();
    while (queues.some((q) => q.length > 0)) {
      const organisation = Math.floor(random() * ORGANISATIONS);
      const batch: PlannedEvent[] = [];
      for (const queue of queues) {
        if (queue[0]?.organisation === organisation && random() < 0.5) batch.push(queue.shift()!);
      }
      if (batch.length === 0) continue;
      await recordWebhookEvents(
        organisations[organisation]!.owner.organizationId,
        batch.map((e) => ({
          type: e.type,
          resourceId: e.resourceId,
          data: { resource: e.resourceId, n: e.n },
        })),
      );
      await runWebhookDispatch();
    }

    // Until everything is delivered: the cron's runs, duplicate messages and forged ones.
    await vi.waitFor(
      async () => {
        await runWebhookDispatch();
        const deliveries = (
          await Promise.all(organisations.map((o) => deliveriesOf(o.owner.organizationId)))
        ).flat();
        // At-least-once queues: some unfinished deliveries' messages arrive again, or name a stranger.
        const extra = deliveries.filter((d) => d.status !== "succeeded" && random() < 0.2);
        for (const delivery of extra) {
          await env.WEBHOOKS_QUEUE.send(
            { delivery_id: delivery.id, organization_id: delivery.organizationId },
            { contentType: "json" },
          );
          const stranger = pick(organisations).owner.organizationId;
          await env.WEBHOOKS_QUEUE.send(
            { delivery_id: delivery.id, organization_id: stranger },
            { contentType: "json" },
          );
        }
        const unfinished = deliveries.filter((d) => d.status !== "succeeded");
        expect(
          unfinished.map((d) => `${d.id} ${d.status} after ${d.attempts}`),
          say("unfinished"),
        ).toEqual([]);
      },
      { timeout: 100_000, interval: 400 },
    );

    // What each organisation recorded: event id → (resource, n), per type.
    const recorded = new Map<string, { organisation: number; type: string; resource: string; n: number }>();
    for (const [o, organisation] of organisations.entries()) {
      for (const event of await eventsOf(organisation.owner.organizationId)) {
        recorded.set(event.id, {
          organisation: o,
          type: event.type,
          resource: String(event.data.resource),
          n: Number(event.data.n),
        });
      }
    }
    expect(recorded.size, say("every planned event recorded once")).toBe(planned.length);

    for (const [o, organisation] of organisations.entries()) {
      for (const endpoint of organisation.endpoints) {
        const got: Received[] = await receivedBy(endpoint.receiver);
        const expected = [...recorded.entries()]
          .filter(([, e]) => e.organisation === o && endpoint.events.includes(e.type as WebhookEventType))
          .map(([id]) => id)
          .sort();
        // Signed with the endpoint's secret, every request, whatever it was answered.
        for (const request of got) {
          expect(
            () => verifyReceived(endpoint.secret, request),
            say("a request that does not verify"),
          ).not.toThrow();
        }
        // Delivered exactly once (one 2xx) each; nothing else came.
        const ok = got.filter((r) => r.answer === 200).map((r) => r.headers["webhook-id"] ?? "");
        expect([...ok].sort(), say(`endpoint ${endpoint.id}: events delivered`)).toEqual(expected);
        const foreign = got.filter((r) => !expected.includes(r.headers["webhook-id"] ?? ""));
        expect(foreign, say(`endpoint ${endpoint.id}: requests it should never have got`)).toEqual([]);
        // In order per resource: the first request of an event comes after a 2xx of the one before.
        const byResource = new Map<string, string[]>();
        for (const id of expected) {
          const event = recorded.get(id)!;
          byResource.set(event.resource, [...(byResource.get(event.resource) ?? []), id]);
        }
        for (const [resource, events] of byResource) {
          const inOrder = events.sort((a, b) => recorded.get(a)!.n - recorded.get(b)!.n);
          for (let k = 1; k < inOrder.length; k++) {
            const firstOfNext = got.findIndex((r) => r.headers["webhook-id"] === inOrder[k]);
            const deliveredBefore = got.findIndex(
              (r) => r.headers["webhook-id"] === inOrder[k - 1] && r.answer === 200,
            );
            expect(
              deliveredBefore >= 0 && deliveredBefore < firstOfNext,
              say(
                `resource ${resource} at ${endpoint.id}: event ${k} came before event ${k - 1} was delivered`,
              ),
            ).toBe(true);
          }
        }
      }
    }
  }, 150_000);
});
