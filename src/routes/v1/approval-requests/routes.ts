/**
 * Approval requests: submitting content, the inbox, one request, acting on it, and sending approval
 * links. Actions go to the request's Durable Object, which decides them one at a time and writes
 * them through to Postgres.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import {
  actOnApprovalRequest,
  issueApprovalLink,
  submitAndStart,
} from "../../../services/approvals/decide.ts";
import { getApprovalRequest, listApprovalRequests } from "../../../services/approvals/requests.ts";
import { listResponse } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import {
  ActionBody,
  ActionResultSchema,
  ApprovalRequestDetailSchema,
  ApprovalRequestSchema,
  LinkBody,
  LinkSchema,
  ListQuery,
  SubmitBody,
  toActionResult,
  toApprovalRequest,
  toApprovalRequestDetail,
} from "./schema.ts";

const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const submitForApprovalRoute = authedRoute({
  method: "post",
  path: "/v1/content/{id}/approval-requests",
  tags: ["Approvals"],
  summary: "Submit content for approval",
  description:
    "Chooses the approval workflow (the most specific active one whose trigger conditions hold; none: manual approval by a manager or above), snapshots its steps, moves the content to in_review and notifies the first step's approvers. 409 approval_request_pending when one is pending; 409 invalid_status_transition when the content cannot go into review (from draft, changes_requested, approved or in_review it can); 422 scheduled_for_passed when its scheduled time is behind us (set a new one); 422 protocol_check_failed (listing the findings) when the organisation's protocol_checks setting is block and the content breaks protocol for a VIP delegate (see POST /v1/content/{id}/validate). A request expires when the content's scheduled time passes before it is approved.",
  permission: "content:write",
  apiKeys: false,
  request: {
    params: IdParams,
    body: { required: false, content: { "application/json": { schema: SubmitBody } } },
  },
  responses: {
    201: json(ApprovalRequestDetailSchema, "The request, pending"),
    ...errorResponses(404, 409, 422),
  },
});

export const listApprovalRequestsRoute = authedRoute({
  method: "get",
  path: "/v1/approval-requests",
  tags: ["Approvals"],
  summary: "The approval inbox",
  description:
    "By default what waits for you: pending requests whose current step names you (by role or id, or as its escalation target once escalated), that you have not approved yet, for content you neither wrote nor submitted — oldest step deadline first, none last. Deciding needs content:approve, so without it the inbox is empty.",
  permission: "content:read",
  apiKeys: false,
  request: { query: ListQuery },
  responses: {
    200: json(listResponse(ApprovalRequestSchema, "ApprovalRequestList"), "A page"),
  },
});

export const getApprovalRequestRoute = authedRoute({
  method: "get",
  path: "/v1/approval-requests/{id}",
  tags: ["Approvals"],
  summary: "Read an approval request with its steps and actions",
  permission: "content:read",
  request: { params: IdParams },
  responses: { 200: json(ApprovalRequestDetailSchema, "The request"), ...errorResponses(404) },
});

export const actOnApprovalRequestRoute = authedRoute({
  method: "post",
  path: "/v1/approval-requests/{id}/actions",
  tags: ["Approvals"],
  summary: "Approve, reject, request changes, comment or cancel",
  description:
    "approve / reject / request_changes: only someone the current step names (by role or id; once escalated, its escalation targets too) holding content:approve, never the content's author or submitter (403 own_content, not_an_approver, missing_permission); one approval per person and step (409 already_approved). When the step's quorum is met the next step starts, or after the last one the content is approved. reject and request_changes end the request and send the content back (changes_requested); resubmitting starts a new request. comment: the authors and anyone with content:approve. cancel: the content's author or submitter (content → draft). reject, request_changes and comment need a comment. 409 approval_request_closed once it has ended. 200 when the action is recorded in the database; 202 when the database did not answer: the action holds, and is written as soon as it does.",
  permission: "content:read",
  apiKeys: false,
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: ActionBody } } },
  },
  responses: {
    200: json(ActionResultSchema, "Recorded"),
    202: json(ActionResultSchema, "Recorded by the request; being written to the database"),
    ...errorResponses(403, 404, 409),
  },
});

export const createApprovalLinkRoute = authedRoute({
  method: "post",
  path: "/v1/approval-requests/{id}/links",
  tags: ["Approvals"],
  summary: "Send an outside approver a link",
  description:
    "A signed link for someone without an account (a speaker, a VIP's office) to see the content and approve or reject the CURRENT step once, before it expires (at most 168 hours; default 72). Their approval counts as one toward the step's quorum (an \"all\" step still needs each named user). Only the step's approvers or a manager or above may send one. Deliver the URL yourself: it is shown once.",
  permission: "content:approve",
  apiKeys: false,
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: LinkBody } } },
  },
  responses: { 201: json(LinkSchema, "The link"), ...errorResponses(403, 404, 409) },
});

export function registerApprovalRequests(app: OpenAPIHono<AppEnv>) {
  app.openapi(submitForApprovalRoute, async (c) => {
    const { state, detail } = await submitAndStart(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.get("logger"),
    );
    c.header("location", `/v1/approval-requests/${state.requestId}`);
    return c.json(toApprovalRequestDetail(detail), 201);
  });

  app.openapi(listApprovalRequestsRoute, async (c) => {
    const page = await listApprovalRequests(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toApprovalRequest), next_cursor: page.next_cursor }, 200);
  });

  app.openapi(getApprovalRequestRoute, async (c) => {
    const detail = await getApprovalRequest(c.get("tenant"), c.req.valid("param").id);
    return c.json(toApprovalRequestDetail(detail), 200);
  });

  app.openapi(actOnApprovalRequestRoute, async (c) => {
    const body = c.req.valid("json");
    const outcome = await actOnApprovalRequest(c.get("tenant"), c.req.valid("param").id, {
      action: body.action,
      comment: body.comment ?? null,
    });
    return c.json(toActionResult(outcome.action, outcome.request), outcome.written ? 200 : 202);
  });

  app.openapi(createApprovalLinkRoute, async (c) => {
    const body = c.req.valid("json");
    const link = await issueApprovalLink(c.get("tenant"), c.req.valid("param").id, {
      name: body.name,
      email: body.email,
      expiresInHours: body.expires_in_hours,
    });
    return c.json(
      {
        url: link.url,
        expires_at: link.expiresAt.toISOString(),
        step: { number: link.view.currentStep, name: link.view.stepName },
      },
      201,
    );
  });
}
