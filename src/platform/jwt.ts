/**
 * Access tokens (RFC 9068 style JWTs, at most 15 minutes) and the JWKS that publishes their keys.
 *
 * Keys come from the `JWT_PRIVATE_KEYS` secret: a JSON array of private JWKs with `kid` and `alg`
 * (`EdDSA` over Ed25519, or `ES256`). The first key signs; every key verifies, so a rotation adds
 * the new key first, waits one token lifetime, then removes the old one.
 */
import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
} from "jose";
import { z } from "zod";
import { ConfigError } from "../env.ts";
import { UnauthorizedError } from "../errors.ts";

export type SigningAlgorithm = "EdDSA" | "ES256";

/** Longest access token lifetime we sign (DESIGN: access JWT ≤ 15 min). */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 900;
/** Leeway for exp/nbf against clock skew between the signer and the verifier. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** The JWT `typ` header of access tokens (RFC 9068); refresh tokens are opaque and never JWTs. */
const ACCESS_TOKEN_TYP = "at+jwt";

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

interface ImportedKey {
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

/** Per-organisation adjustments to the role's permissions. */
export interface PermissionOverrides {
  add: string[];
  remove: string[];
}

export interface AccessTokenSubject {
  /** The user id (UUID). */
  sub: string;
  /** The organisation id (UUID) the token acts in. */
  org: string;
  role: string;
  perms?: PermissionOverrides;
}

export interface AccessTokenClaims extends AccessTokenSubject {
  iss: string;
  aud: string;
  typ: "access";
  iat: number;
  exp: number;
  jti: string;
}

export type InvalidTokenReason =
  | "malformed"
  | "expired"
  | "bad_signature"
  | "wrong_audience"
  | "wrong_issuer"
  | "unknown_kid"
  | "wrong_type"
  | "bad_alg"
  | "missing_claims";

/**
 * A token that must not be accepted. It answers 401 `invalid_token` with one detail for every
 * reason (a client learns nothing about which check failed); `reason` is for logs and tests.
 */
export class InvalidTokenError extends UnauthorizedError {
  readonly reason: InvalidTokenReason;

