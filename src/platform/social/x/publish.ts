/**
 * `POST /2/tweets`, a thread as a chain of replies, and the search that stands in for the
 * idempotency key X does not have: after an uncertain outcome the account's recent posts are searched
 * for our text (URLs compared as placeholders because X rewrites them to t.co) — two posts with the
 * same text in the window cannot be told apart, which X itself refuses as duplicate content anyway.
 */
import {
  asRecord,
  list,
  normaliseForMatch,
  num,
  type PlatformResponse,
  SEND_SKEW_MS,
  sentAtFrom,
  str,
} from "../http.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishProgress,
  type PublishRequest,
} from "../types.ts";
import { type XClient, xRequest } from "./client.ts";
import { uploadMedia } from "./media.ts";

/** The text as posted: the link goes in the text (X makes the card from it). */
export function xText(post: PublishRequest): string {
  if (!post.link || post.text.includes(post.link)) return post.text;
  return `${post.text}\n\n${post.link}`;
}

const postUrl = (account: ConnectedAccount, id: string) =>
  `https://x.com/${account.username ?? "i/web"}/status/${id}`;

/**
 * The account's post with exactly `text` (URLs as placeholders) sent since `since`, replies included.
 * Newest first: the oldest match is the one our first attempt made.
 */
export async function findText(
  client: XClient,
  account: ConnectedAccount,
  text: string,
  since: number,
): Promise<PublishedRef | null> {
  const response = await xRequest(
    client,
    `/2/users/${encodeURIComponent(account.platformUserId)}/tweets?${new URLSearchParams({
      max_results: "100",
      start_time: new Date(since).toISOString(),
      "tweet.fields": "created_at,text",
    })}`,
    account.tokens.accessToken,
    "read",
    "timeline",
  );
  const wanted = normaliseForMatch(text);
  const ours = list(asRecord(response.body).data)
    .map(asRecord)
    .filter((tweet) => normaliseForMatch(str(tweet.text) ?? "") === wanted)
    .at(-1);
  const id = ours ? str(ours.id) : null;
  return id ? { platformPostId: id, url: postUrl(account, id), response: { data: ours } } : null;
}

/**
 * `POST /2/tweets`. A part of a thread refused as duplicate content was sent by an earlier attempt
 * whose answer was lost: it is that post (found among the recent ones), never a second one.
 */
async function createTweet(
  client: XClient,
  account: ConnectedAccount,
  threadPart: boolean,
  sentAt: number,
  body: { text: string } & Record<string, unknown>,
): Promise<PublishedRef> {
  let response: PlatformResponse;
  try {
    response = await xRequest(client, "/2/tweets", account.tokens.accessToken, "create", "post", {
      json: body,
    });
  } catch (error) {
    if (!(threadPart && error instanceof PlatformError && error.kind === "duplicate")) throw error;
    const found = await findText(client, account, body.text, sentAt - SEND_SKEW_MS);
    if (!found) throw error;
    return found;
  }
  const data = asRecord(asRecord(response.body).data);
  const id = str(data.id);
  if (!id) throw new PlatformError("uncertain", "X accepted the post but answered no id");
  return { platformPostId: id, url: postUrl(account, id), response: { data } };
}

/**
 * A thread's replies after its first post, each `reply.in_reply_to_tweet_id` the one before. The ids
 * so far are saved after every part; a retry resumes after them, first looking for the next part
 * among the recent posts (its answer may have been lost).
 */
async function publishReplies(
  client: XClient,
  account: ConnectedAccount,
  progress: PublishProgress,
  root: PublishedRef,
  replies: readonly string[],
  saved: { sentAt: number; replyIds: Array<string | null>; resuming: boolean },
): Promise<PublishedRef> {
  const { sentAt } = saved;
  const replyIds = saved.replyIds.filter((id): id is string => id !== null).slice(0, replies.length);
  const save = () => progress.save({ sentAt, rootId: root.platformPostId, replyIds });
  await save();
  let resuming = saved.resuming;
  for (let i = replyIds.length; i < replies.length; i++) {
    const text = replies[i] ?? "";
    const parent = replyIds.at(-1) ?? root.platformPostId;
    const found = resuming ? await findText(client, account, text, sentAt - SEND_SKEW_MS) : null;
    resuming = false;
    const reply =
      found ??
      (await createTweet(client, account, true, sentAt, { text, reply: { in_reply_to_tweet_id: parent } }));
    replyIds.push(reply.platformPostId);
    await save();
  }
  return { ...root, response: { ...(root.response ?? {}), replies: replyIds } };
}

/** The post with its media (uploads reused by a retry within their day), then a thread's replies. */
export async function publishTweet(
  client: XClient,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
): Promise<PublishedRef> {
  const token = account.tokens.accessToken;
  const previous = progress.previous ?? {};
  const replies = post.replies ?? [];
  const sentAt = num(previous.sentAt) ?? Date.now();
  let root: PublishedRef | null = null;
  const rootId = str(previous.rootId);
  if (rootId) root = { platformPostId: rootId, url: postUrl(account, rootId) };
  // A thread's first post may be out already (a lost answer): find it rather than be refused as duplicate.
  else if (replies.length > 0 && num(previous.sentAt) !== null)
    root = await findText(client, account, xText(post), sentAtFrom(previous));
  // Replies can be out already only if the first post was (an attempt never sends them before it).
  const resuming = root !== null;
  if (!root) {
    const expires = num(previous.mediaExpiresAt) ?? 0;
    let mediaIds = list(previous.mediaIds)
      .map(str)
      .filter((id): id is string => id !== null);
    // Uploaded media stay usable for a day: a retry reuses them instead of uploading again.
    if (mediaIds.length !== post.media.length || expires < Date.now() + 60_000) mediaIds = [];
    let mediaExpiresAt = expires;
    if (post.media.length > 0 && mediaIds.length === 0) {
      for (const media of post.media) mediaIds.push(await uploadMedia(client, token, media));
      mediaExpiresAt = Date.now() + 23 * 3_600_000;
    }
    // One save before the post: the uploads for a retry, and the first send time to bound a search.
    await progress.save({ mediaIds, mediaExpiresAt, sentAt });
    root = await createTweet(client, account, replies.length > 0, sentAt, {
      text: xText(post),
      ...(mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
    });
  }
  if (replies.length === 0) return root;
  return publishReplies(client, account, progress, root, replies, {
    sentAt,
    replyIds: rootId ? list(previous.replyIds).map(str) : [],
    resuming,
  });
}
