/**
 * Connected social accounts as the API shows them: list, read, tie to an event or pause, disconnect
 * (soft delete) and restore. Tokens stay in the row, sealed; nothing here opens them.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Platform } from "../../db/schema/columns.ts";
import {
  type ConnectionStatus,
  type SocialAccount,
  socialAccounts,
} from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import { eventNotFound, liveEvent } from "../delegates/delegates.ts";
import { type PageInput, paginate, type SortValue, sortOrder, sortValues } from "../pagination.ts";
import { findLive } from "../soft-delete.ts";

export const socialAccountNotFound = () =>
  new NotFoundError("social_account_not_found", "No such social account.");

export function getSocialAccount(ctx: TenantContext, id: string): Promise<SocialAccount> {
  return findLive(ctx, socialAccounts, id, socialAccountNotFound);
}

export const SOCIAL_ACCOUNT_SORTS = sortValues("created_at", "platform");

export interface ListSocialAccountsInput extends PageInput {
  platform?: Platform;
  event_id?: string;
  connection_status?: ConnectionStatus;
  is_active?: boolean;
  sort?: SortValue<"created_at" | "platform">;
}

export async function listSocialAccounts(ctx: TenantContext, input: ListSocialAccountsInput) {
  const page = paginate(
    input,
    sortOrder(
      input.sort ?? "-created_at",
      { created_at: socialAccounts.createdAt, platform: socialAccounts.platform },
      socialAccounts.id,
    ),
  );
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({ row: socialAccounts, key: page.key })
      .from(socialAccounts)
      .where(
        ownedBy(
          ctx,
          socialAccounts.organizationId,
          isNull(socialAccounts.deletedAt),
          input.platform ? eq(socialAccounts.platform, input.platform) : undefined,
          input.event_id ? eq(socialAccounts.eventId, input.event_id) : undefined,
          input.connection_status ? eq(socialAccounts.connectionStatus, input.connection_status) : undefined,
          input.is_active === undefined ? undefined : eq(socialAccounts.isActive, input.is_active),
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch),
  }));
  return page.result(rows);
}

export interface UpdateSocialAccountInput {
  event_id?: string | null;
  is_active?: boolean;
}

/**
 * Two round trips: read (404, If-Match), then a write guarded by what was read and, when an event is
 * named, by that event being a live one of the organisation (read in the same batch to say 404).
 */
export async function updateSocialAccount(
  ctx: TenantContext,
  id: string,
  patch: UpdateSocialAccountInput,
  ifMatch: string | undefined,
): Promise<SocialAccount> {
  const current = await getSocialAccount(ctx, id);
  assertIfMatch(ifMatch, current.updatedAt);
  const set = definedFields({ eventId: patch.event_id, isActive: patch.is_active });
  const eventId = patch.event_id ?? undefined;
  const { eventRows, rows } = await inTenant(ctx, (db) => ({
    eventRows: db.execute<{ live: boolean }>(
      sql`select ${eventId ? liveEvent(ctx, eventId) : sql`true`} as live`,
    ),
    rows: db
      .update(socialAccounts)
      .set({ ...set, updatedAt: ctx.now() })
      .where(
        and(
          ownedBy(
            ctx,
            socialAccounts.organizationId,
            eq(socialAccounts.id, id),
            isNull(socialAccounts.deletedAt),
          ),
          unchangedSince(socialAccounts.updatedAt, current.updatedAt),
          eventId ? liveEvent(ctx, eventId) : undefined,
        ),
      )
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "social_account.update",
      entityType: "social_account",
      entityId: id,
      changes: diff(current as unknown as Record<string, unknown>, set),
      guard: socialAccounts,
    }),
  }));
  const updated = rows[0];
  if (updated) return updated;
  if (!eventRows.rows[0]?.live) throw eventNotFound();
  if (ifMatch) throw new PreconditionFailedError();
  throw new ConflictError(
    "edit_conflict",
    "The social account changed while you were saving; read it again.",
  );
}
