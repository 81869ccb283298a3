import { asRecord, type Json, num } from "../http.ts";
import { type GraphContext, graph, graphInsights, graphMeasure, isGone, objectPath } from "../meta/graph.ts";
import { measured } from "../metrics.ts";
import type { ConnectedAccount, PostMetrics } from "../types.ts";

const FIELDS = "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares";
/**
 * Views, unique viewers (reach) and clicks. `post_impressions*` are gone since November 2025
 * (docs/platform-contracts.md, Facebook Pages › Metrics).
 */
const INSIGHTS = "post_media_view,post_total_media_view_unique,post_clicks";

/** Reactions, comments and shares from each post's fields; views, reach and clicks from its insights. */
export function fetchPageMetrics(
  ctx: GraphContext,
  account: ConnectedAccount,
  platformPostIds: readonly string[],
): Promise<Map<string, PostMetrics | null>> {
  const token = account.tokens.accessToken;
  return graphMeasure(ctx, platformPostIds, async (id) => {
    const [object, values] = await both(
      graph(ctx, "post", objectPath(id), { token, kind: "read", params: { fields: FIELDS } }),
      graphInsights(ctx, token, id, INSIGHTS),
    );
    const total = (field: string) => num(asRecord(asRecord(object[field]).summary).total_count);
    const shares = asRecord(object.shares).count;
    return measured(
      {
        impressions: values.post_media_view,
        reach: values.post_total_media_view_unique,
        likes: total("reactions"),
        comments: total("comments"),
        // Graph leaves `shares` out when nothing was shared.
        shares: object.shares === undefined ? 0 : num(shares),
        clicks: values.post_clicks,
      },
      { object, insights: values },
    );
  });
}

/**
 * Both reads, settled: a failure that concerns the whole call (throttling, an expired token) wins
 * over "no such object", which the other read of the same post may have met first.
 */
async function both(
  fields: Promise<Json>,
  insights: Promise<Record<string, number>>,
): Promise<[Json, Record<string, number>]> {
  const [a, b] = await Promise.allSettled([fields, insights]);
  const failures = [a, b].flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  const failure = failures.find((error) => !isGone(error)) ?? failures[0];
  if (failure !== undefined || a.status === "rejected" || b.status === "rejected") throw failure;
  return [a.value, b.value];
}
