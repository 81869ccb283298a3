/**
 * A verified webhook delivery becomes inbound items: the platform's adapter reads it into
 * observations, the accounts they were delivered to are found across tenants (one round trip), and
 * each organisation holding such an account stores its observations in one batch (one round trip
 * each). Observations for accounts nobody holds are dropped here, with a log line, so a platform
 * that still delivers for a disconnected account is never retried against.
 */
import { createDb } from "../../db/client.ts";
import { inTenant } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { DeliveryMessage } from "../../queues/ingest/message.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { arrivalFacts, followArrivals } from "./arrivals.ts";
import { resolveInboundFailure } from "./failures.ts";
import { routeDelivery } from "./route-delivery.ts";
import { type AddressedObservation, storeAll } from "./store.ts";

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

export async function ingestDelivery(
  config: Config,
  message: DeliveryMessage,
  logger: Logger,
): Promise<IngestOutcome> {
  const db = createDb(config);
  const routed = await routeDelivery(config, db, message);
  const outcome: IngestOutcome = {
    observations: routed.observations,
    dropped: routed.dropped,
    created: 0,
    updated: 0,
    deleted: 0,
    unchanged: 0,
  };
  if (outcome.dropped > 0) {
    logger.info("webhook observations for accounts no organisation holds were dropped", {
      platform: message.platform,
      delivery_id: message.delivery_id,
      dropped: outcome.dropped,
    });
  }
  const receivedAt = new Date(message.received_at);
  // A replayed delivery that lands closes its failure, in the same batch as its items.
  const replayed = message.replays ? message : undefined;
  for (const [organizationId, addressed] of routed.byOrganization) {
    const stored = await storeObservations(
      systemContext(config, organizationId, "webhook", { db }),
      addressed,
      receivedAt,
      replayed,
      logger,
    );
    for (const result of stored) outcome[result] += 1;
  }
  return outcome;
}

/**
 * One batch for one organisation's observations (closing the failure of a replayed delivery), then
 * the wall's moderation of what arrived; what each observation did.
 */
export async function storeObservations(
  ctx: TenantContext,
  addressed: readonly AddressedObservation[],
  receivedAt: Date,
  replayed?: Pick<DeliveryMessage, "platform" | "delivery_id" | "replays">,
  logger?: Logger,
): Promise<Array<"created" | "updated" | "deleted" | "unchanged">> {
  const { stored, facts } = await inTenant(ctx, (db) => ({
    stored: storeAll(db, ctx.organizationId, addressed, receivedAt),
    facts: arrivalFacts(ctx, db),
    resolved: replayed ? resolveInboundFailure(ctx, db, replayed) : undefined,
  }));
  await followArrivals(
    ctx,
    facts,
    stored.filter((item) => item !== null),
    logger,
  );
  return stored.map((item) => item?.outcome ?? "unchanged");
}
