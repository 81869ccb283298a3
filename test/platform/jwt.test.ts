import { base64url, exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/errors.ts";
import {
  type AccessTokenSubject,
  InvalidTokenError,
  type InvalidTokenReason,
  signAccessToken,
  signPurposeToken,
  verifyAccessToken,
  verifyPurposeToken,
} from "../../src/platform/jwt.ts";
import {
  generateSigningKeysJson,
  parseSigningKeys,
  publicJwks,
  type SigningKeys,
} from "../../src/platform/signing-keys.ts";

const issuer = "https://guddu.test";
const audience = "guddu-api";
const at = { issuer, audience };
const NOW = Date.parse("2026-03-01T09:00:00Z");

const subject = (): AccessTokenSubject => ({
  sub: crypto.randomUUID(),
  org: crypto.randomUUID(),
  role: "editor",
});

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
const headerOf = (token: string) =>
  JSON.parse(new TextDecoder().decode(base64url.decode(token.split(".")[0]!)));
const claimsAt = (now: number) => ({
  iss: issuer,
  aud: audience,
  sub: crypto.randomUUID(),
  org: crypto.randomUUID(),
  role: "editor",
  typ: "access",
  iat: Math.floor(now / 1000),
  exp: Math.floor(now / 1000) + 900,
  jti: crypto.randomUUID(),
});

async function rejection(promise: Promise<unknown>): Promise<InvalidTokenReason> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return (error as InvalidTokenError).reason;
}

let keys: SigningKeys;

beforeAll(async () => {
  keys = parseSigningKeys(await generateSigningKeysJson());
});

