/** /v1/published-posts: what went (or is going) out to each account, every attempt, retry and delete. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import {
  deletePublishedPost,
  getPublishedPost,
  listPublishedPosts,
  PUBLISHED_POST_SORTS,
  retryPublishedPost,
} from "../../../services/publishing/published-posts.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, PlatformSchema } from "../common.ts";
import {
  PublishedPostDetailSchema,
  PublishedPostSchema,
  PublishStatusSchema,
  toPublishAttempt,
  toPublishedPost,
} from "./schema.ts";

export const listPublishedPostsRoute = authedRoute({
  method: "get",
  path: "/v1/published-posts",
  tags: ["Publishing"],
  summary: "List published posts (one per content and account)",
  permission: "content:read",
  request: {
    query: PaginationQuery.extend({
      content_id: z.uuid().optional(),
      status: PublishStatusSchema.optional().openapi({ description: "Posts whose publish_status is this" }),
      platform: PlatformSchema.optional(),
      social_account_id: z.uuid().optional(),
      sort: z
        .enum(PUBLISHED_POST_SORTS)
        .optional()
        .openapi({ description: "A field; a leading - sorts descending (default -created_at)" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(PublishedPostSchema, "PublishedPostList") } },
    },
  },
});

export const getPublishedPostRoute = authedRoute({
  method: "get",
  path: "/v1/published-posts/{id}",
  tags: ["Publishing"],
  summary: "Read a published post with every attempt (why it failed)",
  permission: "content:read",
  request: { params: IdParams },
  responses: {
    200: {
      description: "The post and its attempts, oldest first",
      content: { "application/json": { schema: PublishedPostDetailSchema } },
    },
    ...errorResponses(404),
  },
});

export const retryPublishedPostRoute = authedRoute({
  method: "post",
  path: "/v1/published-posts/{id}/retry",
  tags: ["Publishing"],
  summary: "Send a failed post again (never twice: an uncertain earlier attempt is checked first)",
  description:
    "Only a failed post (else 409 post_not_failed). It is queued and sent at once; its content is publishing again. If an earlier attempt's outcome was uncertain, the platform is asked whether the post exists before anything is sent, so a retry cannot duplicate it.",
  permission: "publishing:write",
  request: { params: IdParams },
  responses: {
    202: { description: "Queued", content: { "application/json": { schema: PublishedPostSchema } } },
    ...errorResponses(404),
  },
});

export const deletePublishedPostRoute = authedRoute({
  method: "delete",
  path: "/v1/published-posts/{id}",
  tags: ["Publishing"],
  summary: "Delete a post from its platform (or cancel it before it goes out)",
  description:
    "A published post is deleted on the platform, then marked deleted; one not sent yet (pending, queued, failed) is cancelled. 409 post_publishing while it is being sent; 422 platform_refused when the platform does not allow it (Instagram has no delete), with its message; 502 platform_unavailable when the platform did not answer.",
  permission: "publishing:write",
  request: { params: IdParams },
  responses: { 204: { description: "Deleted (or cancelled)" }, ...errorResponses(404, 409, 422) },
});

export function registerPublishedPosts(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPublishedPostsRoute, async (c) => {
    const page = await listPublishedPosts(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toPublishedPost), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(getPublishedPostRoute, async (c) => {
    const { post, attempts } = await getPublishedPost(c.get("tenant"), c.req.valid("param").id);
    return c.json({ ...toPublishedPost(post), attempts: attempts.map(toPublishAttempt) }, 200);
  });
  app.openapi(retryPublishedPostRoute, async (c) => {
    const post = await retryPublishedPost(c.get("tenant"), c.req.valid("param").id);
    return c.json(toPublishedPost(post), 202);
  });
  app.openapi(deletePublishedPostRoute, async (c) => {
    await deletePublishedPost(c.get("tenant"), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
