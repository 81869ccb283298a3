/**
 * The lexicon engine: the valences of a post's words, emoji and emoticons, adjusted the way VADER
 * adjusts them, summed and normalised into [-1, 1].
 * - Negation: a negator (not, no, never, n't, without, zero …) up to three words before a valenced word,
 *   in the same clause, flips it and takes a quarter off (×−0.74, as VADER).
 * - Modifiers: an intensifier right before ("very good") makes it ×1.3, a dampener ("slightly disappointing")
 *   ×0.6; a modifier that modifies adds no valence of its own ("super helpful" is not "super" too).
 * - A word in capitals in a post that is not all capitals gets 0.733 more in its direction (VADER).
 * - "but": the clause after it is what the writer means (×1.5), the one before counts half (VADER).
 * - Each "!" (up to four) adds 0.292 in the direction of the sum (VADER).
 * - Normalised as VADER: s / √(s² + 15), clamped to [-1, 1].
 * Person and organisation names are left out: a delegate called Joy or Hope is not an opinion.
 * The words that negate and modify are in the lexicon (the word asset), with the valences.
 */
import { emojiValence, emoticonValence, type Lexicon } from "./lexicon.ts";
import type { Token } from "./tokenise.ts";
import type { SentimentLabel } from "./types.ts";

export const NEGATION_SCALAR = -0.74;
export const NEGATION_REACH = 3;
export const CAPS_EMPHASIS = 0.733;
export const BUT_BEFORE = 0.5;
export const BUT_AFTER = 1.5;
export const EXCLAMATION_EMPHASIS = 0.292;
export const MAX_EXCLAMATIONS = 4;
export const NORMALISATION_ALPHA = 15;

/** What an intensifier ("very") and a dampener ("slightly") multiply the next word's valence by. */
export const BOOSTER_FACTOR = 1.3;
export const DAMPENER_FACTOR = 0.6;

const isClauseEnd = (token: Token) => token.kind === "punctuation" || token.norm === "but";

export function isNegator(token: Token, lexicon: Lexicon): boolean {
  if (token.kind !== "word") return false;
  return lexicon.negators.has(token.norm.replaceAll("'", "")) || token.norm.endsWith("n't");
}

/** Spellings to look a word up under: as written, without apostrophes, un-stretched, US spelling. */
export function wordVariants(word: string): string[] {
  const variants = [word, word.replaceAll("'", "")];
  if (/(\p{L})\1\1/u.test(word)) {
    variants.push(word.replace(/(\p{L})\1{2,}/gu, "$1$1"), word.replace(/(\p{L})\1{2,}/gu, "$1"));
  }
  const american = word
    .replace(/(?<=\p{L}{3})is(e|ed|es|ing|ation|ations)$/u, "iz$1")
    .replace(/(?<=\p{L}{3})our(s|ed|ing|ite|ites|able)?$/u, "or$1");
  if (american !== word) variants.push(american);
  return variants;
}

/**
 * Inflections AFINN does not list, tried when no spelling is found: "humiliating" as "humiliated",
 * "crashed" as "crash", "ramps" as "ramp". Not adverbs in -ly: "honestly", "seriously", "literally"
 * mostly frame a sentence rather than judge.
 */
export function inflectionVariants(word: string): string[] {
  const variants: string[] = [];
  const ing = /^(\p{L}{3,})ing$/u.exec(word)?.[1];
  if (ing) variants.push(`${ing}ed`, `${ing}e`, ing);
  const ed = /^(\p{L}{3,})ed$/u.exec(word)?.[1];
  if (ed) variants.push(ed, `${ed}e`);
  const plural = /^(\p{L}{3,}[^s'])s$/u.exec(word)?.[1];
  if (plural) variants.push(plural);
  return variants;
}

function lookUp(words: readonly string[], lexicon: Lexicon): number | undefined {
  for (const word of words) {
    const valence = lexicon.words.get(word);
    if (valence !== undefined) return valence;
  }
  return undefined;
}

/**
 * The valence of one word: as spelled or respelled, then as an inflection of a listed word, then
 * by its hyphenated parts (the strongest).
 */
export function wordValence(word: string, lexicon: Lexicon): number | undefined {
  const spelled = lookUp(wordVariants(word), lexicon);
  if (spelled !== undefined) return spelled;
  const inflected = lookUp(wordVariants(word).flatMap(inflectionVariants), lexicon);
  if (inflected !== undefined) return inflected;
  if (!word.includes("-")) return undefined;
  const parts = word
    .split("-")
    .map((part) => wordValence(part, lexicon))
    .filter((v) => v !== undefined);
  if (parts.length === 0) return undefined;
  return parts.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
}

/** A multi-word entry starting at `i` ("can't stand", "not good"): its valence and length. */
function phraseAt(
  tokens: readonly Token[],
  i: number,
  lexicon: Lexicon,
): { valence: number; length: number } | undefined {
  for (let length = lexicon.maxPhraseWords; length >= 2; length--) {
    const words = tokens.slice(i, i + length);
    if (words.length < length || words.some((t) => t.kind !== "word")) continue;
    const joined = words.map((t) => t.norm).join(" ");
    const valence = lexicon.phrases.get(joined) ?? lexicon.phrases.get(joined.replaceAll("'", ""));
    if (valence !== undefined) return { valence, length };
  }
  return undefined;
}

/** The factor of the modifiers right before `i` ("really very good" is ×1.3×1.3). */
export function modifierFactor(tokens: readonly Token[], i: number, lexicon: Lexicon): number {
  let factor = 1;
  for (let j = i - 1; j >= 0; j--) {
    const modifier = tokens[j]?.kind === "word" ? lexicon.modifiers.get(tokens[j]?.norm ?? "") : undefined;
    if (modifier === undefined) break;
    factor *= modifier;
  }
  return factor;
}

/** Whether a negator stands up to NEGATION_REACH words before `i`, in the same clause. */
export function isNegated(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_REACH); j--) {
    const token = tokens[j];
    if (!token || isClauseEnd(token)) return false;
    if (isNegator(token, lexicon)) return true;
  }
  return false;
}

