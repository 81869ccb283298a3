/**
 * Approval workflows: ordered steps naming who approves, how many approvals each needs and by when,
 * and the trigger conditions that choose the workflow for a content item (workflow-match.ts). The
 * request schema checks each step's shape (400); this file checks what needs the database (422: the
 * named users must be active users of the organisation) and stores the steps with their defaults
 * filled in, so an approval request snapshots complete steps.
 */
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { typed } from "../../db/insert-select.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import {
  type ApprovalApprovers,
  type ApprovalDeadline,
  type ApprovalTriggerConditions,
  type ApprovalWorkflow,
  type ApprovalWorkflowStep,
  approvalWorkflows,
} from "../../db/schema/approval-workflows.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { content } from "../../db/schema/content.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { type UserRole, users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { AppError, ConflictError, NotFoundError, PreconditionFailedError, titleOf } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import { contentNotFound, liveContent } from "../content/store.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import {
  type PageInput,
  type PageValue,
  pageStatement,
  paginate,
  type SortValue,
  sortOrder,
  sortValues,
} from "../pagination.ts";
import { findLive } from "../soft-delete.ts";
import {
  type ContentFacts,
  chooseWorkflow,
  contentFacts,
  presentConditions,
  vipMentionQuery,
  workflowCandidates,
} from "./workflow-match.ts";

/** The API's (snake_case) shapes, as the request schemas leave them. */
export interface ApproversInput {
  roles?: UserRole[];
  user_ids?: string[];
}

export interface StepInput {
  number?: number;
  name: string;
  approvers: ApproversInput;
  required_approvals?: number | "all";
  /** null, like absent: what a read answers for a step without one, so a read step can be sent back. */
  deadline?: { hours?: number; before_publish_hours?: number } | null;
  remind_before_hours?: number | null;
  escalate_to?: ApproversInput | null;
}

export interface TriggerConditionsInput {
  content_types?: string[];
  platforms?: Platform[];
  campaign_ids?: string[];
  event_ids?: string[];
  mentions_vip_delegate?: true;
}

export interface WorkflowInput {
  name: string;
  is_active?: boolean;
  steps: StepInput[];
  trigger_conditions?: TriggerConditionsInput;
}

/** The stored condition names and the API's, in the order `presentConditions` lists them. */
export const CONDITION_NAMES = {
  contentTypes: "content_types",
  platforms: "platforms",
  campaignIds: "campaign_ids",
  eventIds: "event_ids",
  mentionsVipDelegate: "mentions_vip_delegate",
} as const satisfies Record<keyof ApprovalTriggerConditions, string>;

/** A workflow of the organisation that is not deleted. */
const liveWorkflow = (ctx: TenantContext, id: string) =>
  ownedBy(
    ctx,
    approvalWorkflows.organizationId,
    eq(approvalWorkflows.id, id),
    isNull(approvalWorkflows.deletedAt),
  );

const notFound = () => new NotFoundError("approval_workflow_not_found", "No such approval workflow.");

/** A named approver or escalation user is not an active user of the organisation. */
class UnknownApproverError extends AppError {
  constructor(userIds: string[]) {
    super(
      422,
      "unknown_approver",
      "Unprocessable content",
      `These users are not active users of the organisation: ${userIds.join(", ")}.`,
      { user_ids: userIds },
    );
  }
}

/** `{ roles, userIds }` without empty lists. */
function approvers(input: ApproversInput): ApprovalApprovers {
  return {
    ...(input.roles?.length ? { roles: input.roles } : {}),
    ...(input.user_ids?.length ? { userIds: input.user_ids } : {}),
  };
}

function deadlineOf(input: StepInput["deadline"]): { deadline: ApprovalDeadline; hours: number } | null {
  if (input?.hours !== undefined) return { deadline: { hours: input.hours }, hours: input.hours };
  if (input?.before_publish_hours !== undefined)
    return {
      deadline: { beforePublishHours: input.before_publish_hours },
      hours: input.before_publish_hours,
    };
  return null;
}

/**
 * The stored step, defaults filled in: 1 approval; with a deadline, a reminder a quarter of the
 * deadline's hours before it (at least 1 h) and escalation to the workflow's creator (its owner), or
 * to the organisation's owners when no user created it.
 */
function storedStep(input: StepInput, owner: string | null): ApprovalWorkflowStep {
  const due = deadlineOf(input.deadline);
  const step: ApprovalWorkflowStep = {
    name: input.name,
    approvers: approvers(input.approvers),
    requiredApprovals: input.required_approvals ?? 1,
  };
  if (!due) return step;
  return {
    ...step,
    deadline: due.deadline,
    remindBeforeHours: input.remind_before_hours ?? Math.max(1, Math.floor(due.hours / 4)),
    escalateTo: input.escalate_to
      ? approvers(input.escalate_to)
      : owner
        ? { userIds: [owner] }
        : { roles: ["owner"] },
  };
}

