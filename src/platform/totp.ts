/**
 * The second factor: TOTP (RFC 6238) secrets, enrolment URIs and code checks, and one-time recovery
 * codes. SHA-1, 6 digits and 30-second steps because that is what every authenticator app supports;
 * the strength of TOTP comes from the secret and the throttle, not from the hash.
 */
import { HOTP, Secret, TOTP } from "otpauth";

const ALGORITHM = "SHA1";
const DIGITS = 6;
const PERIOD_SECONDS = 30;
/** Steps either side of now that still count, for clock drift and a code typed as it rolls over. */
const WINDOW = 1;

/** A fresh TOTP secret: 20 random bytes (RFC 4226's recommended length) as unpadded base32. */
export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` URI an authenticator app reads from a QR
 * code. The issuer appears both in the label and as a parameter, which is what apps match on.
 */
export function totpUri({
  secret,
  accountName,
  issuer,
}: {
  secret: string;
  accountName: string;
  issuer: string;
}): string {
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

export type TotpVerification = { ok: true; step: number } | { ok: false };

/**
 * Checks a code against the step of `now` (milliseconds since the epoch; defaults to the clock) and
 * one step either side. A code whose step is at or before `lastUsedStep` is refused, so a code cannot
 * be replayed within its window: store the returned `step` after each success and pass it next time.
 * Anything but exactly six ASCII digits is refused without computing anything. Throws only when
 * `secret` is not base32, which is a stored-data bug rather than user input.
 */
export function verifyTotp({
  secret,
  code,
  now = Date.now(),
  lastUsedStep = null,
}: {
  secret: string;
  code: string;
  now?: number;
  lastUsedStep?: number | null;
}): TotpVerification {
  if (!/^[0-9]{6}$/.test(code)) return { ok: false };
  const key = Secret.fromBase32(secret);
  const current = TOTP.counter({ period: PERIOD_SECONDS, timestamp: now });
  // Each candidate step is checked on its own (window 0) rather than with otpauth's window, so that
  // a step already used is skipped instead of hiding a later step that the same digits also match.
  for (const step of candidateSteps(current)) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const match = HOTP.validate({
      token: code,
      secret: key,
      algorithm: ALGORITHM,
      digits: DIGITS,
      counter: step,
      window: 0,
    });
    if (match !== null) return { ok: true, step };
  }
  return { ok: false };
}

function candidateSteps(current: number): number[] {
  const steps = [current];
  for (let offset = 1; offset <= WINDOW; offset++) steps.push(current - offset, current + offset);
  return steps;
}

const RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const RECOVERY_CODE_CHARACTERS = 10;

/**
 * One-time recovery codes shown once at enrolment, like `k7tq2-mxa4e`: 10 base32 characters, 50
 * random bits each, lowercase and grouped for reading aloud or typing from paper. Unique within the
 * set. Store only `hashRecoveryCode` of each.
 */
export function generateRecoveryCodes(count = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    // 32 symbols divide 256 evenly, so the low 5 bits of a random byte pick one without bias.
    const bytes = crypto.getRandomValues(new Uint8Array(RECOVERY_CODE_CHARACTERS));
    const characters = Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte & 31]).join("");
    codes.add(`${characters.slice(0, 5)}-${characters.slice(5)}`);
  }
  return [...codes];
}

/**
 * SHA-256 (hex) of a recovery code, after lowercasing and dropping dashes and spaces, so
 * `K7TQ2 MXA4E` finds the row stored for `k7tq2-mxa4e`.
 *
 * A fast hash is right here, unlike for passwords: a slow hash exists to make each guess from a
 * dictionary of human choices expensive, and these codes are 50 random bits with no dictionary;
 * online guessing is for the sign-in throttle. Being fast and unsalted, the hash also finds the row.
 * Its known cost: after a database leak one offline guess tests every stored code at once, about
 * 2^50 / (codes stored) hashes to crack some code; that code still only stands in for the second
 * factor, never for the password.
 */
export async function hashRecoveryCode(code: string, userId: string): Promise<string> {
  // Salted with the user id: a leaked table cannot be attacked for every user's codes at once.
  const normalized = code.toLowerCase().replace(/[\s-]/g, "");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${userId}:${normalized}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
