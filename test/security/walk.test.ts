/**
 * Walks every operation of the OpenAPI document and checks the security contract, so a new route is
 * covered the moment it is registered:
 * - an operation is either public (`x-public`) or authenticated with a permission (`x-permission`);
 * - no token → 401; malformed, expired, wrong-alg, wrong-aud, alg:none tokens → 401;
 * - a user without the permission → 403;
 * - another organisation's ids → 404 (with a user's token and with an API key);
 * - unknown body fields (organization_id, role …) → 400 unknown_field;
 * - API keys: revoked, expired, never issued or malformed → 401; without the operation's permission
 *   → 403; an operation only people may call (`x-api-keys: false`) → 403 api_key_not_allowed.
 */
import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/env.ts";
import { signAccessToken } from "../../src/platform/jwt.ts";
import { publicJwks } from "../../src/platform/signing-keys.ts";
import { newApiKey } from "../../src/services/api-keys/secret.ts";
import { ACCESS_TOKEN_AUDIENCE } from "../../src/services/auth/tokens.ts";
import { allBut, createApiKey } from "../support/api-keys.ts";
import { createEvent } from "../support/events.ts";
import { expectProblem } from "../support/http.ts";
import { createTenant, createUser, type TestUser } from "../support/tenants.ts";
import { fill, loadOperations, type Operation, request, SYSTEM_PATHS } from "./operations.ts";
import { RESOURCES } from "./resources.ts";

const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

let operations: Operation[] = [];
let owner: TestUser;
let badTokens: Record<string, string>;

beforeAll(async () => {
  ({ operations } = await loadOperations());
  ({ owner } = await createTenant());
  const config = loadConfig(env);
  const keys = config.JWT_PRIVATE_KEYS;
  const subject = { sub: owner.id, org: owner.organizationId, role: "owner" };
  const issuer = config.PUBLIC_BASE_URL;
  const now = Math.floor(Date.now() / 1000);
  badTokens = {
    malformed: "not.a.jwt",
    garbage: "abc",
    expired: await signAccessToken(keys, subject, {
      issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
      now: Date.now() - 3_600_000,
    }),
    "wrong audience": await signAccessToken(keys, subject, { issuer, audience: "someone-else" }),
    "wrong issuer": await signAccessToken(keys, subject, {
      issuer: "https://evil.example",
      audience: ACCESS_TOKEN_AUDIENCE,
    }),
    "alg none": `${b64url({ alg: "none", typ: "at+jwt" })}.${b64url({ ...subject, typ: "access", iss: issuer, aud: ACCESS_TOKEN_AUDIENCE, iat: now, exp: now + 600, jti: "x" })}.`,
    "HS256 with a guessable secret": await new SignJWT({ ...subject, typ: "access", jti: "x" })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: keys.signing.kid })
      .setIssuer(issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(JSON.stringify(publicJwks(keys).keys[0]))),
  };
});

