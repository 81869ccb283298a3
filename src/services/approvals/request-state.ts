/**
 * What an approval request's Durable Object knows and hands out, as plain data (it is stored as is
 * and crosses RPC boundaries): the request's state, its actions, the write an action makes in
 * Postgres, and the view callers get.
 */
import type { ApprovalAction } from "../../db/schema/approval-actions.ts";
import type { ApprovalRequestStatus } from "../../db/schema/approval-requests.ts";
import type { ApprovalApprovers, ApprovalWorkflowStep } from "../../db/schema/approval-workflows.ts";
import type { ContentWorkflowStatus } from "../../db/schema/content.ts";
import type { UserRole } from "../../db/schema/users.ts";
import type { RequestFacts } from "../context.ts";
import { externalKey, stepAt, userKey } from "./steps.ts";

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

/** Who an action is by, as the state records it: `user:<id>`, `external:<email>`, null for the system. */
export function actorKey(actor: ApprovalActor): string | null {
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
