/**
 * Accounts to reconnect before they hold the event up: the accounts its posts go through (its own,
 * the organisation's tied to no event, and any its waiting posts name) that the token refresh gave up
 * on (`reauth_required`), whose token has run out while connected, or whose token runs out within the
 * look-ahead with nothing to renew it (no refresh token). Reconnecting is the fix for each.
 */
import { sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import type { ConnectionStatus } from "../../db/schema/social-accounts.ts";
import type { TenantContext } from "../context.ts";
import { isoOrNull, type RawTime } from "./rows.ts";

export const RECONNECT_REASONS = ["reauth_required", "token_expired", "token_expiring"] as const;
export type ReconnectReason = (typeof RECONNECT_REASONS)[number];

export interface AccountToReconnect {
  social_account_id: string;
  platform: Platform;
  username: string | null;
  event_id: string | null;
  reason: ReconnectReason;
  connection_status: ConnectionStatus;
  status_reason: string | null;
  token_expires_at: string | null;
  /** The event's posts not sent yet that go through it. */
  waiting_posts: number;
}

type Row = {
  id: string;
  platform: Platform;
  username: string | null;
  event_id: string | null;
  reason: ReconnectReason;
  connection_status: ConnectionStatus;
  status_reason: string | null;
  token_expires_at: RawTime | null;
  waiting_posts: number;
  total: number;
};

export function selectAccountsToReconnect(
  ctx: TenantContext,
  db: Database,
  query: { eventId: string; now: Date; tokensBefore: Date; limit: number },
) {
  const org = ctx.organizationId;
  const now = sql`${query.now.toISOString()}::timestamptz`;
  const waiting = sql`select 1 from published_posts p join content c on c.id = p.content_id and c.organization_id = ${org}
    where p.organization_id = ${org} and p.social_account_id = a.id and c.event_id = ${query.eventId}
      and p.publish_status in ('pending', 'queued')`;
  return reading(
    {
      rows: db.execute<Row>(sql`
        with needing as (
          select a.id, a.platform, a.username, a.event_id, a.connection_status, a.status_reason,
            a.token_expires_at, case
              when a.connection_status <> 'connected' then 'reauth_required'
              when a.token_expires_at <= ${now} then 'token_expired'
              else 'token_expiring' end as reason
          from social_accounts a
          where a.organization_id = ${org} and a.deleted_at is null
            and (a.event_id = ${query.eventId} or a.event_id is null or exists (${waiting}))
            and (a.connection_status <> 'connected' or a.token_expires_at <= ${now}
              or (a.token_expires_at <= ${query.tokensBefore.toISOString()}::timestamptz and a.refresh_token is null))
        )
        select a.id, a.platform, a.username, a.event_id, a.reason, a.connection_status, a.status_reason,
          a.token_expires_at, (select count(*) from (${waiting}) w)::int as waiting_posts,
          (count(*) over ())::int as total
        from needing a
        order by a.reason <> 'reauth_required', a.token_expires_at nulls last, a.id
        limit ${query.limit}`),
    },
    ({ rows }) => ({
      total: rows.rows[0]?.total ?? 0,
      accounts: rows.rows.map(
        (row): AccountToReconnect => ({
          social_account_id: row.id,
          platform: row.platform,
          username: row.username,
          event_id: row.event_id,
          reason: row.reason,
          connection_status: row.connection_status,
          status_reason: row.status_reason,
          token_expires_at: isoOrNull(row.token_expires_at),
          waiting_posts: row.waiting_posts,
        }),
      ),
    }),
  );
}
