/**
 * A delivery that cannot be stored even from the dead-letter queue is kept in R2, recorded for each
 * organisation holding its account (owners and admins told once), replayed by the cron with backoff
 * or by an admin at once, and resolved when a replay stores it.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/env.ts";
import worker from "../../src/index.ts";
import { createLogger } from "../../src/platform/logger.ts";
import type { DeliveryMessage } from "../../src/queues/ingest/message.ts";
import {
  failedDeliveryKey,
  MAX_AUTOMATIC_REPLAYS,
  nextReplayAt,
  replayDueDeliveries,
} from "../../src/services/inbound/delivery-archive.ts";
import { buildWebhookPayload } from "../fakes/platforms/webhook-payloads.ts";
import { call, expectProblem } from "../support/http.ts";
import { inboundItemsOf, refuseInboundItem } from "../support/inbound.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, createUser } from "../support/tenants.ts";

const logger = createLogger("error", {});

function xDelivery(account: string, itemId: string): DeliveryMessage {
  return {
    type: "delivery",
    platform: "x",
    delivery_id: crypto.randomUUID().replaceAll("-", ""),
    received_at: new Date().toISOString(),
    payload: buildWebhookPayload("x", [
      { account, item_id: itemId, action: "create", kind: "mention", text: "@us hello", at: new Date() },
    ]),
  };
}

/** The dead-letter consumer's last try at a delivery. */
async function deadLetter(body: DeliveryMessage) {
  const batch = createMessageBatch("guddu-ingest-dlq", [
    { id: "m", timestamp: new Date(), attempts: 4, body },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

const listFailures = async (token: string, query = "") => {
  const response = await call(`/v1/inbound-failures${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Array<Record<string, unknown>> }).data;
};

const notificationsOf = async (token: string) => {
  const response = await call("/v1/notifications?type=inbound.delivery_failed", {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { data: Array<{ title: string; data: Record<string, unknown> }> }).data;
};

describe("a delivery that cannot be stored", () => {
  it("is kept, listed for every organisation holding its account, and its owners and admins are told once", async () => {
    const a = await createTenant(["owner", "admin", "editor"]);
    const b = await createTenant();
    const account = `x-${crypto.randomUUID()}`;
    await createSocialAccount(a.owner, { platform: "x", platformUserId: account });
    await createSocialAccount(b.owner, { platform: "x", platformUserId: account });
    const itemId = `${Date.now()}7`;
    const refusal = await refuseInboundItem(itemId);
    try {
      const body = xDelivery(account, itemId);
      expect((await deadLetter(body)).explicitAcks).toEqual(["m"]);
      expect((await deadLetter(body)).explicitAcks).toEqual(["m"]);

      const kept = await env.MEDIA.get(failedDeliveryKey(body));
      expect(kept?.customMetadata).toMatchObject({ replays: "0" });
      expect(await kept?.json()).toMatchObject({ message: body, error: expect.stringContaining("refused") });

      for (const tenant of [a, b]) {
        const failures = await listFailures(tenant.owner.token);
        expect(failures).toEqual([
          expect.objectContaining({
            platform: "x",
            delivery_id: body.delivery_id,
            error: expect.stringContaining("inbound item refused"),
            attempts: 4,
            replays: 0,
            resolved_at: null,
            next_replay_at: expect.any(String),
          }),
        ]);
      }
      // Told once however often it failed; editors are not told.
      expect(await notificationsOf(a.owner.token)).toHaveLength(1);
      expect(await notificationsOf(a.admin.token)).toEqual([
        expect.objectContaining({ title: "A delivery from X could not be stored" }),
      ]);
      expect(await notificationsOf(a.editor.token)).toEqual([]);
      expect(await inboundItemsOf(a.organization.id)).toEqual([]);
    } finally {
      await refusal.restore();
    }
  });

  it("is replayed by the cron once its time has come, and resolved when stored", async () => {
    const { owner, organization } = await createTenant();
    const account = `x-${crypto.randomUUID()}`;
    await createSocialAccount(owner, { platform: "x", platformUserId: account });
    const itemId = `${Date.now()}8`;
    const body = xDelivery(account, itemId);
    const refusal = await refuseInboundItem(itemId);
    await deadLetter(body).finally(() => refusal.restore());
    const [failure] = await listFailures(owner.token);
    const due = new Date(String(failure?.next_replay_at));
    const config = loadConfig(env);

    // Not yet: still kept. Its time: sent through the real queue, stored, resolved, no longer kept.
    await replayDueDeliveries(config, new Date(due.getTime() - 60_000), logger);
    expect(await env.MEDIA.head(failedDeliveryKey(body))).not.toBeNull();
    expect(await replayDueDeliveries(config, due, logger)).toBeGreaterThanOrEqual(1);
    expect(await env.MEDIA.head(failedDeliveryKey(body))).toBeNull();
    const resolved = await vi.waitFor(
      async () => {
        const [row] = await listFailures(owner.token, "?status=resolved");
        if (!row) throw new Error("not resolved yet");
        return row;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(resolved).toMatchObject({ id: failure?.id, replays: 1, next_replay_at: null });
    expect(await listFailures(owner.token)).toEqual([]);
    expect(await inboundItemsOf(organization.id)).toEqual([
      expect.objectContaining({ platformItemId: itemId, text: "@us hello" }),
    ]);
  });

  it("an admin replays it at once; one no longer kept is 409; the list costs one round trip", async () => {
    const { owner, organization } = await createTenant();
    const viewer = await createUser(organization.id, { role: "viewer" });
    const account = `x-${crypto.randomUUID()}`;
    await createSocialAccount(owner, { platform: "x", platformUserId: account });
    const itemId = `${Date.now()}9`;
    const body = xDelivery(account, itemId);
    const refusal = await refuseInboundItem(itemId);
    await deadLetter(body).finally(() => refusal.restore());
    const [failure] = await listFailures(owner.token);
    const replay = () =>
      call(`/v1/inbound-failures/${failure?.id}/replay`, {
        method: "POST",
        headers: { authorization: `Bearer ${owner.token}` },
      });

    const viewed = await measure("/v1/inbound-failures", {
      headers: { authorization: `Bearer ${viewer.token}` },
    });
    expect(viewed.response.status).toBe(200);
    expect(viewed.roundTrips).toBe(1);
    await expectProblem(
      await call(`/v1/inbound-failures/${failure?.id}/replay`, {
        method: "POST",
        headers: { authorization: `Bearer ${viewer.token}` },
      }),
      403,
      "missing_permission",
    );

    const first = await replay();
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ id: failure?.id, replays: 1 });
    await expectProblem(await replay(), 409, "delivery_not_kept");
    await vi.waitFor(
      async () => {
        if ((await listFailures(owner.token, "?status=resolved")).length !== 1) throw new Error("not yet");
      },
      { timeout: 20_000, interval: 100 },
    );
    const audit = await call("/v1/audit-logs?action=inbound_failure.*", {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(((await audit.json()) as { data: unknown[] }).data).toEqual([
      expect.objectContaining({ action: "inbound_failure.replay", entity_id: failure?.id }),
    ]);
  });

  it("is replayed after 15 minutes, then with the wait doubling, until the last automatic replay", () => {
    const failedAt = new Date("2026-12-01T10:00:00Z");
    expect(nextReplayAt(failedAt, 0)?.toISOString()).toBe("2026-12-01T10:15:00.000Z");
    expect(nextReplayAt(failedAt, 1)?.toISOString()).toBe("2026-12-01T10:30:00.000Z");
    expect(nextReplayAt(failedAt, 3)?.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(nextReplayAt(failedAt, MAX_AUTOMATIC_REPLAYS)).toBeNull();
  });
});
