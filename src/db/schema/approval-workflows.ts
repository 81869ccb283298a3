import { relations } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { approvalRequests } from "./approval-requests.ts";
import { lifecycleColumns } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { type UserRole, users } from "./users.ts";

/** One step of a workflow; steps run in array order and are numbered from 1. */
export interface ApprovalWorkflowStep {
  name: string;
  /** Who may act on the step: users with one of these roles, and/or these users. */
  approverRoles?: UserRole[];
  approverUserIds?: string[];
  /** Approvals needed to pass the step (default 1). */
  requiredApprovals?: number;
  /** Hours until the step is escalated or expires. */
  deadlineHours?: number;
}

export const approvalWorkflows = pgTable(
  "approval_workflows",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    steps: jsonb().$type<ApprovalWorkflowStep[]>().notNull().default([]),
    /** Which content the workflow applies to, e.g. `{ "content_types": ["post"], "platforms": ["x"] }`. */
    triggerConditions: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    isActive: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...lifecycleColumns(),
  },
  (t) => [
    index("approval_workflows_organization_id_idx").on(t.organizationId),
    index("approval_workflows_created_by_idx").on(t.createdBy),
  ],
);

export const approvalWorkflowsRelations = relations(approvalWorkflows, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [approvalWorkflows.organizationId],
    references: [organizations.id],
  }),
  creator: one(users, { fields: [approvalWorkflows.createdBy], references: [users.id] }),
  requests: many(approvalRequests),
}));

export type ApprovalWorkflow = typeof approvalWorkflows.$inferSelect;
export type NewApprovalWorkflow = typeof approvalWorkflows.$inferInsert;
