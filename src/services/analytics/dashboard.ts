/**
 * The analytics read: one statement (one round trip, on the read replica when there is one) answers
 * a whole dashboard of one scope — an event, a campaign, a piece of content, a published post, a
 * social account, or the organisation — from `engagement_metrics`:
 * - `totals`: each post's latest measurement (before `to`), summed over the scope's posts;
 * - `series`: what the posts gained in each bucket (hour, day, week in the scope's time zone): the
 *   difference between a post's measurement and its previous one, summed per bucket;
 * - `platforms`: the totals per platform; `top_posts`: the posts with most interactions.
 * A count no post's platform gives is null in every figure, never 0. Engagement rates come from the
 * SQL function `engagement_rate` (migrations/0023), over the posts whose platform gives impressions.
 *
 * Measurements of a post are all taken within 31 days of its publishing (the schedule of
 * migrations/0023 ends at 30 days), so the statement reads `engagement_metrics` only between the
 * scope's first publishing and 31 days after its last: the partitions outside are never scanned
 * (test/analytics/scale.test.ts shows it with EXPLAIN).
 */
import { type SQL, sql } from "drizzle-orm";
import { createReadDb } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { inTenant } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { KpiTargets } from "../campaigns/campaigns.ts";
import type { TenantContext } from "../context.ts";

export const ANALYTICS_SCOPES = [
  "event",
  "campaign",
  "content",
  "published_post",
  "social_account",
  "organization",
] as const;
export type AnalyticsScope = (typeof ANALYTICS_SCOPES)[number];
export const BUCKETS = ["hour", "day", "week"] as const;
export type Bucket = (typeof BUCKETS)[number];

export const METRICS = ["impressions", "reach", "likes", "comments", "shares", "saves", "clicks"] as const;
export type Metric = (typeof METRICS)[number];

export type Figures = Record<Metric, number | null> & {
  /** likes + comments + shares + saves + clicks (those the platforms give); null when none is given. */
  interactions: number | null;
  engagement_rate: number | null;
};

export interface DashboardQuery {
  scope: AnalyticsScope;
  /** The scope's id (none for the organisation). */
  id?: string;
  bucket: Bucket;
  platform?: Platform;
  /** The series' range; totals are as of `to`. Default: the scope's whole measured life. */
  from?: Date;
  to?: Date;
  /** An IANA zone; default the event's (an event, or a campaign or content of an event), else UTC. */
  timeZone?: string;
  /** How many top posts (default 5). */
  top?: number;
}

export interface TopPost extends Figures {
  published_post_id: string;
  content_id: string;
  platform: Platform;
  url: string | null;
  published_at: string;
  caption: string | null;
}

export interface Dashboard {
  scope: { type: AnalyticsScope; id: string | null };
  time_zone: string;
  bucket: Bucket;
  /** The scope's published posts (in the platform filter). */
  posts: number;
  totals: Figures;
  series: Array<{ bucket_start: string } & Figures>;
  platforms: Array<{ platform: Platform; posts: number } & Figures>;
  top_posts: TopPost[];
  /** A campaign's progress against its `kpi_targets` (campaigns only). */
  kpis?: KpiProgress[];
  /** When the figures were read; answers are cached for 5 minutes. */
  generated_at: string;
}

export interface KpiProgress {
  metric: keyof KpiTargets;
  target: number;
  /** Where it stands now; null for what Guddu does not measure (followers_gained). */
  value: number | null;
  /** value / target × 100, one decimal. */
  percent: number | null;
  /**
   * Where it ends at this pace: counts grow linearly from the campaign's start to its end date (the
   * value itself once the campaign is over); a rate is projected as it stands.
   */
  projected: number | null;
  on_track: boolean | null;
}

/** The figure a KPI target is measured against. */
function kpiValue(metric: keyof KpiTargets, totals: Figures, posts: number): number | null {
  switch (metric) {
    case "engagements":
      return totals.interactions;
    case "posts":
      return posts;
    case "followers_gained":
      return null;
    default:
      return totals[metric];
  }
}