// Each walk calls every operation (and, with keys, several times): 2.6–3.6 s here on 2 busy cores,
// too close to vitest's 5 s default for a slower machine.
describe("the security walk over every operation", { timeout: 30_000 }, () => {
  it("finds the operations, and each is public, a system route, or authenticated with a permission", () => {
    expect(operations.length).toBeGreaterThan(5);
    for (const op of operations) {
      const ok = op.isPublic || SYSTEM_PATHS.has(op.path) || (op.secured && op.permission !== undefined);
      expect(ok, `${op.method} ${op.path} is neither public nor authenticated with a permission`).toBe(true);
    }
  });

  it("without a token, every authenticated operation answers 401", async () => {
    for (const op of operations.filter((o) => o.secured)) {
      const response = await request(op, {});
      expect(response.status, `${op.method} ${op.path}`).toBe(401);
      await expectProblem(response, 401, "unauthenticated");
    }
  });

  it("with a bad token of any kind, every authenticated operation answers 401", async () => {
    for (const op of operations.filter((o) => o.secured)) {
      for (const [kind, token] of Object.entries(badTokens)) {
        const response = await request(op, { authorization: `Bearer ${token}` });
        expect(response.status, `${op.method} ${op.path} with a ${kind} token`).toBe(401);
        await response.body?.cancel();
      }
    }
  });

  it("a user without the operation's permission gets 403", async () => {
    for (const op of operations.filter((o) => o.secured && o.permission)) {
      const denied = await createUser(owner.organizationId, {
        role: "owner",
        permissions: { revoke: [op.permission ?? ""] },
      });
      const response = await request(op, denied.headers);
      expect(response.status, `${op.method} ${op.path} without ${op.permission}`).toBe(403);
      await expectProblem(response, 403, "missing_permission");
    }
  });

  it("another organisation's ids answer 404", async () => {
    const templated = operations.filter((o) => o.secured && /\{\w+\}/.test(o.path));
    const key = await createApiKey(owner.organizationId);
    for (const op of templated) {
      const factory = RESOURCES[op.path];
      expect(factory, `no cross-tenant factory for ${op.path} in test/security/resources.ts`).toBeDefined();
      const other = await createTenant();
      const params = await factory!(other.organization.id);
      const response = await request(op, owner.headers, fill(op.path, params));
      expect(response.status, `${op.method} ${op.path} with another tenant's ids`).toBe(404);
      await response.body?.cancel();
      if (!op.apiKeys) continue;
      const viaKey = await request(op, key.headers, fill(op.path, params));
      expect(viaKey.status, `${op.method} ${op.path} with another tenant's ids, by an API key`).toBe(404);
      await viaKey.body?.cancel();
    }
  });

  it("with a revoked, expired, never issued or malformed API key, every authenticated operation answers 401", async () => {
    const revoked = await createApiKey(owner.organizationId, { revokedAt: new Date() });
    const expired = await createApiKey(owner.organizationId, { expiresAt: new Date(Date.now() - 1000) });
    const badKeys: Array<[kind: string, key: string, code: string]> = [
      ["revoked", revoked.key, "api_key_revoked"],
      ["expired", expired.key, "api_key_expired"],
      ["never issued", (await newApiKey()).key, "invalid_api_key"],
      ["malformed", "gk_live_short", "invalid_api_key"],
    ];
    for (const op of operations.filter((o) => o.secured)) {
      for (const [kind, key, code] of badKeys) {
        const response = await request(op, { authorization: `Bearer ${key}` });
        expect(response.status, `${op.method} ${op.path} with a ${kind} API key`).toBe(401);
        await expectProblem(response, 401, code);
      }
    }
  });

  it("an API key without the operation's permission gets 403", async () => {
    for (const op of operations.filter((o) => o.secured && o.permission)) {
      const key = await createApiKey(owner.organizationId, { permissions: allBut(op.permission ?? "") });
      const response = await request(op, key.headers);
      expect(response.status, `${op.method} ${op.path} by an API key without ${op.permission}`).toBe(403);
      await expectProblem(response, 403, "missing_permission");
    }
  });

  it("an API key holding every permission, limited to an event or not, never meets a 5xx", async () => {
    const event = await createEvent(owner.organizationId);
    const keys = {
      "an API key": await createApiKey(owner.organizationId),
      "an API key limited to an event": await createApiKey(owner.organizationId, { eventId: event.id }),
    };
    for (const op of operations.filter((o) => o.secured && o.apiKeys)) {
      for (const [kind, key] of Object.entries(keys)) {
        const response = await request(op, key.headers, fill(op.path, { id: event.id }));
        expect(response.status, `${op.method} ${op.path} by ${kind}`).toBeLessThan(500);
        await response.body?.cancel();
      }
    }
  });

  it("an API key holding every permission gets 403 where only a signed-in user may act", async () => {
    const closed = operations.filter((o) => o.secured && !o.apiKeys);
    expect(closed.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(["GET /v1/me", "POST /v1/api-keys", "POST /v1/approval-requests/{id}/actions"]),
    );
    const key = await createApiKey(owner.organizationId);
    for (const op of closed) {
      const response = await request(op, key.headers);
      expect(response.status, `${op.method} ${op.path} by an API key`).toBe(403);
      await expectProblem(response, 403, "api_key_not_allowed");
    }
  });

  it("unknown body fields such as organization_id and role are rejected with 400", async () => {
    for (const op of operations.filter((o) => o.bodySchema)) {
      const declared = new Set(Object.keys(op.bodySchema?.properties ?? {}));
      const extras = ["organization_id", "role", "is_admin"].filter((f) => !declared.has(f));
      const base = (op.bodyExample ?? {}) as Record<string, unknown>;
      const body = { ...base, ...Object.fromEntries(extras.map((f) => [f, "x"])) };
      const headers = op.secured ? owner.headers : {};
      const response = await request(op, headers, fill(op.path), body);
      const problem = await expectProblem(response, 400, "validation_failed");
      const unknown = (problem.errors ?? []).filter((e) => e.code === "unknown_field").map((e) => e.path);
      expect(unknown, `${op.method} ${op.path}`).toEqual(
        expect.arrayContaining(extras.map((f) => `json.${f}`)),
      );
    }
  });
});
