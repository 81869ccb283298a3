/**
 * What the public API reads, each in one round trip. The public key is the only way in: the batch's
 * first statement finds the organisation of a key whose widgets are on (`public_event`, a narrow
 * SECURITY DEFINER function) and sets it for row-level security, so every statement after it sees
 * that organisation's rows only; each also filters by the key's event itself. Nothing under embargo
 * (services/embargoes) comes out before the lift, judged at the statement's time.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Parts, sendBatch } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { NotFoundError } from "../../errors.ts";
import { contentEmbargoedNow, mediaEmbargoedNow } from "../embargoes/embargo.ts";
import {
  filePath,
  type InboundWallRow,
  inboundWallItem,
  officialWallItem,
  type WallItem,
} from "./wall-item.ts";

export const eventNotFound = () =>
  new NotFoundError("event_not_found", "No event with these widgets switched on.");

const scoped = (db: Database, key: string) =>
  db.execute(
    sql`select set_config('app.org_id', coalesce((select organization_id::text from public_event(${key})), ''), true)`,
  );
const eventOf = (key: string) => sql`(select event_id from public_event(${key}))`;

/** Sends `parts` scoped to the key's organisation; 404 when the key names no switched-on event. */
async function readScoped<P extends Parts>(db: Database, key: string, parts: (db: Database) => P) {
  const results = await sendBatch(
    db,
    {
      event: db.execute<PublicEventRow>(sql`
        select e.name, e.start_date, e.end_date, e.timezone, e.official_hashtags, e.social_handles
        from events e where e.id = ${eventOf(key)} and e.deleted_at is null`),
      ...parts(db),
    },
    [scoped(db, key)],
  );
  const event = results.event.rows[0];
  if (!event) throw eventNotFound();
  return { ...results, event };
}

type PublicEventRow = {
  name: string;
  start_date: string;
  end_date: string;
  timezone: string;
  official_hashtags: string[];
  social_handles: Partial<Record<Platform, string>>;
};

const iso = (value: string | Date) => new Date(value).toISOString();

export async function readPublicEvent(db: Database, key: string) {
  const { event } = await readScoped(db, key, () => ({}));
  return {
    name: event.name,
    start_date: iso(event.start_date),
    end_date: iso(event.end_date),
    timezone: event.timezone,
    hashtags: event.official_hashtags,
    handles: event.social_handles,
  };
}

/** What an approved inbound item shows (wall-item.ts). */
export const INBOUND_WALL_COLUMNS = sql`i.platform, i.platform_item_id, i.kind, i.platform_url, i.text,
  i.author_handle, i.author_name, (i.author_avatar_url is not null) as has_avatar,
  cardinality(i.media_urls) as media_count, coalesce(i.platform_created_at, i.received_at) as at, i.pinned_at`;

const onWall = (key: string) =>
  sql`i.event_id = ${eventOf(key)} and i.wall_status = 'approved' and i.deleted_at is null`;

/** At most this many pinned items lead the wall (moderation refuses a further pin). */
export const MAX_PINNED = 3;
export const MAX_WALL_PAGE = 50;

export interface WallCursor {
  at: string;
  id: string;
}

