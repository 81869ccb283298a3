/**
 * Statements whose SQL is rendered once per isolate. drizzle renders a query builder into SQL text
 * anew on every call (about 0.2 ms of CPU for the signed-in user joined to their organisation: two
 * wide tables); a hot read renders its text once per shape (which filters, which order), with named
 * placeholders, and each use binds its values. The result is an ordinary batch statement
 * (db/batch.ts), read as drizzle reads the query it was built from.
 *
 * @example
 * const userById = preparedStatement("userById", (db, value: Value<"org" | "id">) =>
 *   db.select().from(users).where(and(eq(users.organizationId, value("org")), eq(users.id, value("id")))));
 * const { rows } = await inTenant(ctx, (db) => ({ rows: userById(db, { org, id }) }));
 *
 * A list's page has a shape: its filters and order (services/events/events.ts, with `pageStatement`).
 */
import { fillPlaceholders, type Placeholder, type Query, sql } from "drizzle-orm";
import type { RunnableQuery } from "drizzle-orm/runnable-query";
import type { Database } from "./client.ts";

/**
 * A named placeholder of a prepared statement, bound on each use. Generic in the name, so a builder
 * that takes more values can hand its `value` to a helper that needs fewer (`pageStatement`).
 */
export type Value<K extends string> = <N extends K>(key: N) => Placeholder<N>;

/**
 * What decides a statement's text besides its values: which optional filters it has, its order. A
 * statement of a few shapes renders each once; a shape holds only flags and names from a closed
 * set, so their number stays bounded.
 */
export type Shape = Readonly<Record<string, string | boolean>>;

/** What drizzle's batch needs of a prepared query: its SQL and the reader of its result. */
interface PreparedQuery {
  getQuery(): Query;
}

/** A query builder (`prepare`) or a raw statement (`db.execute`, already rendered: `_prepare`). */
type Preparable<R> = RunnableQuery<R, "pg"> &
  ({ prepare(name: string): PreparedQuery } | { _prepare(): PreparedQuery });

const placeholder = <N extends string>(key: N) => sql.placeholder(key);

/**
 * `build` renders the statement for a shape, with `value(name)` where each use binds a value; it may
 * branch on the shape, never on a value. A statement without a shape leaves `S` out.
 */
export function preparedStatement<K extends string, R, S extends Shape = never>(
  name: string,
  build: (db: Database, value: Value<K>, shape: S) => Preparable<R>,
): (
  db: Database,
  values: Record<K, unknown>,
  ...shape: [S] extends [never] ? [] : [S]
) => RunnableQuery<R, "pg"> {
  // One per database client and shape: a client lives for its isolate (db/client.ts).
  const rendered = new WeakMap<Database, Map<string, PreparedQuery>>();
  return (db, values, ...[shape]) => {
    let shapes = rendered.get(db);
    if (!shapes) {
      shapes = new Map();
      rendered.set(db, shapes);
    }
    const key = shape === undefined ? "" : JSON.stringify(shape);
    let prepared = shapes.get(key);
    if (!prepared) {
      const query = build(db, placeholder, shape as S);
      prepared = "prepare" in query ? query.prepare(name) : query._prepare();
      shapes.set(key, prepared);
    }
    const { sql: text, params } = prepared.getQuery();
    // The bound copy answers getQuery() with the values and inherits everything else (how drizzle
    // maps the rows back) from the rendered statement.
    const bound: PreparedQuery = Object.create(prepared, {
      query: { value: { sql: text, params: fillPlaceholders(params, values) } },
    });
    return { _prepare: () => bound } as unknown as RunnableQuery<R, "pg">;
  };
}
