import { and, eq, isNull } from "drizzle-orm";
import { organizations } from "../../db/schema/organizations.ts";
import { inTenant } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";

/** The caller's organisation (one round trip). */
export async function getOrganization(ctx: TenantContext) {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, ctx.organizationId), isNull(organizations.deletedAt))),
  }));
  const organization = rows[0];
  if (!organization) throw new NotFoundError("organization_not_found", "Your organisation no longer exists.");
  return organization;
}
