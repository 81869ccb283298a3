/**
 * The purge of a closed organisation, one bounded step at a time on the `guddu-lifecycle` queue (as
 * retention: services/retention/step.ts). Where it stands lives in its `organization_closures` row
 * (`phase`, counts, `version`), so a run that stops resumes the next night and a second run finds
 * nothing to do. Phases, in order:
 *
 * - `tokens`: each social account's platform tokens revoked where the platform allows (one account a
 *   step; what came of it goes in the receipt, a failure included, and the purge carries on);
 * - `uploads`: multipart uploads in flight aborted in R2 (the rows only know their upload ids);
 * - `deliveries`: webhook deliveries kept in R2 for it alone (its `inbound_failures` name them);
 * - `rows`: every row of the organisation, a chunk of one table a step (`closure_purge_chunk`,
 *   migrations/0030: children first, partitions one by one, audit rows included), then its own row;
 * - `objects`: every R2 object under its prefixes (media, exports, retention archives), 1,000 a step;
 * - `receipt`: the receipt written to the archives bucket, the closure `purged`.
 */
import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Platform } from "../../db/schema/columns.ts";
import { mediaUploads } from "../../db/schema/media-uploads.ts";
import {
  type ClosurePhase,
  type OrganizationClosure,
  organizationClosures,
  type TokenRevocation,
} from "../../db/schema/organization-closures.ts";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { deleteSome } from "../archives/store.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { failedDeliveryKey } from "../inbound/delivery-archive.ts";
import { storageKeyOf } from "../media/media.ts";
import type { StepResult } from "../retention/step.ts";
import { revokeAccountTokens } from "../social-accounts/revoke.ts";
import { closureReceipt, receiptKey } from "./closure-receipt.ts";

/** Multipart uploads aborted per step. */
const UPLOADS_PER_STEP = 100;
/** R2 deletes at most this many keys a call. */
const R2_DELETE_MAX = 1000;

/** The R2 prefixes an organisation's objects live under, by the kind the receipt counts. */
export function objectPrefixes(config: Config, organizationId: string) {
  return [
    { kind: "media", bucket: config.MEDIA, prefix: storageKeyOf(organizationId, "") },
    { kind: "exports", bucket: config.ARCHIVES, prefix: `exports/${organizationId}/` },
    { kind: "archives", bucket: config.ARCHIVES, prefix: `archives/${organizationId}/` },
  ] as const;
}

/** `column` with `n` added to its `key` (a jsonb object of counts). */
const counted = (column: SQL, key: string, n: number) =>
  sql`jsonb_set(${column}, ${`{${key}}`}::text[], to_jsonb(coalesce((${column}->>${key})::bigint, 0) + ${n}))`;

/**
 * Writes `set` onto the closure if nobody stepped since it was read (its `version`); answers whether
 * it did. Every step ends with one of these.
 */
async function advance(
  ctx: TenantContext,
  closure: OrganizationClosure,
  set: PgUpdateSetSource<typeof organizationClosures>,
): Promise<boolean> {
  const { written } = await inTenant(ctx, (db) => ({
    written: db
      .update(organizationClosures)
      .set({ ...set, version: sql`${organizationClosures.version} + 1`, updatedAt: ctx.now() })
      .where(
        ownedBy(
          ctx,
          organizationClosures.organizationId,
          eq(organizationClosures.id, closure.id),
          eq(organizationClosures.version, closure.version),
        ),
      )
      .returning({ id: organizationClosures.id }),
  }));
  return written.length > 0;
}

const nextPhase = (ctx: TenantContext, closure: OrganizationClosure, phase: ClosurePhase) =>
  advance(ctx, closure, { phase });

/** The open closure and, while revoking, the next account whose tokens are still to revoke (one round trip). */
async function survey(ctx: TenantContext) {
  const found = await inTenant(ctx, (db) => ({
    closures: db
      .select()
      .from(organizationClosures)
      .where(
        ownedBy(
          ctx,
          organizationClosures.organizationId,
          inArray(organizationClosures.status, ["pending", "purging"]),
        ),
      ),
    accounts: db
      .select()
      .from(socialAccounts)
      .where(
        ownedBy(
          ctx,
          socialAccounts.organizationId,
          sql`${socialAccounts.id} not in (select (r->>'social_account_id')::uuid
            from ${organizationClosures} c cross join lateral jsonb_array_elements(c.token_revocations) r
            where c.organization_id = ${ctx.organizationId} and c.status = 'purging')`,
        ),
      )
      .orderBy(asc(socialAccounts.id))
      .limit(1),
  }));
  return { closure: found.closures[0], account: found.accounts[0] };
}

async function revokeNext(
  ctx: TenantContext,
  closure: OrganizationClosure,
  account: SocialAccount | undefined,
): Promise<StepResult> {
  if (!account) {
    await nextPhase(ctx, closure, "uploads");
    return { more: true, did: "tokens done" };
  }
  const revocation: TokenRevocation = await revokeAccountTokens(ctx.config, account);
  await advance(ctx, closure, {
    tokenRevocations: sql`${organizationClosures.tokenRevocations} || ${JSON.stringify([revocation])}::jsonb`,
  });
  return { more: true, did: `token ${revocation.outcome}` };
}

