/**
 * An account's tokens for the code that acts on the platform (the publishing consumer, the refresh
 * cron): opened for use, refreshed when they expire, and the account marked `reauth_required` (its
 * connector and the organisation's owners and admins told) when the platform will not refresh them.
 *
 * Refresh tokens rotate on most platforms (X, Bluesky): the first refresh spends the old refresh
 * token, and a second refresh with it is refused, or may even be taken as theft and revoke the grant.
 * So one refresh at a time per account: a refresher first CLAIMS the row (a guarded update that sets
 * `token_refreshed_at` after `updated_at`, which marks "a refresh is running"; a claim older than
 * the lease is abandoned and may be taken over), calls the platform, and writes the new tokens guarded
 * on the sealed token it replaced. Whoever finds the row claimed waits for the claimer's tokens and
 * uses them. Every write of new tokens sets `token_refreshed_at` and `updated_at` to the same time,
 * which ends the claim.
 */
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { PLATFORM_NAMES } from "../../platform/social/platform-names.ts";
import { oauthClientFor } from "../../platform/social/registry.ts";
import { type ConnectedAccount, PlatformError, type TokenSet } from "../../platform/social/types.ts";
import { auditEntry } from "../audit/record.ts";
import { unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { reauthRequiredEvent } from "../webhooks/events.ts";
import { adapterOf } from "./platforms.ts";
import { connectedAccountOf, sealTokens } from "./tokens.ts";

export type SocialAccountUnavailableCode =
  | "social_account_not_found"
  | "social_account_inactive"
  | "social_account_reauth_required";

/**
 * The account cannot be used: disconnected (deleted), paused (`is_active` false), or waiting for a
 * reconnect. Permanent for whoever wanted to use it: retrying does not help until a person acts.
 */
export class SocialAccountUnavailableError extends Error {
  override name = "SocialAccountUnavailableError";
  readonly code: SocialAccountUnavailableCode;
  readonly permanent = true;

  constructor(code: SocialAccountUnavailableCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Refresh writes are the system's doing, whoever asked for them. */
const SYSTEM = { type: "system", name: "social-account-tokens" } as const;

const label = (row: SocialAccount) =>
  `${PLATFORM_NAMES[row.platform]} account ${row.username ? `@${row.username}` : row.platformUserId}`;

function unavailable(row: SocialAccount | undefined): SocialAccountUnavailableError | undefined {
  if (!row || row.deletedAt) {
    return new SocialAccountUnavailableError(
      "social_account_not_found",
      "The social account was disconnected; connect it again to post to it.",
    );
  }
  if (row.connectionStatus === "reauth_required") {
    return new SocialAccountUnavailableError(
      "social_account_reauth_required",
      `The ${label(row)} must be reconnected${row.statusReason ? ` (${row.statusReason})` : ""}.`,
    );
  }
  return undefined;
}

async function readAccount(ctx: TenantContext, id: string): Promise<SocialAccount | undefined> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(socialAccounts)
      .where(ownedBy(ctx, socialAccounts.organizationId, eq(socialAccounts.id, id))),
  }));
  return rows[0];
}

/**
 * The account with its opened tokens, in one round trip, or `SocialAccountUnavailableError` when it
 * is not a live, active, connected account of the organisation.
 */
export async function loadConnectedAccount(
  ctx: TenantContext,
  accountId: string,
): Promise<{ row: SocialAccount; account: ConnectedAccount }> {
  const row = await readAccount(ctx, accountId);
  const refused = unavailable(row);
  if (refused) throw refused;
  if (!row!.isActive) {
    throw new SocialAccountUnavailableError(
      "social_account_inactive",
      `The ${label(row!)} is paused (is_active is false); activate it to post to it.`,
    );
  }
  return { row: row!, account: await connectedAccountOf(ctx.config.TOKEN_ENCRYPTION_KEYS, row!) };
}

/** How long a claimed refresh may run before another refresher may take it over. */
function leaseMs(ctx: TenantContext): number {
  return 2 * ctx.config.PLATFORM_TIMEOUT_MS;
}

/** A claim is running: set after the row's last write, and not yet abandoned. */
function claimed(ctx: TenantContext): SQL {
  const abandonedBefore = new Date(ctx.now().getTime() - leaseMs(ctx)).toISOString();
  const at = socialAccounts.tokenRefreshedAt;
  return sql`(${at} is not null and ${at} > ${socialAccounts.updatedAt} and ${at} >= ${abandonedBefore}::timestamptz)`;
}

