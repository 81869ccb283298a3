/**
 * Listening on Bluesky, which delivers no webhooks: we ask. The account's notifications come from
 * its PDS (which proxies `app.bsky.*` to its AppView with a service-auth token naming the account);
 * hashtag search from the same, or from a public AppView when no account asks. Both read newest
 * first and resume from a watermark, `{seen_until: <ISO time>}`: the newest `indexedAt` seen so far.
 */
import { asRecord, list, str } from "../http.ts";
import type { InboundKind, InboundObservation, ListenCursor, ListenPage } from "../inbound.ts";
import { type ConnectedAccount, PlatformError } from "../types.ts";
import { authorOf, dateOf, mediaUrlsOf, postContent, webUrlOf } from "./inbound-post.ts";
import { type Pds, xrpc } from "./xrpc.ts";

/** listNotifications answers 1 to 100 (default 50); searchPosts 1 to 100 (default 25). */
const NOTIFICATIONS_PAGE = 50;
const SEARCH_PAGE = 100;
/** A poll reads at most this many pages; a longer backlog (an outage) keeps only its newest part. */
export const MAX_PAGES = 5;
/**
 * Search filters `since` on a post's sort time (the earlier of its createdAt and indexedAt), which
 * can fall a little before the indexedAt we keep: we ask from this much earlier and drop what we saw.
 */
const SEARCH_OVERLAP_MS = 5 * 60_000;

/** Notification reasons that are items; likes, follows, starter-pack joins and the rest are not. */
const KINDS: Record<string, InboundKind> = {
  mention: "mention",
  reply: "reply",
  quote: "quote",
  repost: "repost",
};

const watermarkOf = (cursor: ListenCursor | null): number | null => {
  const ms = Date.parse(cursor?.seen_until ?? "");
  return Number.isNaN(ms) ? null : ms;
};

const cursorAt = (ms: number | null): ListenCursor =>
  ms === null ? {} : { seen_until: new Date(ms).toISOString() };

/** `app.bsky.notification.listNotifications#notification` as an observation; null when it is no item. */
export function readNotification(item: unknown): InboundObservation | null {
  const notification = asRecord(item);
  const kind = KINDS[str(notification.reason) ?? ""];
  const uri = str(notification.uri);
  const observedAt = dateOf(notification.indexedAt);
  if (!kind || !uri || !observedAt) return null;
  const record = asRecord(notification.record);
  if (kind !== "repost") {
    // A notification carries the record, not its view: images are blob refs, with no URL to show.
    return {
      platform: "bluesky",
      recipient: null,
      itemId: uri,
      observedAt,
      content: postContent(kind, uri, record, notification.author, []),
    };
  }
  const subject = str(notification.reasonSubject) ?? str(asRecord(record.subject).uri);
  const reposted = subject ? webUrlOf(subject) : null;
  return {
    platform: "bluesky",
    recipient: null,
    itemId: uri,
    observedAt,
    content: {
      kind,
      // A repost has no page of its own; the reposted post's list of reposters shows it.
      url: reposted ? `${reposted}/reposted-by` : null,
      text: null,
      language: null,
      mediaUrls: [],
      author: authorOf(notification.author),
      inReplyTo: subject,
      mentionedHandles: [],
      hashtags: [],
      createdAt: dateOf(record.createdAt),
    },
  };
}

/**
 * What is new in the account's notifications since the cursor: pages from the newest until one
 * reaches the watermark (at most `MAX_PAGES`); the first poll (no cursor) reads the newest page only.
 * An item at the watermark was seen: indexedAt is when the AppView indexed it, so anything indexed
 * after our last read is later. Never calls `updateSeen`: what the user has seen in their app stays.
 */
