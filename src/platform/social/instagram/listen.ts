/**
 * Instagram Hashtag Search: a hashtag's id from `ig_hashtag_search`, then its `recent_media`, the
 * public photos and videos tagged with it in the last 24 hours, newest first and without their
 * authors (Instagram leaves out who posted them). An account may look up at most 30 distinct hashtags
 * in a rolling 7 days, each counting from its first lookup; hashtag ids are global and never change,
 * so the cursor keeps the id and a hashtag is looked up once, however often it is read.
 */
import { asRecord, list, str } from "../http.ts";
import type { InboundObservation, ListenCursor, ListenPage } from "../inbound.ts";
import { type GraphContext, graph, graphTime, objectPath } from "../meta/graph.ts";
import { type ConnectedAccount, PlatformError } from "../types.ts";

const FIELDS = "id,caption,media_type,media_url,permalink,timestamp,comments_count,like_count";
/** recent_media answers at most 50 a page. */
const PAGE = 50;
const MAX_PAGES = 5;
/** Graph error 24 (subcode 2207024): the account's 30 distinct hashtags in 7 days are used up. */
const HASHTAG_LIMIT_CODE = "24";
/** Which lookup leaves the 7-day window is not said: check again daily. */
const HASHTAG_LIMIT_WAIT_SECONDS = 86_400;
/**
 * Media show up in a hashtag's recent media a while after they are posted, and times are to the
 * second: we read back this far before the newest time seen. What we read again is observed at the
 * same time (its own), so the inbound store takes it once.
 */
const OVERLAP_MS = 10 * 60_000;

const TAG = /#([\p{L}\p{N}_]+)/gu;
const MENTION = /(?:^|[^\w.])@([A-Za-z0-9._]{1,30})/g;

async function lookUpHashtag(
  ctx: GraphContext,
  account: ConnectedAccount,
  tag: string,
): Promise<string | null> {
  try {
    const body = await graph(ctx, "hashtag search", "/ig_hashtag_search", {
      token: account.tokens.accessToken,
      kind: "read",
      params: { user_id: account.platformUserId, q: tag },
    });
    return str(asRecord(list(body.data)[0]).id);
  } catch (error) {
    if (error instanceof PlatformError && error.code?.split("/")[0] === HASHTAG_LIMIT_CODE) {
      throw new PlatformError(
        "rate_limited",
        `Instagram allows an account 30 distinct hashtags in 7 days; #${tag} would be one more (${error.message})`,
        {
          status: error.status,
          code: "hashtag_limit",
          retryAfterSeconds: HASHTAG_LIMIT_WAIT_SECONDS,
          response: error.response,
        },
      );
    }
    throw error;
  }
}

function readMedia(item: unknown, tag: string): InboundObservation | null {
  const media = asRecord(item);
  const id = str(media.id);
  const posted = graphTime(media.timestamp);
  if (!id || posted === null) return null;
  const caption = str(media.caption);
  const hashtags = new Set([...(caption ?? "").matchAll(TAG)].map((m) => (m[1] ?? "").toLowerCase()));
  hashtags.add(tag);
  const mediaUrl = str(media.media_url);
  return {
    platform: "instagram",
    recipient: null,
    itemId: id,
    // The time it was posted: reading it again (the overlap) is no newer observation.
    observedAt: new Date(posted),
    content: {
      kind: "hashtag",
      url: str(media.permalink),
      text: caption,
      language: null,
      mediaUrls: mediaUrl ? [mediaUrl] : [],
      author: {
        platformId: null,
        handle: null,
        name: null,
        avatarUrl: null,
        followers: null,
        accountCreatedAt: null,
      },
      inReplyTo: null,
      mentionedHandles: [
        ...new Set([...(caption ?? "").matchAll(MENTION)].map((m) => (m[1] ?? "").toLowerCase())),
      ],
      hashtags: [...hashtags],
      createdAt: new Date(posted),
    },
  };
}

/**
 * Recent media tagged `tag` (without #) since the cursor `{hashtag_id, seen_until}`, on behalf of
 * `account` (a business or creator account; Instagram searches for one). The first read (no
 * `seen_until`) takes the newest page only.
 */
export async function searchInstagramHashtag(
  ctx: GraphContext,
  account: ConnectedAccount | null,
  tag: string,
  cursor: ListenCursor | null,
): Promise<ListenPage> {
  if (!account) {
    throw new PlatformError("permanent", "Instagram hashtag search acts for an account; connect one", {
      code: "account_required",
    });
  }
  const wanted = tag.replace(/^#/, "").toLowerCase();
  const hashtagId = cursor?.hashtag_id ?? (await lookUpHashtag(ctx, account, wanted));
  if (!hashtagId) return { observations: [], cursor: cursor ?? {} };
  const seenMs = Date.parse(cursor?.seen_until ?? "");
  const seenUntil = Number.isNaN(seenMs) ? null : seenMs;
  let newest = seenUntil;
  const observations: InboundObservation[] = [];
  let after: string | null = null;
  for (let read = 0; read < (seenUntil === null ? 1 : MAX_PAGES); read++) {
    const body = await graph(ctx, "hashtag media", `${objectPath(hashtagId)}/recent_media`, {
      token: account.tokens.accessToken,
      kind: "read",
      params: { user_id: account.platformUserId, fields: FIELDS, limit: PAGE, after },
    });
    let reached = false;
    for (const item of list(body.data)) {
      const observation = readMedia(item, wanted);
      if (!observation) continue;
      const posted = observation.observedAt.getTime();
      if (seenUntil !== null && posted < seenUntil - OVERLAP_MS) {
        reached = true;
        break;
      }
      if (newest === null || posted > newest) newest = posted;
      observations.push(observation);
    }
    const paging = asRecord(body.paging);
    after = str(asRecord(paging.cursors).after);
    if (reached || !str(paging.next) || !after) break;
  }
  return {
    observations,
    cursor: {
      hashtag_id: hashtagId,
      ...(newest === null ? {} : { seen_until: new Date(newest).toISOString() }),
    },
  };
}