async function abortUploads(ctx: TenantContext, closure: OrganizationClosure): Promise<StepResult> {
  const { uploads } = await inTenant(ctx, (db) => ({
    uploads: db
      .select({ id: mediaUploads.id, key: mediaUploads.storageKey, uploadId: mediaUploads.r2UploadId })
      .from(mediaUploads)
      .where(ownedBy(ctx, mediaUploads.organizationId, eq(mediaUploads.status, "uploading")))
      .limit(UPLOADS_PER_STEP),
  }));
  if (uploads.length === 0) {
    await nextPhase(ctx, closure, "deliveries");
    return { more: true, did: "uploads done" };
  }
  await Promise.all(
    uploads.map(async ({ key, uploadId }) => {
      try {
        await ctx.config.MEDIA.resumeMultipartUpload(key, uploadId).abort();
      } catch {
        // Completed or aborted already, or gone: nothing is left of it in R2 either way.
      }
    }),
  );
  const ids = uploads.map((u) => u.id);
  await inTenant(ctx, (db) => ({
    aborted: db
      .update(mediaUploads)
      .set({ status: "aborted" })
      .where(ownedBy(ctx, mediaUploads.organizationId, inArray(mediaUploads.id, ids))),
  }));
  await advance(ctx, closure, {
    removedObjects: counted(sql`${organizationClosures.removedObjects}`, "multipart_uploads", ids.length),
  });
  return { more: true, did: `uploads aborted ${ids.length}` };
}

async function deleteKeptDeliveries(ctx: TenantContext, closure: OrganizationClosure): Promise<StepResult> {
  const { kept } = await inTenant(ctx, (db) => ({
    kept: db.execute<{ platform: Platform; delivery_id: string }>(
      sql`select platform, delivery_id from closure_kept_deliveries(${closure.id}::uuid)`,
    ),
  }));
  const keys = kept.rows.map((row) => failedDeliveryKey(row));
  for (let at = 0; at < keys.length; at += R2_DELETE_MAX) {
    await ctx.config.MEDIA.delete(keys.slice(at, at + R2_DELETE_MAX));
  }
  await advance(ctx, closure, {
    phase: "rows",
    removedObjects: counted(
      sql`${organizationClosures.removedObjects}`,
      "kept_webhook_deliveries",
      keys.length,
    ),
  });
  return { more: true, did: `kept deliveries ${keys.length}` };
}

/** One chunk of rows; once the organisation's own row is gone, on to the objects (same round trip). */
async function purgeRows(ctx: TenantContext, closure: OrganizationClosure): Promise<StepResult> {
  const { chunk } = await inTenant(ctx, (db) => ({
    chunk: db.execute<{ table_name: string; deleted: number }>(
      sql`select table_name, deleted from closure_purge_chunk(${closure.id}::uuid, ${ctx.config.LIFECYCLE_CHUNK_ROWS}::integer)`,
    ),
    done: db.execute(sql`update organization_closures set phase = 'objects', version = version + 1, updated_at = now()
      where id = ${closure.id} and phase = 'rows'
        and not exists (select 1 from organizations where id = ${ctx.organizationId})`),
  }));
  const row = chunk.rows[0];
  return { more: true, did: row ? `rows ${row.table_name} ${row.deleted}` : "rows done" };
}

async function deleteObjects(ctx: TenantContext, closure: OrganizationClosure): Promise<StepResult> {
  for (const { kind, bucket, prefix } of objectPrefixes(ctx.config, ctx.organizationId)) {
    const deleted = await deleteSome(bucket, prefix);
    if (deleted === 0) continue;
    // Guarded like every step: two runs at once that deleted the same page count it once.
    await advance(ctx, closure, {
      removedObjects: counted(sql`${organizationClosures.removedObjects}`, kind, deleted),
    });
    return { more: true, did: `objects ${kind} ${deleted}` };
  }
  await nextPhase(ctx, closure, "receipt");
  return { more: true, did: "objects done" };
}

async function writeReceipt(ctx: TenantContext, closure: OrganizationClosure): Promise<StepResult> {
  const purgedAt = ctx.now();
  const final = { ...closure, status: "purged" as const, phase: "done" as const, purgedAt };
  await ctx.config.ARCHIVES.put(receiptKey(closure.id), JSON.stringify(closureReceipt(final), null, 2), {
    httpMetadata: { contentType: "application/json" },
  });
  await advance(ctx, closure, { status: "purged", phase: "done", purgedAt });
  return { more: false, did: "receipt written" };
}

/**
 * Runs one step of `organizationId`'s closure as of `asOf` (the nightly run's time: a closure whose
 * grace period is not over by then waits); `more` when another step has work.
 */
export async function runClosureStep(
  config: Config,
  organizationId: string,
  asOf: Date,
): Promise<StepResult> {
  const ctx = systemContext(config, organizationId, "closure");
  const { closure, account } = await survey(ctx);
  if (!closure) return { more: false, did: "no closure" };
  if (closure.status === "pending") {
    if (closure.purgeAfter > asOf) return { more: false, did: "grace period" };
    // The owner's words do not outlive the grace period: the receipt holds no one's data.
    await advance(ctx, closure, { status: "purging", purgeStartedAt: ctx.now(), reason: null });
    return { more: true, did: "purge started" };
  }
  switch (closure.phase) {
    case "tokens":
      return revokeNext(ctx, closure, account);
    case "uploads":
      return abortUploads(ctx, closure);
    case "deliveries":
      return deleteKeptDeliveries(ctx, closure);
    case "rows":
      return purgeRows(ctx, closure);
    case "objects":
      return deleteObjects(ctx, closure);
    case "receipt":
      return writeReceipt(ctx, closure);
    case "done":
      return { more: false, did: "purged" };
  }
}
