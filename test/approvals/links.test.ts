import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/env.ts";
import { signApprovalLink } from "../../src/services/approvals/links.ts";
import {
  acted,
  actionRows,
  contentStatus,
  draftBy,
  requestRow,
  rolesStep,
  submitted,
} from "../support/approvals.ts";
import { auditRows } from "../support/audit.ts";
import { BASE_URL, call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, type TestUser } from "../support/tenants.ts";
import { withAlteredSignature } from "../support/tokens.ts";
import { createWorkflow } from "../support/workflows.ts";

interface LinkBody {
  url: string;
  expires_at: string;
  step: { number: number; name: string };
}

const invitee = { name: "Office of the Cabinet Secretary", email: "cs.office@energy.example" };

const sendLink = (user: TestUser, requestId: string, body: unknown = invitee) =>
  postJson(`/v1/approval-requests/${requestId}/links`, body, { headers: user.headers });

async function linkFor(user: TestUser, requestId: string, body: unknown = invitee): Promise<LinkBody> {
  const response = await sendLink(user, requestId, body);
  expect(response.status).toBe(201);
  return (await response.json()) as LinkBody;
}

const pathOf = (url: string) => url.slice(BASE_URL.length);
const decide = (url: string, body: unknown) => postJson(pathOf(url), body);

/** Editor writes, approvers pass step 1 (two approvals), managers step 2. */
async function twoStepRequest() {
  const tenant = await createTenant(["owner", "editor", "approver", "manager"]);
  await createWorkflow(tenant.owner.organizationId, {
    steps: [rolesStep(["approver"], 2, { name: "Comms" }), rolesStep(["manager"], 1, { name: "Desk" })],
  });
  const draft = await draftBy(tenant.editor, { title: "Minister's keynote", hashtags: ["AES2027"] });
  const request = await submitted(tenant.editor, draft.id);
  return { ...tenant, draft, request };
}

