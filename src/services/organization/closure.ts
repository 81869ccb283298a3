/**
 * Closing an organisation (README, "Data lifecycle › Closing an organisation"): its owner asks, the
 * organisation turns `closing` for a grace period, in which it is frozen (db/tenant.ts refuses every
 * write of its API; the cross-tenant claims of migrations/0030 take nothing of it; its public widgets
 * answer 404) while its people still read and export; the owner may cancel until the period ends.
 * Then the nightly lifecycle purges it (closure-purge.ts). Asking and cancelling are one round trip
 * each, audited; the widgets' live channels are told afterwards, so cached answers stop at once.
 */
import { and, desc, eq, gt, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { eventWidgets } from "../../db/schema/event-widgets.ts";
import {
  CLOSURE_GRACE_DAYS,
  type OrganizationClosure,
  organizationClosures,
} from "../../db/schema/organization-closures.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError, OrganizationClosingError, UnprocessableError } from "../../errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { publishLive } from "../public/live.ts";

export interface CloseOrganizationInput {
  /** The organisation's slug, typed by its owner: a closure is never one click away. */
  confirm_slug: string;
  reason?: string | null;
  grace_days?: number;
}

export const closureNotFound = () =>
  new NotFoundError("closure_not_found", "This organisation has no closure to show or cancel.");

/** The organisation's latest closure (any status). */
const latestClosure = (ctx: TenantContext, db: Database) =>
  db
    .select()
    .from(organizationClosures)
    .where(ownedBy(ctx, organizationClosures.organizationId))
    .orderBy(desc(organizationClosures.requestedAt))
    .limit(1);

/** The public keys of the organisation's switched-on widgets, when `guard` holds. */
const widgetKeys = (ctx: TenantContext, db: Database, guard: SQL) =>
  db
    .select({ key: eventWidgets.publicKey })
    .from(eventWidgets)
    .where(ownedBy(ctx, eventWidgets.organizationId, eq(eventWidgets.enabled, true), guard));

/** Moves each widget's live version on: cached public answers stop, open widgets read again. */
async function refreshWidgets(ctx: TenantContext, keys: Array<{ key: string }>, logger?: Logger) {
  await Promise.all(keys.map(({ key }) => publishLive(ctx.config, key, [], logger)));
}

/**
 * `POST /v1/organization/closure`: the organisation turns `closing` and its closure starts, with
 * the audit row, in one round trip. 422 `closure_confirmation_mismatch` when the slug is not the
 * organisation's; 409 `organization_closing` when it is closing already (the write guard).
 */
export async function closeOrganization(
  ctx: TenantContext,
  input: CloseOrganizationInput,
  logger?: Logger,
): Promise<OrganizationClosure> {
  const id = crypto.randomUUID();
  const org = ctx.organizationId;
  const now = ctx.now();
  const graceDays = input.grace_days ?? CLOSURE_GRACE_DAYS.default;
  const purgeAfter = new Date(now.getTime() + graceDays * 86_400_000);
  const closedHere = sql`exists (select 1 from ${organizations} where ${organizations.id} = ${org} and xmin = pg_current_xact_id()::xid)`;
  const found = await inTenant(ctx, (db) => ({
    current: db
      .select({ slug: organizations.slug, status: organizations.status })
      .from(organizations)
      .where(and(eq(organizations.id, org), isNull(organizations.deletedAt))),
    closing: db
      .update(organizations)
      .set({ status: "closing", updatedAt: now })
      .where(
        and(
          eq(organizations.id, org),
          eq(organizations.status, "active"),
          eq(organizations.slug, input.confirm_slug),
          isNull(organizations.deletedAt),
        ),
      )
      .returning({ id: organizations.id }),
    inserted: db.execute(sql`
      insert into organization_closures (id, organization_id, reason, grace_days, requested_at, purge_after)
      select ${id}, ${org}, ${input.reason ?? null}, ${graceDays}, ${now.toISOString()}::timestamptz,
             ${purgeAfter.toISOString()}::timestamptz
      where ${closedHere}`),
    closure: db
      .select()
      .from(organizationClosures)
      .where(ownedBy(ctx, organizationClosures.organizationId, eq(organizationClosures.id, id))),
    widgets: widgetKeys(ctx, db, closedHere),
    audit: auditEntry(ctx, db, {
      action: "organization.close",
      entityType: "organization",
      entityId: org,
      // The owner's reason is theirs to read back, not the trail's (it may name people).
      changes: {
        status: { from: "active", to: "closing" },
        closure_id: id,
        grace_days: graceDays,
        purge_after: purgeAfter.toISOString(),
        reason_given: Boolean(input.reason),
      },
      guard: organizations,
    }),
  }));
  const current = found.current[0];
  if (!current) throw new NotFoundError("organization_not_found", "Your organisation no longer exists.");
  const closure = found.closure[0];
  if (!closure) {
    if (current.slug !== input.confirm_slug) {
      throw new UnprocessableError(
        "closure_confirmation_mismatch",
        "confirm_slug is not this organisation's slug: send it exactly as GET /v1/organization shows it.",
      );
    }
    if (current.status === "closing") throw new OrganizationClosingError();
    throw new ConflictError(
      "organization_not_active",
      `The organisation is ${current.status}; only an active organisation can be closed.`,
    );
  }
  await refreshWidgets(ctx, found.widgets, logger);
  return closure;
}

/**
 * `DELETE /v1/organization/closure`: during the grace period the closure is cancelled and the
 * organisation active again, with the audit row, in one round trip. 404 `closure_not_found` without a
 * pending closure; 409 `closure_grace_period_over` once its purge is due or under way.
 */
export async function cancelClosure(ctx: TenantContext, logger?: Logger): Promise<OrganizationClosure> {
  const org = ctx.organizationId;
  const now = ctx.now();
  const cancelledHere = sql`exists (select 1 from ${organizationClosures} where ${organizationClosures.organizationId} = ${org}
    and ${organizationClosures.status} = 'cancelled' and xmin = pg_current_xact_id()::xid)`;
  const found = await inTenant(ctx, (db) => ({
    latest: latestClosure(ctx, db),
    cancelled: db
      .update(organizationClosures)
      .set({
        status: "cancelled",
        cancelledAt: now,
        version: sql`${organizationClosures.version} + 1`,
        updatedAt: now,
      })
      .where(
        ownedBy(
          ctx,
          organizationClosures.organizationId,
          eq(organizationClosures.status, "pending"),
          gt(organizationClosures.purgeAfter, now),
        ),
      )
      .returning(),
    reopened: db
      .update(organizations)
      .set({ status: "active", updatedAt: now })
      .where(and(eq(organizations.id, org), eq(organizations.status, "closing"), cancelledHere)),
    widgets: widgetKeys(ctx, db, cancelledHere),
    audit: auditEntry(ctx, db, {
      action: "organization.closure_cancel",
      entityType: "organization",
      entityId: org,
      changes: { status: { from: "closing", to: "active" } },
      guard: cancelledHere,
    }),
  }));
  const cancelled = found.cancelled[0];
  if (!cancelled) {
    const latest = found.latest[0];
    if (!latest || latest.status === "cancelled") throw closureNotFound();
    throw new ConflictError(
      "closure_grace_period_over",
      `The grace period ended at ${latest.purgeAfter.toISOString()}: the organisation's data is being deleted.`,
    );
  }
  await refreshWidgets(ctx, found.widgets, logger);
  return cancelled;
}

/** `GET /v1/organization/closure`: the latest closure, whatever became of it (one round trip). */
export async function getClosure(ctx: TenantContext): Promise<OrganizationClosure> {
  const { latest } = await inTenant(ctx, (db) => ({ latest: latestClosure(ctx, db) }));
  const closure = latest[0];
  if (!closure) throw closureNotFound();
  return closure;
}
