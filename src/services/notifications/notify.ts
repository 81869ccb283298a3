/**
 * Notifications are written in the same batch as the event that causes them: `notify` returns a batch
 * item, never sends anything itself. Recipients are given as user ids or as a query of user ids
 * (e.g. "the users with one of these roles"); only active, live users of the organisation receive one.
 * With a `dedupeKey` a retried write (a Durable Object's write-through, a redelivered queue message)
 * inserts nothing the second time.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { TenantContext } from "../context.ts";

export interface NotificationSpec {
  /** `entity.verb`, e.g. `approval.requested`, `post.failed`. */
  type: string;
  title: string;
  message?: string;
  /** Where the notification leads in the client, e.g. `/v1/content/<id>`. */
  link?: string;
  data?: Record<string, unknown>;
  /** One notification per recipient and key, however often the write is retried. */
  dedupeKey?: string;
}

export function notify(
  ctx: Pick<TenantContext, "organizationId">,
  db: Database,
  recipients: readonly string[] | SQL,
  spec: NotificationSpec,
) {
  const ids = Array.isArray(recipients)
    ? sql`select unnest(${sql.param(recipients)}::uuid[])`
    : (recipients as SQL);
  return db.execute(sql`
    insert into notifications (organization_id, user_id, type, title, message, link, data, dedupe_key)
    select u.organization_id, u.id, ${spec.type}, ${spec.title}, ${spec.message ?? null}, ${spec.link ?? null},
           ${JSON.stringify(spec.data ?? {})}::jsonb, ${spec.dedupeKey ?? null}
      from users u
     where u.organization_id = ${ctx.organizationId}
       and u.is_active and u.deleted_at is null
       and u.id in (${ids})
    on conflict (user_id, dedupe_key) do nothing`);
}
