/**
 * Storing a connection (tokens and identity from an OAuth callback or an app-password login) as the
 * organisation's account. One account per organisation, platform and platform user id: connecting an
 * account again (a reconnect, also of a disconnected one) refreshes its tokens on the same row and
 * sets it `connected` again, which is the only way out of `reauth_required`.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Platform } from "../../db/schema/columns.ts";
import { events } from "../../db/schema/events.ts";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ForbiddenError, UnauthorizedError } from "../../errors.ts";
import type { AccountIdentity, TokenSet } from "../../platform/social/types.ts";
import { auditEntry } from "../audit/record.ts";
import { effectivePermissions } from "../auth/permissions.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { eventNotFound } from "../delegates/delegates.ts";
import { sealTokens } from "./tokens.ts";

export interface Connection {
  tokens: TokenSet;
  identity: AccountIdentity;
}

export interface ConnectOptions {
  /** Ties the account to this event (a live one of the organisation); omitted keeps what it had. */
  eventId?: string | null;
}

export interface SavedConnection {
  account: SocialAccount;
  /** False when an existing account was reconnected. */
  created: boolean;
}

/**
 * Two round trips: one reads the acting user (still active and allowed to connect accounts: the
 * OAuth callback acts on a state signed up to 10 minutes earlier), the event and any existing row
 * of this platform account; one writes the row with its audit entry. The tokens are sealed with the
 * row's id, so the id is chosen (or found) before the write.
 */
export async function saveConnection(
  ctx: TenantContext,
  platform: Platform,
  connection: Connection,
  options: ConnectOptions = {},
  attempt = 1,
): Promise<SavedConnection> {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new Error("saveConnection: only a user connects an account");
  const { identity } = connection;
  const eventId = options.eventId ?? undefined;
  const { actorRows, eventRows, existingRows } = await inTenant(ctx, (db) => ({
    actorRows: db
      .select({ role: users.role, permissions: users.permissions })
      .from(users)
      .where(
        ownedBy(
          ctx,
          users.organizationId,
          eq(users.id, userId),
          eq(users.isActive, true),
          isNull(users.deletedAt),
        ),
      ),
    eventRows: db
      .select({ id: events.id })
      .from(events)
      .where(
        eventId
          ? ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt))
          : sql`false`,
      ),
    existingRows: db
      .select()
      .from(socialAccounts)
      .where(
        ownedBy(
          ctx,
          socialAccounts.organizationId,
          eq(socialAccounts.platform, platform),
          eq(socialAccounts.platformUserId, identity.platformUserId),
        ),
      ),
  }));
  const actor = actorRows[0];
  if (!actor) throw new UnauthorizedError("account_disabled", "Your user is no longer active here.");
  if (!effectivePermissions(actor.role, actor.permissions).has("social_accounts:write")) {
    throw new ForbiddenError("missing_permission", 'This needs the "social_accounts:write" permission.');
  }
  if (eventId && eventRows.length === 0) throw eventNotFound();

  const existing = existingRows[0];
  const now = ctx.now();
  const id = existing?.id ?? crypto.randomUUID();
  const sealed = await sealTokens(ctx.config.TOKEN_ENCRYPTION_KEYS, id, connection.tokens);
  const fields = {
    ...sealed,
    username: identity.username,
    metadata: identity.metadata,
    connectionStatus: "connected" as const,
    statusReason: null,
    tokenRefreshedAt: now,
    createdBy: userId,
    updatedAt: now,
    ...(options.eventId === undefined ? {} : { eventId: options.eventId }),
  };
  const audit = {
    entityType: "social_account",
    entityId: id,
    changes: {
      platform,
      platform_user_id: identity.platformUserId,
      username: identity.username,
      ...(options.eventId === undefined ? {} : { event_id: options.eventId }),
      ...(existing
        ? {
            connection_status: { from: existing.connectionStatus, to: "connected" },
            restored: existing.deletedAt !== null,
          }
        : {}),
    },
    guard: socialAccounts,
  };

  if (existing) {
    const { rows } = await inTenant(ctx, (db) => ({
      rows: db
        .update(socialAccounts)
        .set({ ...fields, deletedAt: null })
        .where(and(eq(socialAccounts.organizationId, ctx.organizationId), eq(socialAccounts.id, id)))
        .returning(),
      audit: auditEntry(ctx, db, { action: "social_account.reconnect", ...audit }),
    }));
    return { account: rows[0]!, created: false };
  }

  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .insert(socialAccounts)
      .values({
        id,
        organizationId: ctx.organizationId,
        platform,
        platformUserId: identity.platformUserId,
        ...fields,
        eventId: options.eventId ?? null,
      })
      .onConflictDoNothing({
        target: [socialAccounts.organizationId, socialAccounts.platform, socialAccounts.platformUserId],
      })
      .returning(),
    audit: auditEntry(ctx, db, { action: "social_account.connect", ...audit }),
  }));
  const inserted = rows[0];
  if (inserted) return { account: inserted, created: true };
  // Someone connected the same platform account in the meantime: reconnect that row instead.
  if (attempt > 1) throw new Error("saveConnection: the account row neither inserts nor updates");
  return saveConnection(ctx, platform, connection, options, attempt + 1);
}
