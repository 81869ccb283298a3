/**
 * `node scripts/build-password-data.ts`: writes the password strength estimator's data to
 * public/_passwords/zxcvbn-v1.json: the 500 most common passwords of @zxcvbn-ts/language-common (its
 * `passwords-common` list, most common first: the rank is the position) and its QWERTY keyboard graph,
 * with the package's licence notice. The Worker reads it on the first password it judges
 * (src/platform/password-strength.ts) instead of bundling it (the bundle budget). The file is
 * committed and must be deterministic: `npm run build` rebuilds it and fails when the two differ.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import {
  COMMON_PASSWORDS_COUNT,
  PASSWORD_DATA_PATH,
  type PasswordData,
  passwordDataFromAsset,
} from "../src/platform/password-strength.ts";
import { formatted, packageSource } from "./build-lexicon.ts";

const root = resolve(import.meta.dirname, "..");
export const PASSWORD_DATA_FILE = join(root, "public", PASSWORD_DATA_PATH);
export const PASSWORD_DATA_COMMAND = "node scripts/build-password-data.ts";

/** The asset as it would be committed. */
export function buildPasswordData(): string {
  const asset: PasswordData & { about: string; source: ReturnType<typeof packageSource> } = {
    about: `The password strength estimator's data (src/platform/password-strength.ts), written by \`${PASSWORD_DATA_COMMAND}\`: do not edit.`,
    source: packageSource("@zxcvbn-ts/language-common", "LICENSE.txt"),
    passwords: (dictionary["passwords-common"] ?? []).slice(0, COMMON_PASSWORDS_COUNT),
    qwerty: adjacencyGraphs.qwerty as PasswordData["qwerty"],
  };
  // What the Worker would refuse is not written.
  passwordDataFromAsset(asset);
  return formatted(`${JSON.stringify(asset, null, 2)}\n`, PASSWORD_DATA_FILE);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = buildPasswordData();
  writeFileSync(PASSWORD_DATA_FILE, text);
  process.stdout.write(
    `Password data: public${PASSWORD_DATA_PATH}, ${(text.length / 1024).toFixed(1)} KiB\n`,
  );
}
