/**
 * One `guddu-metrics` message: measures a batch of one account's posts with one platform call and
 * stores what came back. Two round trips: the account and posts, then the rows and the next due
 * times. What the platform answers decides the posts' next step:
 * - counts: a row each in `engagement_metrics` (a metric the platform does not give stays null;
 *   `engagement_rate` from the SQL function of that name), next measurement per the schedule;
 * - a post the platform no longer has: measuring it stops;
 * - `rate_limited` (a 429, or usage headers near the limit, as publishing reads them): the posts wait
 *   the platform's reset time; an expired token waits for the refresh cron; other failures wait a
 *   little and are claimed again. Nothing is retried in a loop against a platform that said stop.
 */
import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Platform } from "../../db/schema/columns.ts";
import { engagementMetrics } from "../../db/schema/engagement-metrics.ts";
import { publishedPosts } from "../../db/schema/published-posts.ts";
import { sentimentAnalysis } from "../../db/schema/sentiment-analysis.ts";
import { socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Logger } from "../../platform/logger.ts";
import type { SentimentResult } from "../../platform/sentiment/index.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import { PlatformError, type PostMetrics } from "../../platform/social/types.ts";
import type { MetricsMessage } from "../../queues/metrics/message.ts";
import type { TenantContext } from "../context.ts";
import { analyserOf, type CurrentDelegate, currentDelegates, delegateRefs } from "../sentiment/record.ts";
import { connectedAccountOf } from "../social-accounts/tokens.ts";

/** How long posts wait after a failure, by kind (seconds); a rate limit's own reset time wins. */
const WAIT_AFTER: Record<PlatformError["kind"], number> = {
  rate_limited: 900,
  // The refresh cron renews tokens ahead of expiry, or marks the account for reconnecting.
  auth_expired: 3_600,
  transient: 300,
  uncertain: 300,
  duplicate: 300,
  // The whole call refused (a permission withdrawn, an account suspended): try again tomorrow.
  permanent: 86_400,
};
/** An account paused or waiting to be reconnected: look again later rather than stop. */
const WAIT_FOR_ACCOUNT_SECONDS = 6 * 3_600;

export interface MeasureOutcome {
  measured: number;
  gone: number;
  /** Set when the posts were put off: why, and for how long. */
  waited?: { reason: string; seconds: number };
}

/** The counts of one measurement as `engagement_metrics` values (the rate computed by SQL). */
function metricRow(ctx: TenantContext, post: { id: string; platform: string }, m: PostMetrics, at: Date) {
  return {
    organizationId: ctx.organizationId,
    publishedPostId: post.id,
    platform: post.platform as (typeof engagementMetrics.$inferInsert)["platform"],
    impressions: m.impressions,
    reach: m.reach,
    likes: m.likes,
    comments: m.comments,
    shares: m.shares,
    saves: m.saves,
    clicks: m.clicks,
    engagementRate: sql`engagement_rate(${m.likes}::numeric, ${m.comments}::numeric, ${m.shares}::numeric, ${m.saves}::numeric, ${m.clicks}::numeric, ${m.impressions}::numeric)`,
    measuredAt: at,
  };
}

/** The sentiment rows of our own posts' texts (no inbound item: `inbound_item_id` stays null). */
async function judgePosts(
  ctx: TenantContext,
  posts: ReadonlyArray<{ id: string; platform: Platform; text: string | null; eventId: string | null }>,
  people: readonly CurrentDelegate[],
  logger: Logger,
) {
  if (posts.length === 0) return [];
  const results = await analyserOf(ctx, logger).analyse(
    posts.map((p) => p.text ?? ""),
    delegateRefs(people),
  );
  return posts.map((post, i) => {
    const result = results[i] as SentimentResult;
    return {
      organizationId: ctx.organizationId,
      publishedPostId: post.id,
      eventId: post.eventId,
      platform: post.platform,
      textContent: post.text ?? "",
      sentiment: result.sentiment,
      sentimentScore: result.score,
      entities: result.entities,
      keywords: result.keywords,
      language: result.language,
      engine: result.engine,
      analyzedAt: ctx.now(),
    };
  });
}

