/**
 * Who an approval request's notifications reach and what they say: the approvers of a step (and its
 * escalation targets once escalated), the authors, or both. The authors never get an approver's notice.
 */
import type { ApprovalWorkflowStep } from "../../db/schema/approval-workflows.ts";
import { approvalsOn, type Notice, type RequestState } from "./request-state.ts";
import { stepAt } from "./steps.ts";

/** How a notice names the content: its title, else its version. */
export const label = (state: RequestState) =>
  state.contentTitle ? `"${state.contentTitle}"` : `content version ${state.contentVersion}`;

/** The approvers of a step (and its escalation targets once escalated), never the authors. */
export function approversOf(
  state: RequestState,
  step: ApprovalWorkflowStep,
  exclude: string[] = [],
): Notice["recipients"] {
  const escalation = state.escalated ? step.escalateTo : undefined;
  return {
    roles: [...(step.approvers.roles ?? []), ...(escalation?.roles ?? [])],
    userIds: [...(step.approvers.userIds ?? []), ...(escalation?.userIds ?? [])],
    exclude: [...state.authors, ...exclude],
  };
}

export const authorsOf = (state: RequestState): Notice["recipients"] => ({ userIds: state.authors });

/** The notice that a step waits for its approvers. */
export function requestedNotice(state: RequestState, stepNumber: number): Notice {
  const step = stepAt(state.steps, stepNumber);
  return {
    recipients: approversOf({ ...state, escalated: false }, step),
    type: "approval.requested",
    title: `Approval needed: ${label(state)}`,
    message: `Step ${stepNumber} of ${state.steps.length}: ${step.name}.`,
  };
}

/** The users who approved the current step (a reminder spares them). */
export function approvedUsers(state: RequestState): string[] {
  return [...approvalsOn(state, state.currentStep)]
    .filter((key) => key.startsWith("user:"))
    .map((key) => key.slice("user:".length));
}

/** Both groups: the approvers' roles and ids plus the authors' ids, the authors no longer excluded. */
export function mergeRecipients(
  approvers: Notice["recipients"],
  authors: Notice["recipients"],
): Notice["recipients"] {
  const authorIds = authors.userIds ?? [];
  return {
    roles: approvers.roles,
    userIds: [...(approvers.userIds ?? []), ...authorIds],
    exclude: (approvers.exclude ?? []).filter((id) => !authorIds.includes(id)),
  };
}
