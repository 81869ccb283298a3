/**
 * The workflow of a content version: which status may follow which, who may make the move, and what
 * must hold to schedule (a time in the future, and every target platform's rules).
 */
import { and, eq, sql } from "drizzle-orm";
import { type Content, type ContentWorkflowStatus, content } from "../../db/schema/content.ts";
import { inTenant } from "../../db/tenant.ts";
import { AppError, ConflictError, PreconditionFailedError, ValidationError } from "../../errors.ts";
import { selectPendingRequest } from "../approvals/requests.ts";
import { auditEntry } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import type { TenantContext } from "../context.ts";
import { type ContentWithEmbargo, contentWithEmbargo } from "../embargoes/embargo.ts";
import {
  type CandidateAccount,
  chooseAccounts,
  outboxStatements,
  selectCandidateAccounts,
} from "../publishing/schedule.ts";
import {
  type AnchorRow,
  assertAnchor,
  type RelativeTo,
  relativeColumns,
  relativeTime,
  selectAnchor,
  timeOf,
} from "../sessions/relative.ts";
import { assertTransition, type Transitions } from "../state-machine.ts";
import { checkPlatformRules } from "./platform-rules.ts";
import type { ContentType } from "./post-text.ts";
import {
  assertProtocol,
  blocks,
  type ProtocolRead,
  protocolFindings,
  selectProtocol,
} from "./protocol-checks.ts";
import type { RuleFailure, RuleMedia } from "./rule-checks.ts";
import { contentNotFound, liveContent, selectMediaOf } from "./store.ts";

export const CONTENT_TRANSITIONS: Transitions<ContentWorkflowStatus> = {
  draft: ["in_review", "archived"],
  // → draft: withdrawn from review (an approval request cancelled or expired).
  in_review: ["changes_requested", "approved", "draft", "archived"],
  changes_requested: ["in_review", "draft", "archived"],
  approved: ["scheduled", "in_review", "archived"],
  scheduled: ["publishing", "approved", "archived"],
  publishing: ["published", "partially_published", "failed"],
  published: ["archived"],
  // → publishing: a failed post retried (POST /v1/published-posts/{id}/retry) is publishing again.
  partially_published: ["publishing", "archived"],
  failed: ["scheduled", "publishing", "archived"],
  archived: [],
};

/**
 * The statuses a person may move content to (`POST /v1/content/{id}/transitions`); publishing,
 * published, partially_published and failed are the publisher's to set.
 */
export const USER_TARGET_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "archived",
] as const satisfies readonly ContentWorkflowStatus[];

/** The moves of a review: with `approval_required` they happen through an approval request only. */
const REVIEW_MOVES: ReadonlySet<ContentWorkflowStatus> = new Set([
  "in_review",
  "approved",
  "changes_requested",
]);

/**
 * While an approval request is pending, the content's status is the request's to change (409
 * `approval_request_pending`: act on it or cancel it first); content that requires approval is put in
 * review and decided only through a request (409 `approval_request_required`, pointing at submitting).
 */
function assertNotTheRequestsMove(
  row: Content,
  to: ContentWorkflowStatus,
  pendingRequestId: string | undefined,
) {
  if (pendingRequestId) {
    throw new ConflictError(
      "approval_request_pending",
      "This content has a pending approval request: act on it or cancel it first.",
      { approval_request_id: pendingRequestId, actions: `/v1/approval-requests/${pendingRequestId}/actions` },
    );
  }
  if (row.approvalRequired && REVIEW_MOVES.has(to)) {
    throw new ConflictError(
      "approval_request_required",
      "This content requires approval: submit it for approval and decide through the approval request.",
      { submit: `/v1/content/${row.id}/approval-requests` },
    );
  }
}

export class PlatformRulesFailedError extends AppError {
  constructor(failures: RuleFailure[]) {
    super(
      422,
      "platform_rules_failed",
      "Unprocessable content",
      `The content cannot be scheduled: ${failures.length} rule${failures.length === 1 ? "" : "s"} failed.`,
      { failures },
    );
  }
}

