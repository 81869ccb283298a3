/**
 * Optimistic concurrency: a resource's ETag is its `updated_at`; an update that names an
 * `If-Match` the resource no longer has is refused with 412 instead of overwriting someone's edit.
 */
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { PreconditionFailedError } from "../errors.ts";

export function etagOf(updatedAt: Date): string {
  return `"${updatedAt.getTime().toString(36)}"`;
}

/** Throws 412 when `ifMatch` is given and matches none of the current ETag (weak or strong). */
export function assertIfMatch(ifMatch: string | undefined, updatedAt: Date): void {
  if (ifMatch === undefined || ifMatch.trim() === "*") return;
  const current = etagOf(updatedAt);
  const offered = ifMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (!offered.includes(current)) throw new PreconditionFailedError();
}

/**
 * `column` still holds the version that was read. Compared at millisecond precision: PostgreSQL
 * keeps microseconds, a JS `Date` (what was read) only milliseconds.
 */
export function unchangedSince(column: PgColumn, readAt: Date): SQL {
  return sql`date_trunc('milliseconds', ${column}) = ${readAt.toISOString()}::timestamptz`;
}
