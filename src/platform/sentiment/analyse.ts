/**
 * What the analyser finds in one text without any engine (language, entities, keywords), which texts
 * an engine may judge, and the lexicon engine's judgement, each from the word data of the asset. No
 * Worker APIs: scripts/sentiment-accuracy.ts runs this under Node.
 */
import type { WordData } from "./asset.ts";
import { type EntitySpan, findEntities } from "./entities.ts";
import { extractKeywords } from "./keywords.ts";
import { detectLanguage } from "./language.ts";
import { emojiOnly, type Lexicon } from "./lexicon.ts";
import { LEXICON_THRESHOLDS, labelFor, lexiconScore, type Thresholds } from "./score.ts";
import { type Token, tokenise } from "./tokenise.ts";
import { type DelegateRef, type Judgement, type SentimentResult, UNKNOWN } from "./types.ts";

/** The only language both engines judge. */
export const JUDGED_LANGUAGE = "en";

export interface TextFacts {
  tokens: Token[];
  language: string;
  entities: EntitySpan[];
  keywords: string[];
}

/**
 * The language a platform declares for a post (X `lang`, Bluesky `langs`, as BCP 47: "en", "en-GB"),
 * as ISO 639-1; null when it declares none or none of that form ("und", "zxx", "qme").
 */
export function declaredLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

/** The platform's declared language wins over the detector, which only guesses from a few words. */
export function describeText(
  text: string,
  delegates: readonly DelegateRef[],
  data: WordData,
  declared?: string | null,
): TextFacts {
  const tokens = tokenise(text);
  const language = declaredLanguage(declared) ?? detectLanguage(text, data.languages, tokens);
  return {
    tokens,
    language,
    entities: findEntities(text, delegates, data, language),
    keywords: extractKeywords(tokens, language, data.languages),
  };
}

/**
 * How a text can be judged: `words` when it is English; `emoji` when it has no words of its own
 * (hashtags aside) but emoji or emoticons, which mean the same in any language; `none` otherwise — a
 * language the analyser cannot judge is unknown, never guessed.
 */
export function judgeableAs(facts: TextFacts): "words" | "emoji" | "none" {
  if (facts.language === JUDGED_LANGUAGE) return "words";
  const hasOwnWords = facts.tokens.some((t) => t.kind === "word" && !t.fromHashtag);
  const hasFaces = facts.tokens.some((t) => t.kind === "emoji" || t.kind === "emoticon");
  return !hasOwnWords && hasFaces ? "emoji" : "none";
}

/** Words inside a person's or an organisation's name carry no opinion. */
function inNames(facts: TextFacts): (token: Token) => boolean {
  const names = facts.entities.filter((e) => e.entity.type === "person" || e.entity.type === "organization");
  return (token) => names.some((n) => token.start >= n.start && token.end <= n.end);
}

/** The lexicon engine's judgement; of a text of emoji alone, from its emoji and emoticons only. */
export function judgeWithLexicon(
  facts: TextFacts,
  lexicon: Lexicon,
  thresholds: Thresholds = LEXICON_THRESHOLDS,
): Judgement {
  const way = judgeableAs(facts);
  if (way === "none") return UNKNOWN;
  const score = lexiconScore(facts.tokens, way === "emoji" ? emojiOnly(lexicon) : lexicon, inNames(facts));
  return { sentiment: labelFor(score, thresholds), score };
}

export function resultOf(
  facts: TextFacts,
  judgement: Judgement,
  engine: SentimentResult["engine"],
): SentimentResult {
  return {
    language: facts.language,
    sentiment: judgement.sentiment,
    score: judgement.score,
    entities: facts.entities.map((span) => span.entity),
    keywords: facts.keywords,
    engine,
  };
}

/** The whole analysis with the lexicon engine. */
export function analyseWithLexicon(
  texts: readonly string[],
  delegates: readonly DelegateRef[],
  data: WordData,
  thresholds: Thresholds = LEXICON_THRESHOLDS,
): SentimentResult[] {
  return texts.map((text) => {
    const facts = describeText(text, delegates, data);
    return resultOf(facts, judgeWithLexicon(facts, data.lexicon, thresholds), "lexicon");
  });
}
