/**
 * The guarded insert: `insert … select <values> from <parent> where <condition>` writes the row only
 * if the condition holds when the statement runs (the parent exists in this organisation, is not
 * deleted, the dates fit…), so a write that depends on another row needs no read first: one round
 * trip, and nothing for a concurrent change to slip between. No row returned means the guard failed.
 * drizzle wants the select list to name every column of the table, in the table's order, with each
 * SQL value aliased (`.as("column_name")`).
 */
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * `value` as an expression of `column`'s type, for the select list of an insert … select: a bare
 * parameter there would be text, which PostgreSQL will not assign to a uuid, jsonb or array column.
 * Encoded by the column, as drizzle encodes values (dates as ISO text, arrays, JSON).
 */
export function typed<C extends PgColumn>(column: C, value: C["_"]["data"] | null): SQL<C["_"]["data"]> {
  return sql<C["_"]["data"]>`${sql.param(value, column)}::${sql.raw(column.getSQLType())}`;
}
