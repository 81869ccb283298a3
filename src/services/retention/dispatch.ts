/**
 * The nightly cron's retention turn: `retention_due_organizations` (migrations/0026) names the
 * organisations with anything due, and each gets one `guddu-lifecycle` message; its chain of steps
 * (step.ts) then runs inside that tenant. Organisations with nothing due cost nothing.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { LifecycleMessage } from "../../queues/lifecycle/message.ts";
import { sendMessages } from "../../queues/send.ts";

/** The statement naming the organisations with retention work as of `asOf`. */
export const dueOrganizations = (db: Database, asOf: Date) =>
  db.execute<{ id: string }>(
    sql`select id::text as id from retention_due_organizations(${asOf.toISOString()}::timestamptz) as id`,
  );

/** Starts each organisation's retention run; answers how many were started. */
export async function startRetention(
  config: Config,
  organizationIds: readonly string[],
  asOf: Date,
  logger: Logger,
): Promise<number> {
  const messages: LifecycleMessage[] = organizationIds.map((id) => ({
    type: "retention",
    organization_id: id,
    as_of: asOf.toISOString(),
    steps: 0,
  }));
  const outcome = await sendMessages(config.LIFECYCLE_QUEUE, messages);
  // Nothing is lost with an unsent message: the organisation is still due tomorrow night.
  if (outcome.unsent.length > 0) {
    logger.error("retention runs could not be queued", {
      unsent: outcome.unsent.length,
      error: outcome.error,
    });
  }
  return outcome.sent;
}
