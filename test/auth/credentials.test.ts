import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { users } from "../../src/db/schema/users.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createTenant, TEST_PASSWORD, type TestUser, testDb } from "../support/tenants.ts";

const codeAt = (secret: string, offsetSeconds = 0) =>
  new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });

const login = (email: string, password: string, extra: Record<string, string> = {}) =>
  postJson(
    "/v1/auth/login",
    { email, password, ...extra },
    { headers: { "cf-connecting-ip": `10.7.${Math.floor(Math.random() * 250)}.1` } },
  );

async function enableTotp(user: TestUser) {
  const enrol = await postJson("/v1/me/mfa/totp", {}, { headers: user.headers });
  expect(enrol.status).toBe(201);
  const { secret, otpauth_uri } = (await enrol.json()) as { secret: string; otpauth_uri: string };
  expect(otpauth_uri).toMatch(/^otpauth:\/\/totp\/Guddu:.*secret=/);
  const activate = await postJson(
    "/v1/me/mfa/totp/activate",
    { code: codeAt(secret) },
    { headers: user.headers },
  );
  expect(activate.status).toBe(200);
  const { recovery_codes } = (await activate.json()) as { recovery_codes: string[] };
  return { secret, recoveryCodes: recovery_codes };
}

describe("two-factor authentication", () => {
  it("enrols, activates with a code, and then sign-in asks for it", async () => {
    const { owner } = await createTenant();
    const { secret, recoveryCodes } = await enableTotp(owner);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    await expectProblem(await login(owner.email, TEST_PASSWORD), 401, "mfa_required");
    await expectProblem(
      await login(owner.email, TEST_PASSWORD, { totp_code: "000000" }),
      401,
      "invalid_mfa_code",
    );
    // The code used to activate cannot be replayed; the next step's code works.
    await expectProblem(
      await login(owner.email, TEST_PASSWORD, { totp_code: codeAt(secret) }),
      401,
      "invalid_mfa_code",
    );
    expect((await login(owner.email, TEST_PASSWORD, { totp_code: codeAt(secret, 30) })).status).toBe(200);
  });

  it("stores the secret sealed, never in the clear", async () => {
    const { owner } = await createTenant();
    const { secret } = await enableTotp(owner);
    const { rows } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      rows: db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.id, owner.id)),
    }));
    expect(rows[0]?.totpSecret).toMatch(/^v1\./);
    expect(rows[0]?.totpSecret).not.toContain(secret);
  });

  it("a recovery code signs in once", async () => {
    const { owner } = await createTenant();
    const { recoveryCodes } = await enableTotp(owner);
    const code = recoveryCodes[0] ?? "";
    expect((await login(owner.email, TEST_PASSWORD, { recovery_code: code.toUpperCase() })).status).toBe(200);
    await expectProblem(
      await login(owner.email, TEST_PASSWORD, { recovery_code: code }),
      401,
      "invalid_mfa_code",
    );
  });

  it("turning it off needs the password and a code", async () => {
    const { owner } = await createTenant();
    const { secret, recoveryCodes } = await enableTotp(owner);
    await expectProblem(
      await postJson(
        "/v1/me/mfa/totp/disable",
        { password: "wrong password here", code: codeAt(secret, 30) },
        { headers: owner.headers },
      ),
      401,
      "invalid_credentials",
    );
    await expectProblem(
      await postJson(
        "/v1/me/mfa/totp/disable",
        { password: TEST_PASSWORD, recovery_code: "aaaaa-bbbbb" },
        { headers: owner.headers },
      ),
      401,
      "invalid_mfa_code",
    );
    const off = await postJson(
      "/v1/me/mfa/totp/disable",
      { password: TEST_PASSWORD, recovery_code: recoveryCodes[1] },
      { headers: owner.headers },
    );
    expect(off.status).toBe(204);
    expect((await login(owner.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("activating twice is 409 mfa_already_enabled", async () => {
    const { owner } = await createTenant();
    await enableTotp(owner);
    await expectProblem(
      await postJson("/v1/me/mfa/totp", {}, { headers: owner.headers }),
      409,
      "mfa_already_enabled",
    );
  });
});

describe("password change", () => {
  it("needs the current password, checks the new one, and ends other sessions", async () => {
    const { owner } = await createTenant();
    const session = (await (await login(owner.email, TEST_PASSWORD)).json()) as { refresh_token: string };
    await expectProblem(
      await postJson(
        "/v1/me/password",
        { current_password: "not it at all", new_password: "a brand new passphrase" },
        { headers: owner.headers },
      ),
      401,
      "invalid_credentials",
    );
    const weak = await postJson(
      "/v1/me/password",
      { current_password: TEST_PASSWORD, new_password: "short" },
      { headers: owner.headers },
    );
    await expectProblem(weak, 400, "validation_failed");

    const ok = await postJson(
      "/v1/me/password",
      { current_password: TEST_PASSWORD, new_password: "a brand new passphrase" },
      { headers: owner.headers },
    );
    expect(ok.status).toBe(204);
    await expectProblem(
      await postJson("/v1/auth/refresh", { refresh_token: session.refresh_token }),
      401,
      "refresh_token_reused",
    );
    await expectProblem(await login(owner.email, TEST_PASSWORD), 401, "invalid_credentials");
    expect((await login(owner.email, "a brand new passphrase")).status).toBe(200);

    const { audit } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      audit: db
        .select()
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.organizationId, owner.organizationId),
            eq(auditLogs.action, "user.password_change"),
          ),
        ),
    }));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.changes)).not.toContain("brand new");
    expect(env.APP_ENV).toBe("test");
  });

  it("GET /v1/me reports mfa_enabled", async () => {
    const { owner } = await createTenant();
    await enableTotp(owner);
    const me = (await (await call("/v1/me", { headers: owner.headers })).json()) as {
      user: { mfa_enabled: boolean };
    };
    expect(me.user.mfa_enabled).toBe(true);
  });
});
