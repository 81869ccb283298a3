/**
 * Connected social accounts as the API shows them: list, read, tie to an event or pause, disconnect
 * (soft delete) and restore. Tokens stay in the row, sealed; nothing here opens them.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
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
import {
  type PageInput,
  type PageValue,
  pageStatement,
  paginate,
  type SortValue,
  sortOrder,
  sortValues,
} from "../pagination.ts";
import { findLive } from "../soft-delete.ts";

export const socialAccountNotFound = () =>
  new NotFoundError("social_account_not_found", "No such social account.");

export function getSocialAccount(ctx: TenantContext, id: string): Promise<SocialAccount> {
  return findLive(ctx, socialAccounts, id, socialAccountNotFound);
}

export const SOCIAL_ACCOUNT_SORTS = sortValues("created_at", "platform");

type SocialAccountSort = SortValue<"created_at" | "platform">;

export interface ListSocialAccountsInput extends PageInput {
  platform?: Platform;
  event_id?: string;
  connection_status?: ConnectionStatus;
  is_active?: boolean;
  sort?: SocialAccountSort;
}

const accountOrder = (sort: SocialAccountSort) =>
  sortOrder(
    sort,
    { created_at: socialAccounts.createdAt, platform: socialAccounts.platform },
    socialAccounts.id,
  );

/** A page of accounts, rendered once per filters and order (db/prepared.ts). */
const accountsPage = preparedStatement(
  "socialAccountsPage",
  (
    db,
    value: Value<"organizationId" | "platform" | "eventId" | "connectionStatus" | "isActive" | PageValue>,
    shape: {
      sort: SocialAccountSort;
      continued: boolean;
      platform: boolean;
      eventId: boolean;
      connectionStatus: boolean;
      isActive: boolean;
    },
  ) => {
    const page = pageStatement(accountOrder(shape.sort), shape.continued, value);
    return db
      .select({ row: socialAccounts, key: page.key })
      .from(socialAccounts)
      .where(
        and(
          eq(socialAccounts.organizationId, value("organizationId")),
          isNull(socialAccounts.deletedAt),
          shape.platform ? eq(socialAccounts.platform, value("platform")) : undefined,
          shape.eventId ? eq(socialAccounts.eventId, value("eventId")) : undefined,
          shape.connectionStatus ? eq(socialAccounts.connectionStatus, value("connectionStatus")) : undefined,
          shape.isActive ? eq(socialAccounts.isActive, value("isActive")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

export async function listSocialAccounts(ctx: TenantContext, input: ListSocialAccountsInput) {
  const sort = input.sort ?? "-created_at";
  const page = paginate(input, accountOrder(sort));
  const { rows } = await inTenant(ctx, (db) => ({
    rows: accountsPage(
      db,
      {
        organizationId: ctx.organizationId,
        platform: input.platform,
        eventId: input.event_id,
        connectionStatus: input.connection_status,
        isActive: input.is_active,
        ...page.values,
      },
      {
        sort,
        continued: page.continued,
        platform: Boolean(input.platform),
        eventId: Boolean(input.event_id),
        connectionStatus: Boolean(input.connection_status),
        isActive: input.is_active !== undefined,
      },
    ),
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