describe("approval links", () => {
  it("an outside approver sees the content and approves once, counted in the step and audited as them", async () => {
    const { owner, approver, draft, request } = await twoStepRequest();
    const { response, roundTrips } = await measure(`/v1/approval-requests/${request.id}/links`, {
      method: "POST",
      headers: { ...approver.headers, "content-type": "application/json" },
      body: JSON.stringify({ ...invitee, expires_in_hours: 48 }),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const link = (await response.json()) as LinkBody;
    expect(link.url.startsWith(`${BASE_URL}/v1/approval-links/`)).toBe(true);
    expect(Date.parse(link.expires_at) - Date.now()).toBeGreaterThan(47 * 3_600_000);
    expect(link.step).toEqual({ number: 1, name: "Comms" });

    const shown = await measure(pathOf(link.url));
    expect(shown.response.status).toBe(200);
    expect(shown.roundTrips).toBe(1);
    expect(await shown.response.json()).toMatchObject({
      approval_request: { id: request.id, status: "pending", current_step: { number: 1, approvals: 0 } },
      step: { number: 1, name: "Comms" },
      invited: invitee,
      content: {
        id: draft.id,
        version: 1,
        title: "Minister's keynote",
        hashtags: ["#AES2027"],
        target_platforms: ["x", "bluesky"],
        media_assets: [],
      },
    });

    await acted(approver, request.id, "approve");
    const decided = await decide(link.url, { decision: "approve" });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ request: { current_step: { number: 2, name: "Desk" } } });

    const actions = await actionRows(owner.organizationId, request.id);
    expect(actions.at(-1)).toMatchObject({
      action: "approve",
      stepNumber: 1,
      actionedBy: null,
      externalActorName: invitee.name,
      externalActorEmail: invitee.email,
    });
    const audit = await auditRows(owner.organizationId, request.id);
    expect(audit.find((a) => a.action === "approval_request.link_create")).toMatchObject({
      userId: approver.id,
      actorType: "user",
    });
    expect(audit.at(-1)).toMatchObject({
      action: "approval_request.approve",
      actorType: "external",
      userId: null,
      // The outside approver's address is recorded as withheld (the action row keeps it).
      changes: expect.objectContaining({ actor: { name: invitee.name, email: "[withheld]" } }),
    });

    // Single use.
    await expectProblem(await decide(link.url, { decision: "approve" }), 409, "approval_link_used");
    await expectProblem(await call(pathOf(link.url)), 409, "approval_link_used");
  });

  it("an expired link is 410, an altered or foreign token 404 without detail", async () => {
    const { owner, approver, request } = await twoStepRequest();
    const config = loadConfig(env);
    const { token } = await signApprovalLink(
      config,
      { requestId: request.id, organizationId: owner.organizationId, step: 1, ...invitee },
      3600,
      Date.now() - 2 * 3_600_000,
    );
    await expectProblem(await call(`/v1/approval-links/${token}`), 410, "approval_link_expired");
    await expectProblem(
      await postJson(`/v1/approval-links/${token}`, { decision: "approve" }),
      410,
      "approval_link_expired",
    );

    const link = await linkFor(approver, request.id);
    const [header, payload, signature] = pathOf(link.url).split("/").at(-1)!.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/"))) as Record<
      string,
      unknown
    >;
    const forged = btoa(JSON.stringify({ ...claims, step: 2 }))
      .replaceAll("+", "-")
      .replaceAll("/", "_")
      .replace(/=+$/, "");
    for (const bad of [
      `${header}.${forged}.${signature}`,
      withAlteredSignature(`${header}.${payload}.${signature}`),
      "not-a-token",
      owner.token,
    ]) {
      const problem = await expectProblem(
        await call(`/v1/approval-links/${bad}`),
        404,
        "approval_link_not_found",
      );
      expect(problem.detail).toBe("No such approval link.");
      await expectProblem(
        await postJson(`/v1/approval-links/${bad}`, { decision: "approve" }),
        404,
        "approval_link_not_found",
      );
    }
    expect(await actionRows(owner.organizationId, request.id)).toEqual([]);
  });

  it("a link for step 1 cannot act once the request is at step 2", async () => {
    const { owner, approver, request } = await twoStepRequest();
    const link = await linkFor(approver, request.id);
    const second = await createTenantUser(owner.organizationId);
    await acted(approver, request.id, "approve");
    await acted(second, request.id, "approve");
    const problem = await expectProblem(
      await decide(link.url, { decision: "approve" }),
      409,
      "approval_step_closed",
    );
    expect(problem).toMatchObject({ step: 1, current_step: 2 });
  });

  it("rejecting through a link ends the request (a comment is required)", async () => {
    const { owner, manager, draft, request } = await twoStepRequest();
    const link = await linkFor(manager, request.id);
    const missing = await expectProblem(
      await decide(link.url, { decision: "reject" }),
      400,
      "validation_failed",
    );
    expect(missing.errors).toEqual([
      { path: "json.comment", message: "A comment is required to reject.", code: "invalid_type" },
    ]);
    const blank = await expectProblem(
      await decide(link.url, { decision: "reject", comment: "  " }),
      400,
      "validation_failed",
    );
    expect(blank.errors?.map((e) => [e.path, e.message])).toEqual([
      ["json.comment", "A comment is required to reject."],
    ]);
    const rejected = await decide(link.url, {
      decision: "reject",
      comment: "The minister is not attending.",
    });
    expect(rejected.status).toBe(200);
    expect((await requestRow(owner.organizationId, request.id)).status).toBe("rejected");
    expect(await contentStatus(owner.organizationId, draft.id)).toBe("changes_requested");
    await expectProblem(await sendLink(manager, request.id), 409, "approval_request_closed");
  });

  it("only the step's approvers or a manager or above send links, never the author; at most a week", async () => {
    const { owner, editor, approver, manager, request } = await twoStepRequest();
    await expectProblem(await sendLink(editor, request.id), 403, "missing_permission");
    const authorWhoApproves = await createTenantUser(owner.organizationId);
    const ownRequest = await submitted(authorWhoApproves, (await draftBy(authorWhoApproves)).id);
    await expectProblem(await sendLink(authorWhoApproves, ownRequest.id), 403, "own_content");
    await linkFor(manager, request.id); // not named by step 1, but a manager
    await acted(approver, request.id, "approve");
    await acted(await createTenantUser(owner.organizationId), request.id, "approve");
    await expectProblem(await sendLink(approver, request.id), 403, "not_an_approver"); // step 2 names managers
    await expectProblem(
      await sendLink(manager, request.id, { ...invitee, expires_in_hours: 169 }),
      400,
      "validation_failed",
    );
    const other = await createTenant(["manager"]);
    await expectProblem(await sendLink(other.manager, request.id), 404, "approval_request_not_found");
  });
});

/** Another approver of the organisation, who may also write content. */
const createTenantUser = (organizationId: string): Promise<TestUser> =>
  createUser(organizationId, { role: "approver", permissions: { grant: ["content:write"] } });
