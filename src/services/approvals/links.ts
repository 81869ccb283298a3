/**
 * Approval links: a signed, expiring, single-use token that lets someone without an account (a
 * speaker, a VIP's office) see one content version and approve or reject one step of its request.
 * The token names the organisation, the request, the step, and who it was sent to; the request's
 * Durable Object remembers each used token (`jti`), so a link acts once. Tokens are signed with the
 * API's keys under their own purpose: never accepted as an access token, nor the other way round.
 */
import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { z } from "zod";
import { approvalRequests } from "../../db/schema/approval-requests.ts";
import { content } from "../../db/schema/content.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import { InvalidTokenError, signPurposeToken, verifyPurposeToken } from "../../platform/jwt.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { approvalRequestNotFound } from "./requests.ts";

export const APPROVAL_LINK_PURPOSE = "guddu-approval-link";
/** A link lives at most a week: long enough for a VIP's office, short enough to be forgotten safely. */
export const MAX_LINK_HOURS = 168;

export interface LinkClaims {
  requestId: string;
  organizationId: string;
  step: number;
  name: string;
  email: string;
  jti: string;
  /** Seconds since the epoch. */
  exp: number;
}

const ClaimsSchema = z.object({
  sub: z.uuid(),
  org: z.uuid(),
  step: z.number().int().min(1),
  name: z.string().min(1),
  email: z.string().min(3),
  jti: z.string().min(1),
  exp: z.number().int(),
});

/** Any token that is not one of ours, altered, or not a link at all: one answer, no detail. */
const linkNotFound = () => new NotFoundError("approval_link_not_found", "No such approval link.");

export class ApprovalLinkExpiredError extends AppError {
  constructor() {
    super(410, "approval_link_expired", "Gone", "This approval link has expired; ask for a new one.");
  }
}

export async function signApprovalLink(
  config: Config,
  link: Omit<LinkClaims, "jti" | "exp">,
  ttlSeconds: number,
  now?: number,
): Promise<{ token: string; claims: LinkClaims }> {
  const token = await signPurposeToken(
    config.JWT_PRIVATE_KEYS,
    APPROVAL_LINK_PURPOSE,
    { sub: link.requestId, org: link.organizationId, step: link.step, name: link.name, email: link.email },
    { issuer: config.PUBLIC_BASE_URL, ttlSeconds, ...(now === undefined ? {} : { now }) },
  );
  const { jti, exp } = decodeJwt(token);
  return { token, claims: { ...link, jti: jti as string, exp: exp as number } };
}

/** Where the link is sent: the public API route that shows and decides (see routes/v1/approval-links). */
export function approvalLinkUrl(config: Config, token: string): string {
  return `${config.PUBLIC_BASE_URL.replace(/\/$/, "")}/v1/approval-links/${token}`;
}

/** The link's claims; 410 `approval_link_expired` when it has expired, 404 for anything else wrong. */
export async function readApprovalLink(config: Config, token: string): Promise<LinkClaims> {
  let payload: Record<string, unknown>;
  try {
    payload = await verifyPurposeToken(config.JWT_PRIVATE_KEYS, APPROVAL_LINK_PURPOSE, token, {
      issuer: config.PUBLIC_BASE_URL,
    });
  } catch (error) {
    if (error instanceof InvalidTokenError && error.reason === "expired")
      throw new ApprovalLinkExpiredError();
    if (error instanceof InvalidTokenError) throw linkNotFound();
    throw error;
  }
  const claims = ClaimsSchema.safeParse(payload);
  if (!claims.success) throw linkNotFound();
  const { sub, org, ...rest } = claims.data;
  return { requestId: sub, organizationId: org, ...rest };
}

/** Audits a link sent (`approval_request.link_create`, by its sender). One round trip. */
export async function recordLinkIssued(ctx: TenantContext, claims: LinkClaims): Promise<void> {
  await inTenant(ctx, (db) => ({
    audit: auditEntry(ctx, db, {
      action: "approval_request.link_create",
      entityType: "approval_request",
      entityId: claims.requestId,
      changes: {
        step: claims.step,
        link: { jti: claims.jti, expires_at: new Date(claims.exp * 1000).toISOString() },
        sent_to: { name: claims.name, email: claims.email },
      },
    }),
  }));
}

/** What a link shows: the content version under review. One round trip. */
export async function readLinkedContent(ctx: TenantContext, requestId: string) {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({
        id: content.id,
        version: content.version,
        contentType: content.contentType,
        title: content.title,
        caption: content.caption,
        hashtags: content.hashtags,
        mediaAssets: content.mediaAssets,
        targetPlatforms: content.targetPlatforms,
        scheduledFor: content.scheduledFor,
      })
      .from(approvalRequests)
      .innerJoin(content, eq(content.id, approvalRequests.contentId))
      .where(ownedBy(ctx, approvalRequests.organizationId, eq(approvalRequests.id, requestId))),
  }));
  const row = rows[0];
  if (!row) throw approvalRequestNotFound();
  return row;
}
