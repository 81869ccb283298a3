import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { socialAccounts } from "../../src/db/schema/social-accounts.ts";
import { users } from "../../src/db/schema/users.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { signPurposeToken } from "../../src/platform/jwt.ts";
import { open, SecretBoxError, seal } from "../../src/platform/secret-box.ts";
import { OAUTH_STATE_PURPOSE } from "../../src/services/social-accounts/oauth.ts";
import { auditRows } from "../support/audit.ts";
import { createEvent } from "../support/events.ts";
import { authorizeAtFake, type FakePlatform } from "../support/fake-platforms.ts";
import { BASE_URL, call, callWithEnv, envWith, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface AccountBody {
  id: string;
  platform: string;
  platform_user_id: string;
  username: string | null;
  event_id: string | null;
  connection_status: string;
  status_reason: string | null;
  token_expires_at: string | null;
  connected_by: string | null;
}

const config = () => loadConfig(env);

async function start(user: TestUser, body: Record<string, unknown>) {
  const response = await postJson("/v1/social-accounts/oauth/start", body, { headers: user.headers });
  expect(response.status).toBe(200);
  return (await response.json()) as { authorize_url: string; expires_at: string };
}

/** The browser at the platform's consent page: the fake consents at once and redirects to our callback. */
async function consent(authorizeUrl: string, asUser?: string): Promise<URLSearchParams> {
  const url = new URL(authorizeUrl);
  if (asUser) url.searchParams.set("fake_user", asUser);
  return authorizeAtFake(url.toString());
}

/** The browser back at our callback (a redirect from it is for the test to read, not to follow). */
const callback = (query: URLSearchParams | Record<string, string>) =>
  call(`/v1/social-accounts/oauth/callback?${new URLSearchParams(query)}`, { redirect: "manual" });

async function connect(
  user: TestUser,
  platform: FakePlatform,
  extra: Record<string, unknown> = {},
  asUser?: string,
) {
  const { authorize_url } = await start(user, { platform, ...extra });
  return callback(await consent(authorize_url, asUser));
}

async function storedRow(organizationId: string, id: string) {
  const {
    rows: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(socialAccounts).where(eq(socialAccounts.id, id)),
  }));
  return row!;
}

/** A state as startOAuth signs it, with any claims (a forged verifier, another time). */
async function forgeState(user: TestUser, claims: Record<string, unknown>, now = Date.now()) {
  const sid = crypto.randomUUID();
  return signPurposeToken(
    config().JWT_PRIVATE_KEYS,
    OAUTH_STATE_PURPOSE,
    {
      sub: user.id,
      role: user.role,
      org: user.organizationId,
      platform: "x",
      event_id: null,
      return_to: null,
      sid,
      cv: await seal(config().TOKEN_ENCRYPTION_KEYS, "a-verifier-that-matches-no-challenge-at-all-000", sid),
      ...claims,
    },
    { issuer: config().PUBLIC_BASE_URL, ttlSeconds: 600, now },
  );
}

