import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema/notifications.ts";
import { socialAccounts } from "../../src/db/schema/social-accounts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { PlatformError } from "../../src/platform/social/types.ts";
import { systemContext as serviceSystemContext, type TenantContext } from "../../src/services/context.ts";
import {
  loadConnectedAccount,
  refreshAccount,
  SocialAccountUnavailableError,
} from "../../src/services/social-accounts/credentials.ts";
import { auditRows } from "../support/audit.ts";
import { connectFakeAccount, fakeAdapter, fakeClient, queueFault } from "../support/fake-platforms.ts";
import { envWith } from "../support/http.ts";
import { measure, roundTripsOf, taggedDatabaseUrl } from "../support/round-trips.ts";
import { createSocialAccount, type SocialAccountOptions } from "../support/social-accounts.ts";
import { createTenant, createUser, type TestUser, testDb } from "../support/tenants.ts";

function systemContext(organizationId: string, bindings: Cloudflare.Env = env): TenantContext {
  return serviceSystemContext(loadConfig(bindings), organizationId, "publish-consumer");
}

async function storedRow(organizationId: string, id: string) {
  const {
    rows: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(socialAccounts).where(eq(socialAccounts.id, id)),
  }));
  return row!;
}

/** An account connected at the X fake for real, stored like the Worker stores it. */
async function connectedXAccount(owner: TestUser, options: SocialAccountOptions = {}) {
  const connected = await connectFakeAccount("x");
  return createSocialAccount(owner, {
    platform: "x",
    platformUserId: connected.platformUserId,
    username: connected.username,
    tokens: connected.tokens,
    ...options,
  });
}

async function notificationsOf(organizationId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.organizationId, organizationId),
          eq(notifications.type, "social_account.reauth_required"),
        ),
      ),
  }));
  return rows;
}

