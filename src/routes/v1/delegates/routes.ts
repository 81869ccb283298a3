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
import { IdParams, IfMatchHeader } from "../common.ts";
import { registerImportDelegates } from "./import.ts";
import {
  CountrySchema,
  CreateDelegateBody,
  DelegateParams,
  DelegateSchema,
  DelegateTypeSchema,
  toDelegate,
  UpdateDelegateBody,
} from "./schema.ts";

const one = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const }, description: "Send as If-Match to update" } },
  content: { "application/json": { schema: DelegateSchema } },
});

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
  responses: { 201: one("Created"), ...errorResponses(404, 409) },
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

export const getDelegateRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/delegates/{delegate_id}",
  tags: ["Delegates"],
  summary: "Read a delegate",
  permission: "events:read",
  request: { params: DelegateParams },
  responses: { 200: one("The delegate"), ...errorResponses(404) },
});

export const updateDelegateRoute = authedRoute({
  method: "patch",
  path: "/v1/events/{id}/delegates/{delegate_id}",
  tags: ["Delegates"],
  summary: "Update a delegate (send If-Match to refuse stale edits)",
  permission: "events:write",
  request: {
    params: DelegateParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateDelegateBody } } },
  },
  responses: { 200: one("Updated"), ...errorResponses(404, 409, 412) },
});

export const deleteDelegateRoute = authedRoute({
  method: "delete",
  path: "/v1/events/{id}/delegates/{delegate_id}",
  tags: ["Delegates"],
  summary: "Remove a delegate (restorable)",
  permission: "events:write",
  request: { params: DelegateParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
});

export const restoreDelegateRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/delegates/{delegate_id}/restore",
  tags: ["Delegates"],
  summary: "Restore a removed delegate",
  permission: "events:write",
  request: { params: DelegateParams },
  responses: { 200: one("Restored"), ...errorResponses(404, 409) },
});

export function registerDelegates(app: OpenAPIHono<AppEnv>) {
  registerImportDelegates(app);
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
  app.openapi(getDelegateRoute, async (c) => {
    const { id, delegate_id } = c.req.valid("param");
    const delegate = await getDelegate(c.get("tenant"), id, delegate_id);
    c.header("etag", etagOf(delegate.updatedAt));
    return c.json(toDelegate(delegate), 200);
  });
  app.openapi(updateDelegateRoute, async (c) => {
    const { id, delegate_id } = c.req.valid("param");
    const delegate = await updateDelegate(
      c.get("tenant"),
      id,
      delegate_id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
    );
    c.header("etag", etagOf(delegate.updatedAt));
    return c.json(toDelegate(delegate), 200);
  });
  app.openapi(deleteDelegateRoute, async (c) => {
    const { id, delegate_id } = c.req.valid("param");
    await deleteDelegate(c.get("tenant"), id, delegate_id);
    return c.body(null, 204);
  });
  app.openapi(restoreDelegateRoute, async (c) => {
    const { id, delegate_id } = c.req.valid("param");
    const delegate = await restoreDelegate(c.get("tenant"), id, delegate_id);
    c.header("etag", etagOf(delegate.updatedAt));
    return c.json(toDelegate(delegate), 200);
  });
}
