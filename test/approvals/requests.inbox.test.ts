import { describe, expect, it } from "vitest";
import {
  type ApprovalRequestBody,
  acted,
  createPendingRequest,
  draftBy,
  rolesStep,
  submitted,
  usersStep,
} from "../support/approvals.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, type TestUser } from "../support/tenants.ts";

const HOUR = 3_600_000;

interface Page {
  data: ApprovalRequestBody[];
  next_cursor: string | null;
}

async function inbox(user: TestUser, query = ""): Promise<Page> {
  const response = await call(`/v1/approval-requests${query}`, { headers: user.headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

const ids = (page: Page) => page.data.map((r) => r.id);

describe("the approval inbox", () => {
  it("lists what waits for me, oldest step deadline first, none last, with the content and step — one round trip", async () => {
    const { owner, editor, approver, manager } = await createTenant([
      "owner",
      "editor",
      "approver",
      "manager",
    ]);
    const org = owner.organizationId;
    const pending = async (stepDueAt: Date | null, steps = [rolesStep(["approver"], 2, { name: "Comms" })]) =>
      (
        await createPendingRequest(org, {
          contentId: (await draftBy(editor)).id,
          requestedBy: editor.id,
          steps,
          stepDueAt,
        })
      ).id;
    const later = await pending(new Date(Date.now() + 2 * HOUR));
    const sooner = await pending(new Date(Date.now() + HOUR));
    const whenever = await pending(null);
    const approvedByMe = await pending(new Date(Date.now() + 3 * HOUR));
    await acted(approver, approvedByMe, "approve");
    await pending(new Date(Date.now() + HOUR), [rolesStep(["manager"])]); // not my step
    const namedMe = await pending(new Date(Date.now() + 4 * HOUR), [usersStep([approver.id])]);
    // My own submission never waits for me.
    const mine = await createUser(org, { role: "approver", permissions: { grant: ["content:write"] } });
    await submitted(mine, (await draftBy(mine)).id);

    const { response, roundTrips } = await measure("/v1/approval-requests", { headers: approver.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const page = (await response.json()) as Page;
    expect(ids(page)).toEqual([sooner, later, namedMe, whenever]);
    expect(page.data[0]).toMatchObject({
      status: "pending",
      content: { title: "Day one opens", version: 1, workflow_status: "in_review" },
      current_step: { number: 1, name: "Comms", approvals: 0, required_approvals: 2 },
      steps_total: 1,
    });
    // The one I approved waits for others, not for me; it shows its count to them.
    const others = await createUser(org, { role: "approver" });
    const theirs = await inbox(others);
    expect(theirs.data.find((r) => r.id === approvedByMe)?.current_step.approvals).toBe(1);
    expect(ids(theirs)).not.toContain(namedMe);

    // Pages never repeat or skip.
    const first = await inbox(approver, "?limit=2");
    expect(ids(first)).toEqual([sooner, later]);
    const rest = await inbox(approver, `?limit=2&cursor=${first.next_cursor}`);
    expect(ids(rest)).toEqual([namedMe, whenever]);
    expect(rest.next_cursor).toBeNull();

    expect(ids(await inbox(manager))).toHaveLength(2); // the managers' step, and the manual approval of "mine"
    const viewer = await createUser(org, { role: "viewer" });
    expect(ids(await inbox(viewer))).toEqual([]);
  });

  it("scope=submitted lists my requests, scope=all every one (needs content:approve); filters by status and content", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const first = await draftBy(editor);
    const a = await submitted(editor, first.id);
    await acted(manager, a.id, "approve");
    const b = await submitted(editor, (await draftBy(editor)).id);
    const c = await submitted(owner, (await draftBy(owner)).id);

    expect(ids(await inbox(editor, "?scope=submitted"))).toEqual([b.id, a.id]);
    await expectProblem(
      await call("/v1/approval-requests?scope=all", { headers: editor.headers }),
      403,
      "missing_permission",
    );
    expect(ids(await inbox(manager, "?scope=all"))).toEqual([c.id, b.id, a.id]);
    expect(ids(await inbox(manager, "?scope=all&status=approved"))).toEqual([a.id]);
    expect(ids(await inbox(manager, `?scope=all&content_id=${first.id}`))).toEqual([a.id]);
    expect(ids(await inbox(manager, "?status=approved"))).toEqual([]); // nothing approved waits for anyone
    await expectProblem(
      await call("/v1/approval-requests?scope=everything", { headers: manager.headers }),
      400,
      "validation_failed",
    );
    const other = await createTenant(["manager"]);
    expect(ids(await inbox(other.manager, "?scope=all"))).toEqual([]);
  });
});