describe("access tokens", () => {
  it("round-trips: the claims come back, with an at+jwt header naming the key", async () => {
    const who = { ...subject(), perms: { add: ["analytics:read"], remove: ["content:delete"] } };
    const token = await signAccessToken(keys, who, { ...at, now: NOW });
    const claims = await verifyAccessToken(keys, token, { ...at, now: NOW + 60_000 });
    expect(claims).toEqual({
      iss: issuer,
      aud: audience,
      sub: who.sub,
      org: who.org,
      role: "editor",
      typ: "access",
      perms: who.perms,
      iat: NOW / 1000,
      exp: NOW / 1000 + 900,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(headerOf(token)).toEqual({ alg: "EdDSA", kid: keys.signing.kid, typ: "at+jwt" });
  });

  it("leaves perms out when there are no overrides, and gives every token its own jti", async () => {
    const who = { ...subject(), perms: { add: [], remove: [] } };
    const first = await verifyAccessToken(keys, await signAccessToken(keys, who, at), at);
    const second = await verifyAccessToken(keys, await signAccessToken(keys, who, at), at);
    expect(first).not.toHaveProperty("perms");
    expect(first.jti).not.toBe(second.jti);
  });

  it("refuses to sign for longer than 15 minutes", async () => {
    await expect(signAccessToken(keys, subject(), { ...at, ttlSeconds: 901 })).rejects.toThrow(RangeError);
    await expect(signAccessToken(keys, { ...subject(), org: "acme" }, at)).rejects.toThrow(TypeError);
  });

  it("is expired after its lifetime plus 30 s of clock tolerance", async () => {
    const token = await signAccessToken(keys, subject(), { ...at, ttlSeconds: 300, now: NOW });
    await expect(verifyAccessToken(keys, token, { ...at, now: NOW + 329_000 })).resolves.toBeDefined();
    expect(await rejection(verifyAccessToken(keys, token, { ...at, now: NOW + 331_000 }))).toBe("expired");
  });

  it("is verified once per isolate: a repeat skips the signature check, but not its expiry or audience", async () => {
    const token = await signAccessToken(keys, subject(), { ...at, ttlSeconds: 300, now: NOW });
    const first = await verifyAccessToken(keys, token, { ...at, now: NOW });
    const verify = vi.spyOn(crypto.subtle, "verify");
    try {
      expect(await verifyAccessToken(keys, token, { ...at, now: NOW + 1_000 })).toEqual(first);
      expect(verify).not.toHaveBeenCalled();
      expect(await rejection(verifyAccessToken(keys, token, { ...at, audience: "other-api" }))).toBe(
        "wrong_audience",
      );
      expect(await rejection(verifyAccessToken(keys, token, { ...at, now: NOW + 331_000 }))).toBe("expired");
      expect(verify).toHaveBeenCalled();
    } finally {
      verify.mockRestore();
    }
  });

  it("is refused for another audience or another issuer", async () => {
    const token = await signAccessToken(keys, subject(), at);
    expect(await rejection(verifyAccessToken(keys, token, { ...at, audience: "other-api" }))).toBe(
      "wrong_audience",
    );
    expect(await rejection(verifyAccessToken(keys, token, { ...at, issuer: "https://evil.test" }))).toBe(
      "wrong_issuer",
    );
  });

  it("is refused when its payload was changed after signing", async () => {
    const [header, payload, signature] = (await signAccessToken(keys, subject(), at)).split(".");
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!)));
    const tampered = `${header}.${encode({ ...claims, role: "owner" })}.${signature}`;
    expect(await rejection(verifyAccessToken(keys, tampered, at))).toBe("bad_signature");
  });

  it("is refused when signed by a key we do not hold, even one that claims our kid", async () => {
    const stranger = parseSigningKeys(await generateSigningKeysJson());
    const token = await signAccessToken(stranger, subject(), at);
    expect(await rejection(verifyAccessToken(keys, token, at))).toBe("unknown_kid");

    const [, payload, signature] = token.split(".");
    const forged = `${encode({ alg: "EdDSA", kid: keys.signing.kid, typ: "at+jwt" })}.${payload}.${signature}`;
    expect(await rejection(verifyAccessToken(keys, forged, at))).toBe("bad_signature");
  });

  it('refuses an unsigned token ("alg": "none")', async () => {
    const header = { alg: "none", kid: keys.signing.kid, typ: "at+jwt" };
    const token = `${encode(header)}.${encode(claimsAt(Date.now()))}.`;
    expect(await rejection(verifyAccessToken(keys, token, at))).toBe("bad_alg");
  });

  it("refuses an HS256 token keyed with our public key's bytes", async () => {
    const publicKeyBytes = base64url.decode(publicJwks(keys).keys[0]!.x);
    const token = await new SignJWT(claimsAt(Date.now()))
      .setProtectedHeader({ alg: "HS256", kid: keys.signing.kid, typ: "at+jwt" })
      .sign(publicKeyBytes);
    expect(await rejection(verifyAccessToken(keys, token, at))).toBe("bad_alg");
  });

  it("refuses a token without the at+jwt typ header, and one that is not an access token", async () => {
    const { signing } = keys;
    const privateKey = (await keys.cryptoKeys).get(signing.kid)!.privateKey;
    const untyped = await new SignJWT(claimsAt(Date.now()))
      .setProtectedHeader({ alg: signing.alg, kid: signing.kid })
      .sign(privateKey);
    expect(await rejection(verifyAccessToken(keys, untyped, at))).toBe("wrong_type");

    const refresh = await new SignJWT({ ...claimsAt(Date.now()), typ: "refresh" })
      .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: "at+jwt" })
      .sign(privateKey);
    expect(await rejection(verifyAccessToken(keys, refresh, at))).toBe("wrong_type");
  });

  it("refuses a validly signed token without an organisation, or with a subject that is not a UUID", async () => {
    const { signing } = keys;
    const privateKey = (await keys.cryptoKeys).get(signing.kid)!.privateKey;
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: "at+jwt" })
        .sign(privateKey);
    const { org: _org, ...withoutOrg } = claimsAt(Date.now());
    expect(await rejection(verifyAccessToken(keys, await sign(withoutOrg), at))).toBe("missing_claims");
    const notUuid = { ...claimsAt(Date.now()), sub: "admin" };
    expect(await rejection(verifyAccessToken(keys, await sign(notUuid), at))).toBe("missing_claims");
  });

  it("refuses what is not a JWT at all", async () => {
    const header = encode({ alg: "EdDSA", kid: keys.signing.kid, typ: "at+jwt" });
    for (const token of ["", "not-a-jwt", "a.b.c", `${header}.${encode(claimsAt(NOW))}`]) {
      expect(await rejection(verifyAccessToken(keys, token, at)), token).toBe("malformed");
    }
  });

  it("verifies ES256 keys too", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: "es-1", alg: "ES256" };
    const es = parseSigningKeys(JSON.stringify([jwk]));
    const token = await signAccessToken(es, subject(), at);
    expect(headerOf(token).alg).toBe("ES256");
    await expect(verifyAccessToken(es, token, at)).resolves.toMatchObject({ role: "editor" });
  });
});

