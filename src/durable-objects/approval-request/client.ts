/** The approval request objects as callers use them: one per request, named by its id. */
import type { Bindings } from "../../env.ts";
import { AppError, titleOf } from "../../errors.ts";
import type { ApprovalRequest, Reply } from "./object.ts";

export function approvalRequestObject(
  env: Pick<Bindings, "APPROVAL_REQUEST">,
  requestId: string,
): DurableObjectStub<ApprovalRequest> {
  return env.APPROVAL_REQUEST.get(env.APPROVAL_REQUEST.idFromName(requestId));
}

/** The value of a reply, or its problem thrown as the AppError it was in the object. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  const { status, code, detail, extras } = reply.problem;
  throw new AppError(status, code, titleOf(status), detail, extras);
}
