/** /v1/content/{id}/versions, /diff and /versions/{version_id}/restore: a content's version history. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { diffVersions, listVersions, restoreVersion } from "../../../services/content/versions.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import { ContentSchema, created, toContent, VersionDiffSchema } from "./schema.ts";

const VersionParams = IdParams.extend({
  version_id: z.uuid().openapi({ param: { name: "version_id", in: "path" } }),
});

export const listVersionsRoute = authedRoute({
  method: "get",
  path: "/v1/content/{id}/versions",
  tags: ["Content"],
  summary: "The versions of the content's chain, oldest first",
  description: "From any version of the chain, earlier or later: every live version, the first one first.",
  permission: "content:read",
  request: { params: IdParams, query: PaginationQuery },
  responses: {
    200: {
      description: "A page of versions",
      content: { "application/json": { schema: listResponse(ContentSchema, "ContentVersionList") } },
    },
    ...errorResponses(404),
  },
});

export const diffVersionsRoute = authedRoute({
  method: "get",
  path: "/v1/content/{id}/diff",
  tags: ["Content"],
  summary: "What changed between two versions",
  description:
    "Compares content_type, title, caption, hashtags, media_assets, target_platforms, scheduled_for, approval_required, event_id and campaign_id. Both versions must be in the chain of {id} (else 404 content_version_not_found). `to` defaults to {id}, `from` to the version `to` was made from.",
  permission: "content:read",
  request: {
    params: IdParams,
    query: z.object({
      from: z.uuid().optional().openapi({ description: "A version id (default: the parent of `to`)" }),
      to: z.uuid().optional().openapi({ description: "A version id (default: {id})" }),
    }),
  },
  responses: {
    200: { description: "The differences", content: { "application/json": { schema: VersionDiffSchema } } },
    ...errorResponses(404),
  },
});

export const restoreVersionRoute = authedRoute({
  method: "post",
  path: "/v1/content/{id}/versions/{version_id}/restore",
  tags: ["Content"],
  summary: "Make a new version from an earlier one",
  description:
    "Copies the fields of {version_id} (a version in the chain of {id}) into a NEW row: a draft made from the newest version of the chain (parent_version_id = that version, version = its version + 1). Answered with 201 and its Location; nothing existing changes.",
  permission: "content:write",
  request: { params: VersionParams },
  responses: { 201: created("The new version (a draft)"), ...errorResponses(404, 409) },
});

export function registerContentVersions(app: OpenAPIHono<AppEnv>) {
  app.openapi(listVersionsRoute, async (c) => {
    const page = await listVersions(c.get("tenant"), c.req.valid("param").id, c.req.valid("query"));
    return c.json({ data: page.data.map(toContent), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(diffVersionsRoute, async (c) => {
    return c.json(await diffVersions(c.get("tenant"), c.req.valid("param").id, c.req.valid("query")), 200);
  });
  app.openapi(restoreVersionRoute, async (c) => {
    const { id, version_id } = c.req.valid("param");
    const row = await restoreVersion(c.get("tenant"), id, version_id);
    c.header("etag", etagOf(row.updatedAt));
    c.header("location", `/v1/content/${row.id}`);
    return c.json(toContent(row), 201);
  });
}
