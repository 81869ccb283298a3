/**
 * The one cursor pagination of every list. Keyset, not offset: a page is "the rows after this
 * (sort key, id)" in a stable order, so rows added or removed meanwhile never shift a page and a deep
 * page costs what the first one does. The cursor is opaque to clients: base64url of JSON of the last
 * row's sort key and id.
 *
 * The sort key travels as the text PostgreSQL renders, never through a JS `Date`: timestamptz keeps
 * microseconds, a `Date` only milliseconds, and a truncated key would skip the rows in between.
 *
 * Every list's page is a prepared statement (db/prepared.ts), its SQL rendered once per shape: the
 * request decodes its cursor with `paginate`, the statement's builder lays out the page with
 * `pageStatement`, and the cursor and row count are bound as values.
 *
 * @example
 * const newestFirst = { by: users.createdAt, id: users.id } as const;
 * const usersPage = preparedStatement("usersPage",
 *   (db, value: Value<"organizationId" | PageValue>, shape: { continued: boolean }) => {
 *     const page = pageStatement(newestFirst, shape.continued, value);
 *     return db.select({ row: users, key: page.key }).from(users)
 *       .where(and(eq(users.organizationId, value("organizationId")), page.after))
 *       .orderBy(...page.orderBy).limit(page.fetch);
 *   });
 * const page = paginate(input, newestFirst);
 * const { rows } = await inTenant(ctx, (db) => ({
 *   rows: usersPage(db, { organizationId: ctx.organizationId, ...page.values }, { continued: page.continued }),
 * }));
 * return page.result(rows);
 */
import { z } from "@hono/zod-openapi";
import { asc, desc, is, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { PgColumn } from "drizzle-orm/pg-core";
import type { Value } from "../db/prepared.ts";
import { BadRequestError } from "../errors.ts";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** The query parameters every list takes; extend it with the list's filters. */
export const PaginationQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ example: 25, description: "Page size, 1–100" }),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .openapi({ description: "The `next_cursor` of the previous page; omit for the first page" }),
});

export type PageInput = { limit: number; cursor?: string | undefined };

/** `{ data: [item…], next_cursor }`, registered as the component `name`. */
export function listResponse<T extends z.ZodType>(itemSchema: T, name: string) {
  return z
    .object({
      data: z.array(itemSchema),
      next_cursor: z
        .string()
        .nullable()
        .openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
    })
    .openapi(name);
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** How a sort key is rendered as text in SQL and checked when it comes back in a cursor. */
interface KeyCodec {
  render: (key: PgColumn | SQL) => SQL<string>;
  valid: (key: string) => boolean;
}

const CODECS: Record<string, KeyCodec> = {
  "timestamp with time zone": {
    render: (column) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    valid: (key) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(key),
  },
  text: {
    render: (column) => sql<string>`${column}`,
    valid: (key) => key.length <= 1000,
  },
  // float4 renders as its shortest exact text (PostgreSQL 12+), so the key casts back to the same value.
  real: {
    render: (expression) => sql<string>`(${expression})::text`,
    valid: (key) => key.length <= 32 && /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(key),
  },
};

const CursorSchema = z.object({ k: z.string(), id: z.uuid() });

const invalidCursor = () =>
  new BadRequestError(
    "invalid_cursor",
    "The cursor is not one this list handed out; start again without it.",
  );

const utf8 = new TextEncoder();

function encodeCursor(key: string, id: string): string {
  let binary = "";
  for (const byte of utf8.encode(JSON.stringify({ k: key, id }))) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeCursor(cursor: string, codec: KeyCodec): { k: string; id: string } {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw invalidCursor();
  }
  const result = CursorSchema.safeParse(parsed);
  if (!result.success || !codec.valid(result.data.k)) throw invalidCursor();
  return result.data;
}

/**
 * A computed sort key, such as a full-text rank (`{ sql: rankExpression, type: "real" }`) or a
 * nullable time made total (`coalesce(due_at, <a far-future time>)`, type "timestamp with time zone").
 */
export interface SortExpression {
  sql: SQL;
  type: "real" | "timestamp with time zone";
}

export interface PageOrder {
  /** The sort column (NOT NULL, timestamptz or text), or a computed key that is never null. */
  by: PgColumn | SortExpression;
  /** The tiebreaker: the table's uuid primary key. */
  id: PgColumn;
  direction?: "asc" | "desc";
}

const computed = (by: PageOrder["by"]): by is SortExpression => !is(by, PgColumn);

/** How an order's sort key is read, as text, and checked when it comes back in a cursor. */
function sortKey(order: PageOrder) {
  const [key, type] = computed(order.by) ? [order.by.sql, order.by.type] : [order.by, order.by.getSQLType()];
  const codec = CODECS[type];
  if (!codec) throw new Error(`paginate: cannot sort by a ${type} key`);
  return { key, type, codec };
}

/**
 * A request's page: its cursor decoded (400 `invalid_cursor` for one this list did not make), the
 * `values` a prepared page binds and whether it follows a cursor (`continued`, part of the
 * statement's shape), and `result`, which turns the rows (one more than the page, to know whether
 * another follows) into the page and its next cursor.
 */
export function paginate(input: PageInput, order: PageOrder) {
  const from = input.cursor === undefined ? undefined : decodeCursor(input.cursor, sortKey(order).codec);
  return {
    continued: from !== undefined,
    values: { pageKey: from?.k, pageId: from?.id, pageFetch: input.limit + 1 } satisfies Record<
      PageValue,
      unknown
    >,
    result<T extends { id: string }>(rows: ReadonlyArray<{ row: T; key: string }>): Page<T> {
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        data: page.map((r) => r.row),
        next_cursor: rows.length > input.limit && last ? encodeCursor(last.key, last.row.id) : null,
      };
    },
  };
}

