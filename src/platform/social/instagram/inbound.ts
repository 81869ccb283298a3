/**
 * Instagram webhooks (`object: "instagram"`) read into observations: `comments` and `live_comments`
 * on our media (a reply names its parent comment), and `mentions` of the account in someone's
 * caption or comment. Instagram sends no edits or deletions of comments, and `story_insights` are
 * metrics, not items.
 */
import { z } from "zod";
import type { InboundObservation } from "../inbound.ts";
import { graphId, metaAuthor, metaChanges, tagsOf } from "../meta/webhooks.ts";

const CommentValue = z.looseObject({
  id: graphId,
  from: z.looseObject({ id: graphId, username: z.string().nullish() }).nullish(),
  text: z.string().nullish(),
  media: z.looseObject({ id: graphId }).nullish(),
  parent_id: graphId.nullish(),
});
const MentionValue = z.looseObject({ media_id: graphId.optional(), comment_id: graphId.optional() });

export function readInstagramWebhook(payload: unknown): InboundObservation[] {
  return metaChanges(payload, "instagram").flatMap(
    ({ recipient, time, field, value }): InboundObservation[] => {
      const observation = { platform: "instagram" as const, recipient, observedAt: time };
      if (field === "comments" || field === "live_comments") {
        const comment = CommentValue.safeParse(value);
        if (!comment.success || comment.data.from?.id === recipient) return [];
        const { id, from, text, media, parent_id } = comment.data;
        return [
          {
            ...observation,
            itemId: id,
            content: {
              kind: parent_id ? "reply" : "comment",
              // Comments have no public address of their own.
              url: null,
              text: text ?? null,
              language: null,
              mediaUrls: [],
              author: metaAuthor(from?.id, from?.username, null),
              inReplyTo: media?.id ?? null,
              ...tagsOf(text, { handles: true }),
              // The value has no timestamp; a comment is delivered once it is made, at the entry's time.
              createdAt: time,
            },
          },
        ];
      }
      if (field === "mentions") {
        const mention = MentionValue.safeParse(value);
        const itemId = mention.success ? (mention.data.comment_id ?? mention.data.media_id) : undefined;
        if (!itemId) return [];
        // Only ids come: the text and author must be asked of the Graph API, so they stay unknown here.
        return [
          {
            ...observation,
            itemId,
            content: {
              kind: "mention",
              url: null,
              text: null,
              language: null,
              mediaUrls: [],
              author: metaAuthor(null, null, null),
              inReplyTo: null,
              mentionedHandles: [],
              hashtags: [],
              createdAt: time,
            },
          },
        ];
      }
      return [];
    },
  );
}
