/**
 * What goes out next: the event's waiting posts due before the window's end (those already overdue
 * included: something holds them), soonest first, each with what holds it at the time it is due — a
 * pause (the cron's own rule, publishing/pause.ts), an embargo (`content_embargoed`), or its account.
 */
import { sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import type { PublishStatus } from "../../db/schema/published-posts.ts";
import type { TenantContext } from "../context.ts";
import { pauseHolding } from "../publishing/pause.ts";
import { isoAt, isoOrNull, type RawTime } from "./rows.ts";

export const ACCOUNT_HOLDS = ["removed", "paused", "reauth_required"] as const;
export type AccountHold = (typeof ACCOUNT_HOLDS)[number];

export interface UpcomingPost {
  published_post_id: string;
  content_id: string;
  content_title: string | null;
  platform: Platform;
  social_account: { id: string; username: string | null } | null;
  due_at: string;
  publish_status: PublishStatus;
  /** Its time has passed and it has not gone out yet. */
  overdue: boolean;
  held_by: {
    pause: { id: string; until: string | null } | null;
    embargoed: boolean;
    account: AccountHold | null;
  };
}

type Row = {
  id: string;
  content_id: string;
  title: string | null;
  platform: Platform;
  social_account_id: string | null;
  username: string | null;
  due_at: RawTime;
  publish_status: PublishStatus;
  pause_id: string | null;
  pause_until: RawTime | null;
  embargoed: boolean;
  account_hold: AccountHold | null;
  total: number;
};

export function selectUpcoming(
  ctx: TenantContext,
  db: Database,
  query: { eventId: string; now: Date; until: Date; limit: number },
) {
  const org = ctx.organizationId;
  const now = sql`${query.now.toISOString()}::timestamptz`;
  const at = sql`greatest(p.next_attempt_at, ${now})`;
  return reading(
    {
      rows: db.execute<Row>(sql`
        select p.id, p.content_id, c.title, p.platform, p.social_account_id, a.username,
          p.next_attempt_at as due_at, p.publish_status, z.id as pause_id, z.until as pause_until,
          content_embargoed(c.id, ${at}) as embargoed,
          case when p.social_account_id is null or a.deleted_at is not null then 'removed'
            when not a.is_active then 'paused'
            when a.connection_status <> 'connected' then 'reauth_required' end as account_hold,
          (count(*) over ())::int as total
        from published_posts p
        join content c on c.id = p.content_id and c.organization_id = ${org}
        left join social_accounts a on a.id = p.social_account_id
        left join lateral (select ${pauseHolding(sql`c.event_id`, sql`p.platform`, sql`p.social_account_id`, at)} as id) h on true
        left join publishing_pauses z on z.id = h.id
        where p.organization_id = ${org} and c.event_id = ${query.eventId} and c.deleted_at is null
          and p.publish_status in ('pending', 'queued')
          and p.next_attempt_at < ${query.until.toISOString()}::timestamptz
        order by p.next_attempt_at, p.id
        limit ${query.limit}`),
    },
    ({ rows }) => ({
      until: query.until.toISOString(),
      total: rows.rows[0]?.total ?? 0,
      posts: rows.rows.map(
        (row): UpcomingPost => ({
          published_post_id: row.id,
          content_id: row.content_id,
          content_title: row.title,
          platform: row.platform,
          social_account: row.social_account_id
            ? { id: row.social_account_id, username: row.username }
            : null,
          due_at: isoAt(row.due_at),
          publish_status: row.publish_status,
          overdue: new Date(row.due_at) <= query.now,
          held_by: {
            pause: row.pause_id ? { id: row.pause_id, until: isoOrNull(row.pause_until) } : null,
            embargoed: row.embargoed,
            account: row.account_hold,
          },
        }),
      ),
    }),
  );
}