/**
 * One round trip: the live row, the live media assets it attaches, the accounts it could be
 * published to (for scheduling; see services/publishing/schedule.ts), its pending approval request,
 * and with `withProtocol` what the protocol checks read (protocol-checks.ts).
 */
async function readWithMedia(
  ctx: TenantContext,
  id: string,
  withProtocol = false,
  relative?: RelativeTo,
): Promise<{
  row: ContentWithEmbargo;
  media: RuleMedia[];
  accounts: CandidateAccount[];
  pendingRequestId?: string;
  protocol?: ProtocolRead;
  anchor: AnchorRow[];
}> {
  const { rows, media, accounts, pending, protocol, anchor } = await inTenant(ctx, (db) => ({
    rows: db.select(contentWithEmbargo()).from(content).where(liveContent(ctx, id)),
    media: selectMediaOf(ctx, db, id),
    accounts: selectCandidateAccounts(ctx, db, id),
    pending: selectPendingRequest(ctx, db, id),
    protocol: withProtocol ? selectProtocol(ctx, db, id) : undefined,
    anchor: selectAnchor(ctx, db, relative),
  }));
  const row = rows[0];
  if (!row) throw contentNotFound();
  return { row, media, accounts, pendingRequestId: pending[0]?.id, protocol, anchor };
}

/**
 * What stands between the content and being scheduled at `scheduledFor`: a time in the future, and
 * every rule of every platform it targets. Empty when it may be scheduled.
 */
export function schedulingFailures(
  row: Content,
  media: readonly RuleMedia[],
  scheduledFor: Date | null,
  now: Date,
): RuleFailure[] {
  const failures: RuleFailure[] = [];
  if (!scheduledFor || scheduledFor <= now) {
    failures.push({
      platform: null,
      rule: "scheduled_for",
      message: scheduledFor
        ? "scheduled_for is not in the future."
        : "Set scheduled_for to schedule the content.",
      limit: now.toISOString(),
      actual: scheduledFor?.toISOString() ?? null,
    });
  }
  return failures.concat(
    checkPlatformRules({
      contentType: row.contentType as ContentType,
      caption: row.caption,
      hashtags: row.hashtags,
      mediaIds: row.mediaAssets,
      media,
      targetPlatforms: row.targetPlatforms,
    }),
  );
}

/**
 * `POST /v1/content/{id}/validate`: what scheduling would say now, changing nothing, with the
 * protocol findings; `ok` is false when a rule fails or the organisation blocks on a finding. One
 * round trip.
 */
export async function validateContent(ctx: TenantContext, id: string) {
  const { row, media, protocol } = await readWithMedia(ctx, id, true);
  const failures = schedulingFailures(row, media, row.scheduledFor, ctx.now());
  const mode = protocol?.mode ?? "warn";
  const findings = protocol ? protocolFindings(row, protocol) : [];
  return {
    ok: failures.length === 0 && !blocks(mode, findings),
    failures,
    protocol_checks: mode,
    protocol_findings: findings,
  };
}

/** The moves an organisation's protocol_checks "block" guards: into review, and scheduling. */
const PROTOCOL_GATED: ReadonlySet<ContentWorkflowStatus> = new Set(["in_review", "scheduled"]);

export interface TransitionInput {
  to: ContentWorkflowStatus;
  comment?: string;
  /** Only with `to: "scheduled"`: sets the time as the content is scheduled. */
  scheduled_for?: string;
  /** Only with `to: "scheduled"`, instead of `scheduled_for`: the time follows a session or phase. */
  relative_to?: RelativeTo;
}

/** The time a transition schedules at, and the anchor columns it writes (none: left as they are). */
function newSchedule(current: Content, input: TransitionInput, anchorRows: readonly AnchorRow[]) {
  const given = input.relative_to ? "relative_to" : input.scheduled_for ? "scheduled_for" : undefined;
  if (given && input.to !== "scheduled") {
    throw new ValidationError([
      {
        path: `json.${given}`,
        message: `${given} goes with to: scheduled.`,
        code: "scheduled_for_without_scheduling",
      },
    ]);
  }
  if (input.relative_to && input.scheduled_for) {
    throw new ValidationError([
      {
        path: "json.relative_to",
        message: "Give either scheduled_for (a clock time) or relative_to, not both.",
        code: "relative_and_clock_time",
      },
    ]);
  }
  if (input.relative_to) {
    const anchor = assertAnchor(input.relative_to, current.eventId, anchorRows);
    const scheduledFor = timeOf(input.relative_to, anchor);
    return { scheduledFor, set: { scheduledFor, ...relativeColumns(input.relative_to) } };
  }
  if (input.scheduled_for) {
    const scheduledFor = new Date(input.scheduled_for);
    return { scheduledFor, set: { scheduledFor, ...relativeColumns(null) } };
  }
  return { scheduledFor: current.scheduledFor, set: {} };
}

