/**
 * Moderation as items arrive: every item the store took for an event whose widgets are on is judged
 * (filters.ts for what needs no database; here, in one statement per item, what does: trusted
 * authors and floods of identical text), its wall status written, and what readers should see pushed
 * to the event's live channel. One round trip per batch of arrivals, none when no arrival has a wall.
 *
 * The order of the rules: a blocked author is hidden; what a moderator hid stays hidden; the
 * organisation's own accounts, the event's delegates and the listed allowed authors are shown; an
 * item a filter stops waits (`pending`, with the filter as its reason), as does a flood; what a
 * moderator approved stays approved; in manual moderation everything else waits; else it is shown.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { EventWidgets } from "../../db/schema/event-widgets.ts";
import { eventWidgets } from "../../db/schema/event-widgets.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../context.ts";
import type { StoredItem } from "../inbound/store.ts";
import { publishLive } from "../public/live.ts";
import type { LiveChange } from "../public/live-messages.ts";
import { INBOUND_WALL_COLUMNS } from "../public/reads.ts";
import { type InboundWallRow, inboundWallItem, wallItemId } from "../public/wall-item.ts";
import { judgeWallCandidate, normalHandle } from "./filters.ts";

/** The organisation's events with widgets on: read in the same batch as the arrivals are stored. */
export function wallsOf(ctx: Pick<TenantContext, "organizationId">, db: Database) {
  return db
    .select()
    .from(eventWidgets)
    .where(ownedBy(ctx, eventWidgets.organizationId, eq(eventWidgets.enabled, true)));
}

type Decided = InboundWallRow & { before: string | null; wall_status: string | null };

function decide(db: Database, ctx: TenantContext, wall: EventWidgets, item: StoredItem) {
  const content = item.observation.content;
  const handle = content?.author.handle ? normalHandle(content.author.handle) : null;
  const judged = judgeWallCandidate(
    {
      platform: item.observation.platform,
      authorHandle: handle,
      authorFollowers: content?.author.followers ?? null,
      authorCreatedAt: content?.author.accountCreatedAt ?? null,
      text: content?.text ?? null,
    },
    wall.filters,
    ctx.now(),
  );
  const platform = item.observation.platform;
  const trusted = handle
    ? sql`(exists (select 1 from social_accounts a where a.organization_id = ${ctx.organizationId}
            and a.platform = ${platform} and a.deleted_at is null and lower(ltrim(a.username, '@')) = ${handle})
          or exists (select 1 from delegates d where d.event_id = ${wall.eventId} and d.deleted_at is null
            and lower(ltrim(d.social_handles ->> ${platform}, '@')) = ${handle}))`
    : sql`false`;
  const flood = wall.filters.flood;
  const flooded =
    flood && content?.text
      ? sql`(select count(*) from inbound_items j
             where j.organization_id = ${ctx.organizationId} and j.event_id = ${wall.eventId}
               and j.received_at > now() - make_interval(mins => ${flood.window_minutes})
               and j.id <> ${item.itemId} and j.deleted_at is null
               and lower(btrim(j.text)) = lower(btrim(${content.text}))) >= ${flood.max_identical}`
      : sql`false`;
  const manual = wall.moderation === "manual";
  return db.execute<Decided>(sql`
    with target as (
      select i.id, i.received_at, i.wall_status as before, i.moderated_by is not null as moderated
      from inbound_items i
      where i.organization_id = ${ctx.organizationId} and i.id = ${item.itemId}
        and i.received_at = ${item.receivedAt} and i.event_id = ${wall.eventId} and i.deleted_at is null
    ),
    decided as (
      select case
          when ${judged.blocked} then array['hidden', 'blocked_author']
          when target.moderated and target.before = 'hidden' then array['hidden', 'moderator']
          when ${judged.allowed} or ${trusted} then array['approved', null]
          when ${judged.hold}::text is not null then array['pending', ${judged.hold}::text]
          when ${flooded} then array['pending', 'flood']
          when target.moderated and target.before = 'approved' then array['approved', 'moderator']
          when ${manual} then array['pending', 'manual']
          else array['approved', null]
        end as verdict
      from target
    )
    update inbound_items i set wall_status = decided.verdict[1], wall_reason = decided.verdict[2]
    from target, decided
    where i.organization_id = ${ctx.organizationId} and i.id = target.id and i.received_at = target.received_at
    returning target.before, i.wall_status, ${INBOUND_WALL_COLUMNS}`);
}

/** Judges the arrivals on walls, writes their status, and tells each wall's live channel. */
export async function moderateArrivals(
  ctx: TenantContext,
  walls: readonly EventWidgets[],
  arrivals: readonly StoredItem[],
  logger?: Logger,
): Promise<void> {
  const byEvent = new Map(walls.map((wall) => [wall.eventId, wall]));
  const onWalls = arrivals.flatMap((item) => {
    const wall = item.eventId ? byEvent.get(item.eventId) : undefined;
    return wall ? [{ wall, item }] : [];
  });
  if (onWalls.length === 0) return;
  const changes = new Map<string, LiveChange[]>();
  const push = (key: string, change: LiveChange) => changes.set(key, [...(changes.get(key) ?? []), change]);
  const judged = onWalls.filter(({ item }) => item.outcome !== "deleted");
  if (judged.length > 0) {
    const { decided } = await inTenant(ctx, (db) => ({
      decided: judged.map(({ wall, item }) => decide(db, ctx, wall, item)),
    }));
    for (const [index, result] of decided.entries()) {
      const row = result.rows[0];
      const wall = judged[index]?.wall;
      if (!row || !wall) continue;
      if (row.wall_status === "approved") {
        push(wall.publicKey, { type: "item", item: inboundWallItem(wall.publicKey, row) });
      } else if (row.before === "approved") {
        push(wall.publicKey, { type: "remove", id: wallItemId(row.platform, row.platform_item_id) });
      }
    }
  }
  // A deletion erased the item: gone from every wall that may show it.
  for (const { wall, item } of onWalls) {
    if (item.outcome === "deleted") {
      push(wall.publicKey, {
        type: "remove",
        id: wallItemId(item.observation.platform, item.observation.itemId),
      });
    }
  }
  await Promise.all([...changes].map(([key, list]) => publishLive(ctx.config, key, list, logger)));
}
