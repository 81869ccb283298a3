import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { type Platform, sqlList, timestamptz } from "./columns.ts";

/**
 * `pending`: the grace period, the organisation frozen; `cancelled` by its owner in time; `purging`:
 * the nightly lifecycle is removing everything; `purged`: only this row (the receipt) is left.
 */
export const CLOSURE_STATUSES = ["pending", "cancelled", "purging", "purged"] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];

/** Where a purge stands, in order (services/organization/closure-purge.ts). */
export const CLOSURE_PHASES = [
  "tokens",
  "uploads",
  "deliveries",
  "rows",
  "objects",
  "receipt",
  "done",
] as const;
export type ClosurePhase = (typeof CLOSURE_PHASES)[number];

export const CLOSURE_GRACE_DAYS = { min: 7, default: 30, max: 90 } as const;

/**
 * What became of one social account's platform tokens: `revoked` by the platform, `invalid` (the
 * platform said they no longer worked), `failed` (the platform did not revoke them: why, as its error
 * kind and code, never its text), `unsupported` (the platform has no way to revoke them).
 */
export interface TokenRevocation {
  social_account_id: string;
  platform: Platform;
  outcome: "revoked" | "invalid" | "failed" | "unsupported";
  error_kind?: string;
  error_code?: string | null;
}

/**
 * An organisation's closure, and after the purge its receipt. No foreign key to `organizations` and
 * no personal data (the owner's `reason` is cleared when the purge starts): it outlives the
 * organisation, read through the receipt link (services/organization/closure-receipt.ts).
 */
export const organizationClosures = pgTable(
  "organization_closures",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid().notNull(),
    status: text().$type<ClosureStatus>().notNull().default("pending"),
    phase: text().$type<ClosurePhase>().notNull().default("tokens"),
    reason: text(),
    graceDays: integer().notNull(),
    requestedAt: timestamptz().notNull().defaultNow(),
    purgeAfter: timestamptz().notNull(),
    cancelledAt: timestamptz(),
    purgeStartedAt: timestamptz(),
    purgedAt: timestamptz(),
    /** Rows deleted, by table (`organizations`: 1). */
    removedRows: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** Objects deleted from R2, by kind (media, exports, archives, kept webhook deliveries, multipart uploads). */
    removedObjects: jsonb().$type<Record<string, number>>().notNull().default({}),
    tokenRevocations: jsonb().$type<TokenRevocation[]>().notNull().default([]),
    /** Bumped by every step: a step writes only when nobody stepped meanwhile. */
    version: integer().notNull().default(0),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organization_closures_open_key")
      .on(t.organizationId)
      .where(sql`status in ('pending', 'purging')`),
    index("organization_closures_organization_id_requested_at_idx").on(t.organizationId, t.requestedAt),
    index("organization_closures_status_purge_after_idx").on(t.status, t.purgeAfter),
    check("organization_closures_status_check", sql`${t.status} in (${sqlList(CLOSURE_STATUSES)})`),
    check("organization_closures_phase_check", sql`${t.phase} in (${sqlList(CLOSURE_PHASES)})`),
    check(
      "organization_closures_grace_days_check",
      sql`${t.graceDays} between ${sql.raw(String(CLOSURE_GRACE_DAYS.min))} and ${sql.raw(String(CLOSURE_GRACE_DAYS.max))}`,
    ),
  ],
);

export type OrganizationClosure = typeof organizationClosures.$inferSelect;
