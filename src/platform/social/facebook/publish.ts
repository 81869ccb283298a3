/**
 * Publishing to a Page (docs/platform-contracts.md, Facebook Pages › Publishing): `/{page}/feed` (text,
 * link), `/{page}/photos` (one image), unpublished photos attached to a feed post (several),
 * `/{page}/videos` (one video). Graph has no idempotency key: after an uncertain outcome the Page
 * feed is searched for our exact message.
 */
import { list, num, sentAtFrom, str } from "../http.ts";
import { type GraphContext, graph, oldestMatching } from "../meta/graph.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishMedia,
  type PublishProgress,
  type PublishRequest,
} from "../types.ts";
import { pageIdOf } from "./connect.ts";

/** The message as posted: with media there is no link card, so the link goes in the text. */
export function facebookMessage(post: PublishRequest): string {
  if (!post.link || post.media.length === 0 || post.text.includes(post.link)) return post.text;
  return `${post.text}\n\n${post.link}`;
}

const isVideo = (media: PublishMedia) => media.mimeType.startsWith("video/");

const postRef = (id: string, response: Record<string, unknown>): PublishedRef => ({
  platformPostId: id,
  url: `https://www.facebook.com/${id}`,
  response,
});

async function uploadUnpublishedPhotos(
  ctx: GraphContext,
  token: string,
  page: string,
  media: readonly PublishMedia[],
) {
  const ids: string[] = [];
  for (const item of media) {
    const body = await graph(ctx, "photo upload", `/${page}/photos`, {
      method: "POST",
      token,
      kind: "write",
      params: { url: item.url, published: false, alt_text_custom: item.altText },
    });
    const id = str(body.id);
    if (!id) throw new PlatformError("transient", "Facebook answered a photo upload without an id");
    ids.push(id);
  }
  return ids;
}

export async function publishToPage(
  ctx: GraphContext,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
): Promise<PublishedRef> {
  const token = account.tokens.accessToken;
  const page = pageIdOf(account);
  const message = facebookMessage(post);
  const previous = progress.previous ?? {};
  const videos = post.media.filter(isVideo);
  if (videos.length > 0 && post.media.length > 1) {
    throw new PlatformError("permanent", "a Facebook Page post takes one video, or images only");
  }
  let photoIds = list(previous.photoIds)
    .map(str)
    .filter((id): id is string => id !== null);
  // Unpublished photos live about a day: a retry within it attaches the same ones.
  let photosUploadedAt = num(previous.photosUploadedAt) ?? 0;
  if (
    post.media.length > 1 &&
    (photoIds.length !== post.media.length || photosUploadedAt < Date.now() - 20 * 3_600_000)
  ) {
    photoIds = await uploadUnpublishedPhotos(ctx, token, page, post.media);
    photosUploadedAt = Date.now();
  }
  if (post.media.length <= 1) photoIds = [];
  // One save before the post: the photos for a retry, and the first send time to bound a search.
  const sentAt = num(previous.sentAt) ?? Date.now();
  await progress.save({ ...(photoIds.length > 0 ? { photoIds, photosUploadedAt } : {}), sentAt });

  const [single] = post.media;
  if (single && videos.length === 1) {
    const body = await graph(ctx, "video", `/${page}/videos`, {
      method: "POST",
      token,
      kind: "create",
      params: { file_url: single.url, description: message },
    });
    const id = str(body.id);
    if (!id) throw new PlatformError("uncertain", "Facebook accepted the video but answered no id");
    return { platformPostId: id, url: `https://www.facebook.com/${page}/videos/${id}`, response: body };
  }
  if (single && post.media.length === 1) {
    const body = await graph(ctx, "photo", `/${page}/photos`, {
      method: "POST",
      token,
      kind: "create",
      params: { url: single.url, message, alt_text_custom: single.altText },
    });
    const id = str(body.post_id) ?? str(body.id);
    if (!id) throw new PlatformError("uncertain", "Facebook accepted the photo but answered no id");
    return postRef(id, body);
  }
  const body = await graph(ctx, "post", `/${page}/feed`, {
    method: "POST",
    token,
    kind: "create",
    params: {
      message,
      link: post.media.length === 0 ? post.link : null,
      attached_media:
        photoIds.length > 0 ? JSON.stringify(photoIds.map((media_fbid) => ({ media_fbid }))) : null,
    },
  });
  const id = str(body.id);
  if (!id) throw new PlatformError("uncertain", "Facebook accepted the post but answered no id");
  return postRef(id, body);
}

/** Our message among the Page's posts since the first send (the oldest match is ours). */
export async function findOnPage(
  ctx: GraphContext,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
): Promise<PublishedRef | null> {
  const since = Math.floor(sentAtFrom(progress.previous) / 1000);
  const body = await graph(ctx, "feed", `/${pageIdOf(account)}/feed`, {
    token: account.tokens.accessToken,
    kind: "read",
    params: { fields: "id,message,created_time", since, limit: 100 },
  });
  const ours = oldestMatching(body.data, "message", "created_time", facebookMessage(post));
  const id = ours ? str(ours.id) : null;
  return id ? postRef(id, ours ?? {}) : null;
}
