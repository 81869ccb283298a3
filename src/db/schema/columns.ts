/** Column builders and value lists shared by the table files (one definition of each). */
import { type SQL, sql } from "drizzle-orm";
import { customType, timestamp } from "drizzle-orm/pg-core";

export const PLATFORMS = ["bluesky", "x", "facebook", "instagram", "linkedin", "threads"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** `unknown`: a language the analyser cannot judge (no score); never guessed. */
export const SENTIMENTS = ["positive", "neutral", "negative", "mixed", "unknown"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Renders a constant list as `'a', 'b'` for a CHECK constraint (values are code constants, never input). */
export function sqlList(values: readonly string[]): SQL {
  return sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", "));
}

/** Postgres `tsvector`; only used for generated full-text columns, which the app never writes. */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

export const timestamptz = () => timestamp({ withTimezone: true });

export const createdAt = () => timestamptz().notNull().defaultNow();

/** `created_at`, `updated_at` and the soft-delete marker `deleted_at` of the major entities. */
export const lifecycleColumns = () => ({
  createdAt: createdAt(),
  updatedAt: timestamptz()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
  deletedAt: timestamptz(),
});
