/** /v1/events/{id}/delegates: create, list (full-text search), read, update, delete (soft), restore, import. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import {
  createDelegate,
  DELEGATE_SORTS,
  deleteDelegate,
  getDelegate,
  listDelegates,
  restoreDelegate,
  updateDelegate,
} from "../../../services/delegates/delegates.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, withEtag } from "../common.ts";
import { registerLifecycle } from "../lifecycle.ts";
import {
  CountrySchema,
  CreateDelegateBody,
  DelegateParams,
  DelegateSchema,
  DelegateTypeSchema,
  toDelegate,
  UpdateDelegateBody,
} from "./schema.ts";

export const createDelegateRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/delegates",
  tags: ["Delegates"],
  summary: "Add a delegate to an event",
  permission: "events:write",
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: CreateDelegateBody } } },
  },
  responses: { 201: withEtag(DelegateSchema, "Created"), ...errorResponses(404, 409) },
});

export const listDelegatesRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/delegates",
  tags: ["Delegates"],
  summary: "List or search an event's delegates",
  permission: "events:read",
  request: {
    params: IdParams,
    query: PaginationQuery.extend({
      q: z.string().trim().min(1).max(200).optional().openapi({
        description:
          'Full text over name, designation and organisation, in web-search syntax ("exact phrase", or, -word); results by relevance unless `sort` is given',
        example: "energy minister",
      }),
      delegate_type: DelegateTypeSchema.optional(),
      vip_tier_min: z.coerce
        .number()
        .int()
        .min(0)
        .max(5)
        .optional()
        .openapi({ description: "At least this VIP tier" }),
      country: CountrySchema.optional(),
      auto_tag: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional()
        .openapi({ type: "string", enum: ["true", "false"] }),
      sort: z.enum(DELEGATE_SORTS).optional().openapi({
        description: "A field; a leading - sorts descending (default: relevance with q, else -created_at)",
      }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(DelegateSchema, "DelegateList") } },
    },
    ...errorResponses(404),
  },
});

export function registerDelegates(app: OpenAPIHono<AppEnv>) {
  app.openapi(createDelegateRoute, async (c) => {
    const eventId = c.req.valid("param").id;
    const delegate = await createDelegate(c.get("tenant"), eventId, c.req.valid("json"));
    c.header("etag", etagOf(delegate.updatedAt));
    c.header("location", `/v1/events/${eventId}/delegates/${delegate.id}`);
    return c.json(toDelegate(delegate), 201);
  });
  app.openapi(listDelegatesRoute, async (c) => {
    const page = await listDelegates(c.get("tenant"), c.req.valid("param").id, c.req.valid("query"));
    return c.json({ data: page.data.map(toDelegate), next_cursor: page.next_cursor }, 200);
  });
  registerLifecycle(app, {
    path: "/v1/events/{id}/delegates/{delegate_id}",
    params: DelegateParams,
    tag: "Delegates",
    noun: "a delegate",
    permissions: { read: "events:read", write: "events:write" },
    schema: DelegateSchema,
    toWire: toDelegate,
    get: (ctx, { id, delegate_id }) => getDelegate(ctx, id, delegate_id),
    update: {
      body: UpdateDelegateBody,
      run: (ctx, { id, delegate_id }, body, ifMatch) => updateDelegate(ctx, id, delegate_id, body, ifMatch),
    },
    delete: (ctx, { id, delegate_id }) => deleteDelegate(ctx, id, delegate_id),
    restore: (ctx, { id, delegate_id }) => restoreDelegate(ctx, id, delegate_id),
    docs: {
      delete: { summary: "Remove a delegate (restorable)" },
      restore: { summary: "Restore a removed delegate", responses: errorResponses(409) },
    },
  });
}
