/**
 * What the clock does to a pending approval request: a reminder before the step's deadline, an
 * escalation at it, and expiry when the content's publish time passes (content → draft, so it is
 * never published). The Durable Object's alarm is set to `nextDeadline` and calls `dueTimer`.
 */
import type { RequestFacts } from "../context.ts";
import { approvedUsers, approversOf, authorsOf, label, mergeRecipients } from "./approval-notices.ts";
import { record } from "./machine.ts";
import type { ApprovalActor, RequestState, Transition } from "./request-state.ts";
import { remindAt, stepAt } from "./steps.ts";

const SYSTEM: ApprovalActor = { type: "system", name: "approval-deadlines" };
const NO_FACTS: RequestFacts = { ip: null, userAgent: null };

/**
 * What the clock does to a pending request at `now`: expire it once the content's publish time has
 * passed; else escalate the step at its deadline; else remind its approvers before it. At most one
 * of them per call (an escalation makes the reminder moot).
 */
export function dueTimer(state: RequestState, now: Date, actionId: string): Transition | null {
  if (state.status !== "pending") return null;
  const step = stepAt(state.steps, state.currentStep);
  const time = now.getTime();
  const input = { actor: SYSTEM, comment: null, facts: NO_FACTS };
  if (state.expiresAt && time >= Date.parse(state.expiresAt)) {
    return record(
      state,
      { status: "expired", resolvedAt: now.toISOString() },
      { ...input, action: "expire" },
      now,
      actionId,
      {
        contentTo: "draft",
        notices: [
          {
            recipients: mergeRecipients(approversOf(state, step), authorsOf(state)),
            type: "approval.expired",
            title: `Approval expired: ${label(state)}`,
            message:
              "The publish time passed before the content was approved; it is back in draft and will not be published.",
          },
        ],
      },
    );
  }
  const due = state.stepDueAt ? new Date(state.stepDueAt) : null;
  if (due && !state.escalated && time >= due.getTime()) {
    const escalated = { ...state, escalated: true, reminded: true };
    return record(escalated, {}, { ...input, action: "escalate" }, now, actionId, {
      notices: [
        {
          recipients: mergeRecipients(approversOf(escalated, step, approvedUsers(state)), authorsOf(state)),
          type: "approval.escalated",
          title: `Approval overdue: ${label(state)}`,
          message: `Step ${state.currentStep} (${step.name}) was due at ${due.toISOString()}.`,
        },
      ],
      changes: {
        escalated_to: { roles: step.escalateTo?.roles ?? [], user_ids: step.escalateTo?.userIds ?? [] },
      },
    });
  }
  const remind = remindAt(step, due);
  if (due && remind && !state.reminded && time >= remind.getTime()) {
    return record({ ...state, reminded: true }, {}, { ...input, action: "remind" }, now, actionId, {
      notices: [
        {
          recipients: mergeRecipients(approversOf(state, step, approvedUsers(state)), authorsOf(state)),
          type: "approval.reminder",
          title: `Approval due soon: ${label(state)}`,
          message: `Step ${state.currentStep} (${step.name}) is due at ${due.toISOString()}.`,
        },
      ],
    });
  }
  return null;
}

/** When the clock next has something to do for this request (null: nothing, ever). */
export function nextDeadline(state: RequestState): Date | null {
  if (state.status !== "pending") return null;
  const step = stepAt(state.steps, state.currentStep);
  const due = state.stepDueAt ? new Date(state.stepDueAt) : null;
  const times = [
    state.expiresAt ? Date.parse(state.expiresAt) : undefined,
    due && !state.escalated ? due.getTime() : undefined,
    !state.reminded ? remindAt(step, due)?.getTime() : undefined,
  ].filter((t): t is number => t !== undefined);
  return times.length ? new Date(Math.min(...times)) : null;
}
