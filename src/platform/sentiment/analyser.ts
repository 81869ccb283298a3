/**
 * The analyser the Worker uses: Workers AI when the `AI` binding is there, the lexicon otherwise, and
 * the lexicon for a whole batch when a model call fails. Either way only English reaches an engine
 * (analyse.ts); entities, keywords and the language come from the same code whatever the engine, and
 * need the word asset, so both engines load it.
 */
import type { Logger } from "../logger.ts";
import { describeText, judgeableAs, judgeWithLexicon, resultOf, type TextFacts } from "./analyse.ts";
import { ASSET_PATH, type WordData, wordDataFromAsset } from "./asset.ts";
import type { Lexicon } from "./lexicon.ts";
import {
  type DelegateRef,
  type Judgement,
  type SentimentAnalyser,
  type SentimentResult,
  UNKNOWN,
} from "./types.ts";
import { judgementFromModel, MAX_MODEL_TEXT, SENTIMENT_MODEL } from "./workers-ai.ts";

export interface SentimentBindings {
  AI?: Ai;
  ASSETS: Fetcher;
}

export interface SentimentOptions {
  /** Told when a Workers AI call fails and the lexicon judges the batch instead. */
  logger?: Logger;
}

/** The assets binding serves by path; the host of the URL is not looked at. */
const ASSET_ORIGIN = "https://assets.invalid";
/** Model calls in flight at once for one batch (an ingest batch is up to 100 items). */
const MODEL_CONCURRENCY = 8;

/**
 * The word data once per isolate (per assets binding, which an isolate keeps for its lifetime). The
 * data is cached, not the promise of it: a promise made during one request and awaited by another is
 * tied to the first, so two first requests at once each read the asset, and every later one none.
 */
const wordData = new WeakMap<Fetcher, WordData>();

export async function loadWordData(assets: Fetcher): Promise<WordData> {
  const cached = wordData.get(assets);
  if (cached) return cached;
  const response = await assets.fetch(new URL(ASSET_PATH, ASSET_ORIGIN));
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`the sentiment word asset ${ASSET_PATH} answered ${response.status}`);
  }
  const data = wordDataFromAsset(await response.json());
  wordData.set(assets, data);
  return data;
}

/** The model's judgement of each English text (undefined for the others); throws when a call fails. */
async function judgeWithModel(ai: Ai, facts: readonly TextFacts[], texts: readonly string[]) {
  const judgements: (Judgement | undefined)[] = facts.map(() => undefined);
  const english = facts.flatMap((f, i) => (judgeableAs(f) === "words" ? [i] : []));
  for (let from = 0; from < english.length; from += MODEL_CONCURRENCY) {
    await Promise.all(
      english.slice(from, from + MODEL_CONCURRENCY).map(async (i) => {
        const output = await ai.run(SENTIMENT_MODEL, { text: (texts[i] ?? "").slice(0, MAX_MODEL_TEXT) });
        judgements[i] = judgementFromModel(output);
      }),
    );
  }
  return judgements;
}

function lexiconResults(facts: readonly TextFacts[], lexicon: Lexicon): SentimentResult[] {
  return facts.map((f) => resultOf(f, judgeWithLexicon(f, lexicon), "lexicon"));
}

/** A post of emoji alone is read by the lexicon (the model knows words); the rest is the model's. */
function modelResults(
  facts: readonly TextFacts[],
  judgements: readonly (Judgement | undefined)[],
  lexicon: Lexicon,
) {
  return facts.map((f, i) => {
    const judgement = judgements[i];
    if (judgement) return resultOf(f, judgement, "workers-ai");
    if (judgeableAs(f) === "emoji") return resultOf(f, judgeWithLexicon(f, lexicon), "lexicon");
    return resultOf(f, UNKNOWN, "workers-ai");
  });
}

/** Workers AI when bound, else the lexicon engine. */
export function sentimentAnalyser(
  bindings: SentimentBindings,
  options: SentimentOptions = {},
): SentimentAnalyser {
  const { AI: ai, ASSETS: assets } = bindings;
  return {
    async analyse(texts: readonly string[], delegates: readonly DelegateRef[], declared = []) {
      if (texts.length === 0) return [];
      const data = await loadWordData(assets);
      const facts = texts.map((text, i) => describeText(text, delegates, data, declared[i]));
      if (ai) {
        try {
          return modelResults(facts, await judgeWithModel(ai, facts, texts), data.lexicon);
        } catch (error) {
          options.logger?.warn("sentiment: Workers AI failed, the lexicon judges this batch", {
            model: SENTIMENT_MODEL,
            texts: texts.length,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return lexiconResults(facts, data.lexicon);
    },
  };
}
