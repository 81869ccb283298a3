import { z } from "@hono/zod-openapi";
import type { InboundItem } from "../../../db/schema/inbound-items.ts";
import { INBOUND_KINDS } from "../../../platform/social/inbound.ts";
import { PlatformSchema } from "../common.ts";

export const InboundKindSchema = z.enum(INBOUND_KINDS).openapi("InboundKind", {
  description:
    "mention (names one of our accounts), reply or comment (on our post or in its thread), quote, repost, hashtag (carries an event's official hashtag)",
});

export const InboundItemSchema = z
  .object({
    id: z.uuid(),
    event_id: z.uuid().nullable(),
    social_account_id: z.uuid().nullable().openapi({ description: "Our account it came to" }),
    published_post_id: z
      .uuid()
      .nullable()
      .openapi({ description: "Our published post it answers, comments on, quotes or reposts" }),
    platform: PlatformSchema,
    kind: InboundKindSchema,
    platform_item_id: z.string(),
    url: z.string().nullable().openapi({ description: "Where it is on the platform" }),
    in_reply_to_platform_id: z.string().nullable(),
    author: z.object({
      platform_id: z.string().nullable(),
      handle: z.string().nullable(),
      name: z.string().nullable(),
      avatar_url: z.string().nullable(),
      followers: z.number().int().nullable(),
      account_created_at: z.iso.datetime().nullable().openapi({ description: "Where the platform says (X)" }),
    }),
    text: z.string().nullable(),
    language: z.string().nullable(),
    media_urls: z.array(z.string()),
    hashtags: z.array(z.string()),
    mentioned_delegate_ids: z.array(z.uuid()),
    posted_at: z.iso.datetime().nullable().openapi({ description: "When the author posted it" }),
    received_at: z.iso.datetime().openapi({ description: "When it first reached us" }),
    updated_at: z.iso.datetime(),
    deleted_at: z.iso
      .datetime()
      .nullable()
      .openapi({ description: "Deleted on the platform: text, media and the author's name are gone" }),
  })
  .openapi("InboundItem");

export function toInboundItem(row: InboundItem): z.infer<typeof InboundItemSchema> {
  return {
    id: row.id,
    event_id: row.eventId,
    social_account_id: row.socialAccountId,
    published_post_id: row.publishedPostId,
    platform: row.platform,
    kind: row.kind,
    platform_item_id: row.platformItemId,
    url: row.platformUrl,
    in_reply_to_platform_id: row.inReplyToPlatformId,
    author: {
      platform_id: row.authorPlatformId,
      handle: row.authorHandle,
      name: row.authorName,
      avatar_url: row.authorAvatarUrl,
      followers: row.authorFollowers,
      account_created_at: row.authorCreatedAt?.toISOString() ?? null,
    },
    text: row.text,
    language: row.language,
    media_urls: row.mediaUrls,
    hashtags: row.hashtags,
    mentioned_delegate_ids: row.mentionedDelegateIds,
    posted_at: row.platformCreatedAt?.toISOString() ?? null,
    received_at: row.receivedAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: row.deletedAt?.toISOString() ?? null,
  };
}
