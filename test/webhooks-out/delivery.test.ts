/**
 * Delivering through the real `guddu-webhooks` queue to a receiver on the fakes' server: signed as
 * Standard Webhooks says (verified with the specification's own package), retried with backoff until a
 * 2xx, never following a redirect, logged, in order per resource, given up after the last attempt (the
 * endpoint disabled and its owners and admins told once), replayed and tested on request, and only
 * ever to the organisation's own endpoints.
 */
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { notifications } from "../../src/db/schema/notifications.ts";
import { webhookDeliveries } from "../../src/db/schema/webhook-deliveries.ts";
import { webhookEndpoints } from "../../src/db/schema/webhook-endpoints.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { signatureOf } from "../../src/platform/standard-webhooks.ts";
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from "../../src/services/webhooks/retry-policy.ts";
import { auditRows } from "../support/audit.ts";
import { fakesOrigin } from "../support/fake-platforms.ts";
import { call, expectProblem } from "../support/http.ts";
import { createTenant, createUser, testDb } from "../support/tenants.ts";
import {
  createEndpointAs,
  deliveriesOf,
  newReceiver,
  planReceiver,
  receivedBy,
  recordWebhookEvents,
  runWebhookDispatch,
  verifyReceived,
  waitForReceived,
} from "../support/webhooks.ts";

type LoggedDelivery = {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  request_body: string;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  duration_ms: number | null;
  replay_of: string | null;
};

async function deliveryLog(headers: Record<string, string>, endpointId: string, query = "") {
  const response = await call(`/v1/webhook-endpoints/${endpointId}/deliveries${query}`, { headers });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: LoggedDelivery[] }).data;
}

/** Waits (sending due deliveries meanwhile) until every delivery of the endpoint is finished. */
async function waitUntilFinished(organizationId: string, endpointId: string, timeout = 20_000) {
  return vi.waitFor(
    async () => {
      await runWebhookDispatch();
      const rows = await deliveriesOf(organizationId, endpointId);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.status !== "succeeded" && r.status !== "failed")).toEqual([]);
      return rows;
    },
    { timeout, interval: 100 },
  );
}

const published = (postId: string, extra: Record<string, unknown> = {}) => ({
  type: "post.published",
  resourceId: postId,
  data: { published_post_id: postId, ...extra },
});

async function setEndpoint(
  organizationId: string,
  id: string,
  values: Partial<typeof webhookEndpoints.$inferInsert>,
) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    updated: db.update(webhookEndpoints).set(values).where(eq(webhookEndpoints.id, id)),
  }));
}

