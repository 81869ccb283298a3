/**
 * `node scripts/sentiment-accuracy.ts`: runs the lexicon engine (with the committed word asset
 * public/_lexicon/sentiment-v1.json, as the Worker does) over test/fixtures/sentiment/sample.jsonl and
 * prints the accuracy, each label's precision and recall, the confusion matrix and how often the
 * language was detected right. Labels: positive, neutral, negative, and unknown for the lines in a
 * language the analyser does not judge.
 *
 * Options:
 *   --errors      list the lines judged wrongly
 *   --sweep       accuracy for other thresholds (how LEXICON_THRESHOLDS was chosen)
 *   --workers-ai  the Workers AI model instead, through the REST API (CLOUDFLARE_ACCOUNT_ID and
 *                 CLOUDFLARE_API_TOKEN, a token allowed Workers AI), with a sweep of its thresholds
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  describeText,
  judgeableAs,
  judgeWithLexicon,
  type TextFacts,
} from "../src/platform/sentiment/analyse.ts";
import { ASSET_PATH, wordDataFromAsset } from "../src/platform/sentiment/asset.ts";
import { LEXICON_THRESHOLDS, labelFor, type Thresholds } from "../src/platform/sentiment/score.ts";
import type { DelegateRef, Judgement, SentimentLabel } from "../src/platform/sentiment/types.ts";
import {
  MAX_MODEL_TEXT,
  modelScore,
  SENTIMENT_MODEL,
  WORKERS_AI_THRESHOLDS,
} from "../src/platform/sentiment/workers-ai.ts";

const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "test/fixtures/sentiment");
const LABELS: readonly SentimentLabel[] = ["positive", "neutral", "negative", "unknown"];

interface Line {
  text: string;
  language: string;
  label: SentimentLabel;
}

const lines = readFileSync(join(fixtures, "sample.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Line);
const delegates = JSON.parse(readFileSync(join(fixtures, "delegates.json"), "utf8")) as DelegateRef[];
const data = wordDataFromAsset(JSON.parse(readFileSync(join(root, "public", ASSET_PATH), "utf8")));
const { lexicon } = data;
const facts: TextFacts[] = lines.map((line) => describeText(line.text, delegates, data));
const args = new Set(process.argv.slice(2));

const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
const accuracyOf = (predicted: readonly SentimentLabel[]) =>
  predicted.filter((label, i) => label === lines[i]?.label).length / lines.length;

function report(title: string, predicted: readonly SentimentLabel[]): void {
  const out: string[] = [`${title}: accuracy ${percent(accuracyOf(predicted))} (${lines.length} lines)`];
  const english = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.language === "en");
  const englishRight = english.filter(({ line, i }) => predicted[i] === line.label).length;
  out.push(`  English lines only: ${percent(englishRight / english.length)} (${english.length} lines)`);
  out.push("", "  label       precision  recall  (n)");
  for (const label of LABELS) {
    const truePositives = predicted.filter((p, i) => p === label && lines[i]?.label === label).length;
    const predictedCount = predicted.filter((p) => p === label).length;
    const actualCount = lines.filter((line) => line.label === label).length;
    const precision = predictedCount ? percent(truePositives / predictedCount) : "—";
    const recall = actualCount ? percent(truePositives / actualCount) : "—";
    out.push(`  ${label.padEnd(10)}  ${precision.padStart(9)}  ${recall.padStart(6)}  (${actualCount})`);
  }
  out.push(
    "",
    `  confusion (rows: expected, columns: judged)`,
    `  ${"".padEnd(10)}${LABELS.map((l) => l.padStart(10)).join("")}`,
  );
  for (const expected of LABELS) {
    const row = LABELS.map(
      (judged) => predicted.filter((p, i) => p === judged && lines[i]?.label === expected).length,
    );
    out.push(`  ${expected.padEnd(10)}${row.map((n) => String(n).padStart(10)).join("")}`);
  }
  process.stdout.write(`${out.join("\n")}\n\n`);
}

function reportLanguages(): void {
  const right = facts.filter((f, i) => f.language === lines[i]?.language).length;
  process.stdout.write(
    `Language detected right: ${percent(right / lines.length)} (${right}/${lines.length})\n`,
  );
  const wrong = facts
    .map((f, i) => ({ detected: f.language, line: lines[i] }))
    .filter(({ detected, line }) => detected !== line?.language);
  for (const { detected, line } of wrong) {
    process.stdout.write(`  ${line?.language} read as ${detected}: ${line?.text}\n`);
  }
  process.stdout.write("\n");
}

function reportErrors(predicted: readonly SentimentLabel[], scores: readonly (number | null)[]): void {
  process.stdout.write("Judged wrongly:\n");
  lines.forEach((line, i) => {
    if (predicted[i] === line.label) return;
    const score = scores[i] === null || scores[i] === undefined ? "null" : scores[i].toFixed(3);
    process.stdout.write(`  ${line.label} → ${predicted[i]} (${score}): ${line.text}\n`);
  });
  process.stdout.write("\n");
}

/** Accuracy over symmetric thresholds ±t: how the engine's thresholds are chosen. */
function sweep(title: string, scores: readonly (number | null)[], current: Thresholds): void {
  process.stdout.write(`${title}: accuracy by threshold ±t (now +${current.positive}/${current.negative})\n`);
  for (let t = 0.05; t < 0.951; t += 0.05) {
    const predicted = scores.map(
      (s): SentimentLabel => (s === null ? "unknown" : labelFor(s, { positive: t, negative: -t })),
    );
    process.stdout.write(`  ±${t.toFixed(2)}  ${percent(accuracyOf(predicted))}\n`);
  }
  process.stdout.write("\n");
}

