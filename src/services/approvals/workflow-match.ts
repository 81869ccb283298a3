/**
 * Which approval workflow a content item follows. The caller reads the content, the candidates
 * (`workflowCandidates`) and the VIP flag (`vipMentionQuery`) in ONE `inTenant` batch, then
 * `chooseWorkflow` picks without touching the database:
 *
 * - a workflow matches when every trigger condition it has holds for the content (none: matches all);
 * - the most specific match wins (the most conditions present); ties go to the oldest workflow
 *   (`created_at`, then id), so the choice never depends on row order;
 * - no match: `null`, and the caller falls back to `MANUAL_APPROVAL_STEPS` (a manager or above).
 *
 * A VIP mention (`mentionsVipDelegate`): the caption names a live delegate of the organisation (any
 * event) whose `vip_tier` is above 0, case-insensitively, either
 * - by handle: `@` + one of the delegate's social handles (its own leading `@` dropped), not preceded
 *   by a letter, digit or `_` (so `bob@handle` is an e-mail, not a mention) and not followed by another
 *   handle character (`@aes` does not match `@aesummit`; a sentence's closing `.` is fine), or
 * - by full name: first name and last name as whole words, any whitespace between them; delegates
 *   without a last name match only by handle (a lone first name is too common to mean the VIP).
 */
import { asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type {
  ApprovalTriggerConditions,
  ApprovalWorkflow,
  ApprovalWorkflowStep,
} from "../../db/schema/approval-workflows.ts";
import { approvalWorkflows } from "../../db/schema/approval-workflows.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type Content, content } from "../../db/schema/content.ts";
import { delegates } from "../../db/schema/delegates.ts";
import { ownedBy } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";

/** What choosing a workflow needs to know about a content item. */
export interface ContentFacts {
  contentType: string;
  targetPlatforms: readonly Platform[];
  campaignId: string | null;
  eventId: string | null;
  mentionsVipDelegate: boolean;
}

/** Used when no workflow matches: one step, any owner, admin or manager, one approval, no deadline. */
export const MANUAL_APPROVAL_STEPS: ApprovalWorkflowStep[] = [
  { name: "Manager approval", approvers: { roles: ["owner", "admin", "manager"] }, requiredApprovals: 1 },
];

/** The organisation's active, live workflows, oldest first: a statement for the caller's batch. */
export function workflowCandidates(ctx: Pick<TenantContext, "organizationId">, db: Database) {
  return db
    .select()
    .from(approvalWorkflows)
    .where(
      ownedBy(
        ctx,
        approvalWorkflows.organizationId,
        eq(approvalWorkflows.isActive, true),
        isNull(approvalWorkflows.deletedAt),
      ),
    )
    .orderBy(asc(approvalWorkflows.createdAt), asc(approvalWorkflows.id));
}

/** Every character but letters, digits and spaces, backslash-escaped: the text matches itself literally. */
const literal = (text: SQL) =>
  sql`regexp_replace(${text}, ${"([^[:alnum:][:space:]])"}, ${String.raw`\\\1`}, 'g')`;

const handle = sql`ltrim(h.value, '@')`;
const handlePattern = sql`'(^|[^[:alnum:]_])@' || ${literal(handle)} || ${"($|[^[:alnum:]_.-]|[.-]($|[^[:alnum:]_]))"}`;

const fullName = sql`btrim(${delegates.firstName}) || ' ' || btrim(${delegates.lastName})`;
const namePattern = sql`'(^|[^[:alnum:]_])' || regexp_replace(${literal(fullName)}, ${String.raw`\s+`}, ${String.raw`\\s+`}, 'g') || '($|[^[:alnum:]_])'`;

/**
 * `[{ mentionsVipDelegate }]` for a content item of the organisation (no row when there is none such):
 * a statement for the caller's batch. The rule is in this file's header.
 */
export function vipMentionQuery(ctx: Pick<TenantContext, "organizationId">, db: Database, contentId: string) {
  const vip = ownedBy(
    ctx,
    delegates.organizationId,
    isNull(delegates.deletedAt),
    sql`${delegates.vipTier} > 0`,
    sql`(
      exists (select 1 from jsonb_each_text(${delegates.socialHandles}) h
               where ${handle} <> '' and ${content.caption} ~* (${handlePattern}))
      or (btrim(${delegates.firstName}) <> '' and coalesce(btrim(${delegates.lastName}), '') <> ''
          and ${content.caption} ~* (${namePattern}))
    )`,
  );
  return db
    .select({
      mentionsVipDelegate: sql<boolean>`${content.caption} is not null and exists (select 1 from ${delegates} where ${vip})`,
    })
    .from(content)
    .where(ownedBy(ctx, content.organizationId, eq(content.id, contentId)));
}

/** The facts of a content row, with the answer of `vipMentionQuery` (false when it gave no row). */
export function contentFacts(
  row: Pick<Content, "contentType" | "targetPlatforms" | "campaignId" | "eventId">,
  mentionsVipDelegate: boolean | undefined,
): ContentFacts {
  return {
    contentType: row.contentType,
    targetPlatforms: row.targetPlatforms,
    campaignId: row.campaignId,
    eventId: row.eventId,
    mentionsVipDelegate: mentionsVipDelegate ?? false,
  };
}

type Condition = keyof ApprovalTriggerConditions;

/** Each condition, and whether the content meets it. */
const HOLDS: {
  [K in Condition]-?: (wanted: NonNullable<ApprovalTriggerConditions[K]>, facts: ContentFacts) => boolean;
} = {
  contentTypes: (types, facts) => types.includes(facts.contentType),
  platforms: (platforms, facts) => facts.targetPlatforms.some((p) => platforms.includes(p)),
  campaignIds: (ids, facts) => facts.campaignId !== null && ids.includes(facts.campaignId),
  eventIds: (ids, facts) => facts.eventId !== null && ids.includes(facts.eventId),
  mentionsVipDelegate: (_, facts) => facts.mentionsVipDelegate,
};

/** The conditions a workflow has (each must hold for it to match), in a fixed order. */
export function presentConditions(conditions: ApprovalTriggerConditions): Condition[] {
  return (Object.keys(HOLDS) as Condition[]).filter((name) => conditions[name] !== undefined);
}

/** Every condition the workflow has holds for the content. */
export function workflowMatches(workflow: Pick<ApprovalWorkflow, "triggerConditions">, facts: ContentFacts) {
  const conditions = workflow.triggerConditions;
  return presentConditions(conditions).every((name) =>
    (HOLDS[name] as (wanted: unknown, facts: ContentFacts) => boolean)(conditions[name], facts),
  );
}

const olderFirst = (a: ApprovalWorkflow, b: ApprovalWorkflow) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The workflow the content follows: of the matching ones, the one with the most conditions, the
 * oldest among equals; null when none matches (manual approval). Inactive or deleted candidates are
 * skipped, should the caller pass any.
 */
export function chooseWorkflow(candidates: ApprovalWorkflow[], facts: ContentFacts): ApprovalWorkflow | null {
  let best: { workflow: ApprovalWorkflow; specificity: number } | null = null;
  for (const workflow of candidates) {
    if (!workflow.isActive || workflow.deletedAt !== null || !workflowMatches(workflow, facts)) continue;
    const specificity = presentConditions(workflow.triggerConditions).length;
    if (
      !best ||
      specificity > best.specificity ||
      (specificity === best.specificity && olderFirst(workflow, best.workflow) < 0)
    ) {
      best = { workflow, specificity };
    }
  }
  return best?.workflow ?? null;
}
