import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { createContent } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, type TestUser } from "../support/tenants.ts";
import { createWorkflow } from "../support/workflows.ts";

interface Approvers {
  roles: string[];
  user_ids: string[];
}

interface StepBody {
  number: number;
  name: string;
  approvers: Approvers;
  required_approvals: number | "all";
  deadline: { hours: number } | { before_publish_hours: number } | null;
  remind_before_hours: number | null;
  escalate_to: Approvers | null;
}

interface WorkflowBody {
  id: string;
  name: string;
  is_active: boolean;
  steps: StepBody[];
  trigger_conditions: Record<string, unknown>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

interface MatchBody {
  content_id: string;
  workflow: WorkflowBody | null;
  manual: boolean;
  steps: StepBody[];
  matched_conditions: string[];
  facts: Record<string, unknown>;
}

const step = (overrides: Record<string, unknown> = {}) => ({
  name: "Comms review",
  approvers: { roles: ["manager"] },
  ...overrides,
});

const workflowInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Standard review",
  steps: [step()],
  ...overrides,
});

const create = (user: TestUser, body: unknown, headers: Record<string, string> = {}) =>
  postJson("/v1/approval-workflows", body, { headers: { ...user.headers, ...headers } });

async function created(user: TestUser, body: unknown = workflowInput()): Promise<WorkflowBody> {
  const response = await create(user, body);
  expect(response.status).toBe(201);
  return (await response.json()) as WorkflowBody;
}

const patch = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/approval-workflows/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

const get = (user: TestUser, path: string) => call(path, { headers: user.headers });

