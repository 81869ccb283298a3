import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  checkLogin,
  loginThrottle,
  recordLoginFailure,
  recordLoginSuccess,
} from "../../src/durable-objects/login-throttle/client.ts";
import {
  ACCOUNT_POLICY,
  IP_POLICY,
  type LoginThrottle,
} from "../../src/durable-objects/login-throttle/object.ts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const allowed = { allowed: true, retryAfterSeconds: 0 };
const refused = (retryAfterSeconds: number) => ({ allowed: false, retryAfterSeconds });

/** A fresh object; times are real (so its alarm lies in the future) but passed explicitly. */
const fresh = (kind: "account" | "ip" = "account") =>
  loginThrottle(env.LOGIN_THROTTLE, `${kind}:${crypto.randomUUID()}`);

async function fail(
  stub: DurableObjectStub<LoginThrottle>,
  times: number,
  at: number,
  policy = ACCOUNT_POLICY,
) {
  let last = allowed;
  for (let i = 0; i < times; i++) last = await stub.recordFailure(at, policy);
  return last;
}

const stored = (stub: DurableObjectStub<LoginThrottle>) =>
  runInDurableObject(stub, async (_instance: LoginThrottle, state) => ({
    entries: (await state.storage.list()).size,
    alarm: await state.storage.getAlarm(),
  }));

