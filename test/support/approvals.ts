/**
 * Approval requests in tests: calling the API, reading what Postgres holds, reaching the request's
 * Durable Object, rows written directly (to start from any state, e.g. deadlines already passed), and
 * a real write failure for the write-through (a trigger installed as the owner).
 */

import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { neon } from "@neondatabase/serverless";
import { and, asc, eq } from "drizzle-orm";
import { inject } from "vitest";
import { approvalActions } from "../../src/db/schema/approval-actions.ts";
import { approvalRequests } from "../../src/db/schema/approval-requests.ts";
import type { ApprovalWorkflowStep } from "../../src/db/schema/approval-workflows.ts";
import { content } from "../../src/db/schema/content.ts";
import { notifications } from "../../src/db/schema/notifications.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { approvalRequestObject, unwrap } from "../../src/durable-objects/approval-request/client.ts";
import type { ApprovalRequest } from "../../src/durable-objects/approval-request/object.ts";
import { createContent } from "./content.ts";
import { envWith, postJson } from "./http.ts";
import { roundTripsOf, taggedDatabaseUrl } from "./round-trips.ts";
import { createUser, type TestUser, testDb } from "./tenants.ts";

export interface ApprovalActionBody {
  id: string;
  step_number: number;
  action: string;
  actioned_by: string | null;
  external_actor: { name: string; email: string } | null;
  comment: string | null;
  actioned_at: string;
}

export interface ApprovalRequestBody {
  id: string;
  status: string;
  content: {
    id: string;
    title: string | null;
    version: number;
    scheduled_for: string | null;
    workflow_status: string;
  };
  workflow_id: string | null;
  current_step: { number: number; name: string; approvals: number; required_approvals: number | "all" };
  steps_total: number;
  step_due_at: string | null;
  expires_at: string | null;
  requested_by: string | null;
  requested_at: string;
  resolved_at: string | null;
  steps?: Array<Record<string, unknown>>;
  actions?: ApprovalActionBody[];
}

export interface ActionResultBody {
  action: { id: string; step_number: number; action: string; actioned_at: string };
  request: {
    id: string;
    status: string;
    current_step: { number: number; name: string; approvals: number; required_approvals: number | "all" };
    steps_total: number;
    step_due_at: string | null;
    expires_at: string | null;
    resolved_at: string | null;
  };
}

/** A step any user with one of `roles` passes with `n` approvals. */
export const rolesStep = (
  roles: ApprovalWorkflowStep["approvers"]["roles"],
  requiredApprovals: number | "all" = 1,
  overrides: Partial<ApprovalWorkflowStep> = {},
): ApprovalWorkflowStep => ({
  name: `${roles?.join("/")} review`,
  approvers: { roles },
  requiredApprovals,
  ...overrides,
});

/** A step that names users. */
export const usersStep = (
  userIds: string[],
  requiredApprovals: number | "all" = 1,
  overrides: Partial<ApprovalWorkflowStep> = {},
): ApprovalWorkflowStep => ({
  name: "Named review",
  approvers: { userIds },
  requiredApprovals,
  ...overrides,
});

/** A draft written through the API, so `created_by` is its author. */
export async function draftBy(
  author: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const response = await postJson(
    "/v1/content",
    {
      content_type: "post",
      title: "Day one opens",
      caption: "Doors open at 8:00. See you there!",
      target_platforms: ["x", "bluesky"],
      scheduled_for: new Date(Date.now() + 86_400_000).toISOString(),
      approval_required: true,
      ...overrides,
    },
    { headers: author.headers },
  );
  if (response.status !== 201) throw new Error(`draft: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; version: number };
}

export const submit = (
  user: TestUser,
  contentId: string,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  postJson(`/v1/content/${contentId}/approval-requests`, body ?? {}, {
    headers: { ...user.headers, ...headers },
  });

/** Submits and answers the request (throws unless 201). */
export async function submitted(
  user: TestUser,
  contentId: string,
  body?: unknown,
): Promise<ApprovalRequestBody> {
  const response = await submit(user, contentId, body);
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${await response.text()}`);
  return (await response.json()) as ApprovalRequestBody;
}

export const actOn = (user: TestUser, requestId: string, action: string, comment?: string) =>
  postJson(
    `/v1/approval-requests/${requestId}/actions`,
    comment === undefined ? { action } : { action, comment },
    { headers: user.headers },
  );

/** Acts and answers the result (throws unless 200). */
export async function acted(user: TestUser, requestId: string, action: string, comment?: string) {
  const response = await actOn(user, requestId, action, comment);
  if (response.status !== 200) throw new Error(`${action}: ${response.status} ${await response.text()}`);
  return (await response.json()) as ActionResultBody;
}

