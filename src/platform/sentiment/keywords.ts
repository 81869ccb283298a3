/**
 * A post's keywords: its content words, lower-cased, most frequent first (ties in the order they
 * first appear). Function words of the post's language are left out (of every language the detector
 * knows when it is `und`), as are numbers, hashtags, mentions, links and words shorter than three
 * letters, which are rarely what a post is about.
 */
import type { Token } from "./tokenise.ts";
import { DETECTED_LANGUAGES, type DetectedLanguage, STOP_WORDS } from "./words.ts";

export const MAX_KEYWORDS = 8;
const MIN_LETTERS = 3;

const isDetected = (language: string): language is DetectedLanguage =>
  (DETECTED_LANGUAGES as readonly string[]).includes(language);

function stopWordsFor(language: string): (word: string) => boolean {
  if (isDetected(language)) return (word) => STOP_WORDS[language].has(word);
  return (word) => DETECTED_LANGUAGES.some((l) => STOP_WORDS[l].has(word));
}

/** `Kwame's` → `kwame`, `l'équipe` → `équipe`: the word without its clitic. */
function stripClitics(word: string): string {
  return word.replace(/'s$|'$/u, "").replace(/^(?:l|d|j|m|n|s|t|c|qu)'(?=\p{L})/u, "");
}

export function extractKeywords(tokens: readonly Token[], language: string): string[] {
  const isStopWord = stopWordsFor(language);
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind !== "word" || token.fromHashtag || isStopWord(token.norm)) continue;
    const word = stripClitics(token.norm);
    if (Array.from(word).length < MIN_LETTERS || isStopWord(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Map iteration keeps first-appearance order and the sort is stable: ties stay in that order.
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_KEYWORDS)
    .map(([word]) => word);
}
