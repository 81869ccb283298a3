/** The wire shapes of publishing pauses (services/publishing/pause.ts builds them). */
import { z } from "@hono/zod-openapi";
import { HELD_POSTS_LISTED, PAUSE_SCOPES } from "../../../services/publishing/pause.ts";
import { DateTimeSchema, IdParams, PlatformSchema } from "../common.ts";

export const PauseParams = IdParams.extend({
  pause_id: z
    .uuid()
    .openapi({ param: { name: "pause_id", in: "path" }, example: "0d6f0f4e-0000-4000-8000-000000000012" }),
});

export const PauseRequestSchema = z
  .strictObject({
    platform: PlatformSchema.optional().openapi({ description: "Pause only this platform's posts" }),
    social_account_id: z
      .uuid()
      .optional()
      .openapi({ description: "Pause only the posts through this account (not with `platform`)" }),
    until: DateTimeSchema.optional().openapi({
      description: "When the pause lifts by itself (in the future); absent: when lifted by hand",
    }),
    reason: z.string().trim().min(1).max(500).optional().openapi({ description: "Why, for the team" }),
  })
  .openapi("PublishingPauseRequest", {
    example: { platform: "x", until: "2027-03-10T09:30:00+03:00", reason: "Keynote running late" },
  });

export const PublishingPauseSchema = z
  .object({
    id: z.uuid(),
    event_id: z.uuid(),
    scope: z
      .enum(PAUSE_SCOPES)
      .openapi({ description: "What it holds: the whole event, a platform, an account" }),
    platform: PlatformSchema.nullable(),
    social_account_id: z.uuid().nullable(),
    until: z.iso.datetime().nullable().openapi({
      description: "When it lifts (or lifted) by itself or by hand; null: in force until lifted by hand",
    }),
    reason: z.string().nullable(),
    created_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    waiting_posts: z
      .int()
      .min(0)
      .openapi({ description: "The event's posts not sent yet (pending or queued) that it names" }),
  })
  .openapi("PublishingPause");

export const HeldPostSchema = z
  .object({
    id: z.uuid(),
    content_id: z.uuid(),
    content_title: z.string().nullable(),
    platform: PlatformSchema,
    social_account_id: z.uuid().nullable(),
    due_at: z.iso.datetime().nullable().openapi({ description: "When it was due to go out" }),
  })
  .openapi("HeldPost");

export const PauseResultSchema = PublishingPauseSchema.extend({
  held_posts: z.array(HeldPostSchema).openapi({
    description: `The waiting posts it holds, soonest first (at most ${HELD_POSTS_LISTED}; \`waiting_posts\` counts them all)`,
  }),
}).openapi("PublishingPauseResult");

export const PauseListSchema = z
  .object({ data: z.array(PublishingPauseSchema) })
  .openapi("PublishingPauseList");
