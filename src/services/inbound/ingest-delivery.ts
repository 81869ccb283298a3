/**
 * A verified webhook delivery becomes inbound items: the platform's adapter reads it into
 * observations, the accounts they were delivered to are found across tenants (one round trip), and
 * each organisation holding such an account stores its observations in one batch (one round trip
 * each). Observations for accounts nobody holds are dropped here, with a log line, so a platform
 * that still delivers for a disconnected account is never retried against.
 */
import { sql } from "drizzle-orm";
import { sendBatch } from "../../db/batch.ts";
import { createDb } from "../../db/client.ts";
import { inTenant } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import type { DeliveryMessage } from "../../queues/ingest/message.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { type AddressedObservation, storeObservation } from "./store.ts";

export interface IngestOutcome {
  observations: number;
  /** Observations for accounts no organisation holds. */
  dropped: number;
  created: number;
  updated: number;
  deleted: number;
  /** Duplicates and states older than the one held. */
  unchanged: number;
}

type Recipient = {
  recipient: string;
  organization_id: string;
  social_account_id: string;
  event_id: string | null;
};

export async function ingestDelivery(
  config: Config,
  message: DeliveryMessage,
  logger: Logger,
): Promise<IngestOutcome> {
  const observations = adapterFor(message.platform, config).readWebhook?.(message.payload) ?? [];
  const outcome: IngestOutcome = {
    observations: observations.length,
    dropped: 0,
    created: 0,
    updated: 0,
    deleted: 0,
    unchanged: 0,
  };
  const ids = [...new Set(observations.flatMap((o) => (o.recipient ? [o.recipient] : [])))];
  if (ids.length === 0) {
    outcome.dropped = observations.length;
    return outcome;
  }
  const db = createDb(config);
  const { recipients } = await sendBatch(db, {
    recipients: db.execute<Recipient>(
      sql`select * from inbound_recipients(${message.platform}, ${sql.param(ids)}::text[])`,
    ),
  });
  const byOrganization = new Map<string, AddressedObservation[]>();
  for (const observation of observations) {
    const holders = recipients.rows.filter((r) => r.recipient === observation.recipient);
    if (holders.length === 0) outcome.dropped += 1;
    for (const holder of holders) {
      const list = byOrganization.get(holder.organization_id) ?? [];
      list.push({ observation, socialAccountId: holder.social_account_id, eventId: holder.event_id });
      byOrganization.set(holder.organization_id, list);
    }
  }
  if (outcome.dropped > 0) {
    logger.info("webhook observations for accounts no organisation holds were dropped", {
      platform: message.platform,
      delivery_id: message.delivery_id,
      dropped: outcome.dropped,
    });
  }
  const receivedAt = new Date(message.received_at);
  for (const [organizationId, addressed] of byOrganization) {
    const stored = await storeObservations(
      systemContext(config, organizationId, "webhook", { db }),
      addressed,
      receivedAt,
    );
    for (const result of stored) outcome[result] += 1;
  }
  return outcome;
}

/** One batch for one organisation's observations; what each did. */
export async function storeObservations(
  ctx: TenantContext,
  addressed: readonly AddressedObservation[],
  receivedAt: Date,
): Promise<Array<"created" | "updated" | "deleted" | "unchanged">> {
  const { stored } = await inTenant(ctx, (db) => ({
    stored: addressed.map((item) => storeObservation(db, ctx.organizationId, item, receivedAt)),
  }));
  return stored.map((result) => result.rows[0]?.outcome ?? "unchanged");
}
