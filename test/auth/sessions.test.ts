import { describe, expect, it } from "vitest";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, createUser, TEST_PASSWORD } from "../support/tenants.ts";

const unique = () => crypto.randomUUID().slice(0, 8);

function registration(
  overrides: { slug?: string; email?: string; password?: string; first_name?: string } = {},
) {
  const id = unique();
  return {
    organization: { name: `Forum ${id}`, slug: overrides.slug ?? `forum-${id}`, country_code: "KE" },
    owner: {
      email: overrides.email ?? `owner-${id}@example.test`,
      password: overrides.password ?? "a perfectly long passphrase",
      first_name: overrides.first_name ?? "Amina",
      last_name: "Odhiambo",
    },
  };
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

const login = (email: string, password: string, extra: Record<string, string> = {}) =>
  postJson(
    "/v1/auth/login",
    { email, password, ...extra },
    {
      headers: {
        "cf-connecting-ip": `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      },
    },
  );

describe("sign-up", () => {
  it("creates the organisation and its owner, signed in, in one round trip", async () => {
    const body = registration();
    const { response, roundTrips } = await measure("/v1/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const created = (await response.json()) as Tokens & {
      organization: { slug: string };
      user: Record<string, unknown>;
    };
    expect(created.organization.slug).toBe(body.organization.slug);
    expect(created.user).toMatchObject({
      email: body.owner.email,
      role: "owner",
      is_active: true,
      mfa_enabled: false,
    });
    expect(JSON.stringify(created)).not.toMatch(/password_hash|pbkdf2|totp_secret/);
    expect(created).toMatchObject({ token_type: "Bearer", expires_in: 900 });

    const me = await call("/v1/me", { headers: { authorization: `Bearer ${created.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: body.owner.email },
      organization: { slug: body.organization.slug },
    });
  });

  it("a taken slug is 409 slug_taken and a taken email 409 email_taken, leaving nothing behind", async () => {
    const first = registration();
    expect((await postJson("/v1/auth/register", first)).status).toBe(201);
    await expectProblem(
      await postJson("/v1/auth/register", registration({ slug: first.organization.slug })),
      409,
      "slug_taken",
    );
    const sameEmail = registration({ email: first.owner.email.toUpperCase() });
    await expectProblem(await postJson("/v1/auth/register", sameEmail), 409, "email_taken");
    // The organisation of the failed attempt was rolled back with it: its slug is still free.
    expect(
      (await postJson("/v1/auth/register", registration({ slug: sameEmail.organization.slug }))).status,
    ).toBe(201);
  });

  it("a weak password is 400 with the reasons", async () => {
    const problem = await expectProblem(
      await postJson("/v1/auth/register", registration({ password: "short" })),
      400,
      "validation_failed",
    );
    expect(problem.errors?.[0]).toMatchObject({ path: "json.owner.password", code: "weak_password" });
  });

  it("a guessable password is refused saying what would make it acceptable", async () => {
    const problem = await expectProblem(
      await postJson("/v1/auth/register", registration({ password: "Odhiambo2027!" })),
      400,
      "validation_failed",
    );
    expect(problem.detail).toBe("Choose a stronger password.");
    expect(problem.errors?.map((e) => [e.path, e.code])).toContainEqual([
      "json.owner.password",
      "weak_password",
    ]);
    expect(problem.errors?.[0]?.message).toBe("It contains your name, email address or organisation.");
    expect(problem.errors?.at(-1)?.message).toMatch(
      /make it acceptable \(10\^8 or more\) by adding two or three/,
    );
  });

  it("a long passphrase that contains a short first name (Pro, probe) is accepted", async () => {
    const response = await postJson(
      "/v1/auth/register",
      registration({ first_name: "Pro", password: "a probe into quiet harbour lights" }),
    );
    expect(response.status).toBe(201);
  });
});

