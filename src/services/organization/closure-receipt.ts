/**
 * A closure's receipt: what was removed (rows by table, objects by kind, platform tokens by outcome),
 * and when; no personal data. The purge writes the final one to the ARCHIVES bucket under
 * `closures/<closure id>.json` and keeps it as the `organization_closures` row, which has no foreign
 * key to the organisation. The owner gets a signed link when they close (and on every read of the
 * closure): `GET /closures/receipt/{token}`, a purpose-bound JWT like an export's download link
 * (services/exports/link.ts), valid a long while, since its holder no longer has an account once the
 * purge is done. Before the purge the link answers the closure as it stands.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type OrganizationClosure, organizationClosures } from "../../db/schema/organization-closures.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { NotFoundError } from "../../errors.ts";
import { signPurposeToken, verifyPurposeToken } from "../../platform/jwt.ts";
import type { ServiceContext } from "../context.ts";

export const CLOSURE_RECEIPT_PURPOSE = "guddu-closure-receipt";
/** Past the longest grace period (90 days) by most of a year. */
export const CLOSURE_RECEIPT_LINK_TTL_SECONDS = 400 * 86_400;
export const RECEIPT_FORMAT = "guddu-closure-receipt" as const;

export const receiptKey = (closureId: string) => `closures/${closureId}.json`;

const LinkClaims = z.object({ sub: z.uuid(), org: z.uuid() });

export const closureReceiptInvalid = () =>
  new NotFoundError("closure_receipt_link_invalid", "This receipt link is invalid or has expired.");

export async function signClosureReceiptLink(
  config: Config,
  row: Pick<OrganizationClosure, "id" | "organizationId">,
  now = Date.now(),
): Promise<{ url: string; expiresAt: Date }> {
  const token = await signPurposeToken(
    config.JWT_PRIVATE_KEYS,
    CLOSURE_RECEIPT_PURPOSE,
    { sub: row.id, org: row.organizationId },
    { issuer: config.PUBLIC_BASE_URL, ttlSeconds: CLOSURE_RECEIPT_LINK_TTL_SECONDS, now },
  );
  return {
    url: `${config.PUBLIC_BASE_URL.replace(/\/+$/, "")}/closures/receipt/${token}`,
    expiresAt: new Date(Math.floor(now / 1000) * 1000 + CLOSURE_RECEIPT_LINK_TTL_SECONDS * 1000),
  };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, n) => a + Number(n), 0);
const sorted = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The receipt of a closure as it stands (final once `status` is `purged`). */
export function closureReceipt(row: OrganizationClosure) {
  const tokens = row.tokenRevocations;
  const outcome = (name: string) => tokens.filter((t) => t.outcome === name).length;
  return {
    format: RECEIPT_FORMAT,
    format_version: 1,
    receipt_id: row.id,
    organization_id: row.organizationId,
    status: row.status,
    grace_days: row.graceDays,
    requested_at: row.requestedAt.toISOString(),
    purge_after: row.purgeAfter.toISOString(),
    cancelled_at: iso(row.cancelledAt),
    purge_started_at: iso(row.purgeStartedAt),
    purged_at: iso(row.purgedAt),
    rows: { total: sum(row.removedRows), by_table: sorted(row.removedRows) },
    objects: { total: sum(row.removedObjects), by_kind: sorted(row.removedObjects) },
    platform_tokens: {
      revoked: outcome("revoked"),
      invalid: outcome("invalid"),
      failed: outcome("failed"),
      unsupported: outcome("unsupported"),
      accounts: tokens,
    },
  };
}

export type ClosureReceipt = ReturnType<typeof closureReceipt>;

/**
 * What a receipt link opens: the final receipt from the archives bucket (no database), or, before the
 * purge has finished, the closure as it stands (one round trip). 404 `closure_receipt_link_invalid`
 * for a forged or expired link.
 */
export async function openClosureReceipt(ctx: ServiceContext, token: string): Promise<ClosureReceipt> {
  let claims: unknown;
  try {
    claims = await verifyPurposeToken(ctx.config.JWT_PRIVATE_KEYS, CLOSURE_RECEIPT_PURPOSE, token, {
      issuer: ctx.config.PUBLIC_BASE_URL,
    });
  } catch {
    throw closureReceiptInvalid();
  }
  const parsed = LinkClaims.safeParse(claims);
  if (!parsed.success) throw closureReceiptInvalid();
  const stored = await ctx.config.ARCHIVES.get(receiptKey(parsed.data.sub));
  if (stored) return (await stored.json()) as ClosureReceipt;
  const scope = { db: ctx.db, organizationId: parsed.data.org };
  const { rows } = await inTenant(scope, (db) => ({
    rows: db
      .select()
      .from(organizationClosures)
      .where(
        ownedBy(scope, organizationClosures.organizationId, eq(organizationClosures.id, parsed.data.sub)),
      ),
  }));
  const row = rows[0];
  if (!row) throw closureReceiptInvalid();
  return closureReceipt(row);
}
