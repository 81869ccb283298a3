/** Protocol checks for VIPs through the API: the validation result, the organisation's switch, precedence. */
import { describe, expect, it } from "vitest";
import { submit } from "../support/approvals.ts";
import { auditRows } from "../support/audit.ts";
import { createContent, readContent, transition } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, type Problem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

interface Finding {
  code: string;
  severity: string;
  delegate_id: string;
  platform: string | null;
  message: string;
  expected: string;
  actual: string | null;
}
interface Verdict {
  ok: boolean;
  failures: unknown[];
  protocol_checks: string;
  protocol_findings: Finding[];
}
interface ProtocolProblem extends Problem {
  findings: Finding[];
}

const setProtocolChecks = async (owner: TestUser, mode: string) => {
  const response = await call("/v1/organization", {
    method: "PATCH",
    headers: { ...owner.headers, "content-type": "application/json" },
    body: JSON.stringify({ settings: { protocol_checks: mode } }),
  });
  expect(response.status).toBe(200);
};

const validate = async (user: TestUser, id: string) =>
  (await (
    await call(`/v1/content/${id}/validate`, { method: "POST", headers: user.headers })
  ).json()) as Verdict;

const post = (user: TestUser, path: string) => call(path, { method: "POST", headers: user.headers });

/** An organisation with an event whose VIP is H.E. Amina Diallo, tagged on X. */
async function withVip() {
  const { owner } = await createTenant();
  const event = await createEvent(owner.organizationId);
  const amina = await createDelegate(owner.organizationId, event.id, {
    title: "H.E.",
    firstName: "Amina",
    lastName: "Diallo",
    vipTier: 1,
    autoTag: true,
    socialHandles: { x: "@AminaDiallo" },
  });
  return { owner, event, amina };
}

