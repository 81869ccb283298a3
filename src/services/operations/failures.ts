/**
 * What failed: the event's posts that ended failed within the look-back, newest first, with the
 * reason the post records (the platform's message, or why the retries gave up) and its last attempt.
 */
import { sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import type { PublishAttemptOutcome } from "../../db/schema/publish-attempts.ts";
import type { TenantContext } from "../context.ts";
import { isoAt, isoOrNull, type RawTime } from "./rows.ts";

export interface FailedPost {
  published_post_id: string;
  content_id: string;
  content_title: string | null;
  platform: Platform;
  social_account: { id: string; username: string | null } | null;
  failed_at: string;
  attempts: number;
  reason: string | null;
  last_attempt: {
    number: number;
    outcome: PublishAttemptOutcome;
    http_status: number | null;
    error_code: string | null;
    error_message: string | null;
    at: string;
  } | null;
}

type Row = {
  id: string;
  content_id: string;
  title: string | null;
  platform: Platform;
  social_account_id: string | null;
  username: string | null;
  failed_at: RawTime;
  attempt_count: number;
  last_error: string | null;
  attempt_number: number | null;
  outcome: PublishAttemptOutcome | null;
  http_status: number | null;
  error_code: string | null;
  error_message: string | null;
  attempted_at: RawTime | null;
  total: number;
};

export function selectFailedPosts(
  ctx: TenantContext,
  db: Database,
  query: { eventId: string; since: Date; limit: number },
) {
  const org = ctx.organizationId;
  return reading(
    {
      rows: db.execute<Row>(sql`
        select p.id, p.content_id, c.title, p.platform, p.social_account_id, a.username,
          p.updated_at as failed_at, p.attempt_count, p.last_error,
          t.attempt_number, t.outcome, t.http_status, t.error_code, t.error_message,
          coalesce(t.finished_at, t.started_at) as attempted_at,
          (count(*) over ())::int as total
        from published_posts p
        join content c on c.id = p.content_id and c.organization_id = ${org}
        left join social_accounts a on a.id = p.social_account_id
        left join lateral (
          select * from publish_attempts x
          where x.organization_id = ${org} and x.published_post_id = p.id
          order by x.attempt_number desc limit 1
        ) t on true
        where p.organization_id = ${org} and c.event_id = ${query.eventId}
          and p.publish_status = 'failed' and p.updated_at >= ${query.since.toISOString()}::timestamptz
        order by p.updated_at desc, p.id
        limit ${query.limit}`),
    },
    ({ rows }) => ({
      since: query.since.toISOString(),
      total: rows.rows[0]?.total ?? 0,
      posts: rows.rows.map(
        (row): FailedPost => ({
          published_post_id: row.id,
          content_id: row.content_id,
          content_title: row.title,
          platform: row.platform,
          social_account: row.social_account_id
            ? { id: row.social_account_id, username: row.username }
            : null,
          failed_at: isoAt(row.failed_at),
          attempts: row.attempt_count,
          reason: row.last_error ?? row.error_message,
          last_attempt:
            row.attempt_number !== null && row.outcome !== null
              ? {
                  number: row.attempt_number,
                  outcome: row.outcome,
                  http_status: row.http_status,
                  error_code: row.error_code,
                  error_message: row.error_message,
                  at: isoOrNull(row.attempted_at) ?? isoAt(row.failed_at),
                }
              : null,
        }),
      ),
    }),
  );
}
