/**
 * The approval request as a state machine, without I/O: given the state and an action (or the clock),
 * it answers the next state and the write that records the change in Postgres. The Durable Object
 * applies these one at a time, so two people acting at once are decided one after the other.
 *
 * How a request moves (the README's "Approvals" tells the same):
 * - approve: counts once per person and step; when the step's quorum is met the next step starts
 *   (its approvers are notified) or, after the last step, the request is approved (content → approved);
 * - reject: ends the request (content → changes_requested, back to its author with the reason);
 * - request_changes: ends the request (content → changes_requested); a resubmission is a new request;
 * - comment: changes nothing but the record; cancel: the author withdraws it (content → draft);
 * - the clock: a reminder before the step's deadline, an escalation at it, and expiry when the
 *   content's publish time passes while still pending (content → draft, so it is never published).
 *
 * This file holds the people's actions; the clock is deadlines.ts, who may act who-may-act.ts, who is
 * told approval-notices.ts, and the state and write themselves request-state.ts.
 */
import type { ApprovalAction } from "../../db/schema/approval-actions.ts";
import type { ContentWorkflowStatus } from "../../db/schema/content.ts";
import { approversOf, authorsOf, label, requestedNotice } from "./approval-notices.ts";
import {
  type ActInput,
  actorKey,
  approvalsOn,
  type DecisionAction,
  type Notice,
  type PersonAction,
  type RequestState,
  type Transition,
} from "./request-state.ts";
import { quorumMet, stepAt, stepDueAt } from "./steps.ts";
import { assertAuthor, assertMayComment, assertMayDecide, assertPending } from "./who-may-act.ts";

const isDecision = (action: PersonAction): action is DecisionAction =>
  action === "approve" || action === "reject" || action === "request_changes";

/** Builds the transition: the action recorded, the request moved to `next`, and its write. */
export function record(
  state: RequestState,
  next: Partial<RequestState>,
  input: Pick<ActInput, "actor" | "comment" | "facts"> & { action: ApprovalAction },
  now: Date,
  actionId: string,
  extras: { contentTo?: ContentWorkflowStatus; notices?: Notice[]; changes?: Record<string, unknown> } = {},
): Transition {
  const at = now.toISOString();
  const after: RequestState = {
    ...state,
    ...next,
    actions: [
      ...state.actions,
      { id: actionId, step: state.currentStep, action: input.action, by: actorKey(input.actor), at },
    ],
  };
  const changes: Record<string, unknown> = { step: state.currentStep, ...extras.changes };
  if (input.comment) changes.comment = input.comment;
  if (after.status !== state.status) changes.status = { from: state.status, to: after.status };
  if (after.currentStep !== state.currentStep) {
    changes.current_step = { from: state.currentStep, to: after.currentStep };
  }
  return {
    state: after,
    write: {
      actionId,
      requestId: state.requestId,
      contentId: state.contentId,
      step: state.currentStep,
      action: input.action,
      actor: input.actor,
      comment: input.comment,
      at,
      request: {
        status: after.status,
        currentStep: after.currentStep,
        stepDueAt: after.stepDueAt,
        resolvedAt: after.resolvedAt,
      },
      contentTo: extras.contentTo ?? null,
      changes,
      notices: extras.notices ?? [],
      facts: input.facts,
    },
  };
}

function approve(state: RequestState, input: ActInput, now: Date, actionId: string): Transition {
  const step = stepAt(state.steps, state.currentStep);
  const approvals = approvalsOn(state, state.currentStep);
  const key = actorKey(input.actor);
  if (key) approvals.add(key);
  if (!quorumMet(step, approvals, state.authors)) return record(state, {}, input, now, actionId);
  if (state.currentStep === state.steps.length) {
    return record(state, { status: "approved", resolvedAt: now.toISOString() }, input, now, actionId, {
      contentTo: "approved",
      notices: [
        { recipients: authorsOf(state), type: "approval.approved", title: `Approved: ${label(state)}` },
      ],
    });
  }
  const nextStep = state.currentStep + 1;
  const due = stepDueAt(
    stepAt(state.steps, nextStep),
    now,
    state.expiresAt ? new Date(state.expiresAt) : null,
  );
  const advanced = {
    currentStep: nextStep,
    stepDueAt: due?.toISOString() ?? null,
    reminded: false,
    escalated: false,
  };
  return record(state, advanced, input, now, actionId, {
    notices: [requestedNotice({ ...state, ...advanced }, nextStep)],
  });
}

/**
 * Applies a person's action (or an outside approver's, through a link). Throws the problem that
 * refuses it: 409 when the request is closed or the action repeats, 403 when the actor may not.
 */
export function act(state: RequestState, input: ActInput, now: Date, actionId: string): Transition {
  if (!input.link) assertPending(state);
  const { action } = input;
  if (isDecision(action)) assertMayDecide(state, input);
  else if (action === "comment") assertMayComment(state, input.actor);
  else assertAuthor(state, input.actor);
  const used = input.link
    ? {
        usedLinks: [
          ...state.usedLinks.filter((l) => l.exp * 1000 > now.getTime()),
          { jti: input.link.jti, exp: input.link.exp },
        ],
      }
    : {};
  const base = { ...state, ...used };
  const linkChanges = input.link ? { link: { jti: input.link.jti, step: input.link.step } } : undefined;
  const resolved = { resolvedAt: now.toISOString() };
  switch (action) {
    case "approve": {
      const transition = approve(base, input, now, actionId);
      if (linkChanges) Object.assign(transition.write.changes, linkChanges);
      return transition;
    }
    case "reject":
      return record(base, { status: "rejected", ...resolved }, input, now, actionId, {
        contentTo: "changes_requested",
        notices: [
          {
            recipients: authorsOf(state),
            type: "approval.rejected",
            title: `Rejected: ${label(state)}`,
            message: input.comment ?? undefined,
          },
        ],
        changes: linkChanges,
      });
    case "request_changes":
      return record(base, { status: "changes_requested", ...resolved }, input, now, actionId, {
        contentTo: "changes_requested",
        notices: [
          {
            recipients: authorsOf(state),
            type: "approval.changes_requested",
            title: `Changes requested: ${label(state)}`,
            message: input.comment ?? undefined,
          },
        ],
      });
    case "cancel":
      return record(base, { status: "cancelled", ...resolved }, input, now, actionId, {
        contentTo: "draft",
        notices: [
          {
            recipients: approversOf(state, stepAt(state.steps, state.currentStep)),
            type: "approval.cancelled",
            title: `Approval withdrawn: ${label(state)}`,
          },
        ],
      });
    case "comment": {
      const byAuthor = input.actor.type === "user" && state.authors.includes(input.actor.userId);
      const recipients = byAuthor
        ? approversOf(state, stepAt(state.steps, state.currentStep))
        : authorsOf(state);
      return record(base, {}, input, now, actionId, {
        notices: [
          {
            recipients,
            type: "approval.comment",
            title: `New comment on ${label(state)}`,
            message: input.comment ?? undefined,
          },
        ],
      });
    }
  }
}
