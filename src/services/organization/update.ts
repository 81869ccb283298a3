import { and, eq, isNull, sql } from "drizzle-orm";
import { type Organization, organizations } from "../../db/schema/organizations.ts";
import { inTenant } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { getOrganization } from "./get.ts";
import type { OrganizationSettings } from "./settings.ts";

export interface UpdateOrganizationInput {
  name?: string;
  description?: string | null;
  logo_url?: string | null;
  country_code?: string;
  settings?: OrganizationSettings;
}

/** The audited view: top-level fields, and each setting as `settings.<key>` so a diff names the key. */
function view(fields: Record<string, unknown>, settings: Record<string, unknown>): Record<string, unknown> {
  const flat = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [`settings.${key}`, value]);
  return { ...fields, ...Object.fromEntries(flat) };
}

/**
 * Changes the organisation's profile and settings (two round trips: read for the audit diff, then
 * write and audit). Settings merge in SQL (`settings || patch`), so two admins changing different
 * keys at once both keep their change. The slug is not changeable here.
 */
export async function updateOrganization(
  ctx: TenantContext,
  input: UpdateOrganizationInput,
): Promise<Organization> {
  const current = await getOrganization(ctx);
  const { settings = {}, ...fields } = input;
  const changes = diff(
    view(
      {
        name: current.name,
        description: current.description,
        logo_url: current.logoUrl,
        country_code: current.countryCode,
      },
      // A setting never set before diffs from null, not from nothing.
      { ...Object.fromEntries(Object.keys(settings).map((key) => [key, null])), ...current.settings },
    ),
    view(fields, settings),
  );
  if (Object.keys(changes).length === 0) return current;

  const {
    updated: [updated],
  } = await inTenant(ctx, (db) => ({
    updated: db
      .update(organizations)
      .set({
        name: input.name,
        description: input.description,
        logoUrl: input.logo_url,
        countryCode: input.country_code,
        settings: sql`${organizations.settings} || ${JSON.stringify(settings)}::jsonb`,
      })
      .where(and(eq(organizations.id, ctx.organizationId), isNull(organizations.deletedAt)))
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "organization.update",
      entityType: "organization",
      entityId: ctx.organizationId,
      changes,
      guard: organizations,
    }),
  }));
  if (!updated) throw new NotFoundError("organization_not_found", "Your organisation no longer exists.");
  return updated;
}