/**
 * Moves the content to another status (audit `content.status_change`, with the comment). Two round
 * trips: read (the row, and its media when scheduling), then an update guarded by the status and
 * version read, with the outbox rows the move writes, moves or cancels (services/publishing/schedule.ts).
 * 409 `invalid_status_transition` for a move the machine does not allow; 409
 * `approval_request_pending` / `approval_request_required` for a move that belongs to an approval
 * request; 422 `platform_rules_failed` when scheduling is not possible, `no_account_for_platform` when a target platform has no account;
 * 422 `protocol_check_failed` into review or scheduled when the organisation blocks on protocol findings.
 */
export async function transitionContent(
  ctx: TenantContext,
  id: string,
  input: TransitionInput,
  ifMatch?: string,
): Promise<ContentWithEmbargo> {
  const relative = input.relative_to;
  const {
    row: current,
    media,
    accounts,
    pendingRequestId,
    protocol,
    anchor,
  } = await readWithMedia(ctx, id, PROTOCOL_GATED.has(input.to), relative);
  assertIfMatch(ifMatch, current.updatedAt);
  const from = current.workflowStatus;
  const { to } = input;
  const { scheduledFor, set: reschedule } = newSchedule(current, input, anchor);
  if (from === to && !input.scheduled_for && !relative) return current;
  assertTransition(CONTENT_TRANSITIONS, from, to, "content");
  assertNotTheRequestsMove(current, to, pendingRequestId);
  if (to === "scheduled") {
    const failures = schedulingFailures(current, media, scheduledFor, ctx.now());
    if (failures.length > 0) throw new PlatformRulesFailedError(failures);
  }
  if (protocol && from !== to) assertProtocol(current, protocol);
  // The outbox: one published_posts row per target account, written in the same batch as the move.
  const targets = to === "scheduled" && from !== "scheduled" ? chooseAccounts(current, accounts) : [];
  const { rows } = await inTenant(ctx, (db) => ({
    // The anchor, locked first: a move of it waits, or has finished and changed its time (no row).
    anchor: relative ? selectAnchor(ctx, db, relative, { lock: true }) : undefined,
    rows: db
      .update(content)
      .set({ workflowStatus: to, ...reschedule, updatedAt: ctx.now() })
      .where(
        and(
          liveContent(ctx, id),
          eq(content.workflowStatus, from),
          unchangedSince(content.updatedAt, current.updatedAt),
          relative && scheduledFor
            ? sql`${relativeTime(relative)} = ${scheduledFor.toISOString()}::timestamptz`
            : undefined,
        ),
      )
      .returning(contentWithEmbargo()),
    audit: auditEntry(ctx, db, {
      action: "content.status_change",
      entityType: "content",
      entityId: id,
      changes: {
        workflow_status: { from, to },
        ...(input.comment ? { comment: input.comment } : {}),
        ...(input.scheduled_for || relative
          ? {
              scheduled_for: {
                from: current.scheduledFor?.toISOString() ?? null,
                to: scheduledFor?.toISOString() ?? null,
              },
            }
          : {}),
        ...(relative ? { relative_to: relative } : {}),
      },
      guard: content,
    }),
    outbox: outboxStatements(ctx, db, { contentId: id, from, to, scheduledFor, accounts: targets }),
  }));
  const updated = rows[0];
  if (!updated) {
    if (ifMatch) throw new PreconditionFailedError();
    throw new ConflictError("edit_conflict", "The content changed while you were moving it; read it again.");
  }
  return updated;
}
