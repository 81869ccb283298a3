/** /v1/content: create, list, read, update (in place or as a new version), delete (soft) and restore. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { content } from "../../../db/schema/content.ts";
import { etagOf } from "../../../services/conditional.ts";
import {
  CONTENT_SORTS,
  createContent,
  getContent,
  listContent,
  restoreContent,
  updateContent,
} from "../../../services/content/content.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams, IfMatchHeader, PlatformSchema } from "../common.ts";
import { registerLifecycle, softDeletes } from "../lifecycle.ts";
import {
  ContentFields,
  ContentSchema,
  ContentTypeSchema,
  created,
  one,
  toContent,
  WorkflowStatusSchema,
} from "./schema.ts";

const REFERENCES =
  "event_id, campaign_id and embargo_session_id must be live ones of the organisation (else 404 event_not_found / campaign_not_found / event_session_not_found); every media_assets id must be an asset of its library (else 400 unknown_media, listing them in unknown_media). An embargo (embargo_until, embargo_session_id, or both: the later wins) lets the content be approved and scheduled but never published or shown publicly before it lifts; embargo_lifts_at says when, counting its media's embargoes.";

const CreateContentBody = z
  .strictObject({
    ...ContentFields,
    title: ContentFields.title.optional(),
    caption: ContentFields.caption.optional(),
    hashtags: ContentFields.hashtags.optional(),
    media_assets: ContentFields.media_assets.optional(),
    target_platforms: ContentFields.target_platforms.optional(),
    scheduled_for: ContentFields.scheduled_for.optional(),
    relative_to: ContentFields.relative_to.optional(),
    approval_required: ContentFields.approval_required.optional(),
    event_id: ContentFields.event_id.optional(),
    campaign_id: ContentFields.campaign_id.optional(),
    embargo_until: ContentFields.embargo_until.optional(),
    embargo_session_id: ContentFields.embargo_session_id.optional(),
  })
  .openapi("CreateContentRequest", {
    example: {
      content_type: "post",
      title: "Day one opens",
      caption: "Doors open at 8:00 in Nairobi. See you at the summit!",
      hashtags: ["#AES2027", "EnergyTransition"],
      target_platforms: ["x", "linkedin", "bluesky"],
      scheduled_for: "2027-03-10T07:30:00+03:00",
    },
  });

const UpdateContentBody = z
  .strictObject(
    Object.fromEntries(Object.entries(ContentFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof ContentFields]: z.ZodOptional<(typeof ContentFields)[K]>;
    },
  )
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .openapi("UpdateContentRequest", {
    minProperties: 1,
    example: { caption: "Doors open at 8:30 — see you there!" },
  });

export const createContentRoute = authedRoute({
  method: "post",
  path: "/v1/content",
  tags: ["Content"],
  summary: "Create content (a draft, version 1)",
  description: REFERENCES,
  permission: "content:write",
  request: { body: { required: true, content: { "application/json": { schema: CreateContentBody } } } },
  responses: { 201: created("Created"), ...errorResponses(404) },
});

export const listContentRoute = authedRoute({
  method: "get",
  path: "/v1/content",
  tags: ["Content"],
  summary: "List content",
  description: "Every version is a row; latest=true keeps only the newest version of each chain.",
  permission: "content:read",
  request: {
    query: PaginationQuery.extend({
      workflow_status: WorkflowStatusSchema.optional(),
      event_id: z.uuid().optional(),
      campaign_id: z.uuid().optional(),
      content_type: ContentTypeSchema.optional(),
      platform: PlatformSchema.optional().openapi({ description: "Content that targets this platform" }),
      scheduled_from: DateTimeSchema.optional().openapi({ description: "scheduled_for at or after" }),
      scheduled_to: DateTimeSchema.optional().openapi({ description: "scheduled_for before" }),
      q: z.string().trim().min(1).max(200).optional().openapi({
        description:
          'Full text over title and caption, in web-search syntax ("exact phrase", or, -word); results by relevance unless `sort` is given',
        example: "summit keynote",
      }),
      latest: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional()
        .openapi({ type: "string", enum: ["true", "false"] }),
      sort: z.enum(CONTENT_SORTS).optional().openapi({
        description: "A field; a leading - sorts descending (default: relevance with q, else -created_at)",
      }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(ContentSchema, "ContentList") } },
    },
  },
});

export const updateContentRoute = authedRoute({
  method: "patch",
  path: "/v1/content/{id}",
  tags: ["Content"],
  summary: "Edit content (a draft in place; anything else as a new version)",
  description: `A draft is changed in place and answered with 200. Content in any other status (in review, changes requested, approved, scheduled…) is never changed: the edit becomes a NEW row — a new id, parent_version_id = the edited row, version = its version + 1, status draft — answered with 201 and its Location. Only the newest version of a chain can be edited that way (else 409 not_latest_version, naming newer_version_id). Status changes go through POST /v1/content/{id}/transitions. ${REFERENCES}`,
  permission: "content:write",
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateContentBody } } },
  },
  responses: {
    200: one("The draft, updated"),
    201: created("The new version (a draft)"),
    ...errorResponses(404, 409, 412),
  },
});

export function registerContent(app: OpenAPIHono<AppEnv>) {
  app.openapi(createContentRoute, async (c) => {
    const row = await createContent(c.get("tenant"), c.req.valid("json"));
    c.header("etag", etagOf(row.updatedAt));
    c.header("location", `/v1/content/${row.id}`);
    return c.json(toContent(row), 201);
  });
  app.openapi(listContentRoute, async (c) => {
    const page = await listContent(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toContent), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(updateContentRoute, async (c) => {
    const result = await updateContent(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
    );
    c.header("etag", etagOf(result.content.updatedAt));
    if (!result.created) return c.json(toContent(result.content), 200);
    c.header("location", `/v1/content/${result.content.id}`);
    return c.json(toContent(result.content), 201);
  });
  // The PATCH above is its own: editing anything but a draft answers 201 with a new version.
  registerLifecycle(app, {
    path: "/v1/content/{id}",
    params: IdParams,
    tag: "Content",
    noun: "content",
    permissions: { read: "content:read", write: "content:write" },
    schema: ContentSchema,
    toWire: toContent,
    get: (ctx, { id }) => getContent(ctx, id),
    delete: softDeletes(content, "content").delete,
    restore: (ctx, { id }) => restoreContent(ctx, id),
  });
}
