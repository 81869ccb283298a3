import { z } from "@hono/zod-openapi";
import type { ContentTemplate } from "../../../db/schema/content-templates.ts";
import { PLACEHOLDER_NAMES } from "../../../services/templates/placeholders.ts";
import { dataOf } from "../../../services/templates/templates.ts";
import { TargetPlatformsSchema } from "../common.ts";
import { ContentTypeSchema } from "../content/schema.ts";

export const PLACEHOLDERS_DESCRIPTION = `title, caption and hashtags may hold placeholders written {{name}}, from this closed list: ${PLACEHOLDER_NAMES.join(", ")}. Dates render as a day in the event's time zone ("10 March 2027"); event.hashtags is the event's official hashtags joined by spaces; handles render with one leading @ on x, threads, instagram and bluesky (as stored on facebook and linkedin); delegate.full_name is title, first and last name. A value the row does not have (no title, no handle) renders empty. Any other placeholder is 400 unknown_placeholder, listing them in placeholders.`;

export const TemplateDataSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300).optional(),
    caption: z.string().min(1).max(10_000),
    hashtags: z
      .array(z.string().trim().min(1).max(200))
      .max(30)
      .optional()
      .openapi({ description: "Hashtags, or placeholders that render to them (e.g. {{event.hashtags}})" }),
    target_platforms: TargetPlatformsSchema.optional(),
  })
  .openapi("TemplateData", {
    description: PLACEHOLDERS_DESCRIPTION,
    example: {
      title: "Meet {{delegate.full_name}}",
      caption:
        "{{delegate.full_name}} ({{delegate.handle.x}}), {{delegate.designation}}, speaks at {{event.name}} on {{event.start_date}}.",
      hashtags: ["{{event.hashtags}}", "Speakers"],
      target_platforms: ["x", "linkedin"],
    },
  });

export const TemplateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    content_type: ContentTypeSchema,
    template_data: TemplateDataSchema,
    thumbnail_url: z.string().nullable(),
    usage_count: z.int().min(0).openapi({ description: "How many drafts were rendered from it" }),
    created_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Template");

export function toTemplate(row: ContentTemplate): z.infer<typeof TemplateSchema> {
  return {
    id: row.id,
    name: row.name,
    content_type: row.contentType as z.infer<typeof ContentTypeSchema>,
    template_data: dataOf(row) as z.infer<typeof TemplateDataSchema>,
    thumbnail_url: row.thumbnailUrl,
    usage_count: row.usageCount,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const TemplateFields = {
  name: z.string().trim().min(1).max(200),
  content_type: ContentTypeSchema,
  template_data: TemplateDataSchema,
  thumbnail_url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .nullable(),
};
