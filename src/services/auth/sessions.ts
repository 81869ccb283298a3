/**
 * Sessions: what sign-up and sign-in create, refresh rotates and sign-out ends. A session is a
 * family of refresh tokens; each refresh spends one token and issues its successor. Presenting a
 * spent token means it was copied: the whole family is revoked.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { SIGN_IN_STATUSES } from "../../db/schema/organizations.ts";
import { refreshTokens } from "../../db/schema/refresh-tokens.ts";
import type { PermissionOverrides, UserRole } from "../../db/schema/users.ts";
import { inTenant } from "../../db/tenant.ts";
import { UnauthorizedError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import type { ServiceContext, TenantContext } from "../context.ts";
import { type AccessWindow, accessOf, assertAccessOpen, type StoredAccess } from "./access.ts";
import {
  accessTokenLifetime,
  hashRefreshToken,
  issueAccessToken,
  newRefreshToken,
  refreshTokenExpiry,
  type TokenPair,
} from "./tokens.ts";

export interface SessionUser {
  id: string;
  organizationId: string;
  role: UserRole;
  permissions: PermissionOverrides;
  /** Their access window and events, when sign-in read them (a new organisation's owner has none). */
  access?: AccessWindow;
}

/** The insert that starts a session (put it in the caller's batch) and the pair to hand out. */
export async function startSession(ctx: TenantContext, db: Database, user: SessionUser) {
  const now = ctx.now();
  const refresh = await newRefreshToken();
  const insert = db.insert(refreshTokens).values({
    organizationId: user.organizationId,
    userId: user.id,
    tokenHash: refresh.hash,
    familyId: crypto.randomUUID(),
    expiresAt: refreshTokenExpiry(now, user.access),
    userAgent: ctx.request.userAgent,
    ipAddress: ctx.request.ip,
  });
  const tokens: TokenPair = {
    access_token: await issueAccessToken(ctx.config, user, { access: user.access, now }),
    token_type: "Bearer",
    expires_in: accessTokenLifetime(now, user.access),
    refresh_token: refresh.token,
  };
  return { insert, tokens };
}

interface StoredToken extends StoredAccess {
  id: string;
  organization_id: string;
  user_id: string;
  family_id: string;
  expires_at: string;
  revoked_at: string | null;
  replaced_by: string | null;
  role: UserRole;
  permissions: PermissionOverrides;
  user_active: boolean;
  user_deleted_at: string | null;
  organization_status: string;
}

async function findToken(ctx: ServiceContext, token: string): Promise<StoredToken | undefined> {
  const hash = await hashRefreshToken(token);
  // The owner's access rides in the same statement: refresh costs no round trip more for it.
  const result = await ctx.db.execute<Record<string, unknown>>(
    sql`select t.*, a.* from auth_refresh_token(${hash}) t left join lateral auth_user_access(t.user_id) a on true`,
  );
  return result.rows[0] as StoredToken | undefined;
}

/** The token's owner acts (their permissions do not matter here: only the audit row names them). */
function tenantOf(ctx: ServiceContext, token: StoredToken): TenantContext {
  return {
    ...ctx,
    organizationId: token.organization_id,
    actor: { type: "user", userId: token.user_id, role: token.role, permissions: new Set() },
  };
}

async function revokeFamily(ctx: TenantContext, familyId: string, action: string) {
  await inTenant(ctx, (db) => ({
    revoked: db
      .update(refreshTokens)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(refreshTokens.organizationId, ctx.organizationId),
          eq(refreshTokens.familyId, familyId),
          isNull(refreshTokens.revokedAt),
        ),
      ),
    audit: auditEntry(ctx, db, {
      action,
      entityType: "session",
      entityId: familyId,
    }),
  }));
}

const invalid = () => new UnauthorizedError("invalid_refresh_token", "The refresh token is not valid.");

/** Spends a refresh token and issues its successor (two round trips). */
export async function refreshSession(ctx: ServiceContext, token: string): Promise<TokenPair> {
  const stored = await findToken(ctx, token);
  if (!stored) throw invalid();
  const tenant = tenantOf(ctx, stored);
  // A deactivated account's tokens are dead, not stolen: no reuse alarm for them.
  const organizationOpen = SIGN_IN_STATUSES.includes(stored.organization_status);
  if (!stored.user_active || stored.user_deleted_at || !organizationOpen) {
    if (!stored.revoked_at) await revokeFamily(tenant, stored.family_id, "session.revoke");
    throw new UnauthorizedError("account_disabled", "This account is deactivated.");
  }
  // Outside the owner's access window: refused before the reuse check, since a change of the window
  // that closed it also ended the session (services/users/access.ts); that is no reuse.
  const access = accessOf(stored);
  const now = ctx.now();
  assertAccessOpen(access, now);
  if (stored.revoked_at || stored.replaced_by) {
    await revokeFamily(tenant, stored.family_id, "session.reuse_detected");
    throw new UnauthorizedError(
      "refresh_token_reused",
      "This refresh token was already used; the session is ended.",
    );
  }
  if (new Date(stored.expires_at) <= now) throw invalid();

  const next = await newRefreshToken();
  const nextId = crypto.randomUUID();
  // Spend the old token first (this locks its row), then create the successor only if this very
  // transaction spent it (its xmin is ours): two concurrent refreshes never both get a successor.
  const spentHere = sql`exists (select 1 from refresh_tokens where id = ${stored.id} and xmin = pg_current_xact_id()::xid)`;
  const { spent } = await inTenant(tenant, (db) => ({
    spent: db
      .update(refreshTokens)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(refreshTokens.organizationId, stored.organization_id),
          eq(refreshTokens.id, stored.id),
          isNull(refreshTokens.revokedAt),
          isNull(refreshTokens.replacedBy),
        ),
      )
      .returning({ id: refreshTokens.id }),
    successor: db.execute(sql`
      insert into refresh_tokens (id, organization_id, user_id, token_hash, family_id, expires_at, user_agent, ip_address)
      select ${nextId}, ${stored.organization_id}, ${stored.user_id}, ${next.hash}, ${stored.family_id},
             ${refreshTokenExpiry(now, access).toISOString()}, ${ctx.request.userAgent}, ${ctx.request.ip}
      where ${spentHere}`),
    replaced: db.execute(
      sql`update refresh_tokens set replaced_by = ${nextId} where id = ${stored.id} and ${spentHere}`,
    ),
    audit: auditEntry(tenant, db, {
      action: "session.refresh",
      entityType: "refresh_token",
      entityId: nextId,
      changes: { family_id: stored.family_id },
      guard: refreshTokens,
    }),
  }));
  if (spent.length === 0) {
    await revokeFamily(tenant, stored.family_id, "session.reuse_detected");
    throw new UnauthorizedError(
      "refresh_token_reused",
      "This refresh token was already used; the session is ended.",
    );
  }
  return {
    access_token: await issueAccessToken(
      ctx.config,
      {
        id: stored.user_id,
        organizationId: stored.organization_id,
        role: stored.role,
        permissions: stored.permissions,
      },
      { access, now },
    ),
    token_type: "Bearer",
    expires_in: accessTokenLifetime(now, access),
    refresh_token: next.token,
  };
}

/** Ends the session the token belongs to. Unknown tokens are ignored: signing out twice is fine. */
export async function endSession(ctx: ServiceContext, token: string): Promise<void> {
  const stored = await findToken(ctx, token);
  if (!stored || stored.revoked_at) return;
  await revokeFamily(tenantOf(ctx, stored), stored.family_id, "session.logout");
}
