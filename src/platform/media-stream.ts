/**
 * Watching bytes on their way to storage without holding them: a pass-through stream that hashes
 * every chunk (workerd's `crypto.DigestStream`; WebCrypto has no incremental digest) and keeps only
 * the first bytes, for sniffing and for the header fields a file's first kilobytes carry.
 */

const hex = (digest: ArrayBuffer) =>
  [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");

export interface Inspected {
  /** Lowercase hex SHA-256 of every byte that passed. */
  sha256: string;
  /** The first `keep` bytes (fewer for a shorter stream). */
  head: Uint8Array;
  size: number;
}

export interface InspectOptions {
  /** How many leading bytes to keep. */
  keep: number;
  /** Called once, as soon as `checkAt` bytes have passed (or at the end of a shorter stream), with
   * the bytes so far; what it throws errors the stream, so the upload behind it fails early. */
  check?: { at: number; fn: (head: Uint8Array) => unknown };
}

/**
 * A `TransformStream` that passes bytes through unchanged, and `result`, which settles with the
 * digest, head and size once the stream has closed (and rejects if it errored).
 *
 * @example
 * const inspector = inspectStream({ keep: 65536 });
 * await Promise.all([body.pipeThrough(inspector.stream).pipeTo(fixed.writable), bucket.put(key, fixed.readable)]);
 * const { sha256, head } = await inspector.result;
 */
export function inspectStream(options: InspectOptions): {
  stream: TransformStream<Uint8Array, Uint8Array>;
  result: Promise<Inspected>;
} {
  const digest = new crypto.DigestStream("SHA-256");
  const writer = digest.getWriter();
  // Rejects when the stream is aborted; that failure is reported through `result`.
  digest.digest.catch(() => {});
  const head = new Uint8Array(options.keep);
  let kept = 0;
  let size = 0;
  let checked = options.check === undefined;
  let settle!: { resolve: (value: Inspected) => void; reject: (reason: unknown) => void };
  const result = new Promise<Inspected>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A caller that only awaits the pipe must not see an unhandled rejection from here.
  result.catch(() => {});

  const runCheck = () => {
    if (checked || !options.check) return;
    checked = true;
    options.check.fn(head.subarray(0, kept));
  };
  const fail = (reason: unknown) => {
    writer.abort(reason).catch(() => {});
    settle.reject(reason);
  };

  const stream = new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      try {
        if (kept < head.length) {
          const take = Math.min(chunk.byteLength, head.length - kept);
          head.set(chunk.subarray(0, take), kept);
          kept += take;
        }
        size += chunk.byteLength;
        if (options.check && (kept >= options.check.at || kept === head.length)) runCheck();
        await writer.write(chunk);
      } catch (error) {
        fail(error);
        throw error;
      }
      controller.enqueue(chunk);
    },
    async flush() {
      try {
        runCheck();
        await writer.close();
        settle.resolve({ sha256: hex(await digest.digest), head: head.slice(0, kept), size });
      } catch (error) {
        fail(error);
        throw error;
      }
    },
    cancel(reason) {
      fail(reason);
    },
  });
  return { stream, result };
}

/** SHA-256 of a whole stream, read once and never held (e.g. an R2 object read back). */
export async function sha256OfStream(body: ReadableStream<Uint8Array>): Promise<string> {
  const digest = new crypto.DigestStream("SHA-256");
  await body.pipeTo(digest);
  return hex(await digest.digest);
}
