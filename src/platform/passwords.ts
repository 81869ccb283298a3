/**
 * Password hashing on WebCrypto only (Workers have no Node crypto, no argon2); how strong a new
 * password is, is password-strength.ts's question.
 *
 * Hashes are PBKDF2-HMAC-SHA256 stored as PHC strings, so the algorithm and its cost can change later
 * without a migration: a verify reports `needsRehash` and the caller stores a fresh hash on the next
 * successful sign-in.
 */
import { decodeBase64, encodeBase64 } from "hono/utils/encode";

/**
 * The parameters of new hashes.
 *
 * OWASP recommends 600,000 iterations of PBKDF2-HMAC-SHA256; deployed Workers refuse PBKDF2 above
 * 100,000 (`NotSupportedError`), so we use the most the platform allows. One hash then costs tens of
 * milliseconds of CPU, which fits the Workers CPU budget of a sign-in. When the platform raises the
 * cap, raise `iterations` here: existing hashes upgrade themselves through `needsRehash`.
 */
export const PASSWORD_HASH_PARAMS = {
  algorithm: "pbkdf2-sha256",
  iterations: 100_000,
  saltBytes: 16,
  hashBytes: 32,
} as const;

/** The most PBKDF2 iterations deployed Workers accept; a stored hash asking for more is unusable. */
const PLATFORM_MAX_ITERATIONS = 100_000;

export interface PasswordVerification {
  ok: boolean;
  /** Only ever true together with `ok`, so a caller cannot rehash a password it has not verified. */
  needsRehash: boolean;
}

interface ParsedHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

/**
 * Hashes a password for storage as
 * `$pbkdf2-sha256$i=100000$<salt>$<hash>`.
 *
 * That is the PHC string format (github.com/P-H-C/phc-string-format) with the parameter names of its
 * PBKDF2 reference (RustCrypto's `pbkdf2` crate): `i` iterations, an optional `l` output length in
 * bytes, salt and hash in standard base64 without padding. Note it is not passlib's
 * `$pbkdf2-sha256$<rounds>$…` modular-crypt variant, which omits `i=` and uses `.` for `+`.
 * The password is NFKC-normalised first (NIST 800-63B), so the same password typed on another
 * keyboard or OS still matches.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(PASSWORD_HASH_PARAMS.saltBytes));
  const hash = await derive(password, salt, PASSWORD_HASH_PARAMS.iterations, PASSWORD_HASH_PARAMS.hashBytes);
  return formatHash({ iterations: PASSWORD_HASH_PARAMS.iterations, salt, hash });
}

/**
 * Checks a password against a stored PHC string with the parameters stored in it. Never throws: a
 * malformed string or an unknown algorithm is `{ ok: false }`. `needsRehash` is true when the password
 * is right but the stored parameters are not the current `PASSWORD_HASH_PARAMS`.
 */
export async function verifyPassword(password: string, phc: string): Promise<PasswordVerification> {
  const parsed = parseHash(phc);
  if (!parsed) return { ok: false, needsRehash: false };
  try {
    const candidate = await derive(password, parsed.salt, parsed.iterations, parsed.hash.byteLength);
    const ok = constantTimeEqual(candidate, parsed.hash);
    const current =
      parsed.iterations === PASSWORD_HASH_PARAMS.iterations &&
      parsed.salt.byteLength === PASSWORD_HASH_PARAMS.saltBytes &&
      parsed.hash.byteLength === PASSWORD_HASH_PARAMS.hashBytes;
    return { ok, needsRehash: ok && !current };
  } catch {
    return { ok: false, needsRehash: false };
  }
}

/** Salt and hash of the dummy: arbitrary fixed bytes, so no password matches it. */
const DUMMY_HASH = formatHash({
  iterations: PASSWORD_HASH_PARAMS.iterations,
  salt: new Uint8Array(PASSWORD_HASH_PARAMS.saltBytes).fill(0x5a),
  hash: new Uint8Array(PASSWORD_HASH_PARAMS.hashBytes).fill(0xa5),
});

/**
 * Spends the work of one real verify (same parsing, same PBKDF2 cost, same comparison) against a
 * fixed hash that nothing matches. Call it when the email is unknown, so that a sign-in for a missing
 * account takes as long as a wrong password and response times do not reveal which emails exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  await verifyPassword(password, DUMMY_HASH);
}

async function derive(
  password: string,
  salt: Uint8Array,
  iterations: number,
  lengthBytes: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password.normalize("NFKC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    lengthBytes * 8,
  );
  return new Uint8Array(bits);
}

function formatHash({ iterations, salt, hash }: ParsedHash): string {
  return `$${PASSWORD_HASH_PARAMS.algorithm}$i=${iterations}$${unpadded(salt)}$${unpadded(hash)}`;
}

/** Reads `$pbkdf2-sha256$i=<n>[,l=<n>]$<salt>$<hash>`; undefined for anything else. */
function parseHash(phc: string): ParsedHash | undefined {
  const fields = phc.split("$");
  if (fields.length !== 5 || fields[0] !== "" || fields[1] !== PASSWORD_HASH_PARAMS.algorithm) return;
  const params = new Map<string, number>();
  for (const pair of fields[2]!.split(",")) {
    const match = /^([a-z])=([1-9]\d{0,9})$/.exec(pair);
    if (!match || params.has(match[1]!)) return;
    params.set(match[1]!, Number(match[2]));
  }
  const iterations = params.get("i");
  const length = params.get("l");
  if ([...params.keys()].some((name) => name !== "i" && name !== "l")) return;
  if (iterations === undefined || iterations > PLATFORM_MAX_ITERATIONS) return;
  const salt = fromUnpadded(fields[3]!);
  const hash = fromUnpadded(fields[4]!);
  if (!salt || !hash || salt.byteLength < 4 || salt.byteLength > 64) return;
  if (hash.byteLength < 16 || hash.byteLength > 64) return;
  if (length !== undefined && length !== hash.byteLength) return;
  return { iterations, salt, hash };
}

function unpadded(bytes: Uint8Array): string {
  // slice(): hono's encoder takes a whole buffer, and a view may cover only part of one.
  return encodeBase64(bytes.slice().buffer).replace(/=+$/, "");
}

function fromUnpadded(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]+$/.test(text) || text.length % 4 === 1) return;
  return decodeBase64(text);
}

/**
 * Equality that takes the same time wherever the first difference is. workerd has the non-standard
 * `crypto.subtle.timingSafeEqual`; other runtimes (and a future workerd without it) get the loop.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  if (typeof crypto.subtle.timingSafeEqual === "function") return crypto.subtle.timingSafeEqual(a, b);
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
