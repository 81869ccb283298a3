/**
 * The second factor: TOTP (RFC 6238) secrets, enrolment URIs and code checks, and one-time recovery
 * codes. SHA-1, 6 digits and 30-second steps because that is what every authenticator app supports;
 * the strength of TOTP comes from the secret and the throttle, not from the hash. HOTP (RFC 4226) is
 * a dozen lines on WebCrypto's HMAC, so no library is bundled for it (the tests check it against
 * otpauth and the RFC's vectors).
 */

const DIGITS = 6;
const PERIOD_SECONDS = 30;
/** Steps either side of now that still count, for clock drift and a code typed as it rolls over. */
const WINDOW = 1;
const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding, as authenticator apps take secrets. */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Base32 in any case, padding and spaces ignored; throws on anything else (a stored-data bug). */
function fromBase32(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=]/g, "");
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const character of clean) {
    const index = BASE32_ALPHABET.indexOf(character);
    if (index === -1) throw new Error("The TOTP secret is not base32.");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return new Uint8Array(bytes);
}

/** A fresh TOTP secret: 20 random bytes (RFC 4226's recommended length) as unpadded base32. */
export function createTotpSecret(): string {
  return base32(crypto.getRandomValues(new Uint8Array(20)));
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
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = `issuer=${encodeURIComponent(issuer)}&secret=${base32(fromBase32(secret))}`;
  return `otpauth://totp/${label}?${query}&algorithm=SHA1&digits=${DIGITS}&period=${PERIOD_SECONDS}`;
}

/** RFC 4226: HMAC-SHA1 of the 8-byte counter, dynamically truncated to `DIGITS` decimal digits. */
async function hotp(key: CryptoKey, counter: number): Promise<string> {
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
}

/** The same length and the same time whatever the digits: no timing hint about a near miss. */
function sameCode(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

export type TotpVerification = { ok: true; step: number } | { ok: false };

/**
 * Checks a code against the step of `now` (milliseconds since the epoch; defaults to the clock) and
 * one step either side. A code whose step is at or before `lastUsedStep` is refused, so a code cannot
 * be replayed within its window: store the returned `step` after each success and pass it next time.
 * Anything but exactly six ASCII digits is refused without computing anything. Throws only when
 * `secret` is not base32, which is a stored-data bug rather than user input.
 */
export async function verifyTotp({
  secret,
  code,
  now = Date.now(),
  lastUsedStep = null,
}: {
  secret: string;
  code: string;
  now?: number;
  lastUsedStep?: number | null;
}): Promise<TotpVerification> {
  if (!/^[0-9]{6}$/.test(code)) return { ok: false };
  const key = await crypto.subtle.importKey(
    "raw",
    fromBase32(secret),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const current = Math.floor(now / 1000 / PERIOD_SECONDS);
  // Each candidate step is checked on its own, so that a step already used is skipped instead of
  // hiding a later step that the same digits also match.
  for (const step of candidateSteps(current)) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (sameCode(await hotp(key, step), code)) return { ok: true, step };
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
