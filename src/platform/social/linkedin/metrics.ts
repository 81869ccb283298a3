import { asRecord, type Json, list, num, str } from "../http.ts";
import { batchIds, measured } from "../metrics.ts";
import { type ConnectedAccount, PlatformError, type PostMetrics } from "../types.ts";
import { LABEL, type LinkedInClient, rest } from "./client.ts";
import { authorOf } from "./publish.ts";

/** URNs one call names in a Rest.li `List(…)` (the query stays a few kilobytes long). */
export const LINKEDIN_METRICS_BATCH = 50;

const ORGANIZATION = "urn:li:organization:";
/** Share statistics name shares and UGC posts in separate parameters. */
const STATISTICS_KINDS = [
  { param: "shares", prefix: "urn:li:share:", field: "share" },
  { param: "ugcPosts", prefix: "urn:li:ugcPost:", field: "ugcPost" },
] as const;

/** A Rest.li 2.0 list of URNs, each encoded inside the literal `List(…)`. */
const restliList = (urns: readonly string[]) => `List(${urns.map(encodeURIComponent).join(",")})`;

/**
 * An organisation's posts: `organizationalEntityShareStatistics` for all of them in one call
 * (impressions, unique impressions, clicks, likes, comments, shares). A member's posts, and the
 * organisation's posts the statistics leave out (older than their rolling 12 months, or gone):
 * social metadata for all of them in one batch get (reactions and comments only); a post it answers
 * 404 for is gone (docs/platform-contracts.md, LinkedIn › Metrics).
 */
export async function fetchLinkedInMetrics(
  client: LinkedInClient,
  account: ConnectedAccount,
  platformPostIds: readonly string[],
): Promise<Map<string, PostMetrics | null>> {
  const urns = batchIds(platformPostIds, LINKEDIN_METRICS_BATCH, LABEL);
  const token = account.tokens.accessToken;
  const answer = new Map<string, PostMetrics | null>();
  const author = authorOf(account);
  if (author.startsWith(ORGANIZATION)) {
    for (const kind of STATISTICS_KINDS) {
      const wanted = urns.filter((urn) => urn.startsWith(kind.prefix));
      if (wanted.length === 0) continue;
      const query = `q=organizationalEntity&organizationalEntity=${encodeURIComponent(author)}`;
      const response = await rest(
        client,
        `/rest/organizationalEntityShareStatistics?${query}&${kind.param}=${restliList(wanted)}`,
        token,
        "read",
        "share statistics",
      );
      for (const item of list(asRecord(response.body).elements)) {
        const element = asRecord(item);
        const urn = str(element[kind.field]);
        if (urn && wanted.includes(urn)) answer.set(urn, fromStatistics(element));
      }
    }
  }
  const others = urns.filter((urn) => !answer.has(urn));
  if (others.length > 0) {
    for (const [urn, metrics] of await socialMetadata(client, token, others)) answer.set(urn, metrics);
  }
  return answer;
}

function fromStatistics(element: Json): PostMetrics {
  const stats = asRecord(element.totalShareStatistics);
  return measured(
    {
      impressions: num(stats.impressionCount),
      reach: num(stats.uniqueImpressionsCount),
      likes: num(stats.likeCount),
      comments: num(stats.commentCount),
      shares: num(stats.shareCount),
      clicks: num(stats.clickCount),
    },
    { totalShareStatistics: stats },
  );
}

/**
 * `GET /rest/socialMetadata?ids=List(…)`, a Rest.li batch get: `results` and `errors` keyed by URN.
 * A 404 among the errors is a post that is gone; any other error there (no permission) concerns
 * every post of the account, so it fails the call.
 */
async function socialMetadata(
  client: LinkedInClient,
  token: string,
  urns: readonly string[],
): Promise<Map<string, PostMetrics | null>> {
  const response = await rest(
    client,
    `/rest/socialMetadata?ids=${restliList(urns)}`,
    token,
    "read",
    "social metadata",
  );
  const body = asRecord(response.body);
  const byUrn = (value: unknown) =>
    new Map(Object.entries(asRecord(value)).map(([key, v]) => [decodeURIComponent(key), asRecord(v)]));
  const results = byUrn(body.results);
  const errors = byUrn(body.errors);
  const answer = new Map<string, PostMetrics | null>();
  for (const urn of urns) {
    const found = results.get(urn);
    const error = errors.get(urn);
    if (found) {
      answer.set(urn, fromSocialMetadata(found));
    } else if (error && num(error.status) !== 404) {
      throw new PlatformError("permanent", `${LABEL} social metadata: ${str(error.message) ?? "refused"}`, {
        status: num(error.status),
        code:
          str(error.code) ?? (num(error.serviceErrorCode) === null ? null : String(error.serviceErrorCode)),
        response: body,
      });
    } else {
      // A 404, or nothing at all said of it: LinkedIn has no such post.
      answer.set(urn, null);
    }
  }
  return answer;
}

/** Reactions of every kind summed as likes, and comments; social metadata counts no views, shares or clicks. */
function fromSocialMetadata(body: Json): PostMetrics {
  const reactions = Object.values(asRecord(body.reactionSummaries)).map((r) => num(asRecord(r).count) ?? 0);
  return measured(
    {
      likes: reactions.reduce((a, b) => a + b, 0),
      comments: num(asRecord(body.commentSummary).count),
    },
    body,
  );
}
