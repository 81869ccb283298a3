/**
 * Threads webhooks read into observations. Threads does not use the Graph's `entry[]` envelope:
 * `{app_id, topic, target_id, time, subscription_id, values: {field, value}}`, `values` also seen as
 * a list. Fields: `replies` to the account's posts, `mentions` of it, `delete` (a reply or mention
 * removed), and `publish` (the account's own post: not an item).
 */
import { z } from "zod";
import type { InboundObservation } from "../inbound.ts";
import { graphId, graphTime, metaAuthor, tagsOf } from "../meta/webhooks.ts";

const Change = z.looseObject({ field: z.string(), value: z.unknown() });
const Envelope = z.looseObject({
  target_id: graphId,
  time: z.unknown(),
  values: z.unknown(),
});
const PostValue = z.looseObject({
  id: graphId,
  username: z.string().nullish(),
  text: z.string().nullish(),
  permalink: z.string().nullish(),
  media_url: z.string().nullish(),
  replied_to: z.looseObject({ id: graphId }).nullish(),
  root_post: z
    .looseObject({ id: graphId, owner_id: graphId.nullish(), username: z.string().nullish() })
    .nullish(),
  timestamp: z.unknown().optional(),
});
const DeleteValue = z.looseObject({ id: graphId });

export function readThreadsWebhook(payload: unknown): InboundObservation[] {
  const envelope = Envelope.safeParse(payload);
  const observedAt = envelope.success ? graphTime(envelope.data.time) : null;
  if (!envelope.success || !observedAt) return [];
  const recipient = envelope.data.target_id;
  const { values } = envelope.data;
  return (Array.isArray(values) ? values : [values]).flatMap((raw): InboundObservation[] => {
    const change = Change.safeParse(raw);
    if (!change.success) return [];
    const { field, value } = change.data;
    const observation = { platform: "threads" as const, recipient, observedAt };
    if (field === "delete") {
      const deleted = DeleteValue.safeParse(value);
      return deleted.success ? [{ ...observation, itemId: deleted.data.id, content: null }] : [];
    }
    if (field !== "replies" && field !== "mentions") return [];
    const post = PostValue.safeParse(value);
    if (!post.success) return [];
    const { id, username, text, permalink, media_url, replied_to, root_post } = post.data;
    // Replies carry no author id: one by the owner of a thread we started is our own thread's next part.
    if (root_post?.owner_id === recipient && username && username === root_post.username) return [];
    return [
      {
        ...observation,
        itemId: id,
        content: {
          kind: field === "replies" ? "reply" : "mention",
          url: permalink ?? null,
          text: text ?? null,
          language: null,
          mediaUrls: media_url ? [media_url] : [],
          author: metaAuthor(null, username, null),
          inReplyTo: replied_to?.id ?? (field === "replies" ? (root_post?.id ?? null) : null),
          ...tagsOf(text, { handles: true }),
          createdAt: graphTime(post.data.timestamp),
        },
      },
    ];
  });
}
