/**
 * How often and how soon a webhook delivery is tried again. With the default 30 s base the waits are
 * 30 s, 1, 2, 4, 8, 16 and 32 minutes, then about 1, 2 and 4 hours, then 8 hours twice: 13 attempts
 * over about 24.5 hours. After the last the delivery fails and its endpoint is disabled.
 */

/** The first attempt and twelve retries. */
export const MAX_DELIVERY_ATTEMPTS = 13;
/** The longest wait, in bases: 8 hours with the default 30 s. */
const CAP_BASES = 960;
/** Cloudflare Queues delay a message by at most 12 hours. */
const MAX_QUEUE_DELAY_SECONDS = 43_200;

/** The wait after attempt `attempt` (1-based) failed: base × 2^(attempt−1), capped. */
export function retryDelaySeconds(baseSeconds: number, attempt: number): number {
  const exponential = baseSeconds * 2 ** Math.max(0, attempt - 1);
  return Math.min(exponential, baseSeconds * CAP_BASES, MAX_QUEUE_DELAY_SECONDS);
}
