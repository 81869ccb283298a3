import { z } from "@hono/zod-openapi";
import { CAMPAIGN_STATUSES, type Campaign } from "../../../db/schema/campaigns.ts";
import { CAMPAIGN_TYPES, KPI_COUNTS } from "../../../services/campaigns/campaigns.ts";
import { DateTimeSchema, PlatformSchema, TargetPlatformsSchema } from "../common.ts";

export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export const CampaignTypeSchema = z.enum(CAMPAIGN_TYPES);

/** Platforms a campaign targets: each at most once. */

const count = z.int().min(0).optional();

/** The targets a campaign is measured against: counts, and an engagement rate between 0 and 1. */
export const KpiTargetsSchema = z
  .strictObject({
    ...(Object.fromEntries(KPI_COUNTS.map((k) => [k, count])) as Record<
      (typeof KPI_COUNTS)[number],
      typeof count
    >),
    engagement_rate: z.number().min(0).max(1).optional(),
  })
  .openapi("KpiTargets", { example: { impressions: 500_000, engagement_rate: 0.035, posts: 120 } });

export const CampaignSchema = z
  .object({
    id: z.uuid(),
    event_id: z.uuid().nullable(),
    name: z.string(),
    campaign_type: CampaignTypeSchema,
    start_date: z.iso.datetime().nullable(),
    end_date: z.iso.datetime().nullable(),
    target_platforms: z.array(PlatformSchema),
    kpi_targets: KpiTargetsSchema,
    status: CampaignStatusSchema,
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Campaign");

export function toCampaign(row: Campaign): z.infer<typeof CampaignSchema> {
  return {
    id: row.id,
    event_id: row.eventId,
    name: row.name,
    campaign_type: row.campaignType as z.infer<typeof CampaignTypeSchema>,
    start_date: row.startDate?.toISOString() ?? null,
    end_date: row.endDate?.toISOString() ?? null,
    target_platforms: row.targetPlatforms,
    kpi_targets: row.kpiTargets,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const CampaignFields = {
  event_id: z.uuid().nullable().openapi({ description: "An event of the organisation, or null" }),
  name: z.string().trim().min(2).max(200),
  campaign_type: CampaignTypeSchema,
  start_date: DateTimeSchema,
  end_date: DateTimeSchema.openapi({
    description: "Not before start_date (else 400 validation_failed, `date_order`)",
  }),
  target_platforms: TargetPlatformsSchema,
  kpi_targets: KpiTargetsSchema,
  status: CampaignStatusSchema,
};
