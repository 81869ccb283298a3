/**
 * The ingest consumer's throughput for `npm run bench`: connects an X account to the bench
 * organisation, sends `deliveries` signed deliveries of `perDelivery` mentions each to the running
 * Worker, and measures from the first send until every item is in the inbound store (counted
 * through the owner connection, so the count is not throttled by the Worker).
 */
import {
  buildWebhookPayload,
  signWebhook,
  type WebhookEvent,
} from "../../test/fakes/platforms/webhook-payloads.ts";
import { withClient } from "./database.ts";
import { LOCAL_WEBHOOK_SECRETS } from "./webhook-secrets.ts";

export interface IngestFigures {
  deliveries: number;
  items: number;
  seconds: number;
  items_per_second: number;
}

export async function measureIngest(options: {
  workerUrl: string;
  adminUrl: string;
  organizationId: string;
  deliveries?: number;
  perDelivery?: number;
  deadlineMs?: number;
}): Promise<IngestFigures> {
  const { deliveries = 200, perDelivery = 10, deadlineMs = 120_000 } = options;
  const account = `bench-x-${crypto.randomUUID().slice(0, 8)}`;
  const secret = LOCAL_WEBHOOK_SECRETS.x?.secrets[0] ?? "";
  return withClient(options.adminUrl, async (db) => {
    await db.query(
      `insert into social_accounts (organization_id, platform, platform_user_id, username, access_token)
       values ($1, 'x', $2, 'bench', 'not-a-token')`,
      [options.organizationId, account],
    );
    const bodies = Array.from({ length: deliveries }, (_, d) => {
      const events: WebhookEvent[] = Array.from({ length: perDelivery }, (_, i) => ({
        account,
        item_id: `${account}-${d}-${i}`,
        action: "create",
        kind: "mention",
        text: `@bench see you at the summit (${d}/${i})`,
        at: new Date(),
      }));
      return JSON.stringify(buildWebhookPayload("x", events));
    });
    const started = performance.now();
    for (let i = 0; i < bodies.length; i += 10) {
      await Promise.all(
        bodies.slice(i, i + 10).map(async (body) => {
          const response = await fetch(`${options.workerUrl}/webhooks/x`, {
            method: "POST",
            headers: { "content-type": "application/json", ...(await signWebhook("x", secret, body)) },
            body,
          });
          if (response.status !== 200) throw new Error(`bench delivery answered ${response.status}`);
        }),
      );
    }
    const expected = deliveries * perDelivery;
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        "select count(*)::int as n from inbound_items where organization_id = $1",
        [options.organizationId],
      );
      const seconds = (performance.now() - started) / 1000;
      if ((rows[0]?.n ?? 0) >= expected) {
        return {
          deliveries,
          items: expected,
          seconds: Number(seconds.toFixed(2)),
          items_per_second: Math.round(expected / seconds),
        };
      }
      if (seconds * 1000 > deadlineMs)
        throw new Error(`only ${rows[0]?.n} of ${expected} items stored in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}
