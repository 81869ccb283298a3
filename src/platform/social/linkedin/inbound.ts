/**
 * LinkedIn organization social action notifications read into observations: comments on the
 * organization's posts (edited and deleted in place), reshares of them and posts mentioning it.
 * Likes and the organization's own admins' comments (`ADMIN_COMMENT`) are not items. Deliveries
 * repeat, so an item's id is its activity URN, never the `notificationId`.
 */
import { z } from "zod";
import { extractHashtags } from "../../text-entities.ts";
import type { InboundKind, InboundObservation } from "../inbound.ts";

const Activity = z.looseObject({ text: z.string().nullish(), owner: z.string().nullish() });
const Notification = z.looseObject({
  organizationalEntity: z.string().min(1),
  action: z.string(),
  sourcePost: z.string().min(1).nullish(),
  generatedActivity: z.string().min(1).nullish(),
  // Only sometimes present, and its shape beyond text and owner is not settled: all of it optional.
  decoratedGeneratedActivity: z
    .looseObject({ comment: Activity.nullish(), share: Activity.nullish() })
    .nullish()
    .catch(null),
  lastModifiedAt: z.number(),
});
const Envelope = z.looseObject({
  type: z.literal("ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS"),
  notifications: z.array(z.unknown()),
});

const ACTIONS: Record<string, { kind: InboundKind; deleted?: true }> = {
  COMMENT: { kind: "comment" },
  COMMENT_EDIT: { kind: "comment" },
  COMMENT_DELETE: { kind: "comment", deleted: true },
  SHARE: { kind: "repost" },
  SHARE_MENTION: { kind: "mention" },
};

export function readLinkedInWebhook(payload: unknown): InboundObservation[] {
  const envelope = Envelope.safeParse(payload);
  if (!envelope.success) return [];
  return envelope.data.notifications.flatMap((raw): InboundObservation[] => {
    const parsed = Notification.safeParse(raw);
    const action = parsed.success ? ACTIONS[parsed.data.action] : undefined;
    if (!parsed.success || !action) return [];
    const { organizationalEntity: recipient, sourcePost, generatedActivity, lastModifiedAt } = parsed.data;
    // A mention may come as the mentioning post alone, without a separate activity.
    const itemId = generatedActivity ?? sourcePost;
    const observedAt = new Date(lastModifiedAt);
    if (!itemId || Number.isNaN(observedAt.getTime())) return [];
    const observation = { platform: "linkedin" as const, recipient, itemId, observedAt };
    if (action.deleted) return [{ ...observation, content: null }];
    const decorated = parsed.data.decoratedGeneratedActivity;
    const activity = decorated?.comment ?? decorated?.share;
    if (activity?.owner === recipient) return [];
    const text = activity?.text ?? null;
    const post = action.kind === "comment" ? sourcePost : itemId;
    return [
      {
        ...observation,
        content: {
          kind: action.kind,
          url: post ? `https://www.linkedin.com/feed/update/${post}` : null,
          text,
          language: null,
          mediaUrls: [],
          author: {
            platformId: activity?.owner ?? null,
            handle: null,
            name: null,
            avatarUrl: null,
            followers: null,
            accountCreatedAt: null,
          },
          inReplyTo: sourcePost && sourcePost !== itemId ? sourcePost : null,
          // LinkedIn members have no @handles; a mention is a tagged name.
          mentionedHandles: [],
          hashtags: text ? [...new Set(extractHashtags(text).map((tag) => tag.toLowerCase()))] : [],
          // The notification's time is the comment's or post's only when it was just made.
          createdAt: parsed.data.action === "COMMENT_EDIT" ? null : observedAt,
        },
      },
    ];
  });
}
