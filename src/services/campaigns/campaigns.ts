/**
 * Campaigns: a run of social media work over a period, optionally for one event of the
 * organisation. Dates ordered, platforms and KPI targets checked (by the request schema), and the
 * status follows its lifecycle. When the event is deleted for good the campaign stays, without it.
 */
import { and, eq, exists, gte, ilike, isNull, lt, type SQL, sql } from "drizzle-orm";
import { typed } from "../../db/insert-select.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type Campaign, type CampaignStatus, campaigns } from "../../db/schema/campaigns.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { events } from "../../db/schema/events.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from "../../errors.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { assertIfMatch, unchangedSince } from "../conditional.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import {
  likePrefix,
  type PageInput,
  type PageValue,
  pageStatement,
  paginate,
  type SortValue,
  sortOrder,
  sortValues,
} from "../pagination.ts";
import { findLive } from "../soft-delete.ts";
import { assertTransition, type Transitions } from "../state-machine.ts";

export const CAMPAIGN_TYPES = [
  "awareness",
  "engagement",
  "live_coverage",
  "speaker_spotlight",
  "sponsorship",
  "recap",
] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const CAMPAIGN_TRANSITIONS: Transitions<CampaignStatus> = {
  draft: ["active", "archived"],
  active: ["paused", "completed"],
  paused: ["active"],
  completed: ["archived"],
  archived: [],
};

export const KPI_COUNTS = [
  "impressions",
  "reach",
  "engagements",
  "posts",
  "clicks",
  "followers_gained",
] as const;
export type KpiTargets = Partial<Record<(typeof KPI_COUNTS)[number] | "engagement_rate", number>>;

export interface CampaignInput {
  event_id?: string | null;
  name: string;
  campaign_type: CampaignType;
  start_date: string;
  end_date: string;
  target_platforms?: Platform[];
  kpi_targets?: KpiTargets;
  status?: CampaignStatus;
}

const notFound = () => new NotFoundError("campaign_not_found", "No such campaign.");
const eventNotFound = () => new NotFoundError("event_not_found", "No such event.");

function assertDates(start: Date, end: Date): void {
  if (start > end) {
    throw new ValidationError([
      { path: "json.end_date", message: "end_date must not be before start_date", code: "date_order" },
    ]);
  }
}

/** A live (not deleted) event of the organisation. */
const liveEvent = (ctx: TenantContext, eventId: string) =>
  ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt));

/**
 * One round trip, with or without an event: a guarded insert from the organisation's own row that
 * writes the campaign only if the event it names is a live event of the organisation (nothing
 * written means it is not: 404).
 */
export async function createCampaign(ctx: TenantContext, input: CampaignInput): Promise<Campaign> {
  const start = new Date(input.start_date);
  const end = new Date(input.end_date);
  assertDates(start, end);
  if (input.status && input.status !== "draft")
    assertTransition(CAMPAIGN_TRANSITIONS, "draft", input.status, "campaign");
  const id = crypto.randomUUID();
  const eventId = input.event_id ?? null;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .insert(campaigns)
      .select(
        db
          .select({
            id: typed(campaigns.id, id).as("id"),
            organizationId: organizations.id,
            eventId: typed(campaigns.eventId, eventId).as("event_id"),
            name: typed(campaigns.name, input.name).as("name"),
            campaignType: typed(campaigns.campaignType, input.campaign_type).as("campaign_type"),
            startDate: typed(campaigns.startDate, start).as("start_date"),
            endDate: typed(campaigns.endDate, end).as("end_date"),
            targetPlatforms: typed(campaigns.targetPlatforms, input.target_platforms ?? []).as(
              "target_platforms",
            ),
            kpiTargets: typed(campaigns.kpiTargets, input.kpi_targets ?? {}).as("kpi_targets"),
            status: typed(campaigns.status, input.status ?? "draft").as("status"),
            createdBy: typed(campaigns.createdBy, actorUserId(ctx.actor)).as("created_by"),
            createdAt: sql`now()`.as("created_at"),
            updatedAt: sql`now()`.as("updated_at"),
            deletedAt: sql`null`.as("deleted_at"),
          })
          .from(organizations)
          .where(
            and(
              eq(organizations.id, ctx.organizationId),
              eventId
                ? exists(db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId)))
                : undefined,
            ),
          ),
      )
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "campaign.create",
      entityType: "campaign",
      entityId: id,
      changes: {
        name: input.name,
        campaign_type: input.campaign_type,
        event_id: eventId,
        start_date: input.start_date,
        end_date: input.end_date,
      },
      guard: campaigns,
    }),
  }));
  const campaign = rows[0];
  if (!campaign) throw eventNotFound();
  return campaign;
}

export function getCampaign(ctx: TenantContext, id: string): Promise<Campaign> {
  return findLive(ctx, campaigns, id, notFound);
}

export const CAMPAIGN_SORTS = sortValues("start_date", "created_at", "name");

export interface ListCampaignsInput extends PageInput {
  status?: CampaignStatus;
  event_id?: string;
  campaign_type?: CampaignType;
  platform?: Platform;
  /** A UTC day, `YYYY-MM-DD`: campaigns whose start..end touches it. */
  active_on?: string;
  q?: string;
  sort?: CampaignSort;
}

type CampaignSort = SortValue<"start_date" | "created_at" | "name">;

const campaignOrder = (sort: CampaignSort) =>
  sortOrder(
    sort,
    { start_date: campaigns.startDate, created_at: campaigns.createdAt, name: campaigns.name },
    campaigns.id,
  );

