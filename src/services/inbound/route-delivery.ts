/**
 * Who a webhook delivery is for: the platform's adapter reads it into observations (pure), and the
 * organisations holding the accounts they were delivered to are found across tenants in one round
 * trip (`inbound_recipients`, a narrow SECURITY DEFINER function).
 */
import { sql } from "drizzle-orm";
import { sendBatch } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Config } from "../../env.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import type { DeliveryMessage } from "../../queues/ingest/message.ts";
import type { AddressedObservation } from "./store.ts";

type Recipient = {
  recipient: string;
  organization_id: string;
  social_account_id: string;
  event_id: string | null;
};

/** A delivery's observations, grouped by the organisations holding the accounts they were delivered to. */
export interface RoutedDelivery {
  observations: number;
  /** Observations for accounts no organisation holds. */
  dropped: number;
  byOrganization: Map<string, AddressedObservation[]>;
}

/** Reads the delivery with its platform's adapter and finds who holds its accounts: one round trip (none when it names no account). */
export async function routeDelivery(
  config: Config,
  db: Database,
  message: DeliveryMessage,
): Promise<RoutedDelivery> {
  const observations = adapterFor(message.platform, config).readWebhook?.(message.payload) ?? [];
  const byOrganization = new Map<string, AddressedObservation[]>();
  const ids = [...new Set(observations.flatMap((o) => (o.recipient ? [o.recipient] : [])))];
  if (ids.length === 0)
    return { observations: observations.length, dropped: observations.length, byOrganization };
  const { recipients } = await sendBatch(db, {
    recipients: db.execute<Recipient>(
      sql`select * from inbound_recipients(${message.platform}, ${sql.param(ids)}::text[])`,
    ),
  });
  let dropped = 0;
  for (const observation of observations) {
    const holders = recipients.rows.filter((r) => r.recipient === observation.recipient);
    if (holders.length === 0) dropped += 1;
    for (const holder of holders) {
      const list = byOrganization.get(holder.organization_id) ?? [];
      list.push({ observation, socialAccountId: holder.social_account_id, eventId: holder.event_id });
      byOrganization.set(holder.organization_id, list);
    }
  }
  return { observations: observations.length, dropped, byOrganization };
}
