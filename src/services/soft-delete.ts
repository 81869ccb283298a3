/**
 * Soft delete and restore, the same for every major entity: `deleted_at` hides a row from lists and
 * reads, restore brings it back until it is purged. Each is one round trip with its audit row; a
 * row of another organisation (or already in the wanted state) answers 404.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { PgColumn, PgTable, SelectedFieldsFlat } from "drizzle-orm/pg-core";
import { inTenant } from "../db/tenant.ts";
import { NotFoundError } from "../errors.ts";
import { auditEntry } from "./audit/record.ts";
import type { TenantContext } from "./context.ts";

export type SoftDeletable = PgTable & {
  id: PgColumn;
  organizationId: PgColumn;
  deletedAt: PgColumn;
  updatedAt: PgColumn;
};

interface Target<T extends SoftDeletable> {
  table: T;
  id: string;
  /** The entity's name in audit actions and error codes, e.g. `event`. */
  entity: string;
  /** Extra conditions, e.g. the parent event of a phase. */
  where?: ReturnType<typeof eq>;
  /** What the row is answered with when more than its columns (a computed field); `Row` names its type. */
  returning?: SelectedFieldsFlat;
}

async function setDeleted<T extends SoftDeletable, Row>(
  ctx: TenantContext,
  target: Target<T>,
  deleted: boolean,
): Promise<Row> {
  const { table, id, entity } = target;
  const now = ctx.now();
  const { rows } = await inTenant(ctx, (db) => {
    const update = db
      .update(table)
      // drizzle cannot type `set` for a table known only by its shape; the columns exist by `SoftDeletable`.
      .set({ deletedAt: deleted ? now : null, updatedAt: now } as never)
      .where(
        and(
          eq(table.organizationId, ctx.organizationId),
          eq(table.id, id),
          deleted ? isNull(table.deletedAt) : isNotNull(table.deletedAt),
          target.where,
        ),
      );
    return {
      rows: target.returning ? update.returning(target.returning) : update.returning(),
      audit: auditEntry(ctx, db, {
        action: `${entity}.${deleted ? "delete" : "restore"}`,
        entityType: entity,
        entityId: id,
        guard: table,
      }),
    };
  });
  const row = (rows as Row[])[0];
  if (!row)
    throw new NotFoundError(
      `${entity}_not_found`,
      `No such ${entity.replaceAll("_", " ")}${deleted ? "" : " in the bin"}.`,
    );
  return row;
}

export const softDelete = <T extends SoftDeletable, Row = T["$inferSelect"]>(
  ctx: TenantContext,
  target: Target<T>,
) => setDeleted<T, Row>(ctx, target, true);
export const restore = <T extends SoftDeletable, Row = T["$inferSelect"]>(
  ctx: TenantContext,
  target: Target<T>,
) => setDeleted<T, Row>(ctx, target, false);

/** One live (not deleted) row of the organisation by id, or `notFound()`: one round trip. */
export async function findLive<T extends SoftDeletable>(
  ctx: TenantContext,
  table: T,
  id: string,
  notFound: () => Error,
): Promise<T["$inferSelect"]> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(table as PgTable)
      .where(and(eq(table.organizationId, ctx.organizationId), eq(table.id, id), isNull(table.deletedAt))),
  }));
  const row = (rows as T["$inferSelect"][])[0];
  if (!row) throw notFound();
  return row;
}