/** The values a prepared page binds: the cursor's sort key and id, and how many rows to fetch. */
export type PageValue = "pageKey" | "pageId" | "pageFetch";

/**
 * The page inside a prepared statement's builder: the sort key to select beside each row (`key`),
 * the order, the keyset condition (`after`, on a page that follows a cursor) and the row count, the
 * cursor and the count as placeholders.
 */
export function pageStatement(order: PageOrder, continued: boolean, value: Value<PageValue>) {
  const { key, type, codec } = sortKey(order);
  const descending = (order.direction ?? "desc") === "desc";
  const by = descending ? desc : asc;
  const comparison = sql.raw(descending ? "<" : ">");
  return {
    key: codec.render(key),
    orderBy: [by(key), by(order.id)] as const,
    after: continued
      ? sql`(${key}, ${order.id}) ${comparison} (${value("pageKey")}::${sql.raw(type)}, ${value("pageId")}::uuid)`
      : undefined,
    fetch: value("pageFetch"),
  };
}

/** The full-text query of a list's `q`: web-search syntax, over the `simple` search vectors. */
export const webSearch = (q: SQLWrapper) => sql`websearch_to_tsquery('simple', ${q})`;

/**
 * Best match first: the order of a search without a `sort`. The rank is the page key, so a search
 * pages as stably as every other list. Inside a prepared page `value` is the builder's; elsewhere
 * (to decode a cursor, which needs only the key's type) the default placeholder is never bound.
 */
export function byRelevance(vector: PgColumn, id: PgColumn, value: Value<"q"> = sql.placeholder): PageOrder {
  return { by: { sql: sql`ts_rank(${vector}, ${webSearch(value("q"))})`, type: "real" }, id };
}

/** A `LIKE` pattern for "starts with `text`": the list filters' prefix match, wildcards in `text` taken literally. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type SortValue<F extends string> = F | `-${F}`;

/** The `sort` values of a list: each field ascending, or descending with a leading `-`. */
export function sortValues<F extends string>(...fields: [F, ...F[]]): [SortValue<F>, ...SortValue<F>[]] {
  return fields.flatMap((field) => [field, `-${field}` as const]) as [SortValue<F>, ...SortValue<F>[]];
}

/** The order a `sort` value names, for `paginate`. */
export function sortOrder<F extends string>(
  sort: SortValue<F>,
  columns: Record<F, PgColumn>,
  id: PgColumn,
): PageOrder {
  const descending = sort.startsWith("-");
  const field = (descending ? sort.slice(1) : sort) as F;
  return { by: columns[field], id, direction: descending ? "desc" : "asc" };
}
