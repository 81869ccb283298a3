import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../../env.ts";
import { ACCOUNT_POLICY, IP_POLICY, type ThrottleDecision, type ThrottlePolicy } from "./policy.ts";

export { ACCOUNT_POLICY, IP_POLICY, type ThrottleDecision, type ThrottlePolicy };

/** Times in milliseconds since the epoch. */
interface ThrottleState {
  /** The most recent failures (at most `maxFailures` of them), oldest first. */
  failures: number[];
  lockedUntil: number;
  /** Locks in a row, for escalation. */
  locks: number;
  /** When all of this may be forgotten; the alarm deletes it then. */
  expiresAt: number;
}

const STATE_KEY = "state";
const ALLOWED: ThrottleDecision = { allowed: true, retryAfterSeconds: 0 };

/**
 * One instance per throttled key (`account:<email>`, `ip:<address>`): counts failed sign-ins and
 * refuses attempts while locked. `now` (milliseconds since the epoch) is a parameter for tests; the
 * policy is passed by the caller, which knows what kind of key it addresses. Expired state is
 * deleted by an alarm, so an idle object stores nothing.
 */
export class LoginThrottle extends DurableObject<Bindings> {
  private state: ThrottleState | undefined;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.state = await ctx.storage.get<ThrottleState>(STATE_KEY);
    });
  }

  /** Whether an attempt may proceed now. Reads only. */
  async check(now: number = Date.now()): Promise<ThrottleDecision> {
    return decide(this.current(now), now);
  }

  /** Counts a failed attempt; the answer says whether the next one may proceed. */
  async recordFailure(
    now: number = Date.now(),
    policy: ThrottlePolicy = ACCOUNT_POLICY,
  ): Promise<ThrottleDecision> {
    const previous = this.current(now);
    const windowMs = policy.windowSeconds * 1000;
    const failures = (previous?.failures ?? []).filter((at) => at > now - windowMs);
    failures.push(now);
    let lockedUntil = previous?.lockedUntil ?? 0;
    let locks = previous?.locks ?? 0;
    if (failures.length >= policy.maxFailures || (policy.escalate && locks > 0)) {
      const seconds = policy.escalate ? policy.lockSeconds * 2 ** locks : policy.lockSeconds;
      lockedUntil = now + Math.min(seconds, policy.maxLockSeconds) * 1000;
      locks++;
    }
    const state: ThrottleState = {
      failures: failures.slice(-policy.maxFailures),
      lockedUntil,
      locks,
      expiresAt: Math.max(now, lockedUntil) + windowMs,
    };
    this.state = state;
    await this.ctx.storage.put(STATE_KEY, state);
    await this.ctx.storage.setAlarm(state.expiresAt);
    return decide(state, now);
  }

  /** Forgets every failure and lock (a successful sign-in of the account). */
  async recordSuccess(): Promise<void> {
    if (!this.state) return;
    await this.forget();
  }

  override async alarm(): Promise<void> {
    const expiresAt = this.state?.expiresAt;
    // Only reachable early when the alarm is run by hand; keep the state and the later alarm.
    if (expiresAt !== undefined && Date.now() < expiresAt) {
      await this.ctx.storage.setAlarm(expiresAt);
      return;
    }
    await this.forget();
  }

  private current(now: number): ThrottleState | undefined {
    return this.state && now < this.state.expiresAt ? this.state : undefined;
  }

  private async forget(): Promise<void> {
    this.state = undefined;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }
}

function decide(state: ThrottleState | undefined, now: number): ThrottleDecision {
  if (!state || now >= state.lockedUntil) return ALLOWED;
  return { allowed: false, retryAfterSeconds: Math.ceil((state.lockedUntil - now) / 1000) };
}
