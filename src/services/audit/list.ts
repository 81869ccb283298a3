import { and, eq, gte, like, lt, or } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { auditLogs } from "../../db/schema/audit-logs.ts";
import { inTenant } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { likePrefix, type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";

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

const newestFirst = { by: auditLogs.createdAt, id: auditLogs.id } as const;

/** A page of the trail, rendered once per filters (db/prepared.ts). */
const auditPage = preparedStatement(
  "auditPage",
  (
    db,
    value: Value<
      "organizationId" | "entityType" | "entityId" | "actorId" | "action" | "from" | "until" | PageValue
    >,
    shape: {
      continued: boolean;
      entityType: boolean;
      entityId: boolean;
      actorId: boolean;
      action: "any" | "exact" | "prefix";
      from: boolean;
      until: boolean;
    },
  ) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: auditLogs, key: page.key })
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.organizationId, value("organizationId")),
          shape.entityType ? eq(auditLogs.entityType, value("entityType")) : undefined,
          shape.entityId ? eq(auditLogs.entityId, value("entityId")) : undefined,
          shape.actorId
            ? or(eq(auditLogs.userId, value("actorId")), eq(auditLogs.apiKeyId, value("actorId")))
            : undefined,
          shape.action === "exact" ? eq(auditLogs.action, value("action")) : undefined,
          shape.action === "prefix" ? like(auditLogs.action, value("action")) : undefined,
          shape.from ? gte(auditLogs.createdAt, value("from")) : undefined,
          shape.until ? lt(auditLogs.createdAt, value("until")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** The organisation's audit trail, newest first, one page at a time (one round trip). */
export async function listAuditLogs(ctx: TenantContext, input: ListAuditLogsInput) {
  const page = paginate(input, newestFirst);
  const { action } = input;
  const prefix = action?.endsWith("*");
  // `to` is inclusive to the millisecond: everything before the next millisecond.
  const until = input.to ? new Date(input.to.getTime() + 1) : undefined;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: auditPage(
      db,
      {
        organizationId: ctx.organizationId,
        entityType: input.entity_type,
        entityId: input.entity_id,
        actorId: input.actor_id,
        action: action && prefix ? likePrefix(action.slice(0, -1)) : action,
        from: input.from?.toISOString(),
        until: until?.toISOString(),
        ...page.values,
      },
      {
        continued: page.continued,
        entityType: Boolean(input.entity_type),
        entityId: Boolean(input.entity_id),
        actorId: Boolean(input.actor_id),
        action: action === undefined ? "any" : prefix ? "prefix" : "exact",
        from: input.from !== undefined,
        until: until !== undefined,
      },
    ),
  }));
  return page.result(rows);
}
