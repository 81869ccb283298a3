import { describe, expect, it } from "vitest";
import { auditRows, SECRET_LOOKING } from "../support/audit.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser } from "../support/tenants.ts";

const unique = () => crypto.randomUUID().slice(0, 8);

function newUser(overrides: Record<string, unknown> = {}) {
  return {
    email: `new-${unique()}@example.test`,
    first_name: "Wanjiru",
    last_name: "Kamau",
    role: "editor",
    password: "a long and unusual passphrase",
    ...overrides,
  };
}

describe("POST /v1/users", () => {
  it("creates the user in one round trip and answers 201 with it, without secrets", async () => {
    const { admin } = await createTenant(["owner", "admin"]);
    const username = `wanjiru.${unique()}`;
    const body = newUser({ username, permissions: { grant: ["analytics:read"] } });
    const { response, roundTrips } = await measure("/v1/users", {
      method: "POST",
      headers: { ...admin.headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const text = await response.text();
    expect(text).not.toMatch(/password|pbkdf2|totp_secret/);
    const user = JSON.parse(text) as Record<string, unknown>;
    expect(user).toMatchObject({
      email: body.email,
      username,
      first_name: "Wanjiru",
      role: "editor",
      is_active: true,
      organization_id: admin.organizationId,
      permissions: { grant: ["analytics:read"], revoke: [] },
    });

    const fetched = await call(`/v1/users/${user.id}`, { headers: admin.headers });
    expect(fetched.status).toBe(200);
  });

  it("the new user can sign in with the password they were given", async () => {
    const { owner } = await createTenant();
    const body = newUser();
    expect((await postJson("/v1/users", body, { headers: owner.headers })).status).toBe(201);
    const login = await postJson(
      "/v1/auth/login",
      { email: body.email, password: body.password },
      { headers: { "cf-connecting-ip": "10.77.0.1" } },
    );
    expect(login.status).toBe(200);
  });

  it("leaves exactly one user.create audit row naming the actor, with no password in it", async () => {
    const { organization, owner } = await createTenant();
    const response = await postJson("/v1/users", newUser({ role: "manager" }), {
      headers: { ...owner.headers, "cf-connecting-ip": "203.0.113.7", "user-agent": "guddu-tests" },
    });
    const user = (await response.json()) as { id: string; email: string };
    const rows = await auditRows(organization.id, user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      userId: owner.id,
      actorType: "user",
      ipAddress: "203.0.113.7",
      userAgent: "guddu-tests",
    });
    // Personal fields are recorded as changed, never by value (an erasure could not remove them later).
    expect(rows[0]?.changes).toMatchObject({
      email: "[withheld]",
      first_name: "[withheld]",
      role: "manager",
    });
    expect(JSON.stringify(rows[0]?.changes)).not.toContain(user.email);
    expect(JSON.stringify(rows[0]?.changes)).not.toMatch(SECRET_LOOKING);
  });

  it("a taken email (any case) is 409 email_taken, a taken username 409 username_taken", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    await expectProblem(
      await postJson("/v1/users", newUser({ email: editor.email.toUpperCase() }), { headers: owner.headers }),
      409,
      "email_taken",
    );
    const username = `taken.${unique()}`;
    expect((await postJson("/v1/users", newUser({ username }), { headers: owner.headers })).status).toBe(201);
    await expectProblem(
      await postJson("/v1/users", newUser({ username: username.toUpperCase() }), { headers: owner.headers }),
      409,
      "username_taken",
    );
  });

  it("a failed create leaves no audit row", async () => {
    const { organization, owner, editor } = await createTenant(["owner", "editor"]);
    const before = await auditRows(organization.id);
    await expectProblem(
      await postJson("/v1/users", newUser({ email: editor.email }), { headers: owner.headers }),
      409,
      "email_taken",
    );
    expect(await auditRows(organization.id)).toHaveLength(before.length);
  });

  it("a weak password is 400 with the reasons on json.password", async () => {
    const { owner } = await createTenant();
    const problem = await expectProblem(
      await postJson("/v1/users", newUser({ password: "short" }), { headers: owner.headers }),
      400,
      "validation_failed",
    );
    expect(problem.errors?.[0]).toMatchObject({ path: "json.password", code: "weak_password" });
  });

  it("an unknown field, a missing role or an unknown permission is 400 validation_failed", async () => {
    const { owner } = await createTenant();
    for (const body of [
      newUser({ is_admin: true }),
      newUser({ role: undefined }),
      newUser({ permissions: { grant: ["everything:write"] } }),
    ]) {
      await expectProblem(
        await postJson("/v1/users", body, { headers: owner.headers }),
        400,
        "validation_failed",
      );
    }
  });

  it("an admin cannot create an owner: 403 role_not_assignable", async () => {
    const { admin } = await createTenant(["owner", "admin"]);
    await expectProblem(
      await postJson("/v1/users", newUser({ role: "owner" }), { headers: admin.headers }),
      403,
      "role_not_assignable",
    );
  });

  it("a manager with users:write cannot create an admin, nor grant a permission they lack", async () => {
    const { organization } = await createTenant();
    const manager = await createUser(organization.id, {
      role: "manager",
      permissions: { grant: ["users:write"] },
    });
    await expectProblem(
      await postJson("/v1/users", newUser({ role: "admin" }), { headers: manager.headers }),
      403,
      "role_not_assignable",
    );
    await expectProblem(
      await postJson("/v1/users", newUser({ role: "editor", permissions: { grant: ["audit:read"] } }), {
        headers: manager.headers,
      }),
      403,
      "permission_not_grantable",
    );
    expect(
      (
        await postJson("/v1/users", newUser({ role: "editor", permissions: { grant: ["events:write"] } }), {
          headers: manager.headers,
        })
      ).status,
    ).toBe(201);
  });

  it("an editor (no users:write) gets 403 missing_permission", async () => {
    const { editor } = await createTenant(["owner", "editor"]);
    await expectProblem(
      await postJson("/v1/users", newUser(), { headers: editor.headers }),
      403,
      "missing_permission",
    );
  });
});
