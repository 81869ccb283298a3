/**
 * Event intelligence: what people say about an event, from the inbound items filed under it and
 * their sentiment rows (services/sentiment). One statement, one round trip, on the read replica when
 * there is one:
 * - `timeline`: per bucket (hour or day in the event's zone) the items judged positive, neutral,
 *   negative or unknown, the mean score and the negative share (of the judged ones);
 * - `alerts`: the 15-minute windows that alerted (services/sentiment/alerts.ts);
 * - `hashtags`: the health of each official hashtag — volume and authors; the share of items from
 *   brand-new (under 30 days) or small (under 50 followers) accounts; floods (one text from at least
 *   3 accounts); and hijacking: the last 3 hours' negative share against the rest of the range;
 * - `delegates`: who is talked about most (named by handle or by name), with their mean score.
 * The range defaults to the event's life with a month before and after: the partitions read are
 * those months only.
 */
import { type SQL, sql } from "drizzle-orm";
import { createReadDb } from "../../db/client.ts";
import { inTenant } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { TenantContext } from "../context.ts";

/** An account younger than this, or with fewer followers, counts as brand-new or small. */
export const NEW_ACCOUNT_DAYS = 30;
export const SMALL_ACCOUNT_FOLLOWERS = 50;
/** The same text from this many accounts is a flood. */
export const FLOOD_ACCOUNTS = 3;
/** Hijacking: the last `HIJACK_HOURS` hours, at least `HIJACK_MIN_ITEMS` judged, a negative share of
 * at least `HIJACK_NEGATIVE_SHARE` and at least twice the share before. */
export const HIJACK_HOURS = 3;
export const HIJACK_MIN_ITEMS = 10;
export const HIJACK_NEGATIVE_SHARE = 0.4;

export interface IntelligenceQuery {
  eventId: string;
  bucket: "hour" | "day";
  from?: Date;
  to?: Date;
}

const bound = (value: Date | undefined, fallback: string) =>
  value ? sql`${value.toISOString()}::timestamptz` : sql.raw(fallback);

function intelligenceStatement(org: string, query: IntelligenceQuery): SQL {
  const unit = sql.raw(`'${query.bucket}'`);
  const from = bound(query.from, "(select start_date - interval '1 month' from ev)");
  const to = bound(query.to, "(select end_date + interval '1 month' from ev)");
  return sql`
    with ev as (
      select id, name, timezone, start_date, end_date, official_hashtags from events
      where id = ${query.eventId} and organization_id = ${org} and deleted_at is null
    ),
    said as (
      select s.sentiment, s.sentiment_score, s.analyzed_at, s.entities, s.inbound_item_id
      from sentiment_analysis s
      where s.organization_id = ${org} and s.event_id = (select id from ev)
        and s.inbound_item_id is not null
        and s.analyzed_at >= ${from} and s.analyzed_at < ${to}
    ),
    items as (
      select i.id, i.text, i.hashtags, i.author_platform_id, i.author_followers, i.author_created_at,
        i.received_at, s.sentiment
      from inbound_items i left join said s on s.inbound_item_id = i.id
      where i.organization_id = ${org} and i.event_id = (select id from ev) and i.deleted_at is null
        and i.received_at >= ${from} and i.received_at < ${to}
    ),
    timeline as (
      select date_trunc(${unit}, analyzed_at, (select timezone from ev)) as bucket_start,
        count(*) filter (where sentiment = 'positive') as positive,
        count(*) filter (where sentiment = 'neutral') as neutral,
        count(*) filter (where sentiment = 'negative') as negative,
        count(*) filter (where sentiment = 'unknown') as unknown,
        round(avg(sentiment_score), 4) as mean_score,
        round((count(*) filter (where sentiment = 'negative'))::numeric
          / nullif(count(*) filter (where sentiment in ('positive', 'neutral', 'negative')), 0), 4) as negative_share
      from said group by 1 order by 1
    ),
    tags as (
      select t.tag, lower(regexp_replace(t.tag, '^#', '')) as folded
      from ev, unnest(ev.official_hashtags) as t(tag)
    ),
    tagged as (
      select tags.tag, items.*
      from tags join items on exists (
        select 1 from unnest(items.hashtags) h where lower(regexp_replace(h, '^#', '')) = tags.folded)
    ),
    floods as (
      select tag, lower(btrim(text)) as text, count(distinct author_platform_id) as accounts, count(*) as items
      from tagged where text is not null
      group by tag, lower(btrim(text))
      having count(distinct author_platform_id) >= ${FLOOD_ACCOUNTS}
    ),
    health as (
      select tags.tag,
        count(t.id) as items,
        count(distinct t.author_platform_id) as authors,
        round((count(t.id) filter (where t.author_created_at > t.received_at - make_interval(days => ${NEW_ACCOUNT_DAYS})
          or t.author_followers < ${SMALL_ACCOUNT_FOLLOWERS}))::numeric / nullif(count(t.id), 0), 4) as new_or_small_share,
        coalesce((select sum(f.items) from floods f where f.tag = tags.tag), 0) as flooded_items,
        coalesce((select json_agg(json_build_object('text', left(f.text, 280), 'accounts', f.accounts) order by f.accounts desc)
          from (select * from floods f where f.tag = tags.tag order by f.accounts desc limit 3) f), '[]') as floods,
        count(t.id) filter (where t.sentiment in ('positive', 'neutral', 'negative')
          and t.received_at >= now() - make_interval(hours => ${HIJACK_HOURS})) as recent_judged,
        round((count(t.id) filter (where t.sentiment = 'negative' and t.received_at >= now() - make_interval(hours => ${HIJACK_HOURS})))::numeric
          / nullif(count(t.id) filter (where t.sentiment in ('positive', 'neutral', 'negative')
            and t.received_at >= now() - make_interval(hours => ${HIJACK_HOURS})), 0), 4) as recent_negative_share,
        round((count(t.id) filter (where t.sentiment = 'negative' and t.received_at < now() - make_interval(hours => ${HIJACK_HOURS})))::numeric
          / nullif(count(t.id) filter (where t.sentiment in ('positive', 'neutral', 'negative')
            and t.received_at < now() - make_interval(hours => ${HIJACK_HOURS})), 0), 4) as earlier_negative_share
      from tags left join tagged t on t.tag = tags.tag
      group by tags.tag
    ),
    people as (
      select (e ->> 'id')::uuid as delegate_id, count(*) as mentions,
        round(avg(s.sentiment_score), 4) as mean_score,
        round((count(*) filter (where s.sentiment = 'negative'))::numeric
          / nullif(count(*) filter (where s.sentiment in ('positive', 'neutral', 'negative')), 0), 4) as negative_share
      from said s, jsonb_array_elements(s.entities) e
      where e ->> 'type' = 'person' and e ? 'id'
      group by 1 order by mentions desc limit 10
    )
    select
      (select row_to_json(ev) from ev) as event,
      (select json_build_object(
        'items', count(*),
        'positive', count(*) filter (where sentiment = 'positive'),
        'neutral', count(*) filter (where sentiment = 'neutral'),
        'negative', count(*) filter (where sentiment = 'negative'),
        'unknown', count(*) filter (where sentiment = 'unknown'),
        'mean_score', round(avg(sentiment_score), 4)) from said) as totals,
      coalesce((select json_agg(timeline) from timeline), '[]') as timeline,
      coalesce((select json_agg(json_build_object('window_start', a.window_start, 'items', a.items,
        'negative_share', a.negative_share) order by a.window_start desc)
        from sentiment_alerts a where a.organization_id = ${org} and a.event_id = (select id from ev)
          and a.window_start >= ${from} and a.window_start < ${to}), '[]') as alerts,
      coalesce((select json_agg(health) from health), '[]') as hashtags,
      coalesce((select json_agg(json_build_object('delegate_id', p.delegate_id,
        'name', concat_ws(' ', d.first_name, d.last_name), 'mentions', p.mentions, 'mean_score', p.mean_score,
        'negative_share', p.negative_share) order by p.mentions desc)
        from people p join delegates d on d.id = p.delegate_id and d.organization_id = ${org}), '[]') as delegates`;
}

