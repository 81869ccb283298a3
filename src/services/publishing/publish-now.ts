/**
 * `POST /v1/content/{id}/publish-now`: approved or scheduled content goes out at once. Its
 * `scheduled_for` becomes now, its posts are queued in the same batch as that change (approved
 * content gets its outbox rows there, as scheduling would write them) and their messages are sent
 * right away, without waiting for the cron.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { content } from "../../db/schema/content.ts";
import { type PublishedPost, publishedPosts } from "../../db/schema/published-posts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, PreconditionFailedError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import { assertProtocol, selectProtocol } from "../content/protocol-checks.ts";
import { contentNotFound, liveContent, selectMediaOf } from "../content/store.ts";
import { PlatformRulesFailedError, schedulingFailures } from "../content/workflow.ts";
import type { TenantContext } from "../context.ts";
import { ContentEmbargoedError, type ContentWithEmbargo, contentWithEmbargo } from "../embargoes/embargo.ts";
import { relativeColumns } from "../sessions/relative.ts";
import { pauseHolding } from "./pause.ts";
import { sendNow } from "./published-posts.ts";
import {
  chooseAccounts,
  contentWrittenNow,
  insertPosts,
  selectCandidateAccounts,
  WAITING_STATUSES,
} from "./schedule.ts";

const PUBLISHABLE_NOW = ["approved", "scheduled"] as const;

/**
 * One round trip: the content (with when its embargo lifts), its media, the accounts it could go to,
 * whether its event is paused, and what the protocol checks read.
 */
async function readForPublishing(ctx: TenantContext, id: string) {
  const { rows, media, accounts, paused, protocol } = await inTenant(ctx, (db) => ({
    rows: db.select(contentWithEmbargo()).from(content).where(liveContent(ctx, id)),
    media: selectMediaOf(ctx, db, id),
    accounts: selectCandidateAccounts(ctx, db, id),
    // The event-wide pause only: a platform's or an account's holds just its own posts, which wait.
    paused: db
      .select({ paused: sql<boolean>`${pauseHolding(content.eventId, null, null, ctx.now())} is not null` })
      .from(content)
      .where(liveContent(ctx, id)),
    protocol: selectProtocol(ctx, db, id),
  }));
  const row = rows[0];
  if (!row) throw contentNotFound();
  return { row, media, accounts, eventPaused: paused[0]?.paused ?? false, protocol };
}

/**
 * Two round trips (the read, then the write with its audit row and the posts), then the queue.
 * 409 `invalid_status_transition` unless the content is approved or scheduled; 409
 * `event_publishing_paused` while its event is paused; 409 `content_embargoed` (with
 * `embargo_lifts_at`) before its embargo lifts; 422 `platform_rules_failed` /
 * `no_account_for_platform` as scheduling would answer; 422 `protocol_check_failed` when the
 * organisation blocks on protocol findings; 412 for a stale If-Match.
 */
export async function publishNow(
  ctx: TenantContext,
  id: string,
  ifMatch?: string,
): Promise<{ content: ContentWithEmbargo; posts: PublishedPost[] }> {
  const { row, media, accounts, eventPaused, protocol } = await readForPublishing(ctx, id);
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
  // Scheduling embargoed content is fine (its posts wait for the lift); going out now is not.
  if (row.embargoLiftsAt && row.embargoLiftsAt > now) throw new ContentEmbargoedError(row.embargoLiftsAt);
  // Every rule but the time: now is the time.
  const failures = schedulingFailures(row, media, now, now).filter(
    (failure) => failure.rule !== "scheduled_for",
  );
  if (failures.length > 0) throw new PlatformRulesFailedError(failures);
  assertProtocol(row, protocol);
  const targets = chooseAccounts(row, accounts);
  const { updated, requeued, inserted } = await inTenant(ctx, (db) => ({
    updated: db
      .update(content)
      // Now is the time: a relative schedule no longer applies.
      .set({ workflowStatus: "scheduled", scheduledFor: now, ...relativeColumns(null), updatedAt: now })
      .where(
        and(
          liveContent(ctx, id),
          eq(content.workflowStatus, from),
          unchangedSince(content.updatedAt, row.updatedAt),
        ),
      )
      .returning(contentWithEmbargo()),
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