describe("connecting with OAuth 2.0 and PKCE", () => {
  for (const platform of ["x", "linkedin"] as const) {
    it(`${platform}: start → the platform's consent → callback connects the account, tokens sealed`, async () => {
      const { manager } = await createTenant(["manager"]);
      const started = await measure("/v1/social-accounts/oauth/start", {
        method: "POST",
        headers: { ...manager.headers, "content-type": "application/json" },
        body: JSON.stringify({ platform }),
      });
      expect(started.response.status).toBe(200);
      expect(started.roundTrips).toBe(0);
      const { authorize_url, expires_at } = (await started.response.json()) as {
        authorize_url: string;
        expires_at: string;
      };
      const authorize = new URL(authorize_url);
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize.searchParams.get("redirect_uri")).toBe(
        `${BASE_URL}/v1/social-accounts/oauth/callback`,
      );
      expect(new Date(expires_at).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

      const query = await consent(authorize_url);
      const { response, roundTrips } = await measure(`/v1/social-accounts/oauth/callback?${query}`);
      expect(response.status).toBe(201);
      expect(roundTrips).toBe(2);
      const text = await response.text();
      const account = JSON.parse(text) as AccountBody;
      expect(account).toMatchObject({ platform, connection_status: "connected", connected_by: manager.id });
      expect(account.platform_user_id).toEqual(expect.any(String));
      expect(account.token_expires_at).not.toBeNull();
      expect(response.headers.get("location")).toBe(`/v1/social-accounts/${account.id}`);

      // At rest: sealed, opening only on this row.
      const row = await storedRow(manager.organizationId, account.id);
      expect(row.accessToken).toMatch(/^v1\./);
      const keyring = config().TOKEN_ENCRYPTION_KEYS;
      const accessToken = await open(keyring, row.accessToken, row.id);
      expect(row.accessToken).not.toContain(accessToken);
      await expect(open(keyring, row.accessToken, crypto.randomUUID())).rejects.toBeInstanceOf(
        SecretBoxError,
      );
      if (platform === "x") {
        const refreshToken = await open(keyring, row.refreshToken!, row.id);
        expect(refreshToken).not.toBe(accessToken);
      }

      // Never in a response, an audit row, or the authorize URL.
      const audit = await auditRows(manager.organizationId, account.id);
      expect(audit.map((a) => [a.action, a.userId])).toEqual([["social_account.connect", manager.id]]);
      for (const leak of [text, JSON.stringify(audit), authorize_url]) {
        expect(leak).not.toContain(accessToken);
        expect(leak).not.toContain(row.accessToken);
      }
    });
  }

  it("with return_to the browser goes back there (303, ?connected=<id>); the account is tied to the event", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const returnTo = `${BASE_URL}/settings/accounts?tab=social`;
    const response = await connect(owner, "x", { return_to: returnTo, event_id: event.id });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${BASE_URL}/settings/accounts`);
    expect(location.searchParams.get("tab")).toBe("social");
    const id = location.searchParams.get("connected")!;
    const read = await call(`/v1/social-accounts/${id}`, { headers: owner.headers });
    expect(await read.json()).toMatchObject({ id, event_id: event.id, platform: "x" });
  });

  it("refuses a return_to on another origin (no open redirect), an unknown event, and a viewer", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    for (const returnTo of [
      "https://evil.example/phish",
      "http://guddu.test.evil.example/",
      "https://guddu.test/",
      "javascript:alert(1)",
    ]) {
      const response = await postJson(
        "/v1/social-accounts/oauth/start",
        { platform: "x", return_to: returnTo },
        { headers: owner.headers },
      );
      expect(response.status, returnTo).toBe(400);
      const problem = (await response.json()) as { code: string };
      expect(["return_to_not_allowed", "validation_failed"]).toContain(problem.code);
    }
    const foreign = await createEvent((await createTenant()).organization.id);
    await expectProblem(
      await postJson(
        "/v1/social-accounts/oauth/start",
        { platform: "x", event_id: foreign.id },
        { headers: owner.headers },
      ),
      404,
      "event_not_found",
    );
    await expectProblem(
      await postJson("/v1/social-accounts/oauth/start", { platform: "x" }, { headers: viewer.headers }),
      403,
      "missing_permission",
    );
  });

  it("a forged return_to inside a signed state is still refused", async () => {
    const { owner } = await createTenant();
    const state = await forgeState(owner, { return_to: "https://evil.example/" });
    await expectProblem(await callback({ state, code: "anything" }), 400, "return_to_not_allowed");
  });

  it("a tampered, missing or expired state is a clear problem, and nothing is connected", async () => {
    const { owner } = await createTenant();
    const { authorize_url } = await start(owner, { platform: "x" });
    const query = await consent(authorize_url);
    const state = query.get("state")!;
    const [header, payload, signature] = state.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/"))) as Record<
      string,
      unknown
    >;
    const otherOrg = btoa(JSON.stringify({ ...claims, org: crypto.randomUUID() }))
      .replaceAll("+", "-")
      .replaceAll("/", "_")
      .replace(/=+$/, "");
    const tampered = `${header}.${otherOrg}.${signature}`;
    const invalid = await expectProblem(
      await callback({ code: query.get("code")!, state: tampered }),
      400,
      "oauth_state_invalid",
    );
    expect(invalid.detail).toMatch(/start connecting the account again/i);
    await expectProblem(await callback({ code: query.get("code")! }), 400, "oauth_state_invalid");
    const expired = await forgeState(owner, {}, Date.now() - 11 * 60_000);
    await expectProblem(
      await callback({ code: query.get("code")!, state: expired }),
      400,
      "oauth_state_expired",
    );
    // An access token is not a state either.
    await expectProblem(
      await callback({ code: query.get("code")!, state: owner.token }),
      400,
      "oauth_state_invalid",
    );
    const list = await call("/v1/social-accounts", { headers: owner.headers });
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("the platform's access_denied and other errors are clear problems, or go back to return_to", async () => {
    const { owner } = await createTenant();
    const { authorize_url } = await start(owner, { platform: "linkedin" });
    const state = new URL(authorize_url).searchParams.get("state")!;
    const denied = await expectProblem(
      await callback({ state, error: "access_denied", error_description: "The user cancelled" }),
      400,
      "oauth_access_denied",
    );
    expect(denied.detail).toMatch(/LinkedIn account was not connected/);
    const failed = await expectProblem(
      await callback({ state, error: "server_error", error_description: "Something broke <script>" }),
      400,
      "oauth_failed",
    );
    expect(failed.detail).toContain("Something broke");
    expect(failed.detail).not.toContain("<script>");

    const back = await start(owner, { platform: "linkedin", return_to: `${BASE_URL}/accounts` });
    const backState = new URL(back.authorize_url).searchParams.get("state")!;
    const response = await callback({ state: backState, error: "access_denied" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${BASE_URL}/accounts?error=oauth_access_denied`);
  });

  it("PKCE is checked by the platform: a code redeemed with another verifier is refused", async () => {
    const { owner } = await createTenant();
    const { authorize_url } = await start(owner, { platform: "x" });
    const query = await consent(authorize_url);
    const forged = await forgeState(owner, {});
    const refused = await expectProblem(
      await callback({ code: query.get("code")!, state: forged }),
      422,
      "oauth_code_rejected",
    );
    expect(refused.detail).toMatch(/^X refused/);
  });

  it("a replayed callback (the same code and state) is refused by the platform and changes nothing", async () => {
    const { owner } = await createTenant();
    const { authorize_url } = await start(owner, { platform: "x" });
    const query = await consent(authorize_url);
    const first = await callback(query);
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as AccountBody;
    const before = await storedRow(owner.organizationId, id);
    await expectProblem(await callback(query), 422, "oauth_code_rejected");
    expect((await storedRow(owner.organizationId, id)).accessToken).toBe(before.accessToken);
  });

  it("connecting the same platform account again updates it (also out of reauth_required and the bin)", async () => {
    const { owner, manager } = await createTenant(["owner", "manager"]);
    const first = await connect(owner, "x");
    const account = (await first.json()) as AccountBody;
    const before = await storedRow(owner.organizationId, account.id);
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      marked: db
        .update(socialAccounts)
        .set({
          connectionStatus: "reauth_required",
          statusReason: "X refused to renew access",
          deletedAt: new Date(),
        })
        .where(eq(socialAccounts.id, account.id)),
    }));

    const again = await connect(manager, "x", {}, account.platform_user_id);
    expect(again.status).toBe(200);
    const reconnected = (await again.json()) as AccountBody;
    expect(reconnected).toMatchObject({
      id: account.id,
      platform_user_id: account.platform_user_id,
      connection_status: "connected",
      status_reason: null,
      connected_by: manager.id,
    });
    const after = await storedRow(owner.organizationId, account.id);
    expect(after.deletedAt).toBeNull();
    expect(after.accessToken).not.toBe(before.accessToken);
    const keyring = config().TOKEN_ENCRYPTION_KEYS;
    expect(await open(keyring, after.accessToken, after.id)).not.toBe(
      await open(keyring, before.accessToken, before.id),
    );
    const list = await call("/v1/social-accounts?platform=x", { headers: owner.headers });
    expect(((await list.json()) as { data: AccountBody[] }).data.map((a) => a.id)).toEqual([account.id]);
    const audit = await auditRows(owner.organizationId, account.id);
    expect(audit.map((a) => a.action)).toEqual(["social_account.connect", "social_account.reconnect"]);
    expect(audit[1]?.changes).toMatchObject({
      connection_status: { from: "reauth_required", to: "connected" },
    });
  });

  it("the same platform account in two organisations is two accounts", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const first = (await (await connect(a.owner, "x")).json()) as AccountBody;
    const second = await connect(b.owner, "x", {}, first.platform_user_id);
    expect(second.status).toBe(201);
    expect(((await second.json()) as AccountBody).id).not.toBe(first.id);
  });

  it("the callback acts as the state's user only while they may still connect accounts", async () => {
    const { owner, manager } = await createTenant(["owner", "manager"]);
    const { authorize_url } = await start(manager, { platform: "x" });
    const query = await consent(authorize_url);
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      demoted: db.update(users).set({ role: "viewer" }).where(eq(users.id, manager.id)),
    }));
    await expectProblem(await callback(query), 403, "missing_permission");
    const deactivated = await start(owner, { platform: "linkedin" });
    const ownerQuery = await consent(deactivated.authorize_url);
    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      deactivated: db.update(users).set({ isActive: false }).where(eq(users.id, owner.id)),
    }));
    await expectProblem(await callback(ownerQuery), 401, "account_disabled");
  });

  it("a platform without a configured app, and a platform that uses app passwords, are refused at start", async () => {
    const { owner } = await createTenant();
    await expectProblem(
      await postJson("/v1/social-accounts/oauth/start", { platform: "bluesky" }, { headers: owner.headers }),
      400,
      "oauth_not_supported",
    );
    const unconfigured = await callWithEnv(
      envWith({ PLATFORM_CLIENTS: "{}" }),
      "/v1/social-accounts/oauth/start",
      {
        method: "POST",
        headers: { ...owner.headers, "content-type": "application/json" },
        body: JSON.stringify({ platform: "linkedin" }),
      },
    );
    await expectProblem(unconfigured, 503, "platform_not_configured");
  });
});
