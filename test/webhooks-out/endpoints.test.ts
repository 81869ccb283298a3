/**
 * An organisation's webhook endpoints: owners and admins create them (the secret is answered once and
 * sealed at rest), list, read, change, delete and rotate them; every write is audited; URLs must be
 * public https addresses; another organisation's endpoint is not there.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookEndpoints } from "../../src/db/schema/webhook-endpoints.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { MAX_ENDPOINTS, ROTATION_GRACE_SECONDS } from "../../src/services/webhooks/endpoints.ts";
import { webhookUrlProblem } from "../../src/services/webhooks/target-url.ts";
import { auditRows } from "../support/audit.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, testDb } from "../support/tenants.ts";
import { createEndpointAs, createWebhookEndpointRow, newReceiver } from "../support/webhooks.ts";

const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;
const patch = (headers: Record<string, string>, id: string, body: unknown) =>
  call(`/v1/webhook-endpoints/${id}`, {
    method: "PATCH",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function storedRow(organizationId: string, id: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)),
  }));
  return rows[0];
}

describe("webhook endpoints", () => {
  it("an owner creates one and gets its secret once: sealed at rest, never read back, not in the audit trail", async () => {
    const { owner } = await createTenant();
    const { url } = newReceiver();
    const created = await createEndpointAs(owner, {
      url,
      events: ["post.published", "post.failed"],
      description: "Our CRM",
    });
    expect(created).toMatchObject({
      url,
      events: ["post.published", "post.failed"],
      description: "Our CRM",
      enabled: true,
      disabled_reason: null,
      previous_secret_expires_at: null,
    });
    expect(created.secret).toMatch(SECRET);

    const read = await call(`/v1/webhook-endpoints/${created.id}`, { headers: owner.headers });
    expect(read.status).toBe(200);
    const body = (await read.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("secret");
    expect(JSON.stringify(body)).not.toContain(created.secret);
    const list = await call("/v1/webhook-endpoints", { headers: owner.headers });
    const page = (await list.json()) as { data: Array<{ id: string }>; next_cursor: string | null };
    expect(page.data.map((e) => e.id)).toEqual([created.id]);
    expect(JSON.stringify(page)).not.toContain(created.secret);

    const stored = await storedRow(owner.organizationId, created.id);
    expect(stored?.secret).not.toContain(created.secret.slice(6));
    const audit = await auditRows(owner.organizationId, created.id);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([["webhook_endpoint.create", owner.id]]);
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
  });

  it("create, list and read cost one round trip each", async () => {
    const { owner } = await createTenant();
    const created = await measure("/v1/webhook-endpoints", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ url: newReceiver().url, events: ["mention.received"] }),
    });
    expect(created.response.status).toBe(201);
    expect(created.roundTrips).toBe(1);
    const { id } = (await created.response.json()) as { id: string };
    expect((await measure("/v1/webhook-endpoints", { headers: owner.headers })).roundTrips).toBe(1);
    expect((await measure(`/v1/webhook-endpoints/${id}`, { headers: owner.headers })).roundTrips).toBe(1);
  });

  it("refuses addresses that are not public https: 400 webhook_url_not_allowed", async () => {
    const { owner } = await createTenant();
    for (const url of [
      "http://hooks.example.com/guddu",
      "https://10.0.0.1/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://metadata.google.internal/computeMetadata",
      "https://printer.local/hook",
      "https://intranet/hook",
      "https://10.1.2.3.nip.io/hook",
      "https://hooks-127-0-0-1.sslip.io/hook",
      "https://user:pass@hooks.example.com/hook",
    ]) {
      const response = await postJson(
        "/v1/webhook-endpoints",
        { url, events: ["post.published"] },
        { headers: owner.headers },
      );
      await expectProblem(response, 400, "webhook_url_not_allowed");
    }
    const list = await call("/v1/webhook-endpoints", { headers: owner.headers });
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("in production loopback is refused too; public names with any port and path are fine", () => {
    const production = { allowLoopback: false };
    expect(webhookUrlProblem("https://hooks.example.com:8443/a/b?c=d", production)).toBeNull();
    expect(webhookUrlProblem("https://api.crm.io/webhooks/guddu", production)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook", production)).toMatch(/https/);
    expect(webhookUrlProblem("https://localhost/hook", production)).toMatch(/not a public host name/);
    expect(webhookUrlProblem("https://192-168-0-10.example.com/", production)).toMatch(/private address/);
    expect(webhookUrlProblem("https://10.0.0.1.nip.io/", production)).toMatch(/private address/);
    expect(webhookUrlProblem("https://8.8.8.8.nip.io/", production)).toBeNull();
    expect(webhookUrlProblem(`https://hooks.example.com/${"a".repeat(2100)}`, production)).toMatch(/longer/);
    // The local stack (development, test) may use loopback, as the tests' receivers do.
    expect(webhookUrlProblem("http://127.0.0.1:4455/_receiver/hooks/x", { allowLoopback: true })).toBeNull();
  });

  it("validates the body: event types known and listed once, at least one, no unknown fields", async () => {
    const { owner } = await createTenant();
    const { url } = newReceiver();
    const cases: Array<[unknown, string]> = [
      [{ url, events: [] }, "json.events"],
      [{ url, events: ["post.exploded"] }, "json.events.0"],
      [{ url, events: ["post.failed", "post.failed"] }, "json.events.1"],
      [{ url, events: ["post.failed"], organization_id: owner.organizationId }, "json.organization_id"],
      [{ url: "not a url", events: ["post.failed"] }, "json.url"],
      [{ events: ["post.failed"] }, "json.url"],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(
        await postJson("/v1/webhook-endpoints", body, { headers: owner.headers }),
        400,
        "validation_failed",
      );
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
  });

  it("only owners and admins see or change endpoints", async () => {
    const { owner, admin, manager, editor, viewer } = await createTenant([
      "owner",
      "admin",
      "manager",
      "editor",
      "viewer",
    ]);
    const endpoint = await createEndpointAs(owner, { url: newReceiver().url, events: ["post.failed"] });
    expect((await call(`/v1/webhook-endpoints/${endpoint.id}`, { headers: admin.headers })).status).toBe(200);
    for (const user of [manager, editor, viewer]) {
      await expectProblem(
        await call(`/v1/webhook-endpoints/${endpoint.id}`, { headers: user.headers }),
        403,
        "missing_permission",
      );
      await expectProblem(
        await postJson(
          "/v1/webhook-endpoints",
          { url: newReceiver().url, events: ["post.failed"] },
          {
            headers: user.headers,
          },
        ),
        403,
        "missing_permission",
      );
    }
  });

  it("changes its URL, events and description, disables and enables it, each audited with what changed", async () => {
    const { owner, admin } = await createTenant(["owner", "admin"]);
    const endpoint = await createEndpointAs(owner, { url: newReceiver().url, events: ["post.failed"] });
    const other = newReceiver().url;
    const changed = await patch(admin.headers, endpoint.id, {
      url: other,
      events: ["post.failed", "mention.received"],
      description: null,
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ url: other, events: ["post.failed", "mention.received"] });
    const disabled = await patch(admin.headers, endpoint.id, { enabled: false });
    expect(await disabled.json()).toMatchObject({ enabled: false, disabled_at: expect.any(String) });
    const enabled = await patch(admin.headers, endpoint.id, { enabled: true });
    expect(await enabled.json()).toMatchObject({ enabled: true, disabled_at: null, disabled_reason: null });
    await expectProblem(
      await patch(admin.headers, endpoint.id, { url: "https://192.168.1.20/hook" }),
      400,
      "webhook_url_not_allowed",
    );
    await expectProblem(await patch(admin.headers, endpoint.id, {}), 400, "validation_failed");

    const audit = await auditRows(owner.organizationId, endpoint.id);
    expect(audit.map((a) => a.action)).toEqual([
      "webhook_endpoint.create",
      "webhook_endpoint.update",
      "webhook_endpoint.update",
      "webhook_endpoint.update",
    ]);
    expect(audit[1]?.changes).toMatchObject({
      url: { from: endpoint.url, to: other },
      eventTypes: { from: ["post.failed"], to: ["post.failed", "mention.received"] },
    });
    expect(audit[2]?.changes).toMatchObject({ enabled: { from: true, to: false } });
  });

  it("deletes one (204, audited); then it is gone", async () => {
    const { owner } = await createTenant();
    const endpoint = await createEndpointAs(owner, { url: newReceiver().url, events: ["post.failed"] });
    const deleted = await call(`/v1/webhook-endpoints/${endpoint.id}`, {
      method: "DELETE",
      headers: owner.headers,
    });
    expect(deleted.status).toBe(204);
    await expectProblem(
      await call(`/v1/webhook-endpoints/${endpoint.id}`, { headers: owner.headers }),
      404,
      "webhook_endpoint_not_found",
    );
    await expectProblem(
      await call(`/v1/webhook-endpoints/${endpoint.id}`, { method: "DELETE", headers: owner.headers }),
      404,
      "webhook_endpoint_not_found",
    );
    const audit = await auditRows(owner.organizationId, endpoint.id);
    expect(audit.map((a) => a.action)).toEqual(["webhook_endpoint.create", "webhook_endpoint.delete"]);
  });

  it("rotating the secret answers a new one and keeps the previous valid for a day", async () => {
    const { owner } = await createTenant();
    const endpoint = await createEndpointAs(owner, { url: newReceiver().url, events: ["post.failed"] });
    const before = Date.now();
    const response = await call(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as { secret: string; previous_secret_expires_at: string };
    expect(rotated.secret).toMatch(SECRET);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const until = Date.parse(rotated.previous_secret_expires_at);
    expect(until).toBeGreaterThanOrEqual(before + ROTATION_GRACE_SECONDS * 1000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + ROTATION_GRACE_SECONDS * 1000 + 1000);
    const audit = await auditRows(owner.organizationId, endpoint.id);
    expect(audit.map((a) => a.action)).toContain("webhook_endpoint.rotate_secret");
    expect(JSON.stringify(audit)).not.toContain(rotated.secret.slice(6));
  });

  it(`an organisation has at most ${MAX_ENDPOINTS} endpoints (409 webhook_endpoint_limit)`, async () => {
    const { owner } = await createTenant();
    await Promise.all(
      Array.from({ length: MAX_ENDPOINTS }, () => createWebhookEndpointRow(owner.organizationId)),
    );
    await expectProblem(
      await postJson(
        "/v1/webhook-endpoints",
        { url: newReceiver().url, events: ["post.failed"] },
        {
          headers: owner.headers,
        },
      ),
      409,
      "webhook_endpoint_limit",
    );
  });

  it("another organisation's endpoint answers 404 to every operation", async () => {
    const { owner } = await createTenant();
    const stranger = await createTenant();
    const theirs = await createEndpointAs(stranger.owner, {
      url: newReceiver().url,
      events: ["post.failed"],
    });
    const base = `/v1/webhook-endpoints/${theirs.id}`;
    const attempts: Array<[string, RequestInit]> = [
      [base, {}],
      [base, { method: "PATCH", body: JSON.stringify({ enabled: false }) }],
      [base, { method: "DELETE" }],
      [`${base}/rotate-secret`, { method: "POST" }],
      [`${base}/test`, { method: "POST" }],
      [`${base}/deliveries`, {}],
    ];
    for (const [path, init] of attempts) {
      const response = await call(path, {
        ...init,
        headers: { ...owner.headers, "content-type": "application/json" },
      });
      await expectProblem(response, 404, "webhook_endpoint_not_found");
    }
    const still = await call(base, { headers: stranger.owner.headers });
    expect(await still.json()).toMatchObject({ enabled: true });
  });
});
