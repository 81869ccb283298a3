import { describe, expect, it } from "vitest";
import { apiKeyRow, createApiKey } from "../support/api-keys.ts";
import { auditRows } from "../support/audit.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

const eventInput = () => ({
  name: "Africa Energy Summit",
  slug: `aes-${crypto.randomUUID().slice(0, 8)}`,
  start_date: "2027-03-10T08:00:00+03:00",
  end_date: "2027-03-11T18:00:00+03:00",
  timezone: "Africa/Nairobi",
});

describe("calling the API with a key", () => {
  it("a key works where its permissions allow, in one more round trip than a token, and is 403 elsewhere", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const key = await createApiKey(owner.organizationId, { permissions: ["events:read"] });

    const viaToken = await measure(`/v1/events/${event.id}`, { headers: owner.headers });
    const viaKey = await measure(`/v1/events/${event.id}`, { headers: key.headers });
    expect(viaKey.response.status).toBe(200);
    expect(await viaKey.response.json()).toMatchObject({ id: event.id });
    // The key's check is one statement of its own (services/api-keys/authenticate.ts explains why).
    expect(viaToken.roundTrips).toBe(1);
    expect(viaKey.roundTrips).toBe(2);

    const write = await postJson("/v1/events", eventInput(), { headers: key.headers });
    const problem = await expectProblem(write, 403, "missing_permission");
    expect(problem.detail).toContain("events:write");
  });

  it("is accepted as `Authorization: Bearer gk_live_…` only; a made-up or malformed key is 401 invalid_api_key", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId);
    const lowercase = await call("/v1/events", { headers: { authorization: `bearer ${key.key}` } });
    expect(lowercase.status).toBe(200);
    await lowercase.body?.cancel();
    const altered = `${key.key.slice(0, -1)}${key.key.endsWith("A") ? "B" : "A"}`;
    for (const bad of [altered, "gk_live_", `${key.key}x`, "gk_test_abc"]) {
      const response = await call("/v1/events", { headers: { authorization: `Bearer ${bad}` } });
      const problem = await expectProblem(response, 401, "invalid_api_key");
      expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      expect(JSON.stringify(problem)).not.toContain(bad);
    }
  });

  it("revocation takes effect on the very next request", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId);
    expect((await call("/v1/events", { headers: key.headers })).status).toBe(200);
    const revoked = await call(`/v1/api-keys/${key.id}/revoke`, { method: "POST", headers: owner.headers });
    expect(revoked.status).toBe(200);
    await expectProblem(await call("/v1/events", { headers: key.headers }), 401, "api_key_revoked");
  });

  it("an expired key is 401 api_key_expired", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId, { expiresAt: new Date(Date.now() - 1000) });
    await expectProblem(await call("/v1/events", { headers: key.headers }), 401, "api_key_expired");
    expect((await apiKeyRow(owner.organizationId, key.id)).lastUsedAt).toBeNull();
  });

  it("last_used_at moves with each request", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId);
    expect((await apiKeyRow(owner.organizationId, key.id)).lastUsedAt).toBeNull();
    await (await call("/v1/events", { headers: key.headers })).arrayBuffer();
    const first = (await apiKeyRow(owner.organizationId, key.id)).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await (await call("/v1/events", { headers: key.headers })).arrayBuffer();
    const second = (await apiKeyRow(owner.organizationId, key.id)).lastUsedAt;
    expect(second!.getTime()).toBeGreaterThan(first!.getTime());
    const read = (await (await call(`/v1/api-keys/${key.id}`, { headers: owner.headers })).json()) as {
      last_used_at: string;
    };
    expect(Date.parse(read.last_used_at)).toBe(second!.getTime());
  });

  it("a key acts only in its own organisation", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createEvent(other.organization.id);
    const key = await createApiKey(owner.organizationId);
    await expectProblem(
      await call(`/v1/events/${theirs.id}`, { headers: key.headers }),
      404,
      "event_not_found",
    );
    const list = (await (await call("/v1/events", { headers: key.headers })).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });
});

describe("the audit trail of a key", () => {
  it("names the key as the actor, never its creator, and holds no secret", async () => {
    const { owner } = await createTenant();
    const key = await createApiKey(owner.organizationId, { permissions: ["events:write", "audit:read"] });
    const created = await postJson("/v1/events", eventInput(), {
      headers: { ...key.headers, "cf-connecting-ip": "198.51.100.7", "user-agent": "crm-sync/1.0" },
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as { id: string };

    const [row] = await auditRows(owner.organizationId, event.id);
    expect(row).toMatchObject({
      action: "event.create",
      actorType: "api_key",
      apiKeyId: key.id,
      userId: null,
      ipAddress: "198.51.100.7",
      userAgent: "crm-sync/1.0",
    });
    const stored = await apiKeyRow(owner.organizationId, key.id);
    expect(JSON.stringify(row)).not.toContain(key.key.slice(8));
    expect(JSON.stringify(row)).not.toContain(stored.secretHash);

    const page = (await (
      await call(`/v1/audit-logs?actor_id=${key.id}`, { headers: key.headers })
    ).json()) as {
      data: Array<{ action: string; actor_type: string; actor_id: string; entity_id: string }>;
    };
    expect(page.data).toEqual([
      expect.objectContaining({
        action: "event.create",
        actor_type: "api_key",
        actor_id: key.id,
        entity_id: event.id,
      }),
    ]);
  });
});
