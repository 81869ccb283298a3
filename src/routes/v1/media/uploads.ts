/** /v1/media/uploads: multipart uploads for large files — create, send parts, resume, complete, abort. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { parseContentLength } from "../../../services/media/media.ts";
import { MAX_BYTES } from "../../../services/media/types.ts";
import {
  abortUpload,
  completeUpload,
  createUpload,
  getUpload,
  uploadPart,
} from "../../../services/media/uploads.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import {
  BinarySchema,
  FilenameSchema,
  MediaMimeTypeSchema,
  MediaSchema,
  MediaUploadSchema,
  problem,
  toMedia,
  toMediaUpload,
} from "./schema.ts";

const UploadParams = z.object({
  upload_id: z
    .uuid()
    .openapi({ param: { name: "upload_id", in: "path" }, example: "0d6f0f4e-0000-4000-8000-000000000020" }),
});

const PartParams = UploadParams.extend({
  n: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .openapi({ param: { name: "n", in: "path" }, example: 1, description: "Part number, from 1" }),
});

const CreateUploadBody = z
  .strictObject({
    filename: FilenameSchema,
    content_type: MediaMimeTypeSchema,
    size: z
      .number()
      .int()
      .min(1)
      .max(Math.max(...Object.values(MAX_BYTES)))
      .openapi({ description: "The whole file's size in bytes" }),
  })
  .openapi("CreateMediaUploadRequest", {
    example: { filename: "opening-keynote.mp4", content_type: "video/mp4", size: 157_286_400 },
  });

const state = (description: string) => ({
  description,
  content: { "application/json": { schema: MediaUploadSchema } },
});

const closed = problem(
  "The upload is completed, aborted or expired (`upload_completed`, `upload_aborted`, `upload_expired`)",
);

export const createUploadRoute = authedRoute({
  method: "post",
  path: "/v1/media/uploads",
  tags: ["Media"],
  summary: "Start a multipart upload",
  description:
    "Answers the upload's id, `part_size` and `part_count`. Send parts 1…part_count with `PUT /v1/media/uploads/{upload_id}/parts/{n}`, every part exactly `part_size` bytes except the last (`last_part_size`), in any order, then complete. Uploads expire after 7 days.",
  permission: "media:write",
  request: { body: { required: true, content: { "application/json": { schema: CreateUploadBody } } } },
  responses: {
    201: state("Started"),
    413: problem("Over the type's size limit (`media_too_large`, with `limit_bytes`)"),
  },
});

export const getUploadRoute = authedRoute({
  method: "get",
  path: "/v1/media/uploads/{upload_id}",
  tags: ["Media"],
  summary: "Where a multipart upload stands: the parts that arrived and the ones missing",
  permission: "media:write",
  request: { params: UploadParams },
  responses: { 200: state("The upload"), ...errorResponses(404) },
});

export const uploadPartRoute = authedRoute({
  method: "put",
  path: "/v1/media/uploads/{upload_id}/parts/{n}",
  tags: ["Media"],
  summary: "Send one part (raw bytes, exactly its size); sending a part again replaces it",
  permission: "media:write",
  request: {
    params: PartParams,
    body: { required: true, content: { "application/octet-stream": { schema: BinarySchema } } },
  },
  responses: {
    200: state("Stored; the upload as it now stands"),
    ...errorResponses(404),
    409: closed,
    411: problem("Content-Length is missing (`length_required`)"),
    415: problem(
      "The first part's bytes are not the declared type (`media_type_mismatch`, `unsupported_media_type`)",
    ),
  },
});

export const completeUploadRoute = authedRoute({
  method: "post",
  path: "/v1/media/uploads/{upload_id}/complete",
  tags: ["Media"],
  summary: "Complete a multipart upload: the file becomes a media asset",
  permission: "media:write",
  request: { params: UploadParams },
  responses: {
    201: {
      description: "The media asset; processing is queued",
      headers: { ETag: { schema: { type: "string" as const } } },
      content: { "application/json": { schema: MediaSchema } },
    },
    ...errorResponses(404),
    409: problem("Parts are missing (`upload_incomplete`, with `missing_parts`), or the upload is closed"),
    415: problem("The bytes are not the declared type (`media_type_mismatch`, `unsupported_media_type`)"),
  },
});

export const abortUploadRoute = authedRoute({
  method: "delete",
  path: "/v1/media/uploads/{upload_id}",
  tags: ["Media"],
  summary: "Abort a multipart upload and discard its parts",
  permission: "media:write",
  request: { params: UploadParams },
  responses: { 204: { description: "Aborted" }, ...errorResponses(404), 409: closed },
});

export function registerMediaUploads(app: OpenAPIHono<AppEnv>) {
  app.openapi(createUploadRoute, async (c) => {
    const upload = await createUpload(c.get("tenant"), c.req.valid("json"));
    c.header("location", `/v1/media/uploads/${upload.id}`);
    return c.json(toMediaUpload(upload), 201);
  });
  app.openapi(getUploadRoute, async (c) => {
    const upload = await getUpload(c.get("tenant"), c.req.valid("param").upload_id);
    return c.json(toMediaUpload(upload), 200);
  });
  app.openapi(uploadPartRoute, async (c) => {
    const { upload_id, n } = c.req.valid("param");
    const upload = await uploadPart(c.get("tenant"), upload_id, n, {
      body: c.req.raw.body,
      contentLength: parseContentLength(c.req.header("content-length")),
    });
    return c.json(toMediaUpload(upload), 200);
  });
  app.openapi(completeUploadRoute, async (c) => {
    const asset = await completeUpload(c.get("tenant"), c.req.valid("param").upload_id);
    c.header("etag", etagOf(asset.updatedAt));
    c.header("location", `/v1/media/${asset.id}`);
    return c.json(toMedia(asset), 201);
  });
  app.openapi(abortUploadRoute, async (c) => {
    await abortUpload(c.get("tenant"), c.req.valid("param").upload_id);
    return c.body(null, 204);
  });
}
