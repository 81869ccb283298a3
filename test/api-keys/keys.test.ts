import { describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/services/api-keys/secret.ts";
import { apiKeyRow, createApiKey } from "../support/api-keys.ts";
import { auditRows } from "../support/audit.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, type TestUser } from "../support/tenants.ts";

interface ApiKeyBody {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  event_id: string | null;
  status: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  key?: string | null;
}

const input = (overrides: Record<string, unknown> = {}) => ({
  name: "CRM sync",
  permissions: ["events:read", "content:read"],
  ...overrides,
});

const create = (user: TestUser, body: unknown, headers: Record<string, string> = {}) =>
  postJson("/v1/api-keys", body, { headers: { ...user.headers, ...headers } });

describe("creating an API key", () => {
  it("answers 201 with the key once, stores only its SHA-256, in one round trip with its audit row", async () => {
    const { owner } = await createTenant();
    const { response, roundTrips } = await measure("/v1/api-keys", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(input({ expires_at: "2099-01-01T00:00:00Z" })),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const created = (await response.json()) as ApiKeyBody;
    expect(response.headers.get("location")).toBe(`/v1/api-keys/${created.id}`);
    expect(created.key).toMatch(/^gk_live_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: "CRM sync",
      prefix: created.key!.slice(0, 16),
      permissions: ["events:read", "content:read"],
      event_id: null,
      status: "active",
      created_by: owner.id,
      expires_at: "2099-01-01T00:00:00.000Z",
      last_used_at: null,
      revoked_at: null,
    });

    const row = await apiKeyRow(owner.organizationId, created.id);
    expect(row.secretHash).toBe(await hashApiKey(created.key!));
    expect(JSON.stringify(row)).not.toContain(created.key!.slice(16));

    const read = await call(`/v1/api-keys/${created.id}`, { headers: owner.headers });
    expect(read.status).toBe(200);
    const body = (await read.json()) as ApiKeyBody;
    expect(body).not.toHaveProperty("key");
    expect(body.prefix).toBe(created.prefix);

    const [audit] = await auditRows(owner.organizationId, created.id);
    expect(audit).toMatchObject({ action: "api_key.create", actorType: "user", userId: owner.id });
    expect(audit?.changes).toEqual({
      name: "CRM sync",
      prefix: created.prefix,
      permissions: ["events:read", "content:read"],
      event_id: null,
      expires_at: "2099-01-01T00:00:00.000Z",
    });
    expect(JSON.stringify(audit)).not.toContain(created.key!.slice(16));
    expect(JSON.stringify(audit)).not.toContain(row.secretHash);
  });

  it("a replay with the same Idempotency-Key answers the key's record without the key, which is never stored", async () => {
    const { owner } = await createTenant();
    const headers = { "idempotency-key": `key-${crypto.randomUUID()}` };
    const first = (await (await create(owner, input(), headers)).json()) as ApiKeyBody;
    const again = await create(owner, input(), headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const replayed = (await again.json()) as ApiKeyBody;
    expect(replayed).toMatchObject({ id: first.id, prefix: first.prefix, key: null });
    const list = (await (await call("/v1/api-keys", { headers: owner.headers })).json()) as {
      data: ApiKeyBody[];
    };
    expect(list.data.map((k) => k.id)).toEqual([first.id]);
  });

  it("gives only permissions the creator holds: 403 permission_not_held names the others", async () => {
    const { organization } = await createTenant();
    const admin = await createUser(organization.id, {
      role: "admin",
      permissions: { revoke: ["publishing:write", "users:write"] },
    });
    const response = await create(
      admin,
      input({ permissions: ["events:read", "users:write", "publishing:write"] }),
    );
    const problem = await expectProblem(response, 403, "permission_not_held");
    expect((problem as unknown as { permissions: string[] }).permissions).toEqual([
      "users:write",
      "publishing:write",
    ]);
    const ok = await create(admin, input({ permissions: ["events:read", "events:write"] }));
    expect(ok.status).toBe(201);
  });

  it("is for owners and admins: a manager gets 403 missing_permission", async () => {
    const { manager } = await createTenant(["manager"]);
    await expectProblem(await create(manager, input()), 403, "missing_permission");
  });

  it("refuses what it cannot hold: no permissions, a repeated one, an unknown one, a past expiry, unknown fields", async () => {
    const { owner } = await createTenant();
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [input({ permissions: [] }), "json.permissions", "too_small"],
      [input({ permissions: ["events:read", "events:read"] }), "json.permissions.1", "custom"],
      [input({ permissions: ["events:delete"] }), "json.permissions.0", "invalid_value"],
      [input({ expires_at: "2020-01-01T00:00:00Z" }), "json.expires_at", "in_the_past"],
      [input({ organization_id: crypto.randomUUID() }), "json.organization_id", "unknown_field"],
      [input({ name: " " }), "json.name", "too_small"],
    ];
    for (const [body, path, code] of refusals) {
      const problem = await expectProblem(await create(owner, body), 400, "validation_failed");
      expect(problem.errors, JSON.stringify(body)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, code })]),
      );
    }
  });

  it("limits a key to a live event of the organisation: another organisation's event is 404 event_not_found", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const foreign = await createEvent(other.organization.id);
    await expectProblem(await create(owner, input({ event_id: foreign.id })), 404, "event_not_found");
    const deleted = await createEvent(owner.organizationId, { deleted: true });
    await expectProblem(await create(owner, input({ event_id: deleted.id })), 404, "event_not_found");
    const event = await createEvent(owner.organizationId);
    const response = await create(owner, input({ event_id: event.id }));
    expect(response.status).toBe(201);
    expect(((await response.json()) as ApiKeyBody).event_id).toBe(event.id);
  });
});