export function kpiProgress(
  targets: KpiTargets,
  totals: Figures,
  posts: number,
  window: { startsAt: Date; endsAt: Date; now: Date },
): KpiProgress[] {
  const { startsAt, endsAt, now } = window;
  const elapsed = now.getTime() - startsAt.getTime();
  const length = endsAt.getTime() - startsAt.getTime();
  return (Object.entries(targets) as Array<[keyof KpiTargets, number]>).map(([metric, target]) => {
    const value = kpiValue(metric, totals, posts);
    const projected =
      value === null
        ? null
        : metric === "engagement_rate" || now >= endsAt
          ? value
          : elapsed <= 0
            ? null
            : Math.round(value * (length / elapsed) * 10_000) / 10_000;
    return {
      metric,
      target,
      value,
      percent: value === null || target === 0 ? null : Math.round((value / target) * 1_000) / 10,
      projected,
      on_track: projected === null ? null : projected >= target,
    };
  });
}

/** Which posts a scope covers (`p` the post, `c` its content). */
function scopeCondition(query: DashboardQuery): SQL {
  const id = query.id ?? null;
  switch (query.scope) {
    case "event":
      return sql`c.event_id = ${id}`;
    case "campaign":
      return sql`c.campaign_id = ${id}`;
    case "content":
      return sql`p.content_id = ${id}`;
    case "published_post":
      return sql`p.id = ${id}`;
    case "social_account":
      return sql`p.social_account_id = ${id}`;
    case "organization":
      return sql`true`;
  }
}

const NO_CAMPAIGN = sql.raw(
  "null::jsonb as kpi_targets, null::timestamptz as starts_at, null::timestamptz as ends_at",
);

/** The scope's own row exists in this organisation (another tenant's id is a 404), and its zone. */
function scopeRow(org: string, query: DashboardQuery): SQL {
  const id = query.id ?? null;
  const eventZone = (eventId: SQL) =>
    sql`(select e.timezone from events e where e.id = ${eventId} and e.organization_id = ${org})`;
  switch (query.scope) {
    case "event":
      return sql`select e.timezone as zone, null::jsonb as kpi_targets, null::timestamptz as starts_at, null::timestamptz as ends_at
        from events e where e.id = ${id} and e.organization_id = ${org} and e.deleted_at is null`;
    case "campaign":
      return sql`select ${eventZone(sql`x.event_id`)} as zone, x.kpi_targets, x.start_date as starts_at, x.end_date as ends_at
        from campaigns x where x.id = ${id} and x.organization_id = ${org} and x.deleted_at is null`;
    case "content":
      return sql`select ${eventZone(sql`x.event_id`)} as zone, ${NO_CAMPAIGN} from content x where x.id = ${id} and x.organization_id = ${org} and x.deleted_at is null`;
    case "published_post":
      return sql`select ${eventZone(sql`x.event_id`)} as zone, ${NO_CAMPAIGN} from published_posts p join content x on x.id = p.content_id where p.id = ${id} and p.organization_id = ${org}`;
    case "social_account":
      return sql`select null::text as zone, ${NO_CAMPAIGN} from social_accounts a where a.id = ${id} and a.organization_id = ${org}`;
    case "organization":
      return sql`select null::text as zone, ${NO_CAMPAIGN}`;
  }
}

const sumOf = (column: string) => sql.raw(`sum(${column})`);

/**
 * The figures of rows of `source` with columns named after METRICS: sums, interactions and the rate
 * (over the rows whose impressions are known, so a platform without impressions does not inflate it).
 */
function figures(): SQL {
  const known = (column: string) => sql.raw(`sum(${column}) filter (where impressions is not null)`);
  return sql`'impressions', ${sumOf("impressions")}, 'reach', ${sumOf("reach")}, 'likes', ${sumOf("likes")},
    'comments', ${sumOf("comments")}, 'shares', ${sumOf("shares")}, 'saves', ${sumOf("saves")},
    'clicks', ${sumOf("clicks")},
    'interactions', sum(interactions),
    'engagement_rate', engagement_rate(${known("likes")}, ${known("comments")}, ${known("shares")},
      ${known("saves")}, ${known("clicks")}, ${sumOf("impressions")})`;
}

