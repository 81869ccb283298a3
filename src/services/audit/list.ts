import { eq, gte, like, lt, or } from "drizzle-orm";
import { auditLogs } from "../../db/schema/audit-logs.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { likePrefix, type PageInput, paginate } from "../pagination.ts";

export interface ListAuditLogsInput extends PageInput {
  entity_type?: string;
  entity_id?: string;
  /** The acting user or API key. */
  actor_id?: string;
  /** An exact action (`user.update`), or a prefix ending in `*` (`user.*`). */
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Inclusive to the millisecond: timestamps on the wire have milliseconds, the column microseconds. */
  to?: Date;
}

/** The organisation's audit trail, newest first, one page at a time (one round trip). */
export async function listAuditLogs(ctx: TenantContext, input: ListAuditLogsInput) {
  const page = paginate(input, { by: auditLogs.createdAt, id: auditLogs.id });
  const action = input.action;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({ row: auditLogs, key: page.key })
      .from(auditLogs)
      .where(
        ownedBy(
          ctx,
          auditLogs.organizationId,
          input.entity_type ? eq(auditLogs.entityType, input.entity_type) : undefined,
          input.entity_id ? eq(auditLogs.entityId, input.entity_id) : undefined,
          input.actor_id
            ? or(eq(auditLogs.userId, input.actor_id), eq(auditLogs.apiKeyId, input.actor_id))
            : undefined,
          action === undefined
            ? undefined
            : action.endsWith("*")
              ? like(auditLogs.action, likePrefix(action.slice(0, -1)))
              : eq(auditLogs.action, action),
          input.from ? gte(auditLogs.createdAt, input.from) : undefined,
          input.to ? lt(auditLogs.createdAt, new Date(input.to.getTime() + 1)) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch),
  }));
  return page.result(rows);
}
