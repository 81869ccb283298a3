/**
 * A post's keywords: its content words, lower-cased, most frequent first (ties in the order they
 * first appear). Function words of the post's language are left out (of every language the detector
 * knows when it is `und`), as are numbers, hashtags, mentions, links and words shorter than three
 * letters, which are rarely what a post is about.
 */
import type { LanguageLists } from "./language.ts";
import type { Token } from "./tokenise.ts";

export const MAX_KEYWORDS = 8;
const MIN_LETTERS = 3;

function stopWordsFor(language: string, lists: LanguageLists): (word: string) => boolean {
  const own = lists.functionWords.get(language);
  if (own) return (word) => own.has(word);
  const all = [...lists.functionWords.values()];
  return (word) => all.some((words) => words.has(word));
}

/** `Kwame's` → `kwame`, `l'équipe` → `équipe`: the word without its clitic. */
function stripClitics(word: string, lists: LanguageLists): string {
  const bare = word.replace(/'s$|'$/u, "");
  for (const elision of lists.elisions.values()) {
    if (elision.test(bare)) return bare.replace(elision, "");
  }
  return bare;
}

export function extractKeywords(tokens: readonly Token[], language: string, lists: LanguageLists): string[] {
  const isStopWord = stopWordsFor(language, lists);
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind !== "word" || token.fromHashtag || isStopWord(token.norm)) continue;
    const word = stripClitics(token.norm, lists);
    if (Array.from(word).length < MIN_LETTERS || isStopWord(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Map iteration keeps first-appearance order and the sort is stable: ties stay in that order.
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_KEYWORDS)
    .map(([word]) => word);
}
