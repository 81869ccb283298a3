/**
 * Submitting content for approval: choose the workflow (or manual approval), record the request with
 * a snapshot of the workflow's steps, move the content into review, audit it and tell the first step's
 * approvers — in one batch. The caller then starts the request's Durable Object with the state this
 * returns; should that start be lost, the object rebuilds the same state from Postgres on first use.
 */
import { and, eq, sql } from "drizzle-orm";
import { uniqueViolation } from "../../db/errors.ts";
import { approvalRequests } from "../../db/schema/approval-requests.ts";
import { content } from "../../db/schema/content.ts";
import { inTenant } from "../../db/tenant.ts";
import { ConflictError, UnprocessableError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { unchangedSince } from "../conditional.ts";
import { assertProtocol, selectProtocol } from "../content/protocol-checks.ts";
import { contentNotFound, liveContent } from "../content/store.ts";
import { CONTENT_TRANSITIONS } from "../content/workflow.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { assertTransition } from "../state-machine.ts";
import { submittedEvents } from "../webhooks/events.ts";
import { requestedNotice } from "./approval-notices.ts";
import type { RequestState } from "./request-state.ts";
import { authorsOf, type RequestDetail, selectPendingRequest } from "./requests.ts";
import { snapshotSteps, stepDueAt, userKey } from "./steps.ts";
import {
  chooseWorkflow,
  contentFacts,
  MANUAL_APPROVAL_STEPS,
  vipMentionQuery,
  workflowCandidates,
} from "./workflow-match.ts";
import { noticeSpec, recipientsOf, writtenHere } from "./write-through.ts";

export interface SubmitInput {
  /** A note to the approvers, recorded as the request's first comment. */
  comment?: string;
}

export const pendingConflict = (requestId?: string) =>
  new ConflictError(
    "approval_request_pending",
    "This content already has a pending approval request; act on it or cancel it first.",
    requestId ? { approval_request_id: requestId } : {},
  );

/**
 * Two round trips: read the content, the candidate workflows, the VIP flag and any pending request;
 * then the guarded write. 404 for unknown content, 409 `approval_request_pending` when one is pending,
 * 409 `invalid_status_transition` when the content cannot go into review, 422 `scheduled_for_passed`
 * when its publish time is behind us, 422 `protocol_check_failed` when the organisation blocks on protocol
 * findings (services/content/protocol-checks.ts). Answers the request as Postgres now holds it, and the state
 * the request's Durable Object starts from.
 */
export async function submitForApproval(
  ctx: TenantContext,
  contentId: string,
  input: SubmitInput,
): Promise<{ state: RequestState; detail: RequestDetail }> {
  const { rows, candidates, vip, pending, protocol } = await inTenant(ctx, (db) => ({
    rows: db.select().from(content).where(liveContent(ctx, contentId)),
    candidates: workflowCandidates(ctx, db),
    vip: vipMentionQuery(ctx, db, contentId),
    pending: selectPendingRequest(ctx, db, contentId),
    protocol: selectProtocol(ctx, db, contentId),
  }));
  const row = rows[0];
  if (!row) throw contentNotFound();
  if (pending[0]) throw pendingConflict(pending[0].id);
  const from = row.workflowStatus;
  assertTransition(CONTENT_TRANSITIONS, from, "in_review", "content");
  const now = ctx.now();
  if (row.scheduledFor && row.scheduledFor <= now) {
    throw new UnprocessableError(
      "scheduled_for_passed",
      "The content's scheduled time has passed: set a new one, then submit it.",
    );
  }
  assertProtocol(row, protocol);

  const workflow = chooseWorkflow(candidates, contentFacts(row, vip[0]?.mentionsVipDelegate));
  const steps = snapshotSteps(
    workflow?.steps.length ? workflow.steps : MANUAL_APPROVAL_STEPS,
    workflow?.createdBy ?? null,
  );
  const requestId = crypto.randomUUID();
  const requestedBy = actorUserId(ctx.actor);
  const due = stepDueAt(steps[0]!, now, row.scheduledFor);
  const commentId = input.comment ? crypto.randomUUID() : null;
  const state: RequestState = {
    requestId,
    organizationId: ctx.organizationId,
    contentId,
    contentVersion: row.version,
    contentTitle: row.title,
    authors: authorsOf(row.createdBy, requestedBy),
    workflowId: workflow?.id ?? null,
    steps,
    status: "pending",
    currentStep: 1,
    stepDueAt: due?.toISOString() ?? null,
    expiresAt: row.scheduledFor?.toISOString() ?? null,
    resolvedAt: null,
    reminded: false,
    escalated: false,
    actions: commentId
      ? [
          {
            id: commentId,
            step: 1,
            action: "comment",
            by: requestedBy ? userKey(requestedBy) : null,
            at: now.toISOString(),
          },
        ]
      : [],
    usedLinks: [],
  };

  const requestWritten = writtenHere("approval_requests", requestId);
  let moved: unknown[];
  try {
    ({ moved } = await inTenant(ctx, (db) => ({
      moved: db
        .update(content)
        .set({ workflowStatus: "in_review", updatedAt: now })
        .where(
          and(
            liveContent(ctx, contentId),
            eq(content.workflowStatus, from),
            unchangedSince(content.updatedAt, row.updatedAt),
          ),
        )
        .returning({ id: content.id }),
      request: db.execute(sql`
        insert into approval_requests
          (id, organization_id, workflow_id, content_id, requested_by, current_step, status, steps,
           step_due_at, expires_at, requested_at)
        select ${requestId}, ${ctx.organizationId}, ${state.workflowId}, ${contentId}, ${requestedBy}, 1,
               'pending', ${JSON.stringify(steps)}::jsonb, ${state.stepDueAt}::timestamptz,
               ${state.expiresAt}::timestamptz, ${now.toISOString()}::timestamptz
         where ${writtenHere("content", contentId)}`),
      comment: db.execute(sql`
        insert into approval_actions
          (id, organization_id, approval_request_id, step_number, action, actioned_by, comment, actioned_at)
        select ${commentId}, ${ctx.organizationId}, ${requestId}, 1, 'comment', ${requestedBy},
               ${input.comment ?? null}, ${now.toISOString()}::timestamptz
         where ${commentId}::uuid is not null and ${requestWritten}`),
      requestAudit: auditEntry(ctx, db, {
        action: "approval_request.create",
        entityType: "approval_request",
        entityId: requestId,
        changes: {
          content_id: contentId,
          content_version: row.version,
          workflow_id: state.workflowId,
          workflow_name: workflow?.name ?? null,
          steps: steps.length,
          step_due_at: state.stepDueAt,
          expires_at: state.expiresAt,
          ...(input.comment ? { comment: input.comment } : {}),
        },
        guard: approvalRequests,
      }),
      contentAudit: auditEntry(ctx, db, {
        action: "content.status_change",
        entityType: "content",
        entityId: contentId,
        changes: {
          workflow_status: { from, to: "in_review" },
          approval_request_id: requestId,
        },
        guard: content,
      }),
      notice: notify(
        ctx,
        db,
        recipientsOf(ctx, requestedNotice(state, 1).recipients, requestWritten),
        noticeSpec(
          requestedNotice(state, 1),
          { requestId, contentId, step: 1 },
          `approval:${requestId}:requested`,
        ),
      ),
      webhooks: submittedEvents(ctx, db, { contentId, requestId, guard: requestWritten }),
    })));
  } catch (error) {
    if (uniqueViolation(error) === "approval_requests_one_pending_per_content_key") throw pendingConflict();
    throw error;
  }
  if (moved.length === 0) {
    throw new ConflictError("edit_conflict", "The content changed while it was being submitted; try again.");
  }
  const detail: RequestDetail = {
    request: {
      id: requestId,
      organizationId: ctx.organizationId,
      workflowId: state.workflowId,
      contentId,
      requestedBy,
      currentStep: 1,
      status: "pending",
      steps,
      stepDueAt: due,
      expiresAt: row.scheduledFor,
      requestedAt: now,
      resolvedAt: null,
    },
    content: { ...row, workflowStatus: "in_review" },
    approvals: 0,
    actions: commentId
      ? [
          {
            id: commentId,
            organizationId: ctx.organizationId,
            approvalRequestId: requestId,
            stepNumber: 1,
            action: "comment",
            actionedBy: requestedBy,
            comment: input.comment ?? null,
            externalActorName: null,
            externalActorEmail: null,
            actionedAt: now,
          },
        ]
      : [],
  };
  return { state, detail };
}
