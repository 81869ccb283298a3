import { asRecord, type Json, list, num, str } from "../http.ts";
import { batchIds, measured, sumGiven } from "../metrics.ts";
import type { ConnectedAccount, PostMetrics } from "../types.ts";
import { type XClient, xRequest } from "./client.ts";

/** `GET /2/tweets?ids=` takes at most 100 ids. */
export const X_METRICS_BATCH = 100;

/** Per-post errors that mean X will not show the post at all: it is gone for us. */
const GONE = /resource-not-found|not-authorized-for-resource/;

/**
 * `GET /2/tweets?ids=…` with `public_metrics` and, for the account's own posts younger than 30
 * days, `non_public_metrics` (impressions, link clicks). A post X cannot give `non_public_metrics`
 * for comes back without data, beside a field error, so the posts without data are asked again for
 * `public_metrics` alone. A post X reports missing is null (docs/platform-contracts.md, X › Metrics).
 */
export async function fetchTweetMetrics(
  client: XClient,
  account: ConnectedAccount,
  platformPostIds: readonly string[],
): Promise<Map<string, PostMetrics | null>> {
  const ids = batchIds(platformPostIds, X_METRICS_BATCH, "X");
  const answer = new Map<string, PostMetrics | null>();
  // X ids are digits; anything else would make X refuse the whole lookup.
  const asked = ids.filter((id) => /^\d+$/.test(id));
  for (const id of ids) if (!asked.includes(id)) answer.set(id, null);

  let pending = asked;
  for (const fields of ["public_metrics,non_public_metrics", "public_metrics"]) {
    if (pending.length === 0) break;
    const body = await lookup(client, account, pending, fields);
    for (const item of list(body.data)) {
      const tweet = asRecord(item);
      const id = str(tweet.id);
      if (id && pending.includes(id)) answer.set(id, fromTweet(tweet));
    }
    for (const item of list(body.errors)) {
      const error = asRecord(item);
      const id = str(error.resource_id) ?? str(error.value);
      if (id && !answer.has(id) && GONE.test(str(error.type) ?? "")) answer.set(id, null);
    }
    pending = pending.filter((id) => !answer.has(id));
  }
  // Asked twice and neither given nor explained: X has nothing to show of it.
  for (const id of pending) answer.set(id, null);
  return answer;
}

async function lookup(
  client: XClient,
  account: ConnectedAccount,
  ids: string[],
  fields: string,
): Promise<Json> {
  const query = new URLSearchParams({ ids: ids.join(","), "tweet.fields": fields });
  const response = await xRequest(
    client,
    `/2/tweets?${query}`,
    account.tokens.accessToken,
    "read",
    "metrics",
  );
  return asRecord(response.body);
}

function fromTweet(tweet: Json): PostMetrics {
  const pub = asRecord(tweet.public_metrics);
  const priv = asRecord(tweet.non_public_metrics);
  return measured(
    {
      impressions: num(priv.impression_count) ?? num(pub.impression_count),
      likes: num(pub.like_count),
      comments: num(pub.reply_count),
      // The docs name it retweet_count, the OpenAPI schema repost_count.
      shares: sumGiven(num(pub.retweet_count) ?? num(pub.repost_count), num(pub.quote_count)),
      saves: num(pub.bookmark_count),
      clicks: num(priv.url_link_clicks),
    },
    { public_metrics: pub, non_public_metrics: priv },
  );
}