export async function listenNotifications(
  pds: Pds,
  account: ConnectedAccount,
  cursor: ListenCursor | null,
): Promise<ListenPage> {
  const seenUntil = watermarkOf(cursor);
  let newest = seenUntil;
  const observations: InboundObservation[] = [];
  let page: string | null = null;
  for (let read = 0; read < (seenUntil === null ? 1 : MAX_PAGES); read++) {
    const body = await xrpc(pds, "app.bsky.notification.listNotifications", "read", {
      token: account.tokens.accessToken,
      query: {
        limit: String(NOTIFICATIONS_PAGE),
        reasons: Object.keys(KINDS),
        ...(page ? { cursor: page } : {}),
      },
    });
    let reached = false;
    for (const item of list(body.notifications)) {
      const indexedAt = dateOf(asRecord(item).indexedAt)?.getTime() ?? null;
      if (indexedAt === null) continue;
      if (seenUntil !== null && indexedAt <= seenUntil) {
        reached = true;
        break;
      }
      if (newest === null || indexedAt > newest) newest = indexedAt;
      const observation = readNotification(item);
      if (observation) observations.push(observation);
    }
    page = str(body.cursor);
    if (reached || !page) break;
  }
  return { observations, cursor: cursorAt(newest) };
}

/** `app.bsky.feed.defs#postView` found by a hashtag search. */
function readSearchHit(view: unknown, tag: string): InboundObservation | null {
  const post = asRecord(view);
  const uri = str(post.uri);
  const observedAt = dateOf(post.indexedAt);
  if (!uri || !observedAt) return null;
  const content = postContent("hashtag", uri, asRecord(post.record), post.author, mediaUrlsOf(post.embed));
  // Found by this tag, so it carries it, even where the search matched the text rather than a facet.
  if (!content.hashtags.includes(tag)) content.hashtags.push(tag);
  return { platform: "bluesky", recipient: null, itemId: uri, observedAt, content };
}

/**
 * Recent posts tagged `tag` (without #) since the cursor, newest first, via `app.bsky.feed.searchPosts`.
 * `token` (an account's, sent to its PDS) is what lets search page: Bluesky's public AppView refuses
 * a `cursor` without one (403), and at times refuses unauthenticated search altogether, so without a
 * token we read one page.
 */
export async function searchHashtag(
  service: Pds,
  token: string | null,
  tag: string,
  cursor: ListenCursor | null,
): Promise<ListenPage> {
  const wanted = tag.replace(/^#/, "").toLowerCase();
  const seenUntil = watermarkOf(cursor);
  let newest = seenUntil;
  const observations: InboundObservation[] = [];
  let page: string | null = null;
  const pages = seenUntil === null || token === null ? 1 : MAX_PAGES;
  for (let read = 0; read < pages; read++) {
    let body: Record<string, unknown>;
    try {
      body = await xrpc(service, "app.bsky.feed.searchPosts", "read", {
        ...(token ? { token } : {}),
        query: {
          // `q` is required; `tag` narrows it to the facet or `tags` field rather than the text.
          q: `#${wanted}`,
          tag: [wanted],
          sort: "latest",
          limit: String(SEARCH_PAGE),
          ...(seenUntil !== null ? { since: new Date(seenUntil - SEARCH_OVERLAP_MS).toISOString() } : {}),
          ...(page ? { cursor: page } : {}),
        },
      });
    } catch (error) {
      if (error instanceof PlatformError && error.status === 403 && token === null) {
        throw new PlatformError(
          "permanent",
          "Bluesky's public AppView refused the search: search through an account",
          {
            status: 403,
            code: "search_requires_auth",
            response: error.response,
          },
        );
      }
      throw error;
    }
    for (const view of list(body.posts)) {
      const indexedAt = dateOf(asRecord(view).indexedAt)?.getTime() ?? null;
      if (indexedAt === null || (seenUntil !== null && indexedAt <= seenUntil)) continue;
      if (newest === null || indexedAt > newest) newest = indexedAt;
      const observation = readSearchHit(view, wanted);
      if (observation) observations.push(observation);
    }
    page = str(body.cursor);
    if (!page) break;
  }
  return { observations, cursor: cursorAt(newest) };
}
