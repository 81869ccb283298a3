/**
 * Sentiment alerts: when, in a 15-minute window, an event has at least `ALERT_MIN_ITEMS` judged items
 * (positive, neutral or negative; unknown ones do not count) and at least `ALERT_NEGATIVE_SHARE` of
 * them are negative, the window is recorded in `sentiment_alerts` — its key is (event, window), so a
 * window alerts once however many deliveries land in it — and the event's managers (the
 * organisation's owners, admins and managers) are notified once. Windows are fixed 15-minute bins of
 * the time items are judged (on arrival).
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { inTenant } from "../../db/tenant.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";

export const ALERT_WINDOW_MINUTES = 15;
/** Fewer judged items than this in a window say too little to alert on. */
export const ALERT_MIN_ITEMS = 10;
export const ALERT_NEGATIVE_SHARE = 0.4;
const ALERTED_ROLES = ["owner", "admin", "manager"];

export type FiredAlert = {
  event_id: string;
  event_name: string;
  window_start: string;
  items: number;
  negative_share: string;
};

/** Records the alerts the current window of each event now deserves; returns only those new. */
export function alertStatement(db: Database, organizationId: string, eventIds: readonly string[], now: Date) {
  return db.execute<FiredAlert>(sql`
    with win as (
      select date_bin(make_interval(mins => ${ALERT_WINDOW_MINUTES}), ${now.toISOString()}::timestamptz,
        timestamptz '2000-01-01') as start
    ),
    shares as (
      select s.event_id, count(*)::int as items,
        (count(*) filter (where s.sentiment = 'negative'))::numeric / count(*) as negative_share
      from sentiment_analysis s, win
      where s.organization_id = ${organizationId}
        and s.event_id = any(${sql.param([...eventIds])}::uuid[])
        and s.analyzed_at >= win.start and s.analyzed_at < win.start + make_interval(mins => ${ALERT_WINDOW_MINUTES})
        and s.sentiment in ('positive', 'neutral', 'negative')
        and s.inbound_item_id is not null
      group by s.event_id
    ),
    fired as (
      insert into sentiment_alerts (organization_id, event_id, window_start, items, negative_share)
      select ${organizationId}, shares.event_id, win.start, shares.items, round(shares.negative_share, 4)
      from shares, win
      where shares.items >= ${ALERT_MIN_ITEMS} and shares.negative_share >= ${ALERT_NEGATIVE_SHARE}
      on conflict (event_id, window_start) do nothing
      returning event_id, window_start, items, negative_share
    )
    select fired.event_id, e.name as event_name, fired.window_start, fired.items, fired.negative_share::text
    from fired join events e on e.id = fired.event_id`);
}

/** One notification per fired alert and manager (retries insert nothing twice). */
export async function notifyAlerts(ctx: TenantContext, alerts: readonly FiredAlert[], logger?: Logger) {
  const managers = sql`select id from users where organization_id = ${ctx.organizationId}
    and role = any(${sql.param(ALERTED_ROLES)}::text[])`;
  await inTenant(ctx, (db) => ({
    notices: alerts.map((alert) => {
      const percent = Math.round(Number(alert.negative_share) * 100);
      return notify(ctx, db, managers, {
        type: "sentiment.negative_spike",
        title: `Negative talk about ${alert.event_name}`,
        message: `${percent}% of ${alert.items} items in the 15 minutes from ${new Date(alert.window_start).toISOString()} are negative.`,
        link: `/v1/events/${alert.event_id}/intelligence`,
        data: {
          event_id: alert.event_id,
          window_start: new Date(alert.window_start).toISOString(),
          items: alert.items,
          negative_share: Number(alert.negative_share),
        },
        dedupeKey: `sentiment_alert:${alert.event_id}:${new Date(alert.window_start).toISOString()}`,
      });
    }),
  }));
  logger?.warn("sentiment alert", { events: alerts.map((a) => a.event_id) });
}
