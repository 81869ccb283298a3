import { describe, expect, it } from "vitest";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

describe("GET /v1/users/{id}", () => {
  it("answers the user in one round trip", async () => {
    const { viewer, editor } = await createTenant(["owner", "viewer", "editor"]);
    const { response, roundTrips } = await measure(`/v1/users/${editor.id}`, { headers: viewer.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const user = await response.json();
    expect(user).toMatchObject({
      id: editor.id,
      email: editor.email,
      role: "editor",
      is_active: true,
      mfa_enabled: false,
    });
    expect(JSON.stringify(user)).not.toMatch(/password|pbkdf2|totp_secret/);
  });

  it("another organisation's user is 404 user_not_found, exactly like a missing one", async () => {
    const mine = await createTenant();
    const theirs = await createTenant(["owner", "editor"]);
    const foreign = await expectProblem(
      await call(`/v1/users/${theirs.editor.id}`, { headers: mine.owner.headers }),
      404,
      "user_not_found",
    );
    const missing = await expectProblem(
      await call(`/v1/users/${crypto.randomUUID()}`, { headers: mine.owner.headers }),
      404,
      "user_not_found",
    );
    expect(foreign.detail).toBe(missing.detail);
  });

  it("a malformed id is 400 validation_failed", async () => {
    const { owner } = await createTenant();
    await expectProblem(
      await call("/v1/users/not-a-uuid", { headers: owner.headers }),
      400,
      "validation_failed",
    );
  });
});