describe("creating approval workflows", () => {
  it("answers 201 with Location and ETag, fills in the defaults, in one round trip with its audit row", async () => {
    const { owner, approver } = await createTenant(["owner", "approver"]);
    const { response, roundTrips } = await measure("/v1/approval-workflows", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({
        name: "VIP posts",
        steps: [
          step({ deadline: { hours: 24 } }),
          {
            name: "Protocol office",
            approvers: { roles: [], user_ids: [approver.id] },
            required_approvals: "all",
            deadline: { before_publish_hours: 2 },
          },
          { name: "Sign-off", approvers: { roles: ["admin", "owner"] }, required_approvals: 2 },
        ],
        trigger_conditions: { content_types: ["post", "thread"], mentions_vip_delegate: true },
      }),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const workflow = (await response.json()) as WorkflowBody;
    expect(response.headers.get("location")).toBe(`/v1/approval-workflows/${workflow.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(workflow).toMatchObject({ name: "VIP posts", is_active: true, created_by: owner.id });
    expect(workflow.trigger_conditions).toEqual({
      content_types: ["post", "thread"],
      mentions_vip_delegate: true,
    });
    expect(workflow.steps).toEqual([
      {
        number: 1,
        name: "Comms review",
        approvers: { roles: ["manager"], user_ids: [] },
        required_approvals: 1,
        deadline: { hours: 24 },
        remind_before_hours: 6,
        escalate_to: { roles: [], user_ids: [owner.id] },
      },
      {
        number: 2,
        name: "Protocol office",
        approvers: { roles: [], user_ids: [approver.id] },
        required_approvals: "all",
        deadline: { before_publish_hours: 2 },
        remind_before_hours: 1,
        escalate_to: { roles: [], user_ids: [owner.id] },
      },
      {
        number: 3,
        name: "Sign-off",
        approvers: { roles: ["admin", "owner"], user_ids: [] },
        required_approvals: 2,
        deadline: null,
        remind_before_hours: null,
        escalate_to: null,
      },
    ]);
    const audit = await auditRows(owner.organizationId, workflow.id);
    expect(audit.map((a) => a.action)).toEqual(["approval_workflow.create"]);
    expect(audit[0]?.changes).toMatchObject({ name: "VIP posts", is_active: true });
  });

  it("keeps an explicit reminder and escalation, and reads back what it answered", async () => {
    const { owner, manager } = await createTenant(["owner", "manager"]);
    const workflow = await created(
      owner,
      workflowInput({
        is_active: false,
        steps: [
          step({
            deadline: { hours: 48 },
            remind_before_hours: 3,
            escalate_to: { roles: ["admin"], user_ids: [manager.id] },
          }),
        ],
      }),
    );
    expect(workflow.is_active).toBe(false);
    expect(workflow.steps[0]).toMatchObject({
      remind_before_hours: 3,
      escalate_to: { roles: ["admin"], user_ids: [manager.id] },
    });
    const read = await get(owner, `/v1/approval-workflows/${workflow.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(workflow);
  });

  it("refuses malformed steps and conditions with 400, naming the field", async () => {
    const { owner } = await createTenant();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ steps: [] }, "json.steps"],
      [{ steps: Array.from({ length: 11 }, () => step()) }, "json.steps"],
      [{ name: "" }, "json.name"],
      [{ steps: [step({ approvers: {} })] }, "json.steps.0.approvers"],
      [{ steps: [step({ approvers: { roles: [], user_ids: [] } })] }, "json.steps.0.approvers"],
      [{ steps: [step({ approvers: { roles: ["viewer"] } })] }, "json.steps.0.approvers"],
      [{ steps: [step({ approvers: { roles: ["editor"] } })] }, "json.steps.0.approvers"],
      [{ steps: [step({ approvers: { roles: ["manager", "manager"] } })] }, "json.steps.0.approvers.roles.1"],
      [{ steps: [step({ approvers: { user_ids: ["not-a-uuid"] } })] }, "json.steps.0.approvers.user_ids.0"],
      [{ steps: [step({ required_approvals: 0 })] }, "json.steps.0.required_approvals"],
      [{ steps: [step({ required_approvals: 1.5 })] }, "json.steps.0.required_approvals"],
      [{ steps: [step({ required_approvals: "most" })] }, "json.steps.0.required_approvals"],
      [{ steps: [step({ required_approvals: "all" })] }, "json.steps.0.required_approvals"],
      [
        {
          steps: [
            step({
              approvers: { roles: ["manager"], user_ids: [crypto.randomUUID()] },
              required_approvals: "all",
            }),
          ],
        },
        "json.steps.0.required_approvals",
      ],
      [{ steps: [step({ deadline: {} })] }, "json.steps.0.deadline"],
      [{ steps: [step({ deadline: { hours: 2, before_publish_hours: 2 } })] }, "json.steps.0.deadline"],
      [{ steps: [step({ deadline: { hours: 0 } })] }, "json.steps.0.deadline.hours"],
      [{ steps: [step({ deadline: { days: 2 } })] }, "json.steps.0.deadline.days"],
      [{ steps: [step({ remind_before_hours: 2 })] }, "json.steps.0.remind_before_hours"],
      [
        { steps: [step({ deadline: { hours: 4 }, remind_before_hours: 5 })] },
        "json.steps.0.remind_before_hours",
      ],
      [{ steps: [step({ escalate_to: { roles: ["admin"] } })] }, "json.steps.0.escalate_to"],
      [{ steps: [step({ deadline: { hours: 4 }, escalate_to: {} })] }, "json.steps.0.escalate_to"],
      [{ steps: [step({ number: 2 })] }, "json.steps.0.number"],
      [{ steps: [step({ approver_roles: ["manager"] })] }, "json.steps.0.approver_roles"],
      [
        { steps: [step({ approvers: { roles: ["manager"], groups: ["x"] } })] },
        "json.steps.0.approvers.groups",
      ],
      [{ trigger_conditions: { content_types: ["tweet"] } }, "json.trigger_conditions.content_types.0"],
      [{ trigger_conditions: { content_types: [] } }, "json.trigger_conditions.content_types"],
      [{ trigger_conditions: { platforms: ["myspace"] } }, "json.trigger_conditions.platforms.0"],
      [{ trigger_conditions: { platforms: ["x", "x"] } }, "json.trigger_conditions.platforms.1"],
      [{ trigger_conditions: { campaign_ids: ["nope"] } }, "json.trigger_conditions.campaign_ids.0"],
      [{ trigger_conditions: { event_ids: [] } }, "json.trigger_conditions.event_ids"],
      [
        { trigger_conditions: { mentions_vip_delegate: false } },
        "json.trigger_conditions.mentions_vip_delegate",
      ],
      [{ trigger_conditions: { hashtags: ["#x"] } }, "json.trigger_conditions.hashtags"],
      [{ organization_id: crypto.randomUUID() }, "json.organization_id"],
    ];
    for (const [overrides, path] of cases) {
      const problem = await expectProblem(
        await create(owner, workflowInput(overrides)),
        400,
        "validation_failed",
      );
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(overrides),
      ).toContain(path);
    }
  });

  it("refuses approvers who are not active users of the organisation (422, naming them)", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const inactive = await createUser(owner.organizationId, { role: "manager", isActive: false });
    const stranger = crypto.randomUUID();
    const response = await create(
      owner,
      workflowInput({
        steps: [
          step({ approvers: { user_ids: [owner.id, inactive.id] } }),
          step({ deadline: { hours: 8 }, escalate_to: { user_ids: [other.owner.id, stranger] } }),
        ],
      }),
    );
    const problem = (await expectProblem(response, 422, "unknown_approver")) as { user_ids?: string[] };
    expect(new Set(problem.user_ids)).toEqual(new Set([inactive.id, other.owner.id, stranger]));
    const list = (await (await get(owner, "/v1/approval-workflows")).json()) as { data: WorkflowBody[] };
    expect(list.data).toEqual([]);
    expect(await auditRows(owner.organizationId)).toEqual([]);
  });

  it("refuses a step that needs more approvals than the users it names (422)", async () => {
    const { owner, manager } = await createTenant(["owner", "manager"]);
    await expectProblem(
      await create(
        owner,
        workflowInput({
          steps: [step(), step({ approvers: { user_ids: [owner.id, manager.id] }, required_approvals: 3 })],
        }),
      ),
      422,
      "not_enough_approvers",
    );
    // With a role named, the count of role holders is not known in advance: allowed.
    await created(
      owner,
      workflowInput({
        steps: [step({ approvers: { roles: ["manager"], user_ids: [owner.id] }, required_approvals: 3 })],
      }),
    );
  });

  it("a retry with the same Idempotency-Key replays the first response and creates nothing more", async () => {
    const { owner } = await createTenant();
    const key = crypto.randomUUID();
    const first = await create(owner, workflowInput(), { "idempotency-key": key });
    expect(first.status).toBe(201);
    const again = await create(owner, workflowInput(), { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
    const list = (await (await get(owner, "/v1/approval-workflows")).json()) as { data: WorkflowBody[] };
    expect(list.data).toHaveLength(1);
  });

  it("needs workflows:write; a viewer may read", async () => {
    const { owner, viewer, editor } = await createTenant(["owner", "viewer", "editor"]);
    const workflow = await created(owner);
    await expectProblem(await create(editor, workflowInput()), 403, "missing_permission");
    await expectProblem(await patch(viewer, workflow.id, { name: "Mine now" }), 403, "missing_permission");
    expect((await get(viewer, `/v1/approval-workflows/${workflow.id}`)).status).toBe(200);
  });
});

