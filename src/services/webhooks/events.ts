/**
 * What each webhook event says, as statements for the batch of the change that causes it (outbox.ts).
 * Each reads the row the change wrote, guarded so that a change that did not happen (a lost race, a
 * replayed write) records nothing: its `data` is the row as the transaction left it. Payload fields
 * are snake_case and times ISO 8601 in UTC, as in the API's answers; README "Outbound webhooks" lists them.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { TenantContext } from "../context.ts";
import { isoTime, webhookEvents } from "./outbox.ts";

type Tenant = Pick<TenantContext, "organizationId">;

/** `xmin` of `alias` is this transaction: the row was written by it. */
const writtenNow = (alias: string) => sql`${sql.identifier(alias)}.xmin = pg_current_xact_id()::xid`;

/** The approval request's current step as `approval.step_waiting`, when this transaction moved it there. */
function stepWaitingSource(ctx: Tenant, requestId: string): SQL {
  return sql`
    select 'approval.step_waiting' as type, r.content_id as resource_id,
      jsonb_build_object(
        'approval_request_id', r.id, 'content_id', r.content_id, 'step', r.current_step,
        'step_name', r.steps -> (r.current_step - 1) ->> 'name', 'steps_total', jsonb_array_length(r.steps),
        'due_at', ${isoTime(sql`r.step_due_at`)}) as data
    from approval_requests r
    where r.id = ${requestId} and r.organization_id = ${ctx.organizationId} and r.status = 'pending'
      and ${writtenNow("r")}`;
}

/** `content.submitted`, then `approval.step_waiting` for step 1: only if `guard` (the request was made here). */
export function submittedEvents(
  ctx: Tenant,
  db: Database,
  about: { contentId: string; requestId: string; guard: SQL },
) {
  return [
    webhookEvents(
      db,
      ctx.organizationId,
      sql`
      select 'content.submitted' as type, c.id as resource_id,
        jsonb_build_object(
          'content_id', c.id, 'title', c.title, 'version', c.version, 'event_id', c.event_id,
          'approval_request_id', r.id, 'submitted_by', r.requested_by,
          'steps_total', jsonb_array_length(r.steps)) as data
      from content c join approval_requests r on r.id = ${about.requestId} and r.organization_id = c.organization_id
      where c.id = ${about.contentId} and c.organization_id = ${ctx.organizationId} and ${about.guard}`,
    ),
    webhookEvents(db, ctx.organizationId, stepWaitingSource(ctx, about.requestId)),
  ];
}

export interface ApprovalOutcome {
  requestId: string;
  contentId: string;
  /** The approval action that decided it, and the request's status after it. */
  action: string;
  status: string;
  /** The step acted on, and the step current after the action. */
  step: number;
  currentStep: number;
  decidedBy: string | null;
  comment: string | null;
}

/**
 * What an approval action tells integrators, if anything: the content approved, rejected (or sent back
 * for changes), or the next step waiting. Only if `guard` (the action was recorded here).
 */
export function approvalEvents(ctx: Tenant, db: Database, outcome: ApprovalOutcome, guard: SQL) {
  if (outcome.status === "pending") {
    return outcome.currentStep !== outcome.step
      ? webhookEvents(db, ctx.organizationId, stepWaitingSource(ctx, outcome.requestId))
      : undefined;
  }
  const decided =
    outcome.status === "approved"
      ? "content.approved"
      : outcome.action === "reject" || outcome.action === "request_changes"
        ? "content.rejected"
        : null;
  if (!decided) return undefined;
  const decision =
    outcome.action === "reject"
      ? "rejected"
      : outcome.action === "request_changes"
        ? "changes_requested"
        : "approved";
  return webhookEvents(
    db,
    ctx.organizationId,
    sql`
    select ${decided}::text as type, c.id as resource_id,
      jsonb_build_object(
        'content_id', c.id, 'title', c.title, 'version', c.version, 'event_id', c.event_id,
        'approval_request_id', ${outcome.requestId}::uuid, 'decision', ${decision}::text,
        'decided_by', ${outcome.decidedBy}::uuid, 'comment', ${outcome.comment}::text) as data
    from content c
    where c.id = ${outcome.contentId} and c.organization_id = ${ctx.organizationId} and ${guard}`,
  );
}

