import { z } from "@hono/zod-openapi";
import {
  CLOSURE_GRACE_DAYS,
  CLOSURE_STATUSES,
  type OrganizationClosure,
} from "../../../db/schema/organization-closures.ts";
import type { Organization } from "../../../db/schema/organizations.ts";
import { PlatformSchema } from "../common.ts";

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    logo_url: z.string().nullable(),
    country_code: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    status: z.string(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("Organization");

export function toOrganization(row: Organization): z.infer<typeof OrganizationSchema> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    logo_url: row.logoUrl,
    country_code: row.countryCode,
    settings: row.settings,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const SlugSchema = z
  .string()
  .min(3)
  .max(63)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and single dashes")
  .openapi({ example: "africa-energy-forum" });

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as KE")
  .openapi({ example: "KE" });

export const CloseOrganizationBody = z
  .strictObject({
    confirm_slug: SlugSchema.openapi({
      description:
        "The organisation's slug, exactly as GET /v1/organization shows it: the owner's confirmation",
    }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .nullable()
      .optional()
      .openapi({ description: "Why, in the owner's words; cleared when the purge starts" }),
    grace_days: z
      .int()
      .min(CLOSURE_GRACE_DAYS.min)
      .max(CLOSURE_GRACE_DAYS.max)
      .optional()
      .openapi({ description: `Days until the purge (default ${CLOSURE_GRACE_DAYS.default})` }),
  })
  .openapi("CloseOrganizationRequest", {
    example: { confirm_slug: "africa-energy-forum", reason: "We no longer run events.", grace_days: 30 },
  });

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export const ClosureSchema = z
  .object({
    id: z.uuid().openapi({ description: "The closure, and the receipt's id" }),
    organization_id: z.uuid(),
    status: z.enum(CLOSURE_STATUSES).openapi({
      description:
        "pending (the grace period: everything frozen, reading and exporting still work) → purging → purged; or cancelled",
    }),
    grace_days: z.int(),
    reason: z.string().nullable(),
    requested_at: z.iso.datetime(),
    purge_after: z.iso
      .datetime()
      .openapi({ description: "When the grace period ends and the purge may start" }),
    cancelled_at: z.iso.datetime().nullable(),
    purge_started_at: z.iso.datetime().nullable(),
    purged_at: z.iso.datetime().nullable(),
    receipt_url: z.url().openapi({
      description:
        "A signed link to the closure's receipt, needing no token and working after the purge (keep it: the accounts go too)",
    }),
    receipt_url_expires_at: z.iso.datetime(),
  })
  .openapi("OrganizationClosure");

export function toClosure(
  row: OrganizationClosure,
  receipt: { url: string; expiresAt: Date },
): z.infer<typeof ClosureSchema> {
  return {
    id: row.id,
    organization_id: row.organizationId,
    status: row.status,
    grace_days: row.graceDays,
    reason: row.reason,
    requested_at: row.requestedAt.toISOString(),
    purge_after: row.purgeAfter.toISOString(),
    cancelled_at: iso(row.cancelledAt),
    purge_started_at: iso(row.purgeStartedAt),
    purged_at: iso(row.purgedAt),
    receipt_url: receipt.url,
    receipt_url_expires_at: receipt.expiresAt.toISOString(),
  };
}

const Counts = z.object({ total: z.int() });

export const ClosureReceiptSchema = z
  .object({
    format: z.literal("guddu-closure-receipt"),
    format_version: z.int(),
    receipt_id: z.uuid(),
    organization_id: z.uuid(),
    status: z.enum(CLOSURE_STATUSES),
    grace_days: z.int(),
    requested_at: z.iso.datetime(),
    purge_after: z.iso.datetime(),
    cancelled_at: z.iso.datetime().nullable(),
    purge_started_at: z.iso.datetime().nullable(),
    purged_at: z.iso.datetime().nullable(),
    rows: Counts.extend({ by_table: z.record(z.string(), z.int()) }),
    objects: Counts.extend({
      by_kind: z.record(z.string(), z.int()).openapi({
        description: "media, exports, archives (retention), kept_webhook_deliveries, multipart_uploads",
      }),
    }),
    platform_tokens: z.object({
      revoked: z.int(),
      invalid: z.int().openapi({ description: "The platform said they no longer worked" }),
      failed: z.int(),
      unsupported: z.int().openapi({ description: "The platform offers no way to revoke them" }),
      accounts: z.array(
        z.object({
          social_account_id: z.uuid(),
          platform: PlatformSchema,
          outcome: z.enum(["revoked", "invalid", "failed", "unsupported"]),
          error_kind: z.string().optional(),
          error_code: z.string().nullable().optional(),
        }),
      ),
    }),
  })
  .openapi("OrganizationClosureReceipt", {
    description: "What a closure removed, and when; no personal data. Final once status is purged.",
  });
