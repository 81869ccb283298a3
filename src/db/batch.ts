/**
 * Named batches. A batch is a record of named parts, sent as one `db.batch` (one HTTP round trip, one
 * transaction) in the record's order, and read back under the same names:
 *
 * @example
 * const { rows, audit } = await inTenant(ctx, (db) => ({ rows: db.select()…, audit: auditEntry(…) }));
 *
 * A part is a statement (its result), a `reading` (statements that a builder sends together with the
 * function that reads their results), an array of those, or `undefined` (nothing sent, read as
 * `undefined`: a conditional statement is `cond ? statement : undefined`).
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client.ts";

export type Statement = BatchItem<"pg">;

const READING: unique symbol = Symbol("reading");

/** Statements and the reader of their results: what a statement builder hands to a batch. */
export interface Reading<R> {
  readonly [READING]: true;
  readonly statements: readonly Statement[];
  readonly read: (results: readonly unknown[]) => R;
}

type Single = Statement | Reading<unknown> | undefined;
/** One level of arrays only: a recursive type made TypeScript give up (TS2589) on drizzle's large query types. */
export type Part = Single | readonly Single[];
export type Parts = { readonly [name: string]: Part };

type ResultOf<P> = P extends undefined
  ? undefined
  : P extends Reading<infer R>
    ? R
    : P extends readonly Single[]
      ? { -readonly [K in keyof P]: ResultOf<P[K]> }
      : P extends Statement
        ? P["_"]["result"]
        : never;

/** What a batch of `P` returns: each part's result under its name. */
export type Results<P extends Parts> = { -readonly [K in keyof P]: ResultOf<P[K]> };

function isReading(part: Part): part is Reading<unknown> {
  return typeof part === "object" && part !== null && READING in part;
}

function flatten(part: Part): Reading<unknown> {
  if (part === undefined) return { [READING]: true, statements: [], read: () => undefined };
  if (isReading(part)) return part;
  if (Array.isArray(part)) return combine(part as readonly Part[], (results) => results);
  return { [READING]: true, statements: [part as Statement], read: (results) => results[0] };
}

/** Flattens `parts` (keyed by index or name) into one statement list and one reader. */
function combine<R>(
  parts: readonly Part[] | Parts,
  shape: (results: unknown[] | Record<string, unknown>) => R,
): Reading<R> {
  const entries = Array.isArray(parts)
    ? (parts as readonly Part[]).map((part, index) => [index, flatten(part)] as const)
    : Object.entries(parts as Parts).map(([name, part]) => [name, flatten(part)] as const);
  const statements = entries.flatMap(([, reading]) => reading.statements);
  const read = (results: readonly unknown[]) => {
    const out: unknown[] | Record<string, unknown> = Array.isArray(parts) ? [] : {};
    let offset = 0;
    for (const [key, reading] of entries) {
      const own = results.slice(offset, offset + reading.statements.length);
      offset += reading.statements.length;
      (out as Record<string | number, unknown>)[key] = reading.read(own);
    }
    return shape(out);
  };
  return { [READING]: true, statements, read };
}

/**
 * Named statements as one part of a batch, with an optional reader of their named results: a
 * statement builder returns one, so its caller gets a value instead of a position.
 */
export function reading<P extends Parts>(parts: P): Reading<Results<P>>;
export function reading<P extends Parts, R>(parts: P, read: (results: Results<P>) => R): Reading<R>;
export function reading<P extends Parts, R>(parts: P, read?: (results: Results<P>) => R): Reading<unknown> {
  return combine(parts, (results) => (read ? read(results as Results<P>) : results));
}

/** What a batch is built from: named parts, or one builder's `reading`. */
export type Batch = Parts | Reading<unknown>;
/** What a batch returns. */
export type BatchResult<B extends Batch> =
  B extends Reading<infer R> ? R : B extends Parts ? Results<B> : never;

/**
 * Sends `prefix` (statements whose results nobody reads, such as the tenant setting) and then the
 * batch as one round trip, and reads the batch's results back by name.
 */
export async function sendBatch<B extends Batch>(
  db: Database,
  batch: B,
  prefix: readonly Statement[] = [],
): Promise<BatchResult<B>> {
  const { statements, read } = isReading(batch as Part)
    ? (batch as Reading<unknown>)
    : reading(batch as Parts);
  const [first, ...rest] = [...prefix, ...statements];
  if (!first) return read([]) as BatchResult<B>;
  const results = await db.batch([first, ...rest]);
  return read(results.slice(prefix.length)) as BatchResult<B>;
}