export async function measurePosts(
  ctx: TenantContext,
  message: MetricsMessage,
  logger: Logger,
): Promise<MeasureOutcome> {
  const ids = message.published_post_ids;
  const { accounts, posts, people } = await inTenant(ctx, (db) => ({
    people: currentDelegates(ctx, db),
    accounts: db
      .select()
      .from(socialAccounts)
      .where(ownedBy(ctx, socialAccounts.organizationId, eq(socialAccounts.id, message.social_account_id))),
    posts: db
      .select({
        id: publishedPosts.id,
        platform: publishedPosts.platform,
        platformPostId: publishedPosts.platformPostId,
        metricsRound: publishedPosts.metricsRound,
        text: sql<string | null>`${publishedPosts.publishedContent} ->> 'text'`,
        eventId: sql<
          string | null
        >`(select c.event_id from content c where c.id = ${publishedPosts.contentId})`,
      })
      .from(publishedPosts)
      .where(
        ownedBy(
          ctx,
          publishedPosts.organizationId,
          inArray(publishedPosts.id, ids),
          eq(publishedPosts.socialAccountId, message.social_account_id),
          eq(publishedPosts.publishStatus, "published"),
          isNotNull(publishedPosts.platformPostId),
          isNotNull(publishedPosts.metricsDueAt),
        ),
      ),
  }));
  const account = accounts[0];
  const scope = (postIds: readonly string[]): SQL =>
    ownedBy(ctx, publishedPosts.organizationId, inArray(publishedPosts.id, [...postIds]));
  const putOff = async (reason: string, seconds: number): Promise<MeasureOutcome> => {
    await inTenant(ctx, (db) => ({
      later: db
        .update(publishedPosts)
        .set({ metricsDueAt: sql`now() + make_interval(secs => ${seconds})` })
        .where(and(scope(ids), isNotNull(publishedPosts.metricsDueAt))),
    }));
    return { measured: 0, gone: 0, waited: { reason, seconds } };
  };
  if (posts.length === 0) return { measured: 0, gone: 0 };
  if (!account || account.deletedAt) {
    await inTenant(ctx, (db) => ({
      stopped: db.update(publishedPosts).set({ metricsDueAt: null }).where(scope(ids)),
    }));
    return { measured: 0, gone: posts.length };
  }
  if (!account.isActive || account.connectionStatus !== "connected") {
    return await putOff(`account ${account.connectionStatus}`, WAIT_FOR_ACCOUNT_SECONDS);
  }

  const adapter = adapterFor(account.platform, ctx.config, { timeoutMs: ctx.config.PLATFORM_TIMEOUT_MS });
  const byPlatformId = new Map(posts.map((p) => [p.platformPostId as string, p]));
  let results: Map<string, PostMetrics | null>;
  try {
    const connected = await connectedAccountOf(ctx.config.TOKEN_ENCRYPTION_KEYS, account);
    results = await adapter.fetchMetrics(connected, [...byPlatformId.keys()]);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const seconds =
      error.kind === "rate_limited"
        ? (error.retryAfterSeconds ?? WAIT_AFTER.rate_limited)
        : WAIT_AFTER[error.kind];
    logger.warn("measuring put off", {
      social_account_id: account.id,
      platform: account.platform,
      kind: error.kind,
      error: error.message,
      wait_seconds: seconds,
    });
    return await putOff(error.kind, seconds);
  }

  const at = ctx.now();
  const rows: ReturnType<typeof metricRow>[] = [];
  const measured: string[] = [];
  const gone: string[] = [];
  for (const [platformPostId, post] of byPlatformId) {
    const metrics = results.get(platformPostId);
    if (metrics) {
      rows.push(metricRow(ctx, post, metrics, at));
      measured.push(post.id);
    } else if (metrics === null) {
      gone.push(post.id);
    }
    // Not in the answer at all: left due at its lease, so it is claimed again.
  }
  // A post's own text is judged once, with its first measurement.
  const firstTime = posts.filter((p) => p.metricsRound === 0 && p.text && measured.includes(p.id));
  const judged = await judgePosts(ctx, firstTime, people, logger);
  await inTenant(ctx, (db) => ({
    rows: rows.length > 0 ? db.insert(engagementMetrics).values(rows) : undefined,
    sentiment: judged.length > 0 ? db.insert(sentimentAnalysis).values(judged) : undefined,
    next:
      measured.length > 0
        ? db
            .update(publishedPosts)
            .set({
              metricsRound: sql`${publishedPosts.metricsRound} + 1`,
              metricsDueAt: sql`metrics_due_after(${publishedPosts.publishedAt}, ${at.toISOString()}::timestamptz)`,
            })
            .where(scope(measured))
        : undefined,
    stopped:
      gone.length > 0 ? db.update(publishedPosts).set({ metricsDueAt: null }).where(scope(gone)) : undefined,
  }));
  if (gone.length > 0) {
    logger.info("posts gone from the platform; measuring them stops", { published_post_ids: gone });
  }
  return { measured: measured.length, gone: gone.length };
}
