/**
 * A measuring history at scale, written by PostgreSQL itself (generate_series), for the analytics
 * scale test (`npm run soak`) and the bench: one organisation (new, or the one given), one event a month for `months`
 * months up to `endingAt`, six accounts (one per platform), and enough posts that each, measured on
 * the schedule (15 min, 1 h, 6 h, 1 d, 3 d, 7 d, 30 d after publishing), brings the total to `rows`
 * measurements. Counts grow with each measurement; platforms without impressions (Bluesky) get null.
 * Run as the database owner (row-level security does not apply).
 */
import type pg from "pg";

export interface MetricsSeed {
  organizationId: string;
  /** One per month, oldest first. */
  eventIds: string[];
  posts: number;
  rows: number;
}

const PLATFORMS = ["bluesky", "x", "facebook", "instagram", "linkedin", "threads"];
const SCHEDULE = "{15 minutes,1 hour,6 hours,1 day,3 days,7 days,30 days}";

export async function seedMetrics(
  client: pg.Client,
  options: { rows: number; months: number; endingAt: Date; organizationId?: string },
): Promise<MetricsSeed> {
  const { months, endingAt } = options;
  const posts = Math.ceil(options.rows / 7);
  const organizationId = options.organizationId ?? crypto.randomUUID();
  await client.query("begin");
  try {
    // Every month the data reaches needs its partition (the nightly job keeps a year ahead only).
    await client.query(
      "select ensure_partitions(($1::timestamptz - make_interval(months => $2 + 1))::date, 2)",
      [endingAt.toISOString(), months],
    );
    if (!options.organizationId) {
      await client.query("insert into organizations (id, name, slug) values ($1, 'Scale test', $2)", [
        organizationId,
        `scale-${organizationId.slice(0, 8)}`,
      ]);
    }
    const events = await client.query<{ id: string }>(
      `insert into events (organization_id, name, slug, start_date, end_date, timezone)
       select $1, 'Summit ' || m, 'summit-' || m || '-' || substr(md5(random()::text), 1, 6),
         $2::timestamptz - make_interval(months => $3 - m), $2::timestamptz - make_interval(months => $3 - m) + interval '2 days',
         'Africa/Nairobi'
       from generate_series(1, $3) m order by m returning id`,
      [organizationId, endingAt.toISOString(), months],
    );
    const eventIds = events.rows.map((r) => r.id);
    await client.query(
      `insert into social_accounts (organization_id, platform, platform_user_id, access_token)
       select $1, p, 'seed-' || p || '-' || substr(md5(random()::text), 1, 6), 'sealed-placeholder'
       from unnest($2::text[]) p`,
      [organizationId, PLATFORMS],
    );
    // Six posts (one per account) per piece of content; each content belongs to the event of its month.
    await client.query(
      `insert into content (organization_id, content_type, caption, event_id, workflow_status)
       select $1, 'post', 'Seeded post ' || n, ($2::uuid[])[1 + (n % $3)], 'published'
       from generate_series(0, ceil($4::numeric / 6)::int - 1) n`,
      [organizationId, eventIds, months, posts],
    );
    // Each post is published in its event's month, within the 30 days before the event starts.
    await client.query(
      `insert into published_posts (organization_id, content_id, social_account_id, platform, platform_post_id,
         publish_status, published_at)
       select c.organization_id, c.id, a.id, a.platform, 'seed-' || c.id || '-' || a.platform, 'published',
         e.start_date - interval '30 days' + (random() * interval '29 days')
       from content c join events e on e.id = c.event_id join social_accounts a on a.organization_id = c.organization_id
       where c.organization_id = $1 and c.caption like 'Seeded post %' and a.platform_user_id like 'seed-%'`,
      [organizationId],
    );
    const inserted = await client.query(
      `insert into engagement_metrics (organization_id, published_post_id, platform, impressions, reach, likes,
         comments, shares, saves, clicks, engagement_rate, measured_at)
       select p.organization_id, p.id, p.platform, v.impressions, v.reach, v.likes, v.comments, v.shares, v.saves,
         v.clicks, engagement_rate(v.likes, v.comments, v.shares, v.saves, v.clicks, v.impressions),
         p.published_at + s.step
       from published_posts p
       cross join lateral unnest($2::interval[]) with ordinality as s(step, i)
       cross join lateral (select
         case when p.platform = 'bluesky' then null else (200 * s.i * (1 + random()))::bigint end as impressions,
         case when p.platform in ('bluesky', 'x', 'threads') then null else (150 * s.i)::bigint end as reach,
         (10 * s.i * (1 + random()))::bigint as likes,
         (2 * s.i)::bigint as comments,
         (s.i)::bigint as shares,
         case when p.platform = 'instagram' then s.i::bigint end as saves,
         case when p.platform in ('x', 'facebook', 'linkedin') then (3 * s.i)::bigint end as clicks) v
       where p.organization_id = $1 and p.platform_post_id like 'seed-%'`,
      [organizationId, SCHEDULE],
    );
    await client.query("commit");
    await client.query("analyze engagement_metrics");
    await client.query("analyze published_posts");
    return { organizationId, eventIds, posts: posts, rows: inserted.rowCount ?? 0 };
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}
