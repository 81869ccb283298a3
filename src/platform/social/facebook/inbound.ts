/**
 * Facebook Page webhooks (`object: "page"`, field `feed`) read into observations: comments and
 * replies on the Page's posts, visitors' posts on the Page, shares. The value says `item` (comment,
 * post, share, reaction, …) and `verb` (add, edited, remove); reactions and the Page's own activity
 * are not items.
 */
import { z } from "zod";
import type { InboundContent, InboundKind, InboundObservation } from "../inbound.ts";
import { graphId, graphTime, metaAuthor, metaChanges, tagsOf } from "../meta/webhooks.ts";

const FeedValue = z.looseObject({
  item: z.string(),
  verb: z.string(),
  comment_id: graphId.optional(),
  post_id: graphId.optional(),
  parent_id: graphId.optional(),
  share_id: graphId.optional(),
  from: z.looseObject({ id: graphId, name: z.string().nullish() }).nullish(),
  message: z.string().nullish(),
  created_time: z.unknown().optional(),
  photo: z.string().nullish(),
  photos: z.array(z.string()).nullish(),
});
type FeedValue = z.infer<typeof FeedValue>;

const VERBS = new Set(["add", "edited", "remove"]);

/** The item a feed change is about, its kind and the post it answers; null when it is not an item. */
function itemOf(value: FeedValue): { id: string; kind: InboundKind; inReplyTo: string | null } | null {
  const { item, comment_id, post_id, parent_id, share_id } = value;
  if (item === "comment" && comment_id) {
    // A reply to a comment names that comment as its parent; both link to our post through post_id.
    const kind = parent_id && parent_id !== post_id ? "reply" : "comment";
    return { id: comment_id, kind, inReplyTo: post_id ?? null };
  }
  if (item === "post" && post_id) return { id: post_id, kind: "mention", inReplyTo: null };
  if (item === "share") {
    // With share_id, post_id is the post that was shared; without it, post_id is the share itself.
    const id = share_id ?? post_id;
    if (!id) return null;
    return { id, kind: "repost", inReplyTo: share_id && post_id !== share_id ? (post_id ?? null) : null };
  }
  return null;
}

export function readFacebookWebhook(payload: unknown): InboundObservation[] {
  return metaChanges(payload, "page").flatMap(
    ({ recipient, time, field, value: raw }): InboundObservation[] => {
      const value = field === "feed" ? FeedValue.safeParse(raw) : null;
      if (!value?.success || !VERBS.has(value.data.verb)) return [];
      const item = itemOf(value.data);
      const { from, message, verb } = value.data;
      if (!item || from?.id === recipient) return [];
      const observation = { platform: "facebook" as const, recipient, itemId: item.id, observedAt: time };
      if (verb === "remove") return [{ ...observation, content: null }];
      const content: InboundContent = {
        kind: item.kind,
        url: `https://www.facebook.com/${item.id}`,
        text: message ?? null,
        language: null,
        mediaUrls: [...(value.data.photo ? [value.data.photo] : []), ...(value.data.photos ?? [])],
        author: metaAuthor(from?.id, null, from?.name),
        inReplyTo: item.inReplyTo,
        ...tagsOf(message, { handles: false }),
        createdAt: graphTime(value.data.created_time),
      };
      return [{ ...observation, content }];
    },
  );
}
