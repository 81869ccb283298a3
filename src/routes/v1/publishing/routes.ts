/** Publishing controls: publish content now, the event-wide pause switch, and pauses of an event, a platform or an account. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import {
  liftPause,
  listPauses,
  type PauseInput,
  pausePublishing,
  setPublishingPaused,
} from "../../../services/publishing/pause.ts";
import { publishNow } from "../../../services/publishing/publish-now.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses, ProblemSchema } from "../../openapi.ts";
import { IdParams, IfMatchHeader } from "../common.ts";
import { ContentSchema, toContent } from "../content/schema.ts";
import { PublishedPostSchema, toPublishedPost } from "../published-posts/schema.ts";
import {
  PauseListSchema,
  PauseParams,
  PauseRequestSchema,
  PauseResultSchema,
  PublishingPauseSchema,
} from "./schema.ts";

const PublishNowSchema = z
  .object({ content: ContentSchema, published_posts: z.array(PublishedPostSchema) })
  .openapi("PublishNowResult");

const PublishNowConflictSchema = ProblemSchema.extend({
  embargo_lifts_at: z.iso.datetime().optional().openapi({
    description: "With content_embargoed: when the embargo (the content's own or a media asset's) lifts",
  }),
}).openapi("PublishNowConflict");

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
    "scheduled_for becomes now and the posts (one per target account, written now for approved content) are sent to the publish queue at once. 409 invalid_status_transition unless approved or scheduled; 409 event_publishing_paused while the content's event is paused; 409 content_embargoed (with embargo_lifts_at) before the content's embargo, or one of its media's, lifts (scheduling stays allowed: the posts wait for the lift); 422 platform_rules_failed or no_account_for_platform as scheduling would answer; 422 protocol_check_failed when the organisation blocks on protocol findings.",
  permission: "publishing:write",
  request: { params: IdParams, headers: IfMatchHeader },
  responses: {
    202: {
      description: "Queued",
      headers: { ETag: { schema: { type: "string" as const }, description: "The content's" } },
      content: { "application/json": { schema: PublishNowSchema } },
    },
    ...errorResponses(404, 412),
    409: {
      description:
        "Not publishable now: invalid_status_transition, event_publishing_paused, content_embargoed (with embargo_lifts_at), edit_conflict",
      content: { "application/problem+json": { schema: PublishNowConflictSchema } },
    },
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
        ? "An event-wide pause without expiry (POST /v1/events/{id}/publishing/pauses for one that expires, or for a platform or an account). While paused nothing of the event is sent: due posts wait (pending), and a message already on its way puts its post back. Audited (event.publishing_pause); pausing a paused event changes nothing."
        : "Lifts the event-wide pauses in force (a platform's or an account's stay). Posts whose time came while paused go out within a minute. Audited (event.publishing_resume).",
    permission: "publishing:write",
    request: { params: IdParams },
    responses: {
      200: { description: "The switch", content: { "application/json": { schema: PublishingSwitchSchema } } },
      ...errorResponses(404),
    },
  });

export const pausePublishingRoute = switchRoute("pause");
export const resumePublishingRoute = switchRoute("resume");

const HOLDS =
  "A pause holds while its `until` is ahead (or it has none): the every-minute cron skips what it holds, and a message already queued puts its post back to pending. At `until` it simply stops holding and posts whose time passed go out within a minute.";

export const createPauseRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/publishing/pauses",
  tags: ["Publishing"],
  summary: "Pause the event, one platform or one account, optionally until a time",
  description: `No platform and no account: the whole event. \`platform\`: only that platform's posts of the event; \`social_account_id\`: only those through that account. ${HOLDS} A pause of the same target already in force is replaced (201); asking for the same one again changes nothing (200). The answer names the waiting posts it holds. Audited (event.publishing_pause). 404 event_not_found, social_account_not_found; 400 one_target (both a platform and an account), in_the_past (\`until\`).`,
  permission: "publishing:write",
  request: {
    params: IdParams,
    body: { content: { "application/json": { schema: PauseRequestSchema } }, required: true },
  },
  responses: {
    201: { description: "Paused", content: { "application/json": { schema: PauseResultSchema } } },
    200: {
      description: "The same pause was already in force",
      content: { "application/json": { schema: PauseResultSchema } },
    },
    ...errorResponses(404),
  },
});

export const listPausesRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/publishing/pauses",
  tags: ["Publishing"],
  summary: "The event's pauses in force",
  description: `Those lifting last first (no \`until\` first). ${HOLDS}`,
  permission: "events:read",
  request: { params: IdParams },
  responses: {
    200: { description: "The pauses", content: { "application/json": { schema: PauseListSchema } } },
    ...errorResponses(404),
  },
});

export const liftPauseRoute = authedRoute({
  method: "delete",
  path: "/v1/events/{id}/publishing/pauses/{pause_id}",
  tags: ["Publishing"],
  summary: "Lift a pause now",
  description:
    "Its `until` becomes now (it stays in the audit trail, event.publishing_resume); what it held goes out within a minute unless another pause holds it. Lifting a pause that no longer holds changes nothing. 404 pause_not_found.",
  permission: "publishing:write",
  request: { params: PauseParams },
  responses: {
    200: {
      description: "The lifted pause",
      content: { "application/json": { schema: PublishingPauseSchema } },
    },
    ...errorResponses(404),
  },
});

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
  app.openapi(createPauseRoute, async (c) => {
    const body = c.req.valid("json");
    const input: PauseInput = {
      ...(body.platform ? { platform: body.platform } : {}),
      ...(body.social_account_id ? { socialAccountId: body.social_account_id } : {}),
      ...(body.until ? { until: new Date(body.until) } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
    };
    const { pause, heldPosts, created } = await pausePublishing(
      c.get("tenant"),
      c.req.valid("param").id,
      input,
    );
    return c.json({ ...pause, held_posts: heldPosts }, created ? 201 : 200);
  });
  app.openapi(listPausesRoute, async (c) => {
    return c.json({ data: await listPauses(c.get("tenant"), c.req.valid("param").id) }, 200);
  });
  app.openapi(liftPauseRoute, async (c) => {
    const { id, pause_id } = c.req.valid("param");
    return c.json(await liftPause(c.get("tenant"), id, pause_id), 200);
  });
}
