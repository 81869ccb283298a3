/**
 * Sending queue messages in batches the queue accepts: at most 100 messages and 256 KB per
 * `sendBatch` (Cloudflare Queues' limits). A chunk that fails to send is reported back with its
 * messages, so the caller can put their rows back (a post to pending, a measurement due now) rather
 * than leave them waiting for a message that never went out.
 */

export const MAX_BATCH_MESSAGES = 100;
/** 256 KB per batch, with room for the queue's own per-message overhead. */
export const MAX_BATCH_BYTES = 256_000;
const PER_MESSAGE_OVERHEAD_BYTES = 100;

/** Splits messages into chunks of at most 100 messages and `MAX_BATCH_BYTES`. */
export function chunkMessages<T>(messages: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = JSON.stringify(message).length + PER_MESSAGE_OVERHEAD_BYTES;
    if (current.length > 0 && (current.length === MAX_BATCH_MESSAGES || bytes + size > MAX_BATCH_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface SendOutcome<T> {
  sent: number;
  /** The messages of chunks the queue refused. */
  unsent: T[];
  error?: string;
}

export async function sendMessages<T>(queue: Queue<T>, messages: readonly T[]): Promise<SendOutcome<T>> {
  const outcome: SendOutcome<T> = { sent: 0, unsent: [] };
  for (const chunk of chunkMessages(messages)) {
    try {
      await queue.sendBatch(chunk.map((body) => ({ body, contentType: "json" as const })));
      outcome.sent += chunk.length;
    } catch (error) {
      outcome.unsent.push(...chunk);
      outcome.error = error instanceof Error ? error.message : String(error);
    }
  }
  return outcome;
}
