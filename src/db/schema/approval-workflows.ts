import { relations } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { approvalRequests } from "./approval-requests.ts";
import { lifecycleColumns, type Platform } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { type UserRole, users } from "./users.ts";

/** Who a step names: users with one of these roles, and/or these users (at least one non-empty). */
export interface ApprovalApprovers {
  roles?: UserRole[];
  userIds?: string[];
}

/**
 * When a step is due: `hours` after the step starts, or `beforePublishHours` before the content's
 * scheduled time (no deadline when the content has none).
 */
export type ApprovalDeadline = { hours: number } | { beforePublishHours: number };

/**
 * One step of a workflow, as stored (camelCase, defaults filled in when written); steps run in array
 * order and are numbered from 1. Approval requests snapshot these at submission.
 */
export interface ApprovalWorkflowStep {
  name: string;
  approvers: ApprovalApprovers;
  /** Approvals needed to pass the step; `"all"`: every one of `approvers.userIds` (only when no roles are named). */
  requiredApprovals: number | "all";
  deadline?: ApprovalDeadline;
  /** With a deadline: hours before it that the approvers are reminded (≥ 1, ≤ the deadline's hours). */
  remindBeforeHours?: number;
  /** With a deadline: who is told when it passes (by default the workflow's creator, its owner). */
  escalateTo?: ApprovalApprovers;
}

/**
 * Which content a workflow applies to; every condition present must hold, none present matches all
 * content (the fallback workflow). Stored camelCase; the API speaks snake_case.
 */
export interface ApprovalTriggerConditions {
  contentTypes?: string[];
  /** Matches content targeting any of them. */
  platforms?: Platform[];
  campaignIds?: string[];
  eventIds?: string[];
  /** The caption mentions a VIP delegate (see services/approvals/workflow-match.ts). */
  mentionsVipDelegate?: true;
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
    /** Which content the workflow applies to, e.g. `{ "contentTypes": ["post"], "platforms": ["x"] }`. */
    triggerConditions: jsonb().$type<ApprovalTriggerConditions>().notNull().default({}),
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
