/**
 * Deadlines run from the request object's alarm. Requests are written straight into Postgres with
 * their times already due (no waiting): the object loads them on first use, which sets its alarm to
 * the earliest due time; `runDurableObjectAlarm` runs it now (an alarm already due may also run on
 * its own, so the tests wait on the outcome, not on which of the two ran it).
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { ApprovalRequest } from "../../src/durable-objects/approval-request/object.ts";
import {
  type ApprovalRequestBody,
  actionRows,
  actOn,
  contentStatus,
  createPendingRequest,
  draftBy,
  notificationsOf,
  objectState,
  requestObject,
  requestRow,
  rolesStep,
} from "../support/approvals.ts";
import { transition } from "../support/content.ts";
import { call, expectProblem } from "../support/http.ts";
import { createTenant } from "../support/tenants.ts";

const HOUR = 3_600_000;

async function runAlarmUntil(
  organizationId: string,
  requestId: string,
  done: (actions: string[]) => boolean,
) {
  await runDurableObjectAlarm(requestObject(requestId));
  await vi.waitFor(
    async () => {
      const actions = (await actionRows(organizationId, requestId)).map((a) => a.action);
      expect(done(actions)).toBe(true);
      expect((await objectState(organizationId, requestId)).pendingWrites).toBe(0);
    },
    { timeout: 10_000, interval: 50 },
  );
}

const alarmOf = (requestId: string) =>
  runInDurableObject(requestObject(requestId), (_: ApprovalRequest, state) => state.storage.getAlarm());

describe("deadlines", () => {
  it("reminds the step's approvers (and the author) before the deadline, once", async () => {
    const { owner, editor, approver } = await createTenant(["owner", "editor", "approver"]);
    const draft = await draftBy(editor);
    const due = new Date(Date.now() + HOUR);
    const { id } = await createPendingRequest(owner.organizationId, {
      contentId: draft.id,
      requestedBy: editor.id,
      steps: [
        rolesStep(["approver"], 1, {
          deadline: { hours: 24 },
          remindBeforeHours: 2,
          escalateTo: { userIds: [owner.id] },
        }),
      ],
      stepDueAt: due,
      expiresAt: new Date(Date.now() + 48 * HOUR),
    });
    expect(await objectState(owner.organizationId, id)).toMatchObject({ status: "pending" });
    await runAlarmUntil(owner.organizationId, id, (actions) => actions.includes("remind"));
    const [remind] = await actionRows(owner.organizationId, id);
    expect(remind).toMatchObject({ action: "remind", stepNumber: 1, actionedBy: null });
    expect(await notificationsOf(owner.organizationId, approver.id, "approval.reminder")).toHaveLength(1);
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.reminder")).toHaveLength(1);
    expect(await notificationsOf(owner.organizationId, owner.id)).toEqual([]);
    // Next: the escalation at the deadline.
    expect(await alarmOf(id)).toBe(due.getTime());

    await runDurableObjectAlarm(requestObject(id)); // early: nothing is due yet
    expect((await actionRows(owner.organizationId, id)).map((a) => a.action)).toEqual(["remind"]);
  });

  it("escalates at the deadline: the escalation targets are told and may then decide", async () => {
    const { owner, editor, approver, admin } = await createTenant(["owner", "editor", "approver", "admin"]);
    const draft = await draftBy(editor);
    const { id } = await createPendingRequest(owner.organizationId, {
      contentId: draft.id,
      requestedBy: editor.id,
      steps: [
        rolesStep(["approver"], 1, {
          name: "Comms",
          deadline: { hours: 4 },
          remindBeforeHours: 1,
          escalateTo: { userIds: [admin.id] },
        }),
      ],
      stepDueAt: new Date(Date.now() - 60_000),
    });
    expect(await objectState(owner.organizationId, id)).toMatchObject({ status: "pending" });
    await runAlarmUntil(owner.organizationId, id, (actions) => actions.includes("escalate"));
    // The reminder is moot once the deadline has passed.
    expect((await actionRows(owner.organizationId, id)).map((a) => a.action)).toEqual(["escalate"]);
    for (const user of [admin, approver, editor]) {
      expect(await notificationsOf(owner.organizationId, user.id, "approval.escalated")).toHaveLength(1);
    }
    expect(await notificationsOf(owner.organizationId, owner.id)).toEqual([]);
    // It is in the admin's inbox now, and the admin may decide.
    const inbox = await call("/v1/approval-requests", { headers: admin.headers });
    expect(((await inbox.json()) as { data: ApprovalRequestBody[] }).data.map((r) => r.id)).toEqual([id]);
    expect((await actOn(admin, id, "approve")).status).toBe(200);
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("approved");
    expect(await alarmOf(id)).toBeNull();
  });

  it("expires the request when the publish time passes unapproved: content back to draft, never scheduled", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const draft = await draftBy(editor);
    const { id } = await createPendingRequest(owner.organizationId, {
      contentId: draft.id,
      requestedBy: editor.id,
      steps: [rolesStep(["manager"], 1)],
      expiresAt: new Date(Date.now() - 60_000),
    });
    expect(await objectState(owner.organizationId, id)).toMatchObject({ status: "pending" });
    await runAlarmUntil(owner.organizationId, id, (actions) => actions.includes("expire"));
    expect(await requestRow(owner.organizationId, id)).toMatchObject({ status: "expired" });
    expect((await requestRow(owner.organizationId, id)).resolvedAt).not.toBeNull();
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("draft");
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.expired")).toHaveLength(1);
    expect(await notificationsOf(owner.organizationId, manager.id, "approval.expired")).toHaveLength(1);
    const closed = await expectProblem(await actOn(manager, id, "approve"), 409, "approval_request_closed");
    expect(closed).toMatchObject({ request_status: "expired" });
    await expectProblem(
      await transition(owner, draft.id, { to: "scheduled" }),
      409,
      "invalid_status_transition",
    );
    expect(await alarmOf(id)).toBeNull();
  });

  it("an action after the publish time finds the request expired, even before the alarm ran", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const draft = await draftBy(editor);
    const { id } = await createPendingRequest(owner.organizationId, {
      contentId: draft.id,
      requestedBy: editor.id,
      steps: [rolesStep(["manager"], 1)],
      expiresAt: new Date(Date.now() - 60_000),
    });
    await expectProblem(await actOn(manager, id, "approve"), 409, "approval_request_closed");
    expect((await actionRows(owner.organizationId, id)).map((a) => a.action)).toEqual(["expire"]);
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("draft");
  });
});
