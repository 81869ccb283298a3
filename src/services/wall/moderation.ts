/**
 * The moderator's side of an event's wall: the queue (what waits, what is shown, what is hidden, and
 * why), and the actions — approve, hide, pin, unpin, block an author — each audited and pushed to the
 * event's open widgets at once.
 */
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { EventWidgets } from "../../db/schema/event-widgets.ts";
import { eventWidgets, type WallStatus } from "../../db/schema/event-widgets.ts";
import { events } from "../../db/schema/events.ts";
import { type InboundItem, inboundItems } from "../../db/schema/inbound-items.ts";
import type { Platform } from "../../db/schema/index.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { auditEntry } from "../audit/record.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { type PageInput, type PageOrder, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { publishLive } from "../public/live.ts";
import { MAX_PINNED } from "../public/reads.ts";
import { inboundWallItem, wallItemId } from "../public/wall-item.ts";
import { normalHandle } from "./filters.ts";
import { eventNotFoundInOrganization, getWidgets } from "./widgets.ts";

export const WALL_ACTIONS = ["approve", "hide", "pin", "unpin"] as const;
export type WallAction = (typeof WALL_ACTIONS)[number];

const wallItemNotFound = () => new NotFoundError("wall_item_not_found", "No such item on this event's wall.");

async function widgetsOn(ctx: TenantContext, eventId: string): Promise<EventWidgets> {
  const widgets = await getWidgets(ctx, eventId);
  if (!widgets) throw new NotFoundError("widgets_not_set_up", "Switch the event's widgets on first.");
  return widgets;
}

export interface WallQueueInput extends PageInput {
  status?: WallStatus;
}

const newestFirst: PageOrder = { by: inboundItems.receivedAt, id: inboundItems.id };

/** A page of the wall's queue, rendered once per filters and order (db/prepared.ts). */
const wallPage = preparedStatement(
  "wallPage",
  (db, value: Value<"organizationId" | "eventId" | "status" | PageValue>, shape: { continued: boolean }) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: inboundItems, key: page.key })
      .from(inboundItems)
      .where(
        and(
          eq(inboundItems.organizationId, value("organizationId")),
          eq(inboundItems.eventId, value("eventId")),
          eq(inboundItems.wallStatus, value("status")),
          isNull(inboundItems.deletedAt),
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** The event's items with a wall status (`pending` by default), newest first; one round trip; 404 for an event not ours. */
export async function listWallItems(ctx: TenantContext, eventId: string, input: WallQueueInput) {
  const page = paginate(input, newestFirst);
  const { event, rows } = await inTenant(ctx, (db) => ({
    event: db
      .select({ id: events.id })
      .from(events)
      .where(ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt))),
    rows: wallPage(
      db,
      { organizationId: ctx.organizationId, eventId, status: input.status ?? "pending", ...page.values },
      { continued: page.continued },
    ),
  }));
  if (!event[0]) throw eventNotFoundInOrganization();
  return page.result(rows);
}

/**
 * One moderator action on one item of the event's wall. Reads the item and the settings, then writes
 * the decision with its audit row (two round trips, three with the settings' read), then pushes.
 */
