/**
 * Which language a post is in, among the ones the events use (en, fr, es, pt, de, sw), from the words
 * it shares with each language's function and cue words (words.ts) and a few letters only some of
 * them write. Text in another script is named by its script where the script names one language.
 * Anything unsure is `und`: the analyser judges English only, so a wrong "en" would be a guess.
 */
import { type Token, tokenise } from "./tokenise.ts";
import { CUE_WORDS, DETECTED_LANGUAGES, type DetectedLanguage, STOP_WORDS } from "./words.ts";

export const UNDETERMINED = "und";

/** Scripts that, among the languages people write at these events, name one language. */
const SCRIPT_LANGUAGES: readonly { script: RegExp; language: string }[] = [
  { script: /\p{Script=Arabic}/u, language: "ar" },
  { script: /\p{Script=Ethiopic}/u, language: "am" },
  { script: /\p{Script=Hangul}/u, language: "ko" },
  { script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: "ja" },
  { script: /\p{Script=Greek}/u, language: "el" },
  { script: /\p{Script=Hebrew}/u, language: "he" },
  { script: /\p{Script=Thai}/u, language: "th" },
  { script: /\p{Script=Georgian}/u, language: "ka" },
  { script: /\p{Script=Armenian}/u, language: "hy" },
];
/** Letters Persian and Urdu add to the Arabic script: such a text is not (only) Arabic. */
const PERSIAN_URDU_LETTERS = /[پچژگکیےٹڈڑںہ]/u;

/** Letters (and marks) only some of the Latin-script languages write: each present is one word's worth, shared. */
const LETTER_CUES: readonly { letters: RegExp; languages: readonly DetectedLanguage[] }[] = [
  { letters: /[ñ¿¡]/u, languages: ["es"] },
  { letters: /[ãõ]/u, languages: ["pt"] },
  { letters: /[ßäöü]/u, languages: ["de"] },
  { letters: /[èëîïûùœ]/u, languages: ["fr"] },
  { letters: /[çâêôà]/u, languages: ["fr", "pt"] },
];
/** French elision (`l'équipe`, `d'attente`, `c'est`): a French cue wherever it appears. */
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu)'\p{L}/u;

/**
 * The share of a text's words (names aside) that must be its language's, so a loanword does not
 * decide: one English word in five of another language is not English.
 */
const MIN_SHARE = 0.2;
/** English endings none of the other five languages writes on a native word: half a word each. */
const ENGLISH_ENDING = /^[a-z]{2,}(?:ing|ly|ed)$/;
const SENTENCE_END = /^[.!?…:]$/;

function isLatinWord(token: Token): boolean {
  return token.kind === "word" && !token.fromHashtag && /\p{Script=Latin}/u.test(token.text);
}

/**
 * The post's words without names: a capitalised word inside a sentence ("Hall B", "Kwame Mensah",
 * "Zoë") says nothing about the language around it, neither by its count nor by its letters.
 */
function wordsOutsideNames(tokens: readonly Token[]): Token[] {
  const words: Token[] = [];
  let sentenceStart = true;
  for (const token of tokens) {
    if (token.kind === "punctuation" && SENTENCE_END.test(token.text)) sentenceStart = true;
    if (!isLatinWord(token)) continue;
    if (sentenceStart || !/^\p{Lu}/u.test(token.text)) words.push(token);
    sentenceStart = false;
  }
  return words;
}

/** Letters of the post's own words (not hashtags, mentions or links) outside the Latin script. */
function nonLatinLetters(tokens: readonly Token[]): string {
  return tokens
    .filter((t) => t.kind === "word" && !t.fromHashtag)
    .map((t) => t.text.replace(/[\p{Script=Latin}\P{L}]/gu, ""))
    .join("");
}

function languageOfScript(letters: string): string {
  const found = SCRIPT_LANGUAGES.find(({ script }) => script.test(letters));
  if (!found) return UNDETERMINED;
  if (found.language === "ar" && PERSIAN_URDU_LETTERS.test(letters)) return UNDETERMINED;
  return found.language;
}

/**
 * Each word counts for every language whose lists hold it, split between them: a word two languages
 * share says half as much about either.
 */
function wordEvidence(words: readonly string[]): Map<DetectedLanguage, number> {
  const evidence = new Map<DetectedLanguage, number>(DETECTED_LANGUAGES.map((l) => [l, 0]));
  for (const word of words) {
    const bare = word.endsWith("'s") ? word.slice(0, -2) : word;
    const holders = DETECTED_LANGUAGES.filter(
      (l) => STOP_WORDS[l].has(word) || CUE_WORDS[l].has(word) || CUE_WORDS[l].has(bare),
    );
    if (FRENCH_ELISION.test(word) && !holders.includes("fr")) holders.push("fr");
    if (holders.length === 0 && ENGLISH_ENDING.test(word)) {
      evidence.set("en", (evidence.get("en") ?? 0) + 0.5);
      continue;
    }
    for (const language of holders) {
      evidence.set(language, (evidence.get(language) ?? 0) + 1 / holders.length);
    }
  }
  return evidence;
}

function addLetterCues(text: string, evidence: Map<DetectedLanguage, number>): void {
  for (const { letters, languages } of LETTER_CUES) {
    if (!letters.test(text)) continue;
    for (const language of languages) {
      evidence.set(language, (evidence.get(language) ?? 0) + 1 / languages.length);
    }
  }
}

/** The best-supported language when it is clearly ahead of the next and covers enough of the text. */
function decide(evidence: ReadonlyMap<DetectedLanguage, number>, wordCount: number): string {
  const ranked = [...evidence].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 1) return UNDETERMINED;
  if (second && best[1] - second[1] < 1) return UNDETERMINED;
  if (best[1] < MIN_SHARE * wordCount) return UNDETERMINED;
  return best[0];
}

/** ISO 639-1 code of the text's language, or `und`. */
export function detectLanguage(text: string, tokens: readonly Token[] = tokenise(text)): string {
  const others = nonLatinLetters(tokens);
  const latinWords = tokens.filter(isLatinWord).map((t) => t.norm);
  const latinLetters = latinWords.join("").length;
  if (others.length > latinLetters) return languageOfScript(others);
  if (latinWords.length === 0) return UNDETERMINED;
  const evidence = wordEvidence(latinWords);
  const ownWords = wordsOutsideNames(tokens);
  const inverted = tokens.filter((t) => t.kind === "punctuation" && /[¿¡]/.test(t.text));
  addLetterCues([...ownWords, ...inverted].map((t) => t.norm).join(" "), evidence);
  return decide(evidence, ownWords.length);
}
