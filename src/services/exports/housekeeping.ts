/**
 * Around an export's steps: queueing the next, sending again one whose message was lost (the nightly
 * retention finds it), giving up on one that keeps failing, and deleting a finished export from R2
 * once it expires.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { type DataExport, dataExports } from "../../db/schema/data-exports.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { createLogger } from "../../platform/logger.ts";
import { deleteSome } from "../archives/store.ts";
import { auditEntry } from "../audit/record.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { exportPrefix } from "./build.ts";

/**
 * Sends an export's next step. A send the queue refuses leaves the export as it is: the nightly
 * retention sends it again once it has not moved for a while.
 */
export async function queueExportStep(
  config: Config,
  row: Pick<DataExport, "organizationId" | "id">,
  steps = 0,
): Promise<void> {
  try {
    await config.LIFECYCLE_QUEUE.send(
      { type: "export", organization_id: row.organizationId, export_id: row.id, steps },
      { contentType: "json" },
    );
  } catch (error) {
    createLogger(config.LOG_LEVEL).warn(
      "an export step could not be queued; the nightly job sends it again",
      {
        export_id: row.id,
        error: error instanceof Error ? error.message : String(error),
      },
    );
  }
}

/** An export that stopped moving (its message was lost): touched, so it is not sent twice, and sent. */
export async function resumeExport(ctx: TenantContext, row: DataExport, asOf: Date): Promise<void> {
  const { touched } = await inTenant(ctx, (db) => ({
    touched: db
      .update(dataExports)
      .set({ updatedAt: asOf > ctx.now() ? asOf : ctx.now() })
      .where(
        ownedBy(
          ctx,
          dataExports.organizationId,
          eq(dataExports.id, row.id),
          eq(dataExports.version, row.version),
        ),
      )
      .returning({ id: dataExports.id }),
  }));
  if (touched.length > 0) await queueExportStep(ctx.config, row);
}

/**
 * A finished (or failed) export past `expires_at`: up to 1,000 of its files deleted per step; when
 * none is left a finished one is `expired` (a failed one stays `failed`, with nothing left to expire),
 * with its audit row.
 */
export async function expireExport(ctx: TenantContext, row: DataExport): Promise<void> {
  if ((await deleteSome(ctx.config.ARCHIVES, exportPrefix(row))) > 0) return;
  await inTenant(ctx, (db) => ({
    expired: db
      .update(dataExports)
      .set({
        ...(row.status === "completed" ? { status: "expired" as const } : {}),
        expiresAt: null,
        updatedAt: sql`now()`,
        version: sql`${dataExports.version} + 1`,
      })
      .where(
        ownedBy(
          ctx,
          dataExports.organizationId,
          eq(dataExports.id, row.id),
          eq(dataExports.version, row.version),
        ),
      )
      .returning({ id: dataExports.id }),
    audit: auditEntry(ctx, db, {
      action: "export.expire",
      entityType: "data_export",
      entityId: row.id,
      guard: dataExports,
    }),
  }));
}

/** Gives up on an export whose step kept failing; its files so far are deleted when it expires. */
export async function failExport(config: Config, organizationId: string, exportId: string, error: string) {
  const ctx = systemContext(config, organizationId, "export");
  const now = ctx.now();
  await inTenant(ctx, (db) => ({
    failed: db
      .update(dataExports)
      .set({
        status: "failed",
        error: error.slice(0, 500),
        expiresAt: now,
        updatedAt: now,
        version: sql`${dataExports.version} + 1`,
      })
      .where(
        and(
          ownedBy(ctx, dataExports.organizationId, eq(dataExports.id, exportId)),
          inArray(dataExports.status, ["queued", "running"]),
        ),
      )
      .returning({ id: dataExports.id }),
    audit: auditEntry(ctx, db, {
      action: "export.fail",
      entityType: "data_export",
      entityId: exportId,
      guard: dataExports,
    }),
  }));
}
