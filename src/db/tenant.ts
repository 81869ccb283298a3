/**
 * The one way tenant data is read and written. `inTenant` sends its queries as one batch (one HTTP
 * round trip, one transaction) whose first statement sets `app.org_id` for row-level security, so
 * even a query that forgot its `organization_id` filter sees only this tenant. Services still filter
 * by organisation explicitly (`ownedBy`): the policy is the second wall, not the first.
 */
import { and, type Column, eq, type SQL, sql } from "drizzle-orm";
import { type Batch, type BatchResult, sendBatch } from "./batch.ts";
import type { Database } from "./client.ts";
import { pgError } from "./errors.ts";

/**
 * An `Idempotency-Key` to claim in the request's first batch: the claim and the write commit or roll
 * back together, so a replay can never write twice.
 */
export interface IdempotencyClaim {
  key: string;
  method: string;
  path: string;
  hash: string;
  claimed: boolean;
}

/** What a tenant batch needs: the database, the organisation, and the request's claim, if any. */
export interface TenantScope {
  db: Database;
  organizationId: string;
  idempotency?: IdempotencyClaim;
  /** One event of the organisation (an API key's scope): the policies of migrations/0024 hide the rest. */
  eventScope?: string;
}

export function setTenant(db: Database, organizationId: string, eventScope?: string) {
  return eventScope
    ? db.execute(
        sql`select set_config('app.org_id', ${organizationId}, true), set_config('app.event_scope', ${eventScope}, true)`,
      )
    : db.execute(sql`select set_config('app.org_id', ${organizationId}, true)`);
}

/**
 * Sends `build`'s batch for this tenant (see db/batch.ts) and reads it back by name. The request's
 * `Idempotency-Key`, when not yet claimed, is claimed in the same batch.
 */
export async function inTenant<B extends Batch>(
  ctx: TenantScope,
  build: (db: Database) => B,
): Promise<BatchResult<B>> {
  const { db, organizationId } = ctx;
  const claim = ctx.idempotency && !ctx.idempotency.claimed ? ctx.idempotency : undefined;
  const prefix = [
    setTenant(db, organizationId, ctx.eventScope),
    ...(claim
      ? [
          db.execute(
            sql`select claim_idempotency_key(${organizationId}, ${claim.key}, ${claim.method}, ${claim.path}, ${claim.hash})`,
          ),
        ]
      : []),
  ];
  try {
    const results = (await sendBatch<Batch>(db, build(db), prefix)) as BatchResult<B>;
    if (claim) claim.claimed = true;
    return results;
  } catch (error) {
    if (claim && pgError(error)?.code === "GU409") throw new IdempotencyKeyInUse();
    throw error;
  }
}

/** The request's Idempotency-Key was already claimed (the middleware answers with the replay). */
export class IdempotencyKeyInUse extends Error {
  override name = "IdempotencyKeyInUse";
}

/** `organization_id = ctx.organizationId`, plus any further conditions. */
export function ownedBy(
  ctx: Pick<TenantScope, "organizationId">,
  column: Column,
  ...conditions: Array<SQL | undefined>
): SQL {
  return and(eq(column, ctx.organizationId), ...conditions) as SQL;
}
