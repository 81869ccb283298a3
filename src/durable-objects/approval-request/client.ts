/** The approval request objects as callers use them: one per request, named by its id. */
import type { Bindings } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { ApprovalRequest, Reply } from "./object.ts";

export function approvalRequestObject(
  env: Pick<Bindings, "APPROVAL_REQUEST">,
  requestId: string,
): DurableObjectStub<ApprovalRequest> {
  return env.APPROVAL_REQUEST.get(env.APPROVAL_REQUEST.idFromName(requestId));
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  410: "Gone",
  503: "Service unavailable",
};

/** The value of a reply, or its problem thrown as the AppError it was in the object. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  const { status, code, detail, extras } = reply.problem;
  throw new AppError(status, code, TITLES[status] ?? "Error", detail, extras);
}
