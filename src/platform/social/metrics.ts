/**
 * What every adapter's `fetchMetrics` shares: the batch checked against the adapter's size, a
 * measurement whose metrics the platform does not give stay null (never 0), sums that stay null when
 * no part was given, and per-post reads run a few at a time where a platform has no batch call.
 */
import { PlatformError, type PostMetrics } from "./types.ts";

/** The ids of one call, each once. More than `max` is the caller's mistake: it splits by `metricsBatchSize`. */
export function batchIds(platformPostIds: readonly string[], max: number, label: string): string[] {
  const ids = [...new Set(platformPostIds)];
  if (ids.length > max) {
    throw new PlatformError("permanent", `${label} measures at most ${max} posts a call, not ${ids.length}`, {
      code: "metrics_batch_too_large",
    });
  }
  return ids;
}

export type MetricValues = Partial<Omit<PostMetrics, "raw">>;

/** A measurement: the metrics the platform gave, every other one null. */
export function measured(given: MetricValues, raw: Record<string, unknown>): PostMetrics {
  return {
    impressions: given.impressions ?? null,
    reach: given.reach ?? null,
    likes: given.likes ?? null,
    comments: given.comments ?? null,
    shares: given.shares ?? null,
    saves: given.saves ?? null,
    clicks: given.clicks ?? null,
    raw,
  };
}

/** The sum of the counts that were given (reposts + quotes, …); null when none was. */
export function sumGiven(...values: ReadonlyArray<number | null | undefined>): number | null {
  const given = values.filter((v): v is number => typeof v === "number");
  return given.length === 0 ? null : given.reduce((a, b) => a + b, 0);
}

/**
 * `read` for each item, at most `limit` at once, the results in the items' order. The first failure
 * stops starting new reads and is thrown once the reads under way have settled, so a rate limit
 * never sends a whole batch into the limit.
 */
export async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  read: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const run = { next: 0, failure: null as { error: unknown } | null };
  const worker = async () => {
    while (run.failure === null && run.next < items.length) {
      const index = run.next++;
      try {
        results[index] = await read(items[index] as T);
      } catch (error) {
        run.failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (run.failure !== null) throw run.failure.error;
  return results;
}