describe("the validation result", () => {
  it("lists the protocol findings in the same one round trip; warn (the default) leaves ok alone", async () => {
    const { owner, event, amina } = await withVip();
    const row = await createContent(owner.organizationId, {
      caption: "Welcome Amina Diallo to the stage!",
      targetPlatforms: ["x", "linkedin"],
      eventId: event.id,
    });
    const { response, roundTrips } = await measure(`/v1/content/${row.id}/validate`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(await response.json()).toEqual({
      ok: true,
      failures: [],
      protocol_checks: "warn",
      protocol_findings: [
        {
          code: "protocol_title_missing",
          severity: "error",
          delegate_id: amina.id,
          platform: null,
          message:
            '"H.E. Amina Diallo" is expected where "Amina Diallo" is written: H.E. is the title on record.',
          expected: "H.E. Amina Diallo",
          actual: "Amina Diallo",
        },
        {
          code: "protocol_handle_missing",
          severity: "error",
          delegate_id: amina.id,
          platform: "x",
          message: "Tag @AminaDiallo on x: H.E. Amina Diallo is to be tagged wherever named.",
          expected: "@AminaDiallo",
          actual: null,
        },
      ],
    });
    const clean = await createContent(owner.organizationId, {
      caption: "H.E. Amina Diallo (@aminadiallo) opens the summit.",
      targetPlatforms: ["x"],
      eventId: event.id,
    });
    expect(await validate(owner, clean.id)).toEqual({
      ok: true,
      failures: [],
      protocol_checks: "warn",
      protocol_findings: [],
    });
  });

  it("reads only live VIP or ranked delegates of the organisation, of the content's event", async () => {
    const { owner, event } = await withVip();
    const other = await createEvent(owner.organizationId);
    const titled = { title: "Dr", vipTier: 2 };
    await createDelegate(owner.organizationId, other.id, {
      ...titled,
      firstName: "Kofi",
      lastName: "Mensah",
    });
    await createDelegate(owner.organizationId, event.id, {
      ...titled,
      firstName: "Lena",
      lastName: "Fischer",
      deleted: true,
    });
    await createDelegate(owner.organizationId, event.id, {
      title: "Dr",
      vipTier: 0,
      firstName: "Musa",
      lastName: "Bello",
    });
    const ranked = await createDelegate(owner.organizationId, event.id, {
      title: "Dr",
      vipTier: 0,
      precedence: 3,
      firstName: "Ada",
      lastName: "Obi",
    });
    const foreign = await createTenant();
    const theirs = await createEvent(foreign.owner.organizationId);
    await createDelegate(foreign.owner.organizationId, theirs.id, {
      ...titled,
      firstName: "Halima",
      lastName: "Said",
    });
    const row = await createContent(owner.organizationId, {
      caption:
        "H.E. Amina Diallo (@AminaDiallo) with Kofi Mensah, Lena Fischer, Musa Bello, Halima Said and Ada Obi",
      eventId: event.id,
      targetPlatforms: ["x"],
    });
    const verdict = await validate(owner, row.id);
    expect(verdict.protocol_findings.map((f) => [f.code, f.delegate_id])).toEqual([
      ["protocol_title_missing", ranked.id],
    ]);
  });

  it("content without an event is checked against every live event's VIPs, each person once", async () => {
    const { owner } = await createTenant();
    const earlier = await createEvent(owner.organizationId);
    const later = await createEvent(owner.organizationId);
    const gone = await createEvent(owner.organizationId, { deleted: true });
    await createDelegate(owner.organizationId, earlier.id, {
      title: "Dr",
      firstName: "Amina",
      lastName: "Diallo",
      vipTier: 1,
    });
    const current = await createDelegate(owner.organizationId, later.id, {
      title: "H.E.",
      firstName: "Amina",
      lastName: "Diallo",
      vipTier: 1,
    });
    await createDelegate(owner.organizationId, gone.id, {
      title: "Prof",
      firstName: "Kofi",
      lastName: "Mensah",
      vipTier: 1,
    });
    const row = await createContent(owner.organizationId, {
      caption: "Dr Amina Diallo and Kofi Mensah",
      eventId: null,
    });
    const verdict = await validate(owner, row.id);
    expect(verdict.protocol_findings).toEqual([
      expect.objectContaining({
        code: "protocol_title_missing",
        delegate_id: current.id,
        actual: "Dr Amina Diallo",
      }),
    ]);
  });
});

describe("the organisation's protocol_checks switch", () => {
  it("block: review, approval requests, scheduling and publish-now answer 422 protocol_check_failed; nothing changes", async () => {
    const { owner, event, amina } = await withVip();
    await setProtocolChecks(owner, "block");
    const caption = "Welcome Amina Diallo (@AminaDiallo)!";
    const draft = await createContent(owner.organizationId, {
      caption,
      eventId: event.id,
      targetPlatforms: ["x"],
    });
    const verdict = await validate(owner, draft.id);
    expect(verdict).toMatchObject({ ok: false, failures: [], protocol_checks: "block" });

    const { response, roundTrips } = await measure(`/v1/content/${draft.id}/transitions`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ to: "in_review" }),
    });
    expect(roundTrips).toBe(1);
    const problem = (await expectProblem(response, 422, "protocol_check_failed")) as ProtocolProblem;
    expect(problem.findings).toEqual([
      expect.objectContaining({ code: "protocol_title_missing", severity: "error", delegate_id: amina.id }),
    ]);

    const approved = await createContent(owner.organizationId, {
      caption,
      eventId: event.id,
      targetPlatforms: ["x"],
      workflowStatus: "approved",
    });
    await expectProblem(
      await transition(owner, approved.id, { to: "scheduled" }),
      422,
      "protocol_check_failed",
    );
    await expectProblem(
      await post(owner, `/v1/content/${approved.id}/publish-now`),
      422,
      "protocol_check_failed",
    );

    const needsApproval = await createContent(owner.organizationId, {
      caption,
      eventId: event.id,
      targetPlatforms: ["x"],
      approvalRequired: true,
    });
    await expectProblem(await submit(owner, needsApproval.id), 422, "protocol_check_failed");

    for (const row of [draft, approved, needsApproval]) {
      expect((await readContent(owner, row.id)).workflow_status).toBe(row.workflowStatus);
      expect(await auditRows(owner.organizationId, row.id)).toEqual([]);
    }
  });

  it("block lets clean content and warnings through, in the round trips each move always costs", async () => {
    const { owner, event } = await withVip();
    await setProtocolChecks(owner, "block");
    await createSocialAccount(owner, { platform: "x" });
    const clean = await createContent(owner.organizationId, {
      caption: "H.E. Amina Diallo (@AminaDiallo) opens the summit.",
      eventId: event.id,
      targetPlatforms: ["x"],
      approvalRequired: true,
    });
    const submitted = await measure(`/v1/content/${clean.id}/approval-requests`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: "{}",
    });
    expect(submitted.response.status).toBe(201);
    expect(submitted.roundTrips).toBe(2);

    // A misspelt name is a warning: shown, never blocking.
    const warned = await createContent(owner.organizationId, {
      caption: "Welcome Amina Dialo!",
      eventId: event.id,
      targetPlatforms: ["x"],
      workflowStatus: "approved",
    });
    const verdict = await validate(owner, warned.id);
    expect(verdict.ok).toBe(true);
    expect(verdict.protocol_findings).toEqual([
      expect.objectContaining({ code: "protocol_name_mismatch", severity: "warning" }),
    ]);
    const scheduled = await measure(`/v1/content/${warned.id}/transitions`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ to: "scheduled" }),
    });
    expect(scheduled.response.status).toBe(200);
    expect(scheduled.roundTrips).toBe(2);
  });

  it("warn: the same findings show but every move goes through", async () => {
    const { owner, event } = await withVip();
    await setProtocolChecks(owner, "block");
    await setProtocolChecks(owner, "warn");
    await createSocialAccount(owner, { platform: "x" });
    const caption = "Welcome Amina Diallo!";
    const draft = await createContent(owner.organizationId, {
      caption,
      eventId: event.id,
      targetPlatforms: ["x"],
    });
    expect((await validate(owner, draft.id)).protocol_findings.map((f) => f.code)).toEqual([
      "protocol_title_missing",
      "protocol_handle_missing",
    ]);
    expect((await transition(owner, draft.id, { to: "in_review" })).status).toBe(200);
    const approved = await createContent(owner.organizationId, {
      caption,
      eventId: event.id,
      targetPlatforms: ["x"],
      workflowStatus: "approved",
    });
    expect((await transition(owner, approved.id, { to: "scheduled" })).status).toBe(200);
  });

  it("the setting takes warn or block only, and its change is audited", async () => {
    const { owner, organization } = await createTenant();
    for (const value of ["strict", true, null]) {
      const response = await call("/v1/organization", {
        method: "PATCH",
        headers: { ...owner.headers, "content-type": "application/json" },
        body: JSON.stringify({ settings: { protocol_checks: value } }),
      });
      const problem = await expectProblem(response, 400, "validation_failed");
      expect(problem.errors?.map((e) => e.path)).toContain("json.settings.protocol_checks");
    }
    await setProtocolChecks(owner, "block");
    const read = (await (await call("/v1/organization", { headers: owner.headers })).json()) as {
      settings: Record<string, unknown>;
    };
    expect(read.settings.protocol_checks).toBe("block");
    const audit = await auditRows(organization.id, organization.id);
    expect(audit.map((a) => a.changes)).toContainEqual({
      "settings.protocol_checks": { from: null, to: "block" },
    });
  });
});

