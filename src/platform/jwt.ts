/**
 * Access tokens (RFC 9068 style JWTs, at most 15 minutes) and purpose-bound tokens (approval links,
 * OAuth state, media links), signed and verified with the keys of signing-keys.ts.
 */
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { UnauthorizedError } from "../errors.ts";
import { cryptoKeyOf, type SigningKeys } from "./signing-keys.ts";

/** Longest access token lifetime we sign (DESIGN: access JWT ≤ 15 min). */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 900;
/** Leeway for exp/nbf against clock skew between the signer and the verifier. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** The JWT `typ` header of access tokens (RFC 9068); refresh tokens are opaque and never JWTs. */
const ACCESS_TOKEN_TYP = "at+jwt";

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
  /**
   * When the user's access ends (seconds since the epoch, fractions allowed): unlike `exp`, checked
   * without clock tolerance by the caller, so the token stops at that very instant.
   */
  until?: number;
  /** The events the user is limited to (absent: every event). */
  evs?: string[];
  /** The user's access version when issued (absent: 0); the database refuses any other. */
  av?: number;
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

const uuid = z.uuid();

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
  const { perms, until, evs, av } = subject;
  const payload = {
    org: subject.org,
    role: subject.role,
    typ: "access",
    ...(perms && (perms.add.length > 0 || perms.remove.length > 0)
      ? { perms: { add: perms.add, remove: perms.remove } }
      : {}),
    ...(until !== undefined ? { until } : {}),
    ...(evs ? { evs } : {}),
    ...(av ? { av } : {}),
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
  until: z.number().optional(),
  evs: z.array(uuid).optional(),
  av: z.number().int().nonnegative().optional(),
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
  const cache = verifiedTokens.get(keys);
  const known = cache?.get(token);
  const now = options.now ?? Date.now();
  if (known && known.issuer === options.issuer && known.audience === options.audience) {
    if (now < (known.claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000) return known.claims;
    cache?.delete(token);
  }
  const claims = await verifyAccessTokenOnce(keys, token, options);
  remember(keys, token, { claims, issuer: options.issuer, audience: options.audience });
  return claims;
}

/**
 * Tokens this isolate verified, until they expire: a client sends the same token for up to 15
 * minutes, and checking its signature again (plus decoding and validating it) was about a tenth of
 * an authenticated read's CPU. The token string is the key, so any change to it misses the cache.
 */
const verifiedTokens = new WeakMap<SigningKeys, Map<string, VerifiedToken>>();
const VERIFIED_TOKENS_LIMIT = 1024;
interface VerifiedToken {
  claims: AccessTokenClaims;
  issuer: string;
  audience: string;
}

function remember(keys: SigningKeys, token: string, verified: VerifiedToken): void {
  let cache = verifiedTokens.get(keys);
  if (!cache) {
    cache = new Map();
    verifiedTokens.set(keys, cache);
  }
  // Oldest first out: a Map iterates in insertion order.
  if (cache.size >= VERIFIED_TOKENS_LIMIT) cache.delete(cache.keys().next().value ?? "");
  cache.set(token, verified);
}

async function verifyAccessTokenOnce(
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
  const { perms, until, evs, av, ...rest } = claims.data;
  return {
    ...rest,
    ...(perms ? { perms } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(evs ? { evs } : {}),
    ...(av !== undefined ? { av } : {}),
  };
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
