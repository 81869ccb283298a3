/**
 * A webhook receiver for the outbound webhooks' tests: an organisation's endpoint as the internet
 * would have it, under `/_receiver` of the fakes' server. Each receiver is a name the test chooses
 * (tests run in parallel: use a fresh one each). It records every request it gets and answers as told:
 *
 * - `POST /_receiver/hooks/{name}` is the endpoint: it records `{headers, body, received_at, answer}`
 *   and answers with the next queued answer, else a random fault (see below), else `200 {"ok": true}`.
 * - `POST /_receiver/plans/{name}` `{answers?: [answer…], random?: {seed, rate, faults?, max_in_a_row?}}`
 *   sets how it answers. An answer is `{status, body?, location?}` or one of the faults `"server_error"`
 *   (500), `"unavailable"` (503), `"redirect"` (307 elsewhere), `"drop"` (the connection cut) and
 *   `"hang"` (no answer until the client gives up). With `random`, each request suffers a fault with
 *   probability `rate`, drawn by a generator seeded with `seed` (replayable), but never more than
 *   `max_in_a_row` (default 2) times in a row for the same `webhook-id`.
 * - `GET /_receiver/deliveries/{name}` lists what it got, oldest first: `{deliveries: [...]}`.
 * - `DELETE /_receiver/{name}` forgets it.
 */
import { type Reply, seeded } from "./core.ts";

export const RECEIVER_FAULTS = ["server_error", "unavailable", "redirect", "drop", "hang"] as const;
type ReceiverFault = (typeof RECEIVER_FAULTS)[number];
type Answer = ReceiverFault | { status: number; body?: string; location?: string };

interface Recorded {
  headers: Record<string, string>;
  body: string;
  received_at: string;
  /** The status it answered, or the fault (`drop`, `hang`). */
  answer: number | "drop" | "hang";
}

interface Receiver {
  answers: Answer[];
  random: { next: () => number; rate: number; faults: ReceiverFault[]; maxInARow: number } | null;
  /** Faults in a row per webhook-id. */
  streaks: Map<string, number>;
  deliveries: Recorded[];
}

const bad = (message: string): Reply => ({ status: 400, json: { error: message } });

function replyOf(answer: Answer): Reply {
  if (answer === "drop" || answer === "hang") return answer;
  if (answer === "server_error") return { status: 500, json: { error: "receiver broke" } };
  if (answer === "unavailable") return { status: 503, text: "try later" };
  if (answer === "redirect") return { status: 307, headers: { location: "https://elsewhere.example.com/" } };
  return {
    status: answer.status,
    text: answer.body ?? "",
    headers: answer.location ? { location: answer.location } : {},
  };
}

function isAnswer(value: unknown): value is Answer {
  if (typeof value === "string") return (RECEIVER_FAULTS as readonly string[]).includes(value);
  return (
    typeof value === "object" && value !== null && Number.isInteger((value as { status?: unknown }).status)
  );
}

export class WebhookReceivers {
  private readonly receivers = new Map<string, Receiver>();

  private receiver(name: string): Receiver {
    let found = this.receivers.get(name);
    if (!found) {
      found = { answers: [], random: null, streaks: new Map(), deliveries: [] };
      this.receivers.set(name, found);
    }
    return found;
  }

  /** The next answer of `receiver` to a request carrying `webhookId`. */
  private answer(receiver: Receiver, webhookId: string): Answer {
    const queued = receiver.answers.shift();
    if (queued) return queued;
    const random = receiver.random;
    if (random) {
      const streak = receiver.streaks.get(webhookId) ?? 0;
      const strikes = random.next() < random.rate;
      const fault = random.faults[Math.floor(random.next() * random.faults.length)];
      if (strikes && fault && streak < random.maxInARow) {
        receiver.streaks.set(webhookId, streak + 1);
        return fault;
      }
      receiver.streaks.set(webhookId, 0);
    }
    return { status: 200, body: '{"ok":true}' };
  }

  handle(method: string, path: string, headers: Record<string, string>, body: string): Reply {
    const [, kind = "", name = ""] = path.split("/");
    if (method === "POST" && kind === "hooks" && name) {
      const receiver = this.receiver(name);
      const answer = this.answer(receiver, headers["webhook-id"] ?? "");
      const reply = replyOf(answer);
      receiver.deliveries.push({
        headers,
        body,
        received_at: new Date().toISOString(),
        answer: typeof reply === "string" ? reply : reply.status,
      });
      return reply;
    }
    if (method === "POST" && kind === "plans" && name) {
      let plan: { answers?: unknown; random?: Record<string, unknown> };
      try {
        plan = JSON.parse(body || "{}") as typeof plan;
      } catch {
        return bad("the body must be JSON");
      }
      const answers = plan.answers ?? [];
      if (!Array.isArray(answers) || !answers.every(isAnswer)) {
        return bad(`answers: [{status, body?, location?} or one of ${RECEIVER_FAULTS}]`);
      }
      const receiver = this.receiver(name);
      receiver.answers.push(...answers);
      if (plan.random) {
        const { seed, rate, faults = [...RECEIVER_FAULTS], max_in_a_row: maxInARow = 2 } = plan.random;
        if (
          !Number.isInteger(seed) ||
          typeof rate !== "number" ||
          rate < 0 ||
          rate > 1 ||
          !Array.isArray(faults) ||
          !faults.every((f) => (RECEIVER_FAULTS as readonly unknown[]).includes(f)) ||
          !Number.isInteger(maxInARow)
        ) {
          return bad("random: {seed (integer), rate (0..1), faults?, max_in_a_row?}");
        }
        receiver.random = {
          next: seeded(seed as number),
          rate,
          faults: faults as ReceiverFault[],
          maxInARow: maxInARow as number,
        };
      }
      return { status: 200, json: { queued: receiver.answers.length, random: receiver.random !== null } };
    }
    if (method === "GET" && kind === "deliveries" && name) {
      return { status: 200, json: { deliveries: this.receivers.get(name)?.deliveries ?? [] } };
    }
    if (method === "DELETE" && kind && !name) {
      this.receivers.delete(kind);
      return { status: 200, json: { forgotten: kind } };
    }
    return { status: 404, json: { error: `no receiver route ${method} /_receiver${path}` } };
  }
}
