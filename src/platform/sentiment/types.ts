/** The shapes the sentiment analyser hands its caller (who stores them). */

/** `unknown`: the text is in a language the analyser cannot judge, or has nothing to judge. */
export type SentimentLabel = "positive" | "neutral" | "negative" | "unknown";

/** A delegate of the event, recognised in a text by one of their handles or by their full name. */
export interface DelegateRef {
  id: string;
  name: string;
  handles: readonly string[];
}

export type EntityType = "hashtag" | "mention" | "person" | "organization";

/** `text` is as written in the post; `id` is the delegate's id when `type` is `person`. */
export interface Entity {
  text: string;
  type: EntityType;
  id?: string;
}

export type SentimentEngine = "workers-ai" | "lexicon";

export interface SentimentResult {
  /** ISO 639-1, or `und` when the detector is unsure. */
  language: string;
  sentiment: SentimentLabel;
  /** In [-1, 1]; null exactly when `sentiment` is `unknown`. */
  score: number | null;
  entities: Entity[];
  keywords: string[];
  engine: SentimentEngine;
}

export interface SentimentAnalyser {
  /**
   * One result per text, in the same order. `declared`: the language the platform gives for each
   * text (BCP 47, null when none), which is trusted over detection.
   */
  analyse(
    texts: readonly string[],
    delegates: readonly DelegateRef[],
    declared?: readonly (string | null)[],
  ): Promise<SentimentResult[]>;
}

/** What an engine decides about one text: a label and a score, or unknown with no score. */
export interface Judgement {
  sentiment: SentimentLabel;
  score: number | null;
}

export const UNKNOWN: Judgement = Object.freeze({ sentiment: "unknown", score: null });
