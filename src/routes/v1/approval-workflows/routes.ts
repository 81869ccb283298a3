/** /v1/approval-workflows: create, list, read, update, delete (soft) and restore; which one applies to content. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { approvalWorkflows } from "../../../db/schema/approval-workflows.ts";
import { MANUAL_APPROVAL_STEPS } from "../../../services/approvals/workflow-match.ts";
import {
  createWorkflow,
  getWorkflow,
  listWorkflows,
  matchWorkflow,
  updateWorkflow,
  WORKFLOW_SORTS,
} from "../../../services/approvals/workflows.ts";
import { etagOf } from "../../../services/conditional.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, PlatformSchema, withEtag } from "../common.ts";
import { registerLifecycle, softDeletes } from "../lifecycle.ts";
import { StepSchema, toStep, toWorkflow, WorkflowFields, WorkflowSchema } from "./schema.ts";

const TAG = "Approval workflows";

const CreateWorkflowBody = z
  .strictObject({
    ...WorkflowFields,
    is_active: WorkflowFields.is_active.optional(),
    trigger_conditions: WorkflowFields.trigger_conditions.optional(),
  })
  .openapi("CreateApprovalWorkflowRequest", {
    example: {
      name: "VIP posts",
      steps: [
        { name: "Comms review", approvers: { roles: ["manager"] }, deadline: { hours: 24 } },
        {
          name: "Protocol office",
          approvers: { roles: ["admin"] },
          required_approvals: 1,
          deadline: { before_publish_hours: 2 },
          remind_before_hours: 1,
        },
      ],
      trigger_conditions: { content_types: ["post"], mentions_vip_delegate: true },
    },
  });

const UpdateWorkflowBody = z
  .strictObject({
    name: WorkflowFields.name.optional(),
    is_active: WorkflowFields.is_active.optional(),
    steps: WorkflowFields.steps.optional(),
    trigger_conditions: WorkflowFields.trigger_conditions.optional(),
  })
  .openapi("UpdateApprovalWorkflowRequest", {
    description: "Steps and trigger_conditions, when given, replace the current ones whole.",
    example: { is_active: false },
  });

const MatchSchema = z
  .object({
    content_id: z.uuid(),
    workflow: WorkflowSchema.nullable().openapi({ description: "null: no workflow matches" }),
    manual: z.boolean().openapi({ description: "Manual approval by an owner, admin or manager applies" }),
    steps: z.array(StepSchema).openapi({ description: "The steps the content would go through" }),
    matched_conditions: z
      .array(z.string())
      .openapi({ description: "The workflow's conditions, all of which the content meets" }),
    facts: z.object({
      content_type: z.string(),
      target_platforms: z.array(PlatformSchema),
      campaign_id: z.uuid().nullable(),
      event_id: z.uuid().nullable(),
      mentions_vip_delegate: z.boolean(),
    }),
  })
  .openapi("ApprovalWorkflowMatch");

export const createWorkflowRoute = authedRoute({
  method: "post",
  path: "/v1/approval-workflows",
  tags: [TAG],
  summary: "Create an approval workflow",
  description:
    "Steps run in order. Named users must be active users of the organisation (else 422 unknown_approver); a step that names only users cannot need more approvals than it names (422 not_enough_approvers).",
  permission: "workflows:write",
  request: { body: { required: true, content: { "application/json": { schema: CreateWorkflowBody } } } },
  responses: { 201: withEtag(WorkflowSchema, "Created") },
});

export const listWorkflowsRoute = authedRoute({
  method: "get",
  path: "/v1/approval-workflows",
  tags: [TAG],
  summary: "List approval workflows",
  permission: "workflows:read",
  request: {
    query: PaginationQuery.extend({
      is_active: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional()
        .openapi({ type: "string", enum: ["true", "false"] }),
      sort: z
        .enum(WORKFLOW_SORTS)
        .optional()
        .openapi({ description: "A field; a leading - sorts descending (default -created_at)" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(WorkflowSchema, "ApprovalWorkflowList") } },
    },
  },
});

export const matchWorkflowRoute = authedRoute({
  method: "get",
  path: "/v1/approval-workflows/match",
  tags: [TAG],
  summary: "Which workflow a content item would follow, and why",
  description:
    "Of the active workflows whose every trigger condition the content meets, the one with the most conditions; the oldest among equals. None: manual approval by an owner, admin or manager.",
  permission: "workflows:read",
  request: { query: z.object({ content_id: z.uuid() }) },
  responses: {
    200: { description: "The match", content: { "application/json": { schema: MatchSchema } } },
    ...errorResponses(404),
  },
});

export function registerApprovalWorkflows(app: OpenAPIHono<AppEnv>) {
  app.openapi(createWorkflowRoute, async (c) => {
    const workflow = await createWorkflow(c.get("tenant"), c.req.valid("json"));
    c.header("etag", etagOf(workflow.updatedAt));
    c.header("location", `/v1/approval-workflows/${workflow.id}`);
    return c.json(toWorkflow(workflow), 201);
  });
  app.openapi(listWorkflowsRoute, async (c) => {
    const page = await listWorkflows(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toWorkflow), next_cursor: page.next_cursor }, 200);
  });
  // Before /{id}: "match" is no id.
  app.openapi(matchWorkflowRoute, async (c) => {
    const contentId = c.req.valid("query").content_id;
    const { facts, workflow, matchedConditions } = await matchWorkflow(c.get("tenant"), contentId);
    return c.json(
      {
        content_id: contentId,
        workflow: workflow && toWorkflow(workflow),
        manual: workflow === null,
        steps: (workflow?.steps ?? MANUAL_APPROVAL_STEPS).map(toStep),
        matched_conditions: matchedConditions,
        facts: {
          content_type: facts.contentType,
          target_platforms: [...facts.targetPlatforms],
          campaign_id: facts.campaignId,
          event_id: facts.eventId,
          mentions_vip_delegate: facts.mentionsVipDelegate,
        },
      },
      200,
    );
  });
  registerLifecycle(app, {
    path: "/v1/approval-workflows/{id}",
    params: IdParams,
    tag: TAG,
    noun: "an approval workflow",
    permissions: { read: "workflows:read", write: "workflows:write" },
    schema: WorkflowSchema,
    toWire: toWorkflow,
    get: (ctx, { id }) => getWorkflow(ctx, id),
    update: {
      body: UpdateWorkflowBody,
      run: (ctx, { id }, body, ifMatch) => updateWorkflow(ctx, id, body, ifMatch),
    },
    ...softDeletes(approvalWorkflows, "approval_workflow"),
    docs: {
      update: {
        description: "Requests already under way keep the steps they started with.",
        responses: errorResponses(422),
      },
    },
  });
}
