import { z } from "@hono/zod-openapi";
import { APPROVAL_ACTIONS, type ApprovalActionRecord } from "../../../db/schema/approval-actions.ts";
import { APPROVAL_REQUEST_STATUSES } from "../../../db/schema/approval-requests.ts";
import type { ActionRecord, RequestView } from "../../../services/approvals/request-state.ts";
import { INBOX_SCOPES, type RequestDetail, type RequestRow } from "../../../services/approvals/requests.ts";
import { stepAt } from "../../../services/approvals/steps.ts";
import { PaginationQuery } from "../../../services/pagination.ts";
import { StepSchema, toStep } from "../approval-workflows/schema.ts";
import { WorkflowStatusSchema } from "../content/schema.ts";

export const ApprovalStatusSchema = z.enum(APPROVAL_REQUEST_STATUSES);

const Comment = z.string().trim().min(1).max(2000);

export const SubmitBody = z
  .strictObject({
    comment: Comment.optional().openapi({ description: "A note to the approvers (recorded as a comment)" }),
  })
  .openapi("SubmitForApprovalRequest", { example: { comment: "Ready for legal review." } });

/**
 * The comment an action cannot go without (the reason, the changes wanted, the comment itself):
 * required in the schema, so the document says what the server enforces.
 */
const RequiredComment = (action: string) => {
  const verb = action.replace("_", " ");
  const message = `A comment is required to ${verb}.`;
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(2000)
    .openapi({ description: `Required to ${verb}` });
};

/** An action that needs a comment; each branch is named, so the document maps `action` to it. */
const commented = <A extends "reject" | "request_changes" | "comment">(action: A, name: string) =>
  z.strictObject({ action: z.literal(action), comment: RequiredComment(action) }).openapi(name);

export const ActionBody = z
  .discriminatedUnion("action", [
    z
      .strictObject({ action: z.enum(["approve", "cancel"]), comment: Comment.optional() })
      .openapi("ApprovalActionApproveOrCancel"),
    commented("reject", "ApprovalActionReject"),
    commented("request_changes", "ApprovalActionRequestChanges"),
    commented("comment", "ApprovalActionComment"),
  ])
  .openapi("ApprovalActionRequest", {
    description:
      "`reject`, `request_changes` and `comment` need a comment; `approve` and `cancel` may have one.",
    example: { action: "approve", comment: "Looks right." },
  });

export const LinkBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    expires_in_hours: z.number().int().min(1).max(168).default(72),
  })
  .openapi("ApprovalLinkRequest", {
    example: {
      name: "Office of the Cabinet Secretary",
      email: "cs.office@energy.go.ke",
      expires_in_hours: 48,
    },
  });

export const LinkDecisionBody = z
  .discriminatedUnion("decision", [
    z
      .strictObject({ decision: z.literal("approve"), comment: Comment.optional() })
      .openapi("ApprovalLinkApprove"),
    z
      .strictObject({ decision: z.literal("reject"), comment: RequiredComment("reject") })
      .openapi("ApprovalLinkReject"),
  ])
  .openapi("ApprovalLinkDecision", {
    description: "A rejection needs a comment (the reason); an approval may have one.",
    example: { decision: "approve" },
  });

export const ListQuery = PaginationQuery.extend({
  scope: z.enum(INBOX_SCOPES).optional().openapi({
    description:
      "mine (default): pending requests waiting for you, oldest step deadline first (none last); submitted: requests for content you wrote or submitted; all: every request (needs content:approve). The last two are newest first.",
  }),
  status: ApprovalStatusSchema.optional(),
  content_id: z.uuid().optional(),
});

const CurrentStepSchema = z.object({
  number: z.int().min(1),
  name: z.string(),
  approvals: z.int().min(0).openapi({ description: "Approvals given on this step so far" }),
  required_approvals: z.union([z.int(), z.literal("all")]),
});

const ActionSchema = z
  .object({
    id: z.uuid(),
    step_number: z.int().min(1),
    action: z.enum(APPROVAL_ACTIONS),
    actioned_by: z
      .uuid()
      .nullable()
      .openapi({ description: "The user; null for the system and link approvers" }),
    external_actor: z
      .object({ name: z.string(), email: z.string() })
      .nullable()
      .openapi({ description: "Who acted through an approval link" }),
    comment: z.string().nullable(),
    actioned_at: z.iso.datetime(),
  })
  .openapi("ApprovalAction");

