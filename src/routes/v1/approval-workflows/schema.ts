import { z } from "@hono/zod-openapi";
import type {
  ApprovalApprovers,
  ApprovalWorkflow,
  ApprovalWorkflowStep,
} from "../../../db/schema/approval-workflows.ts";
import { PLATFORMS } from "../../../db/schema/columns.ts";
import { USER_ROLES } from "../../../db/schema/users.ts";
import { CONDITION_NAMES } from "../../../services/approvals/workflows.ts";
import { rolePermissions } from "../../../services/auth/permissions.ts";
import { CONTENT_TYPES } from "../../../services/content/post-text.ts";
import { PlatformSchema, SetOf } from "../common.ts";

export const MAX_STEPS = 10;
/** Users one step may name; a quorum beyond this is not a review step any more. */
const MAX_NAMED_USERS = 50;
/** A deadline or reminder, in whole hours: at most a year. */
const Hours = z.number().int().min(1).max(8760);

const RoleSchema = z.enum(USER_ROLES);

/** Who: users with one of the roles, and/or the users themselves; at least one of the lists non-empty. */
const ApproversSchema = z
  .strictObject({
    roles: SetOf(RoleSchema, USER_ROLES.length).optional(),
    user_ids: SetOf(z.uuid(), MAX_NAMED_USERS).optional(),
  })
  .refine((a) => Boolean(a.roles?.length || a.user_ids?.length), {
    message: "Name roles, user_ids or both.",
  })
  .openapi("ApprovalApprovers", {
    description:
      "Name roles, user_ids or both (not both empty); every role named must be able to approve content.",
    example: { roles: ["manager"], user_ids: [] },
  });

const DeadlineSchema = z
  .strictObject({
    hours: Hours.optional().openapi({ description: "Due this many hours after the step starts" }),
    before_publish_hours: Hours.optional().openapi({
      description: "Due this many hours before the content's scheduled time",
    }),
  })
  .refine((d) => (d.hours === undefined) !== (d.before_publish_hours === undefined), {
    message: "Give either hours or before_publish_hours.",
  })
  .openapi("ApprovalDeadline", {
    description: "Exactly one of hours and before_publish_hours.",
    example: { hours: 24 },
  });

const canApprove = (role: (typeof USER_ROLES)[number]) => rolePermissions(role).includes("content:approve");

const StepInputSchema = z
  .strictObject({
    number: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Optional (a read answers it); when given, the step's position" }),
    name: z.string().trim().min(1).max(100),
    approvers: ApproversSchema,
    required_approvals: z
      .union([z.number().int().min(1).max(MAX_NAMED_USERS), z.literal("all")])
      .optional()
      .openapi({ description: 'How many approvals pass the step (default 1); "all": every named user' }),
    deadline: DeadlineSchema.nullable().optional(),
    remind_before_hours: Hours.nullable().optional().openapi({
      description:
        "With a deadline: remind the approvers this many hours before it (default: a quarter of it, at least 1)",
    }),
    escalate_to: ApproversSchema.nullable().optional().openapi({
      description: "With a deadline: who is told when it passes (default: the workflow's creator)",
    }),
  })
  .superRefine((step, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const roles = step.approvers.roles ?? [];
    for (const role of roles.filter((r) => !canApprove(r))) {
      issue("approvers", `The role "${role}" may not approve content.`);
    }
    if (step.required_approvals === "all" && (roles.length > 0 || !step.approvers.user_ids?.length)) {
      issue("required_approvals", '"all" needs a step that names users and no roles.');
    }
    const deadlineHours = step.deadline?.hours ?? step.deadline?.before_publish_hours;
    if (!step.deadline) {
      if (step.remind_before_hours != null) issue("remind_before_hours", "A reminder needs a deadline.");
      if (step.escalate_to != null) issue("escalate_to", "Escalation needs a deadline.");
    } else if (
      step.remind_before_hours != null &&
      deadlineHours !== undefined &&
      step.remind_before_hours > deadlineHours
    ) {
      issue(
        "remind_before_hours",
        `The reminder must fall within the deadline (at most ${deadlineHours} hours).`,
      );
    }
  })
  .openapi("ApprovalStepInput", {
    description:
      'Approver roles must be able to approve content; required_approvals "all" needs a step that names user_ids and no roles; remind_before_hours and escalate_to need a deadline, and the reminder falls within it (at most the deadline\'s hours).',
  });

