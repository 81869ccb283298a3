const BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
/** 2023-01-01T00:00:00Z in microseconds: the start of the window our keys' timestamps fall in. */
const KEY_EPOCH_US = 1_672_531_200_000_000n;
/** 45 bits of microseconds (~407 days) for the timestamp, 10 for the clock id: 55 bits from the hash. */
const KEY_TIME_BITS = 45n;

/**
 * The record key of our post `postId`: a valid TID (the key type of `app.bsky.feed.post`,
 * docs/platform-contracts.md, Bluesky › Idempotency and existence check), the same on every attempt, so a
 * retry can only meet the record an earlier attempt wrote.
 *
 * A TID is a timestamp and a clock id; ours come from SHA-256 of the post id, with the timestamp inside
 * a fixed window of the past (2023-01-01 + ~407 days). Not "now" because nothing about a retry may
 * change the key; not the whole 53-bit range because far-future TIDs are what relays and readers
 * that sort by key treat as suspect. The window also fixes the first character (`3`), which keeps the
 * key clear of the PDS's start-anchored word filter. 55 bits per account make a collision between two
 * of our posts vanishingly rare, and a collision is still detected: the key holds a different text.
 */
export async function recordKeyFor(postId: string, part = 0): Promise<string> {
  // Part 0 (a post, or a thread's first post) keeps the key it always had; each reply has its own.
  const seed = part === 0 ? `guddu:bluesky:${postId}` : `guddu:bluesky:${postId}:${part}`;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(seed)));
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  const clockId = bits & 0x3ffn;
  const micros = KEY_EPOCH_US + ((bits >> 10n) & ((1n << KEY_TIME_BITS) - 1n));
  let value = (micros << 10n) | clockId;
  let key = "";
  for (let i = 0; i < 13; i++) {
    key = BASE32_SORTABLE[Number(value & 31n)] + key;
    value >>= 5n;
  }
  return key;
}
