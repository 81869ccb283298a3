/**
 * The published posts a person sees: list and read them with their attempts (why a post failed),
 * retry a failed one, delete one (from the platform where the platform allows it).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { content } from "../../db/schema/content.ts";
import { type PublishAttempt, publishAttempts } from "../../db/schema/publish-attempts.ts";
import { type PublishedPost, type PublishStatus, publishedPosts } from "../../db/schema/published-posts.ts";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { AppError, ConflictError } from "../../errors.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import { PlatformError } from "../../platform/social/types.ts";
import { sendMessages } from "../../queues/send.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import {
  type PageInput,
  type PageValue,
  pageStatement,
  paginate,
  sortOrder,
  sortValues,
} from "../pagination.ts";
import { refreshAccount, SocialAccountUnavailableError } from "../social-accounts/credentials.ts";
import { connectedAccountOf } from "../social-accounts/tokens.ts";
import {
  auditContentStatus,
  followPosts,
  ownPost,
  postWrittenNow,
  publishedPostNotFound,
  reopenContent,
} from "./posts.ts";

export const PUBLISHED_POST_SORTS = sortValues("created_at", "updated_at");

export interface ListPublishedPostsInput extends PageInput {
  content_id?: string;
  status?: PublishStatus;
  platform?: Platform;
  social_account_id?: string;
  sort?: PublishedPostSort;
}

type PublishedPostSort = (typeof PUBLISHED_POST_SORTS)[number];

const postOrder = (sort: PublishedPostSort) =>
  sortOrder(
    sort,
    { created_at: publishedPosts.createdAt, updated_at: publishedPosts.updatedAt },
    publishedPosts.id,
  );

/** A page of posts, rendered once per filters and order (db/prepared.ts). */
const postsPage = preparedStatement(
  "publishedPostsPage",
  (
    db,
    value: Value<"organizationId" | "contentId" | "status" | "platform" | "socialAccountId" | PageValue>,
    shape: {
      sort: PublishedPostSort;
      continued: boolean;
      contentId: boolean;
      status: boolean;
      platform: boolean;
      socialAccountId: boolean;
    },
  ) => {
    const page = pageStatement(postOrder(shape.sort), shape.continued, value);
    return db
      .select({ row: publishedPosts, key: page.key })
      .from(publishedPosts)
      .where(
        and(
          eq(publishedPosts.organizationId, value("organizationId")),
          shape.contentId ? eq(publishedPosts.contentId, value("contentId")) : undefined,
          shape.status ? eq(publishedPosts.publishStatus, value("status")) : undefined,
          shape.platform ? eq(publishedPosts.platform, value("platform")) : undefined,
          shape.socialAccountId ? eq(publishedPosts.socialAccountId, value("socialAccountId")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** A page of the organisation's posts, newest first by default. One round trip. */
export async function listPublishedPosts(ctx: TenantContext, input: ListPublishedPostsInput) {
  const sort = input.sort ?? "-created_at";
  const page = paginate(input, postOrder(sort));
  const { rows } = await inTenant(ctx, (db) => ({
    rows: postsPage(
      db,
      {
        organizationId: ctx.organizationId,
        contentId: input.content_id,
        status: input.status,
        platform: input.platform,
        socialAccountId: input.social_account_id,
        ...page.values,
      },
      {
        sort,
        continued: page.continued,
        contentId: Boolean(input.content_id),
        status: Boolean(input.status),
        platform: Boolean(input.platform),
        socialAccountId: Boolean(input.social_account_id),
      },
    ),
  }));
  return page.result(rows);
}

/** The post and every attempt at it, oldest first. One round trip. */
export async function getPublishedPost(
  ctx: TenantContext,
  id: string,
): Promise<{ post: PublishedPost; attempts: PublishAttempt[] }> {
  const { rows, attempts } = await inTenant(ctx, (db) => ({
    rows: db.select().from(publishedPosts).where(ownPost(ctx, id)),
    attempts: db
      .select()
      .from(publishAttempts)
      .where(ownedBy(ctx, publishAttempts.organizationId, eq(publishAttempts.publishedPostId, id)))
      .orderBy(asc(publishAttempts.attemptNumber)),
  }));
  const post = rows[0];
  if (!post) throw publishedPostNotFound();
  return { post, attempts };
}

/** The account exists and is not removed. */
const accountLive = sql`exists (select 1 from ${socialAccounts} a where a.id = ${publishedPosts.socialAccountId} and a.deleted_at is null)`;

/** The content may publish again: live, and publishing or settled by its posts. */
const contentReopenable = sql`exists (select 1 from ${content} c where c.id = ${publishedPosts.contentId}
  and c.deleted_at is null and c.workflow_status in ('publishing', 'failed', 'partially_published'))`;

/**
 * Sends a failed post again: it is queued and its message sent at once; its content is publishing
 * again. It cannot make a duplicate: if any earlier attempt was uncertain, the consumer asks the
 * platform before sending anything. One round trip (and the queue). 409 `post_not_failed` for any
 * other status, `social_account_removed` when its account is gone, `content_not_publishable` when
 * its content was archived or deleted.
 */
export async function retryPublishedPost(ctx: TenantContext, id: string): Promise<PublishedPost> {
  const now = ctx.now();
  const contentOf = sql`(select ${publishedPosts.contentId} from ${publishedPosts} where ${ownPost(ctx, id)})`;
  const { retried, current } = await inTenant(ctx, (db) => ({
    retried: db
      .update(publishedPosts)
      .set({ publishStatus: "queued", nextAttemptAt: now, claimedAt: now, lastError: null, updatedAt: now })
      .where(
        and(ownPost(ctx, id), eq(publishedPosts.publishStatus, "failed"), accountLive, contentReopenable),
      )
      .returning(),
    reopened: reopenContent(ctx, db, contentOf, postWrittenNow(id)),
    audit: auditEntry(ctx, db, {
      action: "published_post.retry",
      entityType: "published_post",
      entityId: id,
      changes: { publish_status: { from: "failed", to: "queued" } },
      guard: publishedPosts,
    }),
    current: db
      .select({
        status: publishedPosts.publishStatus,
        accountLive: sql<boolean>`${accountLive}`,
        contentReopenable: sql<boolean>`${contentReopenable}`,
      })
      .from(publishedPosts)
      .where(ownPost(ctx, id)),
  }));
  const post = retried[0];
  if (post) return (await sendNow(ctx, [post]))[0] as PublishedPost;
  const found = current[0];
  if (!found) throw publishedPostNotFound();
  if (found.status !== "failed") {
    throw new ConflictError(
      "post_not_failed",
      `Only a failed post can be retried; this one is ${found.status}.`,
      {
        publish_status: found.status,
      },
    );
  }
  if (!found.accountLive) {
    throw new ConflictError(
      "social_account_removed",
      "The post's social account was disconnected; connect it again and schedule the content anew.",
    );
  }
  throw new ConflictError(
    "content_not_publishable",
    "The post's content was archived or deleted; restore it before retrying the post.",
  );
}

/**
 * Sends the messages of posts just queued. If the queue refuses, the posts go back to pending, due
 * now, and the cron sends them within a minute (one more round trip, only then).
 */
export async function sendNow(ctx: TenantContext, posts: PublishedPost[]): Promise<PublishedPost[]> {
  if (posts.length === 0) return posts;
  const outcome = await sendMessages(
    ctx.config.PUBLISH_QUEUE,
    posts.map((post) => ({ published_post_id: post.id, organization_id: ctx.organizationId })),
  );
  if (outcome.unsent.length === 0) return posts;
  const unsent = outcome.unsent.map((m) => m.published_post_id);
  const { released } = await inTenant(ctx, (db) => ({
    released: db
      .update(publishedPosts)
      .set({ publishStatus: "pending", claimedAt: null, updatedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          publishedPosts.organizationId,
          inArray(publishedPosts.id, unsent),
          eq(publishedPosts.publishStatus, "queued"),
        ),
      )
      .returning(),
  }));
  const byId = new Map(released.map((post) => [post.id, post]));
  return posts.map((post) => byId.get(post.id) ?? post);
}

/** What the platform said when it would not delete the post. */
export class PlatformRefusedError extends AppError {
  constructor(status: number, code: string, detail: string, platformCode: string | null) {
    super(status, code, status === 422 ? "Unprocessable content" : "Bad gateway", detail, {
      platform_code: platformCode,
    });
  }
}

/** The platform's refusal or outage as a problem for the person who asked. */
function deleteProblem(error: unknown): never {
  if (error instanceof SocialAccountUnavailableError) {
    throw new ConflictError(error.code, error.message);
  }
  if (!(error instanceof PlatformError)) throw error;
  if (error.kind === "permanent" || error.kind === "duplicate") {
    throw new PlatformRefusedError(
      422,
      "platform_refused",
      `The platform would not delete the post: ${error.message}`,
      error.code,
    );
  }
  throw new PlatformRefusedError(
    502,
    "platform_unavailable",
    `The platform did not delete the post (${error.message}); try again later.`,
    error.code,
  );
}

/** Deletes the post on its platform; an expired token is refreshed once. */
async function deleteOnPlatform(ctx: TenantContext, post: PublishedPost, row: SocialAccount): Promise<void> {
  const adapter = adapterFor(post.platform, ctx.config, { timeoutMs: ctx.config.PLATFORM_TIMEOUT_MS });
  const platformPostId = post.platformPostId as string;
  try {
    await adapter.deletePost(await connectedAccountOf(ctx.config.TOKEN_ENCRYPTION_KEYS, row), platformPostId);
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== "auth_expired") deleteProblem(error);
    try {
      await adapter.deletePost(await refreshAccount(ctx, row, `deleting post ${post.id}`), platformPostId);
    } catch (again) {
      deleteProblem(again);
    }
  }
}

const NOT_YET_SENT: readonly PublishStatus[] = ["pending", "queued", "held", "failed"];

/**
 * `DELETE /v1/published-posts/{id}`: a published post is deleted on the platform, then marked
 * `deleted`; a post not sent yet (pending, queued, failed) is `cancelled` and nothing goes out; a post
 * already deleted or cancelled answers as done. 409 `post_publishing` while a worker is sending it.
 * A platform that refuses (Instagram has no delete) is 422 `platform_refused` with its message.
 * Audited (`published_post.delete` / `published_post.cancel`). Round trips: a read, then the write
 * with its audit row (plus the platform's call in between).
 */
export async function deletePublishedPost(ctx: TenantContext, id: string): Promise<void> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({ post: publishedPosts, account: socialAccounts })
      .from(publishedPosts)
      .leftJoin(socialAccounts, eq(socialAccounts.id, publishedPosts.socialAccountId))
      .where(ownPost(ctx, id)),
  }));
  const found = rows[0];
  if (!found) throw publishedPostNotFound();
  const { post, account } = found;
  if (post.publishStatus === "deleted" || post.publishStatus === "cancelled") return;
  if (post.publishStatus === "publishing") {
    throw new ConflictError(
      "post_publishing",
      "The post is being published right now; try again in a minute.",
    );
  }
  const published = post.publishStatus === "published";
  if (published) {
    if (!account || account.deletedAt) {
      throw new ConflictError(
        "social_account_removed",
        "The post's social account was disconnected; connect it again to delete the post on the platform.",
      );
    }
    await deleteOnPlatform(ctx, post, account);
  }
  const to: PublishStatus = published ? "deleted" : "cancelled";
  const now = ctx.now();
  const { changed } = await inTenant(ctx, (db) => ({
    changed: db
      .update(publishedPosts)
      .set({ publishStatus: to, claimedAt: null, nextAttemptAt: null, updatedAt: now })
      .where(
        and(
          ownPost(ctx, id),
          published
            ? eq(publishedPosts.publishStatus, "published")
            : inArray(publishedPosts.publishStatus, [...NOT_YET_SENT]),
        ),
      )
      .returning({ id: publishedPosts.id }),
    audit: auditEntry(ctx, db, {
      action: published ? "published_post.delete" : "published_post.cancel",
      entityType: "published_post",
      entityId: id,
      changes: {
        publish_status: { from: post.publishStatus, to },
        ...(published ? { platform_post_id: post.platformPostId } : {}),
      },
      guard: publishedPosts,
    }),
    // Cancelling the last post that was waiting settles the content.
    contentStatus: followPosts(ctx, db, post.contentId),
    contentAudit: auditContentStatus(ctx, db, post.contentId, "publishing"),
  }));
  if (changed.length === 0) {
    throw new ConflictError("edit_conflict", "The post changed while you were deleting it; read it again.");
  }
}