describe("the order of precedence on delegates", () => {
  it("is set, changed and cleared through the API, 1 to 1000", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const created = await postJson(
      `/v1/events/${event.id}/delegates`,
      { title: "H.E.", first_name: "Samia", last_name: "Hassan", vip_tier: 1, precedence: 1 },
      { headers: owner.headers },
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; precedence: number | null };
    expect(body.precedence).toBe(1);
    const patch = (value: unknown) =>
      call(`/v1/events/${event.id}/delegates/${body.id}`, {
        method: "PATCH",
        headers: { ...owner.headers, "content-type": "application/json" },
        body: JSON.stringify({ precedence: value }),
      });
    expect(((await (await patch(7)).json()) as { precedence: number }).precedence).toBe(7);
    expect(((await (await patch(null)).json()) as { precedence: null }).precedence).toBeNull();
    for (const bad of [0, 1001, 1.5, "1"]) {
      const problem = await expectProblem(await patch(bad), 400, "validation_failed");
      expect(problem.errors?.map((e) => e.path)).toEqual(["json.precedence"]);
    }
    const plain = await postJson(
      `/v1/events/${event.id}/delegates`,
      { first_name: "Kwame", last_name: "Asante" },
      { headers: owner.headers },
    );
    expect(((await plain.json()) as { precedence: null }).precedence).toBeNull();
  });

  it("is a CSV import column; an empty cell is not ranked, a bad one rejects the row", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const csv = [
      "First Name,Last Name,Precedence,Email",
      "Samia,Hassan,1,samia@example.test",
      "Kwame,Asante,,kwame@example.test",
      "Lena,Fischer,first,lena@example.test",
    ].join("\n");
    const response = await call(`/v1/events/${event.id}/delegates/import`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "text/csv" },
      body: csv,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      created: number;
      rejected: Array<{ row: number; errors: Array<{ field: string }> }>;
    };
    expect(report.created).toBe(2);
    expect(report.rejected).toEqual([{ row: 4, errors: [expect.objectContaining({ field: "Precedence" })] }]);
    const list = (await (
      await call(`/v1/events/${event.id}/delegates?sort=first_name`, { headers: owner.headers })
    ).json()) as {
      data: Array<{ first_name: string; precedence: number | null }>;
    };
    expect(list.data.map((d) => [d.first_name, d.precedence])).toEqual([
      ["Kwame", null],
      ["Samia", 1],
    ]);
  });

  it("orders the VIPs the content names: out of order is protocol_precedence", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const first = await createDelegate(owner.organizationId, event.id, {
      title: "H.E.",
      firstName: "Samia",
      lastName: "Hassan",
      vipTier: 1,
      precedence: 1,
    });
    await createDelegate(owner.organizationId, event.id, {
      title: "Hon.",
      firstName: "Kwame",
      lastName: "Asante",
      vipTier: 2,
      precedence: 2,
    });
    const wrong = await createContent(owner.organizationId, {
      caption: "Hon. Kwame Asante welcomes H.E. Samia Hassan",
      eventId: event.id,
    });
    expect((await validate(owner, wrong.id)).protocol_findings).toEqual([
      expect.objectContaining({
        code: "protocol_precedence",
        delegate_id: first.id,
        expected: "H.E. Samia Hassan, Hon. Kwame Asante",
        actual: "Hon. Kwame Asante, H.E. Samia Hassan",
      }),
    ]);
    const right = await createContent(owner.organizationId, {
      caption: "H.E. Samia Hassan welcomes Hon. Kwame Asante",
      eventId: event.id,
    });
    expect((await validate(owner, right.id)).protocol_findings).toEqual([]);
  });
});