export function storedConditions(input: TriggerConditionsInput = {}): ApprovalTriggerConditions {
  const conditions: ApprovalTriggerConditions = {
    contentTypes: input.content_types,
    platforms: input.platforms,
    campaignIds: input.campaign_ids,
    eventIds: input.event_ids,
    mentionsVipDelegate: input.mentions_vip_delegate,
  };
  return definedFields(conditions) as ApprovalTriggerConditions;
}

/** A step that names only users cannot need more approvals than it names users (422). */
function assertEnoughApprovers(steps: ApprovalWorkflowStep[]): void {
  for (const [index, step] of steps.entries()) {
    const named = step.approvers.userIds?.length ?? 0;
    const { requiredApprovals } = step;
    if (!step.approvers.roles && typeof requiredApprovals === "number" && requiredApprovals > named) {
      throw new AppError(
        422,
        "not_enough_approvers",
        titleOf(422),
        `Step ${index + 1} ("${step.name}") needs ${requiredApprovals} approvals but names ${named} user${named === 1 ? "" : "s"}.`,
        { step: index + 1 },
      );
    }
  }
}

/** Every user a set of steps names (approvers and escalation), once each. */
function namedUsers(steps: ApprovalWorkflowStep[]): string[] {
  const ids = steps.flatMap((s) => [...(s.approvers.userIds ?? []), ...(s.escalateTo?.userIds ?? [])]);
  return [...new Set(ids)];
}

/** Active, live users of the organisation among `which`. */
const activeUsers = (ctx: TenantContext, which: SQL) =>
  ownedBy(ctx, users.organizationId, which, eq(users.isActive, true), isNull(users.deletedAt));

/**
 * Checks for the write's own batch: which named users are active users of the organisation (to
 * name the others when the write is refused), and the guard that all of them are, now.
 */
function approverChecks(ctx: TenantContext, db: Database, ids: string[]) {
  return {
    found: db
      .select({ id: users.id })
      .from(users)
      .where(activeUsers(ctx, inArray(users.id, ids))),
    guard: ids.length
      ? sql`(select count(*) from ${users} where ${activeUsers(ctx, inArray(users.id, ids))}) = ${ids.length}`
      : undefined,
  };
}

function unknownApprovers(ids: string[], found: ReadonlyArray<{ id: string }>): string[] {
  const known = new Set(found.map((u) => u.id));
  return ids.filter((id) => !known.has(id));
}

/** One round trip: the guarded insert (every named user active), its audit row, and the users found. */
export async function createWorkflow(ctx: TenantContext, input: WorkflowInput): Promise<ApprovalWorkflow> {
  const creator = actorUserId(ctx.actor);
  const steps = input.steps.map((step) => storedStep(step, creator));
  assertEnoughApprovers(steps);
  const conditions = storedConditions(input.trigger_conditions);
  const named = namedUsers(steps);
  const id = crypto.randomUUID();
  const now = ctx.now();
  const { inserted, found } = await inTenant(ctx, (db) => {
    const checks = approverChecks(ctx, db, named);
    return {
      inserted: db
        .insert(approvalWorkflows)
        .select(
          db
            .select({
              id: typed(approvalWorkflows.id, id).as("id"),
              organizationId: organizations.id,
              name: typed(approvalWorkflows.name, input.name).as("name"),
              steps: typed(approvalWorkflows.steps, steps).as("steps"),
              triggerConditions: typed(approvalWorkflows.triggerConditions, conditions).as(
                "trigger_conditions",
              ),
              isActive: typed(approvalWorkflows.isActive, input.is_active ?? true).as("is_active"),
              createdBy: typed(approvalWorkflows.createdBy, creator).as("created_by"),
              createdAt: typed(approvalWorkflows.createdAt, now).as("created_at"),
              updatedAt: typed(approvalWorkflows.updatedAt, now).as("updated_at"),
              deletedAt: sql`null::timestamptz`.as("deleted_at"),
            })
            .from(organizations)
            .where(and(eq(organizations.id, ctx.organizationId), checks.guard)),
        )
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "approval_workflow.create",
        entityType: "approval_workflow",
        entityId: id,
        changes: {
          name: input.name,
          is_active: input.is_active ?? true,
          steps,
          trigger_conditions: conditions,
        },
        guard: approvalWorkflows,
      }),
      found: checks.found,
    };
  });
  const workflow = inserted[0];
  if (!workflow) throw new UnknownApproverError(unknownApprovers(named, found));
  return workflow;
}

export function getWorkflow(ctx: TenantContext, id: string): Promise<ApprovalWorkflow> {
  return findLive(ctx, approvalWorkflows, id, notFound);
}

export const WORKFLOW_SORTS = sortValues("created_at", "name");

export interface ListWorkflowsInput extends PageInput {
  is_active?: boolean;
  sort?: WorkflowSort;
}

type WorkflowSort = SortValue<"created_at" | "name">;

const workflowOrder = (sort: WorkflowSort) =>
  sortOrder(
    sort,
    { created_at: approvalWorkflows.createdAt, name: approvalWorkflows.name },
    approvalWorkflows.id,
  );

