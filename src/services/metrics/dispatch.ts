/**
 * The every-minute cron's measuring step: claims the published posts whose next measurement is due
 * (`claim_due_measurements`, migrations/0023: FOR UPDATE SKIP LOCKED across organisations, the due
 * time pushed out by `MEASURE_LEASE_SECONDS`), and sends one `guddu-metrics` message per social
 * account and batch of posts, so one platform call measures up to the adapter's batch size. A message
 * lost on the way leaves its posts due again once the lease has passed; a send the queue refuses puts
 * them back due now.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import type { MetricsMessage } from "../../queues/metrics/message.ts";
import { sendMessages } from "../../queues/send.ts";

/** Longer than a message waits in the queue plus a measurement's few platform calls. */
export const MEASURE_LEASE_SECONDS = 900;
const CLAIM_LIMIT = 2_000;
const MAX_ROUNDS = 5;

type ClaimedMeasurement = {
  id: string;
  organization_id: string;
  social_account_id: string;
  platform: Platform;
};

/** Groups claimed posts per account, in chunks of what one platform call measures. */
export function measurementMessages(
  claimed: readonly ClaimedMeasurement[],
  batchSizeOf: (platform: Platform) => number,
): MetricsMessage[] {
  const perAccount = new Map<string, ClaimedMeasurement[]>();
  for (const row of claimed) {
    const rows = perAccount.get(row.social_account_id) ?? [];
    rows.push(row);
    perAccount.set(row.social_account_id, rows);
  }
  const messages: MetricsMessage[] = [];
  for (const rows of perAccount.values()) {
    const first = rows[0] as ClaimedMeasurement;
    const size = Math.min(100, batchSizeOf(first.platform));
    for (let i = 0; i < rows.length; i += size) {
      messages.push({
        organization_id: first.organization_id,
        social_account_id: first.social_account_id,
        published_post_ids: rows.slice(i, i + size).map((r) => r.id),
      });
    }
  }
  return messages;
}

export interface MeasureDispatchResult {
  claimed: number;
  messages: number;
}

export async function dispatchDueMeasurements(
  db: Database,
  config: Config,
  logger: Logger,
): Promise<MeasureDispatchResult> {
  const total: MeasureDispatchResult = { claimed: 0, messages: 0 };
  const batchSizeOf = (platform: Platform) => adapterFor(platform, config).metricsBatchSize;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { rows } = await db.execute<ClaimedMeasurement>(
      sql`select id, organization_id, social_account_id, platform
          from claim_due_measurements(${CLAIM_LIMIT}, ${MEASURE_LEASE_SECONDS})`,
    );
    total.claimed += rows.length;
    if (rows.length === 0) break;
    const messages = measurementMessages(rows, batchSizeOf);
    const outcome = await sendMessages(config.METRICS_QUEUE, messages);
    total.messages += outcome.sent;
    if (outcome.unsent.length > 0) {
      const ids = outcome.unsent.flatMap((m) => m.published_post_ids);
      await db.execute(sql`select release_measurements(${sql.param(ids)}::uuid[])`);
      logger.error("metrics messages could not be sent; the posts are due again", {
        unsent: ids.length,
        error: outcome.error,
      });
      break;
    }
    if (rows.length < CLAIM_LIMIT) break;
  }
  return total;
}
