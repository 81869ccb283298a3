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
 */
import type { ApprovalAction } from "../../db/schema/approval-actions.ts";
import type { ApprovalRequestStatus } from "../../db/schema/approval-requests.ts";
import type { ApprovalApprovers, ApprovalWorkflowStep } from "../../db/schema/approval-workflows.ts";
import type { ContentWorkflowStatus } from "../../db/schema/content.ts";
import type { UserRole } from "../../db/schema/users.ts";
import { ConflictError, ForbiddenError } from "../../errors.ts";
import { ROLE_RANK } from "../auth/permissions.ts";
import type { RequestFacts } from "../context.ts";
import { externalKey, quorumMet, remindAt, stepAt, stepDueAt, stepNames, userKey } from "./steps.ts";

/** Who acts, as the Durable Object receives it (plain data: it crosses an RPC boundary). */
export type ApprovalActor =
  | { type: "user"; userId: string; role: UserRole; canApprove: boolean }
  | { type: "external"; name: string; email: string }
  | { type: "system"; name: string };

/** An action as the object remembers it (the comment and the rest live in Postgres). */
export interface ActionRecord {
  id: string;
  step: number;
  action: ApprovalAction;
  /** `user:<id>` or `external:<email>`; null for the system. */
  by: string | null;
  at: string;
}

/** What the Durable Object knows of its request. Times are ISO strings (the state is stored as is). */
export interface RequestState {
  requestId: string;
  organizationId: string;
  contentId: string;
  contentVersion: number;
  contentTitle: string | null;
  /** The content's writer and the request's submitter: they never decide on it. */
  authors: string[];
  workflowId: string | null;
  steps: ApprovalWorkflowStep[];
  status: ApprovalRequestStatus;
  currentStep: number;
  stepDueAt: string | null;
  /** The content's publish time at submission. */
  expiresAt: string | null;
  resolvedAt: string | null;
  /** Whether the current step's reminder / escalation has happened. */
  reminded: boolean;
  escalated: boolean;
  actions: ActionRecord[];
  /** Approval links already used (single use), kept until they expire. `exp` in seconds. */
  usedLinks: Array<{ jti: string; exp: number }>;
}

/** A notification to write with the action: to these users, or users with these roles, minus `exclude`. */
export interface Notice {
  recipients: ApprovalApprovers & { exclude?: string[] };
  type: string;
  title: string;
  message?: string;
}

/** Everything Postgres must learn about one action, replayable as often as needed (see write-through.ts). */
export interface ApprovalWrite {
  actionId: string;
  requestId: string;
  contentId: string;
  step: number;
  action: ApprovalAction;
  actor: ApprovalActor;
  comment: string | null;
  at: string;
  /** The request after the action. */
  request: {
    status: ApprovalRequestStatus;
    currentStep: number;
    stepDueAt: string | null;
    resolvedAt: string | null;
  };
  /** The content's move out of review, when the action decides it. */
  contentTo: ContentWorkflowStatus | null;
  /** The audit row's `changes`. */
  changes: Record<string, unknown>;
  notices: Notice[];
  facts: RequestFacts;
}

/** A verified approval link, as the object checks it. `exp` in seconds since the epoch. */
export interface LinkGrant {
  jti: string;
  step: number;
  exp: number;
}

export type DecisionAction = "approve" | "reject" | "request_changes";
export type PersonAction = DecisionAction | "comment" | "cancel";

export interface ActInput {
  action: PersonAction;
  actor: ApprovalActor;
  comment: string | null;
  facts: RequestFacts;
  /** Present when an outside approver acts through a link. */
  link?: LinkGrant;
}

export interface Transition {
  state: RequestState;
  write: ApprovalWrite;
}

const SYSTEM: ApprovalActor = { type: "system", name: "approval-deadlines" };
const NO_FACTS: RequestFacts = { ip: null, userAgent: null };

const isDecision = (action: PersonAction): action is DecisionAction =>
  action === "approve" || action === "reject" || action === "request_changes";

function actorKey(actor: ApprovalActor): string | null {
  if (actor.type === "user") return userKey(actor.userId);
  if (actor.type === "external") return externalKey(actor.email);
  return null;
}

/** Who approved the step so far (keys as `actorKey` makes them). */
export function approvalsOn(state: RequestState, step: number): Set<string> {
  return new Set(
    state.actions
      .filter((a) => a.step === step && a.action === "approve" && a.by !== null)
      .map((a) => a.by as string),
  );
}

const label = (state: RequestState) =>
  state.contentTitle ? `"${state.contentTitle}"` : `content version ${state.contentVersion}`;

/** The approvers of a step (and its escalation targets once escalated), never the authors. */
function approversOf(
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

const authorsOf = (state: RequestState): Notice["recipients"] => ({ userIds: state.authors });

export function closedError(state: RequestState): ConflictError {
  return new ConflictError(
    "approval_request_closed",
    `This approval request is ${state.status.replace("_", " ")}; nothing more can be done on it.`,
    { request_status: state.status },
  );
}

/** The request is pending, else 409 `approval_request_closed` naming its status. */
function assertPending(state: RequestState): void {
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
function assertMayDecide(state: RequestState, input: ActInput): void {
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
function assertMayComment(state: RequestState, actor: ApprovalActor): void {
  if (actor.type === "user" && (state.authors.includes(actor.userId) || actor.canApprove)) return;
  throw new ForbiddenError(
    "not_an_approver",
    "Only the authors and approvers comment on an approval request.",
  );
}

function assertAuthor(state: RequestState, actor: ApprovalActor): void {
  if (actor.type === "user" && state.authors.includes(actor.userId)) return;
  throw new ForbiddenError(
    "not_the_author",
    "Only the content's author or submitter may cancel its approval.",
  );
}

/** Builds the transition: the action recorded, the request moved to `next`, and its write. */
function record(
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

/** The users who approved the current step (a reminder spares them). */
function approvedUsers(state: RequestState): string[] {
  return [...approvalsOn(state, state.currentStep)]
    .filter((key) => key.startsWith("user:"))
    .map((key) => key.slice("user:".length));
}

/** Both groups: the approvers' roles and ids plus the authors' ids, the authors no longer excluded. */
function mergeRecipients(
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

/** What callers see of the object's state. */
export interface RequestView {
  id: string;
  status: ApprovalRequestStatus;
  currentStep: number;
  stepName: string;
  stepsTotal: number;
  /** Approvals given on the current step, and what passes it. */
  approvals: number;
  requiredApprovals: number | "all";
  stepDueAt: string | null;
  expiresAt: string | null;
  resolvedAt: string | null;
  actions: ActionRecord[];
}

export function viewOf(state: RequestState): RequestView {
  const step = stepAt(state.steps, state.currentStep);
  return {
    id: state.requestId,
    status: state.status,
    currentStep: state.currentStep,
    stepName: step.name,
    stepsTotal: state.steps.length,
    approvals: approvalsOn(state, state.currentStep).size,
    requiredApprovals: step.requiredApprovals,
    stepDueAt: state.stepDueAt,
    expiresAt: state.expiresAt,
    resolvedAt: state.resolvedAt,
    actions: state.actions,
  };
}
