import { describe, expect, it } from "vitest";
import { auditRows, SECRET_LOOKING } from "../support/audit.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser } from "../support/tenants.ts";

const patch = (path: string, body: unknown, headers: Record<string, string>) =>
  call(path, {
    method: "PATCH",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("PATCH /v1/users/{id}", () => {
  it("changes the user in two round trips and audits exactly the changed fields", async () => {
    const { organization, admin, editor } = await createTenant(["owner", "admin", "editor"]);
    const { response, roundTrips } = await measure(`/v1/users/${editor.id}`, {
      method: "PATCH",
      headers: { ...admin.headers, "content-type": "application/json" },
      body: JSON.stringify({
        first_name: "Achieng",
        last_name: "editor",
        role: "manager",
        permissions: { grant: ["audit:read"] },
      }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    expect(await response.json()).toMatchObject({
      id: editor.id,
      first_name: "Achieng",
      role: "manager",
      permissions: { grant: ["audit:read"], revoke: [] },
    });

    const rows = await auditRows(organization.id, editor.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "user.update", userId: admin.id, entityType: "user" });
    expect(rows[0]?.changes).toEqual({
      first_name: "[withheld]",
      role: { from: "editor", to: "manager" },
      permissions: { from: { grant: [], revoke: [] }, to: { grant: ["audit:read"], revoke: [] } },
    });
    expect(JSON.stringify(rows[0]?.changes)).not.toMatch(SECRET_LOOKING);
  });

  it("a change that changes nothing writes nothing and leaves no audit row", async () => {
    const { organization, owner, editor } = await createTenant(["owner", "editor"]);
    const response = await patch(
      `/v1/users/${editor.id}`,
      { role: "editor", first_name: "Test" },
      owner.headers,
    );
    expect(response.status).toBe(200);
    expect(await auditRows(organization.id, editor.id)).toHaveLength(0);
  });

  it("clears a username with null; a taken one is 409 username_taken", async () => {
    const { owner, editor, viewer } = await createTenant(["owner", "editor", "viewer"]);
    const name = `user.${crypto.randomUUID().slice(0, 8)}`;
    expect((await patch(`/v1/users/${editor.id}`, { username: name }, owner.headers)).status).toBe(200);
    await expectProblem(
      await patch(`/v1/users/${viewer.id}`, { username: name.toUpperCase() }, owner.headers),
      409,
      "username_taken",
    );
    const cleared = await patch(`/v1/users/${editor.id}`, { username: null }, owner.headers);
    expect(await cleared.json()).toMatchObject({ username: null });
  });

  it("an unknown field is 400 validation_failed (the email and password are not changed here)", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    for (const body of [
      { email: "x@example.test" },
      { password: "a brand new passphrase" },
      { role: "king" },
    ]) {
      await expectProblem(
        await patch(`/v1/users/${editor.id}`, body, owner.headers),
        400,
        "validation_failed",
      );
    }
  });

  it("nobody raises their own role: 403 cannot_raise_own_role", async () => {
    const { organization } = await createTenant();
    const manager = await createUser(organization.id, {
      role: "manager",
      permissions: { grant: ["users:write"] },
    });
    await expectProblem(
      await patch(`/v1/users/${manager.id}`, { role: "admin" }, manager.headers),
      403,
      "cannot_raise_own_role",
    );
    const { admin } = await createTenant(["owner", "admin"]);
    await expectProblem(
      await patch(`/v1/users/${admin.id}`, { role: "owner" }, admin.headers),
      403,
      "cannot_raise_own_role",
    );
  });

  it("only roles at or below one's own can be assigned, so only owners make owners: 403 role_not_assignable", async () => {
    const { owner, admin, editor } = await createTenant(["owner", "admin", "editor"]);
    await expectProblem(
      await patch(`/v1/users/${editor.id}`, { role: "owner" }, admin.headers),
      403,
      "role_not_assignable",
    );
    expect((await patch(`/v1/users/${editor.id}`, { role: "admin" }, admin.headers)).status).toBe(200);
    expect((await patch(`/v1/users/${editor.id}`, { role: "owner" }, owner.headers)).status).toBe(200);
  });

  it("a user ranked above the actor cannot be changed: 403 user_outranks_you", async () => {
    const { owner, admin } = await createTenant(["owner", "admin"]);
    await expectProblem(
      await patch(`/v1/users/${owner.id}`, { first_name: "Nope" }, admin.headers),
      403,
      "user_outranks_you",
    );
    await expectProblem(
      await patch(`/v1/users/${owner.id}`, { role: "viewer" }, admin.headers),
      403,
      "user_outranks_you",
    );
  });

  it("only permissions the actor holds can be granted, also by lifting a revoke: 403 permission_not_grantable", async () => {
    const { organization } = await createTenant();
    const manager = await createUser(organization.id, {
      role: "manager",
      permissions: { grant: ["users:write"] },
    });
    const editor = await createUser(organization.id, { role: "editor" });
    await expectProblem(
      await patch(`/v1/users/${editor.id}`, { permissions: { grant: ["audit:read"] } }, manager.headers),
      403,
      "permission_not_grantable",
    );
    expect(
      (await patch(`/v1/users/${editor.id}`, { permissions: { grant: ["events:write"] } }, manager.headers))
        .status,
    ).toBe(200);

    const limitedAdmin = await createUser(organization.id, {
      role: "admin",
      permissions: { revoke: ["audit:read"] },
    });
    const revoked = await createUser(organization.id, {
      role: "admin",
      permissions: { revoke: ["audit:read"] },
    });
    await expectProblem(
      await patch(`/v1/users/${revoked.id}`, { permissions: {} }, limitedAdmin.headers),
      403,
      "permission_not_grantable",
    );
  });

  it("demoting the last active owner is 409 last_owner and leaves no audit row", async () => {
    const { organization, owner } = await createTenant();
    await createUser(organization.id, { role: "owner", isActive: false });
    await expectProblem(
      await patch(`/v1/users/${owner.id}`, { role: "admin" }, owner.headers),
      409,
      "last_owner",
    );
    await expectProblem(
      await patch(`/v1/users/${owner.id}`, { is_active: false }, owner.headers),
      409,
      "last_owner",
    );
    expect(await auditRows(organization.id, owner.id)).toHaveLength(0);
    const still = await call(`/v1/users/${owner.id}`, { headers: owner.headers });
    expect(await still.json()).toMatchObject({ role: "owner", is_active: true });
  });

  it("with a second active owner, an owner may step down", async () => {
    const { organization, owner } = await createTenant();
    await createUser(organization.id, { role: "owner" });
    const response = await patch(`/v1/users/${owner.id}`, { role: "admin" }, owner.headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: "admin" });
  });

  it("another organisation's user is 404 user_not_found and stays untouched", async () => {
    const mine = await createTenant();
    const theirs = await createTenant(["owner", "editor"]);
    await expectProblem(
      await patch(`/v1/users/${theirs.editor.id}`, { role: "viewer" }, mine.owner.headers),
      404,
      "user_not_found",
    );
    const untouched = await call(`/v1/users/${theirs.editor.id}`, { headers: theirs.owner.headers });
    expect(await untouched.json()).toMatchObject({ role: "editor" });
    expect(await auditRows(theirs.organization.id, theirs.editor.id)).toHaveLength(0);
  });

  it("a viewer (no users:write) gets 403 missing_permission", async () => {
    const { viewer, editor } = await createTenant(["owner", "viewer", "editor"]);
    await expectProblem(
      await patch(`/v1/users/${editor.id}`, { first_name: "X" }, viewer.headers),
      403,
      "missing_permission",
    );
  });
});