describe("signing keys", () => {
  it("rotate: with [new, old] the old key's tokens still verify and new tokens carry the new kid", async () => {
    const [oldJwk] = JSON.parse(await generateSigningKeysJson());
    const [newJwk] = JSON.parse(await generateSigningKeysJson());
    const before = parseSigningKeys(JSON.stringify([oldJwk]));
    const during = parseSigningKeys(JSON.stringify([newJwk, oldJwk]));
    const after = parseSigningKeys(JSON.stringify([newJwk]));

    const oldToken = await signAccessToken(before, subject(), at);
    await expect(verifyAccessToken(during, oldToken, at)).resolves.toMatchObject({ typ: "access" });
    const newToken = await signAccessToken(during, subject(), at);
    expect(headerOf(newToken).kid).toBe(newJwk.kid);
    await expect(verifyAccessToken(after, newToken, at)).resolves.toMatchObject({ typ: "access" });
    expect(await rejection(verifyAccessToken(after, oldToken, at))).toBe("unknown_kid");
  });

  it("publish only their public parts in the JWKS", async () => {
    const json = await generateSigningKeysJson(2);
    const jwks = publicJwks(parseSigningKeys(json));
    const kids = JSON.parse(json).map((k: { kid: string }) => k.kid);
    expect(jwks.keys.map((k) => k.kid)).toEqual(kids);
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    }
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
  });

  it("are imported once per JSON string", async () => {
    const json = await generateSigningKeysJson();
    expect(parseSigningKeys(json)).toBe(parseSigningKeys(json));
  });

  it("refuse bad JSON with a ConfigError that does not echo the secret", async () => {
    const [jwk] = JSON.parse(await generateSigningKeysJson());
    const cases: Array<[string | undefined, RegExp]> = [
      [undefined, /not set/],
      [`[${JSON.stringify(jwk)}`, /not valid JSON/],
      ["[]", /at least one key/],
      [JSON.stringify([{ ...jwk, kid: undefined }]), /kid/],
      [JSON.stringify([{ ...jwk, alg: "HS256" }]), /alg/],
      [JSON.stringify([{ ...jwk, d: "short" }]), /\bd\b/],
      [JSON.stringify([jwk, jwk]), /unique/],
    ];
    for (const [json, message] of cases) {
      let thrown: unknown;
      try {
        parseSigningKeys(json);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(message)).toBeInstanceOf(ConfigError);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain(jwk.d);
    }
  });

  it("refuse a private key that does not belong to its public key, at first use", async () => {
    const [a, b] = JSON.parse(await generateSigningKeysJson(2));
    const mismatched = parseSigningKeys(JSON.stringify([{ ...a, d: b.d }]));
    await expect(signAccessToken(mismatched, subject(), at)).rejects.toThrow(ConfigError);
    await expect(signAccessToken(mismatched, subject(), at)).rejects.toThrow(/does not match/);
  });
});

describe("purpose tokens (approval links, OAuth state)", () => {
  const purpose = "guddu-test-purpose";
  const expectReason = async (promise: Promise<unknown>, reason: InvalidTokenReason) =>
    expect(await rejection(promise)).toBe(reason);
  const sign = (claims: Record<string, unknown> & { sub: string }, ttlSeconds = 600) =>
    signPurposeToken(keys, purpose, claims, { issuer, ttlSeconds, now: NOW });

  it("round-trip their claims with the purpose as typ and audience", async () => {
    const sub = crypto.randomUUID();
    const token = await sign({ sub, step: 2 });
    expect(headerOf(token)).toMatchObject({ typ: purpose, kid: keys.signing.kid });
    const claims = await verifyPurposeToken(keys, purpose, token, { issuer, now: NOW });
    expect(claims).toMatchObject({ sub, step: 2, aud: purpose, exp: Math.floor(NOW / 1000) + 600 });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("are never accepted for another purpose, nor as access tokens, nor the other way round", async () => {
    const token = await sign({ sub: crypto.randomUUID() });
    await expectReason(verifyPurposeToken(keys, "guddu-other", token, { issuer, now: NOW }), "wrong_type");
    await expectReason(verifyAccessToken(keys, token, { ...at, now: NOW }), "wrong_type");
    const access = await signAccessToken(keys, subject(), { ...at, now: NOW });
    await expectReason(verifyPurposeToken(keys, purpose, access, { issuer, now: NOW }), "wrong_type");
  });

  it("expire, and do not survive tampering", async () => {
    const token = await sign({ sub: crypto.randomUUID() }, 60);
    await expectReason(verifyPurposeToken(keys, purpose, token, { issuer, now: NOW + 91_000 }), "expired");
    const [header, payload, signature] = token.split(".");
    const changed = encode({ ...JSON.parse(new TextDecoder().decode(base64url.decode(payload!))), sub: "x" });
    await expectReason(
      verifyPurposeToken(keys, purpose, `${header}.${changed}.${signature}`, { issuer, now: NOW }),
      "bad_signature",
    );
    await expectReason(verifyPurposeToken(keys, purpose, "not-a-token", { issuer, now: NOW }), "malformed");
  });
});
