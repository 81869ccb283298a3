/**
 * Approval links, opened by people without an account: see the content, approve or reject once.
 * The token in the path is the only credential (see services/approvals/links.ts).
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { serviceContext } from "../../../middleware/auth.ts";
import { decideByApprovalLink, viewApprovalLink } from "../../../services/approvals/decide.ts";
import { publicRoute } from "../../define.ts";
import { errorResponses, ProblemSchema } from "../../openapi.ts";
import {
  ActionResultSchema,
  LinkDecisionBody,
  LinkViewSchema,
  toActionResult,
  toRequestState,
} from "../approval-requests/schema.ts";

const TokenParams = z.object({
  token: z
    .string()
    .max(4096)
    .openapi({ param: { name: "token", in: "path" }, description: "The token of the link's URL" }),
});

const gone = {
  description: "The link has expired (approval_link_expired)",
  content: { "application/problem+json": { schema: ProblemSchema } },
};

const LINK_ERRORS =
  "404 approval_link_not_found for a link that is not ours or was altered; 410 approval_link_expired once it has expired; 409 approval_link_used once it has been used, approval_request_closed once the request has ended, approval_step_closed once the request has moved past the link's step.";

export const viewApprovalLinkRoute = publicRoute({
  method: "get",
  path: "/v1/approval-links/{token}",
  tags: ["Approvals"],
  summary: "What an approval link shows",
  description: `The content version under review and the step the link decides. ${LINK_ERRORS}`,
  request: { params: TokenParams },
  responses: {
    200: { description: "The content and step", content: { "application/json": { schema: LinkViewSchema } } },
    410: gone,
    ...errorResponses(404, 409),
  },
});

export const decideApprovalLinkRoute = publicRoute({
  method: "post",
  path: "/v1/approval-links/{token}",
  tags: ["Approvals"],
  summary: "Approve or reject through an approval link (once)",
  description: `Counts as one approval of the link's step, or rejects the request (a comment is required then). Audited as the person the link was sent to. ${LINK_ERRORS} 202 when the database did not answer: the decision holds and is written as soon as it does.`,
  request: {
    params: TokenParams,
    body: { required: true, content: { "application/json": { schema: LinkDecisionBody } } },
  },
  responses: {
    200: { description: "Recorded", content: { "application/json": { schema: ActionResultSchema } } },
    202: {
      description: "Recorded; being written",
      content: { "application/json": { schema: ActionResultSchema } },
    },
    410: gone,
    ...errorResponses(404, 409),
  },
});

export function registerApprovalLinks(app: OpenAPIHono<AppEnv>) {
  app.openapi(viewApprovalLinkRoute, async (c) => {
    const {
      claims,
      view,
      content: row,
    } = await viewApprovalLink(serviceContext(c), c.req.valid("param").token);
    return c.json(
      {
        approval_request: toRequestState(view),
        step: { number: view.currentStep, name: view.stepName },
        invited: { name: claims.name, email: claims.email },
        expires_at: new Date(claims.exp * 1000).toISOString(),
        content: {
          id: row.id,
          version: row.version,
          content_type: row.contentType,
          title: row.title,
          caption: row.caption,
          hashtags: row.hashtags,
          media_assets: row.mediaAssets,
          target_platforms: row.targetPlatforms,
          scheduled_for: row.scheduledFor?.toISOString() ?? null,
        },
      },
      200,
    );
  });

  app.openapi(decideApprovalLinkRoute, async (c) => {
    const body = c.req.valid("json");
    const outcome = await decideByApprovalLink(serviceContext(c), c.req.valid("param").token, {
      decision: body.decision,
      comment: body.comment ?? null,
    });
    return c.json(toActionResult(outcome.action, outcome.request), outcome.written ? 200 : 202);
  });
}