const StepsSchema = z
  .array(StepInputSchema)
  .min(1)
  .max(MAX_STEPS)
  .superRefine((steps, ctx) => {
    for (const [index, step] of steps.entries()) {
      if (step.number !== undefined && step.number !== index + 1) {
        ctx.addIssue({
          code: "custom",
          path: [index, "number"],
          message: `Step ${index + 1} is numbered ${step.number}.`,
        });
      }
    }
  })
  .openapi({ description: "In order; a step's number, when given, is its position (1, 2 …)." });

export const TriggerConditionsSchema = z
  .strictObject({
    content_types: SetOf(z.enum(CONTENT_TYPES), CONTENT_TYPES.length, 1).optional(),
    platforms: SetOf(PlatformSchema, PLATFORMS.length, 1)
      .optional()
      .openapi({ description: "Matches content that targets any of them" }),
    campaign_ids: SetOf(z.uuid(), 100, 1).optional(),
    event_ids: SetOf(z.uuid(), 100, 1).optional(),
    mentions_vip_delegate: z.literal(true).optional().openapi({
      description:
        "The caption mentions a delegate with vip_tier above 0: @ + one of their social handles, or their first and last name as whole words (case-insensitive)",
    }),
  })
  .openapi("ApprovalTriggerConditions", {
    description: "Every condition given must hold; none given matches all content (the fallback workflow).",
    example: { content_types: ["post"], platforms: ["x", "linkedin"], mentions_vip_delegate: true },
  });

export const WorkflowFields = {
  name: z.string().trim().min(2).max(200),
  is_active: z.boolean(),
  steps: StepsSchema,
  trigger_conditions: TriggerConditionsSchema,
};

const ApproversOut = z.object({ roles: z.array(RoleSchema), user_ids: z.array(z.uuid()) });

export const StepSchema = z
  .object({
    number: z.number().int(),
    name: z.string(),
    approvers: ApproversOut,
    required_approvals: z.union([z.number().int(), z.literal("all")]),
    deadline: z
      .union([z.object({ hours: z.number().int() }), z.object({ before_publish_hours: z.number().int() })])
      .nullable(),
    remind_before_hours: z.number().int().nullable(),
    escalate_to: ApproversOut.nullable(),
  })
  .openapi("ApprovalStep");

export const WorkflowSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    is_active: z.boolean(),
    steps: z.array(StepSchema),
    trigger_conditions: z.object({
      content_types: z.array(z.string()).optional(),
      platforms: z.array(PlatformSchema).optional(),
      campaign_ids: z.array(z.uuid()).optional(),
      event_ids: z.array(z.uuid()).optional(),
      mentions_vip_delegate: z.literal(true).optional(),
    }),
    created_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("ApprovalWorkflow");

const toApprovers = (a: ApprovalApprovers) => ({ roles: a.roles ?? [], user_ids: a.userIds ?? [] });

export function toStep(step: ApprovalWorkflowStep, index: number): z.infer<typeof StepSchema> {
  const { deadline } = step;
  return {
    number: index + 1,
    name: step.name,
    approvers: toApprovers(step.approvers),
    required_approvals: step.requiredApprovals,
    deadline: !deadline
      ? null
      : "hours" in deadline
        ? { hours: deadline.hours }
        : { before_publish_hours: deadline.beforePublishHours },
    remind_before_hours: step.remindBeforeHours ?? null,
    escalate_to: step.escalateTo ? toApprovers(step.escalateTo) : null,
  };
}

export function toWorkflow(row: ApprovalWorkflow): z.infer<typeof WorkflowSchema> {
  const conditions = row.triggerConditions;
  return {
    id: row.id,
    name: row.name,
    is_active: row.isActive,
    steps: row.steps.map(toStep),
    trigger_conditions: Object.fromEntries(
      Object.entries(CONDITION_NAMES)
        .filter(([stored]) => conditions[stored as keyof typeof CONDITION_NAMES] !== undefined)
        .map(([stored, name]) => [name, conditions[stored as keyof typeof CONDITION_NAMES]]),
    ),
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
