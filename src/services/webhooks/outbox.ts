/**
 * The webhook outbox: an event is recorded in the same batch as the change that causes it, as one
 * statement that the caller puts into its batch (never a round trip of its own), so the change and its
 * event commit or roll back together. The statement fans the event out into one pending delivery per
 * enabled endpoint of the organisation subscribed to its type, and records nothing when there is none.
 * The every-minute cron then sends the deliveries through the `guddu-webhooks` queue (dispatch.ts).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";

/**
 * Records what `source` selects — rows of `type text, resource_id uuid, data jsonb`, none when the
 * change did not happen (sources guard on the row this transaction wrote) — for the organisation's
 * subscribed endpoints. Rows are recorded in the source's order, which is the order their deliveries
 * keep per endpoint and resource.
 */
export function webhookEvents(db: Database, organizationId: string, source: SQL) {
  return db.execute(sql`
    with src as materialized (
      select gen_random_uuid() as event_id, s.type, s.resource_id, s.data, row_number() over () as ord
        from (${source}) s
    ),
    subscribed as (
      select e.id, e.event_types from webhook_endpoints e
       where e.organization_id = ${organizationId} and e.enabled
    ),
    wanted as materialized (
      select src.* from src where exists (select 1 from subscribed s where src.type = any(s.event_types))
    ),
    recorded as (
      insert into webhook_events (id, organization_id, type, resource_id, data)
      select w.event_id, ${organizationId}, w.type, w.resource_id, w.data from wanted w
    )
    insert into webhook_deliveries (organization_id, endpoint_id, event_id, resource_id)
    select ${organizationId}, s.id, w.event_id, w.resource_id
      from wanted w join subscribed s on w.type = any(s.event_types)
     order by w.ord, s.id`);
}

/** A timestamptz as the wire has it: ISO 8601 in UTC with milliseconds, or null. */
export const isoTime = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
