/**
 * Approvals stuck on the way to the event: its live content's pending requests, the most urgent first
 * (the step's deadline, then the longest waiting), each with the step it is on, whose turn it is (the
 * roles the step names and the named people who have not approved it yet; once escalated, those it
 * escalated to as well), since when, and whether its deadline has passed.
 */
import { sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { UserRole } from "../../db/schema/users.ts";
import type { TenantContext } from "../context.ts";
import { isoAt, isoOrNull, type RawTime } from "./rows.ts";

export interface StuckApproval {
  approval_request_id: string;
  content_id: string;
  content_title: string | null;
  scheduled_for: string | null;
  step: { number: number; name: string; of: number; approvals: number };
  waiting_for: { roles: UserRole[]; users: Array<{ id: string; name: string }> };
  escalated: boolean;
  /** When the current step started (the request's submission for the first). */
  since: string;
  due_at: string | null;
  overdue: boolean;
}

type Row = {
  id: string;
  content_id: string;
  title: string | null;
  scheduled_for: RawTime | null;
  current_step: number;
  steps_total: number;
  step_name: string | null;
  approvals: number;
  roles: UserRole[];
  users: Array<{ id: string; name: string }>;
  escalated: boolean;
  since: RawTime;
  step_due_at: RawTime | null;
  total: number;
  overdue_total: number;
};

/** Whom the current step (`q.step`) names, of one kind: its approvers, and once escalated those it escalated to. */
const named = (kind: "roles" | "userIds") =>
  sql.raw(`coalesce(q.step -> 'approvers' -> '${kind}', '[]'::jsonb)
    || case when q.escalated then coalesce(q.step -> 'escalateTo' -> '${kind}', '[]'::jsonb) else '[]'::jsonb end`);

export function selectStuckApprovals(
  ctx: TenantContext,
  db: Database,
  query: { eventId: string; now: Date; limit: number },
) {
  const org = ctx.organizationId;
  const now = sql`${query.now.toISOString()}::timestamptz`;
  return reading(
    {
      rows: db.execute<Row>(sql`
        with q as (
          select r.id, r.content_id, c.title, c.scheduled_for, r.current_step, r.step_due_at,
            jsonb_array_length(r.steps) as steps_total, r.steps -> (r.current_step - 1) as step,
            exists (select 1 from approval_actions e where e.approval_request_id = r.id
              and e.step_number = r.current_step and e.action = 'escalate') as escalated,
            coalesce((select max(x.actioned_at) from approval_actions x where x.approval_request_id = r.id
              and x.step_number = r.current_step - 1 and x.action = 'approve'), r.requested_at) as since
          from approval_requests r
          join content c on c.id = r.content_id and c.organization_id = ${org}
          where r.organization_id = ${org} and r.status = 'pending'
            and c.event_id = ${query.eventId} and c.deleted_at is null
        )
        select q.id, q.content_id, q.title, q.scheduled_for, q.current_step, q.steps_total,
          q.step ->> 'name' as step_name, q.escalated, q.since, q.step_due_at,
          (select count(*) from approval_actions a where a.approval_request_id = q.id
            and a.step_number = q.current_step and a.action = 'approve')::int as approvals,
          (select coalesce(jsonb_agg(distinct role), '[]'::jsonb) from jsonb_array_elements_text(${named("roles")}) role) as roles,
          coalesce((select json_agg(json_build_object('id', u.id,
              'name', coalesce(nullif(concat_ws(' ', u.first_name, u.last_name), ''), u.email)) order by u.last_name, u.id)
            from users u
            where u.organization_id = ${org} and u.deleted_at is null and u.is_active
              and u.id::text in (select jsonb_array_elements_text(${named("userIds")}))
              and not exists (select 1 from approval_actions m where m.approval_request_id = q.id
                and m.step_number = q.current_step and m.action = 'approve' and m.actioned_by = u.id)), '[]') as users,
          (count(*) over ())::int as total,
          (count(*) filter (where q.step_due_at <= ${now}) over ())::int as overdue_total
        from q
        order by q.step_due_at nulls last, q.since, q.id
        limit ${query.limit}`),
    },
    ({ rows }) => ({
      total: rows.rows[0]?.total ?? 0,
      overdue: rows.rows[0]?.overdue_total ?? 0,
      requests: rows.rows.map(
        (row): StuckApproval => ({
          approval_request_id: row.id,
          content_id: row.content_id,
          content_title: row.title,
          scheduled_for: isoOrNull(row.scheduled_for),
          step: {
            number: row.current_step,
            name: row.step_name ?? `Step ${row.current_step}`,
            of: row.steps_total,
            approvals: row.approvals,
          },
          waiting_for: { roles: row.roles, users: row.users },
          escalated: row.escalated,
          since: isoAt(row.since),
          due_at: isoOrNull(row.step_due_at),
          overdue: row.step_due_at !== null && new Date(row.step_due_at) <= query.now,
        }),
      ),
    }),
  );
}