type Num = number | string | null;
const num = (value: Num | undefined) => (value === null || value === undefined ? null : Number(value));
const iso = (value: string) => new Date(value).toISOString();

type Row = {
  event: { id: string; name: string; timezone: string } | null;
  totals: Record<string, Num>;
  timeline: Array<Record<string, Num> & { bucket_start: string }>;
  alerts: Array<{ window_start: string; items: number; negative_share: Num }>;
  hashtags: Array<Record<string, Num> & { tag: string; floods: Array<{ text: string; accounts: number }> }>;
  delegates: Array<{
    delegate_id: string;
    name: string;
    mentions: Num;
    mean_score: Num;
    negative_share: Num;
  }>;
};

export async function readEventIntelligence(ctx: TenantContext, query: IntelligenceQuery) {
  const { result } = await inTenant({ ...ctx, db: createReadDb(ctx.config) }, (db) => ({
    result: db.execute<Row>(intelligenceStatement(ctx.organizationId, query)),
  }));
  const row = result.rows[0];
  if (!row?.event) throw new NotFoundError("event_not_found", "No such event.");
  const totals = row.totals;
  return {
    event_id: row.event.id,
    time_zone: row.event.timezone,
    bucket: query.bucket,
    totals: {
      items: Number(totals.items),
      positive: Number(totals.positive),
      neutral: Number(totals.neutral),
      negative: Number(totals.negative),
      unknown: Number(totals.unknown),
      mean_score: num(totals.mean_score),
    },
    timeline: row.timeline.map((t) => ({
      bucket_start: iso(t.bucket_start),
      positive: Number(t.positive),
      neutral: Number(t.neutral),
      negative: Number(t.negative),
      unknown: Number(t.unknown),
      mean_score: num(t.mean_score),
      negative_share: num(t.negative_share),
    })),
    alerts: row.alerts.map((a) => ({
      window_start: iso(a.window_start),
      items: a.items,
      negative_share: num(a.negative_share),
    })),
    hashtags: row.hashtags.map((h) => {
      const recent = num(h.recent_negative_share);
      const earlier = num(h.earlier_negative_share);
      return {
        hashtag: h.tag,
        items: Number(h.items),
        authors: Number(h.authors),
        new_or_small_share: num(h.new_or_small_share),
        flooded_items: Number(h.flooded_items),
        floods: h.floods,
        recent_negative_share: recent,
        earlier_negative_share: earlier,
        hijacked:
          recent !== null &&
          Number(h.recent_judged) >= HIJACK_MIN_ITEMS &&
          recent >= HIJACK_NEGATIVE_SHARE &&
          (earlier === null || recent >= 2 * earlier),
      };
    }),
    delegates: row.delegates.map((d) => ({
      delegate_id: d.delegate_id,
      name: d.name,
      mentions: Number(d.mentions),
      mean_score: num(d.mean_score),
      negative_share: num(d.negative_share),
    })),
    generated_at: ctx.now().toISOString(),
  };
}

export type EventIntelligence = Awaited<ReturnType<typeof readEventIntelligence>>;
