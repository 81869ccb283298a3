import { eq, ilike, isNull, or, sql } from "drizzle-orm";
import { type UserRole, users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { likePrefix, type PageInput, paginate } from "../pagination.ts";

export interface ListUsersInput extends PageInput {
  role?: UserRole;
  is_active?: boolean;
  /** Prefix of the email, first name, last name or "first last", case-insensitive. */
  q?: string;
}

/** The organisation's users, newest first, one page at a time (one round trip). */
export async function listUsers(ctx: TenantContext, input: ListUsersInput) {
  const page = paginate(input, { by: users.createdAt, id: users.id });
  const prefix = input.q ? likePrefix(input.q) : undefined;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({ row: users, key: page.key })
      .from(users)
      .where(
        ownedBy(
          ctx,
          users.organizationId,
          isNull(users.deletedAt),
          input.role ? eq(users.role, input.role) : undefined,
          input.is_active === undefined ? undefined : eq(users.isActive, input.is_active),
          prefix
            ? or(
                ilike(users.email, prefix),
                ilike(users.firstName, prefix),
                ilike(users.lastName, prefix),
                ilike(sql`concat_ws(' ', ${users.firstName}, ${users.lastName})`, prefix),
              )
            : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch),
  }));
  return page.result(rows);
}
