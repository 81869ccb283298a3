/**
 * Secrets at rest (TOTP secrets, platform OAuth tokens): AES-256-GCM with WebCrypto, a key id in every
 * sealed value so keys can rotate, and the owning row's id as additional data so a sealed value copied
 * onto another row does not open there.
 *
 * Keys come from the secret `TOKEN_ENCRYPTION_KEYS`, e.g.
 * `{ "k2026a": "<base64 of 32 bytes>", "k2026b": "…", "current": "k2026b" }`.
 * To rotate: add a new kid and make it current; old values still open, `needsReseal` says which to
 * re-seal; drop the old kid once none is left.
 */
import { decodeBase64, decodeBase64Url, encodeBase64, encodeBase64Url } from "hono/utils/encode";

/** Which key seals, and which can open. Holds no key bytes you could log: those stay in this module. */
export interface Keyring {
  readonly currentKid: string;
  readonly kids: readonly string[];
}

/** A sealed value that does not open: tampered, wrong additional data, unknown or wrong key. */
export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** At most 32 characters, so a 32-byte key (43+ in base64) pasted as a kid can never be echoed in an error. */
const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

interface KeyMaterial {
  raw: ReadonlyMap<string, Uint8Array>;
  /** Imported lazily and once per keyring; the promise is shared by concurrent first uses. */
  imported: Map<string, Promise<CryptoKey>>;
}

const material = new WeakMap<Keyring, KeyMaterial>();

/**
 * Reads a keyring from `TOKEN_ENCRYPTION_KEYS`. The current key is `currentKid` if given, else the
 * `"current"` member, else the last kid listed. Throws an `Error` naming the problem (never a key) on
 * anything malformed; callers turn it into a configuration error. Parse once per isolate and reuse
 * the keyring: imported keys are cached on it.
 *
 * Kids made only of digits are refused: `JSON.parse` reorders integer-like keys ahead of the others,
 * so "the last kid listed" would silently be another key than the one written last.
 */
const keyrings = new Map<string, Keyring>();

/** `parseKeyring` once per secret value, so imported keys are reused across requests. */
export function loadKeyring(json: string): Keyring {
  let keyring = keyrings.get(json);
  if (!keyring) {
    keyring = parseKeyring(json);
    if (keyrings.size >= 8) keyrings.clear();
    keyrings.set(json, keyring);
  }
  return keyring;
}

export function parseKeyring(json: string, currentKid?: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // Not the parser's message: it quotes the input, which holds the keys.
    throw new Error("TOKEN_ENCRYPTION_KEYS is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error('TOKEN_ENCRYPTION_KEYS must be a JSON object: { "<kid>": "<base64 32-byte key>" }');
  }

  const raw = new Map<string, Uint8Array>();
  let named: string | undefined;
  for (const [index, [name, value]] of Object.entries(parsed).entries()) {
    if (name === "current") {
      if (typeof value !== "string") throw new Error('TOKEN_ENCRYPTION_KEYS: "current" must be a kid');
      named = value;
      continue;
    }
    if (!KID_PATTERN.test(name) || /^\d+$/.test(name)) {
      throw new Error(
        `TOKEN_ENCRYPTION_KEYS: member ${index + 1} has an invalid kid (1-32 of A-Z a-z 0-9 _ -, not only digits)`,
      );
    }
    const key = typeof value === "string" ? decodeKey(value) : undefined;
    if (!key) throw new Error(`TOKEN_ENCRYPTION_KEYS: key "${name}" must be base64 of exactly 32 bytes`);
    raw.set(name, key);
  }

  const kids = [...raw.keys()];
  if (kids.length === 0) throw new Error("TOKEN_ENCRYPTION_KEYS holds no key");
  const current = currentKid ?? named ?? kids.at(-1)!;
  if (!raw.has(current)) {
    const shown = KID_PATTERN.test(current) ? `"${current}"` : "(not a valid kid)";
    throw new Error(`TOKEN_ENCRYPTION_KEYS: the current kid ${shown} is not in the keyring`);
  }

  const keyring: Keyring = Object.freeze({ currentKid: current, kids: Object.freeze(kids) });
  material.set(keyring, { raw, imported: new Map() });
  return keyring;
}

