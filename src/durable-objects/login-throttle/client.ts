/**
 * The sign-in throttle as callers use it: one LoginThrottle object per account and one per IP,
 * asked in parallel; an attempt proceeds only when both allow it.
 */
import type { LoginThrottle } from "./object.ts";
import { ACCOUNT_POLICY, IP_POLICY, type ThrottleDecision } from "./policy.ts";

export interface LoginAttempt {
  namespace: DurableObjectNamespace<LoginThrottle>;
  email: string;
  /** `CF-Connecting-IP`. */
  ip: string;
  /** Milliseconds since the epoch; for tests. */
  now?: number;
}

/** The object for one key, e.g. `account:ada@example.com` or `ip:203.0.113.7`. */
export function loginThrottle(
  namespace: DurableObjectNamespace<LoginThrottle>,
  key: string,
): DurableObjectStub<LoginThrottle> {
  return namespace.get(namespace.idFromName(key));
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Whether a sign-in attempt may proceed; when not, the longer of the two waits. */
export async function checkLogin({ namespace, email, ip, now }: LoginAttempt): Promise<ThrottleDecision> {
  return combine(
    await Promise.all([
      loginThrottle(namespace, accountKey(email)).check(now),
      loginThrottle(namespace, ipKey(ip)).check(now),
    ]),
  );
}

/** Counts a failed sign-in against the account and the IP; says whether the next may proceed. */
export async function recordLoginFailure({
  namespace,
  email,
  ip,
  now,
}: LoginAttempt): Promise<ThrottleDecision> {
  return combine(
    await Promise.all([
      loginThrottle(namespace, accountKey(email)).recordFailure(now, ACCOUNT_POLICY),
      loginThrottle(namespace, ipKey(ip)).recordFailure(now, IP_POLICY),
    ]),
  );
}

/**
 * Clears the account's failures. The IP's stay: otherwise an attacker could sign in to an account
 * of their own between guesses to reset the IP's count.
 */
export async function recordLoginSuccess({
  namespace,
  email,
}: Pick<LoginAttempt, "namespace" | "email">): Promise<void> {
  await loginThrottle(namespace, accountKey(email)).recordSuccess();
}

function combine(decisions: ThrottleDecision[]): ThrottleDecision {
  const refused = decisions.filter((d) => !d.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((d) => d.retryAfterSeconds)) };
}
