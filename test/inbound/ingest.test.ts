/**
 * A delivery reaches every organisation holding the account it was delivered to, and nobody else;
 * observations for accounts nobody holds (or holds paused) are dropped, not retried.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/env.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { ingestDelivery } from "../../src/services/inbound/ingest-delivery.ts";
import { buildWebhookPayload } from "../fakes/platforms/webhook-payloads.ts";
import { inboundItemsOf } from "../support/inbound.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createOrganization } from "../support/tenants.ts";

const mention = (account: string, itemId: string) => ({
  account,
  item_id: itemId,
  action: "create" as const,
  kind: "mention" as const,
  text: "@us see you there",
  at: new Date("2026-12-04T10:00:00Z"),
});

async function ingest(payload: Record<string, unknown>) {
  return ingestDelivery(
    loadConfig(env),
    {
      type: "delivery",
      platform: "x",
      delivery_id: crypto.randomUUID(),
      received_at: new Date().toISOString(),
      payload,
    },
    createLogger("error", {}),
  );
}

describe("ingesting a delivery", () => {
  it("goes to each organisation holding the account, once, and drops what nobody holds", async () => {
    const [a, b, c] = [await createOrganization(), await createOrganization(), await createOrganization()];
    const account = `x-${crypto.randomUUID()}`;
    const paused = `x-${crypto.randomUUID()}`;
    const held = await createSocialAccount(a.id, { platform: "x", platformUserId: account });
    await createSocialAccount(b.id, { platform: "x", platformUserId: account });
    await createSocialAccount(c.id, { platform: "x", platformUserId: paused, isActive: false });
    const item = `${Date.now()}1`;
    const outcome = await ingest(buildWebhookPayload("x", [mention(account, item)]));
    expect(outcome).toMatchObject({ observations: 1, dropped: 0, created: 2 });
    expect(await ingest(buildWebhookPayload("x", [mention(account, item)]))).toMatchObject({
      created: 0,
      unchanged: 2,
    });
    const [inA] = await inboundItemsOf(a.id);
    expect(inA).toMatchObject({ platformItemId: item, socialAccountId: held.id });
    expect(await inboundItemsOf(b.id)).toHaveLength(1);
    expect(await ingest(buildWebhookPayload("x", [mention(paused, `${item}2`)]))).toMatchObject({
      observations: 1,
      dropped: 1,
      created: 0,
    });
    expect(
      await ingest(buildWebhookPayload("x", [mention(`x-${crypto.randomUUID()}`, `${item}3`)])),
    ).toMatchObject({
      dropped: 1,
    });
    expect(await inboundItemsOf(c.id)).toEqual([]);
  });
});