const interactionsOf = (prefix: string) =>
  sql.raw(`case when num_nonnulls(${prefix}likes, ${prefix}comments, ${prefix}shares, ${prefix}saves, ${prefix}clicks) = 0 then null
    else coalesce(${prefix}likes, 0) + coalesce(${prefix}comments, 0) + coalesce(${prefix}shares, 0)
      + coalesce(${prefix}saves, 0) + coalesce(${prefix}clicks, 0) end`);

/** A metric's gain since the post's previous measurement (its first counts whole). */
const gained = (metric: Metric) =>
  sql.raw(
    `${metric} - coalesce(lag(${metric}) over (partition by published_post_id order by measured_at), 0) as ${metric}`,
  );

function dashboardStatement(org: string, query: DashboardQuery, zone: SQL): SQL {
  const platform = query.platform ? sql`and p.platform = ${query.platform}` : sql``;
  const to = query.to ? sql`${query.to.toISOString()}::timestamptz` : sql`'infinity'::timestamptz`;
  const from = query.from ? sql`${query.from.toISOString()}::timestamptz` : sql`'-infinity'::timestamptz`;
  const unit = sql.raw(`'${query.bucket}'`);
  return sql`
    with posts as (
      select p.id, p.platform, p.published_at, p.platform_url, p.content_id, c.caption
      from published_posts p join content c on c.id = p.content_id and c.organization_id = ${org}
      where p.organization_id = ${org} and p.published_at is not null and ${scopeCondition(query)} ${platform}
    ),
    bounds as (
      select min(published_at) as lo, max(published_at) + interval '31 days' as hi from posts
    ),
    measured as (
      select m.published_post_id, m.platform, m.measured_at,
        m.impressions, m.reach, m.likes, m.comments, m.shares, m.saves, m.clicks
      from engagement_metrics m
      where m.organization_id = ${org}
        and m.measured_at >= (select lo from bounds) and m.measured_at < (select hi from bounds)
        and m.measured_at < ${to}
        and m.published_post_id in (select id from posts)
    ),
    latest as (
      select distinct on (published_post_id) *, ${interactionsOf("")} as interactions
      from measured order by published_post_id, measured_at desc
    ),
    gains as (
      select measured_at, ${gained("impressions")}, ${gained("reach")}, ${gained("likes")},
        ${gained("comments")}, ${gained("shares")}, ${gained("saves")}, ${gained("clicks")}
      from measured
    ),
    series as (
      select date_trunc(${unit}, measured_at, ${zone}) as bucket_start,
        json_build_object(${figures()}) as figures
      from (select *, ${interactionsOf("")} as interactions from gains) g
      where measured_at >= ${from}
      group by 1 order by 1
    ),
    per_platform as (
      select platform, count(*) as posts, json_build_object(${figures()}) as figures
      from latest group by platform order by platform
    ),
    top as (
      select l.*, p.content_id, p.platform_url, p.published_at, left(p.caption, 280) as caption
      from latest l join posts p on p.id = l.published_post_id
      order by l.interactions desc nulls last, l.impressions desc nulls last, p.published_at desc
      limit ${query.top ?? 5}
    )
    select
      (select count(*) from posts)::int as posts,
      (select json_build_object(${figures()}) from latest) as totals,
      coalesce((select json_agg(json_build_object('bucket_start', bucket_start, 'figures', figures)) from series), '[]') as series,
      coalesce((select json_agg(json_build_object('platform', platform, 'posts', posts, 'figures', figures)) from per_platform), '[]') as platforms,
      coalesce((select json_agg(json_build_object(
        'published_post_id', published_post_id, 'content_id', content_id, 'platform', platform,
        'url', platform_url, 'published_at', published_at, 'caption', caption,
        'impressions', impressions, 'reach', reach, 'likes', likes, 'comments', comments, 'shares', shares,
        'saves', saves, 'clicks', clicks, 'interactions', interactions,
        'engagement_rate', engagement_rate(likes, comments, shares, saves, clicks, impressions))) from top), '[]') as top_posts`;
}

const asNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

function figuresOf(raw: Record<string, unknown> | null): Figures {
  const f = raw ?? {};
  return {
    impressions: asNumber(f.impressions),
    reach: asNumber(f.reach),
    likes: asNumber(f.likes),
    comments: asNumber(f.comments),
    shares: asNumber(f.shares),
    saves: asNumber(f.saves),
    clicks: asNumber(f.clicks),
    interactions: asNumber(f.interactions),
    engagement_rate: asNumber(f.engagement_rate),
  };
}

const iso = (value: unknown) => new Date(String(value)).toISOString();

export type DashboardRow = {
  zone: string | null;
  kpi_targets: KpiTargets | null;
  starts_at: string | null;
  ends_at: string | null;
  found: boolean;
  posts: number;
  totals: Record<string, unknown> | null;
  series: Array<{ bucket_start: string; figures: Record<string, unknown> }>;
  platforms: Array<{ platform: Platform; posts: number; figures: Record<string, unknown> }>;
  top_posts: Array<Record<string, unknown>>;
};

/**
 * The whole dashboard statement for an organisation's scope: the scope's row (existence, zone,
 * campaign facts) and the answer, in one statement.
 */
export function dashboardStatementFor(organizationId: string, query: DashboardQuery): SQL {
  const zone = query.timeZone ? sql`${query.timeZone}::text` : sql`coalesce((select zone from scope), 'UTC')`;
  return sql`
      with scope as (${scopeRow(organizationId, query)}),
      answer as (${dashboardStatement(organizationId, query, zone)})
      select ${zone} as zone, exists (select 1 from scope) as found,
        (select kpi_targets from scope) as kpi_targets, (select starts_at from scope) as starts_at,
        (select ends_at from scope) as ends_at, answer.*
      from answer`;
}

/** The dashboard of one scope. 404 when the scope is not the organisation's. One round trip. */
export async function readDashboard(ctx: TenantContext, query: DashboardQuery): Promise<Dashboard> {
  const { result } = await inTenant({ ...ctx, db: createReadDb(ctx.config) }, (db) => ({
    result: db.execute<DashboardRow>(dashboardStatementFor(ctx.organizationId, query)),
  }));
  const row = result.rows[0];
  if (!row?.found)
    throw new NotFoundError(`${query.scope}_not_found`, `No such ${query.scope.replace("_", " ")}.`);
  return dashboardOf(row, query, ctx.now());
}

/** The dashboard statement's row as the answer (for a batch that sends the statement itself). */
export function dashboardOf(row: DashboardRow, query: DashboardQuery, now: Date): Dashboard {
  return {
    scope: { type: query.scope, id: query.id ?? null },
    time_zone: row.zone ?? "UTC",
    bucket: query.bucket,
    posts: row.posts,
    totals: figuresOf(row.totals),
    series: row.series.map((s) => ({ bucket_start: iso(s.bucket_start), ...figuresOf(s.figures) })),
    platforms: row.platforms.map((p) => ({
      platform: p.platform,
      posts: Number(p.posts),
      ...figuresOf(p.figures),
    })),
    top_posts: row.top_posts.map((t) => ({
      published_post_id: String(t.published_post_id),
      content_id: String(t.content_id),
      platform: t.platform as Platform,
      url: (t.url as string | null) ?? null,
      published_at: iso(t.published_at),
      caption: (t.caption as string | null) ?? null,
      ...figuresOf(t),
    })),
    ...(query.scope === "campaign" && row.kpi_targets && row.starts_at && row.ends_at
      ? {
          kpis: kpiProgress(row.kpi_targets, figuresOf(row.totals), row.posts, {
            startsAt: new Date(row.starts_at),
            endsAt: new Date(row.ends_at),
            now,
          }),
        }
      : {}),
    generated_at: now.toISOString(),
  };
}
