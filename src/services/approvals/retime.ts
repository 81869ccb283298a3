/**
 * When the publish time of content under review moves (its session or phase moved, see
 * services/sessions/follow.ts): the request now expires at the new time, and the current step's
 * deadline moves with it when it counts back from the publish time. The move writes both to Postgres
 * in its own transaction; the request's Durable Object re-reads the time afterwards, so its clock
 * (reminder, escalation, expiry) follows too, whatever order two quick moves arrive in.
 */
import { eq } from "drizzle-orm";
import { content } from "../../db/schema/content.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import type { ApprovalWrite, RequestState } from "./request-state.ts";
import { remindAt, stepAt, stepDueAt } from "./steps.ts";

/** The content's publish time as Postgres holds it now: one round trip. */
export async function publishTimeOf(ctx: TenantContext, contentId: string): Promise<Date | null> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({ scheduledFor: content.scheduledFor })
      .from(content)
      .where(ownedBy(ctx, content.organizationId, eq(content.id, contentId))),
  }));
  return rows[0]?.scheduledFor ?? null;
}

/**
 * The request with its expiry at `publishAt` and, when the current step's deadline counts back from
 * the publish time, that deadline moved too (its reminder is due again if it now lies ahead). An
 * escalation that happened stays. A request that is not pending, or content without a time, is left.
 */
export function retimed(state: RequestState, publishAt: Date | null, now: Date): RequestState {
  if (state.status !== "pending" || !publishAt) return state;
  const step = stepAt(state.steps, state.currentStep);
  const fromPublish = step.deadline !== undefined && "beforePublishHours" in step.deadline;
  const due = fromPublish
    ? stepDueAt(step, now, publishAt)
    : state.stepDueAt
      ? new Date(state.stepDueAt)
      : null;
  const stepDue = due?.toISOString() ?? null;
  const remind = remindAt(step, due);
  return {
    ...state,
    expiresAt: publishAt.toISOString(),
    stepDueAt: stepDue,
    reminded: stepDue !== state.stepDueAt && remind !== null && remind > now ? false : state.reminded,
  };
}

/** A write not yet in Postgres carries the step's deadline as the retimed request has it. */
export function retimedWrite(write: ApprovalWrite, state: RequestState): ApprovalWrite {
  if (write.request.currentStep !== state.currentStep || write.request.status !== "pending") return write;
  return { ...write, request: { ...write.request, stepDueAt: state.stepDueAt } };
}
