/**
 * Splits a social-media text into the tokens the sentiment, language and keyword code read: words
 * (hashtags split into their words), numbers, emoji, emoticons, mentions, URLs and the punctuation
 * that ends a clause or adds emphasis. Every token keeps its offsets in the original text, so a
 * caller can leave out the words inside a span (a delegate's name is not an opinion).
 */
export type TokenKind = "word" | "number" | "emoji" | "emoticon" | "mention" | "url" | "punctuation";

export interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** Lower-cased, typographic apostrophes made straight; emoji without presentation selectors. */
  norm: string;
  /** Offsets in the original text: [start, end). */
  start: number;
  end: number;
  /** A word that came out of a hashtag (`#GreatVibes` gives `Great` and `Vibes`). */
  fromHashtag: boolean;
}

const URL_SOURCE = String.raw`https?:\/\/[^\s<>"]+|www\.[^\s<>"]+`;
const MENTION_SOURCE = String.raw`(?<![\p{L}\p{N}_.@])[@＠][A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?`;
const HASHTAG_SOURCE = String.raw`(?<![\p{L}\p{N}_&#])[#＃][\p{L}\p{M}\p{N}_]+`;
/**
 * Western emoticons: eyes, an optional nose, a mouth. `x`/`X` eyes only as a token of their own (not
 * inside `xDay`), and never followed by a letter or digit, so `Speakers:Dr` or `8:00` are no faces.
 */
const EMOTICON_SOURCE = String.raw`(?:<\/?3|[:;=]['\-^o]?[)(\][DPpO/\\|]+|(?<![\p{L}\p{N}])[xX]D+)(?![\p{L}\p{N}])`;
const NUMBER_SOURCE = String.raw`\p{N}+(?:[.,:]\p{N}+)*`;
/** Letters with inner apostrophes and hyphens: `don't`, `mini-grids`, `once-in-a-lifetime`. */
const WORD_SOURCE = String.raw`[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*(?:['’\-][\p{L}\p{M}\p{N}]+)*`;
/** A pictograph with its modifiers and zero-width-joined parts, or a flag (two regional indicators). */
const EMOJI_SOURCE = String.raw`\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*`;
const PUNCTUATION_SOURCE = "[!?¡¿]|[.,;:…]";

const TOKEN_PATTERN = new RegExp(
  [
    URL_SOURCE,
    MENTION_SOURCE,
    HASHTAG_SOURCE,
    EMOTICON_SOURCE,
    NUMBER_SOURCE,
    WORD_SOURCE,
    EMOJI_SOURCE,
    PUNCTUATION_SOURCE,
  ]
    .map((source) => `(${source})`)
    .join("|"),
  "gu",
);
const KINDS: readonly (TokenKind | "hashtag")[] = [
  "url",
  "mention",
  "hashtag",
  "emoticon",
  "number",
  "word",
  "emoji",
  "punctuation",
];

/** Camel case, letter–digit boundaries and acronym runs: `AfroFest2027` → Afro, Fest, 2027. */
const HASHTAG_PART = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[\p{L}\p{M}]+/gu;

/** Lower case, straight apostrophes. */
export function normaliseWord(text: string): string {
  return text.toLowerCase().replaceAll("’", "'");
}

/** Emoji compare without the presentation selector (U+FE0F) and skin tones: ❤️ and ❤ are one. */
export function normaliseEmoji(text: string): string {
  return text.replace(/\uFE0F|\p{Emoji_Modifier}/gu, "");
}

/** The words of a hashtag body (without `#`), each with its offset inside the body. */
export function splitHashtag(body: string): { text: string; offset: number }[] {
  return Array.from(body.matchAll(HASHTAG_PART), (m) => ({ text: m[0], offset: m.index }));
}

function hashtagTokens(hashtag: string, start: number): Token[] {
  return splitHashtag(hashtag.slice(1)).map(({ text, offset }) => ({
    kind: /^\p{N}+$/u.test(text) ? "number" : "word",
    text,
    norm: normaliseWord(text),
    start: start + 1 + offset,
    end: start + 1 + offset + text.length,
    fromHashtag: true,
  }));
}

function normaliseToken(kind: TokenKind, text: string): string {
  if (kind === "emoji") return normaliseEmoji(text);
  if (kind === "emoticon") return text;
  return normaliseWord(text);
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const group = match.slice(1).findIndex((value) => value !== undefined);
    const kind = KINDS[group];
    if (kind === undefined) continue;
    const start = match.index;
    if (kind === "hashtag") {
      tokens.push(...hashtagTokens(match[0], start));
      continue;
    }
    tokens.push({
      kind,
      text: match[0],
      norm: normaliseToken(kind, match[0]),
      start,
      end: start + match[0].length,
      fromHashtag: false,
    });
  }
  return tokens;
}
