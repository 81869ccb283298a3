import { describe, expect, it } from "vitest";
import {
  type ApprovalRequestBody,
  acted,
  actionRows,
  actOn,
  contentStatus,
  draftBy,
  measureObject,
  notificationsOf,
  objectState,
  requestRow,
  rolesStep,
  submit,
  submitted,
  usersStep,
} from "../support/approvals.ts";
import { auditRows } from "../support/audit.ts";
import { createContent, patchContent, transition } from "../support/content.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser } from "../support/tenants.ts";
import { createWorkflow } from "../support/workflows.ts";

describe("submitting content for approval", () => {
  it("chooses the workflow, snapshots its steps, puts the content in review and notifies step 1 — two round trips", async () => {
    const { owner, editor, approver, manager } = await createTenant([
      "owner",
      "editor",
      "approver",
      "manager",
    ]);
    const workflow = await createWorkflow(owner.organizationId, {
      createdBy: owner.id,
      triggerConditions: { platforms: ["x"] },
      steps: [
        rolesStep(["approver"], 1, { name: "Comms", deadline: { hours: 24 }, remindBeforeHours: 4 }),
        usersStep([manager.id], 1, { name: "Head of comms" }),
      ],
    });
    await createWorkflow(owner.organizationId, { steps: [rolesStep(["owner"])] }); // less specific
    const draft = await draftBy(editor);
    const { response, roundTrips } = await measure(`/v1/content/${draft.id}/approval-requests`, {
      method: "POST",
      headers: { ...editor.headers, "content-type": "application/json" },
      body: JSON.stringify({ comment: "Ready for review." }),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(2);
    const body = (await response.json()) as ApprovalRequestBody;
    expect(response.headers.get("location")).toBe(`/v1/approval-requests/${body.id}`);
    expect(body).toMatchObject({
      status: "pending",
      workflow_id: workflow.id,
      content: { id: draft.id, version: 1, workflow_status: "in_review" },
      current_step: { number: 1, name: "Comms", approvals: 0, required_approvals: 1 },
      steps_total: 2,
      requested_by: editor.id,
      resolved_at: null,
    });
    expect(Date.parse(body.step_due_at ?? "") - Date.parse(body.requested_at)).toBe(24 * 3_600_000);
    expect(body.steps?.[0]).toMatchObject({
      name: "Comms",
      escalate_to: { roles: [], user_ids: [owner.id] }, // the workflow's creator, by default
    });
    expect(body.actions).toEqual([
      expect.objectContaining({ action: "comment", actioned_by: editor.id, comment: "Ready for review." }),
    ]);
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("in_review");
    const row = await requestRow(owner.organizationId, body.id);
    expect(row.steps).toHaveLength(2);
    expect((await auditRows(owner.organizationId, body.id)).map((a) => a.action)).toEqual([
      "approval_request.create",
    ]);
    expect((await auditRows(owner.organizationId, draft.id)).map((a) => a.action)).toContain(
      "content.status_change",
    );
    expect(await notificationsOf(owner.organizationId, approver.id, "approval.requested")).toEqual([
      expect.objectContaining({
        link: `/v1/approval-requests/${body.id}`,
        title: 'Approval needed: "Day one opens"',
      }),
    ]);
    expect(await notificationsOf(owner.organizationId, manager.id)).toEqual([]);
    expect(await notificationsOf(owner.organizationId, editor.id)).toEqual([]);
    // The object started with the same state.
    expect(await objectState(owner.organizationId, body.id)).toMatchObject({
      status: "pending",
      currentStep: 1,
      stepDueAt: body.step_due_at,
      pendingWrites: 0,
    });
  });

  it("without a matching workflow, a manager or above approves it (manual approval)", async () => {
    const { editor, manager, approver } = await createTenant(["editor", "manager", "approver"]);
    await createWorkflow(editor.organizationId, { triggerConditions: { platforms: ["linkedin"] } });
    const request = await submitted(editor, (await draftBy(editor)).id);
    expect(request).toMatchObject({ workflow_id: null, steps_total: 1, step_due_at: null });
    await expectProblem(await actOn(approver, request.id, "approve"), 403, "not_an_approver");
    const result = await acted(manager, request.id, "approve");
    expect(result.request.status).toBe("approved");
  });

  it("refuses a second pending request, a past publish time and content that cannot go into review", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const draft = await draftBy(editor);
    const first = await submitted(editor, draft.id);
    const problem = await expectProblem(await submit(editor, draft.id), 409, "approval_request_pending");
    expect(problem).toMatchObject({ approval_request_id: first.id });
    const late = await createContent(owner.organizationId, { scheduledFor: new Date(Date.now() - 60_000) });
    await expectProblem(await submit(editor, late.id), 422, "scheduled_for_passed");
    const scheduled = await createContent(owner.organizationId, { workflowStatus: "scheduled" });
    await expectProblem(await submit(editor, scheduled.id), 409, "invalid_status_transition");
    await expectProblem(await submit(editor, crypto.randomUUID()), 404, "content_not_found");
    const other = await createTenant(["editor"]);
    await expectProblem(await submit(other.editor, draft.id), 404, "content_not_found");
  });
});

describe("a two-step workflow with a quorum", () => {
  it("advances once the quorum is met, then approves; only named people act, once each", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const [first, second] = await Promise.all([
      createUser(owner.organizationId, { role: "approver" }),
      createUser(owner.organizationId, { role: "approver" }),
    ]);
    await createWorkflow(owner.organizationId, {
      steps: [rolesStep(["approver"], 2, { name: "Comms" }), usersStep([manager.id], 1, { name: "Head" })],
    });
    const draft = await draftBy(editor);
    const request = await submitted(editor, draft.id);

    const one = await acted(first, request.id, "approve");
    expect(one.request.current_step).toMatchObject({ number: 1, approvals: 1, required_approvals: 2 });
    await expectProblem(await actOn(first, request.id, "approve"), 409, "already_approved");
    await expectProblem(await actOn(editor, request.id, "approve"), 403, "own_content");
    await expectProblem(await actOn(manager, request.id, "approve"), 403, "not_an_approver");
    const viewer = await createUser(owner.organizationId, { role: "viewer" });
    await expectProblem(await actOn(viewer, request.id, "approve"), 403, "missing_permission");

    const two = await acted(second, request.id, "approve");
    expect(two.request).toMatchObject({
      status: "pending",
      current_step: { number: 2, name: "Head", approvals: 0 },
    });
    expect(await notificationsOf(owner.organizationId, manager.id, "approval.requested")).toHaveLength(1);
    await expectProblem(await actOn(first, request.id, "approve"), 403, "not_an_approver");

    const done = await acted(manager, request.id, "approve");
    expect(done.request).toMatchObject({ status: "approved", resolved_at: expect.any(String) });
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("approved");
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.approved")).toHaveLength(1);
    expect((await actionRows(owner.organizationId, request.id)).map((a) => [a.stepNumber, a.action])).toEqual(
      [
        [1, "approve"],
        [1, "approve"],
        [2, "approve"],
      ],
    );
    const row = await requestRow(owner.organizationId, request.id);
    expect(row).toMatchObject({ status: "approved", currentStep: 2 });
    expect(row.resolvedAt).not.toBeNull();
    await expectProblem(await actOn(first, request.id, "comment", "late"), 409, "approval_request_closed");
    const audit = (await auditRows(owner.organizationId, request.id)).map((a) => a.action);
    expect(audit).toEqual([
      "approval_request.create",
      "approval_request.approve",
      "approval_request.approve",
      "approval_request.approve",
    ]);
  });

  it("an action costs no round trip in the Worker and one in the object (its write-through)", async () => {
    const { editor, manager } = await createTenant(["editor", "manager"]);
    const request = await submitted(editor, (await draftBy(editor)).id);
    const { value, roundTrips: objectRoundTrips } = await measureObject(request.id, () =>
      measure(`/v1/approval-requests/${request.id}/actions`, {
        method: "POST",
        headers: { ...manager.headers, "content-type": "application/json" },
        body: JSON.stringify({ action: "approve" }),
      }),
    );
    expect(value.response.status).toBe(200);
    expect(value.roundTrips).toBe(0);
    expect(objectRoundTrips).toBe(1);
  });
});

