/** Measurements written as the metrics consumer writes them (the rate by the SQL function). */
import { sql } from "drizzle-orm";
import type { Platform } from "../../src/db/schema/columns.ts";
import { engagementMetrics } from "../../src/db/schema/engagement-metrics.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { testDb } from "./tenants.ts";

export interface Measurement {
  at: Date;
  impressions?: number | null;
  reach?: number | null;
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  saves?: number | null;
  clicks?: number | null;
}

export async function recordMeasurements(
  organizationId: string,
  post: { id: string; platform: Platform },
  measurements: readonly Measurement[],
): Promise<void> {
  const n = (value: number | null | undefined) => value ?? null;
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.insert(engagementMetrics).values(
      measurements.map((m) => ({
        organizationId,
        publishedPostId: post.id,
        platform: post.platform,
        impressions: n(m.impressions),
        reach: n(m.reach),
        likes: n(m.likes),
        comments: n(m.comments),
        shares: n(m.shares),
        saves: n(m.saves),
        clicks: n(m.clicks),
        engagementRate: sql`engagement_rate(${n(m.likes)}::numeric, ${n(m.comments)}::numeric, ${n(m.shares)}::numeric, ${n(m.saves)}::numeric, ${n(m.clicks)}::numeric, ${n(m.impressions)}::numeric)`,
        measuredAt: m.at,
      })),
    ),
  }));
}