export const requestObject = (requestId: string): DurableObjectStub<ApprovalRequest> =>
  approvalRequestObject(env, requestId);

/** What the Durable Object holds (throws if it answers a problem). */
export async function objectState(organizationId: string, requestId: string) {
  return unwrap(await requestObject(requestId).inspect({ requestId, organizationId }));
}

/**
 * Runs `fn` and counts the round trips the request's object makes meanwhile: the object's bindings
 * are swapped for ones whose database URL carries a fresh tag (it builds its client from them per use).
 */
export async function measureObject<T>(requestId: string, fn: () => Promise<T>) {
  const tag = `do_${crypto.randomUUID().replaceAll("-", "")}`;
  const stub = requestObject(requestId);
  const swap = (bindings: Cloudflare.Env) =>
    runInDurableObject(stub, async (instance: ApprovalRequest) => {
      Object.assign(instance, { env: bindings });
    });
  await swap(envWith({ DATABASE_URL: taggedDatabaseUrl(tag) }));
  try {
    const value = await fn();
    return { value, roundTrips: await roundTripsOf(tag) };
  } finally {
    await swap(env);
  }
}

export async function requestRow(organizationId: string, requestId: string) {
  const {
    rows: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(approvalRequests).where(eq(approvalRequests.id, requestId)),
  }));
  return row!;
}

/** The request's actions in Postgres, oldest first. */
export async function actionRows(organizationId: string, requestId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(approvalActions)
      .where(eq(approvalActions.approvalRequestId, requestId))
      .orderBy(asc(approvalActions.actionedAt), asc(approvalActions.id)),
  }));
  return rows;
}

/** A user's notifications of one type (all types when not given), oldest first. */
export async function notificationsOf(organizationId: string, userId: string, type?: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), type ? eq(notifications.type, type) : undefined))
      .orderBy(asc(notifications.createdAt), asc(notifications.id)),
  }));
  return rows;
}

export async function contentStatus(organizationId: string, contentId: string) {
  const {
    rows: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select({ status: content.workflowStatus }).from(content).where(eq(content.id, contentId)),
  }));
  return row?.status;
}

/**
 * A pending request written straight into Postgres (content moved to in_review), as if its object's
 * start had been lost: the object loads it on first use. Times can lie in the past.
 */
export async function createPendingRequest(
  organizationId: string,
  options: {
    contentId: string;
    requestedBy: string;
    steps: ApprovalWorkflowStep[];
    stepDueAt?: Date | null;
    expiresAt?: Date | null;
  },
) {
  const id = crypto.randomUUID();
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    inReview: db
      .update(content)
      .set({ workflowStatus: "in_review" })
      .where(eq(content.id, options.contentId)),
    request: db.insert(approvalRequests).values({
      id,
      organizationId,
      contentId: options.contentId,
      requestedBy: options.requestedBy,
      steps: options.steps,
      stepDueAt: options.stepDueAt ?? null,
      expiresAt: options.expiresAt ?? null,
    }),
  }));
  return { id, address: { requestId: id, organizationId } };
}

/** A pending request on a new content row of the organisation (for tests that only need its id). */
export async function createApprovalRequest(organizationId: string) {
  const [author, row] = await Promise.all([
    createUser(organizationId, { role: "editor" }),
    createContent(organizationId),
  ]);
  return createPendingRequest(organizationId, {
    contentId: row.id,
    requestedBy: author.id,
    steps: [rolesStep(["owner", "admin", "manager"])],
  });
}

/**
 * Makes Postgres refuse every write of `requestId`'s actions (a trigger, installed as the owner,
 * that raises for that request only), until `restore` drops it. A real failure: the batch fails and
 * rolls back like it would when the database is away.
 */
export async function refuseActionWrites(requestId: string): Promise<{ restore: () => Promise<void> }> {
  testDb(); // points the driver at the local proxy
  const owner = neon(inject("adminUrl"));
  const name = `test_refuse_${requestId.replaceAll("-", "")}`;
  await owner.query(`
    create or replace function test_refuse_approval_write() returns trigger language plpgsql as $$
    begin
      raise exception 'approval writes refused for this test';
    end $$`);
  await owner.query(
    `create trigger ${name} before insert on approval_actions for each row
       when (new.approval_request_id = '${requestId}'::uuid) execute function test_refuse_approval_write()`,
  );
  return {
    restore: async () => {
      await owner.query(`drop trigger if exists ${name} on approval_actions`);
    },
  };
}
