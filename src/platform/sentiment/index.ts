/**
 * Sentiment of what people say about an event, and of what it publishes: a label and a score for
 * English text, and for any text its language, entities and keywords. docs/sentiment.md describes
 * the engines, the definitions and the measured accuracy.
 */
export { type SentimentBindings, type SentimentOptions, sentimentAnalyser } from "./analyser.ts";
export type {
  DelegateRef,
  Entity,
  EntityType,
  SentimentAnalyser,
  SentimentEngine,
  SentimentLabel,
  SentimentResult,
} from "./types.ts";