async function workersAiScores(): Promise<(number | null)[]> {
  const account = process.env.CLOUDFLARE_ACCOUNT_ID;
  const token = process.env.CLOUDFLARE_API_TOKEN;
  if (!account || !token) {
    process.stderr.write("--workers-ai needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN\n");
    process.exit(1);
  }
  const url = `https://api.cloudflare.com/client/v4/accounts/${account}/ai/run/${SENTIMENT_MODEL}`;
  const scores: (number | null)[] = [];
  for (const [i, line] of lines.entries()) {
    const fact = facts[i];
    // As the Worker: only English reaches the model, a post of emoji alone gets the lexicon's reading.
    if (!fact || judgeableAs(fact) !== "words") {
      scores.push(fact ? judgeWithLexicon(fact, lexicon).score : null);
      continue;
    }
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: line.text.slice(0, MAX_MODEL_TEXT) }),
    });
    if (!response.ok) throw new Error(`${SENTIMENT_MODEL}: HTTP ${response.status} ${await response.text()}`);
    // The REST envelope's `result` is what the binding answers; older answers wrapped it in `items`.
    const { result } = (await response.json()) as { result?: unknown };
    const items = typeof result === "object" && result !== null && "items" in result ? result.items : result;
    scores.push(modelScore(items));
  }
  return scores;
}

if (args.has("--workers-ai")) {
  const scores = await workersAiScores();
  const predicted = scores.map(
    (s): SentimentLabel => (s === null ? "unknown" : labelFor(s, WORKERS_AI_THRESHOLDS)),
  );
  report(`Workers AI ${SENTIMENT_MODEL}`, predicted);
  sweep("Workers AI", scores, WORKERS_AI_THRESHOLDS);
  if (args.has("--errors")) reportErrors(predicted, scores);
} else {
  const judgements: Judgement[] = facts.map((f) => judgeWithLexicon(f, lexicon));
  const predicted = judgements.map((j) => j.sentiment);
  const scores = judgements.map((j) => j.score);
  report("Lexicon engine (AFINN-165 + emoji)", predicted);
  reportLanguages();
  if (args.has("--sweep")) {
    sweep("Lexicon engine", scores, LEXICON_THRESHOLDS);
    process.stdout.write("Asymmetric: accuracy by positive / negative threshold\n");
    for (let p = 0.05; p < 0.551; p += 0.05) {
      const row = [];
      for (let n = 0.05; n < 0.551; n += 0.05) {
        const labels = scores.map(
          (s): SentimentLabel => (s === null ? "unknown" : labelFor(s, { positive: p, negative: -n })),
        );
        row.push(percent(accuracyOf(labels)).padStart(7));
      }
      process.stdout.write(`  +${p.toFixed(2)} ${row.join("")}\n`);
    }
    process.stdout.write(`  (columns: −0.05 … −0.55)\n\n`);
  }
  if (args.has("--errors")) reportErrors(predicted, scores);
}
