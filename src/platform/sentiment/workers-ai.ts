/**
 * The Workers AI engine's model and how its answer becomes a judgement. The model is DistilBERT
 * fine-tuned on SST-2 (English movie-review sentences): given `{ text }` it answers with the
 * probabilities of its two classes, `[{ label: "POSITIVE", score }, { label: "NEGATIVE", score }]`,
 * which sum to 1. It has no neutral class and is confident even on a plain announcement, so a post
 * is neutral unless one class is clearly ahead.
 */
import { labelFor, type Thresholds } from "./score.ts";
import type { Judgement } from "./types.ts";

export const SENTIMENT_MODEL = "@cf/huggingface/distilbert-sst-2-int8";

/**
 * Positive when P(positive) − P(negative) ≥ 0.8 (P(positive) ≥ 0.9), negative when ≤ −0.8. Not yet
 * measured against the model: `node scripts/sentiment-accuracy.ts --workers-ai` sweeps it on the
 * sample (docs/sentiment.md).
 */
export const WORKERS_AI_THRESHOLDS: Thresholds = { positive: 0.8, negative: -0.8 };

/** The longest text sent: the model reads 512 word pieces at most, and a post is far shorter. */
export const MAX_MODEL_TEXT = 2000;

function probabilityOf(output: readonly unknown[], label: string): number | undefined {
  for (const item of output) {
    if (typeof item !== "object" || item === null) continue;
    const { label: itemLabel, score } = item as { label?: unknown; score?: unknown };
    if (typeof itemLabel === "string" && itemLabel.toUpperCase() === label && typeof score === "number") {
      return Number.isFinite(score) && score >= 0 && score <= 1 ? score : undefined;
    }
  }
  return undefined;
}

/**
 * score = P(positive) − P(negative). A missing class is 1 minus the other; an answer with neither
 * is not the model's documented output and throws (the batch then falls back to the lexicon).
 */
export function modelScore(output: unknown): number {
  if (!Array.isArray(output)) throw new Error(`${SENTIMENT_MODEL} answered with something other than a list`);
  const positive = probabilityOf(output, "POSITIVE");
  const negative = probabilityOf(output, "NEGATIVE");
  if (positive === undefined && negative === undefined) {
    throw new Error(`${SENTIMENT_MODEL} answered without a POSITIVE or NEGATIVE probability`);
  }
  const p = positive ?? 1 - (negative ?? 0);
  const n = negative ?? 1 - p;
  return Math.max(-1, Math.min(1, p - n));
}

export function judgementFromModel(
  output: unknown,
  thresholds: Thresholds = WORKERS_AI_THRESHOLDS,
): Judgement {
  const score = modelScore(output);
  return { sentiment: labelFor(score, thresholds), score };
}
