/**
 * Reading approval requests from Postgres (the record lists and reports read; the Durable Object owns
 * the in-flight state and writes through to it): one request with its actions, the inbox, and the
 * state a Durable Object rebuilds itself from when it was never started.
 */
import { and, asc, eq, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type ApprovalActionRecord, approvalActions } from "../../db/schema/approval-actions.ts";
import {
  type ApprovalRequest,
  type ApprovalRequestStatus,
  approvalRequests,
} from "../../db/schema/approval-requests.ts";
import { type ContentWorkflowStatus, content } from "../../db/schema/content.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";
import { type PageInput, type PageOrder, type PageValue, pageStatement, paginate } from "../pagination.ts";
import type { RequestState } from "./request-state.ts";
import { externalKey, userKey } from "./steps.ts";

export const approvalRequestNotFound = () =>
  new NotFoundError("approval_request_not_found", "No such approval request.");

/** What a request is about: the content version it was submitted for. */
export interface ContentSummary {
  id: string;
  title: string | null;
  version: number;
  scheduledFor: Date | null;
  workflowStatus: ContentWorkflowStatus;
  createdBy: string | null;
}

export interface RequestRow {
  request: ApprovalRequest;
  content: ContentSummary;
  /** Approvals given on the current step. */
  approvals: number;
}

const contentSummary = {
  id: content.id,
  title: content.title,
  version: content.version,
  scheduledFor: content.scheduledFor,
  workflowStatus: content.workflowStatus,
  createdBy: content.createdBy,
};

/** Approvals on the request's current step, counted in the same query. */
const currentApprovals = sql<number>`(
  select count(*)::int from ${approvalActions} a
   where a.approval_request_id = ${approvalRequests.id}
     and a.step_number = ${approvalRequests.currentStep}
     and a.action = 'approve')`;

function selectRequests(db: Database) {
  return db
    .select({ request: approvalRequests, content: contentSummary, approvals: currentApprovals })
    .from(approvalRequests)
    .innerJoin(content, eq(content.id, approvalRequests.contentId));
}

const byId = (ctx: TenantContext, id: string) =>
  ownedBy(ctx, approvalRequests.organizationId, eq(approvalRequests.id, id));

const actionsOf = (ctx: TenantContext, db: Database, id: string) =>
  db
    .select()
    .from(approvalActions)
    .where(ownedBy(ctx, approvalActions.organizationId, eq(approvalActions.approvalRequestId, id)))
    .orderBy(asc(approvalActions.actionedAt), asc(approvalActions.id));

export type RequestDetail = RequestRow & { actions: ApprovalActionRecord[] };

/** One request with its actions, oldest first. One round trip. */
export async function getApprovalRequest(ctx: TenantContext, id: string): Promise<RequestDetail> {
  const { rows, actions } = await inTenant(ctx, (db) => ({
    rows: selectRequests(db).where(byId(ctx, id)),
    actions: actionsOf(ctx, db, id),
  }));
  const row = rows[0];
  if (!row) throw approvalRequestNotFound();
  return { ...row, actions };
}

/**
 * Claims the request's Idempotency-Key on its own, for a write that happens elsewhere (in the
 * request's Durable Object): a retry then gets the first answer instead of acting twice. One round
 * trip, only when a key was sent.
 */
export async function claimIdempotencyKey(ctx: TenantContext): Promise<void> {
  if (!ctx.idempotency || ctx.idempotency.claimed) return;
  // The claim goes in the batch's prefix; `select 1` is the batch it goes with.
  await inTenant(ctx, (db) => ({ carrier: db.execute(sql`select 1`) }));
}

/**
 * The state a Durable Object starts from when it was not started at submission (or its start was
 * lost): the request, its content's author and its actions. Null when the organisation has no such
 * request. One round trip.
 */
export async function loadRequestState(ctx: TenantContext, id: string): Promise<RequestState | null> {
  const { rows, actions } = await inTenant(ctx, (db) => ({
    rows: selectRequests(db).where(byId(ctx, id)),
    actions: actionsOf(ctx, db, id),
  }));
  const row = rows[0];
  if (!row) return null;
  const { request } = row;
  const onStep = actions.filter((a) => a.stepNumber === request.currentStep);
  return {
    requestId: request.id,
    organizationId: request.organizationId,
    contentId: request.contentId,
    contentVersion: row.content.version,
    contentTitle: row.content.title,
    authors: authorsOf(row.content.createdBy, request.requestedBy),
    workflowId: request.workflowId,
    steps: request.steps,
    status: request.status,
    currentStep: request.currentStep,
    stepDueAt: request.stepDueAt?.toISOString() ?? null,
    expiresAt: request.expiresAt?.toISOString() ?? null,
    resolvedAt: request.resolvedAt?.toISOString() ?? null,
    reminded: onStep.some((a) => a.action === "remind" || a.action === "escalate"),
    escalated: onStep.some((a) => a.action === "escalate"),
    actions: actions.map((a) => ({
      id: a.id,
      step: a.stepNumber,
      action: a.action,
      by: a.actionedBy
        ? userKey(a.actionedBy)
        : a.externalActorEmail
          ? externalKey(a.externalActorEmail)
          : null,
      at: a.actionedAt.toISOString(),
    })),
    usedLinks: [],
  };
}

/** The content's writer and the request's submitter, each once. */
export function authorsOf(createdBy: string | null, requestedBy: string | null): string[] {
  return [...new Set([createdBy, requestedBy].filter((id): id is string => id !== null))];
}

export const INBOX_SCOPES = ["mine", "submitted", "all"] as const;
export type InboxScope = (typeof INBOX_SCOPES)[number];