/** A page of workflows, rendered once per filters and order (db/prepared.ts). */
const workflowsPage = preparedStatement(
  "workflowsPage",
  (
    db,
    value: Value<"organizationId" | "isActive" | PageValue>,
    shape: { sort: WorkflowSort; continued: boolean; isActive: boolean },
  ) => {
    const page = pageStatement(workflowOrder(shape.sort), shape.continued, value);
    return db
      .select({ row: approvalWorkflows, key: page.key })
      .from(approvalWorkflows)
      .where(
        and(
          eq(approvalWorkflows.organizationId, value("organizationId")),
          isNull(approvalWorkflows.deletedAt),
          shape.isActive ? eq(approvalWorkflows.isActive, value("isActive")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

export async function listWorkflows(ctx: TenantContext, input: ListWorkflowsInput) {
  const sort = input.sort ?? "-created_at";
  const page = paginate(input, workflowOrder(sort));
  const { rows } = await inTenant(ctx, (db) => ({
    rows: workflowsPage(
      db,
      { organizationId: ctx.organizationId, isActive: input.is_active, ...page.values },
      { sort, continued: page.continued, isActive: input.is_active !== undefined },
    ),
  }));
  return page.result(rows);
}

/**
 * Two round trips: read (404, If-Match, the owner escalation defaults to), then the update guarded by
 * what was read and by every named user being active, with its audit row. Steps and trigger
 * conditions are replaced whole. Requests already under way keep the steps they started with.
 */
export async function updateWorkflow(
  ctx: TenantContext,
  id: string,
  patch: Partial<WorkflowInput>,
  ifMatch: string | undefined,
): Promise<ApprovalWorkflow> {
  const { read } = await inTenant(ctx, (db) => ({
    read: db
      .select({
        workflow: approvalWorkflows,
        ownerActive: sql<boolean>`exists (select 1 from ${users} where ${activeUsers(ctx, eq(users.id, approvalWorkflows.createdBy))})`,
      })
      .from(approvalWorkflows)
      .where(liveWorkflow(ctx, id)),
  }));
  if (!read[0]) throw notFound();
  const { workflow: current, ownerActive } = read[0];
  assertIfMatch(ifMatch, current.updatedAt);
  // A creator who has left cannot be escalated to: new defaults go to the owners instead.
  const steps = patch.steps?.map((step) => storedStep(step, ownerActive ? current.createdBy : null));
  if (steps) assertEnoughApprovers(steps);
  const changes = {
    name: patch.name,
    isActive: patch.is_active,
    steps,
    triggerConditions: patch.trigger_conditions && storedConditions(patch.trigger_conditions),
  };
  const set = definedFields(changes);
  const named = steps ? namedUsers(steps) : [];
  const { rows, found } = await inTenant(ctx, (db) => {
    const checks = approverChecks(ctx, db, named);
    return {
      rows: db
        .update(approvalWorkflows)
        .set({ ...set, updatedAt: ctx.now() })
        .where(
          and(
            liveWorkflow(ctx, id),
            unchangedSince(approvalWorkflows.updatedAt, current.updatedAt),
            checks.guard,
          ),
        )
        .returning(),
      audit: auditEntry(ctx, db, {
        action: "approval_workflow.update",
        entityType: "approval_workflow",
        entityId: id,
        changes: diff(current as unknown as Record<string, unknown>, set),
        guard: approvalWorkflows,
      }),
      found: checks.found,
    };
  });
  const updated = rows[0];
  if (updated) return updated;
  const unknown = unknownApprovers(named, found);
  if (unknown.length > 0) throw new UnknownApproverError(unknown);
  // Changed (or deleted) between our read and our write: the caller's view is stale.
  if (ifMatch) throw new PreconditionFailedError();
  throw new ConflictError("edit_conflict", "The workflow changed while you were saving; read it again.");
}

export interface WorkflowMatch {
  facts: ContentFacts;
  /** null: no workflow matches, manual approval applies. */
  workflow: ApprovalWorkflow | null;
  /** The API names of the conditions the chosen workflow has, all of which hold. */
  matchedConditions: string[];
}

/** Which workflow a content item would follow, and why: one round trip. */
export async function matchWorkflow(ctx: TenantContext, contentId: string): Promise<WorkflowMatch> {
  const { rows, candidates, vip } = await inTenant(ctx, (db) => ({
    rows: db.select().from(content).where(liveContent(ctx, contentId)),
    candidates: workflowCandidates(ctx, db),
    vip: vipMentionQuery(ctx, db, contentId),
  }));
  const row = rows[0];
  if (!row) throw contentNotFound();
  const facts = contentFacts(row, vip[0]?.mentionsVipDelegate);
  const workflow = chooseWorkflow(candidates, facts);
  const matchedConditions = workflow
    ? presentConditions(workflow.triggerConditions).map((name) => CONDITION_NAMES[name])
    : [];
  return { facts, workflow, matchedConditions };
}