describe("listing and reading approval workflows", () => {
  it("lists the organisation's live workflows in one round trip, filters by is_active, pages by cursor", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const active = await createWorkflow(owner.organizationId, {
      createdAt: new Date("2027-01-01T00:00:00Z"),
    });
    const inactive = await createWorkflow(owner.organizationId, {
      isActive: false,
      createdAt: new Date("2027-01-02T00:00:00Z"),
    });
    await createWorkflow(owner.organizationId, { deleted: true });
    await createWorkflow(other.organization.id);

    const { response, roundTrips } = await measure("/v1/approval-workflows", { headers: owner.headers });
    expect(roundTrips).toBe(1);
    const all = (await response.json()) as { data: WorkflowBody[] };
    expect(all.data.map((w) => w.id)).toEqual([inactive.id, active.id]);

    const only = async (query: string) =>
      (
        (await (await get(owner, `/v1/approval-workflows?${query}`)).json()) as { data: WorkflowBody[] }
      ).data.map((w) => w.id);
    expect(await only("is_active=true")).toEqual([active.id]);
    expect(await only("is_active=false")).toEqual([inactive.id]);
    expect(await only("sort=created_at")).toEqual([active.id, inactive.id]);

    const first = (await (await get(owner, "/v1/approval-workflows?limit=1")).json()) as {
      data: WorkflowBody[];
      next_cursor: string;
    };
    expect(first.data.map((w) => w.id)).toEqual([inactive.id]);
    const second = (await (
      await get(owner, `/v1/approval-workflows?limit=1&cursor=${first.next_cursor}`)
    ).json()) as { data: WorkflowBody[]; next_cursor: string | null };
    expect(second.data.map((w) => w.id)).toEqual([active.id]);
    expect(second.next_cursor).toBeNull();

    await expectProblem(await get(owner, "/v1/approval-workflows?is_active=yes"), 400, "validation_failed");
  });

  it("answers 404 for another organisation's workflow, a deleted one, and a malformed id is 400", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createWorkflow(other.organization.id);
    const deleted = await createWorkflow(owner.organizationId, { deleted: true });
    await expectProblem(
      await get(owner, `/v1/approval-workflows/${theirs.id}`),
      404,
      "approval_workflow_not_found",
    );
    await expectProblem(
      await get(owner, `/v1/approval-workflows/${deleted.id}`),
      404,
      "approval_workflow_not_found",
    );
    await expectProblem(await patch(owner, theirs.id, { name: "Taken" }), 404, "approval_workflow_not_found");
    await expectProblem(await get(owner, "/v1/approval-workflows/nope"), 400, "validation_failed");
  });
});

