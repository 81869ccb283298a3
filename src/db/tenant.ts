/**
 * The one way tenant data is read and written. `inTenant` sends its queries as one batch (one HTTP
 * round trip, one transaction) whose first statement sets `app.org_id` for row-level security, so
 * even a query that forgot its `organization_id` filter sees only this tenant. Services still filter
 * by organisation explicitly (`ownedBy`): the policy is the second wall, not the first.
 */
import { and, type Column, eq, type SQL, sql } from "drizzle-orm";
import { OrganizationClosingError, UnauthorizedError } from "../errors.ts";
import { type Batch, type BatchResult, sendBatch } from "./batch.ts";
import type { Database } from "./client.ts";
import { pgError } from "./errors.ts";
import { preparedStatement, type Value } from "./prepared.ts";

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
  /**
   * The events an API key or a user is limited to: the `event_scope` policies (migrations/0035) hide
   * every other event's rows. An empty list sees no event.
   */
  eventScope?: readonly string[];
  /** The signed-in user whose access the batch checks first (see `setTenant`). */
  userAccess?: UserAccessCheck;
  /**
   * The request writes on the organisation's behalf: each of its batches refuses (409
   * organization_closing) while the organisation is closing (see `setTenant`).
   */
  closingGuard?: boolean;
  now?: () => Date;
}

/** Who must still be allowed in: the user and the access version their token was issued under. */
export interface UserAccessCheck {
  userId: string;
  version: number;
}

/** Matches no event: the scope of a user whose every event is gone (an empty setting means none). */
const NO_EVENT = "00000000-0000-0000-0000-000000000000";

/**
 * The batch's first statement: the organisation (and event scope) for row-level security and, for a
 * user's request, `assert_user_access` — in the same statement, so checking that the user's access
 * still holds (still active and not deleted, the same role and permissions, a window not shortened,
 * an event not moved earlier, the same events as when the token was issued) costs no round trip. It
 * raises GU401, which `inTenant` answers as a 401. Every tenant batch sends it, so its text is
 * rendered once per shape (db/prepared.ts).
 */
const tenantSetting = preparedStatement(
  "tenant",
  (
    db,
    value: Value<"organizationId" | "eventScope" | "userId" | "accessVersion" | "at">,
    shape: { scoped: boolean; access: boolean; closingGuard: boolean },
  ) => {
    const scope = shape.scoped ? sql`, set_config('app.event_scope', ${value("eventScope")}, true)` : sql``;
    const guard = shape.access
      ? sql`, assert_user_access(${value("userId")}, ${value("accessVersion")}, ${value("at")})`
      : sql``;
    // A closing organisation takes no writes: checked here too, so that costs no round trip either (GUCLS).
    const closing = shape.closingGuard
      ? sql`, assert_organization_writable(${value("organizationId")}::uuid)`
      : sql``;
    return db.execute(
      sql`select set_config('app.org_id', ${value("organizationId")}, true)${scope}${guard}${closing}`,
    );
  },
);

export function setTenant(
  db: Database,
  organizationId: string,
  eventScope?: readonly string[],
  access?: UserAccessCheck & { at: Date },
  closingGuard = false,
) {
  return tenantSetting(
    db,
    {
      organizationId,
      eventScope: eventScope && (eventScope.join(",") || NO_EVENT),
      userId: access?.userId,
      accessVersion: access?.version,
      at: access?.at.toISOString(),
    },
    { scoped: eventScope !== undefined, access: access !== undefined, closingGuard },
  );
}

/** SQLSTATE `deadlock_detected`. */
const DEADLOCK_DETECTED = "40P01";

const ACCESS_REFUSALS: Record<string, string> = {
  token_revoked: "Your access changed since this token was issued; refresh it.",
  access_ended: "Your access has ended.",
  access_not_started: "Your access has not started yet.",
  account_disabled: "Your user is no longer active here.",
};

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
  const access = ctx.userAccess ? { ...ctx.userAccess, at: ctx.now?.() ?? new Date() } : undefined;
  const prefix = [
    setTenant(db, organizationId, ctx.eventScope, access, ctx.closingGuard),
    ...(claim
      ? [
          db.execute(
            sql`select claim_idempotency_key(${organizationId}, ${claim.key}, ${claim.method}, ${claim.path}, ${claim.hash})`,
          ),
        ]
      : []),
  ];
  const send = () => sendBatch<Batch>(db, build(db), prefix);
  try {
    const results = (await send().catch((error: unknown) => {
      // PostgreSQL ended a deadlock by rolling this whole batch back (two overlapping phases
      // inserted at once each wait on the other's exclusion check; DDL on a partitioned table and
      // an insert into it). The batch is sent again once, as a client would retry: the other
      // transaction has finished by then, so the second attempt meets its outcome (a 409 for the
      // overlap) instead of a 500.
      if (pgError(error)?.code === DEADLOCK_DETECTED) return send();
      throw error;
    })) as BatchResult<B>;
    if (claim) claim.claimed = true;
    return results;
  } catch (error) {
    const pg = pgError(error);
    if (claim && pg?.code === "GU409") throw new IdempotencyKeyInUse();
    const refusal = pg?.code === "GU401" ? ACCESS_REFUSALS[pg.message] : undefined;
    if (pg && refusal) throw new UnauthorizedError(pg.message, refusal);
    if (ctx.closingGuard && pg?.code === "GUCLS") throw new OrganizationClosingError();
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
