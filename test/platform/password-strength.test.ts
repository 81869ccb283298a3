import { env } from "cloudflare:workers";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import {
  COMMON_PASSWORDS_COUNT,
  checkPasswordStrength as check,
  PASSWORD_DATA_PATH,
  type PasswordContext,
  passwordDataFromAsset,
} from "../../src/platform/password-strength.ts";

/** As the services call it: the estimator's data from the Worker's static assets. */
const checkPasswordStrength = (password: string, context: PasswordContext) =>
  check(password, context, env.ASSETS);

const ada = { email: "ada.lovelace@example.com", username: "countess", firstName: "Ada", lastName: "Byron" };
const ACCEPTABLE = /make it acceptable \(10\^8 or more\) by adding two or three uncommon words/;

/** The refusal's last sentence says how many guesses it takes and what would be enough. */
async function expectRefused(password: string, context = {}): Promise<string[]> {
  const problems = await checkPasswordStrength(password, context);
  expect(problems.length, password).toBeGreaterThan(0);
  expect(problems.at(-1), password).toMatch(ACCEPTABLE);
  return problems;
}

describe("checkPasswordStrength (zxcvbn with the user's own words)", () => {
  it("accepts long passwords made of uncommon words", async () => {
    for (const password of ["tangerine orbit velvet", "lantern harbour quietly", "twelve chars"]) {
      expect(await checkPasswordStrength(password, ada), password).toEqual([]);
    }
  });

  it("accepts a passphrase that merely contains a short name: first name Pro and the word probe", async () => {
    const pro = { email: "pro.m@example.com", firstName: "Pro", lastName: "Mwangi" };
    expect(await checkPasswordStrength("a probe into quiet harbour lights", pro)).toEqual([]);
    expect(await checkPasswordStrength("problem solving at dawn", pro)).toEqual([]);
  });

  it("asks for 12 to 128 characters, counting characters rather than bytes", async () => {
    expect(await checkPasswordStrength("short pass!", {})).toEqual(["Use at least 12 characters."]);
    expect(await checkPasswordStrength("🔑🔑🔑🔑🔐🔐🔐🔐🗝🗝🗝", {})).toEqual(["Use at least 12 characters."]);
    const words = "lantern harbour ".repeat(8);
    expect(await checkPasswordStrength(`${words}x`, {})).toEqual(["Use at most 128 characters."]);
  });

  it("refuses common passwords, keyboard walks, repeats and sequences, in any case", async () => {
    for (const password of [
      "password123456",
      "Password1234",
      "QwertyUiop12",
      "1q2w3e4r5t6y",
      "iloveyou1234",
      "aaaaaaaaaaaaaaaa",
      "abcdefghijklmnop",
      "123456789012",
      "p@ssw0rd12345",
    ]) {
      await expectRefused(password);
    }
  });

  it("refuses a password made of the user's own words, and says so", async () => {
    for (const password of ["ada.lovelace1234", "Countess12345", "lovelace2024"]) {
      const problems = await expectRefused(password, ada);
      expect(problems[0], password).toBe("It contains your name, email address or organisation.");
    }
    // The same password is fine for someone else, whose words they are not.
    expect(await checkPasswordStrength("ada.lovelace1234", {})).toEqual([]);
    await expectRefused("Acme Logistics 2027", { organizationName: "Acme Logistics" });
  });

  it("judges even a 128-character leet-spelled password within the Worker's CPU budget", async () => {
    await checkPasswordStrength("warm up the estimator once", ada);
    for (const worst of ["p@ssw0rd".repeat(16), ("aB3$".repeat(16) + "qwerty".repeat(10)).slice(0, 128)]) {
      const started = performance.now();
      for (let i = 0; i < 10; i++) await checkPasswordStrength(worst, ada);
      // About 6 ms on a laptop; the bound leaves room for a slow CI machine.
      expect((performance.now() - started) / 10).toBeLessThan(50);
    }
  });
});

describe("the estimator's compact dictionary", () => {
  it("is exactly the most common passwords of @zxcvbn-ts/language-common, in rank order, and its QWERTY graph", async () => {
    // What the Worker reads: the static asset scripts/build-password-data.ts writes.
    const response = await env.ASSETS.fetch(new URL(PASSWORD_DATA_PATH, "https://assets.invalid"));
    const asset = passwordDataFromAsset(await response.json());
    expect(asset.passwords).toHaveLength(COMMON_PASSWORDS_COUNT);
    expect(asset.passwords).toEqual(dictionary["passwords-common"]?.slice(0, COMMON_PASSWORDS_COUNT));
    expect(asset.qwerty).toEqual(adjacencyGraphs.qwerty);
  });

  it("is refused when it is not what the build writes", () => {
    const qwerty = adjacencyGraphs.qwerty;
    const passwords = dictionary["passwords-common"]?.slice(0, COMMON_PASSWORDS_COUNT);
    expect(passwordDataFromAsset({ passwords, qwerty }).passwords).toEqual(passwords);
    for (const broken of [
      {},
      { passwords: passwords?.slice(1), qwerty },
      { passwords, qwerty: { a: [1] } },
    ]) {
      expect(() => passwordDataFromAsset(broken)).toThrow(/not what the build writes/);
    }
  });
});
