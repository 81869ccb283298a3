import { z } from "@hono/zod-openapi";
import { PUBLISH_ATTEMPT_OUTCOMES, type PublishAttempt } from "../../../db/schema/publish-attempts.ts";
import { PUBLISH_STATUSES, type PublishedPost } from "../../../db/schema/published-posts.ts";
import { PlatformSchema } from "../common.ts";

export const PublishStatusSchema = z.enum(PUBLISH_STATUSES);

export const PublishedPostSchema = z
  .object({
    id: z.uuid(),
    content_id: z.uuid(),
    social_account_id: z.uuid().nullable().openapi({ description: "null once the account was removed" }),
    platform: PlatformSchema,
    publish_status: PublishStatusSchema.openapi({
      description:
        "pending (waiting for its time, a paused event or a reconnect) → queued (its message is on the way) → publishing → published | failed; cancelled (unscheduled or deleted before it went out); deleted (removed from the platform)",
    }),
    platform_post_id: z.string().nullable(),
    platform_url: z.string().nullable(),
    published_at: z.iso.datetime().nullable(),
    attempt_count: z.int().min(0),
    last_error: z
      .string()
      .nullable()
      .openapi({ description: "Why the last attempt failed, or why it gave up" }),
    next_attempt_at: z.iso.datetime().nullable().openapi({ description: "When it is due (again)" }),
    sent: z
      .record(z.string(), z.unknown())
      .openapi({ description: "What was sent to the platform: text, hashtags, mentions, link, media_ids" }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("PublishedPost");

export const PublishAttemptSchema = z
  .object({
    attempt_number: z.int().min(1),
    outcome: z.enum(PUBLISH_ATTEMPT_OUTCOMES).openapi({
      description:
        "uncertain: the request may have reached the platform (a timeout after sending); the next attempt asks the platform before sending again",
    }),
    http_status: z.int().nullable(),
    error_code: z.string().nullable().openapi({
      description: "rate_limited, transient, auth_expired, permanent, duplicate, uncertain, worker_lost …",
    }),
    error_message: z.string().nullable().openapi({ description: "The platform's message" }),
    platform_response: z.record(z.string(), z.unknown()).nullable(),
    started_at: z.iso.datetime(),
    finished_at: z.iso.datetime().nullable(),
  })
  .openapi("PublishAttempt");

export const PublishedPostDetailSchema = PublishedPostSchema.extend({
  attempts: z.array(PublishAttemptSchema),
}).openapi("PublishedPostDetail");

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toPublishedPost(row: PublishedPost): z.infer<typeof PublishedPostSchema> {
  // The adapter's progress between attempts is internal; what was sent is the rest.
  const { progress: _progress, ...sent } = row.publishedContent;
  return {
    id: row.id,
    content_id: row.contentId,
    social_account_id: row.socialAccountId,
    platform: row.platform,
    publish_status: row.publishStatus,
    platform_post_id: row.platformPostId,
    platform_url: row.platformUrl,
    published_at: iso(row.publishedAt),
    attempt_count: row.attemptCount,
    last_error: row.lastError,
    next_attempt_at: iso(row.nextAttemptAt),
    sent,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toPublishAttempt(row: PublishAttempt): z.infer<typeof PublishAttemptSchema> {
  return {
    attempt_number: row.attemptNumber,
    outcome: row.outcome,
    http_status: row.httpStatus,
    error_code: row.errorCode,
    error_message: row.errorMessage,
    platform_response: row.platformResponse,
    started_at: row.startedAt.toISOString(),
    finished_at: iso(row.finishedAt),
  };
}
