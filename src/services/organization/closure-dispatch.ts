/**
 * The nightly cron's closure turn, beside retention's (services/retention/dispatch.ts):
 * `closures_due` (migrations/0030) names the organisations whose grace period is over or whose purge
 * is under way, and each gets one `guddu-lifecycle` message; its chain of steps (closure-purge.ts)
 * then runs inside that tenant.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { LifecycleMessage } from "../../queues/lifecycle/message.ts";
import { sendMessages } from "../../queues/send.ts";

/** The statement naming the organisations whose closure has a purge to run as of `asOf`. */
export const dueClosures = (db: Database, asOf: Date) =>
  db.execute<{ id: string }>(
    sql`select organization_id::text as id from closures_due(${asOf.toISOString()}::timestamptz)`,
  );

/** Starts each organisation's purge; answers how many were started. */
export async function startClosures(
  config: Config,
  organizationIds: readonly string[],
  asOf: Date,
  logger: Logger,
): Promise<number> {
  const messages: LifecycleMessage[] = organizationIds.map((id) => ({
    type: "closure",
    organization_id: id,
    as_of: asOf.toISOString(),
    steps: 0,
  }));
  const outcome = await sendMessages(config.LIFECYCLE_QUEUE, messages);
  // Nothing is lost with an unsent message: the closure is still due tomorrow night.
  if (outcome.unsent.length > 0) {
    logger.error("closure purges could not be queued", {
      unsent: outcome.unsent.length,
      error: outcome.error,
    });
  }
  return outcome.sent;
}
