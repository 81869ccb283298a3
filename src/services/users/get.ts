import { eq, isNull } from "drizzle-orm";
import { users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";

export const userNotFound = () => new NotFoundError("user_not_found", "No such user in your organisation.");

/** One user of the organisation (one round trip); another organisation's id is 404 like a missing one. */
export async function getUser(ctx: TenantContext, id: string) {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(users)
      .where(ownedBy(ctx, users.organizationId, eq(users.id, id), isNull(users.deletedAt))),
  }));
  const user = rows[0];
  if (!user) throw userNotFound();
  return user;
}
