/**
 * Webhook deliveries that could not be stored. The dead-letter consumer keeps each in R2
 * (delivery-archive.ts) and records it here for every organisation holding the account it was for,
 * telling their owners and admins once; the cron replays kept deliveries with backoff, and an admin
 * can replay one at once. A replay that lands closes the failure in the batch that stores its items.
 */
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { createDb, type Database } from "../../db/client.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type InboundFailure, inboundFailures } from "../../db/schema/inbound-failures.ts";
import { users } from "../../db/schema/users.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { PLATFORM_NAMES } from "../../platform/social/platform-names.ts";
import type { DeliveryMessage } from "../../queues/ingest/message.ts";
import { auditEntry } from "../audit/record.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { type PageInput, type PageOrder, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { replayKeptDelivery } from "./delivery-archive.ts";
import { routeDelivery } from "./route-delivery.ts";

/**
 * Records a delivery that failed for good (its copy is already in R2) for each organisation holding
 * its accounts: one round trip to find them, one per organisation. Throws when the database does not
 * answer; the cron's replay records it once it does and the replay fails again.
 */
export async function recordDeliveryFailure(
  config: Config,
  message: DeliveryMessage,
  error: string,
  attempts: number,
): Promise<number> {
  const db = createDb(config);
  const { byOrganization } = await routeDelivery(config, db, message);
  for (const organizationId of byOrganization.keys()) {
    const ctx = systemContext(config, organizationId, "ingest", { db });
    await inTenant(ctx, (tx) => failureRecord(ctx, tx, message, error.slice(0, 2000), attempts));
  }
  return byOrganization.size;
}

function failureRecord(
  ctx: TenantContext,
  db: Database,
  message: DeliveryMessage,
  error: string,
  attempts: number,
) {
  const { platform, delivery_id: deliveryId } = message;
  const now = ctx.now();
  const owners = sql`select ${users.id} from ${users} where ${users.organizationId} = ${ctx.organizationId}
    and ${users.role} in ('owner', 'admin')`;
  return {
    failure: db
      .insert(inboundFailures)
      .values({
        organizationId: ctx.organizationId,
        platform,
        deliveryId,
        error,
        attempts,
        replays: message.replays ?? 0,
        firstFailedAt: now,
        lastFailedAt: now,
      })
      .onConflictDoUpdate({
        target: [inboundFailures.organizationId, inboundFailures.platform, inboundFailures.deliveryId],
        set: { error, attempts, replays: message.replays ?? 0, lastFailedAt: now, resolvedAt: null },
      })
      .returning({ id: inboundFailures.id }),
    notice: notify(ctx, db, owners, {
      type: "inbound.delivery_failed",
      title: `A delivery from ${PLATFORM_NAMES[platform]} could not be stored`,
      message: `Its mentions and comments are kept and will be tried again. Last error: ${error.slice(0, 300)}`,
      link: "/v1/inbound-failures",
      data: { platform, delivery_id: deliveryId },
      dedupeKey: `inbound.delivery_failed:${platform}:${deliveryId}`,
    }),
  };
}

/** The statement closing the organisation's failure of a delivery that has now been stored. */
export function resolveInboundFailure(
  ctx: Pick<TenantContext, "organizationId" | "now">,
  db: Database,
  delivery: Pick<DeliveryMessage, "platform" | "delivery_id" | "replays">,
) {
  return db
    .update(inboundFailures)
    .set({ resolvedAt: ctx.now(), replays: delivery.replays ?? 0 })
    .where(
      ownedBy(
        ctx,
        inboundFailures.organizationId,
        eq(inboundFailures.platform, delivery.platform),
        eq(inboundFailures.deliveryId, delivery.delivery_id),
        isNull(inboundFailures.resolvedAt),
      ),
    );
}

export interface ListInboundFailuresInput extends PageInput {
  /** `open` (default): not stored yet; `resolved`: stored by a replay; `all`. */
  status?: "open" | "resolved" | "all";
}

type FailureStatus = NonNullable<ListInboundFailuresInput["status"]>;

const lastFailedFirst: PageOrder = {
  by: inboundFailures.lastFailedAt,
  id: inboundFailures.id,
  direction: "desc",
};

/** A page of failed deliveries, rendered once per filters and order (db/prepared.ts). */
const failuresPage = preparedStatement(
  "inboundFailuresPage",
  (db, value: Value<"organizationId" | PageValue>, shape: { continued: boolean; status: FailureStatus }) => {
    const page = pageStatement(lastFailedFirst, shape.continued, value);
    return db
      .select({ row: inboundFailures, key: page.key })
      .from(inboundFailures)
      .where(
        and(
          eq(inboundFailures.organizationId, value("organizationId")),
          shape.status === "open"
            ? isNull(inboundFailures.resolvedAt)
            : shape.status === "resolved"
              ? isNotNull(inboundFailures.resolvedAt)
              : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Most recent failure first; one round trip. */
export async function listInboundFailures(ctx: TenantContext, input: ListInboundFailuresInput) {
  const page = paginate(input, lastFailedFirst);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: failuresPage(
      db,
      { organizationId: ctx.organizationId, ...page.values },
      { continued: page.continued, status: input.status ?? "open" },
    ),
  }));
  return page.result(rows);
}

const failureNotFound = () =>
  new NotFoundError("inbound_failure_not_found", "No such failed delivery in this organisation.");

/**
 * Sends a failed delivery through the ingest queue again, now: two round trips (read, then the
 * count and its audit row). 409 when it is no longer kept (a replay stored it meanwhile).
 */
export async function replayInboundFailure(ctx: TenantContext, id: string): Promise<InboundFailure> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(inboundFailures)
      .where(ownedBy(ctx, inboundFailures.organizationId, eq(inboundFailures.id, id))),
  }));
  const failure = rows[0];
  if (!failure) throw failureNotFound();
  const replays = await replayKeptDelivery(ctx.config, {
    platform: failure.platform as DeliveryMessage["platform"],
    delivery_id: failure.deliveryId,
  });
  if (replays === null) {
    throw new ConflictError(
      "delivery_not_kept",
      failure.resolvedAt
        ? "This delivery was stored by an earlier replay."
        : "This delivery is no longer kept, so it cannot be sent again.",
    );
  }
  const { updated } = await inTenant(ctx, (db) => ({
    updated: db
      .update(inboundFailures)
      .set({ replays })
      .where(and(ownedBy(ctx, inboundFailures.organizationId, eq(inboundFailures.id, id))))
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "inbound_failure.replay",
      entityType: "inbound_failure",
      entityId: id,
      changes: { replays: { from: failure.replays, to: replays } },
    }),
  }));
  return updated[0] ?? failure;
}
