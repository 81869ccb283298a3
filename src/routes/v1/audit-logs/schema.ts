import { z } from "@hono/zod-openapi";
import { AUDIT_ACTOR_TYPES, type AuditLog } from "../../../db/schema/audit-logs.ts";

export const AuditLogSchema = z
  .object({
    id: z.uuid(),
    action: z.string().openapi({ example: "user.update" }),
    entity_type: z.string(),
    entity_id: z.uuid().nullable(),
    actor_id: z.uuid().nullable().openapi({
      description: "The acting user's id, or the API key's when actor_type is api_key; null for the system",
    }),
    actor_type: z.enum(AUDIT_ACTOR_TYPES),
    changes: z.record(z.string(), z.unknown()),
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    created_at: z.iso.datetime(),
  })
  .openapi("AuditLog");

export function toAuditLog(row: AuditLog): z.infer<typeof AuditLogSchema> {
  return {
    id: row.id,
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    actor_id: row.userId ?? row.apiKeyId,
    actor_type: row.actorType,
    changes: row.changes,
    ip_address: row.ipAddress,
    user_agent: row.userAgent,
    created_at: row.createdAt.toISOString(),
  };
}
