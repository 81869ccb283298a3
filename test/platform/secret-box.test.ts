import { afterEach, describe, expect, it, vi } from "vitest";
import {
  generateKeyringJson,
  needsReseal,
  open,
  parseKeyring,
  SecretBoxError,
  seal,
} from "../../src/platform/secret-box.ts";

const ROW = "0b7f6c1e-4c1a-4f57-9a55-2f1f3f0c9a10";

function randomKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
}

/** Changes one character of a base64url string to another valid one. */
function flip(text: string, at: number): string {
  const replacement = text[at] === "A" ? "B" : "A";
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("seal and open", () => {
  it("round-trip a secret, sealed as v1.<kid>.<iv>.<ciphertext>", async () => {
    const keyring = parseKeyring(JSON.stringify({ k1: randomKey() }));
    const sealed = await seal(keyring, "JBSWY3DPEHPK3PXP", ROW);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(await open(keyring, sealed, ROW)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("round-trip empty and non-ASCII text exactly", async () => {
    const keyring = parseKeyring(generateKeyringJson());
    for (const plaintext of ["", "ünïcødé ✓ 🔐", "\uFEFFstarts with a BOM", "x".repeat(10_000)]) {
      expect(await open(keyring, await seal(keyring, plaintext, ROW), ROW)).toBe(plaintext);
    }
  });

  it("use a fresh IV each time, so the same secret never seals the same way twice", async () => {
    const keyring = parseKeyring(generateKeyringJson());
    const [a, b] = await Promise.all([seal(keyring, "same", ROW), seal(keyring, "same", ROW)]);
    expect(a).not.toBe(b);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
  });

  it("refuse a tampered ciphertext, IV or kid", async () => {
    const keyring = parseKeyring(JSON.stringify({ k1: randomKey(), k2: randomKey() }));
    const sealed = await seal(keyring, "oauth-access-token", ROW);
    const [version, kid, iv, ciphertext] = sealed.split(".") as [string, string, string, string];
    const tampered = [
      [version, kid, iv, flip(ciphertext, 0)],
      [version, kid, iv, flip(ciphertext, ciphertext.length - 2)], // inside the GCM tag
      [version, kid, flip(iv, 3), ciphertext],
      [version, "k1", iv, ciphertext], // another key of the same ring
    ];
    for (const parts of tampered) {
      await expect(open(keyring, parts.join("."), ROW)).rejects.toBeInstanceOf(SecretBoxError);
    }
  });

  it("refuse another additional data, so a value copied to another row does not open", async () => {
    const keyring = parseKeyring(generateKeyringJson());
    const sealed = await seal(keyring, "oauth-access-token", ROW);
    await expect(open(keyring, sealed, "another-row-id")).rejects.toThrow(SecretBoxError);
    await expect(open(keyring, sealed, "")).rejects.toThrow(SecretBoxError);
  });

  it("refuse a value that is not a sealed value, or names a key the ring does not hold", async () => {
    const keyring = parseKeyring(JSON.stringify({ k1: randomKey() }));
    const sealed = await seal(keyring, "secret", ROW);
    const [, , iv, ciphertext] = sealed.split(".");
    const malformed = [
      "",
      "secret",
      sealed.replace(/^v1/, "v2"),
      `${sealed}.extra`,
      `v1.k1.${iv}`,
      `v1.k1.${iv}.`,
      `v1.k1.${iv}x.${ciphertext}`,
      `v1.k1.${iv}.${ciphertext}=`,
      `v1.k1.${iv}.${ciphertext!.slice(0, 20)}`,
      `v1.k1.${iv}.${ciphertext}+`,
    ];
    for (const value of malformed) {
      await expect(open(keyring, value, ROW), value).rejects.toThrow(SecretBoxError);
    }
    await expect(open(keyring, `v1.k9.${iv}.${ciphertext}`, ROW)).rejects.toThrow(/"k9".*not in the keyring/);
  });

  it("refuse a value sealed under the same kid with another key", async () => {
    const mine = parseKeyring(JSON.stringify({ k1: randomKey() }));
    const theirs = parseKeyring(JSON.stringify({ k1: randomKey() }));
    await expect(open(mine, await seal(theirs, "secret", ROW), ROW)).rejects.toThrow(SecretBoxError);
  });

  it("import each key once per keyring", async () => {
    const keyring = parseKeyring(generateKeyringJson());
    const importKey = vi.spyOn(crypto.subtle, "importKey");
    const sealed = await Promise.all([seal(keyring, "a", ROW), seal(keyring, "b", ROW)]);
    await open(keyring, sealed[0], ROW);
    expect(importKey).toHaveBeenCalledTimes(1);
  });
});

describe("key rotation", () => {
  it("keeps opening values sealed with the old key after a new current key is added", async () => {
    const keyA = randomKey();
    const before = parseKeyring(JSON.stringify({ a: keyA }));
    const sealed = await seal(before, "oauth-refresh-token", ROW);
    expect(needsReseal(before, sealed)).toBe(false);

    const after = parseKeyring(JSON.stringify({ a: keyA, b: randomKey() }));
    expect(after.currentKid).toBe("b");
    expect(await open(after, sealed, ROW)).toBe("oauth-refresh-token");
    expect(needsReseal(after, sealed)).toBe(true);

    const resealed = await seal(after, await open(after, sealed, ROW), ROW);
    expect(resealed.startsWith("v1.b.")).toBe(true);
    expect(needsReseal(after, resealed)).toBe(false);
  });

  it("says a value that is not sealed at all needs resealing", () => {
    const keyring = parseKeyring(generateKeyringJson());
    expect(needsReseal(keyring, "JBSWY3DPEHPK3PXP")).toBe(true);
  });
});

describe("parseKeyring", () => {
  it("makes the last kid listed current, unless a current member or argument names another", () => {
    const json = { a: randomKey(), b: randomKey() };
    expect(parseKeyring(JSON.stringify(json))).toEqual({ currentKid: "b", kids: ["a", "b"] });
    expect(parseKeyring(JSON.stringify({ ...json, current: "a" })).currentKid).toBe("a");
    expect(parseKeyring(JSON.stringify({ current: "a", ...json })).currentKid).toBe("a");
    expect(parseKeyring(JSON.stringify({ ...json, current: "a" }), "b").currentKid).toBe("b");
  });

  it("reads keys in standard or URL-safe base64, with or without padding", async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const standard = btoa(String.fromCharCode(...bytes));
    const urlSafe = standard.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    const one = parseKeyring(JSON.stringify({ k1: standard }));
    const other = parseKeyring(JSON.stringify({ k1: urlSafe }));
    expect(await open(other, await seal(one, "same key", ROW), ROW)).toBe("same key");
  });

  it("holds no key material in what it returns", () => {
    const key = randomKey();
    const keyring = parseKeyring(JSON.stringify({ k1: key }));
    expect(JSON.stringify(keyring)).not.toContain(key.slice(0, 20));
    expect(Object.isFrozen(keyring)).toBe(true);
  });

  it("throws a clear error on a bad keyring, without echoing any key", () => {
    const key = randomKey();
    const short = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    const cases: [json: string, message: RegExp][] = [
      ["", /not valid JSON/],
      [`{"k1": "${key}"`, /not valid JSON/],
      [JSON.stringify([key]), /must be a JSON object/],
      ["null", /must be a JSON object/],
      [JSON.stringify(key), /must be a JSON object/],
      ["{}", /holds no key/],
      [JSON.stringify({ current: "k1" }), /holds no key/],
      [JSON.stringify({ k1: short }), /key "k1" must be base64 of exactly 32 bytes/],
      [JSON.stringify({ k1: `${key}AAAA` }), /key "k1" must be base64 of exactly 32 bytes/],
      [JSON.stringify({ k1: "not base64!" }), /key "k1" must be base64/],
      [JSON.stringify({ k1: 42 }), /key "k1" must be base64/],
      [JSON.stringify({ [key]: "k1" }), /member 1 has an invalid kid/],
      [JSON.stringify({ "k.1": key }), /member 1 has an invalid kid/],
      [JSON.stringify({ k1: key, "2": key }), /member 1 has an invalid kid/], // digits sort first
      [JSON.stringify({ k1: key, current: "k2" }), /current kid "k2" is not in the keyring/],
      [JSON.stringify({ k1: key, current: key }), /current kid \(not a valid kid\)/],
      [JSON.stringify({ k1: key, current: 1 }), /"current" must be a kid/],
    ];
    for (const [json, message] of cases) {
      expect(() => parseKeyring(json), json).toThrow(message);
      try {
        parseKeyring(json);
      } catch (error) {
        expect((error as Error).message).not.toContain(key.slice(0, 20));
      }
    }
    expect(() => parseKeyring(JSON.stringify({ k1: key }), "k2")).toThrow(/"k2" is not in the keyring/);
  });
});

describe("generateKeyringJson", () => {
  it("makes a keyring with one fresh 32-byte key under a dated kid", () => {
    const json = JSON.parse(generateKeyringJson()) as Record<string, string>;
    const [kid, key] = Object.entries(json)[0]!;
    expect(Object.keys(json)).toHaveLength(1);
    expect(kid).toMatch(/^k\d{8}-[0-9a-f]{6}$/);
    expect(atob(key).length).toBe(32);
    expect(parseKeyring(JSON.stringify(json)).currentKid).toBe(kid);
    expect(generateKeyringJson()).not.toBe(generateKeyringJson());
  });

  it("uses the kid it is given", () => {
    expect(parseKeyring(generateKeyringJson("k2027")).currentKid).toBe("k2027");
  });
});