describe("listing and reading API keys", () => {
  it("lists newest first with status filters, one round trip; another organisation's key is 404", async () => {
    const { owner } = await createTenant();
    const active = await createApiKey(owner.organizationId, { name: "active" });
    const revoked = await createApiKey(owner.organizationId, { name: "revoked", revokedAt: new Date() });
    const expired = await createApiKey(owner.organizationId, {
      name: "expired",
      expiresAt: new Date(Date.now() - 1000),
    });
    const { response, roundTrips } = await measure("/v1/api-keys?limit=2", { headers: owner.headers });
    expect(roundTrips).toBe(1);
    const first = (await response.json()) as { data: ApiKeyBody[]; next_cursor: string | null };
    expect(first.data.map((k) => k.name)).toEqual(["expired", "revoked"]);
    const rest = (await (
      await call(`/v1/api-keys?limit=2&cursor=${first.next_cursor}`, { headers: owner.headers })
    ).json()) as { data: ApiKeyBody[]; next_cursor: string | null };
    expect(rest).toEqual({ data: [expect.objectContaining({ name: "active" })], next_cursor: null });
    for (const [status, id] of [
      ["active", active.id],
      ["revoked", revoked.id],
      ["expired", expired.id],
    ] as const) {
      const page = (await (
        await call(`/v1/api-keys?status=${status}`, { headers: owner.headers })
      ).json()) as {
        data: ApiKeyBody[];
      };
      expect(page.data.map((k) => [k.id, k.status])).toEqual([[id, status]]);
    }

    const read = await measure(`/v1/api-keys/${active.id}`, { headers: owner.headers });
    expect(read.roundTrips).toBe(1);
    expect(read.response.status).toBe(200);
    const other = await createTenant();
    const theirs = await createApiKey(other.organization.id);
    await expectProblem(
      await call(`/v1/api-keys/${theirs.id}`, { headers: owner.headers }),
      404,
      "api_key_not_found",
    );
  });

  it("is for owners and admins only: viewers and managers get 403", async () => {
    const { viewer, manager } = await createTenant(["viewer", "manager"]);
    for (const user of [viewer, manager]) {
      await expectProblem(await call("/v1/api-keys", { headers: user.headers }), 403, "missing_permission");
    }
  });
});

describe("revoking an API key", () => {
  it("revokes in one round trip with its audit row; again is 409 api_key_revoked; unknown is 404", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId);
    const { response, roundTrips } = await measure(`/v1/api-keys/${key.id}/revoke`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const body = (await response.json()) as ApiKeyBody;
    expect(body.status).toBe("revoked");
    expect(body.revoked_at).toEqual(expect.any(String));
    const audit = await auditRows(owner.organizationId, key.id);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([["api_key.revoke", owner.id]]);

    const again = await call(`/v1/api-keys/${key.id}/revoke`, { method: "POST", headers: owner.headers });
    await expectProblem(again, 409, "api_key_revoked");
    expect(await auditRows(owner.organizationId, key.id)).toHaveLength(1);
    const unknown = await call(`/v1/api-keys/${crypto.randomUUID()}/revoke`, {
      method: "POST",
      headers: owner.headers,
    });
    await expectProblem(unknown, 404, "api_key_not_found");
  });

  it("a key cannot create or revoke keys, whatever its permissions: 403 api_key_not_allowed", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId);
    await expectProblem(
      await postJson("/v1/api-keys", input(), { headers: key.headers }),
      403,
      "api_key_not_allowed",
    );
    const revoke = await call(`/v1/api-keys/${key.id}/revoke`, { method: "POST", headers: key.headers });
    await expectProblem(revoke, 403, "api_key_not_allowed");
    const list = await call("/v1/api-keys", { headers: key.headers });
    expect(list.status).toBe(200);
  });
});
