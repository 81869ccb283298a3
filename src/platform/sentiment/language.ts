/**
 * Which language a post is in, among the ones the events use (en, fr, es, pt, de, sw), from the words
 * it shares with each language's function and cue words and a few letters only some of them write.
 * Text in another script is named by its script where the script names one language. Anything unsure
 * is `und`: the analyser judges English only, so a wrong "en" would be a guess. The words, letters and
 * scripts are in the word asset (asset.ts, built from data/word-lists.ts).
 */
import { type Token, tokenise } from "./tokenise.ts";

export const UNDETERMINED = "und";

/** The languages the detector tells apart and what tells them apart, as the word asset gives them. */
export interface LanguageLists {
  /** ISO 639-1 codes. */
  detected: readonly string[];
  /** Articles, pronouns, prepositions, auxiliaries: evidence, and the stop words of keywords. */
  functionWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Frequent content words of short posts: evidence only. */
  cueWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** A clitic with its apostrophe before a letter (`l'équipe`): evidence wherever it appears. */
  elisions: ReadonlyMap<string, RegExp>;
  /** An ending only that language writes on a native word (-ing): half a word's worth. */
  endings: ReadonlyMap<string, RegExp>;
  /** Letters only some of the languages write: each group present is one word's worth, shared. */
  letterCues: readonly { letters: RegExp; languages: readonly string[] }[];
  /** Scripts that name one language, unless the text has letters of another language of the script. */
  scripts: readonly { script: RegExp; language: string; notWith: RegExp | undefined }[];
}

/** Whether a word is one of the language's function or cue words. */
export function isListedWord(lists: LanguageLists, language: string, word: string): boolean {
  return Boolean(lists.functionWords.get(language)?.has(word) || lists.cueWords.get(language)?.has(word));
}

/**
 * The share of a text's words (names aside) that must be its language's, so a loanword does not
 * decide: one English word in five of another language is not English.
 */
const MIN_SHARE = 0.2;
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

function languageOfScript(letters: string, lists: LanguageLists): string {
  const found = lists.scripts.find(({ script }) => script.test(letters));
  if (!found || found.notWith?.test(letters)) return UNDETERMINED;
  return found.language;
}

/**
 * Each word counts for every language whose lists hold it, split between them: a word two languages
 * share says half as much about either.
 */
function wordEvidence(words: readonly string[], lists: LanguageLists): Map<string, number> {
  const evidence = new Map<string, number>(lists.detected.map((l) => [l, 0]));
  for (const word of words) {
    const bare = word.endsWith("'s") ? word.slice(0, -2) : word;
    const holders = lists.detected.filter(
      (l) => isListedWord(lists, l, word) || lists.cueWords.get(l)?.has(bare) === true,
    );
    for (const [language, elision] of lists.elisions) {
      if (elision.test(word) && !holders.includes(language)) holders.push(language);
    }
    if (holders.length === 0) {
      for (const [language, ending] of lists.endings) {
        if (ending.test(word)) evidence.set(language, (evidence.get(language) ?? 0) + 0.5);
      }
      continue;
    }
    for (const language of holders) {
      evidence.set(language, (evidence.get(language) ?? 0) + 1 / holders.length);
    }
  }
  return evidence;
}

function addLetterCues(text: string, lists: LanguageLists, evidence: Map<string, number>): void {
  for (const { letters, languages } of lists.letterCues) {
    if (!letters.test(text)) continue;
    for (const language of languages) {
      evidence.set(language, (evidence.get(language) ?? 0) + 1 / languages.length);
    }
  }
}

/** The best-supported language when it is clearly ahead of the next and covers enough of the text. */
function decide(evidence: ReadonlyMap<string, number>, wordCount: number): string {
  const ranked = [...evidence].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 1) return UNDETERMINED;
  if (second && best[1] - second[1] < 1) return UNDETERMINED;
  if (best[1] < MIN_SHARE * wordCount) return UNDETERMINED;
  return best[0];
}

/** ISO 639-1 code of the text's language, or `und`. */
export function detectLanguage(
  text: string,
  lists: LanguageLists,
  tokens: readonly Token[] = tokenise(text),
): string {
  const others = nonLatinLetters(tokens);
  const latinWords = tokens.filter(isLatinWord).map((t) => t.norm);
  const latinLetters = latinWords.join("").length;
  if (others.length > latinLetters) return languageOfScript(others, lists);
  if (latinWords.length === 0) return UNDETERMINED;
  const evidence = wordEvidence(latinWords, lists);
  const ownWords = wordsOutsideNames(tokens);
  const inverted = tokens.filter((t) => t.kind === "punctuation" && /[¿¡]/.test(t.text));
  addLetterCues([...ownWords, ...inverted].map((t) => t.norm).join(" "), lists, evidence);
  return decide(evidence, ownWords.length);
}