/** `post.published` or `post.failed`, when this transaction settled the post. */
export function postSettledEvent(ctx: Tenant, db: Database, postId: string) {
  return webhookEvents(
    db,
    ctx.organizationId,
    sql`
    select 'post.' || p.publish_status as type, p.id as resource_id,
      jsonb_build_object(
        'published_post_id', p.id, 'content_id', p.content_id, 'social_account_id', p.social_account_id,
        'platform', p.platform, 'publish_status', p.publish_status, 'platform_post_id', p.platform_post_id,
        'platform_url', p.platform_url, 'published_at', ${isoTime(sql`p.published_at`)},
        'error', p.last_error, 'attempts', p.attempt_count) as data
    from published_posts p
    where p.id = ${postId} and p.organization_id = ${ctx.organizationId}
      and p.publish_status in ('published', 'failed') and ${writtenNow("p")}`,
  );
}

/** `social_account.reauth_required`, when this transaction marked the account. */
export function reauthRequiredEvent(ctx: Tenant, db: Database, accountId: string) {
  return webhookEvents(
    db,
    ctx.organizationId,
    sql`
    select 'social_account.reauth_required' as type, a.id as resource_id,
      jsonb_build_object(
        'social_account_id', a.id, 'platform', a.platform, 'username', a.username,
        'event_id', a.event_id, 'reason', a.status_reason) as data
    from social_accounts a
    where a.id = ${accountId} and a.organization_id = ${ctx.organizationId}
      and a.connection_status = 'reauth_required' and ${writtenNow("a")}`,
  );
}

/** The kinds `mention.received` covers: people addressing the organisation (not reposts or hashtag posts). */
export const MENTION_KINDS = ["mention", "reply", "comment", "quote"] as const;

/**
 * `mention.received` for each item this transaction stored for the first time (an item keeps the
 * `received_at` of its first arrival, which is `receivedAt` only for items new in this batch).
 */
export function mentionsReceivedEvents(db: Database, organizationId: string, receivedAt: Date) {
  return webhookEvents(
    db,
    organizationId,
    sql`
    select 'mention.received' as type, i.id as resource_id,
      jsonb_build_object(
        'inbound_item_id', i.id, 'platform', i.platform, 'kind', i.kind, 'text', i.text,
        'url', i.platform_url, 'author', jsonb_build_object('handle', i.author_handle, 'name', i.author_name,
          'followers', i.author_followers),
        'event_id', i.event_id, 'published_post_id', i.published_post_id,
        'social_account_id', i.social_account_id, 'posted_at', ${isoTime(sql`i.platform_created_at`)},
        'received_at', ${isoTime(sql`i.received_at`)}) as data
    from inbound_items i
    where i.organization_id = ${organizationId} and i.received_at = ${receivedAt.toISOString()}::timestamptz
      and i.deleted_at is null and i.kind = any(${sql.param([...MENTION_KINDS])}::text[])
      and ${writtenNow("i")}
    order by i.platform_created_at nulls last, i.id`,
  );
}

/** `sentiment.alert` for each alert window this transaction recorded. */
export function sentimentAlertEvents(db: Database, organizationId: string) {
  return webhookEvents(
    db,
    organizationId,
    sql`
    select 'sentiment.alert' as type, a.event_id as resource_id,
      jsonb_build_object(
        'event_id', a.event_id, 'event_name', e.name, 'window_start', ${isoTime(sql`a.window_start`)},
        'items', a.items, 'negative_share', a.negative_share) as data
    from sentiment_alerts a join events e on e.id = a.event_id and e.organization_id = a.organization_id
    where a.organization_id = ${organizationId} and ${writtenNow("a")}
    order by a.window_start`,
  );
}
