/** A queue binding that records what it was sent instead of sending (or refuses, with `fail`). */
export function queueRecorder<T>(options: { fail?: boolean } = {}) {
  /** Each `send` is a batch of one. */
  const batches: T[][] = [];
  const record = (bodies: T[]) => {
    if (options.fail) throw new Error("queue unavailable");
    batches.push(bodies);
  };
  const queue = {
    async send(body: T) {
      record([body]);
    },
    async sendBatch(messages: Iterable<MessageSendRequest<T>>) {
      record([...messages].map((m) => m.body));
    },
  } as unknown as Queue<T>;
  return { queue, batches, sent: () => batches.flat() };
}
