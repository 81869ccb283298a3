/**
 * The per-minute cron's token upkeep, so tokens are renewed (or their account marked and its people
 * told) before a post meets an expired token:
 *
 * - an access token is refreshed when it expires within 15 minutes, or within a tenth of its lifetime
 *   when that is longer (a 60-day token is renewed 6 days ahead, leaving days to reconnect an account
 *   whose renewal the platform refuses; a 2-hour token 15 minutes ahead, the next cron runs being a
 *   minute apart);
 * - a token sealed with a key that is no longer the current one is re-sealed with the current key, so
 *   a key rotation completes without downtime even for tokens that never expire (`refreshAccount`
 *   seals with the current key anyway). The old key can be removed once no token carries its kid:
 *   `select count(*) from social_accounts where split_part(access_token, '.', 2) = '<kid>' or
 *   split_part(refresh_token, '.', 2) = '<kid>'`.
 *
 * Finding the due accounts of every tenant takes the SECURITY DEFINER function of migration 0014;
 * each account is then read and written through its own tenant.
 */
import { eq, isNull, sql } from "drizzle-orm";
import { createDb } from "../../db/client.ts";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { createLogger } from "../../platform/logger.ts";
import { auditEntry } from "../audit/record.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { refreshAccount, SocialAccountUnavailableError } from "./credentials.ts";
import { openTokens, sealTokens, tokensNeedReseal } from "./tokens.ts";

/** Refreshed at the latest this long before expiry… */
export const MIN_REFRESH_LEAD_MS = 15 * 60_000;
/** …or this share of the token's lifetime before it, when that is longer. */
export const REFRESH_LIFETIME_FRACTION = 0.1;
/** Accounts handled per cron run; the rest are due the next minute. */
const BATCH_SIZE = 100;
/** Platform calls at once. */
const CONCURRENCY = 6;

const SYSTEM = { type: "system", name: "token-refresh-cron" } as const;

/** The rule of migration 0014's `social_accounts_due_for_refresh`, for one row. */
export function dueForRefresh(row: SocialAccount, now: Date): boolean {
  if (!row.tokenExpiresAt) return false;
  const issuedAt = row.tokenRefreshedAt ?? row.createdAt;
  const lifetime = row.tokenExpiresAt.getTime() - issuedAt.getTime();
  const lead = Math.max(MIN_REFRESH_LEAD_MS, lifetime * REFRESH_LIFETIME_FRACTION);
  return row.tokenExpiresAt.getTime() <= now.getTime() + lead;
}

export interface RefreshSummary {
  refreshed: number;
  resealed: number;
  reauthRequired: number;
  failed: number;
}

export async function refreshExpiringTokens(config: Config, now: Date): Promise<RefreshSummary> {
  const logger = createLogger(config.LOG_LEVEL, { job: "refresh-expiring-tokens" });
  const db = createDb(config);
  const keyring = config.TOKEN_ENCRYPTION_KEYS;
  const due = await db.execute<{ id: string; organization_id: string }>(
    sql`select id, organization_id from social_accounts_due_for_refresh(${now.toISOString()}::timestamptz, ${`${MIN_REFRESH_LEAD_MS} milliseconds`}::interval, ${REFRESH_LIFETIME_FRACTION}, ${keyring.currentKid}, ${BATCH_SIZE})`,
  );
  const summary: RefreshSummary = { refreshed: 0, resealed: 0, reauthRequired: 0, failed: 0 };
  const queue = [...due.rows];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const ctx = systemContext(config, next.organization_id, SYSTEM.name, { db, now: () => now });
      try {
        const outcome = await upkeepAccount(ctx, next.id, now);
        if (outcome) summary[outcome]++;
      } catch (error) {
        if (error instanceof SocialAccountUnavailableError) {
          summary.reauthRequired++;
          continue;
        }
        summary.failed++;
        // The platform's message only: the error never holds a token.
        logger.warn("token refresh failed", {
          social_account_id: next.id,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  if (due.rows.length > 0) logger.info("token upkeep", { ...summary });
  return summary;
}

/** One due account: refreshed when its token expires soon, else re-sealed when its key is not current. */
export async function upkeepAccount(
  ctx: TenantContext,
  id: string,
  now: Date,
): Promise<"refreshed" | "resealed" | null> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(socialAccounts)
      .where(
        ownedBy(
          ctx,
          socialAccounts.organizationId,
          eq(socialAccounts.id, id),
          isNull(socialAccounts.deletedAt),
          eq(socialAccounts.connectionStatus, "connected"),
        ),
      ),
  }));
  const row = rows[0];
  if (!row) return null;
  if (dueForRefresh(row, now)) {
    await refreshAccount(ctx, row, "expiring");
    return "refreshed";
  }
  const keyring = ctx.config.TOKEN_ENCRYPTION_KEYS;
  if (!tokensNeedReseal(keyring, row)) return null;
  return (await resealTokens(ctx, row)) ? "resealed" : null;
}

/**
 * The same tokens sealed with the current key, guarded by the sealed value read and by no refresh
 * running (a refresher that finds its token changed would take these old tokens for new ones).
 */
async function resealTokens(ctx: TenantContext, row: SocialAccount): Promise<boolean> {
  const keyring = ctx.config.TOKEN_ENCRYPTION_KEYS;
  const sealed = await sealTokens(keyring, row.id, await openTokens(keyring, row));
  const { written } = await inTenant(ctx, (db) => ({
    written: db
      .update(socialAccounts)
      .set({
        accessToken: sealed.accessToken,
        refreshToken: sealed.refreshToken,
        updatedAt: sql`${socialAccounts.updatedAt}`,
      })
      .where(
        ownedBy(
          ctx,
          socialAccounts.organizationId,
          eq(socialAccounts.id, row.id),
          eq(socialAccounts.accessToken, row.accessToken),
          sql`(${socialAccounts.tokenRefreshedAt} is null or ${socialAccounts.tokenRefreshedAt} <= ${socialAccounts.updatedAt})`,
        ),
      )
      .returning({ id: socialAccounts.id }),
    audit: auditEntry(ctx, db, {
      action: "social_account.reseal",
      entityType: "social_account",
      entityId: row.id,
      changes: { key_id: keyring.currentKid },
      guard: socialAccounts,
    }),
  }));
  return written.length > 0;
}
