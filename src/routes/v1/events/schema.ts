import { z } from "@hono/zod-openapi";
import { EVENT_STATUSES, type Event } from "../../../db/schema/events.ts";
import { DateTimeSchema, HashtagsSchema, SocialHandlesSchema, TimezoneSchema } from "../common.ts";
import { SlugSchema } from "../organization/schema.ts";

export const EventStatusSchema = z.enum(EVENT_STATUSES);

export const EventSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    start_date: z.iso.datetime(),
    end_date: z.iso.datetime(),
    timezone: z.string(),
    social_handles: z.record(z.string(), z.string()),
    official_hashtags: z.array(z.string()),
    status: EventStatusSchema,
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Event");

export function toEvent(row: Event): z.infer<typeof EventSchema> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    start_date: row.startDate.toISOString(),
    end_date: row.endDate.toISOString(),
    timezone: row.timezone,
    social_handles: row.socialHandles as Record<string, string>,
    official_hashtags: row.officialHashtags,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const EventFields = {
  name: z.string().trim().min(2).max(200),
  slug: SlugSchema,
  description: z.string().max(5000).nullable(),
  start_date: DateTimeSchema,
  end_date: DateTimeSchema.openapi({
    description: "Not before start_date (else 400 validation_failed, `date_order`)",
  }),
  timezone: TimezoneSchema,
  social_handles: SocialHandlesSchema,
  official_hashtags: HashtagsSchema,
  status: EventStatusSchema,
};