describe("delivering webhooks", () => {
  it("a public name that resolves to a private address is refused at send time, before anything is sent", async () => {
    const { owner } = await createTenant();
    const resolve = (name: string, addresses: string[]) =>
      fetch(`${fakesOrigin()}/_dns/records`, { method: "POST", body: JSON.stringify({ name, addresses }) });
    const inside = `hooks-${crypto.randomUUID().slice(0, 8)}.guddu-partner.net`;
    const mapped = `hooks-${crypto.randomUUID().slice(0, 8)}.guddu-partner.net`;
    await resolve(inside, ["203.0.113.9", "10.1.2.3"]);
    await resolve(mapped, ["::ffff:169.254.169.254"]);
    for (const [name, address] of [
      [inside, "10.1.2.3"],
      [mapped, "::ffff:169.254.169.254"],
    ] as const) {
      const endpoint = await createEndpointAs(owner, {
        url: `https://${name}/hooks`,
        events: ["post.published"],
      });
      await call(`/v1/webhook-endpoints/${endpoint.id}/test`, { method: "POST", headers: owner.headers });
      const [logged] = await vi.waitFor(
        async () => {
          const found = await deliveryLog(owner.headers, endpoint.id);
          expect(found[0]?.status).toBe("failed");
          return found;
        },
        { timeout: 15_000, interval: 100 },
      );
      expect(logged).toMatchObject({
        response_status: null,
        error: `Address refused: ${name} resolves to a private address (${address}).`,
      });
    }
  });

  it("a test event arrives signed: the Standard Webhooks package verifies it, and the log shows the answer", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    const response = await call(`/v1/webhook-endpoints/${endpoint.id}/test`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(202);
    const queued = (await response.json()) as LoggedDelivery;
    expect(queued).toMatchObject({ event_type: "webhook.test", status: "queued", attempts: 0 });

    const [got] = await waitForReceived(receiver.name, 1);
    const payload = verifyReceived(endpoint.secret, got!);
    expect(payload).toMatchObject({
      type: "webhook.test",
      data: { webhook_endpoint_id: endpoint.id, message: expect.any(String) },
    });
    expect(got!.headers["webhook-id"]).toBe(queued.event_id);
    expect(got!.headers["content-type"]).toBe("application/json");
    expect(Math.abs(Number(got!.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(got!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(got!.body).toBe(queued.request_body);
    // Another secret does not verify it.
    const stranger = await createEndpointAs(owner, { url: newReceiver().url, events: ["post.failed"] });
    expect(() => verifyReceived(stranger.secret, got!)).toThrow();

    await vi.waitFor(async () => {
      const [logged] = await deliveryLog(owner.headers, endpoint.id);
      expect(logged).toMatchObject({
        id: queued.id,
        status: "succeeded",
        attempts: 1,
        response_status: 200,
        response_body: '{"ok":true}',
        error: null,
      });
      expect(logged?.duration_ms).toEqual(expect.any(Number));
    });
    const audit = await auditRows(owner.organizationId, queued.id);
    expect(audit.map((a) => a.action)).toEqual(["webhook_delivery.test"]);
  });

  it("signs as the package does: v1 and the base64 HMAC-SHA256 of id.timestamp.body", async () => {
    const { Webhook } = await import("standardwebhooks");
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const at = new Date("2026-12-01T10:00:00Z");
    const body = '{"type":"post.published","timestamp":"2026-12-01T10:00:00.000Z","data":{}}';
    expect(await signatureOf(secret, "msg_1", Math.floor(at.getTime() / 1000), body)).toBe(
      new Webhook(secret).sign("msg_1", at, body),
    );
  });

  it("after a rotation a delivery carries two signatures: the old secret and the new one each verify it", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    const rotated = await call(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
      method: "POST",
      headers: owner.headers,
    });
    const { secret } = (await rotated.json()) as { secret: string };
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    const [got] = await waitForReceived(receiver.name, 1);
    expect(got!.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(verifyReceived(secret, got!).type).toBe("post.published");
    expect(verifyReceived(endpoint.secret, got!).type).toBe("post.published");
    // Once the grace period is over only the new secret signs.
    await setEndpoint(owner.organizationId, endpoint.id, {
      previousSecretExpiresAt: new Date(Date.now() - 1000),
    });
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    const [, later] = await waitForReceived(receiver.name, 2);
    expect(later!.headers["webhook-signature"]?.split(" ")).toHaveLength(1);
    expect(verifyReceived(secret, later!).type).toBe("post.published");
    expect(() => verifyReceived(endpoint.secret, later!)).toThrow();
  });

  it("a failing endpoint is retried with backoff until it answers 2xx; every attempt is the same message", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    await planReceiver(receiver.name, {
      answers: ["server_error", "unavailable", { status: 404, body: "no" }],
    });
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    const got = await waitForReceived(receiver.name, 4, 30_000);
    expect(got.map((r) => r.answer)).toEqual([500, 503, 404, 200]);
    expect(new Set(got.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    for (const request of got) expect(verifyReceived(endpoint.secret, request).type).toBe("post.published");
    // The waits between attempts grow (1 s, 2 s, 4 s with the tests' 1 s base).
    const times = got.map((r) => Date.parse(r.received_at));
    for (let n = 1; n < times.length; n++) {
      expect(times[n]! - times[n - 1]!).toBeGreaterThanOrEqual(retryDelaySeconds(1, n) * 1000 - 250);
    }
    const [row] = await waitUntilFinished(owner.organizationId, endpoint.id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 4, responseStatus: 200 });
  }, 30_000);

  it("a redirect is a failure and is never followed; a receiver that does not answer times out", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    // Test events get one attempt each, so each failure stays in the log as it was.
    await planReceiver(receiver.name, {
      answers: [{ status: 302, location: `${receiver.url}/elsewhere` }, "hang"],
    });
    for (const _ of [1, 2]) {
      await call(`/v1/webhook-endpoints/${endpoint.id}/test`, { method: "POST", headers: owner.headers });
    }
    const logged = await vi.waitFor(
      async () => {
        const found = await deliveryLog(owner.headers, endpoint.id);
        expect(found.map((d) => d.status)).toEqual(["failed", "failed"]);
        return found;
      },
      { timeout: 15_000, interval: 100 },
    );
    const redirected = logged.find((d) => d.response_status === 302);
    const hung = logged.find((d) => d.response_status === null);
    expect(redirected).toMatchObject({ attempts: 1, response_status: 302 });
    expect(redirected?.error).toMatch(/^Redirects are not followed \(Location: .*\/elsewhere\)/);
    expect(hung).toMatchObject({ attempts: 1, response_status: null });
    expect(hung?.error).toMatch(/^No answer within 1500 ms/);
    expect(hung?.duration_ms).toBeGreaterThanOrEqual(1400);
    // The redirect's target was never asked.
    expect((await receivedBy(receiver.name)).map((r) => r.answer).sort()).toEqual([302, "hang"]);

    // An event is retried after either, and delivered.
    await planReceiver(receiver.name, { answers: ["redirect", "hang"] });
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    const rows = await vi.waitFor(
      async () => {
        await runWebhookDispatch();
        const found = (await deliveriesOf(owner.organizationId, endpoint.id)).filter(
          (d) => d.status === "succeeded",
        );
        expect(found).toHaveLength(1);
        return found;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(rows[0]).toMatchObject({ attempts: 3, responseStatus: 200 });
  }, 30_000);

  it("an address refused at send time is never called (the rules apply to stored URLs too)", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    // As if the row held an address the rules refuse (made before a rule, or written around the API).
    await setEndpoint(owner.organizationId, endpoint.id, { url: "https://10.0.0.7/hook" });
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    await vi.waitFor(
      async () => {
        await runWebhookDispatch();
        const [logged] = await deliveryLog(owner.headers, endpoint.id);
        expect(logged?.attempts).toBeGreaterThanOrEqual(1);
        expect(logged?.error).toMatch(/^Address refused: .*IP address/);
        expect(logged?.response_status).toBeNull();
      },
      { timeout: 15_000, interval: 100 },
    );
  });

  it("a later event about the same resource waits while an earlier one is retried; other resources go on", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, {
      url: receiver.url,
      events: ["post.published", "post.failed"],
    });
    const post = crypto.randomUUID();
    const other = crypto.randomUUID();
    await planReceiver(receiver.name, { answers: ["server_error", "server_error"] });
    await recordWebhookEvents(owner.organizationId, [
      { type: "post.failed", resourceId: post, data: { published_post_id: post, n: 1 } },
    ]);
    await waitForReceived(receiver.name, 1);
    await recordWebhookEvents(owner.organizationId, [published(post, { n: 2 }), published(other, { n: 3 })]);
    // While the first is unfinished (between its retries), the second about the same post is held back.
    await runWebhookDispatch();
    const [first, second] = await deliveriesOf(owner.organizationId, endpoint.id);
    if (first?.status !== "succeeded") expect(second?.status).toBe("pending");
    await waitUntilFinished(owner.organizationId, endpoint.id);
    const got = await receivedBy(receiver.name);
    const order = got.map((r) => (JSON.parse(r.body) as { data: { n: number } }).data.n);
    // Every attempt of the first came before the second, which came once, after a success of the first.
    const ofPost = order.filter((n) => n !== 3);
    expect(ofPost.lastIndexOf(1)).toBeLessThan(ofPost.indexOf(2));
    expect(ofPost.filter((n) => n === 2)).toHaveLength(1);
    expect(got[order.lastIndexOf(1)]?.answer).toBe(200);
    // The other post's event did not wait for the first post's retries.
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(2));
  });

  it("after the last attempt the delivery fails, the endpoint is disabled, and owners and admins are told once", async () => {
    const { owner } = await createTenant();
    const admin = await createUser(owner.organizationId, { role: "admin" });
    const editor = await createUser(owner.organizationId, { role: "editor" });
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    await planReceiver(receiver.name, { answers: ["server_error"] });
    const post = crypto.randomUUID();
    await recordWebhookEvents(owner.organizationId, [published(post), published(post, { later: true })]);
    // As if twelve attempts had failed already: the next one is the last.
    const [first] = await deliveriesOf(owner.organizationId, endpoint.id);
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      aged: db
        .update(webhookDeliveries)
        .set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 })
        .where(eq(webhookDeliveries.id, first!.id)),
    }));
    await vi.waitFor(
      async () => {
        await runWebhookDispatch();
        const [failed] = await deliveriesOf(owner.organizationId, endpoint.id);
        expect(failed).toMatchObject({
          status: "failed",
          attempts: MAX_DELIVERY_ATTEMPTS,
          responseStatus: 500,
        });
      },
      { timeout: 15_000, interval: 100 },
    );
    const read = await call(`/v1/webhook-endpoints/${endpoint.id}`, { headers: owner.headers });
    expect(await read.json()).toMatchObject({
      enabled: false,
      disabled_reason: expect.stringMatching(/^Disabled after 13 failed attempts .*HTTP 500/),
    });
    const noticesOf = async (userId: string) => {
      const { rows } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
        rows: db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.type, "webhook_endpoint.disabled"))),
      }));
      return rows;
    };
    expect(await noticesOf(owner.id)).toHaveLength(1);
    expect(await noticesOf(admin.id)).toHaveLength(1);
    expect(await noticesOf(editor.id)).toEqual([]);
    expect((await noticesOf(owner.id))[0]).toMatchObject({ link: `/v1/webhook-endpoints/${endpoint.id}` });
    const audit = await auditRows(owner.organizationId, endpoint.id);
    expect(audit.map((a) => [a.action, a.actorType])).toContainEqual(["webhook_endpoint.disable", "system"]);

    // Disabled: the next delivery waits, and new events are not recorded for it.
    await runWebhookDispatch();
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    const waiting = await deliveriesOf(owner.organizationId, endpoint.id);
    expect(waiting.map((d) => d.status)).toEqual(["failed", "pending"]);
    const sent = (await receivedBy(receiver.name)).map((r) => JSON.parse(r.body) as { data: object });
    expect(sent.filter((payload) => "later" in payload.data)).toEqual([]);
    // Enabled again: the waiting delivery goes out.
    const enabled = await call(`/v1/webhook-endpoints/${endpoint.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ enabled: true }),
    });
    expect(enabled.status).toBe(200);
    const rows = await waitUntilFinished(owner.organizationId, endpoint.id);
    expect(rows.map((d) => d.status)).toEqual(["failed", "succeeded"]);
  });

  it("a replay sends the same event again (same webhook-id and body); refused while unfinished or disabled", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    const [original] = await waitUntilFinished(owner.organizationId, endpoint.id);
    const replay = await call(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${original!.id}/replay`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(replay.status).toBe(202);
    const replayed = (await replay.json()) as LoggedDelivery;
    expect(replayed).toMatchObject({ replay_of: original!.id, status: "queued" });
    const got = await waitForReceived(receiver.name, 2);
    expect(got[1]!.headers["webhook-id"]).toBe(got[0]!.headers["webhook-id"]);
    expect(got[1]!.body).toBe(got[0]!.body);
    expect(verifyReceived(endpoint.secret, got[1]!).type).toBe("post.published");
    const audit = await auditRows(owner.organizationId, replayed.id);
    expect(audit.map((a) => a.action)).toEqual(["webhook_delivery.replay"]);

    // Still being tried: not yet.
    await planReceiver(receiver.name, { answers: ["server_error", "server_error", "server_error"] });
    await recordWebhookEvents(owner.organizationId, [published(crypto.randomUUID())]);
    await waitForReceived(receiver.name, 3);
    const unfinished = (await deliveriesOf(owner.organizationId, endpoint.id)).at(-1)!;
    await expectProblem(
      await call(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${unfinished.id}/replay`, {
        method: "POST",
        headers: owner.headers,
      }),
      409,
      "webhook_delivery_unfinished",
    );
    await setEndpoint(owner.organizationId, endpoint.id, { enabled: false });
    await expectProblem(
      await call(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${original!.id}/replay`, {
        method: "POST",
        headers: owner.headers,
      }),
      409,
      "webhook_endpoint_disabled",
    );
    await expectProblem(
      await call(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${crypto.randomUUID()}/replay`, {
        method: "POST",
        headers: owner.headers,
      }),
      404,
      "webhook_delivery_not_found",
    );
  });

  it("a test event gets one attempt and never disables its endpoint", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, { url: receiver.url, events: ["post.published"] });
    await planReceiver(receiver.name, { answers: [{ status: 500, body: "broken" }] });
    const response = await call(`/v1/webhook-endpoints/${endpoint.id}/test`, {
      method: "POST",
      headers: owner.headers,
    });
    const { id } = (await response.json()) as LoggedDelivery;
    await vi.waitFor(async () => {
      const [logged] = await deliveryLog(owner.headers, endpoint.id);
      expect(logged).toMatchObject({
        id,
        status: "failed",
        attempts: 1,
        response_status: 500,
        response_body: "broken",
      });
    });
    const read = await call(`/v1/webhook-endpoints/${endpoint.id}`, { headers: owner.headers });
    expect(await read.json()).toMatchObject({ enabled: true });
  });

  it("the delivery log filters by status and event type, and pages", async () => {
    const { owner } = await createTenant();
    const receiver = newReceiver();
    const endpoint = await createEndpointAs(owner, {
      url: receiver.url,
      events: ["post.published", "post.failed"],
    });
    await recordWebhookEvents(owner.organizationId, [
      published(crypto.randomUUID()),
      published(crypto.randomUUID()),
      { type: "post.failed", resourceId: crypto.randomUUID(), data: {} },
    ]);
    await waitUntilFinished(owner.organizationId, endpoint.id);
    expect(await deliveryLog(owner.headers, endpoint.id, "?event_type=post.failed")).toHaveLength(1);
    expect(await deliveryLog(owner.headers, endpoint.id, "?status=succeeded")).toHaveLength(3);
    expect(await deliveryLog(owner.headers, endpoint.id, "?status=failed")).toHaveLength(0);
    const first = await call(`/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=2`, {
      headers: owner.headers,
    });
    const page = (await first.json()) as { data: LoggedDelivery[]; next_cursor: string };
    expect(page.data).toHaveLength(2);
    const rest = await deliveryLog(owner.headers, endpoint.id, `?limit=2&cursor=${page.next_cursor}`);
    expect(rest).toHaveLength(1);
    expect(new Set([...page.data, ...rest].map((d) => d.id)).size).toBe(3);
  });

  it("an event goes only to its own organisation's endpoints, and a message naming another organisation sends nothing", async () => {
    const ours = await createTenant();
    const theirs = await createTenant();
    const mine = newReceiver();
    const yours = newReceiver();
    const endpoint = await createEndpointAs(ours.owner, { url: mine.url, events: ["post.published"] });
    const other = await createEndpointAs(theirs.owner, { url: yours.url, events: ["post.published"] });
    await recordWebhookEvents(ours.owner.organizationId, [published(crypto.randomUUID())]);
    await waitUntilFinished(ours.owner.organizationId, endpoint.id);
    expect(await receivedBy(mine.name)).toHaveLength(1);
    expect(await receivedBy(yours.name)).toEqual([]);
    expect(await deliveriesOf(theirs.owner.organizationId, other.id)).toEqual([]);

    // A message that names the other organisation with our delivery's id finds nothing there.
    await planReceiver(mine.name, { answers: ["server_error"] });
    await recordWebhookEvents(ours.owner.organizationId, [published(crypto.randomUUID())]);
    await waitForReceived(mine.name, 2);
    const pending = (await deliveriesOf(ours.owner.organizationId, endpoint.id)).at(-1)!;
    await env.WEBHOOKS_QUEUE.send(
      { delivery_id: pending.id, organization_id: theirs.owner.organizationId },
      { contentType: "json" },
    );
    await waitUntilFinished(ours.owner.organizationId, endpoint.id);
    expect(await receivedBy(yours.name)).toEqual([]);
    expect(await deliveriesOf(theirs.owner.organizationId)).toEqual([]);
  });
});