describe("retrying an action", () => {
  it("with the same Idempotency-Key answers the first result and records the action once", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const request = await submitted(editor, (await draftBy(editor)).id);
    const send = () =>
      postJson(
        `/v1/approval-requests/${request.id}/actions`,
        { action: "comment", comment: "Is the venue confirmed?" },
        { headers: { ...manager.headers, "idempotency-key": `comment-${request.id}` } },
      );
    const first = await send();
    expect(first.status).toBe(200);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await actionRows(owner.organizationId, request.id)).toHaveLength(1);
  });
});

describe("reading approval requests", () => {
  it("GET one answers its steps and actions in one round trip; another tenant's is 404", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const request = await submitted(editor, (await draftBy(editor)).id);
    await acted(owner, request.id, "comment", "Which venue?");
    const { response, roundTrips } = await measure(`/v1/approval-requests/${request.id}`, {
      headers: editor.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const body = (await response.json()) as ApprovalRequestBody;
    expect(body.actions).toEqual([
      expect.objectContaining({
        action: "comment",
        actioned_by: owner.id,
        comment: "Which venue?",
        step_number: 1,
      }),
    ]);
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.comment")).toHaveLength(1);
    const other = await createTenant();
    await expectProblem(
      await call(`/v1/approval-requests/${request.id}`, { headers: other.owner.headers }),
      404,
      "approval_request_not_found",
    );
    await expectProblem(await actOn(other.owner, request.id, "approve"), 404, "approval_request_not_found");
  });
});

describe("ending a request", () => {
  it("rejection ends it: content back to its author (changes_requested) with the reason", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const draft = await draftBy(editor);
    const request = await submitted(editor, draft.id);
    await expectProblem(await actOn(manager, request.id, "reject"), 400, "validation_failed");
    const result = await acted(manager, request.id, "reject", "Wrong venue.");
    expect(result.request.status).toBe("rejected");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("changes_requested");
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.rejected")).toEqual([
      expect.objectContaining({ message: "Wrong venue." }),
    ]);
    await expectProblem(await actOn(owner, request.id, "approve"), 409, "approval_request_closed");
  });

  it("changes requested: the author edits (a new version) and resubmits, which starts a new request", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const draft = await draftBy(editor);
    const first = await submitted(editor, draft.id);
    await acted(manager, first.id, "request_changes", "Add the venue.");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("changes_requested");
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.changes_requested")).toHaveLength(
      1,
    );
    const edited = await patchContent(editor, draft.id, { caption: "Doors open at 8:00 at KICC." });
    expect(edited.status).toBe(201);
    const version = (await edited.json()) as { id: string; version: number };
    expect(version.version).toBe(2);
    const second = await submitted(editor, version.id);
    expect(second).toMatchObject({ status: "pending", content: { id: version.id, version: 2 } });
    expect(second.id).not.toBe(first.id);
    expect((await requestRow(owner.organizationId, first.id)).status).toBe("changes_requested");
    expect((await acted(manager, second.id, "approve")).request.status).toBe("approved");
    expect(await contentStatus(owner.organizationId, version.id)).toBe("approved");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("changes_requested");
  });

  it("only the author or submitter cancels (content back to draft); the approvers are told", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const draft = await draftBy(editor);
    const request = await submitted(editor, draft.id);
    await expectProblem(await actOn(manager, request.id, "cancel"), 403, "not_the_author");
    const result = await acted(editor, request.id, "cancel");
    expect(result.request.status).toBe("cancelled");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("draft");
    expect(await notificationsOf(owner.organizationId, manager.id, "approval.cancelled")).toHaveLength(1);
    expect(await notificationsOf(owner.organizationId, owner.id, "approval.cancelled")).toHaveLength(1);
  });
});

