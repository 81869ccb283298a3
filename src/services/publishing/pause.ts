/**
 * The event-wide pause switch. While an event is paused nothing of it is claimed by the cron or taken
 * by the consumer; a message already queued finds the event paused and puts its post back to pending.
 * Resuming lets the cron take whatever is due (posts whose time passed go out at once). A post already
 * at the platform when the switch is thrown finishes.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { content } from "../../db/schema/content.ts";
import { events } from "../../db/schema/events.ts";
import { publishedPosts } from "../../db/schema/published-posts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { WAITING_STATUSES } from "./schedule.ts";

export interface PublishingSwitch {
  event_id: string;
  publishing_paused: boolean;
  /** The event's posts that have not gone out yet (pending or queued). */
  waiting_posts: number;
}

/**
 * Pauses or resumes the event's publishing. One round trip: the switch (only if it changes, so the
 * audit trail holds real changes: `event.publishing_pause` / `event.publishing_resume`), and the
 * event's state and waiting posts. 404 for an event that is not the organisation's or is deleted.
 */
export async function setPublishingPaused(
  ctx: TenantContext,
  eventId: string,
  paused: boolean,
): Promise<PublishingSwitch> {
  const live = ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt));
  const { state, waiting } = await inTenant(ctx, (db) => ({
    switched: db
      .update(events)
      .set({ publishingPaused: paused, updatedAt: ctx.now() })
      .where(and(live, eq(events.publishingPaused, !paused))),
    audit: auditEntry(ctx, db, {
      action: paused ? "event.publishing_pause" : "event.publishing_resume",
      entityType: "event",
      entityId: eventId,
      changes: { publishing_paused: { from: !paused, to: paused } },
      guard: events,
    }),
    state: db.select({ paused: events.publishingPaused }).from(events).where(live),
    waiting: db
      .select({ count: sql<number>`count(*)::int` })
      .from(publishedPosts)
      .innerJoin(content, eq(content.id, publishedPosts.contentId))
      .where(
        ownedBy(
          ctx,
          publishedPosts.organizationId,
          eq(content.eventId, eventId),
          inArray(publishedPosts.publishStatus, [...WAITING_STATUSES]),
        ),
      ),
  }));
  const event = state[0];
  if (!event) throw new NotFoundError("event_not_found", "No such event.");
  return { event_id: eventId, publishing_paused: event.paused, waiting_posts: waiting[0]?.count ?? 0 };
}