describe("LoginThrottle (account policy)", () => {
  it("allows attempts while under five failures", async () => {
    const stub = fresh();
    const t0 = Date.now();
    expect(await stub.check(t0)).toEqual(allowed);
    expect(await fail(stub, 4, t0)).toEqual(allowed);
    expect(await stub.check(t0 + SECOND)).toEqual(allowed);
  });

  it("locks on the fifth failure for 60 s, then lets the next attempt through", async () => {
    const stub = fresh();
    const t0 = Date.now();
    await fail(stub, 4, t0);
    expect(await stub.recordFailure(t0 + SECOND)).toEqual(refused(60));
    expect(await stub.check(t0 + 31 * SECOND)).toEqual(refused(30));
    expect(await stub.check(t0 + 61 * SECOND)).toEqual(allowed);
  });

  it("doubles the lock with every further failure", async () => {
    const stub = fresh();
    let t = Date.now();
    expect(await fail(stub, 5, t)).toEqual(refused(60));
    let lock = 60;
    for (const next of [120, 240, 480]) {
      t += lock * SECOND;
      expect(await stub.check(t)).toEqual(allowed);
      expect(await stub.recordFailure(t)).toEqual(refused(next));
      lock = next;
    }
  });

  it("caps the lock at an hour", async () => {
    const stub = fresh();
    let t = Date.now();
    let lock = (await fail(stub, 5, t)).retryAfterSeconds;
    const locks = [];
    for (let i = 0; i < 8; i++) {
      t += lock * SECOND;
      lock = (await stub.recordFailure(t)).retryAfterSeconds;
      locks.push(lock);
    }
    expect(locks).toEqual([120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("forgets everything after a successful sign-in", async () => {
    const stub = fresh();
    const t0 = Date.now();
    expect(await fail(stub, 6, t0)).toEqual(refused(120));
    await stub.recordSuccess();
    expect(await stub.check(t0)).toEqual(allowed);
    expect(await fail(stub, 4, t0)).toEqual(allowed);
    expect(await stub.recordFailure(t0)).toEqual(refused(60));
    expect((await stored(stub)).entries).toBe(1);
    await stub.recordSuccess();
    expect(await stored(stub)).toEqual({ entries: 0, alarm: null });
  });

  it("counts only the failures of the last 15 minutes", async () => {
    const stub = fresh();
    const t0 = Date.now();
    await fail(stub, 3, t0);
    await fail(stub, 1, t0 + 10 * MINUTE);
    // At t0 + 16 min the first three have left the window: two remain with this one.
    expect(await stub.recordFailure(t0 + 16 * MINUTE)).toEqual(allowed);
    expect(await fail(stub, 2, t0 + 17 * MINUTE)).toEqual(allowed);
    expect(await stub.recordFailure(t0 + 18 * MINUTE)).toEqual(refused(60));
  });

  it("forgets an old lock once a window has passed after it", async () => {
    const stub = fresh();
    const t0 = Date.now();
    await fail(stub, 5, t0);
    const later = t0 + 60 * SECOND + ACCOUNT_POLICY.windowSeconds * SECOND;
    expect(await stub.recordFailure(later)).toEqual(allowed);
  });
});

describe("LoginThrottle (IP policy)", () => {
  it("locks for 15 minutes after 50 failures, without escalating afterwards", async () => {
    const stub = fresh("ip");
    const t0 = Date.now();
    expect(await fail(stub, 49, t0, IP_POLICY)).toEqual(allowed);
    expect(await stub.recordFailure(t0 + SECOND, IP_POLICY)).toEqual(refused(15 * 60));
    expect(await stub.check(t0 + 14 * MINUTE)).toEqual(refused(61));
    const after = t0 + 16 * MINUTE;
    expect(await stub.check(after)).toEqual(allowed);
    expect(await stub.recordFailure(after, IP_POLICY)).toEqual(allowed);
  });
});

describe("LoginThrottle storage", () => {
  it("schedules an alarm for when its state expires, and a premature alarm keeps the state", async () => {
    const stub = fresh();
    const t0 = Date.now();
    await fail(stub, 5, t0);
    const expiresAt = t0 + 60 * SECOND + ACCOUNT_POLICY.windowSeconds * SECOND;
    expect(await stored(stub)).toEqual({ entries: 1, alarm: expiresAt });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stored(stub)).toEqual({ entries: 1, alarm: expiresAt });
    expect(await stub.check(t0)).toEqual(refused(60));
  });

  it("deletes expired state in its alarm, so an idle object stores nothing", async () => {
    const stub = fresh();
    const longAgo = Date.now() - 2 * 60 * MINUTE;
    await fail(stub, 5, longAgo);
    // The alarm is due already; run it now, whether or not it fired on its own.
    await runDurableObjectAlarm(stub);
    expect(await stored(stub)).toEqual({ entries: 0, alarm: null });
    expect(await stub.check(longAgo)).toEqual(allowed);
  });
});

describe("checkLogin and friends", () => {
  const attempt = (email: string, ip: string, now: number) => ({
    namespace: env.LOGIN_THROTTLE,
    email,
    ip,
    now,
  });

  it("refuse when the account is locked, whatever the IP", async () => {
    const email = `Ada.${crypto.randomUUID()}@Example.com`;
    const t0 = Date.now();
    for (let i = 0; i < 4; i++) {
      expect(await recordLoginFailure(attempt(email, `198.51.100.${i}`, t0))).toEqual(allowed);
    }
    expect(await recordLoginFailure(attempt(email.toLowerCase(), "198.51.100.9", t0))).toEqual(refused(60));
    expect(await checkLogin(attempt(` ${email.toUpperCase()} `, "203.0.113.1", t0))).toEqual(refused(60));
    await recordLoginSuccess(attempt(email, "203.0.113.1", t0));
    expect(await checkLogin(attempt(email, "203.0.113.1", t0))).toEqual(allowed);
  });

  it("refuse when the IP is locked, whatever the account, and answer the longer wait", async () => {
    const ip = `ip-${crypto.randomUUID()}`;
    const t0 = Date.now();
    await fail(loginThrottle(env.LOGIN_THROTTLE, `ip:${ip}`), 49, t0, IP_POLICY);
    const email = `${crypto.randomUUID()}@example.com`;
    await fail(loginThrottle(env.LOGIN_THROTTLE, `account:${email}`), 3, t0);
    expect(await recordLoginFailure(attempt(email, ip, t0))).toEqual(refused(15 * 60));
    expect(await checkLogin(attempt(`${crypto.randomUUID()}@example.com`, ip, t0 + MINUTE))).toEqual(
      refused(14 * 60),
    );
    // A success clears the account only: the IP stays locked.
    await recordLoginSuccess(attempt(email, ip, t0 + MINUTE));
    expect(await checkLogin(attempt(email, ip, t0 + MINUTE))).toEqual(refused(14 * 60));
  });
});
