import { asRecord } from "../http.ts";
import { type GraphContext, graph, graphInsights, objectPath } from "../meta/graph.ts";
import type { ConnectedAccount, PostMetrics } from "../types.ts";

/**
 * Reactions, comments and shares from the post's fields; views and clicks from its insights
 * (`post_impressions*` are gone since November 2025: docs/platform-contracts.md, Facebook Pages › Metrics).
 */
export async function fetchPageMetrics(
  ctx: GraphContext,
  account: ConnectedAccount,
  platformPostId: string,
): Promise<PostMetrics> {
  const token = account.tokens.accessToken;
  const [object, values] = await Promise.all([
    graph(ctx, "post", objectPath(platformPostId), {
      token,
      kind: "read",
      params: {
        fields: "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares",
      },
    }),
    graphInsights(ctx, token, platformPostId, "post_media_view,post_clicks"),
  ]);
  const total = (field: string) => {
    const value = asRecord(asRecord(object[field]).summary).total_count;
    return typeof value === "number" ? value : null;
  };
  const shares = asRecord(object.shares).count;
  return {
    impressions: values.post_media_view ?? null,
    likes: total("reactions"),
    comments: total("comments"),
    // Graph leaves `shares` out when nothing was shared.
    shares: typeof shares === "number" ? shares : object.shares === undefined ? 0 : null,
    clicks: values.post_clicks ?? null,
    raw: { object, insights: values },
  };
}