  constructor(reason: InvalidTokenReason) {
    super("invalid_token", "The access token is invalid or has expired.");
    this.name = "InvalidTokenError";
    this.reason = reason;
  }
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

const uuid = z.uuid();

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

async function cryptoKeyOf(keys: SigningKeys, kid: string): Promise<ImportedKey> {
  const imported = (await keys.cryptoKeys).get(kid);
  if (!imported) throw new Error(`no imported key for kid "${kid}"`);
  return imported;
}

/** The public half of every configured key, for `/.well-known/jwks.json`. */
export function publicJwks(keys: SigningKeys): { keys: PublicJwk[] } {
  return { keys: [...keys.byKid.values()].map((k) => ({ ...k.publicJwk })) };
}

/**
 * Signs an access token with the first key. `now` is milliseconds since the epoch (as `Date.now()`).
 * Throws `RangeError` for a lifetime above 15 minutes and `TypeError` for ids that are not UUIDs.
 */
export async function signAccessToken(
  keys: SigningKeys,
  subject: AccessTokenSubject,
  options: { issuer: string; audience: string; ttlSeconds?: number; now?: number },
): Promise<string> {
  const ttl = options.ttlSeconds ?? MAX_ACCESS_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_ACCESS_TOKEN_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be an integer in 1..${MAX_ACCESS_TOKEN_TTL_SECONDS}`);
  }
  if (!uuid.safeParse(subject.sub).success || !uuid.safeParse(subject.org).success || !subject.role) {
    throw new TypeError("sub and org must be UUIDs and role must not be empty");
  }
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const { perms } = subject;
  const payload = {
    org: subject.org,
    role: subject.role,
    typ: "access",
    ...(perms && (perms.add.length > 0 || perms.remove.length > 0)
      ? { perms: { add: perms.add, remove: perms.remove } }
      : {}),
  };
  const { signing } = keys;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: ACCESS_TOKEN_TYP })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(subject.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .setJti(crypto.randomUUID())
    .sign((await cryptoKeyOf(keys, signing.kid)).privateKey);
}

const claimsSchema = z.object({
  iss: z.string(),
  aud: z.string(),
  sub: uuid,
  org: uuid,
  role: z.string().min(1),
  typ: z.literal("access"),
  perms: z.object({ add: z.array(z.string()), remove: z.array(z.string()) }).optional(),
  iat: z.number(),
  exp: z.number(),
  jti: z.string().min(1),
});

/**
 * Verifies an access token and returns its claims, or throws `InvalidTokenError`. Only the
 * algorithm of the key named by `kid` is accepted, so `alg: none` and an HS256 token keyed with
 * our public key fail before any cryptography runs.
 */
export async function verifyAccessToken(
  keys: SigningKeys,
  token: string,
  options: { issuer: string; audience: string; now?: number },
): Promise<AccessTokenClaims> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new InvalidTokenError("malformed");
  }
  const alg = [...keys.algorithms].find((a) => a === header.alg);
  if (!alg) throw new InvalidTokenError("bad_alg");
  const key = typeof header.kid === "string" ? keys.byKid.get(header.kid) : undefined;
  if (!key) throw new InvalidTokenError("unknown_kid");
  if (alg !== key.alg) throw new InvalidTokenError("bad_alg");
  const { publicKey } = await cryptoKeyOf(keys, key.kid);

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, publicKey, {
      algorithms: [key.alg],
      issuer: options.issuer,
      audience: options.audience,
      typ: ACCESS_TOKEN_TYP,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "iat", "jti", "sub"],
      ...(options.now === undefined ? {} : { currentDate: new Date(options.now) }),
    }));
  } catch (error) {
    throw new InvalidTokenError(reasonOf(error));
  }
  if (payload.typ !== "access") throw new InvalidTokenError("wrong_type");
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError("missing_claims");
  const { perms, ...rest } = claims.data;
  return perms ? { ...rest, perms } : rest;
}

function reasonOf(error: unknown): InvalidTokenReason {
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad_signature";
  if (error instanceof errors.JOSEAlgNotAllowed) return "bad_alg";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return "missing_claims";
    if (error.claim === "iss") return "wrong_issuer";
    if (error.claim === "aud") return "wrong_audience";
    if (error.claim === "typ") return "wrong_type";
    // A future "nbf": outside the token's validity period, like an expired one.
    if (error.claim === "nbf") return "expired";
    return "malformed";
  }
  if (error instanceof errors.JOSEError) return "malformed";
  throw error;
}

/**
 * Tokens for one purpose other than API access (an approval link, an OAuth `state`): signed with the
 * same keys, but with the purpose as both `typ` header and audience, so no such token is ever accepted
 * as an access token or as a token of another purpose. The caller validates the claims it reads.
 */
export async function signPurposeToken(
  keys: SigningKeys,
  purpose: string,
  claims: Record<string, unknown> & { sub: string },
  options: { issuer: string; ttlSeconds: number; now?: number },
): Promise<string> {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const { sub, ...rest } = claims;
  const { signing } = keys;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: purpose })
    .setIssuer(options.issuer)
    .setAudience(purpose)
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + options.ttlSeconds)
    .setJti(crypto.randomUUID())
    .sign((await cryptoKeyOf(keys, signing.kid)).privateKey);
}

/** Verifies a purpose token (see `signPurposeToken`); throws `InvalidTokenError` with the reason. */
export async function verifyPurposeToken(
  keys: SigningKeys,
  purpose: string,
  token: string,
  options: { issuer: string; now?: number },
): Promise<Record<string, unknown> & { sub: string; jti: string; exp: number }> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new InvalidTokenError("malformed");
  }
  const key = typeof header.kid === "string" ? keys.byKid.get(header.kid) : undefined;
  if (!key) throw new InvalidTokenError("unknown_kid");
  if (header.alg !== key.alg) throw new InvalidTokenError("bad_alg");
  const { publicKey } = await cryptoKeyOf(keys, key.kid);
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: [key.alg],
      issuer: options.issuer,
      audience: purpose,
      typ: purpose,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "iat", "jti", "sub"],
      ...(options.now === undefined ? {} : { currentDate: new Date(options.now) }),
    });
    return payload as Record<string, unknown> & { sub: string; jti: string; exp: number };
  } catch (error) {
    throw new InvalidTokenError(reasonOf(error));
  }
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
