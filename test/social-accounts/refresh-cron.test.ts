/**
 * The per-minute cron's token upkeep. It reaches every tenant (like the real cron), so each test
 * asserts only about its own accounts; accounts made by other files' factories expire in 2 hours and
 * are never due. A key rotation is exercised per account, never through the cross-tenant run, which
 * would re-seal other files' accounts with a key their tests do not hold.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { notifications } from "../../src/db/schema/notifications.ts";
import { socialAccounts } from "../../src/db/schema/social-accounts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import worker from "../../src/index.ts";
import { generateKeyringJson, open, SecretBoxError } from "../../src/platform/secret-box.ts";
import { CRON_DISPATCH_DUE_POSTS } from "../../src/scheduled.ts";
import { systemContext as serviceSystemContext, type TenantContext } from "../../src/services/context.ts";
import { loadConnectedAccount } from "../../src/services/social-accounts/credentials.ts";
import {
  MIN_REFRESH_LEAD_MS,
  REFRESH_LIFETIME_FRACTION,
  refreshExpiringTokens,
  upkeepAccount,
} from "../../src/services/social-accounts/refresh-due.ts";
import { auditRows } from "../support/audit.ts";
import { connectFakeAccount } from "../support/fake-platforms.ts";
import { envWith } from "../support/http.ts";
import { createSocialAccount, type SocialAccountOptions } from "../support/social-accounts.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function storedRow(organizationId: string, id: string) {
  const {
    rows: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(socialAccounts).where(eq(socialAccounts.id, id)),
  }));
  return row!;
}

/** An X account the fake really issued tokens for; `expiresAt` is what we believe of the access token. */
async function xAccount(owner: TestUser, expiresAt: Date, options: SocialAccountOptions = {}) {
  const connected = await connectFakeAccount("x");
  return createSocialAccount(owner, {
    platform: "x",
    platformUserId: connected.platformUserId,
    username: connected.username,
    ...options,
    tokens: { ...connected.tokens, expiresAt, ...options.tokens },
  });
}

function contextFor(organizationId: string, bindings: Cloudflare.Env): TenantContext {
  return serviceSystemContext(loadConfig(bindings), organizationId, "test");
}

describe("refreshing tokens ahead of expiry (cron)", () => {
  it("refreshes what expires within 15 minutes or a tenth of its lifetime, marks what the platform refuses", async () => {
    const { owner } = await createTenant();
    const now = Date.now();
    const soon = await xAccount(owner, new Date(now + 10 * MINUTE));
    const later = await xAccount(owner, new Date(now + 3 * 60 * MINUTE));
    // A 60-day token with 5 days left: due (a tenth of 60 days is 6).
    const longLived = await xAccount(owner, new Date(now + 5 * DAY), {
      tokenRefreshedAt: new Date(now - 55 * DAY),
    });
    const refused = await createSocialAccount(owner, {
      platform: "x",
      username: "refused",
      tokens: { refreshToken: "never-issued-by-x", expiresAt: new Date(now + 5 * MINUTE) },
    });
    const waiting = await xAccount(owner, new Date(now + 5 * MINUTE), {
      connectionStatus: "reauth_required",
      statusReason: "earlier",
    });
    const gone = await xAccount(owner, new Date(now + 5 * MINUTE), { deleted: true });

    const summary = await refreshExpiringTokens(loadConfig(env), new Date(now));
    expect(summary.refreshed).toBeGreaterThanOrEqual(2);
    expect(summary.reauthRequired).toBeGreaterThanOrEqual(1);

    for (const account of [soon, longLived]) {
      const row = await storedRow(owner.organizationId, account.id);
      expect(row.accessToken, account.username ?? "").not.toBe(account.accessToken);
      expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(now + 60 * MINUTE);
      expect(row.connectionStatus).toBe("connected");
    }
    for (const account of [later, waiting, gone]) {
      expect((await storedRow(owner.organizationId, account.id)).accessToken).toBe(account.accessToken);
    }
    const marked = await storedRow(owner.organizationId, refused.id);
    expect(marked.connectionStatus).toBe("reauth_required");
    const { sent } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      sent: db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, owner.id), eq(notifications.type, "social_account.reauth_required")),
        ),
    }));
    expect(sent.map((n) => n.title)).toEqual(["Reconnect the X account @refused"]);

    // The next minute: nothing of ours is due any more, and nothing is marked or notified twice.
    const refreshed = await storedRow(owner.organizationId, soon.id);
    await refreshExpiringTokens(loadConfig(env), new Date());
    expect((await storedRow(owner.organizationId, soon.id)).accessToken).toBe(refreshed.accessToken);
    expect((await auditRows(owner.organizationId, refused.id)).map((a) => a.action)).toEqual([
      "social_account.reauth_required",
    ]);
    expect((await auditRows(owner.organizationId, soon.id)).map((a) => [a.action, a.actorType])).toEqual([
      ["social_account.token_refresh", "system"],
    ]);
  });

  it("runs in the per-minute cron", async () => {
    const { owner } = await createTenant();
    const account = await xAccount(owner, new Date(Date.now() + 2 * MINUTE));
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: CRON_DISPATCH_DUE_POSTS, scheduledTime: Date.now() }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const row = await storedRow(owner.organizationId, account.id);
    expect(row.accessToken).not.toBe(account.accessToken);
    expect(row.connectionStatus).toBe("connected");
  });

  it("the due rule lives in one SQL function the application role may call, answering ids only", async () => {
    const { owner } = await createTenant();
    const now = Date.now();
    const due = await createSocialAccount(owner, { tokens: { expiresAt: new Date(now + 14 * MINUTE) } });
    const notDue = await createSocialAccount(owner, { tokens: { expiresAt: new Date(now + 16 * MINUTE) } });
    const never = await createSocialAccount(owner, { tokens: { expiresAt: null } });
    const db = createDb(loadConfig(env));
    const kid = loadConfig(env).TOKEN_ENCRYPTION_KEYS.currentKid;
    const result = await db.execute<Record<string, unknown>>(
      sql`select * from social_accounts_due_for_refresh(${new Date(now).toISOString()}::timestamptz, ${`${MIN_REFRESH_LEAD_MS} milliseconds`}::interval, ${REFRESH_LIFETIME_FRACTION}, ${kid}, 100000)`,
    );
    const ids = result.rows.map((r) => r.id);
    expect(ids).toContain(due.id);
    expect(ids).not.toContain(notDue.id);
    expect(ids).not.toContain(never.id);
    expect(Object.keys(result.rows[0] ?? {}).sort()).toEqual(["id", "organization_id"]);
  });
});