describe("updating approval workflows", () => {
  it("a stale If-Match is 412; the current one updates in two round trips with its audit row", async () => {
    const { owner } = await createTenant();
    const workflow = await created(owner);
    const read = await get(owner, `/v1/approval-workflows/${workflow.id}`);
    const etag = read.headers.get("etag") ?? "";
    const { response, roundTrips } = await measure(`/v1/approval-workflows/${workflow.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ name: "Renamed", is_active: false }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    expect(await response.json()).toMatchObject({ name: "Renamed", is_active: false });
    await expectProblem(
      await patch(owner, workflow.id, { name: "Again" }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
    const audit = await auditRows(owner.organizationId, workflow.id);
    expect(audit.map((a) => a.action)).toEqual(["approval_workflow.create", "approval_workflow.update"]);
    expect(audit[1]?.changes).toMatchObject({
      name: { from: "Standard review", to: "Renamed" },
      isActive: { from: true, to: false },
    });
  });

  it("replaces steps and conditions whole; escalation still defaults to the creator, not the editor", async () => {
    const { owner, admin } = await createTenant(["owner", "admin"]);
    const workflow = await created(owner, workflowInput({ trigger_conditions: { platforms: ["x"] } }));
    const response = await patch(admin, workflow.id, {
      steps: [...workflow.steps, { name: "Legal", approvers: { roles: ["admin"] }, deadline: { hours: 10 } }],
      trigger_conditions: { event_ids: [crypto.randomUUID()] },
    });
    expect(response.status).toBe(200);
    const updated = (await response.json()) as WorkflowBody;
    expect(updated.steps.map((s) => s.name)).toEqual(["Comms review", "Legal"]);
    expect(updated.steps[1]).toMatchObject({
      number: 2,
      remind_before_hours: 2,
      escalate_to: { user_ids: [owner.id] },
    });
    expect(Object.keys(updated.trigger_conditions)).toEqual(["event_ids"]);
    // What a read answers can be sent back as it is.
    const again = await patch(admin, workflow.id, { steps: updated.steps });
    expect(again.status).toBe(200);
    expect(((await again.json()) as WorkflowBody).steps).toEqual(updated.steps);
  });

  it("escalates new deadlines to the owners once the creator is no longer active", async () => {
    const { owner } = await createTenant();
    const departed = await createUser(owner.organizationId, { role: "admin", isActive: false });
    const workflow = await createWorkflow(owner.organizationId, { createdBy: departed.id });
    const response = await patch(owner, workflow.id, { steps: [step({ deadline: { hours: 4 } })] });
    expect(response.status).toBe(200);
    expect(((await response.json()) as WorkflowBody).steps[0]?.escalate_to).toEqual({
      roles: ["owner"],
      user_ids: [],
    });
  });

  it("refuses unknown approvers and bad steps without changing anything", async () => {
    const { owner } = await createTenant();
    const workflow = await created(owner);
    const inactive = await createUser(owner.organizationId, { role: "approver", isActive: false });
    const problem = (await expectProblem(
      await patch(owner, workflow.id, { steps: [step({ approvers: { user_ids: [inactive.id] } })] }),
      422,
      "unknown_approver",
    )) as { user_ids?: string[] };
    expect(problem.user_ids).toEqual([inactive.id]);
    await expectProblem(await patch(owner, workflow.id, { steps: [] }), 400, "validation_failed");
    await expectProblem(await patch(owner, workflow.id, { created_by: owner.id }), 400, "validation_failed");
    const read = (await (await get(owner, `/v1/approval-workflows/${workflow.id}`)).json()) as WorkflowBody;
    expect(read).toEqual(workflow);
    expect((await auditRows(owner.organizationId, workflow.id)).map((a) => a.action)).toEqual([
      "approval_workflow.create",
    ]);
  });
});

describe("deleting and restoring approval workflows", () => {
  it("hides a deleted workflow until it is restored, each with its audit row", async () => {
    const { owner } = await createTenant();
    const workflow = await created(owner);
    const path = `/v1/approval-workflows/${workflow.id}`;
    expect((await call(path, { method: "DELETE", headers: owner.headers })).status).toBe(204);
    await expectProblem(
      await call(path, { method: "DELETE", headers: owner.headers }),
      404,
      "approval_workflow_not_found",
    );
    await expectProblem(await get(owner, path), 404, "approval_workflow_not_found");
    const restored = await postJson(`${path}/restore`, {}, { headers: owner.headers });
    expect(restored.status).toBe(200);
    expect(restored.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect((await get(owner, path)).status).toBe(200);
    expect((await auditRows(owner.organizationId, workflow.id)).map((a) => a.action)).toEqual([
      "approval_workflow.create",
      "approval_workflow.delete",
      "approval_workflow.restore",
    ]);
  });
});

describe("which workflow applies to content", () => {
  const match = (user: TestUser, contentId: string) =>
    get(user, `/v1/approval-workflows/match?content_id=${contentId}`);

  it("answers the most specific active workflow and the conditions it matched, in one round trip", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const event = await createEvent(org);
    await createDelegate(org, event.id, {
      firstName: "Wanjiru",
      lastName: "Kamau",
      vipTier: 1,
      socialHandles: { x: "@wkamau" },
    });
    await createWorkflow(org, { name: "Fallback", createdAt: new Date("2027-01-01T00:00:00Z") });
    const vip = await createWorkflow(org, {
      name: "VIP on X",
      triggerConditions: { platforms: ["x"], mentionsVipDelegate: true },
    });
    await createWorkflow(org, {
      name: "Inactive and very specific",
      isActive: false,
      triggerConditions: { platforms: ["x"], mentionsVipDelegate: true, eventIds: [event.id] },
    });
    const item = await createContent(org, { caption: "Thank you @wkamau!", eventId: event.id });
    const { response, roundTrips } = await measure(`/v1/approval-workflows/match?content_id=${item.id}`, {
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const body = (await response.json()) as MatchBody;
    expect(body).toMatchObject({
      content_id: item.id,
      manual: false,
      matched_conditions: ["platforms", "mentions_vip_delegate"],
      facts: {
        content_type: "post",
        target_platforms: ["x", "bluesky"],
        event_id: event.id,
        campaign_id: null,
        mentions_vip_delegate: true,
      },
    });
    expect(body.workflow?.id).toBe(vip.id);
    expect(body.steps.map((s) => s.name)).toEqual(["Manager review"]);
  });

  it("answers manual approval when nothing matches, and 404 for another organisation's content", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    await createWorkflow(owner.organizationId, { triggerConditions: { contentTypes: ["reel"] } });
    const item = await createContent(owner.organizationId, { contentType: "post" });
    const body = (await (await match(owner, item.id)).json()) as MatchBody;
    expect(body).toMatchObject({ workflow: null, manual: true, matched_conditions: [] });
    expect(body.steps).toEqual([
      {
        number: 1,
        name: expect.any(String),
        approvers: { roles: ["owner", "admin", "manager"], user_ids: [] },
        required_approvals: 1,
        deadline: null,
        remind_before_hours: null,
        escalate_to: null,
      },
    ]);
    const theirs = await createContent(other.organization.id);
    await expectProblem(await match(owner, theirs.id), 404, "content_not_found");
    const deleted = await createContent(owner.organizationId, { deleted: true });
    await expectProblem(await match(owner, deleted.id), 404, "content_not_found");
    await expectProblem(await get(owner, "/v1/approval-workflows/match"), 400, "validation_failed");
  });
});
