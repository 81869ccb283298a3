import { Secret, TOTP, URI } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  createTotpSecret,
  generateRecoveryCodes,
  hashRecoveryCode,
  totpUri,
  verifyTotp,
} from "../../src/platform/totp.ts";

/** RFC 6238's SHA-1 test secret, "12345678901234567890", in base32. */
const SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const NOW = 1_700_000_000_000;
const STEP = Math.floor(NOW / 1000 / 30);

/** The code an authenticator app shows `offset` steps away from NOW. */
function codeAt(offset: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(SECRET), timestamp: NOW + offset * 30_000 });
}

const USER = "5b0c4c1e-2f7e-4d38-9e0b-7a1f3c2d4e5f";

describe("createTotpSecret", () => {
  it("is 20 random bytes in unpadded base32", () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(secret).bytes.byteLength).toBe(20);
    expect(createTotpSecret()).not.toBe(secret);
  });
});

describe("totpUri", () => {
  it("is an otpauth://totp URI for SHA1, 6 digits, 30 seconds, with the issuer in label and query", () => {
    const uri = totpUri({ secret: SECRET, accountName: "ada@example.com", issuer: "Guddu" });
    expect(uri).toBe(
      "otpauth://totp/Guddu:ada%40example.com?issuer=Guddu&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30",
    );
    const parsed = URI.parse(uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed).toMatchObject({ issuer: "Guddu", label: "ada@example.com", digits: 6, period: 30 });
  });
});

describe("verifyTotp", () => {
  it("accepts the code of the current step and returns the step", async () => {
    expect(await verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW })).toEqual({ ok: true, step: STEP });
  });

  it("agrees with the RFC 6238 test vector (T = 59 s)", async () => {
    // RFC 6238 appendix B gives 94287082 for 8 digits; 6 digits are its last six.
    expect(await verifyTotp({ secret: SECRET, code: "287082", now: 59_000 })).toEqual({ ok: true, step: 1 });
  });

  it("accepts the code one step before or after, and returns that step", async () => {
    expect(await verifyTotp({ secret: SECRET, code: codeAt(-1), now: NOW })).toEqual({
      ok: true,
      step: STEP - 1,
    });
    expect(await verifyTotp({ secret: SECRET, code: codeAt(1), now: NOW })).toEqual({
      ok: true,
      step: STEP + 1,
    });
  });

  it("refuses the code two steps before or after", async () => {
    expect(await verifyTotp({ secret: SECRET, code: codeAt(-2), now: NOW })).toEqual({ ok: false });
    expect(await verifyTotp({ secret: SECRET, code: codeAt(2), now: NOW })).toEqual({ ok: false });
  });

  it("refuses a code for another secret", async () => {
    const other = createTotpSecret();
    const code = TOTP.generate({ secret: Secret.fromBase32(other), timestamp: NOW });
    expect(await verifyTotp({ secret: SECRET, code, now: NOW })).toEqual({ ok: false });
  });

  it("refuses a replay of the step it last accepted, and any earlier step", async () => {
    const first = await verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW });
    expect(first).toEqual({ ok: true, step: STEP });
    const lastUsedStep = STEP;
    expect(await verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW, lastUsedStep })).toEqual({
      ok: false,
    });
    expect(await verifyTotp({ secret: SECRET, code: codeAt(-1), now: NOW, lastUsedStep })).toEqual({
      ok: false,
    });
    expect(await verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW + 20_000, lastUsedStep })).toEqual({
      ok: false,
    });
  });

  it("still accepts a later step after one was used", async () => {
    expect(await verifyTotp({ secret: SECRET, code: codeAt(1), now: NOW, lastUsedStep: STEP })).toEqual({
      ok: true,
      step: STEP + 1,
    });
    expect(await verifyTotp({ secret: SECRET, code: codeAt(0), now: NOW, lastUsedStep: null })).toEqual({
      ok: true,
      step: STEP,
    });
  });

  it("refuses anything that is not exactly six ASCII digits", async () => {
    const code = codeAt(0);
    const refused = [
      "",
      code.slice(0, 5),
      `${code}0`,
      ` ${code}`,
      `${code}\n`,
      `${code.slice(0, 3)} ${code.slice(3)}`,
      `${code.slice(0, 5)}a`,
      "12345a",
      "-12345",
      "1e5000",
      code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
    ];
    for (const attempt of refused) {
      expect(await verifyTotp({ secret: SECRET, code: attempt, now: NOW }), JSON.stringify(attempt)).toEqual({
        ok: false,
      });
    }
  });
});

describe("HOTP on WebCrypto", () => {
  it("gives RFC 4226's ten test values (appendix D) and otpauth's codes over many steps", async () => {
    // RFC 4226 appendix D: secret "12345678901234567890", counters 0–9.
    const rfc = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    for (const [counter, code] of rfc.entries()) {
      expect(await verifyTotp({ secret: SECRET, code, now: counter * 30_000 + 1 }), String(counter)).toEqual({
        ok: true,
        step: counter,
      });
    }
    const secret = createTotpSecret();
    for (let step = 0; step < 200; step += 1) {
      const now = NOW + step * 7_919_000;
      const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now });
      expect(await verifyTotp({ secret, code, now }), `step ${step}`).toMatchObject({ ok: true });
    }
  });

  it("reads secrets in lower case, with padding or spaces, as apps and otpauth do", async () => {
    const code = codeAt(0);
    for (const spelling of [SECRET.toLowerCase(), `${SECRET}====`, SECRET.replace(/(.{4})/g, "$1 ")]) {
      expect(await verifyTotp({ secret: spelling, code, now: NOW }), spelling).toEqual({
        ok: true,
        step: STEP,
      });
    }
  });
});

describe("recovery codes", () => {
  it("are ten by default, each xxxxx-xxxxx in lowercase base32 (50 bits)", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  it("are unique, within a set and across sets", () => {
    const codes = [...generateRecoveryCodes(50), ...generateRecoveryCodes(50)];
    expect(new Set(codes).size).toBe(100);
  });

  it("come in the number asked for", () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
    expect(generateRecoveryCodes(0)).toEqual([]);
  });

  it("hash as SHA-256 hex of the code without case, dashes or spaces", async () => {
    const expected = "57c64b0a734460241e4a786a6c86be61ff2a23e5f8843e32e916e2f68afd4d62"; // sha256(`${USER}:abcdefghij`)
    expect(await hashRecoveryCode("abcde-fghij", USER)).toBe(expected);
    expect(await hashRecoveryCode("ABCDE-FGHIJ", USER)).toBe(expected);
    expect(await hashRecoveryCode(" abcde fghij ", USER)).toBe(expected);
    expect(await hashRecoveryCode("abcdefghij", USER)).toBe(expected);
    expect(await hashRecoveryCode("abcdefghij", crypto.randomUUID())).not.toBe(expected);
  });

  it("hash differently when the codes differ", async () => {
    const [a, b] = generateRecoveryCodes(2);
    expect(await hashRecoveryCode(a!, USER)).not.toBe(await hashRecoveryCode(b!, USER));
    expect(await hashRecoveryCode(a!, USER)).toMatch(/^[0-9a-f]{64}$/);
  });
});
