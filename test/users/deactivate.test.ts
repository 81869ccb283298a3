import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, TEST_PASSWORD } from "../support/tenants.ts";

const remove = (id: string, headers: Record<string, string>) =>
  call(`/v1/users/${id}`, { method: "DELETE", headers });
const patchUser = (id: string, body: unknown, headers: Record<string, string>) =>
  call(`/v1/users/${id}`, {
    method: "PATCH",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

let ip = 0;
const login = (email: string) =>
  postJson(
    "/v1/auth/login",
    { email, password: TEST_PASSWORD },
    { headers: { "cf-connecting-ip": `10.88.${ip++}.1` } },
  );

describe("DELETE /v1/users/{id}", () => {
  it("deactivates the user in two round trips: 204, is_active false, one user.deactivate audit row", async () => {
    const { organization, admin, editor } = await createTenant(["owner", "admin", "editor"]);
    const { response, roundTrips } = await measure(`/v1/users/${editor.id}`, {
      method: "DELETE",
      headers: admin.headers,
    });
    expect(response.status).toBe(204);
    expect(roundTrips).toBe(2);
    const user = await call(`/v1/users/${editor.id}`, { headers: admin.headers });
    expect(await user.json()).toMatchObject({ is_active: false });
    const rows = await auditRows(organization.id, editor.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "user.deactivate",
      userId: admin.id,
      changes: { is_active: { from: true, to: false } },
    });
  });

  it("a deactivated user cannot sign in (401 account_disabled) nor refresh a session they had (401)", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const signedIn = await login(editor.email);
    expect(signedIn.status).toBe(200);
    const { refresh_token } = (await signedIn.json()) as { refresh_token: string };

    expect((await remove(editor.id, owner.headers)).status).toBe(204);

    await expectProblem(await login(editor.email), 401, "account_disabled");
    await expectProblem(await postJson("/v1/auth/refresh", { refresh_token }), 401, "account_disabled");
  });

  it("a deactivated user's access token stops at once (401 account_disabled), not when it expires", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    expect((await call("/v1/events", { headers: editor.headers })).status).toBe(200);
    expect((await remove(editor.id, owner.headers)).status).toBe(204);
    await expectProblem(await call("/v1/events", { headers: editor.headers }), 401, "account_disabled");
    await expectProblem(await call("/v1/me", { headers: editor.headers }), 401, "account_disabled");
    // Others are untouched.
    expect((await call("/v1/events", { headers: owner.headers })).status).toBe(200);
  });

  it("a user's role change stops their access token (401 token_revoked); a refresh carries the new role", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const { refresh_token } = (await (await login(editor.email)).json()) as { refresh_token: string };
    const patch = (body: unknown) => patchUser(editor.id, body, owner.headers);
    // A change of name keeps the token.
    expect((await patch({ first_name: "Wanjiru" })).status).toBe(200);
    expect((await call("/v1/me", { headers: editor.headers })).status).toBe(200);

    expect((await patch({ role: "viewer" })).status).toBe(200);
    await expectProblem(await call("/v1/me", { headers: editor.headers }), 401, "token_revoked");
    const refreshed = await postJson("/v1/auth/refresh", { refresh_token });
    expect(refreshed.status).toBe(200);
    const { access_token } = (await refreshed.json()) as { access_token: string };
    const me = await call("/v1/me", { headers: { authorization: `Bearer ${access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { role: "viewer" } });
  });

  it("deactivating again is a 204 that writes nothing", async () => {
    const { organization, owner, editor } = await createTenant(["owner", "editor"]);
    expect((await remove(editor.id, owner.headers)).status).toBe(204);
    expect((await remove(editor.id, owner.headers)).status).toBe(204);
    expect(await auditRows(organization.id, editor.id)).toHaveLength(1);
  });

  it("PATCH is_active false also ends the user's sessions; is_active true lets them sign in again", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const { refresh_token } = (await (await login(editor.email)).json()) as { refresh_token: string };
    const patch = (body: unknown) => patchUser(editor.id, body, owner.headers);
    expect((await patch({ is_active: false })).status).toBe(200);
    expect((await postJson("/v1/auth/refresh", { refresh_token })).status).toBe(401);
    expect((await patch({ is_active: true })).status).toBe(200);
    expect((await login(editor.email)).status).toBe(200);
  });

  it("deactivating yourself is allowed", async () => {
    const { admin } = await createTenant(["owner", "admin"]);
    expect((await remove(admin.id, admin.headers)).status).toBe(204);
    await expectProblem(await login(admin.email), 401, "account_disabled");
  });

  it("the last active owner cannot deactivate themselves: 409 last_owner", async () => {
    const { organization, owner } = await createTenant();
    await expectProblem(await remove(owner.id, owner.headers), 409, "last_owner");
    expect(await auditRows(organization.id, owner.id)).toHaveLength(0);
    expect((await login(owner.email)).status).toBe(200);
  });

  it("one of two owners can deactivate themselves", async () => {
    const { organization, owner } = await createTenant();
    await createUser(organization.id, { role: "owner" });
    expect((await remove(owner.id, owner.headers)).status).toBe(204);
  });

  it("a user ranked above the actor cannot be deactivated: 403 user_outranks_you", async () => {
    const { owner, admin } = await createTenant(["owner", "admin"]);
    await expectProblem(await remove(owner.id, admin.headers), 403, "user_outranks_you");
  });

  it("another organisation's user is 404 user_not_found and stays active", async () => {
    const mine = await createTenant();
    const theirs = await createTenant(["owner", "editor"]);
    await expectProblem(await remove(theirs.editor.id, mine.owner.headers), 404, "user_not_found");
    expect((await login(theirs.editor.email)).status).toBe(200);
  });
});
