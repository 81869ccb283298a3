/** Publishing controls: publish content now, and the event-wide pause switch. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { setPublishingPaused } from "../../../services/publishing/pause.ts";
import { publishNow } from "../../../services/publishing/publish-now.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, IfMatchHeader } from "../common.ts";
import { ContentSchema, toContent } from "../content/schema.ts";
import { PublishedPostSchema, toPublishedPost } from "../published-posts/schema.ts";

const PublishNowSchema = z
  .object({ content: ContentSchema, published_posts: z.array(PublishedPostSchema) })
  .openapi("PublishNowResult");

const PublishingSwitchSchema = z
  .object({
    event_id: z.uuid(),
    publishing_paused: z.boolean(),
    waiting_posts: z
      .int()
      .min(0)
      .openapi({ description: "The event's posts not sent yet (pending or queued)" }),
  })
  .openapi("PublishingSwitch");

export const publishNowRoute = authedRoute({
  method: "post",
  path: "/v1/content/{id}/publish-now",
  tags: ["Publishing"],
  summary: "Publish approved or scheduled content now",
  description:
    "scheduled_for becomes now and the posts (one per target account, written now for approved content) are sent to the publish queue at once. 409 invalid_status_transition unless approved or scheduled; 409 event_publishing_paused while the content's event is paused; 422 platform_rules_failed or no_account_for_platform as scheduling would answer.",
  permission: "publishing:write",
  request: { params: IdParams, headers: IfMatchHeader },
  responses: {
    202: {
      description: "Queued",
      headers: { ETag: { schema: { type: "string" as const }, description: "The content's" } },
      content: { "application/json": { schema: PublishNowSchema } },
    },
    ...errorResponses(404, 412),
  },
});

const switchRoute = (verb: "pause" | "resume") =>
  authedRoute({
    method: "post",
    path: `/v1/events/{id}/publishing/${verb}`,
    tags: ["Publishing"],
    summary: verb === "pause" ? "Pause publishing for the whole event" : "Resume the event's publishing",
    description:
      verb === "pause"
        ? "While paused nothing of the event is sent: due posts wait (pending), and a message already on its way puts its post back. Audited (event.publishing_pause); pausing a paused event changes nothing."
        : "Posts whose time came while paused go out within a minute. Audited (event.publishing_resume).",
    permission: "publishing:write",
    request: { params: IdParams },
    responses: {
      200: { description: "The switch", content: { "application/json": { schema: PublishingSwitchSchema } } },
      ...errorResponses(404),
    },
  });

export const pausePublishingRoute = switchRoute("pause");
export const resumePublishingRoute = switchRoute("resume");

export function registerPublishing(app: OpenAPIHono<AppEnv>) {
  app.openapi(publishNowRoute, async (c) => {
    const result = await publishNow(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("header")["if-match"],
    );
    c.header("etag", etagOf(result.content.updatedAt));
    return c.json(
      { content: toContent(result.content), published_posts: result.posts.map(toPublishedPost) },
      202,
    );
  });
  app.openapi(pausePublishingRoute, async (c) => {
    return c.json(await setPublishingPaused(c.get("tenant"), c.req.valid("param").id, true), 200);
  });
  app.openapi(resumePublishingRoute, async (c) => {
    return c.json(await setPublishingPaused(c.get("tenant"), c.req.valid("param").id, false), 200);
  });
}
