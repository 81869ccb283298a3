import { asRecord, num } from "../http.ts";
import type { ConnectedAccount, PostMetrics } from "../types.ts";
import { type LinkedInClient, rest } from "./client.ts";

/**
 * Reactions (all kinds summed) and comments from `/rest/socialMetadata` (docs/platform-contracts.md,
 * LinkedIn › Metrics). No impressions: member-post analytics need partner access.
 */
export async function fetchLinkedInMetrics(
  client: LinkedInClient,
  account: ConnectedAccount,
  platformPostId: string,
): Promise<PostMetrics> {
  const response = await rest(
    client,
    `/rest/socialMetadata/${encodeURIComponent(platformPostId)}`,
    account.tokens.accessToken,
    "read",
    "social metadata",
  );
  const body = asRecord(response.body);
  const reactions = Object.values(asRecord(body.reactionSummaries)).map((r) => num(asRecord(r).count) ?? 0);
  return {
    impressions: null,
    likes: reactions.reduce((a, b) => a + b, 0),
    comments: num(asRecord(body.commentSummary).count),
    shares: null,
    clicks: null,
    raw: body,
  };
}