/** Claims the refresh of `row`'s tokens; the claim's time, or null when the row changed or is claimed. */
async function claim(ctx: TenantContext, row: SocialAccount): Promise<Date | null> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .update(socialAccounts)
      .set({
        // Always after updated_at, even within the same millisecond: that is what marks the claim.
        tokenRefreshedAt: sql`greatest(${ctx.now().toISOString()}::timestamptz, ${socialAccounts.updatedAt} + interval '1 millisecond')`,
        updatedAt: sql`${socialAccounts.updatedAt}`,
      })
      .where(
        ownedBy(
          ctx,
          socialAccounts.organizationId,
          eq(socialAccounts.id, row.id),
          isNull(socialAccounts.deletedAt),
          eq(socialAccounts.connectionStatus, "connected"),
          eq(socialAccounts.accessToken, row.accessToken),
          sql`not ${claimed(ctx)}`,
        ),
      )
      .returning({ at: socialAccounts.tokenRefreshedAt }),
  }));
  return rows[0]?.at ?? null;
}

/**
 * New tokens for the account, refreshed at the platform once however many callers ask at the same
 * time: a caller that finds a refresh running waits for it (up to the lease) and uses its tokens. When
 * the platform refuses, the account is marked `reauth_required`, its people are notified once, and
 * `SocialAccountUnavailableError` is thrown; a platform that fails otherwise (rate limit, outage)
 * throws its `PlatformError` and the account stays as it was. `reason` says why (it is audited).
 */
export async function refreshAccount(
  ctx: TenantContext,
  row: SocialAccount,
  reason: string,
): Promise<ConnectedAccount> {
  const keyring = ctx.config.TOKEN_ENCRYPTION_KEYS;
  const giveUpAt = Date.now() + leaseMs(ctx) + 5_000;
  let current = row;
  let pause = 100;
  for (;;) {
    const claimedAt = await claim(ctx, current);
    if (claimedAt) return refreshClaimed(ctx, current, claimedAt, reason);
    const fresh = await readAccount(ctx, row.id);
    const refused = unavailable(fresh);
    if (refused) throw refused;
    // Refreshed (or reconnected) by someone else meanwhile: their tokens are the current ones.
    if (fresh!.accessToken !== row.accessToken) return connectedAccountOf(keyring, fresh!);
    current = fresh!;
    if (Date.now() > giveUpAt) {
      throw new PlatformError("transient", "Another refresh of this account's token is still running.");
    }
    await scheduler.wait(pause);
    pause = Math.min(pause * 2, 1_000);
  }
}

async function refreshClaimed(
  ctx: TenantContext,
  row: SocialAccount,
  claimedAt: Date,
  reason: string,
): Promise<ConnectedAccount> {
  const keyring = ctx.config.TOKEN_ENCRYPTION_KEYS;
  const account = await connectedAccountOf(keyring, row);
  let issued: TokenSet;
  try {
    issued = await adapterOf(ctx.config, row.platform).refreshToken(
      account,
      oauthClientFor(row.platform, ctx.config),
    );
  } catch (error) {
    if (error instanceof PlatformError && (error.kind === "auth_expired" || error.kind === "permanent")) {
      return markReauthRequired(ctx, row, claimedAt, error.message, reason);
    }
    await releaseClaim(ctx, row, claimedAt);
    throw error;
  }
  // Platforms that do not rotate refresh tokens do not send one back: the one we hold stays valid.
  const tokens: TokenSet = { ...issued, refreshToken: issued.refreshToken ?? account.tokens.refreshToken };
  const sealed = await sealTokens(keyring, row.id, tokens);
  const tenant: TenantContext = { ...ctx, actor: SYSTEM };
  const now = ctx.now();
  const { written } = await inTenant(tenant, (db) => ({
    written: db
      .update(socialAccounts)
      .set({
        ...sealed,
        tokenRefreshedAt: now,
        updatedAt: now,
        connectionStatus: "connected",
        statusReason: null,
      })
      // Guarded only by the token it replaces: a claimer whose lease was taken over still holds tokens
      // the platform just issued, and the other refresher, finding the token changed, uses these.
      .where(
        ownedBy(
          ctx,
          socialAccounts.organizationId,
          eq(socialAccounts.id, row.id),
          eq(socialAccounts.accessToken, row.accessToken),
        ),
      )
      .returning(),
    audit: auditEntry(tenant, db, {
      action: "social_account.token_refresh",
      entityType: "social_account",
      entityId: row.id,
      changes: {
        // Named so the audit redaction (any `*_token_*` key) leaves these facts readable.
        expires_at: { from: row.tokenExpiresAt, to: tokens.expiresAt },
        refresh_rotated: issued.refreshToken !== null,
        trigger: reason,
      },
      guard: socialAccounts,
    }),
  }));
  if (written[0]) return { ...account, tokens };
  // Reconnected meanwhile (the only other writer of tokens): its tokens win.
  const fresh = await readAccount(ctx, row.id);
  const refused = unavailable(fresh);
  if (refused) throw refused;
  return connectedAccountOf(keyring, fresh!);
}

