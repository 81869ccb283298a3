import { and, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type UserRole, users } from "../../db/schema/users.ts";
import { inTenant } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { likePrefix, type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";

export interface ListUsersInput extends PageInput {
  role?: UserRole;
  is_active?: boolean;
  /** Prefix of the email, first name, last name or "first last", case-insensitive. */
  q?: string;
}

const newestFirst = { by: users.createdAt, id: users.id } as const;

/** A page of users, rendered once per filters (db/prepared.ts). */
const usersPage = preparedStatement(
  "usersPage",
  (
    db,
    value: Value<"organizationId" | "role" | "isActive" | "prefix" | PageValue>,
    shape: { continued: boolean; role: boolean; isActive: boolean; q: boolean },
  ) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    const prefix = value("prefix");
    return db
      .select({ row: users, key: page.key })
      .from(users)
      .where(
        and(
          eq(users.organizationId, value("organizationId")),
          isNull(users.deletedAt),
          shape.role ? eq(users.role, value("role")) : undefined,
          shape.isActive ? eq(users.isActive, value("isActive")) : undefined,
          shape.q
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
      .limit(page.fetch);
  },
);

/** The organisation's users, newest first, one page at a time (one round trip). */
export async function listUsers(ctx: TenantContext, input: ListUsersInput) {
  const page = paginate(input, newestFirst);
  const prefix = input.q ? likePrefix(input.q) : undefined;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: usersPage(
      db,
      {
        organizationId: ctx.organizationId,
        role: input.role,
        isActive: input.is_active,
        prefix,
        ...page.values,
      },
      {
        continued: page.continued,
        role: Boolean(input.role),
        isActive: input.is_active !== undefined,
        q: prefix !== undefined,
      },
    ),
  }));
  return page.result(rows);
}
