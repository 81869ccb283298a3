/**
 * /v1/exports: an archive of the organisation's data or of one person's (a subject access request),
 * built in the background; poll it for progress and, once completed, a signed download link.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import type { DataExport } from "../../../db/schema/data-exports.ts";
import type { Config } from "../../../env.ts";
import { getExport, listExports, requestExport } from "../../../services/exports/exports.ts";
import { signExportLink } from "../../../services/exports/link.ts";
import { listResponse } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import { CreateExportBody, ExportSchema, ListExportsQuery, toExport } from "./schema.ts";

const TAGS = ["Data lifecycle"];

const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const createExportRoute = authedRoute({
  method: "post",
  path: "/v1/exports",
  tags: TAGS,
  summary: "Export the organisation's data, or one person's",
  description:
    'Starts building an archive in the background: NDJSON (one JSON object per row, keyed by column) gzip-compressed per table, the media files, and a manifest with each file\'s rows and SHA-256 (README, "Data lifecycle"). Answers 202 at once; poll `GET /v1/exports/{id}`. Secrets (password hashes, platform tokens, signing secrets) are never exported. 404 `user_not_found` / `delegate_not_found` for a subject outside the organisation; 409 `too_many_exports` while 3 are under way. Audited as `export.create` with the scope only. Only a signed-in owner or admin may export.',
  permission: "data:export",
  apiKeys: false,
  // A closing organisation's people take their data with them.
  whileClosing: true,
  request: { body: { required: true, content: { "application/json": { schema: CreateExportBody } } } },
  responses: {
    202: {
      ...json(ExportSchema, "Accepted; the export is queued"),
      headers: { Location: { schema: { type: "string" as const }, description: "The export's resource" } },
    },
    ...errorResponses(404),
  },
});

export const listExportsRoute = authedRoute({
  method: "get",
  path: "/v1/exports",
  tags: TAGS,
  summary: "List the organisation's exports, newest first",
  permission: "data:export",
  apiKeys: false,
  request: { query: ListExportsQuery },
  responses: { 200: json(listResponse(ExportSchema, "ExportList"), "A page") },
});

export const getExportRoute = authedRoute({
  method: "get",
  path: "/v1/exports/{id}",
  tags: TAGS,
  summary: "An export's status and progress, and its download link once completed",
  description:
    "`download_url` is a fresh signed link each time, valid for an hour (`download_expires_at`), to one tar file; it needs no token. The archive itself is kept 7 days (`expires_at`).",
  permission: "data:export",
  apiKeys: false,
  request: { params: IdParams },
  responses: { 200: json(ExportSchema, "The export"), ...errorResponses(404) },
});

const linkOf = (config: Config, row: DataExport) =>
  row.status === "completed" ? signExportLink(config, row) : null;

export function registerExports(app: OpenAPIHono<AppEnv>) {
  app.openapi(createExportRoute, async (c) => {
    const row = await requestExport(c.get("tenant"), c.req.valid("json"));
    c.header("location", `/v1/exports/${row.id}`);
    return c.json(toExport(row, null), 202);
  });
  app.openapi(listExportsRoute, async (c) => {
    const page = await listExports(c.get("tenant"), c.req.valid("query"));
    const config = c.get("config");
    const data = await Promise.all(page.data.map(async (row) => toExport(row, await linkOf(config, row))));
    return c.json({ data, next_cursor: page.next_cursor }, 200);
  });
  app.openapi(getExportRoute, async (c) => {
    const row = await getExport(c.get("tenant"), c.req.valid("param").id);
    return c.json(toExport(row, await linkOf(c.get("config"), row)), 200);
  });
}