export const ApprovalRequestSchema = z
  .object({
    id: z.uuid(),
    status: ApprovalStatusSchema,
    content: z.object({
      id: z.uuid(),
      title: z.string().nullable(),
      version: z.int(),
      scheduled_for: z.iso.datetime().nullable(),
      workflow_status: WorkflowStatusSchema,
    }),
    workflow_id: z
      .uuid()
      .nullable()
      .openapi({ description: "Null for manual approval (a manager or above)" }),
    current_step: CurrentStepSchema,
    steps_total: z.int(),
    step_due_at: z.iso.datetime().nullable(),
    expires_at: z.iso
      .datetime()
      .nullable()
      .openapi({ description: "The content's publish time: still pending then, the request expires" }),
    requested_by: z.uuid().nullable(),
    requested_at: z.iso.datetime(),
    resolved_at: z.iso.datetime().nullable(),
  })
  .openapi("ApprovalRequest");

export const ApprovalRequestDetailSchema = ApprovalRequestSchema.extend({
  steps: z.array(StepSchema).openapi({ description: "The workflow's steps as they were at submission" }),
  actions: z.array(ActionSchema),
}).openapi("ApprovalRequestDetail");

/** The request as its Durable Object holds it after an action. */
const RequestStateSchema = z
  .object({
    id: z.uuid(),
    status: ApprovalStatusSchema,
    current_step: CurrentStepSchema,
    steps_total: z.int(),
    step_due_at: z.iso.datetime().nullable(),
    expires_at: z.iso.datetime().nullable(),
    resolved_at: z.iso.datetime().nullable(),
  })
  .openapi("ApprovalRequestState");

export const ActionResultSchema = z
  .object({
    action: z.object({
      id: z.uuid(),
      step_number: z.int(),
      action: z.enum(APPROVAL_ACTIONS),
      actioned_at: z.iso.datetime(),
    }),
    request: RequestStateSchema,
  })
  .openapi("ApprovalActionResult");

export const LinkSchema = z
  .object({
    url: z.url(),
    expires_at: z.iso.datetime(),
    step: z.object({ number: z.int(), name: z.string() }),
  })
  .openapi("ApprovalLink");

export const LinkViewSchema = z
  .object({
    approval_request: RequestStateSchema,
    step: z.object({ number: z.int(), name: z.string() }),
    invited: z.object({ name: z.string(), email: z.string() }),
    expires_at: z.iso.datetime(),
    content: z.object({
      id: z.uuid(),
      version: z.int(),
      content_type: z.string(),
      title: z.string().nullable(),
      caption: z.string().nullable(),
      hashtags: z.array(z.string()),
      media_assets: z.array(z.uuid()),
      target_platforms: z.array(z.string()),
      scheduled_for: z.iso.datetime().nullable(),
    }),
  })
  .openapi("ApprovalLinkView");

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toApprovalRequest({
  request,
  content,
  approvals,
}: RequestRow): z.infer<typeof ApprovalRequestSchema> {
  const step = stepAt(request.steps, request.currentStep);
  return {
    id: request.id,
    status: request.status,
    content: {
      id: content.id,
      title: content.title,
      version: content.version,
      scheduled_for: iso(content.scheduledFor),
      workflow_status: content.workflowStatus,
    },
    workflow_id: request.workflowId,
    current_step: {
      number: request.currentStep,
      name: step.name,
      approvals,
      required_approvals: step.requiredApprovals,
    },
    steps_total: request.steps.length,
    step_due_at: iso(request.stepDueAt),
    expires_at: iso(request.expiresAt),
    requested_by: request.requestedBy,
    requested_at: request.requestedAt.toISOString(),
    resolved_at: iso(request.resolvedAt),
  };
}

function toAction(action: ApprovalActionRecord): z.infer<typeof ActionSchema> {
  return {
    id: action.id,
    step_number: action.stepNumber,
    action: action.action,
    actioned_by: action.actionedBy,
    external_actor:
      action.externalActorEmail !== null
        ? { name: action.externalActorName ?? "", email: action.externalActorEmail }
        : null,
    comment: action.comment,
    actioned_at: action.actionedAt.toISOString(),
  };
}

export function toApprovalRequestDetail(detail: RequestDetail): z.infer<typeof ApprovalRequestDetailSchema> {
  return {
    ...toApprovalRequest(detail),
    steps: detail.request.steps.map(toStep),
    actions: detail.actions.map(toAction),
  };
}

export function toRequestState(view: RequestView): z.infer<typeof RequestStateSchema> {
  return {
    id: view.id,
    status: view.status,
    current_step: {
      number: view.currentStep,
      name: view.stepName,
      approvals: view.approvals,
      required_approvals: view.requiredApprovals,
    },
    steps_total: view.stepsTotal,
    step_due_at: view.stepDueAt,
    expires_at: view.expiresAt,
    resolved_at: view.resolvedAt,
  };
}

export function toActionResult(action: ActionRecord, view: RequestView): z.infer<typeof ActionResultSchema> {
  return {
    action: { id: action.id, step_number: action.step, action: action.action, actioned_at: action.at },
    request: toRequestState(view),
  };
}
