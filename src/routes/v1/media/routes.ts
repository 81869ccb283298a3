/**
 * /v1/media: upload (raw bytes, streamed to R2), list, read, set the embargo, download (ranges,
 * If-None-Match), delete (soft, refused while content uses the file) and restore. Multipart uploads:
 * ./uploads.ts.
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { AppError, titleOf } from "../../../errors.ts";
import { problemResponse } from "../../../middleware/problem.ts";
import { etagOf } from "../../../services/conditional.ts";
import { updateMediaEmbargo } from "../../../services/media/embargo.ts";
import {
  deleteMedia,
  getMedia,
  listMedia,
  openMediaContent,
  parseContentLength,
  restoreMedia,
  uploadMedia,
} from "../../../services/media/media.ts";
import { GENERIC_TYPE, MEDIA_MIME_TYPES } from "../../../services/media/types.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, withEtag } from "../common.ts";
import { registerLifecycle } from "../lifecycle.ts";
import {
  BinarySchema,
  EmbargoFields,
  FilenameSchema,
  MediaFileTypeSchema,
  MediaSchema,
  problem,
  toMedia,
} from "./schema.ts";

/** How long a client may keep downloaded bytes: the bytes behind an id never change. */
const CACHE_CONTROL = "private, max-age=3600";

/** What the ETag of an asset's metadata (not of its bytes) says. */
const METADATA_ETAG = "The metadata's version";

const EMBARGO =
  "An embargo (embargo_until, embargo_session_id, or both: the later wins) keeps the file off every public page, and holds every post of content that uses it, until it lifts (embargo_lifts_at); a session must be a live one of the organisation (else 404 event_session_not_found).";