describe("loadConnectedAccount", () => {
  it("opens the account's tokens in one round trip", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner, {
      platform: "linkedin",
      metadata: { authorUrn: "urn:li:person:7" },
    });
    const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
    const ctx = systemContext(owner.organizationId, envWith({ DATABASE_URL: taggedDatabaseUrl(tag) }));
    const { row, account: opened } = await loadConnectedAccount(ctx, account.id);
    expect(await roundTripsOf(tag)).toBe(1);
    expect(row.id).toBe(account.id);
    expect(opened).toEqual({
      platformUserId: account.platformUserId,
      username: account.username,
      metadata: { authorUrn: "urn:li:person:7" },
      tokens: account.plainTokens,
    });
  });

  it("refuses, with a typed permanent error, accounts that are gone, paused, waiting for a reconnect, or another tenant's", async () => {
    const { owner } = await createTenant();
    const ctx = systemContext(owner.organizationId);
    const cases = [
      [await createSocialAccount(owner, { deleted: true }), "social_account_not_found", /disconnected/],
      [await createSocialAccount(owner, { isActive: false }), "social_account_inactive", /paused/],
      [
        await createSocialAccount(owner, {
          connectionStatus: "reauth_required",
          statusReason: "X refused to renew access: token revoked",
          username: "aes_summit",
        }),
        "social_account_reauth_required",
        /@aes_summit must be reconnected \(X refused to renew access: token revoked\)/,
      ],
      [await createSocialAccount((await createTenant()).owner), "social_account_not_found", /disconnected/],
    ] as const;
    for (const [account, code, message] of cases) {
      const error = await loadConnectedAccount(ctx, account.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SocialAccountUnavailableError);
      expect(error).toMatchObject({ code, permanent: true });
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe("refreshAccount", () => {
  it("refreshes at the platform, seals the new tokens on the row and audits it as the system", async () => {
    const { owner } = await createTenant();
    const account = await connectedXAccount(owner);
    const ctx = systemContext(owner.organizationId);
    const { row } = await loadConnectedAccount(ctx, account.id);
    const refreshed = await refreshAccount(ctx, row, "publish: auth_expired");
    expect(refreshed.tokens.accessToken).not.toBe(account.plainTokens.accessToken);
    expect(refreshed.tokens.refreshToken).not.toBe(account.plainTokens.refreshToken);
    expect(refreshed.tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);

    const stored = await storedRow(owner.organizationId, account.id);
    expect(stored.connectionStatus).toBe("connected");
    expect(stored.tokenRefreshedAt?.getTime()).toBe(stored.updatedAt.getTime());
    expect((await loadConnectedAccount(ctx, account.id)).account.tokens).toEqual(refreshed.tokens);
    // The spent refresh token is refused by the platform now; the new one works.
    await expect(
      fakeAdapter("x").refreshToken({ ...refreshed, tokens: account.plainTokens }, fakeClient("x")),
    ).rejects.toThrow();

    const audit = await auditRows(owner.organizationId, account.id);
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([["social_account.token_refresh", "system"]]);
    expect(audit[0]?.changes).toMatchObject({
      trigger: "publish: auth_expired",
      refresh_rotated: true,
      expires_at: { to: refreshed.tokens.expiresAt?.toISOString() },
    });
    const text = JSON.stringify(audit);
    for (const token of [refreshed.tokens.accessToken, refreshed.tokens.refreshToken!, stored.accessToken]) {
      expect(text).not.toContain(token);
    }
  });

  it("two refreshes at once: one platform refresh wins, both get its tokens, the account stays connected", async () => {
    const { owner } = await createTenant();
    const account = await connectedXAccount(owner);
    const ctx = systemContext(owner.organizationId);
    const { row } = await loadConnectedAccount(ctx, account.id);
    const [a, b, c] = await Promise.all([
      refreshAccount(ctx, row, "consumer A"),
      refreshAccount(ctx, row, "consumer B"),
      refreshAccount(systemContext(owner.organizationId), row, "cron"),
    ]);
    expect(b.tokens).toEqual(a.tokens);
    expect(c.tokens).toEqual(a.tokens);
    const stored = await storedRow(owner.organizationId, account.id);
    expect(stored.connectionStatus).toBe("connected");
    expect((await loadConnectedAccount(ctx, account.id)).account.tokens).toEqual(a.tokens);
    const actions = (await auditRows(owner.organizationId, account.id)).map((r) => r.action);
    expect(actions).toEqual(["social_account.token_refresh"]);
    expect(await notificationsOf(owner.organizationId)).toEqual([]);
    // The stored refresh token is the live one: the next refresh works.
    const next = await refreshAccount(ctx, stored, "later");
    expect(next.tokens.accessToken).not.toBe(a.tokens.accessToken);
  });

  it("a caller holding an outdated row gets the current tokens without a platform call", async () => {
    const { owner } = await createTenant();
    const account = await connectedXAccount(owner);
    const ctx = systemContext(owner.organizationId);
    const { row: stale } = await loadConnectedAccount(ctx, account.id);
    const first = await refreshAccount(ctx, stale, "first");
    const second = await refreshAccount(ctx, stale, "second, with the row read before the first");
    expect(second.tokens).toEqual(first.tokens);
    expect((await auditRows(owner.organizationId, account.id)).length).toBe(1);
  });

  it("a refusal marks the account reauth_required and tells its connector and the owners and admins, once", async () => {
    const { owner, admin, manager, editor } = await createTenant(["owner", "admin", "manager", "editor"]);
    const connector = await createUser(owner.organizationId, { role: "manager" });
    const account = await createSocialAccount(connector, {
      platform: "x",
      username: "aes_summit",
      tokens: { refreshToken: "a-refresh-token-x-never-issued" },
    });
    const ctx = systemContext(owner.organizationId);
    const { row } = await loadConnectedAccount(ctx, account.id);
    const error = await refreshAccount(ctx, row, "expiring").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocialAccountUnavailableError);
    expect(error).toMatchObject({ code: "social_account_reauth_required", permanent: true });
    expect((error as Error).message).toMatch(
      /X account @aes_summit must be reconnected \(X refused to renew access/,
    );

    const stored = await storedRow(owner.organizationId, account.id);
    expect(stored.connectionStatus).toBe("reauth_required");
    expect(stored.statusReason).toMatch(/^X refused to renew access: /);
    const sent = await notificationsOf(owner.organizationId);
    expect(sent.map((n) => n.userId).sort()).toEqual([owner.id, admin.id, connector.id].sort());
    expect(sent.map((n) => n.userId)).not.toContain(manager.id);
    expect(sent.map((n) => n.userId)).not.toContain(editor.id);
    expect(sent[0]).toMatchObject({
      title: "Reconnect the X account @aes_summit",
      link: `/v1/social-accounts/${account.id}`,
    });

    // Another caller with the same (old) row, and the read path: no second mark, no second notice.
    await expect(refreshAccount(ctx, row, "again")).rejects.toMatchObject({
      code: "social_account_reauth_required",
    });
    await expect(loadConnectedAccount(ctx, account.id)).rejects.toMatchObject({
      code: "social_account_reauth_required",
    });
    expect(await notificationsOf(owner.organizationId)).toHaveLength(3);
    const audit = await auditRows(owner.organizationId, account.id);
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([["social_account.reauth_required", "system"]]);
    expect(JSON.stringify(audit)).not.toContain(account.plainTokens.accessToken);
    const read = await measure(`/v1/social-accounts/${account.id}`, { headers: owner.headers });
    expect(await read.response.json()).toMatchObject({
      connection_status: "reauth_required",
      status_reason: stored.statusReason,
    });
  });

  it("a platform outage leaves the account as it was, and the next refresh can go at once", async () => {
    const { owner } = await createTenant();
    const account = await connectedXAccount(owner);
    const ctx = systemContext(owner.organizationId);
    const { row } = await loadConnectedAccount(ctx, account.id);
    await queueFault("x", "token", "server_error", { account: account.platformUserId });
    const error = await refreshAccount(ctx, row, "expiring").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe("transient");
    const stored = await storedRow(owner.organizationId, account.id);
    expect(stored).toMatchObject({
      connectionStatus: "connected",
      accessToken: row.accessToken,
      tokenRefreshedAt: row.tokenRefreshedAt,
    });
    const refreshed = await refreshAccount(ctx, stored, "retry");
    expect(refreshed.tokens.accessToken).not.toBe(account.plainTokens.accessToken);
  });
});
