/**
 * How strong a new password is, judged by zxcvbn (@zxcvbn-ts/core, the maintained TypeScript port of
 * Dropbox's estimator): it finds the cheapest way to guess the password from dictionaries, keyboard
 * walks, repeats, sequences, dates and the user's own words, and counts the guesses. NIST 800-63B:
 * length and a blocklist, no composition rules. The dictionaries are the most common passwords and the
 * user's own words (name, email, username, organisation), which is what a targeted guesser tries first;
 * zxcvbn's full word lists (about 1 MB) would not fit the Worker's bundle. The common passwords and the
 * keyboard graph are a static asset (public/_passwords/, written by scripts/build-password-data.ts from
 * @zxcvbn-ts/language-common), read on the first password an isolate judges: not bundled either.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import translations from "@zxcvbn-ts/language-en/dist/translations.mjs";

/** Where the estimator's data is among the static assets (public/), and what the build writes there. */
export const PASSWORD_DATA_PATH = "/_passwords/zxcvbn-v1.json";
/** How many of the package's most common passwords the asset keeps, most common first. */
export const COMMON_PASSWORDS_COUNT = 500;

/** The asset's lists as the estimator takes them. */
export interface PasswordData {
  /** The most common passwords, most common first: the rank is the position. */
  passwords: string[];
  /** Each QWERTY key's neighbours (left, upper-left, upper-right, right, lower-right, lower-left). */
  qwerty: Record<string, Array<string | null>>;
}

/** The lists of the asset's JSON; throws when it is not what the build writes. */
export function passwordDataFromAsset(json: unknown): PasswordData {
  const { passwords, qwerty } = (json ?? {}) as Partial<PasswordData>;
  const isNeighbours = (keys: unknown) =>
    Array.isArray(keys) && keys.every((key) => key === null || typeof key === "string");
  if (
    !Array.isArray(passwords) ||
    passwords.length !== COMMON_PASSWORDS_COUNT ||
    !passwords.every((word) => typeof word === "string") ||
    typeof qwerty !== "object" ||
    qwerty === null ||
    !Object.values(qwerty).every(isNeighbours)
  ) {
    throw new Error(`the password data asset ${PASSWORD_DATA_PATH} is not what the build writes`);
  }
  return { passwords, qwerty };
}

export interface PasswordContext {
  email?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  organizationName?: string;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/**
 * zxcvbn's score 3: at least 10^8 guesses. Against our PBKDF2 hashes (100,000 iterations) that is
 * years of one GPU's work offline, and far beyond what the sign-in throttle lets through online.
 */
export const PASSWORD_MIN_SCORE = 3;

/** The assets binding serves by path; the host of the URL is not looked at. */
const ASSET_ORIGIN = "https://assets.invalid";

/**
 * Built on first use and kept for the isolate: ranking the dictionaries is the costly part. The
 * estimator is kept, not the promise of it: a promise made during one request and awaited by another
 * is tied to the first, so two first checks at once each read the asset, and every later one none.
 */
let estimator: ZxcvbnFactory | undefined;
async function zxcvbn(assets: Fetcher): Promise<ZxcvbnFactory> {
  if (estimator) return estimator;
  const response = await assets.fetch(new URL(PASSWORD_DATA_PATH, ASSET_ORIGIN));
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`the password data asset ${PASSWORD_DATA_PATH} answered ${response.status}`);
  }
  const { passwords, qwerty } = passwordDataFromAsset(await response.json());
  estimator ??= new ZxcvbnFactory({
    translations,
    graphs: { qwerty },
    dictionary: { passwords },
    // The cost grows fast with length and with leet spellings (a 128-character worst case took
    // about 60 ms of CPU); judged on its first 64 characters with at most 10 substitutions tried, a
    // check takes about 1 ms and at worst about 6. What lies beyond 64 characters only adds strength.
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return estimator;
}

/** The user's own words: each given one whole, and an email's local part and its pieces. */
function userWords(context: PasswordContext): string[] {
  const local = context.email?.split("@")[0] ?? "";
  const words = [
    context.email,
    local,
    ...local.split(/[._+-]/),
    context.username,
    context.firstName,
    context.lastName,
    context.organizationName,
    ...(context.organizationName?.split(/\s+/) ?? []),
  ];
  return [...new Set(words.map((word) => word?.trim().normalize("NFKC").toLowerCase() ?? ""))].filter(
    (word) => word.length > 0,
  );
}

/**
 * Problems with a new password, as sentences to show the user, the last one saying what would make
 * it acceptable; empty when it is acceptable. Length counts Unicode code points after NFKC. `assets`
 * is the static-assets binding the estimator's data is read from.
 */
export async function checkPasswordStrength(
  password: string,
  context: PasswordContext,
  assets: Fetcher,
): Promise<string[]> {
  const normalized = password.normalize("NFKC");
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
  if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  const result = (await zxcvbn(assets)).check(normalized, userWords(context));
  if (result.score >= PASSWORD_MIN_SCORE) return [];
  const { warning, suggestions } = result.feedback;
  const personal = result.sequence.some((match) => match.dictionaryName === "userInputs");
  return [
    ...(warning ? [personal ? "It contains your name, email address or organisation." : warning] : []),
    ...suggestions,
    `It could be guessed in about 10^${Math.floor(result.guessesLog10)} tries; make it acceptable (10^8 or more) by adding two or three uncommon words that are not about you.`,
  ];
}
