/**
 * The one way tenant data is read and written. `inTenant` sends its queries as one batch (one HTTP
 * round trip, one transaction) whose first statement sets `app.org_id` for row-level security, so
 * even a query that forgot its `organization_id` filter sees only this tenant. Services still filter
 * by organisation explicitly (`ownedBy`): the policy is the second wall, not the first.
 */
import { and, type Column, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { TenantContext } from "../services/context.ts";
import type { Database } from "./client.ts";
import { pgError } from "./errors.ts";

type Queries = readonly [BatchItem<"pg">, ...BatchItem<"pg">[]];

export function setTenant(db: Database, organizationId: string) {
  return db.execute(sql`select set_config('app.org_id', ${organizationId}, true)`);
}

export async function inTenant<T extends Queries>(
  ctx: Pick<TenantContext, "db" | "organizationId" | "idempotency">,
  build: (db: Database) => T,
): Promise<BatchResponse<T>> {
  const { db, organizationId } = ctx;
  const claim = ctx.idempotency && !ctx.idempotency.claimed ? ctx.idempotency : undefined;
  const prefix = [
    setTenant(db, organizationId),
    ...(claim
      ? [
          db.execute(
            sql`select claim_idempotency_key(${organizationId}, ${claim.key}, ${claim.method}, ${claim.path}, ${claim.hash})`,
          ),
        ]
      : []),
  ] as const;
  let results: unknown[];
  try {
    results = await db.batch([...prefix, ...build(db)]);
  } catch (error) {
    if (claim && pgError(error)?.code === "GU409") throw new IdempotencyKeyInUse();
    throw error;
  }
  if (claim) claim.claimed = true;
  return results.slice(prefix.length) as BatchResponse<T>;
}

/** The request's Idempotency-Key was already claimed (the middleware answers with the replay). */
export class IdempotencyKeyInUse extends Error {
  override name = "IdempotencyKeyInUse";
}

/** `organization_id = ctx.organizationId`, plus any further conditions. */
export function ownedBy(
  ctx: Pick<TenantContext, "organizationId">,
  column: Column,
  ...conditions: Array<SQL | undefined>
): SQL {
  return and(eq(column, ctx.organizationId), ...conditions) as SQL;
}
