import { afterEach, describe, expect, it, vi } from "vitest";
import {
  hashPassword,
  PASSWORD_HASH_PARAMS,
  verifyAgainstDummy,
  verifyPassword,
} from "../../src/platform/passwords.ts";

const PHC_PATTERN = /^\$pbkdf2-sha256\$i=100000\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
}

/** A PHC string made by hand with WebCrypto, as an older version of the code would have stored it. */
async function legacyHash(password: string, iterations: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    256,
  );
  return `$pbkdf2-sha256$i=${iterations}$${base64(salt)}$${base64(new Uint8Array(bits))}`;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hashPassword", () => {
  it("stores PBKDF2-SHA256 at 100,000 iterations as a PHC string with a 16-byte salt and 32-byte hash", async () => {
    const phc = await hashPassword("correct horse battery staple");
    const match = PHC_PATTERN.exec(phc);
    expect(match).not.toBeNull();
    expect(atob(match![1]!).length).toBe(16);
    expect(atob(match![2]!).length).toBe(32);
    expect(PASSWORD_HASH_PARAMS).toEqual({
      algorithm: "pbkdf2-sha256",
      iterations: 100_000,
      saltBytes: 16,
      hashBytes: 32,
    });
  });

  it("salts every hash, so the same password hashes differently twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same password!"), hashPassword("same password!")]);
    expect(a).not.toBe(b);
  });
});

describe("verifyPassword", () => {
  it("accepts the password a hash was made from, without asking for a rehash", async () => {
    const phc = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", phc)).toEqual({
      ok: true,
      needsRehash: false,
    });
  });

  it("refuses a wrong password", async () => {
    const phc = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery stapler", phc)).toEqual({
      ok: false,
      needsRehash: false,
    });
    expect(await verifyPassword("", phc)).toEqual({ ok: false, needsRehash: false });
  });

  it("reads the standard PHC form, including the optional l= length (RFC 7914 test vector)", async () => {
    // PBKDF2-HMAC-SHA256, P = "Password", S = "NaCl", c = 80000, dkLen = 64 (RFC 7914 §11).
    const phc =
      "$pbkdf2-sha256$i=80000,l=64$TmFDbA$TdzY9guYviGDDO5e8icB+WQaRBjQTAQUrv8Ih2s0q1ah1CWhIlgzVJrbhBtRybMXaicr3ruh0HhHj2Kzl/M8jQ";
    expect(await verifyPassword("Password", phc)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword("password", phc)).toEqual({ ok: false, needsRehash: false });
  });

  it("asks for a rehash when the right password was stored with other parameters", async () => {
    const phc = await legacyHash("an old but right password", 1000);
    expect(await verifyPassword("an old but right password", phc)).toEqual({ ok: true, needsRehash: true });
  });

  it("never asks to rehash a wrong password, whatever its stored parameters", async () => {
    const phc = await legacyHash("an old but right password", 1000);
    expect(await verifyPassword("a wrong password entirely", phc)).toEqual({ ok: false, needsRehash: false });
  });

  it("refuses, without throwing, a hash in an unknown algorithm or a malformed one", async () => {
    const good = await hashPassword("correct horse battery staple");
    const [, , params, salt, hash] = good.split("$");
    const refused = [
      "",
      "correct horse battery staple",
      "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
      `$pbkdf2-sha512$${params}$${salt}$${hash}`,
      `$pbkdf2-sha256$100000$${salt}$${hash}`, // passlib's variant: rounds without i=
      `$pbkdf2-sha256$i=100000$${salt}`,
      `$pbkdf2-sha256$i=100000$${salt}$${hash}$extra`,
      `pbkdf2-sha256$i=100000$${salt}$${hash}`,
      `$pbkdf2-sha256$i=0$${salt}$${hash}`,
      `$pbkdf2-sha256$i=0100000$${salt}$${hash}`,
      `$pbkdf2-sha256$i=100001$${salt}$${hash}`, // above what Workers' PBKDF2 accepts
      `$pbkdf2-sha256$i=100000,i=100000$${salt}$${hash}`,
      `$pbkdf2-sha256$i=100000,m=8$${salt}$${hash}`,
      `$pbkdf2-sha256$i=100000,l=16$${salt}$${hash}`,
      `$pbkdf2-sha256$$${salt}$${hash}`,
      `$pbkdf2-sha256$i=100000$$${hash}`,
      `$pbkdf2-sha256$i=100000$${salt}==$${hash}`,
      `$pbkdf2-sha256$i=100000$${salt}$${hash!.replace(/.$/, "*")}`,
      `$pbkdf2-sha256$i=100000$${salt}$${hash!.slice(0, 10)}`,
    ];
    for (const phc of refused) {
      await expect(verifyPassword("correct horse battery staple", phc), phc).resolves.toEqual({
        ok: false,
        needsRehash: false,
      });
    }
  });

  it("matches the same password typed in another Unicode form (NFKC)", async () => {
    const phc = await hashPassword("ﬁne café password"); // "ﬁ" ligature, precomposed "é"
    expect((await verifyPassword("fine cafe\u0301 password", phc)).ok).toBe(true);
  });

  it("compares in constant time with its own loop where crypto.subtle.timingSafeEqual is missing", async () => {
    const phc = await hashPassword("correct horse battery staple");
    Object.defineProperty(crypto.subtle, "timingSafeEqual", { value: undefined, configurable: true });
    try {
      expect((await verifyPassword("correct horse battery staple", phc)).ok).toBe(true);
      expect((await verifyPassword("wrong horse battery staple", phc)).ok).toBe(false);
    } finally {
      Reflect.deleteProperty(crypto.subtle, "timingSafeEqual");
    }
    expect(typeof crypto.subtle.timingSafeEqual).toBe("function");
  });
});

describe("verifyAgainstDummy", () => {
  it("does the PBKDF2 work of a real verify with the current parameters, and resolves", async () => {
    const phc = await hashPassword("correct horse battery staple");
    const deriveBits = vi.spyOn(crypto.subtle, "deriveBits");

    await verifyPassword("someone's guess", phc);
    await expect(verifyAgainstDummy("someone's guess")).resolves.toBeUndefined();

    expect(deriveBits).toHaveBeenCalledTimes(2);
    const [real, dummy] = deriveBits.mock.calls;
    const work = { name: "PBKDF2", hash: "SHA-256", iterations: 100_000 };
    expect(real![0]).toMatchObject(work);
    expect(dummy![0]).toMatchObject(work);
    expect(dummy![2]).toBe(real![2]);
  });
});
