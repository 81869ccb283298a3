import { and, eq } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { users } from "../../db/schema/users.ts";
import { inTenant } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import { actorUserId, type TenantContext } from "../context.ts";

/** Read on every page load of a client: rendered once (db/prepared.ts). */
const selectMe = preparedStatement("me", (db, value: Value<"organizationId" | "userId">) =>
  db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.organizationId, value("organizationId")), eq(users.id, value("userId")))),
);

/** The signed-in user and their organisation: one round trip. */
export async function getMe(ctx: TenantContext) {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new NotFoundError("user_not_found");
  const { rows } = await inTenant(ctx, (db) => ({
    rows: selectMe(db, { organizationId: ctx.organizationId, userId }),
  }));
  const row = rows[0];
  if (!row) throw new NotFoundError("user_not_found", "Your user no longer exists.");
  return row;
}
