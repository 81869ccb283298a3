/**
 * What is trending, from measuring: the event's dashboard (services/analytics/dashboard.ts, the same
 * statement) over the look-back — its top posts by interactions and what its posts gained hour by
 * hour — and the latest sentiment alert (services/sentiment/alerts.ts records them).
 */
import { and, desc, eq } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import { sentimentAlerts } from "../../db/schema/sentiment-alerts.ts";
import { ownedBy } from "../../db/tenant.ts";
import {
  type DashboardQuery,
  type DashboardRow,
  dashboardOf,
  dashboardStatementFor,
  type Figures,
  METRICS,
} from "../analytics/dashboard.ts";
import type { TenantContext } from "../context.ts";

/** What the event's posts gained in the look-back: the dashboard's hourly gains, summed. */
function gainedOf(series: ReadonlyArray<Figures>): Omit<Figures, "engagement_rate"> {
  const sum = (key: Exclude<keyof Figures, "engagement_rate">) =>
    series.some((bucket) => bucket[key] !== null)
      ? series.reduce((total, bucket) => total + (bucket[key] ?? 0), 0)
      : null;
  return {
    ...(Object.fromEntries(METRICS.map((metric) => [metric, sum(metric)])) as Record<
      (typeof METRICS)[number],
      number | null
    >),
    interactions: sum("interactions"),
  };
}

export function selectTrending(
  ctx: TenantContext,
  db: Database,
  query: { eventId: string; now: Date; since: Date; top: number },
) {
  const dashboard: DashboardQuery = {
    scope: "event",
    id: query.eventId,
    bucket: "hour",
    from: query.since,
    to: query.now,
    top: query.top,
  };
  return reading(
    {
      figures: db.execute<DashboardRow>(dashboardStatementFor(ctx.organizationId, dashboard)),
      alert: db
        .select({
          windowStart: sentimentAlerts.windowStart,
          items: sentimentAlerts.items,
          negativeShare: sentimentAlerts.negativeShare,
        })
        .from(sentimentAlerts)
        .where(and(ownedBy(ctx, sentimentAlerts.organizationId, eq(sentimentAlerts.eventId, query.eventId))))
        .orderBy(desc(sentimentAlerts.windowStart))
        .limit(1),
    },
    ({ figures, alert }) => {
      const row = figures.rows[0];
      const measured = row ? dashboardOf(row, dashboard, query.now) : null;
      const latest = alert[0];
      return {
        since: query.since.toISOString(),
        top_posts: measured?.top_posts ?? [],
        gained: gainedOf(measured?.series ?? []),
        latest_alert: latest
          ? {
              window_start: latest.windowStart.toISOString(),
              items: latest.items,
              negative_share: latest.negativeShare,
            }
          : null,
      };
    },
  );
}
