import { describe, expect, it } from "vitest";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

interface AuditItem {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_id: string | null;
  actor_type: string;
  changes: Record<string, unknown>;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
}
interface Page {
  data: AuditItem[];
  next_cursor: string | null;
}

const json = (headers: Record<string, string>) => ({
  ...headers,
  "content-type": "application/json",
  "cf-connecting-ip": "198.51.100.4",
  "user-agent": "audit-test",
});

/** An organisation with four audited writes by two actors. */
async function withHistory() {
  const tenant = await createTenant(["owner", "admin", "editor"]);
  const { owner, admin, editor } = tenant;
  const created = await postJson(
    "/v1/users",
    {
      email: `hist-${crypto.randomUUID().slice(0, 8)}@example.test`,
      first_name: "Hist",
      last_name: "Ory",
      role: "viewer",
      password: "a long and unusual passphrase",
    },
    { headers: json(owner.headers) },
  );
  const newcomer = (await created.json()) as { id: string };
  const steps = [
    () =>
      call(`/v1/users/${editor.id}`, {
        method: "PATCH",
        headers: json(admin.headers),
        body: JSON.stringify({ role: "manager" }),
      }),
    () =>
      call("/v1/organization", {
        method: "PATCH",
        headers: json(owner.headers),
        body: JSON.stringify({ description: "Now described" }),
      }),
    () => call(`/v1/users/${newcomer.id}`, { method: "DELETE", headers: json(admin.headers) }),
  ];
  // One after another, so the trail has a known order.
  for (const step of steps) expect((await step()).status).toBeLessThan(300);
  return { ...tenant, newcomer };
}

async function page(query: string, headers: Record<string, string>): Promise<Page> {
  const response = await call(`/v1/audit-logs${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

describe("GET /v1/audit-logs", () => {
  it("lists the organisation's audit trail newest first, in one round trip", async () => {
    const { organization, owner, admin, editor, newcomer } = await withHistory();
    const { response, roundTrips } = await measure("/v1/audit-logs", { headers: admin.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const { data, next_cursor } = (await response.json()) as Page;
    expect(next_cursor).toBeNull();
    expect(data.map((r) => r.action)).toEqual([
      "user.deactivate",
      "organization.update",
      "user.update",
      "user.create",
    ]);
    expect(data[2]).toEqual({
      id: expect.any(String),
      action: "user.update",
      entity_type: "user",
      entity_id: editor.id,
      actor_id: admin.id,
      actor_type: "user",
      changes: { role: { from: "editor", to: "manager" } },
      ip_address: "198.51.100.4",
      user_agent: "audit-test",
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
    expect(data[3]).toMatchObject({ entity_id: newcomer.id, actor_id: owner.id });
    expect(data[1]).toMatchObject({ entity_type: "organization", entity_id: organization.id });
    expect(JSON.stringify(data)).not.toMatch(/passphrase|pbkdf2/);
  });

  it("filters by entity, by actor and by action, exact or by prefix", async () => {
    const { admin, owner, newcomer } = await withHistory();
    const actions = async (query: string) => (await page(query, owner.headers)).data.map((r) => r.action);

    expect(await actions("?entity_type=organization")).toEqual(["organization.update"]);
    expect(await actions(`?entity_type=user&entity_id=${newcomer.id}`)).toEqual([
      "user.deactivate",
      "user.create",
    ]);
    expect(await actions(`?entity_id=${crypto.randomUUID()}`)).toEqual([]);
    expect(await actions(`?actor_id=${admin.id}`)).toEqual(["user.deactivate", "user.update"]);
    expect(await actions(`?actor_id=${owner.id}`)).toEqual(["organization.update", "user.create"]);
    expect(await actions("?action=user.update")).toEqual(["user.update"]);
    expect(await actions("?action=user.*")).toEqual(["user.deactivate", "user.update", "user.create"]);
    expect(await actions("?action=org*")).toEqual(["organization.update"]);
    expect(await actions("?action=user")).toEqual([]);
    expect(await actions(`?action=user.*&actor_id=${admin.id}&entity_type=user`)).toEqual([
      "user.deactivate",
      "user.update",
    ]);
  });

  it("filters by a time range, both ends inclusive", async () => {
    const { owner } = await withHistory();
    const all = (await page("", owner.headers)).data;
    const from = all[2]!.created_at;
    const to = all[1]!.created_at;
    const inRange = all.filter((r) => r.created_at >= from && r.created_at <= to).map((r) => r.id);
    expect(inRange).toEqual(expect.arrayContaining([all[1]!.id, all[2]!.id]));

    const ranged = await page(`?from=${from}&to=${to}`, owner.headers);
    expect(ranged.data.map((r) => r.id)).toEqual(inRange);
    const since = await page(`?from=${all[1]!.created_at}`, owner.headers);
    expect(since.data.map((r) => r.id)).toEqual(
      all.filter((r) => r.created_at >= all[1]!.created_at).map((r) => r.id),
    );
    const until = await page(`?to=${all[3]!.created_at}`, owner.headers);
    expect(until.data.map((r) => r.id)).toEqual(
      all.filter((r) => r.created_at <= all[3]!.created_at).map((r) => r.id),
    );
    expect((await page("?to=2000-01-01T00:00:00Z", owner.headers)).data).toEqual([]);
    expect((await page("?from=2999-01-01T00:00:00%2B03:00", owner.headers)).data).toEqual([]);
  });

  it("pages through the trail with the cursor, in the same order", async () => {
    const { owner } = await withHistory();
    const all = (await page("", owner.headers)).data.map((r) => r.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const next: Page = await page(`?limit=1${cursor ? `&cursor=${cursor}` : ""}`, owner.headers);
      walked.push(...next.data.map((r) => r.id));
      cursor = next.next_cursor;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it("never shows another organisation's entries", async () => {
    const mine = await createTenant();
    const theirs = await withHistory();
    expect((await page(`?actor_id=${theirs.admin.id}`, mine.owner.headers)).data).toEqual([]);
    expect((await page("", mine.owner.headers)).data).toEqual([]);
  });

  it("from after to is 400 validation_failed on query.to; a bad action or date too", async () => {
    const { owner } = await createTenant();
    const problem = await expectProblem(
      await call("/v1/audit-logs?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", {
        headers: owner.headers,
      }),
      400,
      "validation_failed",
    );
    expect(problem.errors?.map((e) => e.path)).toContain("query.to");
    for (const query of [
      "?action=USER.*",
      "?action=user.*.x",
      "?from=yesterday",
      "?actor_id=me",
      "?limit=500",
    ]) {
      await expectProblem(
        await call(`/v1/audit-logs${query}`, { headers: owner.headers }),
        400,
        "validation_failed",
      );
    }
    await expectProblem(
      await call("/v1/audit-logs?cursor=bm9wZQ", { headers: owner.headers }),
      400,
      "invalid_cursor",
    );
  });

  it("is for owners and admins: an editor or a manager gets 403 missing_permission", async () => {
    const { editor, manager } = await createTenant(["owner", "editor", "manager"]);
    await expectProblem(await call("/v1/audit-logs", { headers: editor.headers }), 403, "missing_permission");
    await expectProblem(
      await call("/v1/audit-logs", { headers: manager.headers }),
      403,
      "missing_permission",
    );
  });
});
