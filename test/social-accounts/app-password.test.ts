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
import { fakesOrigin } from "../support/fake-platforms.ts";
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

const platformBaseUrls = () => JSON.parse(env.PLATFORM_BASE_URLS ?? "{}") as Record<string, string>;

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

  it("only Bluesky takes app passwords", async () => {
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
  });
});

describe("the server a caller names for an app password", () => {
  const inProduction = (user: TestUser, service: string) =>
    callWithEnv(envWith({ APP_ENV: "production" }), "/v1/social-accounts/app-password", {
      method: "POST",
      headers: { ...user.headers, "content-type": "application/json" },
      body: JSON.stringify({ platform: "bluesky", identifier: "a.test", app_password: "x", service }),
    });

  it("in production is only an https address with a public host name (400 service_not_allowed)", async () => {
    const { owner } = await createTenant();
    const refused = [
      "http://10.0.0.1/",
      "http://pds.example.com/",
      "https://127.0.0.1/",
      "https://2130706433/",
      "https://localhost:2583/",
      "https://pds.localhost/",
      "https://[::1]/",
      "https://[fd00::1]/",
      "https://169.254.169.254/latest/meta-data/",
      "https://192.168.1.10/",
      "https://metadata.google.internal/",
      "https://pds.local/",
      "https://intranet/",
      "https://user:secret@pds.example.com/",
    ];
    for (const service of refused) {
      const problem = await expectProblem(await inProduction(owner, service), 400, "service_not_allowed");
      expect(problem.detail, service).toMatch(/not allowed/);
    }
  });

  it("that does not answer is the caller's mistake: 422 service_unreachable, not a 503", async () => {
    const { owner } = await createTenant();
    // Port 9 (discard) has no listener here: the connection is refused at once.
    const problem = await expectProblem(
      await connect(owner, { identifier: "a.test", app_password: "x", service: "http://127.0.0.1:9/" }),
      422,
      "service_unreachable",
    );
    expect(problem.detail).toContain("http://127.0.0.1:9");
  });

  it("that answers but is not an AT Protocol server is 422 service_not_atproto", async () => {
    const { owner } = await createTenant();
    const problem = await expectProblem(
      await connect(owner, { identifier: "a.test", app_password: "x", service: fakesOrigin() }),
      422,
      "service_not_atproto",
    );
    expect(problem.detail).toContain("not an AT Protocol server");
  });
});

describe("connecting without naming the server", () => {
  /** Bluesky's entryway (which resolves handles) played by the local PDS. */
  const viaLocalEntryway = (user: TestUser, body: Record<string, unknown>) =>
    callWithEnv(
      envWith({ PLATFORM_BASE_URLS: JSON.stringify({ ...platformBaseUrls(), bluesky: pdsUrl() }) }),
      "/v1/social-accounts/app-password",
      {
        method: "POST",
        headers: { ...user.headers, "content-type": "application/json" },
        body: JSON.stringify({ platform: "bluesky", ...body }),
      },
    );

  it("finds the PDS from a DID's document and signs in there", async () => {
    const { owner } = await createTenant();
    const pds = await createPdsAccount("bydid");
    const response = await postJson(
      "/v1/social-accounts/app-password",
      { platform: "bluesky", identifier: pds.did, app_password: await createAppPassword(pds) },
      { headers: owner.headers },
    );
    expect(response.status).toBe(201);
    const account = (await response.json()) as AccountBody;
    expect(account).toMatchObject({ platform_user_id: pds.did, username: pds.handle });
    // The PDS as the DID document names it (the local PDS calls itself localhost).
    expect(new URL(String(account.metadata.pds)).port).toBe(new URL(pdsUrl()).port);
  });

  it("finds the PDS from a handle: handle → DID → document, which must claim the handle back", async () => {
    const { owner } = await createTenant();
    const pds = await createPdsAccount("byhandle");
    const response = await viaLocalEntryway(owner, {
      identifier: `@${pds.handle}`,
      app_password: await createAppPassword(pds),
    });
    expect(response.status).toBe(201);
    const account = (await response.json()) as AccountBody;
    expect(account.platform_user_id).toBe(pds.did);
    expect(account.metadata.pds).toMatch(/^http:\/\/localhost:\d+$/);
  });

  it("a handle that names no account is 422 handle_not_resolved, a DID without a document 422 did_not_resolved", async () => {
    const { owner } = await createTenant();
    await expectProblem(
      await viaLocalEntryway(owner, { identifier: "nobody-here.test", app_password: "x" }),
      422,
      "handle_not_resolved",
    );
    await expectProblem(
      await postJson(
        "/v1/social-accounts/app-password",
        { platform: "bluesky", identifier: "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", app_password: "x" },
        { headers: owner.headers },
      ),
      422,
      "did_not_resolved",
    );
  });
});
