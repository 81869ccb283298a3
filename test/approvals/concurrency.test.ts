import { describe, expect, it } from "vitest";
import {
  type ActionResultBody,
  actionRows,
  actOn,
  contentStatus,
  draftBy,
  objectState,
  requestRow,
  rolesStep,
  submitted,
} from "../support/approvals.ts";
import { auditRows } from "../support/audit.ts";
import { createTenant, createUser } from "../support/tenants.ts";
import { createWorkflow } from "../support/workflows.ts";

describe("a burst of conflicting actions on one request", () => {
  it("20 approvers approving and rejecting at once: one outcome, each step advanced once, the counts add up", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const [approvers, rejecters, managers] = await Promise.all(
      [
        { role: "approver" as const, n: 10 },
        { role: "approver" as const, n: 5 },
        { role: "manager" as const, n: 5 },
      ].map(({ role, n }) =>
        Promise.all(Array.from({ length: n }, () => createUser(owner.organizationId, { role }))),
      ),
    );
    await createWorkflow(owner.organizationId, {
      steps: [rolesStep(["approver"], 2, { name: "Comms" }), rolesStep(["manager"], 1, { name: "Desk" })],
    });
    const draft = await draftBy(editor);
    const request = await submitted(editor, draft.id);

    // Interleaved, so that managers race the approvers of step 1 and rejections race both.
    const calls = [
      ...approvers!.map((user) => () => actOn(user, request.id, "approve")),
      ...rejecters!.map((user) => () => actOn(user, request.id, "reject", "Not this week.")),
      ...managers!.map((user) => () => actOn(user, request.id, "approve")),
    ];
    const interleaved = calls.map((_, i) => calls[(i * 7) % calls.length]!);
    const responses = await Promise.all(interleaved.map((send) => send()));
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 403 || s === 409),
      statuses.join(","),
    ).toBe(true);
    const accepted = (
      await Promise.all(
        responses.map(async (r) => (r.status === 200 ? ((await r.json()) as ActionResultBody) : null)),
      )
    ).filter((r): r is ActionResultBody => r !== null);
    for (const r of responses) if (r.status !== 200) await r.body?.cancel();

    // Postgres holds exactly the accepted actions, once each, in a consistent order.
    const rows = await actionRows(owner.organizationId, request.id);
    expect(rows.map((a) => a.id).sort()).toEqual(accepted.map((a) => a.action.id).sort());
    const onStep = (step: number, action: string) =>
      rows.filter((a) => a.stepNumber === step && a.action === action).length;
    const final = await requestRow(owner.organizationId, request.id);
    expect(["approved", "rejected"]).toContain(final.status);
    // Step 1 passed with exactly its quorum, or never passed.
    if (final.currentStep === 2) expect(onStep(1, "approve")).toBe(2);
    else expect(onStep(1, "approve")).toBeLessThanOrEqual(1);
    expect(onStep(2, "approve")).toBeLessThanOrEqual(1);
    // Exactly one action ended it.
    const terminal = rows.filter(
      (a) => a.action === "reject" || (a.action === "approve" && a.stepNumber === 2),
    );
    expect(terminal).toHaveLength(1);
    expect(final.status).toBe(terminal[0]?.action === "reject" ? "rejected" : "approved");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe(
      final.status === "approved" ? "approved" : "changes_requested",
    );

    // The object agrees with Postgres, and has nothing left to write.
    const state = await objectState(owner.organizationId, request.id);
    expect(state).toMatchObject({ status: final.status, currentStep: final.currentStep, pendingWrites: 0 });
    expect(state.actions.map((a) => a.id).sort()).toEqual(rows.map((a) => a.id).sort());
    // In the order the object decided them, the one that ended it came last.
    expect(state.actions.at(-1)?.id).toBe(terminal[0]?.id);
    // One audit row per action, besides the request's creation.
    const audit = await auditRows(owner.organizationId, request.id);
    expect(audit).toHaveLength(rows.length + 1);
  });
});