/** A modifier that has a valenced word (or another modifier) right after it only modifies. */
function isModifying(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  const next = tokens[i + 1];
  if (next?.kind !== "word") return false;
  return lexicon.modifiers.has(next.norm) || wordValence(next.norm, lexicon) !== undefined;
}

/** The word's own valence, or undefined when it carries none here (a negator, a modifier, "like"). */
function ownValence(tokens: readonly Token[], i: number, lexicon: Lexicon): number | undefined {
  const token = tokens[i];
  if (!token || isNegator(token, lexicon)) return undefined;
  if (lexicon.modifiers.has(token.norm) && isModifying(tokens, i, lexicon)) return undefined;
  if (token.norm === "like" && !lexicon.likeAsVerbAfter.has(tokens[i - 1]?.norm ?? "")) return undefined;
  return wordValence(token.norm, lexicon);
}

const isShouted = (token: Token) => /\p{Lu}{2}/u.test(token.text) && token.text === token.text.toUpperCase();

/** The emphasis a word in capitals gets, unless the whole post is in capitals (then nothing stands out). */
function capsEmphasis(token: Token, allShouted: boolean, valence: number): number {
  return !allShouted && isShouted(token) ? Math.sign(valence) * CAPS_EMPHASIS : 0;
}

interface Valenced {
  index: number;
  valence: number;
}

/** Every valenced token with its negation, modifiers and capitals applied; masked tokens skipped. */
export function valencedTokens(
  tokens: readonly Token[],
  lexicon: Lexicon,
  masked: (token: Token) => boolean = () => false,
): Valenced[] {
  const words = tokens.filter((t) => t.kind === "word" && /\p{L}/u.test(t.text));
  const allShouted = words.length > 1 && words.every(isShouted);
  const found: Valenced[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || masked(token)) continue;
    if (token.kind === "emoji" || token.kind === "emoticon") {
      const valence =
        token.kind === "emoji" ? emojiValence(token.norm, lexicon) : emoticonValence(token.norm, lexicon);
      if (valence) found.push({ index: i, valence });
      continue;
    }
    if (token.kind !== "word") continue;
    const phrase = phraseAt(tokens, i, lexicon);
    const base = phrase?.valence ?? ownValence(tokens, i, lexicon);
    if (base === undefined || base === 0) continue;
    let valence = base * modifierFactor(tokens, i, lexicon);
    valence += capsEmphasis(token, allShouted, valence);
    if (!phrase && isNegated(tokens, i, lexicon)) valence *= NEGATION_SCALAR;
    found.push({ index: i, valence });
    if (phrase) i += phrase.length - 1;
  }
  return found;
}

/** "but" shifts the weight to what follows it. */
export function weighButClauses(tokens: readonly Token[], found: readonly Valenced[]): number[] {
  const but = tokens.findIndex((t) => t.kind === "word" && t.norm === "but");
  if (but < 0) return found.map((f) => f.valence);
  return found.map((f) => f.valence * (f.index < but ? BUT_BEFORE : BUT_AFTER));
}

/** Exclamation marks make the sentiment there is stronger; they make none of their own. */
export function exclamationEmphasis(tokens: readonly Token[], sum: number): number {
  if (sum === 0) return 0;
  const count = tokens.filter((t) => t.kind === "punctuation" && t.text === "!").length;
  return Math.sign(sum) * EXCLAMATION_EMPHASIS * Math.min(count, MAX_EXCLAMATIONS);
}

export function normaliseScore(sum: number): number {
  const score = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
  return Math.max(-1, Math.min(1, score));
}

/** The post's score in [-1, 1]. */
export function lexiconScore(
  tokens: readonly Token[],
  lexicon: Lexicon,
  masked?: (token: Token) => boolean,
): number {
  const found = valencedTokens(tokens, lexicon, masked);
  const sum = weighButClauses(tokens, found).reduce((a, b) => a + b, 0);
  return normaliseScore(sum + exclamationEmphasis(tokens, sum));
}

export interface Thresholds {
  /** A score at or above this is positive. */
  positive: number;
  /** A score at or below this is negative. */
  negative: number;
}

/**
 * Chosen on test/fixtures/sentiment/sample.jsonl (`node scripts/sentiment-accuracy.ts --sweep`).
 * Positive from 0.3: one mildly positive word (AFINN +1: "please", "want", "share") scores 0.25 and is
 * how announcements are worded, not praise. Negative from −0.15: the sample's accuracy is the same
 * anywhere from −0.05 to −0.25 (a single −1 word, "cancelled", "delayed", is a complaint at an event),
 * and this is the middle.
 */
export const LEXICON_THRESHOLDS: Thresholds = { positive: 0.3, negative: -0.15 };

export function labelFor(score: number, thresholds: Thresholds): Exclude<SentimentLabel, "unknown"> {
  if (score >= thresholds.positive) return "positive";
  if (score <= thresholds.negative) return "negative";
  return "neutral";
}
