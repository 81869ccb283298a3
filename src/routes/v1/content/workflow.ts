/** /v1/content/{id}/transitions and /validate: moving content through its workflow. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { transitionContent, validateContent } from "../../../services/content/workflow.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, IfMatchHeader } from "../common.ts";
import { one, TransitionBody, toContent, ValidationResultSchema } from "./schema.ts";

const WORKFLOW = `Workflow: draft → in_review; in_review → changes_requested, approved or draft (withdrawn); changes_requested → in_review or draft; approved → scheduled or in_review; scheduled → approved (unschedule); failed → scheduled (retry); failed or partially_published → publishing (a post retried); any status but publishing → archived. publishing, published, partially_published and failed are set by the publisher. Any other move is 409 invalid_status_transition. Content with approval_required is reviewed only through an approval request (POST /v1/content/{id}/approval-requests): sending it to review or deciding it here is 409 approval_request_required, and while a request is pending any move is 409 approval_request_pending. Scheduling needs scheduled_for in the future (send it here, or set it before) and every target platform's rules to pass, else 422 platform_rules_failed with the failures (as POST /v1/content/{id}/validate reports them); it writes one published post per target account (422 no_account_for_platform when a platform has none). When the organisation's protocol_checks setting is block, moving content into review or scheduling it is 422 protocol_check_failed (listing the findings) while it has a protocol finding of severity error. Unscheduling or archiving cancels the posts that have not gone out.`;

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
    "Answers what scheduling would check now: scheduled_for in the future, and for each target platform the caption length as that platform counts it (X weighted, Bluesky graphemes…), hashtag, mention and link counts, and the number, types, sizes and shapes of the media. protocol_findings are the protocol checks for the VIP delegates the text names (VIPs of the content's event, or of every event without one): protocol_title_missing (the recorded title is not before the first full mention), protocol_handle_missing (auto_tag is set and the handle for an X, Bluesky, Threads or Instagram target is not tagged), protocol_precedence (ranked delegates named out of the order of precedence), all severity error; protocol_name_mismatch (a name one letter off, or the title with the surname alone), severity warning. Under the organisation's protocol_checks: block, an error finding makes ok false.",
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
