/** Reading the audit trail straight from the table, to check what a write left behind. */
import { and, asc, eq } from "drizzle-orm";
import { type AuditLog, auditLogs } from "../../src/db/schema/audit-logs.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { testDb } from "./tenants.ts";

/** The organisation's audit rows, oldest first, optionally only those about one entity. */
export async function auditRows(organizationId: string, entityId?: string): Promise<AuditLog[]> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.organizationId, organizationId),
          entityId ? eq(auditLogs.entityId, entityId) : undefined,
        ),
      )
      .orderBy(asc(auditLogs.createdAt), asc(auditLogs.id)),
  }));
  return rows;
}

/** Nothing that looks like a secret: no password, no hash, no token. */
export const SECRET_LOOKING = /password|pbkdf2|hash|secret|grt_/i;
