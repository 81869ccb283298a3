/**
 * The Durable Object's write-through: what one approval action changes in Postgres, as statements for
 * one batch (one round trip, one transaction). Replaying a write is harmless, however often the object
 * retries it: the action row is keyed by the id the object chose (`on conflict do nothing`), and every
 * other statement runs only if THIS transaction inserted that row. Notifications carry a dedupe key
 * derived from the action id as a second wall.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import { approvalActions } from "../../db/schema/approval-actions.ts";
import { approvalRequests } from "../../db/schema/approval-requests.ts";
import { content } from "../../db/schema/content.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { auditEntry } from "../audit/record.ts";
import { liveContent } from "../content/store.ts";
import type { Actor, ServiceContext, TenantContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { approvalEvents } from "../webhooks/events.ts";
import type { ApprovalActor, ApprovalWrite, Notice } from "./request-state.ts";

/** The most actions one batch carries; a longer backlog goes in several. */
export const MAX_WRITES_PER_BATCH = 25;

/** `exists` the row `id` of `table`, written by the current transaction. */
export function writtenHere(table: string, id: string): SQL {
  return sql`exists (select 1 from ${sql.identifier(table)} where id = ${id} and xmin = pg_current_xact_id()::xid)`;
}

/** The service-layer actor of a recorded approval actor (a user's permissions play no part here). */
function actorOf(actor: ApprovalActor): Actor {
  if (actor.type === "user") {
    return { type: "user", userId: actor.userId, role: actor.role, permissions: new Set() };
  }
  return actor;
}

/**
 * The users a notice reaches: named by id or holding one of the roles, minus the excluded, and only
 * if `guard` holds (the write is happening for real in this transaction).
 */
export function recipientsOf(
  ctx: Pick<TenantContext, "organizationId">,
  recipients: Notice["recipients"],
  guard: SQL,
): SQL {
  return sql`select r.id from users r
    where r.organization_id = ${ctx.organizationId}
      and (r.role = any(${sql.param(recipients.roles ?? [])}::text[])
           or r.id = any(${sql.param(recipients.userIds ?? [])}::uuid[]))
      and not (r.id = any(${sql.param(recipients.exclude ?? [])}::uuid[]))
      and ${guard}`;
}

/** The notification's common fields: where it leads and what it is about. */
export function noticeSpec(
  notice: Notice,
  about: { requestId: string; contentId: string; step: number },
  dedupeKey: string,
) {
  return {
    type: notice.type,
    title: notice.title,
    message: notice.message,
    link: `/v1/approval-requests/${about.requestId}`,
    data: { approval_request_id: about.requestId, content_id: about.contentId, step: about.step },
    dedupeKey,
  };
}

/** The statements of one action's write, for the caller's batch. */
export function writeStatements(
  base: Omit<TenantContext, "actor" | "request">,
  db: Database,
  write: ApprovalWrite,
) {
  const ctx: TenantContext = { ...base, actor: actorOf(write.actor), request: write.facts };
  const at = new Date(write.at);
  const landed = writtenHere("approval_actions", write.actionId);
  return reading({
    action: db
      .insert(approvalActions)
      .values({
        id: write.actionId,
        organizationId: ctx.organizationId,
        approvalRequestId: write.requestId,
        stepNumber: write.step,
        action: write.action,
        actionedBy: write.actor.type === "user" ? write.actor.userId : null,
        comment: write.comment,
        externalActorName: write.actor.type === "external" ? write.actor.name : null,
        externalActorEmail: write.actor.type === "external" ? write.actor.email : null,
        actionedAt: at,
      })
      .onConflictDoNothing({ target: approvalActions.id }),
    request: db
      .update(approvalRequests)
      .set({
        status: write.request.status,
        currentStep: write.request.currentStep,
        stepDueAt: write.request.stepDueAt ? new Date(write.request.stepDueAt) : null,
        resolvedAt: write.request.resolvedAt ? new Date(write.request.resolvedAt) : null,
      })
      .where(
        and(ownedBy(ctx, approvalRequests.organizationId, eq(approvalRequests.id, write.requestId)), landed),
      ),
    audit: auditEntry(ctx, db, {
      action: `approval_request.${write.action}`,
      entityType: "approval_request",
      entityId: write.requestId,
      changes: write.changes,
      guard: approvalRequests,
    }),
    content: write.contentTo
      ? db
          .update(content)
          .set({ workflowStatus: write.contentTo, updatedAt: at })
          .where(and(liveContent(ctx, write.contentId), eq(content.workflowStatus, "in_review"), landed))
      : undefined,
    contentAudit: write.contentTo
      ? auditEntry(ctx, db, {
          action: "content.status_change",
          entityType: "content",
          entityId: write.contentId,
          changes: {
            workflow_status: { from: "in_review", to: write.contentTo },
            approval_request_id: write.requestId,
          },
          guard: content,
        })
      : undefined,
    notices: write.notices.map((notice, index) => {
      const key = `approval:${write.actionId}${index ? `:${index}` : ""}`;
      return notify(ctx, db, recipientsOf(ctx, notice.recipients, landed), noticeSpec(notice, write, key));
    }),
    webhooks: approvalEvents(
      ctx,
      db,
      {
        requestId: write.requestId,
        contentId: write.contentId,
        action: write.action,
        status: write.request.status,
        step: write.step,
        currentStep: write.request.currentStep,
        decidedBy: write.actor.type === "user" ? write.actor.userId : null,
        comment: write.comment,
      },
      landed,
    ),
  });
}

/** Writes the actions, in order, in one batch. Throws when Postgres does not take it (nothing lands). */
export async function writeThrough(
  base: ServiceContext & { organizationId: string },
  writes: readonly ApprovalWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  await inTenant(base, (db) => ({ writes: writes.map((write) => writeStatements(base, db, write)) }));
}
