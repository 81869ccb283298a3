/**
 * Erasure of a person on request: a delegate, a member (user), or someone who wrote to the
 * organisation on a platform (an inbound author). Asking is one round trip: the subject checked, the
 * erasure and its audit row written together; the work runs in the background (steps.ts) on the
 * lifecycle queue. One erasure of a person at a time: asking again while one is under way answers
 * that one (and sends it on again if its message was lost). The row is the receipt, and never holds
 * the person's data once the erasure has ended.
 */
import { and, eq, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type Erasure, type ErasureSubjectType, erasures } from "../../db/schema/erasures.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError, NotFoundError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { queueErasureStep } from "./housekeeping.ts";
import { normalHandle } from "./terms.ts";

export type ErasureSubject =
  | { type: "delegate"; id: string }
  | { type: "user"; id: string }
  | { type: "inbound_author"; platform: Platform; handle: string };

/** An erasure whose step has not moved for this long is sent again when it is asked for again. */
export const STALLED_AFTER_MS = 15 * 60_000;

export const erasureNotFound = () =>
  new NotFoundError("erasure_not_found", "No such erasure in this organisation.");

/** Who, while the erasure runs: the key of the one-at-a-time rule (it holds a handle, so it is cleared at the end). */
function subjectKeyOf(subject: ErasureSubject): string {
  return subject.type === "inbound_author"
    ? `inbound_author:${subject.platform}:${normalHandle(subject.handle)}`
    : `${subject.type}:${subject.id}`;
}

/** `POST /v1/erasures`: one round trip, then the first step is queued. */
export async function requestErasure(
  ctx: TenantContext,
  subject: ErasureSubject,
): Promise<{ erasure: Erasure; created: boolean }> {
  const id = crypto.randomUUID();
  const org = ctx.organizationId;
  const key = subjectKeyOf(subject);
  const subjectType: ErasureSubjectType = subject.type;
  const subjectId = subject.type === "inbound_author" ? null : subject.id;
  const platform = subject.type === "inbound_author" ? subject.platform : null;
  const exists =
    subject.type === "user"
      ? sql`exists (select 1 from users where organization_id = ${org} and id = ${subject.id})`
      : subject.type === "delegate"
        ? sql`exists (select 1 from delegates where organization_id = ${org} and id = ${subject.id})`
        : sql`true`;
  // The organisation keeps an active owner: its last one cannot be erased (nor erase themselves).
  const lastOwner =
    subject.type === "user"
      ? sql`exists (select 1 from users u where u.organization_id = ${org} and u.id = ${subject.id}
              and u.role = 'owner' and u.is_active and u.deleted_at is null
              and not exists (select 1 from users o where o.organization_id = ${org} and o.id <> u.id
                                and o.role = 'owner' and o.is_active and o.deleted_at is null))`
      : sql`false`;
  const found = await inTenant(ctx, (db) => ({
    checks: db.execute<{ subject: boolean; last_owner: boolean }>(
      sql`select ${exists} as subject, ${lastOwner} as last_owner`,
    ),
    inserted: db.execute(sql`
      insert into erasures (id, organization_id, requested_by, subject_type, subject_id, subject_platform, subject_key)
      select ${id}, ${org}, ${actorUserId(ctx.actor)}, ${subjectType}, ${subjectId}, ${platform}, ${key}
      where ${exists} and not ${lastOwner}
      on conflict (organization_id, subject_key) do nothing`),
    row: db
      .select()
      .from(erasures)
      .where(ownedBy(ctx, erasures.organizationId, eq(erasures.subjectKey, key))),
    audit: auditEntry(ctx, db, {
      action: "erasure.create",
      entityType: "erasure",
      entityId: id,
      changes: { subject_type: subjectType, ...(subjectId ? { subject_id: subjectId } : { platform }) },
      guard: erasures,
    }),
  }));
  const row = found.row[0];
  if (!row) {
    const checks = found.checks.rows[0];
    if (checks?.last_owner) {
      throw new ConflictError(
        "last_owner",
        "This user is the organisation's last active owner: make someone else an owner first.",
      );
    }
    throw subject.type === "user"
      ? new NotFoundError("user_not_found", "No such user in this organisation.")
      : new NotFoundError("delegate_not_found", "No such delegate in this organisation.");
  }
  const created = row.id === id;
  if (created || ctx.now().getTime() - row.updatedAt.getTime() > STALLED_AFTER_MS) {
    await queueErasureStep(ctx.config, row);
  }
  return { erasure: row, created };
}

export async function getErasure(ctx: TenantContext, id: string): Promise<Erasure> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(erasures)
      .where(ownedBy(ctx, erasures.organizationId, eq(erasures.id, id))),
  }));
  const row = rows[0];
  if (!row) throw erasureNotFound();
  return row;
}

const newestFirst = { by: erasures.requestedAt, id: erasures.id, direction: "desc" } as const;

/** A page of erasures, rendered once per shape (db/prepared.ts). */
const erasuresPage = preparedStatement(
  "erasuresPage",
  (db, value: Value<"organizationId" | PageValue>, shape: { continued: boolean }) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: erasures, key: page.key })
      .from(erasures)
      .where(and(eq(erasures.organizationId, value("organizationId")), page.after))
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Newest first; one round trip. */
export async function listErasures(ctx: TenantContext, input: PageInput) {
  const page = paginate(input, newestFirst);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: erasuresPage(
      db,
      { organizationId: ctx.organizationId, ...page.values },
      { continued: page.continued },
    ),
  }));
  return page.result(rows);
}
