/**
 * `POST /v1/content/{id}/publish-now`: approved or scheduled content goes out at once. Its
 * `scheduled_for` becomes now, its posts are queued in the same batch as that change (approved
 * content gets its outbox rows there, as scheduling would write them) and their messages are sent
 * right away, without waiting for the cron.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Content, content } from "../../db/schema/content.ts";
import { events } from "../../db/schema/events.ts";
import { type PublishedPost, publishedPosts } from "../../db/schema/published-posts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, PreconditionFailedError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import { contentNotFound, liveContent, selectMediaOf } from "../content/store.ts";
import { PlatformRulesFailedError, schedulingFailures } from "../content/workflow.ts";
import type { TenantContext } from "../context.ts";
import { sendNow } from "./published-posts.ts";
import {
  chooseAccounts,
  contentWrittenNow,
  insertPosts,
  selectCandidateAccounts,
  WAITING_STATUSES,
} from "./schedule.ts";

const PUBLISHABLE_NOW = ["approved", "scheduled"] as const;

/** One round trip: the content, its media, the accounts it could go to, and whether its event is paused. */
async function readForPublishing(ctx: TenantContext, id: string) {
  const { rows, media, accounts, paused } = await inTenant(ctx, (db) => ({
    rows: db.select().from(content).where(liveContent(ctx, id)),
    media: selectMediaOf(ctx, db, id),
    accounts: selectCandidateAccounts(ctx, db, id),
    paused: db
      .select({ paused: events.publishingPaused })
      .from(events)
      .where(
        ownedBy(
          ctx,
          events.organizationId,
          sql`${events.id} = (select ${content.eventId} from ${content} where ${liveContent(ctx, id)})`,
        ),
      ),
  }));
  const row = rows[0];
  if (!row) throw contentNotFound();
  return { row, media, accounts, eventPaused: paused[0]?.paused ?? false };
}

/**
 * Two round trips (the read, then the write with its audit row and the posts), then the queue.
 * 409 `invalid_status_transition` unless the content is approved or scheduled; 409
 * `event_publishing_paused` while its event is paused; 422 `platform_rules_failed` /
 * `no_account_for_platform` as scheduling would answer; 412 for a stale If-Match.
 */
export async function publishNow(
  ctx: TenantContext,
  id: string,
  ifMatch?: string,
): Promise<{ content: Content; posts: PublishedPost[] }> {
  const { row, media, accounts, eventPaused } = await readForPublishing(ctx, id);
  assertIfMatch(ifMatch, row.updatedAt);
  const from = row.workflowStatus;
  if (!(PUBLISHABLE_NOW as readonly string[]).includes(from)) {
    throw new ConflictError(
      "invalid_status_transition",
      `Only approved or scheduled content can be published now; this content is ${from}.`,
      { from, to: "publishing", allowed: [...PUBLISHABLE_NOW] },
    );
  }
  if (eventPaused) {
    throw new ConflictError(
      "event_publishing_paused",
      "Publishing is paused for this content's event; resume it first (POST /v1/events/{id}/publishing/resume).",
    );
  }
  const now = ctx.now();
  // Every rule but the time: now is the time.
  const failures = schedulingFailures(row, media, now, now).filter(
    (failure) => failure.rule !== "scheduled_for",
  );
  if (failures.length > 0) throw new PlatformRulesFailedError(failures);
  const targets = chooseAccounts(row, accounts);
  const { updated, requeued, inserted } = await inTenant(ctx, (db) => ({
    updated: db
      .update(content)
      .set({ workflowStatus: "scheduled", scheduledFor: now, updatedAt: now })
      .where(
        and(
          liveContent(ctx, id),
          eq(content.workflowStatus, from),
          unchangedSince(content.updatedAt, row.updatedAt),
        ),
      )
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "content.publish_now",
      entityType: "content",
      entityId: id,
      changes: {
        workflow_status: { from, to: "scheduled" },
        scheduled_for: { from: row.scheduledFor?.toISOString() ?? null, to: now.toISOString() },
      },
      guard: content,
    }),
    requeued: db
      .update(publishedPosts)
      .set({ publishStatus: "queued", nextAttemptAt: now, claimedAt: now, updatedAt: now })
      .where(
        and(
          ownedBy(
            ctx,
            publishedPosts.organizationId,
            eq(publishedPosts.contentId, id),
            inArray(publishedPosts.publishStatus, [...WAITING_STATUSES]),
          ),
          contentWrittenNow(id),
        ),
      )
      .returning(),
    inserted: insertPosts(ctx, db, id, targets, { status: "queued", dueAt: now }),
  }));
  const moved = updated[0];
  if (!moved) {
    if (ifMatch) throw new PreconditionFailedError();
    throw new ConflictError(
      "edit_conflict",
      "The content changed while you were publishing it; read it again.",
    );
  }
  return { content: moved, posts: await sendNow(ctx, [...requeued, ...inserted]) };
}
