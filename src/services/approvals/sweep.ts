/**
 * The safety net under approval deadlines. Each request's Durable Object sets its own alarm for its
 * reminder, escalation and expiry; an object whose start was lost after the submission committed has
 * no alarm. Once a minute the cron wakes the objects of pending requests whose deadline passed a few
 * minutes ago with nothing done about it (migration 0015's `approval_requests_overdue`): woken, an
 * object loads itself from Postgres and its alarm catches up. Waking a healthy object changes nothing.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { approvalRequestObject, unwrap } from "../../durable-objects/approval-request/client.ts";
import type { Bindings } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";

/** How late a deadline may be before the sweep steps in (a live object's alarm is seconds late at most). */
const GRACE = "5 minutes";
const BATCH_SIZE = 100;

export async function wakeOverdueApprovalRequests(
  db: Database,
  env: Pick<Bindings, "APPROVAL_REQUEST">,
  now: Date,
  logger: Logger,
): Promise<{ woken: number; failed: number }> {
  const { rows } = await db.execute<{ id: string; organization_id: string }>(
    sql`select id, organization_id from approval_requests_overdue(${now.toISOString()}, ${GRACE}::interval, ${BATCH_SIZE})`,
  );
  const results = await Promise.allSettled(
    rows.map(async (row) =>
      unwrap(
        await approvalRequestObject(env, row.id).inspect({
          requestId: row.id,
          organizationId: row.organization_id,
        }),
      ),
    ),
  );
  const failed = results.filter((r) => r.status === "rejected").length;
  if (rows.length > 0)
    logger.info("overdue approval requests woken", { woken: rows.length - failed, failed });
  return { woken: rows.length - failed, failed };
}
