/** Connecting Bluesky accounts with an app password, against the reference PDS started by the test stack. */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { socialAccounts } from "../../src/db/schema/social-accounts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { open } from "../../src/platform/secret-box.ts";
import { loadConnectedAccount, refreshAccount } from "../../src/services/social-accounts/credentials.ts";
import { auditRows } from "../support/audit.ts";
import { createAppPassword, createPdsAccount, pdsUrl } from "../support/bluesky.ts";
import { callWithEnv, envWith, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface AccountBody {
  id: string;
  platform: string;
  platform_user_id: string;
  username: string | null;
  metadata: Record<string, unknown>;
  connection_status: string;
}

const connect = (user: TestUser, body: Record<string, unknown>) =>
  postJson(
    "/v1/social-accounts/app-password",
    { platform: "bluesky", service: pdsUrl(), ...body },
    { headers: user.headers },
  );

async function storedRow(organizationId: string, id: string) {
  const {
    rows: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(socialAccounts).where(eq(socialAccounts.id, id)),
  }));
  return row!;
}

describe("connecting Bluesky with an app password", () => {
  it("signs in at the PDS once, keeps the session's tokens sealed and never the app password", async () => {
    const { owner } = await createTenant();
    const pds = await createPdsAccount("guddu");
    const appPassword = await createAppPassword(pds);
    const { response, roundTrips } = await measure("/v1/social-accounts/app-password", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({
        platform: "bluesky",
        identifier: pds.handle,
        app_password: appPassword,
        service: pdsUrl(),
      }),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(2);
    const text = await response.text();
    const account = JSON.parse(text) as AccountBody;
    expect(account).toMatchObject({
      platform: "bluesky",
      platform_user_id: pds.did,
      username: pds.handle,
      connection_status: "connected",
    });
    expect(account.metadata.pds).toBe(pdsUrl().replace(/\/$/, ""));

    const row = await storedRow(owner.organizationId, account.id);
    const keyring = loadConfig(env).TOKEN_ENCRYPTION_KEYS;
    const accessJwt = await open(keyring, row.accessToken, row.id);
    expect(accessJwt.split(".")).toHaveLength(3);
    const audit = await auditRows(owner.organizationId, account.id);
    expect(audit.map((a) => a.action)).toEqual(["social_account.connect"]);
    for (const place of [JSON.stringify(row), text, JSON.stringify(audit)]) {
      expect(place).not.toContain(appPassword);
    }
    for (const place of [text, JSON.stringify(audit)]) expect(place).not.toContain(accessJwt);

    // The stored session works: the refresh goes to the PDS the account lives on.
    const ctx = {
      db: createDb(loadConfig(env)),
      config: loadConfig(env),
      env,
      request: { ip: null, userAgent: null },
      now: () => new Date(),
      organizationId: owner.organizationId,
      actor: { type: "system", name: "test" } as const,
    };
    const loaded = await loadConnectedAccount(ctx, account.id);
    const refreshed = await refreshAccount(ctx, loaded.row, "test");
    // A refresh JWT is new each time (an access JWT issued within the same second may be identical).
    expect(refreshed.tokens.refreshToken).not.toBe(await open(keyring, row.refreshToken!, row.id));
    expect((await storedRow(owner.organizationId, account.id)).connectionStatus).toBe("connected");
  });

  it("a wrong password is 422 platform_login_failed with the PDS's words, and nothing is stored", async () => {
    const { owner } = await createTenant();
    const pds = await createPdsAccount("wrong");
    const problem = await expectProblem(
      await connect(owner, { identifier: pds.handle, app_password: "aaaa-bbbb-cccc-dddd" }),
      422,
      "platform_login_failed",
    );
    expect(problem.detail).toMatch(/^Bluesky refused/);
    const { rows } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      rows: db.select().from(socialAccounts).where(eq(socialAccounts.organizationId, owner.organizationId)),
    }));
    expect(rows).toEqual([]);
  });

  it("connecting the same account again updates it (200, same id)", async () => {
    const { owner } = await createTenant();
    const pds = await createPdsAccount("again");
    const first = (await (
      await connect(owner, { identifier: pds.handle, app_password: await createAppPassword(pds, "one") })
    ).json()) as AccountBody;
    const second = await connect(owner, {
      identifier: pds.did,
      app_password: await createAppPassword(pds, "two"),
    });
    expect(second.status).toBe(200);
    expect(((await second.json()) as AccountBody).id).toBe(first.id);
  });

  it("only Bluesky takes app passwords, and only over https in production", async () => {
    const { owner } = await createTenant();
    await expectProblem(
      await postJson(
        "/v1/social-accounts/app-password",
        { platform: "x", identifier: "someone", app_password: "secret" },
        { headers: owner.headers },
      ),
      400,
      "validation_failed",
    );
    const production = await callWithEnv(
      envWith({ APP_ENV: "production" }),
      "/v1/social-accounts/app-password",
      {
        method: "POST",
        headers: { ...owner.headers, "content-type": "application/json" },
        body: JSON.stringify({
          platform: "bluesky",
          identifier: "a.test",
          app_password: "x",
          service: "http://10.0.0.1/",
        }),
      },
    );
    await expectProblem(production, 400, "service_not_allowed");
  });
});
