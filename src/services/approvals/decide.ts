/**
 * The approval verbs that go through a request's Durable Object (one per request, so two approvers
 * acting at once can never both advance a step): starting it after submission, acting as a signed-in
 * user, issuing an outside approver's link, and viewing or deciding through that link. Routes call
 * these; none of them reaches the object, claims an idempotency key or signs a link itself.
 */
import { approvalRequestObject, unwrap } from "../../durable-objects/approval-request/client.ts";
import type { ActOutcome } from "../../durable-objects/approval-request/object.ts";
import type { Logger } from "../../platform/logger.ts";
import type { ServiceContext, TenantContext } from "../context.ts";
import {
  approvalLinkUrl,
  type LinkClaims,
  readApprovalLink,
  readLinkedContent,
  recordLinkIssued,
  signApprovalLink,
} from "./links.ts";
import type { ActInput, RequestView } from "./request-state.ts";
import { claimIdempotencyKey } from "./requests.ts";
import { type SubmitInput, submitForApproval } from "./submit.ts";

const addressOf = (ctx: Pick<TenantContext, "organizationId">, requestId: string) => ({
  requestId,
  organizationId: ctx.organizationId,
});

function userActor(ctx: TenantContext) {
  const { actor } = ctx;
  if (actor.type !== "user") throw new Error("approval actions need a signed-in user");
  return {
    type: "user" as const,
    userId: actor.userId,
    role: actor.role,
    canApprove: actor.permissions.has("content:approve"),
  };
}

/**
 * Submits content for approval, then starts the request's object. The submission is committed
 * first: an object that did not start loads itself from Postgres on first use, so a failed start is
 * logged, not an error.
 */
export async function submitAndStart(
  ctx: TenantContext,
  contentId: string,
  input: SubmitInput,
  logger: Logger,
) {
  const submitted = await submitForApproval(ctx, contentId, input);
  const { requestId } = submitted.state;
  try {
    unwrap(await approvalRequestObject(ctx.config, requestId).start(submitted.state));
  } catch (error) {
    logger.warn("approval request object not started", {
      approval_request_id: requestId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return submitted;
}

/**
 * Tells the objects of these requests that their content's publish time moved (services/sessions),
 * after the move committed. Postgres already holds the new times; an object that cannot be reached
 * is logged (its own clock keeps the old times until a later move reaches it).
 */
export async function retimeApprovalRequests(
  ctx: TenantContext,
  requestIds: readonly string[],
  logger: Logger,
): Promise<void> {
  const results = await Promise.allSettled(
    requestIds.map(async (requestId) =>
      unwrap(await approvalRequestObject(ctx.config, requestId).retime(addressOf(ctx, requestId))),
    ),
  );
  for (const [index, result] of results.entries()) {
    if (result.status === "rejected") {
      logger.warn("approval request object not retimed", {
        approval_request_id: requestIds[index],
        error: result.reason instanceof Error ? result.reason.message : String(result.reason),
      });
    }
  }
}

/** A signed-in approver's action. The Idempotency-Key is claimed first, so a retry never acts twice. */
export async function actOnApprovalRequest(
  ctx: TenantContext,
  requestId: string,
  input: Pick<ActInput, "action" | "comment">,
): Promise<ActOutcome> {
  await claimIdempotencyKey(ctx);
  return unwrap(
    await approvalRequestObject(ctx.config, requestId).act(addressOf(ctx, requestId), {
      ...input,
      actor: userActor(ctx),
      facts: ctx.request,
    }),
  );
}

/** A single-use link for someone without an account to decide the current step; the URL is shown once. */
export async function issueApprovalLink(
  ctx: TenantContext,
  requestId: string,
  invitee: { name: string; email: string; expiresInHours: number },
): Promise<{ url: string; expiresAt: Date; view: RequestView }> {
  const view = unwrap(
    await approvalRequestObject(ctx.config, requestId).authorizeLink(
      addressOf(ctx, requestId),
      userActor(ctx),
    ),
  );
  const { token, claims } = await signApprovalLink(
    ctx.config,
    {
      requestId,
      organizationId: ctx.organizationId,
      step: view.currentStep,
      name: invitee.name,
      email: invitee.email,
    },
    invitee.expiresInHours * 3600,
  );
  await recordLinkIssued(ctx, claims);
  return { url: approvalLinkUrl(ctx.config, token), expiresAt: new Date(claims.exp * 1000), view };
}

/** The organisation and actor of a link: the person it was sent to. */
function linkContext(ctx: ServiceContext, claims: LinkClaims): TenantContext {
  return {
    ...ctx,
    organizationId: claims.organizationId,
    actor: { type: "external", name: claims.name, email: claims.email },
  };
}

const grantOf = (claims: LinkClaims) => ({ jti: claims.jti, step: claims.step, exp: claims.exp });

/** What an outside approver sees through their link: the request, its step and the content. */
export async function viewApprovalLink(ctx: ServiceContext, token: string) {
  const claims = await readApprovalLink(ctx.config, token);
  const view = unwrap(
    await approvalRequestObject(ctx.config, claims.requestId).checkLink(
      addressOf(claims, claims.requestId),
      grantOf(claims),
    ),
  );
  const content = await readLinkedContent(linkContext(ctx, claims), claims.requestId);
  return { claims, view, content };
}

/** An outside approver's decision through their link (single use). */
export async function decideByApprovalLink(
  ctx: ServiceContext,
  token: string,
  input: { decision: ActInput["action"]; comment: string | null },
): Promise<ActOutcome> {
  const claims = await readApprovalLink(ctx.config, token);
  return unwrap(
    await approvalRequestObject(ctx.config, claims.requestId).act(addressOf(claims, claims.requestId), {
      action: input.decision,
      actor: { type: "external", name: claims.name, email: claims.email },
      comment: input.comment,
      facts: ctx.request,
      link: grantOf(claims),
    }),
  );
}