export async function moderateWallItem(
  ctx: TenantContext,
  eventId: string,
  itemId: string,
  action: WallAction,
  logger?: Logger,
): Promise<InboundItem> {
  const widgets = await widgetsOn(ctx, eventId);
  const { found, pinned } = await inTenant(ctx, (db) => ({
    found: db
      .select()
      .from(inboundItems)
      .where(
        ownedBy(
          ctx,
          inboundItems.organizationId,
          eq(inboundItems.id, itemId),
          eq(inboundItems.eventId, eventId),
        ),
      ),
    pinned: db
      .select({ id: inboundItems.id })
      .from(inboundItems)
      .where(
        ownedBy(
          ctx,
          inboundItems.organizationId,
          eq(inboundItems.eventId, eventId),
          isNotNull(inboundItems.pinnedAt),
          isNull(inboundItems.deletedAt),
        ),
      ),
  }));
  const item = found[0];
  if (!item || item.deletedAt || !item.wallStatus) throw wallItemNotFound();
  if (action === "pin" && !item.pinnedAt && pinned.length >= MAX_PINNED) {
    throw new ConflictError("too_many_pinned", `At most ${MAX_PINNED} items can be pinned; unpin one first.`);
  }
  const now = ctx.now();
  const set = {
    approve: { wallStatus: "approved" as const, wallReason: "moderator" },
    hide: { wallStatus: "hidden" as const, wallReason: "moderator", pinnedAt: null },
    pin: { wallStatus: "approved" as const, wallReason: "moderator", pinnedAt: item.pinnedAt ?? now },
    unpin: { pinnedAt: null },
  }[action];
  const { updated } = await inTenant(ctx, (db) => ({
    updated: db
      .update(inboundItems)
      .set({ ...set, moderatedBy: actorUserId(ctx.actor), moderatedAt: now })
      .where(
        and(
          ownedBy(ctx, inboundItems.organizationId, eq(inboundItems.id, item.id)),
          eq(inboundItems.receivedAt, item.receivedAt),
        ),
      )
      .returning(),
    audit: auditEntry(ctx, db, {
      action: `wall_item.${action}`,
      entityType: "inbound_item",
      entityId: item.id,
      changes: {
        event_id: eventId,
        wall_status: { from: item.wallStatus, to: "wallStatus" in set ? set.wallStatus : item.wallStatus },
      },
    }),
  }));
  const after = updated[0];
  if (!after) throw wallItemNotFound();
  const id = wallItemId(after.platform, after.platformItemId);
  const visible = after.wallStatus === "approved";
  await publishLive(
    ctx.config,
    widgets.publicKey,
    [
      visible
        ? {
            type: "item",
            item: inboundWallItem(widgets.publicKey, {
              platform: after.platform,
              platform_item_id: after.platformItemId,
              kind: after.kind,
              platform_url: after.platformUrl,
              text: after.text,
              author_handle: after.authorHandle,
              author_name: after.authorName,
              has_avatar: after.authorAvatarUrl !== null,
              media_count: after.mediaUrls.length,
              at: after.platformCreatedAt ?? after.receivedAt,
              pinned_at: after.pinnedAt,
            }),
          }
        : { type: "remove", id },
      // Pins reorder the wall: widgets read it again.
      ...(action === "pin" || action === "unpin" ? [{ type: "refresh" as const }] : []),
    ],
    logger,
  );
  return after;
}

/**
 * Blocks an author on the event's wall: added to its blocked authors, and every item of theirs there
 * hidden (pushed as removals). One round trip after the settings' read; audited.
 */
export async function blockWallAuthor(
  ctx: TenantContext,
  eventId: string,
  author: { platform: Platform; handle: string },
  logger?: Logger,
): Promise<{ hidden: number }> {
  const widgets = await widgetsOn(ctx, eventId);
  const handle = normalHandle(author.handle);
  const blocked = widgets.filters.blocked_authors.some(
    (a) => a.platform === author.platform && normalHandle(a.handle) === handle,
  )
    ? widgets.filters.blocked_authors
    : [...widgets.filters.blocked_authors, { platform: author.platform, handle }];
  const { hidden } = await inTenant(ctx, (db) => ({
    settings: db
      .update(eventWidgets)
      .set({ filters: { ...widgets.filters, blocked_authors: blocked } })
      .where(ownedBy(ctx, eventWidgets.organizationId, eq(eventWidgets.eventId, eventId))),
    hidden: db.execute<{ platform: string; platform_item_id: string; was: string | null }>(sql`
      update inbound_items i set wall_status = 'hidden', wall_reason = 'blocked_author', pinned_at = null,
        moderated_by = ${actorUserId(ctx.actor)}, moderated_at = now()
      from (select id, received_at, wall_status from inbound_items
            where organization_id = ${ctx.organizationId} and event_id = ${eventId} and platform = ${author.platform}
              and lower(ltrim(author_handle, '@')) = ${handle} and wall_status is not null) old
      where i.organization_id = ${ctx.organizationId} and i.id = old.id and i.received_at = old.received_at
      returning i.platform, i.platform_item_id, old.wall_status as was`),
    audit: auditEntry(ctx, db, {
      action: "wall.author_block",
      entityType: "event",
      entityId: eventId,
      changes: { platform: author.platform, handle },
    }),
  }));
  await publishLive(
    ctx.config,
    widgets.publicKey,
    hidden.rows
      .filter((row) => row.was === "approved")
      .map((row) => ({ type: "remove" as const, id: wallItemId(row.platform, row.platform_item_id) })),
    logger,
  );
  return { hidden: hidden.rows.length };
}