describe("key rotation", () => {
  it("a token sealed with an older key is re-sealed with the current one; both keys open meanwhile", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner, { tokens: { expiresAt: null } });
    const old = JSON.parse(env.TOKEN_ENCRYPTION_KEYS) as Record<string, string>;
    const added = JSON.parse(generateKeyringJson("k-rotated")) as Record<string, string>;
    const rotated = envWith({
      TOKEN_ENCRYPTION_KEYS: JSON.stringify({ ...old, ...added, current: "k-rotated" }),
    });

    // The cron's query names the account for the new kid, though its token never expires.
    const db = createDb(loadConfig(rotated));
    const listed = await db.execute<{ id: string }>(
      sql`select id from social_accounts_due_for_refresh(now(), interval '15 minutes', 0.1, 'k-rotated', 100000)`,
    );
    expect(listed.rows.map((r) => r.id)).toContain(account.id);

    // Before the re-seal, the new keyring still opens it.
    const ctx = contextFor(owner.organizationId, rotated);
    expect((await loadConnectedAccount(ctx, account.id)).account.tokens).toEqual(account.plainTokens);
    expect(await upkeepAccount(ctx, account.id, new Date())).toBe("resealed");
    const row = await storedRow(owner.organizationId, account.id);
    expect(row.accessToken.split(".")[1]).toBe("k-rotated");
    expect(row.refreshToken?.split(".")[1]).toBe("k-rotated");
    expect((await loadConnectedAccount(ctx, account.id)).account.tokens).toEqual(account.plainTokens);
    await expect(open(loadConfig(env).TOKEN_ENCRYPTION_KEYS, row.accessToken, row.id)).rejects.toBeInstanceOf(
      SecretBoxError,
    );
    expect(row.updatedAt).toEqual(account.updatedAt);
    expect((await auditRows(owner.organizationId, account.id)).map((a) => a.action)).toEqual([
      "social_account.reseal",
    ]);
    // Sealed with the current key: nothing more to do.
    expect(await upkeepAccount(ctx, account.id, new Date())).toBeNull();
  });

  it("a refresh seals the new tokens with the current key", async () => {
    const { owner } = await createTenant();
    const account = await xAccount(owner, new Date(Date.now() + MINUTE));
    const old = JSON.parse(env.TOKEN_ENCRYPTION_KEYS) as Record<string, string>;
    const added = JSON.parse(generateKeyringJson("k-next")) as Record<string, string>;
    const rotated = envWith({
      TOKEN_ENCRYPTION_KEYS: JSON.stringify({ ...old, ...added, current: "k-next" }),
    });
    expect(await upkeepAccount(contextFor(owner.organizationId, rotated), account.id, new Date())).toBe(
      "refreshed",
    );
    const row = await storedRow(owner.organizationId, account.id);
    expect(row.accessToken.split(".")[1]).toBe("k-next");
    expect(row.refreshToken?.split(".")[1]).toBe("k-next");
  });
});