/** A page of campaigns, rendered once per filters and order (db/prepared.ts). */
const campaignsPage = preparedStatement(
  "campaignsPage",
  (
    db,
    value: Value<
      | "organizationId"
      | "status"
      | "eventId"
      | "campaignType"
      | "platform"
      | "dayStart"
      | "dayEnd"
      | "prefix"
      | PageValue
    >,
    shape: {
      sort: CampaignSort;
      continued: boolean;
      status: boolean;
      eventId: boolean;
      campaignType: boolean;
      platform: boolean;
      activeOn: boolean;
      q: boolean;
    },
  ) => {
    const page = pageStatement(campaignOrder(shape.sort), shape.continued, value);
    return db
      .select({ row: campaigns, key: page.key })
      .from(campaigns)
      .where(
        and(
          eq(campaigns.organizationId, value("organizationId")),
          isNull(campaigns.deletedAt),
          shape.status ? eq(campaigns.status, value("status")) : undefined,
          shape.eventId ? eq(campaigns.eventId, value("eventId")) : undefined,
          shape.campaignType ? eq(campaigns.campaignType, value("campaignType")) : undefined,
          // A placeholder cannot be an element of a bound array (`arrayContains`): the array is built in SQL.
          shape.platform ? sql`${campaigns.targetPlatforms} @> array[${value("platform")}::text]` : undefined,
          shape.activeOn
            ? and(lt(campaigns.startDate, value("dayEnd")), gte(campaigns.endDate, value("dayStart")))
            : undefined,
          shape.q ? ilike(campaigns.name, value("prefix")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

export async function listCampaigns(ctx: TenantContext, input: ListCampaignsInput) {
  const sort = input.sort ?? "-start_date";
  const page = paginate(input, campaignOrder(sort));
  const dayStart = input.active_on ? new Date(`${input.active_on}T00:00:00Z`) : undefined;
  const dayEnd = dayStart ? new Date(dayStart.getTime() + 86_400_000) : undefined;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: campaignsPage(
      db,
      {
        organizationId: ctx.organizationId,
        status: input.status,
        eventId: input.event_id,
        campaignType: input.campaign_type,
        platform: input.platform,
        dayStart: dayStart?.toISOString(),
        dayEnd: dayEnd?.toISOString(),
        prefix: input.q ? likePrefix(input.q) : undefined,
        ...page.values,
      },
      {
        sort,
        continued: page.continued,
        status: Boolean(input.status),
        eventId: Boolean(input.event_id),
        campaignType: Boolean(input.campaign_type),
        platform: Boolean(input.platform),
        activeOn: dayStart !== undefined && dayEnd !== undefined,
        q: Boolean(input.q),
      },
    ),
  }));
  return page.result(rows);
}

/**
 * Two round trips: read the campaign (and the event it is moved to) to decide (404, If-Match,
 * lifecycle, dates), then a write guarded by what was read and by the event still being live.
 */
export async function updateCampaign(
  ctx: TenantContext,
  id: string,
  patch: Partial<CampaignInput>,
  ifMatch: string | undefined,
): Promise<Campaign> {
  const eventId = patch.event_id;
  const { rows, eventRows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(campaigns)
      .where(ownedBy(ctx, campaigns.organizationId, eq(campaigns.id, id), isNull(campaigns.deletedAt))),
    eventRows: db
      .select({ id: events.id })
      .from(events)
      .where(eventId ? liveEvent(ctx, eventId) : sql`false`),
  }));
  const current = rows[0];
  if (!current) throw notFound();
  if (eventId && !eventRows[0]) throw eventNotFound();
  assertIfMatch(ifMatch, current.updatedAt);
  if (patch.status) assertTransition(CAMPAIGN_TRANSITIONS, current.status, patch.status, "campaign");
  const start = patch.start_date ? new Date(patch.start_date) : current.startDate;
  const end = patch.end_date ? new Date(patch.end_date) : current.endDate;
  if (start && end) assertDates(start, end);
  const changes = {
    eventId,
    name: patch.name,
    campaignType: patch.campaign_type,
    startDate: patch.start_date ? start : undefined,
    endDate: patch.end_date ? end : undefined,
    targetPlatforms: patch.target_platforms,
    kpiTargets: patch.kpi_targets,
    status: patch.status,
  };
  const set = definedFields(changes);
  const eventStillLive: SQL | undefined = eventId
    ? exists(ctx.db.select({ id: events.id }).from(events).where(liveEvent(ctx, eventId)))
    : undefined;
  const { updatedRows } = await inTenant(ctx, (db) => ({
    updatedRows: db
      .update(campaigns)
      .set({ ...set, updatedAt: ctx.now() })
      .where(
        and(
          ownedBy(ctx, campaigns.organizationId, eq(campaigns.id, id), isNull(campaigns.deletedAt)),
          unchangedSince(campaigns.updatedAt, current.updatedAt),
          eventStillLive,
        ),
      )
      .returning(),
    audit: auditEntry(ctx, db, {
      action: patch.status && patch.status !== current.status ? "campaign.status_change" : "campaign.update",
      entityType: "campaign",
      entityId: id,
      changes: diff(current as unknown as Record<string, unknown>, set),
      guard: campaigns,
    }),
  }));
  const updated = updatedRows[0];
  // Changed between our read and our write (or its new event was deleted meanwhile): stale view.
  if (!updated) {
    if (ifMatch) throw new PreconditionFailedError();
    throw new ConflictError("edit_conflict", "The campaign changed while you were saving; read it again.");
  }
  return updated;
}