/** A refresh that failed for now (rate limit, outage): the next refresher need not wait out the lease. */
async function releaseClaim(ctx: TenantContext, row: SocialAccount, claimedAt: Date): Promise<void> {
  await inTenant(ctx, (db) => ({
    released: db
      .update(socialAccounts)
      .set({ tokenRefreshedAt: row.tokenRefreshedAt, updatedAt: sql`${socialAccounts.updatedAt}` })
      .where(
        and(
          ownedBy(ctx, socialAccounts.organizationId, eq(socialAccounts.id, row.id)),
          unchangedSince(socialAccounts.tokenRefreshedAt, claimedAt),
        ),
      ),
  }));
}

/**
 * The platform refused the refresh: the account needs a person to reconnect it. The mark, its audit
 * row and the notifications are one batch guarded by our claim, so a failure episode is marked and
 * announced once (the dedupe key guards a retried write too). Always throws, unless the account was
 * reconnected meanwhile, whose tokens are then answered.
 */
async function markReauthRequired(
  ctx: TenantContext,
  row: SocialAccount,
  claimedAt: Date,
  platformMessage: string,
  reason: string,
): Promise<ConnectedAccount> {
  const name = PLATFORM_NAMES[row.platform];
  const statusReason = `${name} refused to renew access: ${platformMessage}`.slice(0, 500);
  const tenant: TenantContext = { ...ctx, actor: SYSTEM };
  const wroteThisAccount = sql`exists (select 1 from ${socialAccounts} where ${socialAccounts.id} = ${row.id} and xmin = pg_current_xact_id()::xid)`;
  const recipients = sql`select ${users.id} from ${users} where ${users.organizationId} = ${ctx.organizationId}
    and (${users.id} = ${row.createdBy} or ${users.role} in ('owner', 'admin')) and ${wroteThisAccount}`;
  const { marked } = await inTenant(tenant, (db) => ({
    marked: db
      .update(socialAccounts)
      .set({ connectionStatus: "reauth_required", statusReason, updatedAt: ctx.now() })
      .where(
        and(
          ownedBy(
            ctx,
            socialAccounts.organizationId,
            eq(socialAccounts.id, row.id),
            eq(socialAccounts.accessToken, row.accessToken),
          ),
          unchangedSince(socialAccounts.tokenRefreshedAt, claimedAt),
        ),
      )
      .returning(),
    audit: auditEntry(tenant, db, {
      action: "social_account.reauth_required",
      entityType: "social_account",
      entityId: row.id,
      changes: {
        connection_status: { from: row.connectionStatus, to: "reauth_required" },
        status_reason: statusReason,
        trigger: reason,
      },
      guard: socialAccounts,
    }),
    notice: notify(tenant, db, recipients, {
      type: "social_account.reauth_required",
      title: `Reconnect the ${label(row)}`,
      message: `${statusReason}. Posts to this account wait until someone connects it again.`,
      link: `/v1/social-accounts/${row.id}`,
      data: { social_account_id: row.id, platform: row.platform, status_reason: statusReason },
      dedupeKey: `social_account.reauth_required:${row.id}:${claimedAt.getTime()}`,
    }),
    webhook: reauthRequiredEvent(tenant, db, row.id),
  }));
  if (marked[0]) throw unavailable(marked[0]);
  const fresh = await readAccount(ctx, row.id);
  if (
    fresh &&
    !fresh.deletedAt &&
    fresh.connectionStatus === "connected" &&
    fresh.accessToken !== row.accessToken
  ) {
    return connectedAccountOf(ctx.config.TOKEN_ENCRYPTION_KEYS, fresh);
  }
  // Not marked by us: already marked, disconnected, or our lease was taken over by another refresher.
  throw (
    unavailable(fresh) ??
    new PlatformError("transient", "Another refresh of this account's token took over; try again.")
  );
}