describe("sign-in", () => {
  it("answers a token pair in two round trips", async () => {
    const { owner } = await createTenant();
    const { response, roundTrips } = await measure("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "10.9.9.9" },
      body: JSON.stringify({ email: owner.email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(roundTrips).toBe(2);
    const tokens = (await response.json()) as Tokens;
    expect(tokens.refresh_token).toMatch(/^grt_/);
    expect(
      (await call("/v1/me", { headers: { authorization: `Bearer ${tokens.access_token}` } })).status,
    ).toBe(200);
  });

  it("an unknown email and a wrong password get the same answer", async () => {
    const { owner } = await createTenant();
    const wrong = await expectProblem(
      await login(owner.email, "not the password at all"),
      401,
      "invalid_credentials",
    );
    const unknown = await expectProblem(
      await login(`nobody-${unique()}@example.test`, TEST_PASSWORD),
      401,
      "invalid_credentials",
    );
    expect({ ...wrong, requestId: "" }).toEqual({ ...unknown, requestId: "" });
  });

  it("a deactivated user cannot sign in", async () => {
    const { organization } = await createTenant();
    const inactive = await createUser(organization.id, { role: "editor", isActive: false });
    await expectProblem(await login(inactive.email, TEST_PASSWORD), 401, "account_disabled");
  });

  it("repeated failures for one account are 429 with Retry-After, even with the right password", async () => {
    const { owner } = await createTenant();
    for (let i = 0; i < 4; i++)
      await expectProblem(await login(owner.email, "wrong password number x"), 401, "invalid_credentials");
    const locked = await login(owner.email, "wrong password number 5");
    await expectProblem(locked, 429, "rate_limited");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(await login(owner.email, TEST_PASSWORD), 429, "rate_limited");
  });
});

describe("refresh and sign-out", () => {
  async function signedIn() {
    const { owner } = await createTenant();
    const response = await login(owner.email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    return { owner, tokens: (await response.json()) as Tokens };
  }

  it("rotates the refresh token on every use", async () => {
    const { tokens } = await signedIn();
    const first = await postJson("/v1/auth/refresh", { refresh_token: tokens.refresh_token });
    expect(first.status).toBe(200);
    const next = (await first.json()) as Tokens;
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect((await call("/v1/me", { headers: { authorization: `Bearer ${next.access_token}` } })).status).toBe(
      200,
    );
    expect((await postJson("/v1/auth/refresh", { refresh_token: next.refresh_token })).status).toBe(200);
  });

  it("presenting a spent refresh token ends the whole session", async () => {
    const { tokens } = await signedIn();
    const next = (await (
      await postJson("/v1/auth/refresh", { refresh_token: tokens.refresh_token })
    ).json()) as Tokens;
    await expectProblem(
      await postJson("/v1/auth/refresh", { refresh_token: tokens.refresh_token }),
      401,
      "refresh_token_reused",
    );
    // The successor, held by whoever copied the token or by the user, is dead too.
    await expectProblem(
      await postJson("/v1/auth/refresh", { refresh_token: next.refresh_token }),
      401,
      "refresh_token_reused",
    );
  });

  it("two refreshes with the same token at once: exactly one gets a successor", async () => {
    const { tokens } = await signedIn();
    const results = await Promise.all(
      [1, 2].map(() => postJson("/v1/auth/refresh", { refresh_token: tokens.refresh_token })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it("sign-out ends the session; signing out again is fine", async () => {
    const { tokens } = await signedIn();
    expect((await postJson("/v1/auth/logout", { refresh_token: tokens.refresh_token })).status).toBe(204);
    expect((await postJson("/v1/auth/logout", { refresh_token: tokens.refresh_token })).status).toBe(204);
    await expectProblem(
      await postJson("/v1/auth/refresh", { refresh_token: tokens.refresh_token }),
      401,
      "refresh_token_reused",
    );
  });

  it("an unknown refresh token is 401 invalid_refresh_token", async () => {
    await expectProblem(
      await postJson("/v1/auth/refresh", { refresh_token: "grt_nope" }),
      401,
      "invalid_refresh_token",
    );
  });
});

describe("GET /.well-known/jwks.json", () => {
  it("publishes public keys only", async () => {
    const response = await call("/.well-known/jwks.json");
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kid: expect.any(String), alg: "EdDSA", use: "sig" });
      expect(key.d).toBeUndefined();
    }
  });
});

describe("throttleAddress", () => {
  it("counts IPv4 addresses one by one and IPv6 by their /64", async () => {
    const { throttleAddress } = await import("../../src/services/auth/sign-in.ts");
    expect(throttleAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(throttleAddress("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(throttleAddress("2001:0db8:0000:0001:abcd:ef01:2345:6789")).toBe("2001:db8:0:1::/64");
    expect(throttleAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleAddress(null)).toBe("unknown");
  });
});

describe("the audit trail of secrets", () => {
  it("redacts secret-bearing keys by whole name and keeps the rest", async () => {
    const { redact } = await import("../../src/services/audit/record.ts");
    expect(
      redact({
        password: "p",
        password_hash: "h",
        totp_secret: "s",
        refresh_token: "t",
        recovery_codes: ["c"],
        brand_hashtags: ["#AES"],
        country_code: "KE",
        nested: { access_token: "a", name: "n" },
      }),
    ).toEqual({
      password: "[redacted]",
      password_hash: "[redacted]",
      totp_secret: "[redacted]",
      refresh_token: "[redacted]",
      recovery_codes: "[redacted]",
      brand_hashtags: ["#AES"],
      country_code: "KE",
      nested: { access_token: "[redacted]", name: "n" },
    });
  });
});

describe("password hashing parameters", () => {
  it("a hash made with older parameters is upgraded at the next sign-in", async () => {
    const { eq } = await import("drizzle-orm");
    const { users } = await import("../../src/db/schema/users.ts");
    const { inTenant } = await import("../../src/db/tenant.ts");
    const { testDb } = await import("../support/tenants.ts");
    const { owner } = await createTenant();
    // The same password hashed at 1,000 iterations, as an older release would have stored it.
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(TEST_PASSWORD),
      "PBKDF2",
      false,
      ["deriveBits"],
    );
    const bits = await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt, iterations: 1000 },
      key,
      256,
    );
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
    const old = `$pbkdf2-sha256$i=1000$${b64(salt)}$${b64(new Uint8Array(bits))}`;
    const scope = { db: testDb(), organizationId: owner.organizationId };
    await inTenant(scope, (db) => ({
      restored: db.update(users).set({ passwordHash: old }).where(eq(users.id, owner.id)),
    }));

    expect((await login(owner.email, TEST_PASSWORD)).status).toBe(200);
    const { rows } = await inTenant(scope, (db) => ({
      rows: db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, owner.id)),
    }));
    expect(rows[0]?.hash).toMatch(/^\$pbkdf2-sha256\$i=100000\$/);
    expect((await login(owner.email, TEST_PASSWORD)).status).toBe(200);
  });
});
