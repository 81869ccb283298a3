import { relations, sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const AUDIT_ACTOR_TYPES = ["user", "system", "webhook", "external", "api_key"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** Changed fields: `{ field: { from, to } }` for updates, the new values for creates. */
export type AuditChanges = Record<string, unknown>;

/**
 * Append-only record of every write (`action` is `entity.verb`). Partitioned by quarter on
 * `created_at` and guarded by a trigger, so the table is created by a hand-written migration (not by
 * drizzle-kit); the primary key includes the partition key. Keep the two in step.
 */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: uuid().notNull().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The acting user; null for system actors and once the user is erased. */
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorType: text().$type<AuditActorType>().notNull().default("user"),
    /** The acting API key (`actor_type = 'api_key'`); no foreign key, the trail outlives it. */
    apiKeyId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid(),
    changes: jsonb().$type<AuditChanges>().notNull().default({}),
    ipAddress: text(),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "audit_logs_pkey", columns: [t.id, t.createdAt] }),
    index("audit_logs_entity_type_entity_id_idx").on(t.entityType, t.entityId),
    index("audit_logs_organization_id_created_at_idx").on(t.organizationId, t.createdAt),
    index("audit_logs_user_id_idx").on(t.userId),
    index("audit_logs_api_key_id_idx").on(t.apiKeyId).where(sql`api_key_id is not null`),
    check("audit_logs_actor_type_check", sql`${t.actorType} in (${sqlList(AUDIT_ACTOR_TYPES)})`),
  ],
);

export const auditLogsRelations = relations(auditLogs, ({ one }) => ({
  organization: one(organizations, { fields: [auditLogs.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [auditLogs.userId], references: [users.id] }),
}));

export type AuditLog = typeof auditLogs.$inferSelect;
export type NewAuditLog = typeof auditLogs.$inferInsert;
