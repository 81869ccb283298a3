/**
 * Exports of an organisation's data, or of one person's (a subject access request: a user, a
 * delegate, or someone who wrote to the organisation on a platform). Asking is one round trip: the
 * subject checked, the row and its audit row written together; the work runs in the background
 * (build.ts). The audit row names the scope only, never whose data it is.
 */
import { and, eq, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import {
  type DataExport,
  dataExports,
  type ExportScope,
  type ExportSubject,
} from "../../db/schema/data-exports.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { queueExportStep } from "./housekeeping.ts";

/** Exports under way at once per organisation: each reads every table it covers. */
export const MAX_RUNNING_EXPORTS = 3;

export type ExportRequest =
  | { scope: "organization" }
  | { scope: "user"; user_id: string }
  | { scope: "delegate"; delegate_id: string }
  | { scope: "inbound_author"; platform: Platform; handle: string };

export const exportNotFound = () =>
  new NotFoundError("export_not_found", "No such export in this organisation.");

function subjectOf(request: ExportRequest): ExportSubject {
  switch (request.scope) {
    case "organization":
      return {};
    case "user":
      return { user_id: request.user_id };
    case "delegate":
      return { delegate_id: request.delegate_id };
    case "inbound_author":
      return { platform: request.platform, handle: request.handle.replace(/^@/, "") };
  }
}

/** `POST /v1/exports`: one round trip, then the first step is queued. */
export async function requestExport(ctx: TenantContext, request: ExportRequest): Promise<DataExport> {
  const id = crypto.randomUUID();
  const scope: ExportScope = request.scope;
  const subject = subjectOf(request);
  const org = ctx.organizationId;
  const subjectExists =
    request.scope === "user"
      ? sql`exists (select 1 from users where organization_id = ${org} and id = ${request.user_id})`
      : request.scope === "delegate"
        ? sql`exists (select 1 from delegates where organization_id = ${org} and id = ${request.delegate_id})`
        : sql`true`;
  const running = sql`(select count(*) from data_exports where organization_id = ${org} and status in ('queued', 'running'))`;
  const found = await inTenant(ctx, (db) => ({
    checks: db.execute<{ subject: boolean; running: number }>(
      sql`select ${subjectExists} as subject, ${running}::int as running`,
    ),
    inserted: db.execute(sql`
      insert into data_exports (id, organization_id, requested_by, scope, subject)
      select ${id}, ${org}, ${actorUserId(ctx.actor)}, ${scope}, ${JSON.stringify(subject)}::jsonb
      where ${subjectExists} and ${running} < ${MAX_RUNNING_EXPORTS}`),
    row: db
      .select()
      .from(dataExports)
      .where(ownedBy(ctx, dataExports.organizationId, eq(dataExports.id, id))),
    audit: auditEntry(ctx, db, {
      action: "export.create",
      entityType: "data_export",
      entityId: id,
      changes: { scope },
      guard: dataExports,
    }),
  }));
  const row = found.row[0];
  if (!row) {
    if (!found.checks.rows[0]?.subject) {
      throw request.scope === "user"
        ? new NotFoundError("user_not_found", "No such user in this organisation.")
        : new NotFoundError("delegate_not_found", "No such delegate in this organisation.");
    }
    throw new ConflictError(
      "too_many_exports",
      `${MAX_RUNNING_EXPORTS} exports are already under way; ask again when one has finished.`,
    );
  }
  await queueExportStep(ctx.config, row);
  return row;
}

export async function getExport(ctx: TenantContext, id: string): Promise<DataExport> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(dataExports)
      .where(ownedBy(ctx, dataExports.organizationId, eq(dataExports.id, id))),
  }));
  const row = rows[0];
  if (!row) throw exportNotFound();
  return row;
}

const newestFirst = { by: dataExports.createdAt, id: dataExports.id, direction: "desc" } as const;

/** A page of exports, rendered once per shape (db/prepared.ts). */
const exportsPage = preparedStatement(
  "exportsPage",
  (db, value: Value<"organizationId" | PageValue>, shape: { continued: boolean }) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: dataExports, key: page.key })
      .from(dataExports)
      .where(and(eq(dataExports.organizationId, value("organizationId")), page.after))
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Newest first; one round trip. */
export async function listExports(ctx: TenantContext, input: PageInput) {
  const page = paginate(input, newestFirst);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: exportsPage(
      db,
      { organizationId: ctx.organizationId, ...page.values },
      { continued: page.continued },
    ),
  }));
  return page.result(rows);
}

/** How far an export has come: rows and media files written of those counted when it started. */
export function progressOf(row: DataExport) {
  const total = row.rowsTotal + row.mediaTotal;
  const done = row.rowsWritten + row.mediaWritten;
  const percent =
    row.status === "completed"
      ? 100
      : row.status === "queued"
        ? 0
        : Math.min(99, Math.floor((100 * done) / Math.max(1, total)));
  return {
    percent,
    rows_written: row.rowsWritten,
    rows_total: row.rowsTotal,
    media_written: row.mediaWritten,
    media_total: row.mediaTotal,
    chunks: row.chunks,
  };
}