export interface ListRequestsInput extends PageInput {
  scope?: InboxScope;
  status?: ApprovalRequestStatus;
  content_id?: string;
}

/** The current step of the request's snapshot, as jsonb. */
const currentStepJson = sql`(${approvalRequests.steps} -> (${approvalRequests.currentStep} - 1))`;

/** A jsonb `{roles, userIds}` names the user, by id or by role. */
const namesUser = (approvers: SQL, userId: SQLWrapper, role: SQLWrapper) =>
  sql`(coalesce(${approvers} -> 'userIds', '[]'::jsonb) @> jsonb_build_array(${userId}::text)
       or coalesce(${approvers} -> 'roles', '[]'::jsonb) @> jsonb_build_array(${role}::text))`;

/** The content's pending approval request (at most one), as a statement for the caller's batch. */
export function selectPendingRequest(ctx: TenantContext, db: Database, contentId: string) {
  return db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(
      ownedBy(
        ctx,
        approvalRequests.organizationId,
        eq(approvalRequests.contentId, contentId),
        eq(approvalRequests.status, "pending"),
      ),
    );
}

/**
 * What waits for the user: pending requests on live content whose current step names them (by id or
 * role, or as an escalation target once the step is escalated), that they have not approved yet and
 * did not write or submit themselves. Mirrors what the Durable Object lets them do.
 */
function waitsFor(userId: SQLWrapper, role: SQLWrapper): SQL {
  const escalated = sql`exists (select 1 from ${approvalActions} e
    where e.approval_request_id = ${approvalRequests.id} and e.step_number = ${approvalRequests.currentStep}
      and e.action = 'escalate')`;
  const approved = sql`exists (select 1 from ${approvalActions} m
    where m.approval_request_id = ${approvalRequests.id} and m.step_number = ${approvalRequests.currentStep}
      and m.action = 'approve' and m.actioned_by = ${userId})`;
  return and(
    eq(approvalRequests.status, "pending"),
    sql`(${namesUser(sql`${currentStepJson} -> 'approvers'`, userId, role)}
         or (${escalated} and ${namesUser(sql`${currentStepJson} -> 'escalateTo'`, userId, role)}))`,
    sql`not ${approved}`,
    sql`${content.createdBy} is distinct from ${userId}`,
    sql`${approvalRequests.requestedBy} is distinct from ${userId}`,
  ) as SQL;
}

/** The sort key of the inbox: the step's deadline, no deadline last. */
const dueOrLast = sql`coalesce(${approvalRequests.stepDueAt}, '9999-12-31T00:00:00Z'::timestamptz)`;

/** The inbox's order: `mine` by the step's deadline, none last; the others newest first. */
const inboxOrder = (scope: InboxScope): PageOrder =>
  scope === "mine"
    ? { by: { sql: dueOrLast, type: "timestamp with time zone" }, id: approvalRequests.id, direction: "asc" }
    : { by: approvalRequests.requestedAt, id: approvalRequests.id };

/** A page of the inbox, rendered once per scope and filters (db/prepared.ts). */
const inboxPage = preparedStatement(
  "inboxPage",
  (
    db,
    value: Value<"organizationId" | "userId" | "role" | "status" | "contentId" | PageValue>,
    shape: { scope: InboxScope; approves: boolean; continued: boolean; status: boolean; contentId: boolean },
  ) => {
    const page = pageStatement(inboxOrder(shape.scope), shape.continued, value);
    const userId = value("userId");
    const scoped =
      shape.scope === "mine"
        ? shape.approves
          ? waitsFor(userId, value("role"))
          : sql`false`
        : shape.scope === "submitted"
          ? sql`(${content.createdBy} = ${userId} or ${approvalRequests.requestedBy} = ${userId})`
          : undefined;
    return db
      .select({
        request: approvalRequests,
        content: contentSummary,
        approvals: currentApprovals,
        key: page.key,
      })
      .from(approvalRequests)
      .innerJoin(content, eq(content.id, approvalRequests.contentId))
      .where(
        and(
          eq(approvalRequests.organizationId, value("organizationId")),
          isNull(content.deletedAt),
          scoped,
          shape.status ? eq(approvalRequests.status, value("status")) : undefined,
          shape.contentId ? eq(approvalRequests.contentId, value("contentId")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/**
 * `GET /v1/approval-requests`. `scope`: `mine` (the default: what waits for the caller, oldest
 * deadline first, none last), `submitted` (requests for content the caller wrote or submitted, newest
 * first) or `all` (every request, newest first; needs `content:approve`). Filters: `status`,
 * `content_id`. Only requests on live content. One round trip.
 */
export async function listApprovalRequests(ctx: TenantContext, input: ListRequestsInput) {
  const { actor } = ctx;
  if (actor.type !== "user") throw new ForbiddenError();
  const scope = input.scope ?? "mine";
  const approves = actor.permissions.has("content:approve");
  if (scope === "all" && !approves) {
    throw new ForbiddenError("missing_permission", 'Listing every approval request needs "content:approve".');
  }
  const page = paginate(input, inboxOrder(scope));
  const { rows } = await inTenant(ctx, (db) => ({
    rows: inboxPage(
      db,
      {
        organizationId: ctx.organizationId,
        userId: actor.userId,
        role: actor.role,
        status: input.status,
        contentId: input.content_id,
        ...page.values,
      },
      {
        scope,
        approves,
        continued: page.continued,
        status: Boolean(input.status),
        contentId: Boolean(input.content_id),
      },
    ),
  }));
  return page.result(rows.map(({ key, ...row }) => ({ row: { ...row, id: row.request.id }, key })));
}
