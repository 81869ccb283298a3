import { asRecord, list, num, str } from "../http.ts";
import { type ConnectedAccount, PlatformError, type PostMetrics } from "../types.ts";
import { type XClient, xRequest } from "./client.ts";

/**
 * `public_metrics` and, for the account's own posts younger than 30 days, `non_public_metrics`
 * (impressions, link clicks). A count X does not give stays null.
 */
export async function fetchTweetMetrics(
  client: XClient,
  account: ConnectedAccount,
  platformPostId: string,
): Promise<PostMetrics> {
  const path = (fields: string) =>
    `/2/tweets/${encodeURIComponent(platformPostId)}?${new URLSearchParams({ "tweet.fields": fields })}`;
  const token = account.tokens.accessToken;
  let response = await xRequest(client, path("public_metrics,non_public_metrics"), token, "read", "metrics");
  let body = asRecord(response.body);
  if (!body.data) {
    const error = asRecord(list(body.errors)[0]);
    if (/not.found/i.test(str(error.type) ?? str(error.title) ?? "")) {
      throw new PlatformError("permanent", `X post ${platformPostId} not found`, {
        status: 404,
        code: "not_found",
      });
    }
    // Non-public metrics exist for own posts younger than 30 days only.
    response = await xRequest(client, path("public_metrics"), token, "read", "metrics");
    body = asRecord(response.body);
  }
  const data = asRecord(body.data);
  const pub = asRecord(data.public_metrics);
  const priv = asRecord(data.non_public_metrics);
  // The docs name it retweet_count, the OpenAPI schema repost_count.
  const reposts = num(pub.retweet_count) ?? num(pub.repost_count);
  const quotes = num(pub.quote_count);
  return {
    impressions: num(priv.impression_count) ?? num(pub.impression_count),
    likes: num(pub.like_count),
    comments: num(pub.reply_count),
    shares: reposts === null && quotes === null ? null : (reposts ?? 0) + (quotes ?? 0),
    clicks: num(priv.url_link_clicks),
    raw: { public_metrics: pub, non_public_metrics: priv },
  };
}
