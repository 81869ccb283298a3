import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { approvalActions } from "./approval-actions.ts";
import { type ApprovalWorkflowStep, approvalWorkflows } from "./approval-workflows.ts";
import { sqlList, timestamptz } from "./columns.ts";
import { content } from "./content.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const APPROVAL_REQUEST_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "changes_requested",
  "cancelled",
  "expired",
] as const;
export type ApprovalRequestStatus = (typeof APPROVAL_REQUEST_STATUSES)[number];

/** The Postgres record of an approval; the in-flight state machine lives in its Durable Object. */
export const approvalRequests = pgTable(
  "approval_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Null for a manual (single-step) approval, or once the workflow is removed. */
    workflowId: uuid().references(() => approvalWorkflows.id, { onDelete: "set null" }),
    contentId: uuid()
      .notNull()
      .references(() => content.id, { onDelete: "cascade" }),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** 1-based, like `approval_actions.step_number`. */
    currentStep: integer().notNull().default(1),
    status: text().$type<ApprovalRequestStatus>().notNull().default("pending"),
    /**
     * The workflow's steps as they were at submission: editing a workflow never changes a request
     * already under way. A manual approval has one step.
     */
    steps: jsonb().$type<ApprovalWorkflowStep[]>().notNull().default([]),
    /** When the current step is due (null: no deadline); the approval inbox sorts on it. */
    stepDueAt: timestamptz(),
    /** The content's publish time at submission: the request expires if still pending then. */
    expiresAt: timestamptz(),
    requestedAt: timestamptz().notNull().defaultNow(),
    resolvedAt: timestamptz(),
  },
  (t) => [
    index("approval_requests_organization_id_status_step_due_at_idx").on(
      t.organizationId,
      t.status,
      t.stepDueAt,
    ),
    index("approval_requests_workflow_id_idx").on(t.workflowId),
    index("approval_requests_content_id_idx").on(t.contentId),
    index("approval_requests_requested_by_idx").on(t.requestedBy),
    /** At most one open request per piece of content. */
    uniqueIndex("approval_requests_one_pending_per_content_key")
      .on(t.contentId)
      .where(sql`status = 'pending'`),
    check("approval_requests_status_check", sql`${t.status} in (${sqlList(APPROVAL_REQUEST_STATUSES)})`),
    check("approval_requests_current_step_check", sql`${t.currentStep} >= 1`),
  ],
);

export const approvalRequestsRelations = relations(approvalRequests, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [approvalRequests.organizationId],
    references: [organizations.id],
  }),
  workflow: one(approvalWorkflows, {
    fields: [approvalRequests.workflowId],
    references: [approvalWorkflows.id],
  }),
  content: one(content, { fields: [approvalRequests.contentId], references: [content.id] }),
  requester: one(users, { fields: [approvalRequests.requestedBy], references: [users.id] }),
  actions: many(approvalActions),
}));

export type ApprovalRequest = typeof approvalRequests.$inferSelect;
export type NewApprovalRequest = typeof approvalRequests.$inferInsert;
