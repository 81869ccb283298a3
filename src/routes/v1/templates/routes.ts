/** /v1/templates: create, list, read, update, delete (soft), restore, and render into a content draft. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { contentTemplates } from "../../../db/schema/content-templates.ts";
import { etagOf } from "../../../services/conditional.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { renderTemplate } from "../../../services/templates/render.ts";
import {
  createTemplate,
  getTemplate,
  listTemplates,
  TEMPLATE_SORTS,
  updateTemplate,
} from "../../../services/templates/templates.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams, withEtag } from "../common.ts";
import { ContentSchema, ContentTypeSchema, toContent } from "../content/schema.ts";
import { registerLifecycle, softDeletes } from "../lifecycle.ts";
import { PLACEHOLDERS_DESCRIPTION, TemplateFields, TemplateSchema, toTemplate } from "./schema.ts";

const CreateTemplateBody = z
  .strictObject({ ...TemplateFields, thumbnail_url: TemplateFields.thumbnail_url.optional() })
  .openapi("CreateTemplateRequest", {
    example: {
      name: "Speaker spotlight",
      content_type: "post",
      template_data: {
        title: "Meet {{delegate.full_name}}",
        caption:
          "{{delegate.full_name}}, {{delegate.designation}}, speaks at {{event.name}} on {{event.start_date}}.",
        hashtags: ["{{event.hashtags}}", "Speakers"],
        target_platforms: ["x", "linkedin"],
      },
    },
  });

const UpdateTemplateBody = z
  .strictObject(
    Object.fromEntries(Object.entries(TemplateFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof TemplateFields]: z.ZodOptional<(typeof TemplateFields)[K]>;
    },
  )
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .openapi("UpdateTemplateRequest", { minProperties: 1, example: { name: "Speaker spotlight (day 2)" } });

const RenderTemplateBody = z
  .strictObject({
    event_id: z.uuid(),
    phase_id: z.uuid().optional().openapi({ description: "A phase of the event (for phase.*)" }),
    delegate_id: z.uuid().optional().openapi({ description: "A delegate of the event (for delegate.*)" }),
    campaign_id: z.uuid().optional(),
    scheduled_for: DateTimeSchema.optional(),
  })
  .openapi("RenderTemplateRequest", {
    example: {
      event_id: "0d6f0f4e-0000-4000-8000-000000000010",
      delegate_id: "0d6f0f4e-0000-4000-8000-000000000020",
    },
  });

export const createTemplateRoute = authedRoute({
  method: "post",
  path: "/v1/templates",
  tags: ["Templates"],
  summary: "Create a content template",
  description: PLACEHOLDERS_DESCRIPTION,
  permission: "templates:write",
  request: { body: { required: true, content: { "application/json": { schema: CreateTemplateBody } } } },
  responses: { 201: withEtag(TemplateSchema, "Created") },
});

export const listTemplatesRoute = authedRoute({
  method: "get",
  path: "/v1/templates",
  tags: ["Templates"],
  summary: "List content templates",
  permission: "templates:read",
  request: {
    query: PaginationQuery.extend({
      content_type: ContentTypeSchema.optional(),
      q: z.string().min(1).max(100).optional().openapi({ description: "Name starts with (any case)" }),
      sort: z
        .enum(TEMPLATE_SORTS)
        .optional()
        .openapi({ description: "A field; a leading - sorts descending (default -created_at)" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(TemplateSchema, "TemplateList") } },
    },
  },
});

export const renderTemplateRoute = authedRoute({
  method: "post",
  path: "/v1/templates/{id}/render",
  tags: ["Templates"],
  summary: "Render a template into a new content draft",
  description:
    "Needs content:write and templates:read. Fills the template's placeholders from the event, and the phase and delegate (both of that event) when given, into a NEW content draft (version 1) of the event, and counts the use in usage_count. Ids that are not live ones of the organisation are 404 (template_not_found, event_not_found, phase_not_found, delegate_not_found, campaign_not_found); a template that uses phase.* or delegate.* without phase_id or delegate_id is 400 missing_context, listing them in placeholders; rendered text longer than content allows is 400 rendered_too_long. Rendered hashtags are split on spaces and normalised like content hashtags.",
  permission: "content:write",
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: RenderTemplateBody } } },
  },
  responses: {
    201: {
      description: "The rendered draft",
      headers: {
        ETag: { schema: { type: "string" as const }, description: "Send as If-Match to update" },
        Location: { schema: { type: "string" as const }, description: "The new content" },
      },
      content: { "application/json": { schema: ContentSchema } },
    },
    ...errorResponses(404),
  },
});

export function registerTemplates(app: OpenAPIHono<AppEnv>) {
  app.openapi(createTemplateRoute, async (c) => {
    const template = await createTemplate(c.get("tenant"), c.req.valid("json"));
    c.header("etag", etagOf(template.updatedAt));
    c.header("location", `/v1/templates/${template.id}`);
    return c.json(toTemplate(template), 201);
  });
  app.openapi(listTemplatesRoute, async (c) => {
    const page = await listTemplates(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toTemplate), next_cursor: page.next_cursor }, 200);
  });
  registerLifecycle(app, {
    path: "/v1/templates/{id}",
    params: IdParams,
    tag: "Templates",
    noun: "a content template",
    permissions: { read: "templates:read", write: "templates:write" },
    schema: TemplateSchema,
    toWire: toTemplate,
    get: (ctx, { id }) => getTemplate(ctx, id),
    update: {
      body: UpdateTemplateBody,
      run: (ctx, { id }, body, ifMatch) => updateTemplate(ctx, id, body, ifMatch),
    },
    ...softDeletes(contentTemplates, "template"),
    docs: { update: { description: `template_data is replaced as a whole. ${PLACEHOLDERS_DESCRIPTION}` } },
  });
  app.openapi(renderTemplateRoute, async (c) => {
    const row = await renderTemplate(c.get("tenant"), c.req.valid("param").id, c.req.valid("json"));
    c.header("etag", etagOf(row.updatedAt));
    c.header("location", `/v1/content/${row.id}`);
    return c.json(toContent(row), 201);
  });
}
