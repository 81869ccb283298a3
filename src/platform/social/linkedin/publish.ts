/**
 * `POST /rest/posts` (the URN comes back in `x-restli-id`) after the media, and the search that
 * stands in for the idempotency key LinkedIn does not have: the author's recent posts matched on the
 * exact commentary. Reading a member's own posts needs `r_member_social` (approved partners only);
 * without it LinkedIn answers 403 and the search fails `permanent` (code `cannot_reconcile`): the
 * post may exist and a person must look.
 */
import { asRecord, list, normaliseForMatch, num, type PlatformResponse, sentAtFrom, str } from "../http.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishProgress,
  type PublishRequest,
} from "../types.ts";
import { type LinkedInClient, rest } from "./client.ts";
import { linkedinCommentary } from "./commentary.ts";
import { uploadMedia } from "./media.ts";

const MULTI_IMAGE_MAX = 20;

/** Who posts: the organisation or member URN kept when connecting, else the member. */
export const authorOf = (account: ConnectedAccount) =>
  str(account.metadata.authorUrn) ?? `urn:li:person:${account.platformUserId}`;

const postRef = (urn: string, response?: Record<string, unknown>): PublishedRef => ({
  platformPostId: urn,
  url: `https://www.linkedin.com/feed/update/${urn}/`,
  ...(response ? { response } : {}),
});

/** One media item, several images, or an article for the link. */
function content(post: PublishRequest, urns: readonly string[]) {
  const alt = (i: number) => post.media[i]?.altText ?? undefined;
  const [first] = urns;
  if (first && urns.length === 1) return { media: { id: first, altText: alt(0) } };
  if (urns.length > 1) return { multiImage: { images: urns.map((id, i) => ({ id, altText: alt(i) })) } };
  // LinkedIn does not scrape previews: the article is what we say it is.
  if (post.link) return { article: { source: post.link, title: post.link } };
  return undefined;
}

export async function publishToLinkedIn(
  client: LinkedInClient,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
): Promise<PublishedRef> {
  const token = account.tokens.accessToken;
  const author = authorOf(account);
  const hasVideo = post.media.some((media) => media.mimeType.startsWith("video/"));
  if (hasVideo && post.media.length > 1) {
    throw new PlatformError("permanent", "a LinkedIn post takes one video, or images only");
  }
  if (post.media.length > MULTI_IMAGE_MAX) {
    throw new PlatformError("permanent", `a LinkedIn post takes at most ${MULTI_IMAGE_MAX} images`);
  }
  const previous = progress.previous ?? {};
  let urns = list(previous.mediaUrns)
    .map(str)
    .filter((urn): urn is string => urn !== null);
  if (urns.length !== post.media.length) {
    urns = [];
    for (const media of post.media) urns.push(await uploadMedia(client, token, author, media));
  }
  const sentAt = num(previous.sentAt) ?? Date.now();
  await progress.save({ mediaUrns: urns, sentAt });
  const attached = content(post, urns);
  const body = {
    author,
    commentary: linkedinCommentary(post),
    visibility: "PUBLIC",
    distribution: { feedDistribution: "MAIN_FEED", targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: "PUBLISHED",
    isReshareDisabledByAuthor: false,
    ...(attached ? { content: attached } : {}),
  };
  const response = await rest(client, "/rest/posts", token, "create", "post", { json: body });
  const urn = response.headers.get("x-restli-id");
  if (!urn) throw new PlatformError("uncertain", "LinkedIn accepted the post but sent no x-restli-id");
  return postRef(urn, { id: urn, status: response.status });
}

export async function findOnLinkedIn(
  client: LinkedInClient,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
): Promise<PublishedRef | null> {
  const since = sentAtFrom(progress.previous);
  const query = new URLSearchParams({
    q: "author",
    author: authorOf(account),
    count: "20",
    sortBy: "LAST_MODIFIED",
  });
  let response: PlatformResponse;
  try {
    response = await rest(client, `/rest/posts?${query}`, account.tokens.accessToken, "read", "posts");
  } catch (error) {
    if (error instanceof PlatformError && error.status === 403) {
      throw new PlatformError(
        "permanent",
        "LinkedIn does not let this app read the account's posts (r_member_social); the post may exist — check LinkedIn before retrying",
        { status: 403, code: "cannot_reconcile" },
      );
    }
    throw error;
  }
  const wanted = normaliseForMatch(linkedinCommentary(post));
  const ours = list(asRecord(response.body).elements)
    .map(asRecord)
    .filter((p) => (num(p.createdAt) ?? 0) >= since && normaliseForMatch(str(p.commentary) ?? "") === wanted)
    .sort((a, b) => (num(a.createdAt) ?? 0) - (num(b.createdAt) ?? 0))[0];
  const urn = ours ? str(ours.id) : null;
  return urn ? postRef(urn, ours) : null;
}