/**
 * Encrypts `plaintext` with the current key as `v1.<kid>.<iv>.<ciphertext>` (base64url; the
 * ciphertext ends with the GCM tag). `aad` binds the value to its place, e.g. the row id: `open` needs
 * the same `aad`. A fresh random 96-bit IV per value; with random IVs NIST caps one key at 2^32
 * seals, far more than one key will see before it is rotated.
 */
export async function seal(keyring: Keyring, plaintext: string, aad: string): Promise<string> {
  const key = await cryptoKey(keyring, keyring.currentKid);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(aad) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return [VERSION, keyring.currentKid, toBase64Url(iv), toBase64Url(ciphertext)].join(".");
}

/**
 * Decrypts a value from `seal` with the key its kid names, so values sealed before a rotation still
 * open. Throws `SecretBoxError` when the value is malformed, its kid is not in the keyring, or it does
 * not authenticate (tampered, or another `aad` than it was sealed with).
 */
export async function open(keyring: Keyring, sealed: string, aad: string): Promise<string> {
  const parts = parseSealed(sealed);
  if (!parts) throw new SecretBoxError("not a sealed value");
  if (!keyring.kids.includes(parts.kid)) {
    throw new SecretBoxError(`sealed with key "${parts.kid}", which is not in the keyring`);
  }
  const key = await cryptoKey(keyring, parts.kid);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: parts.iv, additionalData: new TextEncoder().encode(aad) },
      key,
      parts.ciphertext,
    );
  } catch {
    throw new SecretBoxError("sealed value does not authenticate (tampered, or another aad)");
  }
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(plaintext);
}

/** True when `sealed` was not sealed with the current key (or is not a sealed value at all). */
export function needsReseal(keyring: Keyring, sealed: string): boolean {
  return parseSealed(sealed)?.kid !== keyring.currentKid;
}

/**
 * A `TOKEN_ENCRYPTION_KEYS` value holding one fresh key, for local development and tests. The default
 * kid carries the date and a random suffix, so keys generated on the same day never share a kid (a
 * repeated member in the JSON would silently replace the earlier key).
 */
export function generateKeyringJson(kid?: string): string {
  const key = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) =>
    b.toString(16).padStart(2, "0"),
  );
  const name = kid ?? `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${suffix.join("")}`;
  return JSON.stringify({ [name]: encodeBase64(key.buffer) });
}

function cryptoKey(keyring: Keyring, kid: string): Promise<CryptoKey> {
  const held = material.get(keyring);
  const raw = held?.raw.get(kid);
  if (!held || !raw) throw new SecretBoxError(`no key "${kid}" in this keyring`);
  let key = held.imported.get(kid);
  if (!key) {
    key = crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    held.imported.set(kid, key);
  }
  return key;
}

function parseSealed(sealed: string): { kid: string; iv: Uint8Array; ciphertext: Uint8Array } | undefined {
  const parts = sealed.split(".");
  if (parts.length !== 4) return;
  const [version, kid, iv, ciphertext] = parts as [string, string, string, string];
  if (version !== VERSION) return;
  if (!KID_PATTERN.test(kid)) return;
  const ivBytes = decodeBase64UrlStrict(iv);
  const ciphertextBytes = decodeBase64UrlStrict(ciphertext);
  if (ivBytes?.byteLength !== IV_BYTES || !ciphertextBytes || ciphertextBytes.byteLength < TAG_BYTES) return;
  return { kid, iv: ivBytes, ciphertext: ciphertextBytes };
}

function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  // slice(): hono's encoder takes a whole buffer, and a view may cover only part of one.
  return encodeBase64Url(bytes instanceof Uint8Array ? bytes.slice().buffer : bytes).replace(/=+$/, "");
}

function decodeBase64UrlStrict(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return;
  return decodeBase64Url(text);
}

/** Standard or URL-safe base64, padded or not: whatever `openssl rand -base64 32` or a script printed. */
function decodeKey(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return;
  const unpadded = trimmed.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return;
  const bytes = decodeBase64(unpadded.replaceAll("-", "+").replaceAll("_", "/"));
  return bytes.byteLength === KEY_BYTES ? bytes : undefined;
}