describe("three steps, one needing all its named users", () => {
  it('passes the "all" step only when every named user (never the author) approved', async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const [legal, brand] = await Promise.all([
      createUser(owner.organizationId, { role: "approver" }),
      createUser(owner.organizationId, { role: "approver" }),
    ]);
    await createWorkflow(owner.organizationId, {
      steps: [
        rolesStep(["manager"], 1, { name: "Desk" }),
        usersStep([legal.id, brand.id, editor.id], "all", { name: "Legal and brand" }),
        rolesStep(["owner"], 1, { name: "Sign-off" }),
      ],
    });
    const draft = await draftBy(editor);
    const request = await submitted(editor, draft.id);
    await acted(manager, request.id, "approve");
    const halfway = await acted(legal, request.id, "approve");
    expect(halfway.request.current_step).toMatchObject({
      number: 2,
      approvals: 1,
      required_approvals: "all",
    });
    const third = await acted(brand, request.id, "approve");
    expect(third.request.current_step.number).toBe(3);
    expect((await acted(owner, request.id, "approve")).request.status).toBe("approved");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("approved");
  });
});

describe("the content workflow defers to approval requests", () => {
  it("content that requires approval is reviewed only through a request (409 approval_request_required)", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const draft = await draftBy(editor);
    const problem = await expectProblem(
      await transition(owner, draft.id, { to: "in_review" }),
      409,
      "approval_request_required",
    );
    expect(problem).toMatchObject({ submit: `/v1/content/${draft.id}/approval-requests` });
    const request = await submitted(editor, draft.id);
    for (const to of ["approved", "changes_requested", "archived"]) {
      const pending = await expectProblem(
        await transition(owner, draft.id, { to }),
        409,
        "approval_request_pending",
      );
      expect(pending).toMatchObject({ approval_request_id: request.id });
    }
    await acted(owner, request.id, "approve");
    // Decided: the content is the people's again, but a new review still goes through a request.
    await expectProblem(
      await transition(owner, draft.id, { to: "in_review" }),
      409,
      "approval_request_required",
    );
    expect((await transition(owner, draft.id, { to: "archived" })).status).toBe(200);
  });
});
