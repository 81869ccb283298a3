/** Campaign factories, written like the Worker writes (application role, tenant set). */
import { type CampaignStatus, campaigns } from "../../src/db/schema/campaigns.ts";
import type { Platform } from "../../src/db/schema/columns.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { testDb } from "./tenants.ts";

export async function createCampaign(
  organizationId: string,
  overrides: {
    eventId?: string | null;
    name?: string;
    campaignType?: string;
    startDate?: Date;
    endDate?: Date;
    targetPlatforms?: Platform[];
    status?: CampaignStatus;
    kpiTargets?: Record<string, number>;
    deleted?: boolean;
  } = {},
) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(campaigns)
      .values({
        organizationId,
        eventId: overrides.eventId ?? null,
        name: overrides.name ?? `Campaign ${crypto.randomUUID().slice(0, 8)}`,
        campaignType: overrides.campaignType ?? "awareness",
        startDate: overrides.startDate ?? new Date("2027-01-15T00:00:00Z"),
        endDate: overrides.endDate ?? new Date("2027-03-20T23:59:59Z"),
        targetPlatforms: overrides.targetPlatforms ?? ["x", "linkedin"],
        kpiTargets: overrides.kpiTargets ?? {},
        status: overrides.status ?? "draft",
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}
