/**
 * How often and how soon a post is tried again: the backoff between attempts, the longest wait a
 * queue message is delayed by, and the most attempts a post gets.
 */

/**
 * The longest backoff, in retry bases: 15 minutes with the default 30 s base. A wait longer than this
 * (a platform's rate-limit window) goes back through the cron — pending, due then — rather than a
 * message delayed that long; every backoff is shorter, so transient failures retry through the queue.
 */
const LONG_WAIT_BASES = 30;
export const longWaitSeconds = (baseSeconds: number) => LONG_WAIT_BASES * baseSeconds;
/** However the retries come (queue redeliveries, rate-limit waits through the cron), no more than this. */
export const MAX_ATTEMPTS = 12;

/**
 * The backoff of attempt `attempt` (1-based): base × 2^(attempt−1) plus up to one base of jitter (so
 * posts that failed together do not retry together), never more than `longWaitSeconds`.
 */
export function backoffSeconds(
  baseSeconds: number,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponential = baseSeconds * 2 ** Math.max(0, attempt - 1);
  return Math.min(longWaitSeconds(baseSeconds), Math.ceil(exponential + random() * baseSeconds));
}

/** Why a post that ran out of attempts failed. */
export function gaveUpAfter(attempts: number, lastError: string): string {
  return `Gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}. Last error: ${lastError}`;
}
