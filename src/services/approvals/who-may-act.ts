/**
 * Who may do what on an approval request: each check throws the problem that refuses the action (409
 * when the request is closed or the action repeats, 403 when the actor may not).
 */
import { ConflictError, ForbiddenError } from "../../errors.ts";
import { ROLE_RANK } from "../auth/permissions.ts";
import {
  type ActInput,
  type ApprovalActor,
  actorKey,
  approvalsOn,
  type LinkGrant,
  type RequestState,
} from "./request-state.ts";
import { stepAt, stepNames } from "./steps.ts";

export function closedError(state: RequestState): ConflictError {
  return new ConflictError(
    "approval_request_closed",
    `This approval request is ${state.status.replace("_", " ")}; nothing more can be done on it.`,
    { request_status: state.status },
  );
}

/** The request is pending, else 409 `approval_request_closed` naming its status. */
export function assertPending(state: RequestState): void {
  if (state.status !== "pending") throw closedError(state);
}

/**
 * A link may be used now: not used before (409 `approval_link_used`), its request pending (409
 * `approval_request_closed`) and still on the step it was issued for (409 `approval_step_closed`).
 */
export function assertLinkUsable(state: RequestState, link: LinkGrant): void {
  if (state.usedLinks.some((used) => used.jti === link.jti)) {
    throw new ConflictError("approval_link_used", "This approval link has already been used.");
  }
  assertPending(state);
  if (link.step !== state.currentStep) {
    throw new ConflictError(
      "approval_step_closed",
      `This link was for step ${link.step}; the request is now at step ${state.currentStep}.`,
      { step: link.step, current_step: state.currentStep },
    );
  }
}

/** Who may decide (approve, reject, request changes) on the current step. */
export function assertMayDecide(state: RequestState, input: ActInput): void {
  const { actor } = input;
  const step = stepAt(state.steps, state.currentStep);
  if (actor.type === "user") {
    if (state.authors.includes(actor.userId)) {
      throw new ForbiddenError(
        "own_content",
        "You wrote or submitted this content: someone else must decide on it.",
      );
    }
    if (!actor.canApprove) {
      throw new ForbiddenError(
        "missing_permission",
        'Deciding on an approval needs the "content:approve" permission.',
      );
    }
    if (!stepNames(step, state.escalated, actor)) {
      throw new ForbiddenError(
        "not_an_approver",
        `Step ${state.currentStep} (${step.name}) does not name you as an approver.`,
      );
    }
  } else if (actor.type === "external" && input.link) {
    assertLinkUsable(state, input.link);
  } else {
    throw new ForbiddenError("not_an_approver", "Only a named approver or an approval link can decide.");
  }
  const key = actorKey(actor);
  if (input.action === "approve" && key && approvalsOn(state, state.currentStep).has(key)) {
    throw new ConflictError(
      "already_approved",
      `You have already approved step ${state.currentStep} of this request.`,
    );
  }
}

/** Who may comment: the authors, and anyone who may approve content. */
export function assertMayComment(state: RequestState, actor: ApprovalActor): void {
  if (actor.type === "user" && (state.authors.includes(actor.userId) || actor.canApprove)) return;
  throw new ForbiddenError(
    "not_an_approver",
    "Only the authors and approvers comment on an approval request.",
  );
}

export function assertAuthor(state: RequestState, actor: ApprovalActor): void {
  if (actor.type === "user" && state.authors.includes(actor.userId)) return;
  throw new ForbiddenError(
    "not_the_author",
    "Only the content's author or submitter may cancel its approval.",
  );
}

/**
 * Who may send an approval link for the current step: someone the step names, or a manager or above;
 * never an author (a link is one more approval).
 */
export function assertMayInvite(state: RequestState, actor: Extract<ApprovalActor, { type: "user" }>): void {
  assertPending(state);
  if (state.authors.includes(actor.userId)) {
    throw new ForbiddenError(
      "own_content",
      "You wrote or submitted this content: someone else invites approvers.",
    );
  }
  const step = stepAt(state.steps, state.currentStep);
  if (!stepNames(step, state.escalated, actor) && ROLE_RANK[actor.role] < ROLE_RANK.manager) {
    throw new ForbiddenError(
      "not_an_approver",
      `Only the approvers of step ${state.currentStep} (${step.name}) or a manager may send approval links.`,
    );
  }
}
