/** /v1/content/{id}/transitions and /validate: moving content through its workflow. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { transitionContent, validateContent } from "../../../services/content/workflow.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, IfMatchHeader } from "../common.ts";
import { one, TransitionBody, toContent, ValidationResultSchema } from "./schema.ts";

const WORKFLOW = `Workflow: draft → in_review; in_review → changes_requested or approved; changes_requested → in_review or draft; approved → scheduled or in_review; scheduled → approved (unschedule); failed → scheduled (retry); any status but publishing → archived. publishing, published, partially_published and failed are set by the publisher. Any other move is 409 invalid_status_transition. On content with approval_required, approving or requesting changes needs content:approve (else 403). Scheduling needs scheduled_for in the future (send it here, or set it before) and every target platform's rules to pass, else 422 platform_rules_failed with the failures (as POST /v1/content/{id}/validate reports them).`;

export const transitionContentRoute = authedRoute({
  method: "post",
  path: "/v1/content/{id}/transitions",
  tags: ["Content"],
  summary: "Move content to another workflow status",
  description: WORKFLOW,
  permission: "content:write",
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: TransitionBody } } },
  },
  responses: { 200: one("The content in its new status"), ...errorResponses(404, 409, 412, 422) },
});

export const validateContentRoute = authedRoute({
  method: "post",
  path: "/v1/content/{id}/validate",
  tags: ["Content"],
  summary: "Check the content against its target platforms' rules (changes nothing)",
  description:
    "Answers what scheduling would check now: scheduled_for in the future, and for each target platform the caption length as that platform counts it (X weighted, Bluesky graphemes…), hashtag, mention and link counts, and the number, types, sizes and shapes of the media.",
  permission: "content:read",
  request: { params: IdParams },
  responses: {
    200: { description: "The verdict", content: { "application/json": { schema: ValidationResultSchema } } },
    ...errorResponses(404),
  },
});

export function registerContentWorkflow(app: OpenAPIHono<AppEnv>) {
  app.openapi(transitionContentRoute, async (c) => {
    const row = await transitionContent(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
    );
    c.header("etag", etagOf(row.updatedAt));
    return c.json(toContent(row), 200);
  });
  app.openapi(validateContentRoute, async (c) => {
    return c.json(await validateContent(c.get("tenant"), c.req.valid("param").id), 200);
  });
}
