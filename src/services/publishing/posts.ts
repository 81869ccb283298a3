/**
 * The statements every publishing step shares: which posts are settled, the content status that
 * follows its posts, the system's audit row for that, and the author's "post failed" notification.
 * Each returns a batch item for the caller's batch, so the change and what follows from it commit
 * together.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import { content } from "../../db/schema/content.ts";
import { type PublishStatus, publishedPosts } from "../../db/schema/published-posts.ts";
import { ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import { auditActor } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";

export const publishedPostNotFound = () =>
  new NotFoundError("published_post_not_found", "No such published post.");

/** A post in one of these has nothing left to do. */
export const SETTLED_STATUSES = [
  "published",
  "failed",
  "cancelled",
  "deleted",
] as const satisfies readonly PublishStatus[];

/** The organisation's post `id`. */
export const ownPost = (ctx: Pick<TenantContext, "organizationId">, id: string) =>
  ownedBy(ctx, publishedPosts.organizationId, eq(publishedPosts.id, id));

/** This transaction wrote the post row (the claim or the change in the same batch happened). */
export const postWrittenNow = (postId: string) =>
  sql`exists (select 1 from ${publishedPosts} where ${publishedPosts.id} = ${postId} and xmin = pg_current_xact_id()::xid)`;

/** The post is still held by the worker that claimed it at `claimedAt` (no other worker took it over since). */
export const stillHeld = (ctx: Pick<TenantContext, "organizationId">, postId: string, claimedAt: Date) =>
  and(
    ownPost(ctx, postId),
    eq(publishedPosts.publishStatus, "publishing"),
    eq(publishedPosts.claimedAt, claimedAt),
  );

/**
 * Scheduled content moves to publishing when this transaction wrote one of its posts (claimed it, or
 * failed it for good), with its audit row: two statements for the caller's batch.
 */
export function contentStartsPublishing(
  ctx: TenantContext,
  db: Database,
  contentId: string | SQL,
  postId: string,
  now: Date,
) {
  return reading({
    publishing: db
      .update(content)
      .set({ workflowStatus: "publishing", updatedAt: now })
      .where(
        ownedBy(
          ctx,
          content.organizationId,
          sql`${content.id} = ${contentId}`,
          eq(content.workflowStatus, "scheduled"),
          postWrittenNow(postId),
        ),
      ),
    audit: auditContentStatus(ctx, db, contentId, "scheduled"),
  });
}

/** Where a person reads a post, its attempts and why it failed. */
export const postLink = (postId: string) => `/v1/published-posts/${postId}`;

/**
 * Content status follows its posts once none is waiting or publishing: all published (or published
 * and since deleted) → published; none → failed; some of each → partially_published. Cancelled posts
 * do not count. Only content that is `publishing` moves; the row is locked by the update, so two posts
 * of one content settling at once are serialised and the second sees the first.
 */
export function followPosts(ctx: TenantContext, db: Database, contentId: string) {
  return db.execute(sql`
    update ${content} set workflow_status = s.status, updated_at = now()
      from (
        select case
                 when count(*) filter (where publish_status in ('pending', 'queued', 'publishing', 'held')) > 0 then null
                 when count(*) filter (where publish_status in ('published', 'deleted')) = 0 then 'failed'
                 when count(*) filter (where publish_status = 'failed') = 0 then 'published'
                 else 'partially_published'
               end as status
          from ${publishedPosts}
         where ${ownedBy(ctx, publishedPosts.organizationId, eq(publishedPosts.contentId, contentId))}
           and publish_status <> 'cancelled'
        having count(*) > 0
      ) s
     where ${ownedBy(ctx, content.organizationId, eq(content.id, contentId))}
       and ${content.workflowStatus} = 'publishing' and s.status is not null`);
}

/**
 * The audit row of a status change the publisher made to the content in this transaction (the new
 * status is read from the row, which SQL decided): written only if this transaction wrote the row.
 */
export function auditContentStatus(ctx: TenantContext, db: Database, contentId: string | SQL, from: string) {
  const actor = ctx.actor.type === "system" ? ctx.actor.name : "publisher";
  return db.execute(sql`
    insert into audit_logs (organization_id, user_id, actor_type, action, entity_type, entity_id, changes)
    select ${ctx.organizationId}, null, 'system', 'content.status_change', 'content', ${contentId},
           jsonb_build_object('workflow_status', jsonb_build_object('from', ${from}::text, 'to', c.workflow_status),
                              'actor', ${actor}::text)
      from ${content} c
     where c.id = ${contentId} and c.organization_id = ${ctx.organizationId}
       and c.workflow_status <> ${from} and c.xmin = pg_current_xact_id()::xid`);
}

/**
 * Tells the content's author that a post failed, with a link to it; once per failure of the post
 * (`attempt`), however often the write is retried, and only while `guard` holds.
 */
export function notifyPostFailed(
  ctx: TenantContext,
  db: Database,
  post: { id: string; contentId: string; platform: string },
  reason: string,
  attempt: number,
  guard: SQL,
) {
  return notify(
    ctx,
    db,
    sql`select ${content.createdBy} from ${content} where ${ownedBy(ctx, content.organizationId, eq(content.id, post.contentId))} and ${guard}`,
    {
      type: "post.failed",
      title: `A post to ${post.platform} failed`,
      message: reason,
      link: postLink(post.id),
      data: { published_post_id: post.id, content_id: post.contentId, platform: post.platform },
      dedupeKey: `post.failed:${post.id}:${attempt}`,
    },
  );
}

/**
 * A settled content whose failed post is retried is publishing again (from failed or
 * partially_published), with its audit row naming the status it left; only if `guard` holds.
 */
export function reopenContent(ctx: TenantContext, db: Database, contentId: SQL, guard: SQL) {
  const actor = auditActor(ctx.actor);
  return db.execute(sql`
    with before as (
      select c.id, c.workflow_status from ${content} c
       where c.id = ${contentId} and c.organization_id = ${ctx.organizationId} and c.deleted_at is null
         and c.workflow_status in ('failed', 'partially_published') and ${guard}
         for update
    ), moved as (
      update ${content} c set workflow_status = 'publishing', updated_at = now()
        from before where c.id = before.id
      returning c.id, before.workflow_status as from_status
    )
    insert into audit_logs (organization_id, user_id, api_key_id, actor_type, action, entity_type, entity_id, changes, ip_address, user_agent)
    select ${ctx.organizationId}, ${actor.userId}::uuid, ${actor.apiKeyId}::uuid, ${actor.actorType}, 'content.status_change', 'content', moved.id,
           jsonb_build_object('workflow_status', jsonb_build_object('from', moved.from_status, 'to', 'publishing')),
           ${ctx.request.ip}, ${ctx.request.userAgent}
      from moved`);
}
