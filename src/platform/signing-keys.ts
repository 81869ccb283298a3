/**
 * The signing keys of every token we issue (access tokens, purpose tokens), from the
 * `JWT_PRIVATE_KEYS` secret: a JSON array of private JWKs with `kid` and `alg` (`EdDSA` over
 * Ed25519, or `ES256`). The first key signs; every key verifies, so a rotation adds the new key
 * first, waits one token lifetime, then removes the old one. Parsed once, by src/env.ts.
 */
import {
  calculateJwkThumbprint,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
} from "jose";
import { z } from "zod";
import { ConfigError } from "../errors.ts";
export type SigningAlgorithm = "EdDSA" | "ES256";

/** A public key as it appears in `/.well-known/jwks.json`. */
export interface PublicJwk {
  kty: "OKP" | "EC";
  crv: "Ed25519" | "P-256";
  x: string;
  y?: string;
  kid: string;
  alg: SigningAlgorithm;
  use: "sig";
}

export interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  publicJwk: PublicJwk;
}

export interface ImportedKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** Parsed `JWT_PRIVATE_KEYS`: `signing` is the first key; `byKid` holds every key that verifies. */
export interface SigningKeys {
  readonly signing: SigningKey;
  readonly byKid: ReadonlyMap<string, SigningKey>;
  /** The algorithms of the configured keys: the only ones a token may name. */
  readonly algorithms: ReadonlySet<SigningAlgorithm>;
  /** The CryptoKeys by kid, imported once (WebCrypto import is asynchronous). */
  readonly cryptoKeys: Promise<ReadonlyMap<string, ImportedKey>>;
}

const base64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be 32 bytes, base64url");
const privateJwkSchema = z.discriminatedUnion("alg", [
  z.object({
    alg: z.literal("EdDSA"),
    kty: z.literal("OKP"),
    crv: z.literal("Ed25519"),
    x: base64url32,
    d: base64url32,
    kid: z.string().min(1),
    use: z.literal("sig").optional(),
  }),
  z.object({
    alg: z.literal("ES256"),
    kty: z.literal("EC"),
    crv: z.literal("P-256"),
    x: base64url32,
    y: base64url32,
    d: base64url32,
    kid: z.string().min(1),
    use: z.literal("sig").optional(),
  }),
]);
const privateJwksSchema = z
  .array(privateJwkSchema)
  .min(1, "needs at least one key")
  .refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, "every kid must be unique");
type PrivateJwk = z.infer<typeof privateJwkSchema>;

// Importing costs CPU on every isolate start; the secret is one string for the isolate's lifetime.
// Bounded because tests (and a misconfiguration) can pass many different strings.
const keyCache = new Map<string, SigningKeys>();
const KEY_CACHE_LIMIT = 16;

/**
 * Validates `JWT_PRIVATE_KEYS` and starts importing its keys, memoised per JSON string. Throws
 * `ConfigError` naming the problem (never echoing key material); a key that fails to import makes
 * `signAccessToken`/`verifyAccessToken` throw `ConfigError` instead.
 */
export function parseSigningKeys(json: string | undefined): SigningKeys {
  if (!json) throw new ConfigError("JWT_PRIVATE_KEYS is not set");
  const cached = keyCache.get(json);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    // JSON.parse's message quotes the input, which here is a private key.
    throw new ConfigError("JWT_PRIVATE_KEYS is not valid JSON");
  }
  const parsed = privateJwksSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${["keys", ...i.path].join(".")}: ${i.message}`);
    throw new ConfigError(`JWT_PRIVATE_KEYS is not valid: ${problems.join("; ")}`);
  }
  const keys = parsed.data.map(
    (jwk): SigningKey => ({ kid: jwk.kid, alg: jwk.alg, publicJwk: publicPart(jwk) }),
  );
  const cryptoKeys = Promise.all(parsed.data.map(importKeyPair)).then(
    (pairs) => new Map(pairs.map((pair, i) => [keys[i]!.kid, pair])),
  );
  // Awaited by every sign and verify; this only keeps a bad key from being an unhandled rejection.
  cryptoKeys.catch(() => {});
  const result: SigningKeys = {
    signing: keys[0]!,
    byKid: new Map(keys.map((k) => [k.kid, k])),
    algorithms: new Set(keys.map((k) => k.alg)),
    cryptoKeys,
  };
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value ?? "");
  keyCache.set(json, result);
  return result;
}

function publicPart(jwk: PrivateJwk): PublicJwk {
  return jwk.kty === "EC"
    ? { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y, kid: jwk.kid, alg: jwk.alg, use: "sig" }
    : { kty: "OKP", crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: jwk.alg, use: "sig" };
}

async function importKeyPair(jwk: PrivateJwk): Promise<ImportedKey> {
  const publicJwk = publicPart(jwk);
  try {
    const privateKey = await importJWK({ ...publicJwk, d: jwk.d }, jwk.alg);
    const publicKey = await importJWK(publicJwk, jwk.alg);
    // A `d` that does not belong to `x` would sign tokens nobody can verify: refuse it up front.
    const probe = await new SignJWT({}).setProtectedHeader({ alg: jwk.alg }).sign(privateKey);
    await jwtVerify(probe, publicKey, { algorithms: [jwk.alg] });
    return { privateKey, publicKey };
  } catch (error) {
    const why =
      error instanceof errors.JWSSignatureVerificationFailed
        ? "does not match its public key"
        : "not importable";
    throw new ConfigError(`JWT_PRIVATE_KEYS: the private key of kid "${jwk.kid}" is ${why}`);
  }
}

export async function cryptoKeyOf(keys: SigningKeys, kid: string): Promise<ImportedKey> {
  const imported = (await keys.cryptoKeys).get(kid);
  if (!imported) throw new Error(`no imported key for kid "${kid}"`);
  return imported;
}

/** The public half of every configured key, for `/.well-known/jwks.json`. */
export function publicJwks(keys: SigningKeys): { keys: PublicJwk[] } {
  return { keys: [...keys.byKid.values()].map((k) => ({ ...k.publicJwk })) };
}

/** Fresh Ed25519 private JWKs as `JWT_PRIVATE_KEYS` JSON (local development and tests). */
export async function generateSigningKeysJson(count = 1): Promise<string> {
  const keys: JWK[] = [];
  for (let i = 0; i < count; i++) {
    const { privateKey } = await generateKeyPair("EdDSA", { extractable: true });
    const { kty, crv, x, d } = await exportJWK(privateKey);
    // The RFC 7638 thumbprint: a kid that is unique, stable and derived from the key itself.
    const kid = await calculateJwkThumbprint({ kty, crv, x });
    keys.push({ kty, crv, x, d, kid, alg: "EdDSA", use: "sig" });
  }
  return JSON.stringify(keys);
}
