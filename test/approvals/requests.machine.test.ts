/** The request's state machine and step rules on their own: no database, no Durable Object. */
import { describe, expect, it } from "vitest";
import { dueTimer, nextDeadline } from "../../src/services/approvals/deadlines.ts";
import { act } from "../../src/services/approvals/machine.ts";
import type { RequestState } from "../../src/services/approvals/request-state.ts";
import { quorumMet, snapshotSteps, stepDueAt, userKey } from "../../src/services/approvals/steps.ts";
import { rolesStep, usersStep } from "../support/approvals.ts";

const HOUR = 3_600_000;
const T0 = new Date("2027-03-01T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

function state(overrides: Partial<RequestState> = {}): RequestState {
  return {
    requestId: crypto.randomUUID(),
    organizationId: crypto.randomUUID(),
    contentId: crypto.randomUUID(),
    contentVersion: 1,
    contentTitle: "Keynote",
    authors: ["author"],
    workflowId: null,
    steps: [rolesStep(["manager"], 1, { deadline: { hours: 10 }, remindBeforeHours: 2 })],
    status: "pending",
    currentStep: 1,
    stepDueAt: at(10).toISOString(),
    expiresAt: at(24).toISOString(),
    resolvedAt: null,
    reminded: false,
    escalated: false,
    actions: [],
    usedLinks: [],
    ...overrides,
  };
}

describe("step rules", () => {
  it("a deadline counts from the step's start, or back from the publish time (none without one)", () => {
    expect(stepDueAt(rolesStep(["manager"], 1, { deadline: { hours: 6 } }), T0, null)).toEqual(at(6));
    const beforePublish = rolesStep(["manager"], 1, { deadline: { beforePublishHours: 4 } });
    expect(stepDueAt(beforePublish, T0, at(24))).toEqual(at(20));
    expect(stepDueAt(beforePublish, T0, null)).toBeNull();
    expect(stepDueAt(rolesStep(["manager"]), T0, at(24))).toBeNull();
  });

  it("a step with a deadline escalates to the workflow's creator, else to owners and admins", () => {
    const steps = [rolesStep(["manager"], 1, { deadline: { hours: 1 } }), rolesStep(["owner"])];
    expect(snapshotSteps(steps, "creator")[0]?.escalateTo).toEqual({ userIds: ["creator"] });
    expect(snapshotSteps(steps, null)[0]?.escalateTo).toEqual({ roles: ["owner", "admin"] });
    expect(snapshotSteps(steps, "creator")[1]?.escalateTo).toBeUndefined();
  });

  it('"all" means every named user but the authors; a number counts anyone who approved', () => {
    const all = usersStep(["a", "b", "author"], "all");
    expect(quorumMet(all, new Set([userKey("a")]), ["author"])).toBe(false);
    expect(quorumMet(all, new Set([userKey("a"), userKey("b")]), ["author"])).toBe(true);
    expect(quorumMet(all, new Set([userKey("a"), "external:x@example.org"]), ["author"])).toBe(false);
    expect(quorumMet(rolesStep(["manager"], 2), new Set(["user:a", "external:x@example.org"]), [])).toBe(
      true,
    );
  });
});

describe("the clock", () => {
  it("wakes for the reminder, then the deadline, then the publish time; nothing once closed", () => {
    expect(nextDeadline(state())).toEqual(at(8));
    expect(nextDeadline(state({ reminded: true }))).toEqual(at(10));
    expect(nextDeadline(state({ reminded: true, escalated: true }))).toEqual(at(24));
    expect(nextDeadline(state({ status: "approved" }))).toBeNull();
  });

  it("expiry wins over escalation, escalation over the reminder, and each happens once", () => {
    expect(dueTimer(state(), at(7), "id")).toBeNull();
    expect(dueTimer(state(), at(8), "id")?.write.action).toBe("remind");
    expect(dueTimer(state({ reminded: true }), at(9), "id")).toBeNull();
    const escalation = dueTimer(state(), at(11), "id");
    expect(escalation?.write.action).toBe("escalate");
    expect(escalation?.state).toMatchObject({ escalated: true, reminded: true });
    expect(dueTimer(escalation!.state, at(12), "id")).toBeNull();
    const expiry = dueTimer(state(), at(25), "id");
    expect(expiry?.write).toMatchObject({
      action: "expire",
      contentTo: "draft",
      request: { status: "expired" },
    });
  });

  it("an escalated step may be decided by its escalation targets", () => {
    const escalated = state({
      steps: [rolesStep(["approver"], 1, { deadline: { hours: 1 }, escalateTo: { userIds: ["boss"] } })],
    });
    const boss = { type: "user" as const, userId: "boss", role: "admin" as const, canApprove: true };
    const input = {
      action: "approve" as const,
      actor: boss,
      comment: null,
      facts: { ip: null, userAgent: null },
    };
    expect(() => act(escalated, input, T0, "a1")).toThrow(/does not name you/);
    const after = act({ ...escalated, escalated: true }, input, T0, "a1");
    expect(after.state.status).toBe("approved");
    expect(after.write).toMatchObject({ contentTo: "approved", request: { status: "approved" } });
  });
});
