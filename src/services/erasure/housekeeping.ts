/** Around an erasure's steps: queueing the next, and giving up on one whose step keeps failing. */
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Erasure, erasures } from "../../db/schema/erasures.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { createLogger } from "../../platform/logger.ts";
import { auditEntry } from "../audit/record.ts";
import { systemContext } from "../context.ts";

/**
 * Sends an erasure's next step. A send the queue refuses leaves the erasure as it is: asking for the
 * same person's erasure again sends it on once it has stalled (erasures.ts).
 */
export async function queueErasureStep(
  config: Config,
  row: Pick<Erasure, "organizationId" | "id">,
  steps = 0,
): Promise<void> {
  try {
    await config.LIFECYCLE_QUEUE.send(
      { type: "erasure", organization_id: row.organizationId, erasure_id: row.id, steps },
      { contentType: "json" },
    );
  } catch (error) {
    createLogger(config.LOG_LEVEL).warn("an erasure step could not be queued; asking again sends it", {
      erasure_id: row.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Gives up on an erasure whose step kept failing: `failed`, with what it held of the person dropped
 * (ask again to start anew), and its audit row.
 */
export async function failErasure(config: Config, organizationId: string, erasureId: string) {
  const ctx = systemContext(config, organizationId, "erasure");
  const now = ctx.now();
  await inTenant(ctx, (db) => ({
    failed: db
      .update(erasures)
      .set({
        status: "failed",
        // Never the error itself: a database error can quote a value, and this row outlives the erasure.
        error: "A step kept failing; ask for the erasure again.",
        working: null,
        subjectKey: null,
        cursor: null,
        updatedAt: now,
        version: sql`${erasures.version} + 1`,
      })
      .where(
        and(
          ownedBy(ctx, erasures.organizationId, eq(erasures.id, erasureId)),
          inArray(erasures.status, ["queued", "running"]),
        ),
      )
      .returning({ id: erasures.id }),
    audit: auditEntry(ctx, db, {
      action: "erasure.fail",
      entityType: "erasure",
      entityId: erasureId,
      guard: erasures,
    }),
  }));
}
