/**
 * The rules of one step of an approval request, as pure functions over the step snapshot the request
 * took at submission: who it names, when it is due, when its approvers are reminded, and whether its
 * quorum is met. The Durable Object, the inbox query and the write-through all read steps this way.
 */
import type { ApprovalApprovers, ApprovalWorkflowStep } from "../../db/schema/approval-workflows.ts";
import type { UserRole } from "../../db/schema/users.ts";

const HOUR = 3_600_000;

/** Who is told when a step's deadline passes and the workflow has no creator to tell. */
const FALLBACK_ESCALATION: ApprovalApprovers = { roles: ["owner", "admin"] };

/**
 * The steps as a request keeps them: a step with a deadline and no `escalateTo` escalates to the
 * workflow's creator (its owner), or to the organisation's owners and admins when there is none, so
 * the snapshot says who is told without a later lookup.
 */
export function snapshotSteps(
  steps: readonly ApprovalWorkflowStep[],
  workflowCreatedBy: string | null,
): ApprovalWorkflowStep[] {
  return steps.map((step) =>
    step.deadline && !step.escalateTo
      ? { ...step, escalateTo: workflowCreatedBy ? { userIds: [workflowCreatedBy] } : FALLBACK_ESCALATION }
      : step,
  );
}

/** Step `number` (1-based) of the snapshot. */
export function stepAt(steps: readonly ApprovalWorkflowStep[], number: number): ApprovalWorkflowStep {
  const step = steps[number - 1];
  if (!step) throw new Error(`approval request has no step ${number}`);
  return step;
}

function names(approvers: ApprovalApprovers | undefined, userId: string, role: UserRole): boolean {
  return Boolean(approvers?.userIds?.includes(userId) || approvers?.roles?.includes(role));
}

/**
 * Whether the step names this user, by id or by role. Once the step is escalated, the people it
 * escalated to may act on it too.
 */
export function stepNames(
  step: ApprovalWorkflowStep,
  escalated: boolean,
  user: { userId: string; role: UserRole },
): boolean {
  return (
    names(step.approvers, user.userId, user.role) ||
    (escalated && names(step.escalateTo, user.userId, user.role))
  );
}

/** When a step that starts at `startedAt` is due; null without a deadline (or a publish time to count back from). */
export function stepDueAt(step: ApprovalWorkflowStep, startedAt: Date, publishAt: Date | null): Date | null {
  const { deadline } = step;
  if (!deadline) return null;
  if ("hours" in deadline) return new Date(startedAt.getTime() + deadline.hours * HOUR);
  return publishAt ? new Date(publishAt.getTime() - deadline.beforePublishHours * HOUR) : null;
}

/** When the step's approvers are reminded; null without a deadline or a reminder. */
export function remindAt(step: ApprovalWorkflowStep, dueAt: Date | null): Date | null {
  if (!dueAt || step.remindBeforeHours === undefined) return null;
  return new Date(dueAt.getTime() - step.remindBeforeHours * HOUR);
}

/**
 * Whether the approvals given so far pass the step: `n` approvals (members and link approvers alike),
 * or with `"all"` every user the step names except the authors (who may never approve). A step whose
 * `"all"` leaves nobody needs one approval, which only an escalation target can then give.
 */
export function quorumMet(
  step: ApprovalWorkflowStep,
  approvedBy: ReadonlySet<string>,
  authors: readonly string[],
): boolean {
  if (step.requiredApprovals !== "all") return approvedBy.size >= step.requiredApprovals;
  const everyone = (step.approvers.userIds ?? []).filter((id) => !authors.includes(id));
  if (everyone.length === 0) return approvedBy.size >= 1;
  return everyone.every((id) => approvedBy.has(userKey(id)));
}

/** How an actor is told apart in a step's approvals: a member by id, a link approver by address. */
export const userKey = (userId: string) => `user:${userId}`;
export const externalKey = (email: string) => `external:${email.trim().toLowerCase()}`;
