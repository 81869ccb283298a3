import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { ApprovalRequest } from "../../src/durable-objects/approval-request/object.ts";
import { act } from "../../src/services/approvals/machine.ts";
import { loadRequestState } from "../../src/services/approvals/requests.ts";
import { writeThrough } from "../../src/services/approvals/write-through.ts";
import {
  type ActionResultBody,
  actionRows,
  actOn,
  contentStatus,
  createPendingRequest,
  draftBy,
  notificationsOf,
  objectState,
  refuseActionWrites,
  requestObject,
  requestRow,
  rolesStep,
  submitted,
  usersStep,
} from "../support/approvals.ts";
import { auditRows } from "../support/audit.ts";
import { systemContext } from "../support/content.ts";
import { createTenant } from "../support/tenants.ts";
import { createWorkflow } from "../support/workflows.ts";

describe("when Postgres refuses the write-through", () => {
  it("the action holds (202), stays in the object's outbox, and lands exactly once from the alarm", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    await createWorkflow(owner.organizationId, {
      steps: [rolesStep(["manager"], 1, { name: "Desk" }), usersStep([owner.id], 1, { name: "Sign-off" })],
    });
    const draft = await draftBy(editor);
    const request = await submitted(editor, draft.id);
    const outage = await refuseActionWrites(request.id);
    let restored = false;
    try {
      const first = await actOn(manager, request.id, "approve");
      expect(first.status).toBe(202);
      expect(((await first.json()) as ActionResultBody).request.current_step.number).toBe(2);
      const second = await actOn(owner, request.id, "approve");
      expect(second.status).toBe(202);
      expect(((await second.json()) as ActionResultBody).request.status).toBe("approved");

      // The object decided; Postgres knows nothing of it yet.
      expect(await objectState(owner.organizationId, request.id)).toMatchObject({
        status: "approved",
        pendingWrites: 2,
      });
      expect(await actionRows(owner.organizationId, request.id)).toEqual([]);
      expect((await requestRow(owner.organizationId, request.id)).status).toBe("pending");
      expect(await contentStatus(owner.organizationId, draft.id)).toBe("in_review");
      const alarm = await runInDurableObject(requestObject(request.id), (_: ApprovalRequest, state) =>
        state.storage.getAlarm(),
      );
      expect(alarm).not.toBeNull();

      await outage.restore();
      restored = true;
      await runDurableObjectAlarm(requestObject(request.id));
      await vi.waitFor(
        async () =>
          expect(await objectState(owner.organizationId, request.id)).toMatchObject({ pendingWrites: 0 }),
        { timeout: 10_000, interval: 50 },
      );
    } finally {
      if (!restored) await outage.restore();
    }

    const rows = await actionRows(owner.organizationId, request.id);
    expect(rows.map((a) => [a.stepNumber, a.action, a.actionedBy])).toEqual([
      [1, "approve", manager.id],
      [2, "approve", owner.id],
    ]);
    expect(await requestRow(owner.organizationId, request.id)).toMatchObject({
      status: "approved",
      currentStep: 2,
    });
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("approved");
    expect((await auditRows(owner.organizationId, request.id)).map((a) => a.action)).toEqual([
      "approval_request.create",
      "approval_request.approve",
      "approval_request.approve",
    ]);
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.approved")).toHaveLength(1);

    // Nothing more to write: another alarm run (or a late retry) adds nothing.
    await runDurableObjectAlarm(requestObject(request.id));
    expect(await actionRows(owner.organizationId, request.id)).toHaveLength(2);
  }, 20_000);

  it("writing the same action twice leaves it in Postgres once, with one audit row and one notification each", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const request = await submitted(editor, (await draftBy(editor)).id);
    const ctx = systemContext(owner.organizationId);
    const state = await loadRequestState(ctx, request.id);
    const { write } = act(
      state!,
      {
        action: "approve",
        actor: { type: "user", userId: manager.id, role: "manager", canApprove: true },
        comment: null,
        facts: { ip: null, userAgent: null },
      },
      new Date(),
      crypto.randomUUID(),
    );
    await writeThrough(ctx, [write]);
    await writeThrough(ctx, [write]);
    await Promise.all([writeThrough(ctx, [write]), writeThrough(ctx, [write])]);
    expect(await actionRows(owner.organizationId, request.id)).toHaveLength(1);
    expect(await auditRows(owner.organizationId, request.id)).toHaveLength(2); // create + approve
    expect(await notificationsOf(owner.organizationId, editor.id, "approval.approved")).toHaveLength(1);
    expect((await requestRow(owner.organizationId, request.id)).status).toBe("approved");
  });
});

describe("an object whose start was lost", () => {
  it("loads its request from Postgres on first use and carries on", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const draft = await draftBy(editor);
    const { id } = await createPendingRequest(owner.organizationId, {
      contentId: draft.id,
      requestedBy: editor.id,
      steps: [rolesStep(["manager"], 1)],
    });
    const response = await actOn(manager, id, "approve");
    expect(response.status).toBe(200);
    expect((await requestRow(owner.organizationId, id)).status).toBe("approved");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("approved");
    // Another organisation's caller finds nothing, and leaves nothing behind.
    const other = await createTenant(["manager"]);
    expect((await actOn(other.manager, id, "approve")).status).toBe(404);
  });
});