export function encodeWallCursor(cursor: WallCursor): string {
  return btoa(JSON.stringify(cursor)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeWallCursor(text: string): WallCursor | null {
  try {
    const parsed = JSON.parse(atob(text.replaceAll("-", "+").replaceAll("_", "/"))) as Partial<WallCursor>;
    if (
      typeof parsed.at === "string" &&
      !Number.isNaN(Date.parse(parsed.at)) &&
      typeof parsed.id === "string"
    ) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // not one of ours
  }
  return null;
}

/**
 * The wall: pinned items first (on the first page), then approved items and the organisation's own
 * published posts, newest first, by keyset on (time, public id).
 */
export async function readWall(
  db: Database,
  key: string,
  page: { limit: number; cursor: WallCursor | null },
): Promise<{ data: WallItem[]; next_cursor: string | null }> {
  const after = page.cursor ? sql`and (at, id) < (${page.cursor.at}::timestamptz, ${page.cursor.id})` : sql``;
  const { pinned, timeline } = await readScoped(db, key, (tx) => ({
    pinned: tx.execute<InboundWallRow>(
      page.cursor
        ? sql`select 1 where false`
        : sql`select ${INBOUND_WALL_COLUMNS} from inbound_items i
              where ${onWall(key)} and i.pinned_at is not null order by i.pinned_at desc limit ${MAX_PINNED}`,
    ),
    timeline: tx.execute<TimelineRow>(sql`
      select * from (
        select 'inbound' as source, ${INBOUND_WALL_COLUMNS}, null::text as handle, null::text[] as files,
               i.platform || ':' || i.platform_item_id as id
        from inbound_items i where ${onWall(key)} and i.pinned_at is null
        union all
        select 'official', p.platform, p.platform_post_id, 'post', p.platform_url, c.caption,
               null, null, false, 0, p.published_at, null, a.username,
               array(select m.sha256 from media_assets m
                     where m.id = any(c.media_assets) and m.deleted_at is null and m.sha256 is not null),
               p.platform || ':' || p.platform_post_id
        from published_posts p
        join content c on c.id = p.content_id and c.organization_id = p.organization_id
        join social_accounts a on a.id = p.social_account_id and a.organization_id = p.organization_id
        where c.event_id = ${eventOf(key)} and p.publish_status = 'published' and p.platform_post_id is not null
          and p.published_at is not null
          and exists (select 1 from event_widgets w where w.event_id = c.event_id and w.show_official_posts)
          and not ${contentEmbargoedNow(sql`c.id`)}
      ) wall
      where true ${after}
      order by at desc, id desc
      limit ${page.limit + 1}`),
  }));
  const rows = timeline.rows.slice(0, page.limit);
  const last = rows.at(-1);
  return {
    data: [
      ...pinned.rows.map((row) => inboundWallItem(key, row)),
      ...rows.map((row) =>
        row.source === "official"
          ? officialWallItem(key, {
              platform: row.platform,
              platform_post_id: row.platform_item_id,
              platform_url: row.platform_url,
              text: row.text,
              handle: row.handle,
              files: row.files ?? [],
              at: row.at,
            })
          : inboundWallItem(key, row),
      ),
    ],
    next_cursor:
      timeline.rows.length > page.limit && last ? encodeWallCursor({ at: iso(last.at), id: last.id }) : null,
  };
}

type TimelineRow = InboundWallRow & {
  source: "inbound" | "official";
  handle: string | null;
  files: string[] | null;
  id: string;
};

type PhaseRow = {
  name: string;
  description: string | null;
  starts_at: string | null;
  ends_at: string | null;
};

export interface PublicPhase {
  name: string;
  description: string | null;
  starts_at: string | null;
  ends_at: string | null;
}

/** The phases in order, with the one under way and the one after it at `now`. */
export async function readAgenda(db: Database, key: string, now: Date) {
  const { event, phases } = await readScoped(db, key, (tx) => ({
    phases: tx.execute<PhaseRow>(sql`
      select name, description, starts_at, ends_at from event_phases
      where event_id = ${eventOf(key)} and deleted_at is null
      order by starts_at nulls last, name`),
  }));
  const list: PublicPhase[] = phases.rows.map((p) => ({
    name: p.name,
    description: p.description,
    starts_at: p.starts_at ? iso(p.starts_at) : null,
    ends_at: p.ends_at ? iso(p.ends_at) : null,
  }));
  const at = now.getTime();
  const current = list.find(
    (p) => p.starts_at && p.ends_at && Date.parse(p.starts_at) <= at && at < Date.parse(p.ends_at),
  );
  const next = list.find((p) => p.starts_at && Date.parse(p.starts_at) > at);
  return { timezone: event.timezone, now: current ?? null, next: next ?? null, phases: list };
}

type SpeakerRow = {
  title: string | null;
  first_name: string;
  last_name: string | null;
  designation: string | null;
  organization: string | null;
  country: string | null;
  delegate_type: string;
  social_handles: Partial<Record<Platform, string>>;
  photo: string | null;
};

/** The featured and VIP delegates, by rank then name; no email, no internal id. */
export async function readSpeakers(db: Database, key: string) {
  const { speakers } = await readScoped(db, key, (tx) => ({
    speakers: tx.execute<SpeakerRow>(sql`
      select d.title, d.first_name, d.last_name, d.designation, d.organization, d.country, d.delegate_type,
             d.social_handles, m.sha256 as photo
      from delegates d
      left join media_assets m on m.id = d.photo_media_id and m.deleted_at is null and not ${mediaEmbargoedNow("m")}
      where d.event_id = ${eventOf(key)} and d.deleted_at is null and (d.featured or d.vip_tier > 0)
      order by d.vip_tier desc, d.last_name nulls last, d.first_name
      limit 200`),
  }));
  return {
    data: speakers.rows.map((d) => ({
      name: [d.title, d.first_name, d.last_name].filter(Boolean).join(" "),
      designation: d.designation,
      organization: d.organization,
      country: d.country,
      type: d.delegate_type,
      handles: d.social_handles,
      photo_url: d.photo ? filePath(key, d.photo) : null,
    })),
  };
}

/** Published posts of the event, in all and per campaign, and the items on its wall. */
export async function readCounters(db: Database, key: string) {
  const { counts, campaigns } = await readScoped(db, key, (tx) => ({
    counts: tx.execute<{ posts_published: number; wall_items: number }>(sql`
      select
        (select count(*)::int from published_posts p join content c on c.id = p.content_id
          where c.event_id = ${eventOf(key)} and p.publish_status = 'published'
            and not ${contentEmbargoedNow(sql`c.id`)}) as posts_published,
        (select count(*)::int from inbound_items i where ${onWall(key)}) as wall_items`),
    campaigns: tx.execute<{ name: string; posts_published: number }>(sql`
      select k.name, (select count(*)::int from published_posts p join content c on c.id = p.content_id
                       where c.campaign_id = k.id and p.publish_status = 'published'
                         and not ${contentEmbargoedNow(sql`c.id`)}) as posts_published
      from campaigns k
      where k.event_id = ${eventOf(key)} and k.deleted_at is null and k.status in ('active', 'completed')
      order by k.start_date, k.name`),
  }));
  return {
    posts_published: counts.rows[0]?.posts_published ?? 0,
    wall_items: counts.rows[0]?.wall_items ?? 0,
    campaigns: campaigns.rows,
  };
}

/** A media file the public may see: a shown speaker's photo or a file of a published post on the wall. */
export async function readPublicFile(db: Database, key: string, sha256: string) {
  const { files } = await readScoped(db, key, (tx) => ({
    files: tx.execute<{ storage_key: string; mime_type: string; size: number }>(sql`
      select m.storage_key, m.mime_type, m.file_size::int as size from media_assets m
      where m.sha256 = ${sha256} and m.deleted_at is null and m.processing_status <> 'failed'
        and not ${mediaEmbargoedNow("m")} and (
        exists (select 1 from delegates d where d.photo_media_id = m.id and d.event_id = ${eventOf(key)}
                and d.deleted_at is null and (d.featured or d.vip_tier > 0))
        or exists (select 1 from published_posts p join content c on c.id = p.content_id
                   where c.event_id = ${eventOf(key)} and p.publish_status = 'published' and m.id = any(c.media_assets)
                     and not ${contentEmbargoedNow(sql`c.id`)}))
      limit 1`),
  }));
  const file = files.rows[0];
  if (!file) throw new NotFoundError("file_not_found", "No such file on this event's public pages.");
  return file;
}

/** The platform address of an approved item's avatar or n-th media file. */
export async function readInboundImageUrl(
  db: Database,
  key: string,
  id: { platform: string; platformItemId: string },
  slot: "avatar" | number,
): Promise<string> {
  const pick: SQL = slot === "avatar" ? sql`i.author_avatar_url` : sql`i.media_urls[${slot + 1}]`;
  const { images } = await readScoped(db, key, (tx) => ({
    images: tx.execute<{ url: string | null }>(sql`
      select ${pick} as url from inbound_items i
      where ${onWall(key)} and i.platform = ${id.platform} and i.platform_item_id = ${id.platformItemId}
      limit 1`),
  }));
  const url = images.rows[0]?.url;
  if (!url) throw new NotFoundError("image_not_found", "No such image on this event's wall.");
  return url;
}
