/** How many failed sign-ins an object tolerates, and how long it then refuses. */
export interface ThrottlePolicy {
  /** Failures within the window that lock. */
  maxFailures: number;
  windowSeconds: number;
  /** The first lock. */
  lockSeconds: number;
  /**
   * With escalation, every further failure after a lock (until the object forgets it, one window
   * after the lock ends) locks again for twice as long, up to `maxLockSeconds`. Without it, the
   * object locks only while the window holds `maxFailures` failures.
   */
  escalate: boolean;
  maxLockSeconds: number;
}

/** Per account: 5 failures in 15 minutes lock for 60 s, then 120 s, 240 s … up to an hour. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 60,
  escalate: true,
  maxLockSeconds: 60 * 60,
};

/**
 * Per IP: 50 failures in 15 minutes lock for 15 minutes. No escalation: many people share an address
 * (a venue's Wi-Fi at an event), and the account policy already slows a targeted guesser.
 */
export const IP_POLICY: ThrottlePolicy = {
  maxFailures: 50,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  escalate: false,
  maxLockSeconds: 15 * 60,
};

export interface ThrottleDecision {
  allowed: boolean;
  /** Whole seconds until the next attempt may proceed; 0 when allowed. */
  retryAfterSeconds: number;
}