const UpdateMediaBody = z
  .strictObject({
    embargo_until: EmbargoFields.embargo_until.optional(),
    embargo_session_id: EmbargoFields.embargo_session_id.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .openapi("UpdateMediaRequest", {
    minProperties: 1,
    example: { embargo_until: "2027-03-10T09:00:00+03:00" },
  });

export const uploadResponses = {
  411: problem("Content-Length is missing (`length_required`)"),
  413: problem("Over the type's size limit or the one-request limit (`media_too_large`, with `limit_bytes`)"),
  415: problem(
    "The bytes are not a supported format (`unsupported_media_type`) or not the claimed one (`media_type_mismatch`)",
  ),
};

export const uploadMediaRoute = authedRoute({
  method: "post",
  path: "/v1/media",
  tags: ["Media"],
  summary: "Upload a file (raw bytes in the body)",
  description: [
    "Send the file's bytes as the body (not multipart/form-data) with `Content-Length`, its `Content-Type`",
    "(or `application/octet-stream` to let the server decide) and its name in `?filename=`. The server",
    "decides the type from the bytes: a claim that disagrees is 415 `media_type_mismatch`, a format it",
    "does not take is 415 `unsupported_media_type`; nothing of a refused file is kept.",
    "Limits: images 20 MiB, PDF 50 MiB, video 512 MiB; one request at most 100 MB, larger files go",
    "through `POST /v1/media/uploads`. The asset starts `pending` and is processed from a queue.",
    "`embargo_until` / `embargo_session_id` start it under embargo.",
    EMBARGO,
  ].join(" "),
  permission: "media:write",
  request: {
    query: z.object({
      filename: FilenameSchema,
      embargo_until: EmbargoFields.embargo_until.unwrap().optional(),
      embargo_session_id: EmbargoFields.embargo_session_id.unwrap().optional(),
    }),
    body: {
      required: true,
      content: Object.fromEntries(
        [...MEDIA_MIME_TYPES, GENERIC_TYPE].map((type) => [type, { schema: BinarySchema }]),
      ),
    },
  },
  responses: {
    201: withEtag(MediaSchema, "Stored; processing is queued", METADATA_ETAG),
    ...errorResponses(404),
    ...uploadResponses,
  },
});

export const listMediaRoute = authedRoute({
  method: "get",
  path: "/v1/media",
  tags: ["Media"],
  summary: "List media, newest first",
  permission: "media:read",
  request: {
    query: PaginationQuery.extend({
      file_type: MediaFileTypeSchema.optional(),
      q: z.string().min(1).max(100).optional().openapi({ description: "Filename starts with" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(MediaSchema, "MediaList") } },
    },
  },
});

const byteHeaders = {
  ETag: { schema: { type: "string" as const }, description: "R2's etag of the bytes" },
  "Cache-Control": { schema: { type: "string" as const } },
  "Accept-Ranges": { schema: { type: "string" as const } },
};

export const getMediaContentRoute = authedRoute({
  method: "get",
  path: "/v1/media/{id}/content",
  tags: ["Media"],
  summary: "Download the bytes (supports Range and If-None-Match)",
  permission: "media:read",
  request: {
    params: IdParams,
    headers: z.object({
      range: z.string().optional().openapi({ description: "One range: bytes=a-b, bytes=a- or bytes=-n" }),
      "if-none-match": z.string().optional().openapi({ description: "An ETag you have: 304 if unchanged" }),
    }),
  },
  responses: {
    200: { description: "The file", headers: byteHeaders, content: { "*/*": { schema: BinarySchema } } },
    206: {
      description: "The requested range (Content-Range says which)",
      headers: { ...byteHeaders, "Content-Range": { schema: { type: "string" as const } } },
      content: { "*/*": { schema: BinarySchema } },
    },
    304: { description: "Not modified (If-None-Match matched)" },
    416: problem("The range starts past the end (`range_not_satisfiable`); Content-Range: bytes */size"),
    ...errorResponses(404),
  },
});

/** `inline; filename="…"; filename*=UTF-8''…` (RFC 6266), safe for any name. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerMedia(app: OpenAPIHono<AppEnv>) {
  app.openapi(uploadMediaRoute, async (c) => {
    const { filename, ...embargo } = c.req.valid("query");
    const asset = await uploadMedia(c.get("tenant"), {
      body: c.req.raw.body,
      contentLength: parseContentLength(c.req.header("content-length")),
      contentType: c.req.header("content-type"),
      filename,
      embargo,
    });
    c.header("etag", etagOf(asset.updatedAt));
    c.header("location", `/v1/media/${asset.id}`);
    return c.json(toMedia(asset), 201);
  });
  app.openapi(listMediaRoute, async (c) => {
    const page = await listMedia(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toMedia), next_cursor: page.next_cursor }, 200);
  });
  registerLifecycle(app, {
    path: "/v1/media/{id}",
    params: IdParams,
    tag: "Media",
    noun: "a media asset",
    permissions: { read: "media:read", write: "media:write" },
    schema: MediaSchema,
    toWire: toMedia,
    etag: METADATA_ETAG,
    get: (ctx, { id }) => getMedia(ctx, id),
    update: {
      body: UpdateMediaBody,
      run: (ctx, { id }, body, ifMatch) => updateMediaEmbargo(ctx, id, body, ifMatch),
    },
    delete: (ctx, { id }) => deleteMedia(ctx, id),
    restore: (ctx, { id }) => restoreMedia(ctx, id),
    docs: {
      get: { summary: "Read a media asset's metadata" },
      update: {
        summary: "Set, move or lift a media asset's embargo (send If-Match to refuse stale edits)",
        description: `${EMBARGO} An asset already shown on an event's public pages leaves them at once.`,
      },
      delete: {
        summary: "Delete a media asset (restorable); refused while content uses it",
        responses: { 409: problem("Live content uses the asset (`media_in_use`, with `content_ids`)") },
      },
    },
  });
  app.openapi(getMediaContentRoute, async (c) => {
    const headers = c.req.valid("header");
    const found = await openMediaContent(c.get("tenant"), c.req.valid("param").id, {
      range: headers.range,
      ifNoneMatch: headers["if-none-match"],
    });
    const { asset } = found;
    c.header("cache-control", CACHE_CONTROL);
    c.header("accept-ranges", "bytes");
    if (found.kind === "unsatisfiable") {
      const response = problemResponse(
        c,
        new AppError(416, "range_not_satisfiable", titleOf(416), `The file has ${asset.fileSize} bytes.`),
      );
      response.headers.set("content-range", `bytes */${asset.fileSize}`);
      return response;
    }
    if (found.kind === "not_modified") {
      c.header("etag", found.etag);
      return c.body(null, 304);
    }
    const { object } = found;
    c.header("etag", object.httpEtag);
    c.header("content-type", asset.mimeType);
    c.header("content-disposition", contentDisposition(asset.filename));
    c.header("x-content-type-options", "nosniff");
    if (found.kind === "partial") {
      const { start, end } = found.range;
      c.header("content-range", `bytes ${start}-${end}/${asset.fileSize}`);
      c.header("content-length", String(end - start + 1));
      return c.body(object.body, 206);
    }
    c.header("content-length", String(object.size));
    return c.body(object.body, 200);
  });
}
