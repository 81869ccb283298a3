import { relations, sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { approvalRequests } from "./approval-requests.ts";
import { sqlList, timestamptz } from "./columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

export const APPROVAL_ACTIONS = [
  "approve",
  "reject",
  "request_changes",
  "comment",
  "cancel",
  "escalate",
  "remind",
  "expire",
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const approvalActions = pgTable(
  "approval_actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    approvalRequestId: uuid()
      .notNull()
      .references(() => approvalRequests.id, { onDelete: "cascade" }),
    stepNumber: integer().notNull(),
    action: text().$type<ApprovalAction>().notNull(),
    /** Null for actions taken by the system (remind, escalate, expire) or once the user is erased. */
    actionedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    comment: text(),
    /** Who acted through a signed approval link (no account): the name and address the link was sent to. */
    externalActorName: text(),
    externalActorEmail: text(),
    actionedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    index("approval_actions_organization_id_idx").on(t.organizationId),
    index("approval_actions_approval_request_id_step_number_idx").on(t.approvalRequestId, t.stepNumber),
    index("approval_actions_actioned_by_idx").on(t.actionedBy),
    check("approval_actions_action_check", sql`${t.action} in (${sqlList(APPROVAL_ACTIONS)})`),
    check("approval_actions_step_number_check", sql`${t.stepNumber} >= 1`),
  ],
);

export const approvalActionsRelations = relations(approvalActions, ({ one }) => ({
  organization: one(organizations, {
    fields: [approvalActions.organizationId],
    references: [organizations.id],
  }),
  request: one(approvalRequests, {
    fields: [approvalActions.approvalRequestId],
    references: [approvalRequests.id],
  }),
  actor: one(users, { fields: [approvalActions.actionedBy], references: [users.id] }),
}));

export type ApprovalActionRecord = typeof approvalActions.$inferSelect;
export type NewApprovalActionRecord = typeof approvalActions.$inferInsert;
