/**
 * The wall's profanity filter: our English list plus French, Spanish, Portuguese, German and Swahili.
 *
 * Why not a library: obscenity, which this replaced, cost 16 KiB gzip, most of it a table of Unicode
 * confusables, in a Worker whose bundle budget is 300 KiB gzip; this matcher and its words cost a
 * fraction of that and do what the wall needs.
 *
 * What it catches:
 * - accents, case and styled letters do not hide a word (fold: NFKD, marks off, ß → ss, lower case;
 *   NFKD also turns fullwidth and mathematical letters into plain ones);
 * - Cyrillic and Greek letters that look Latin are read as Latin ("ѕhіt" with Cyrillic ѕ and і);
 * - leetspeak inside a word is read as letters ("f4ck", "sh1t", "@ss", "a$$", "f*ck", "f**k"), but
 *   a number is not a word ("2027", "A55") and "!" or "*" at a word's edge is punctuation ("shit!");
 * - a letter repeated in the text matches that letter of a pattern ("fuuuck", "shiiit"), while a
 *   pattern's own double letters still need two ("|ass|" does not match "as");
 * - single letters split by single separators are one word ("f.u.c.k", "f u c k", "f-u-c-k").
 *
 * Patterns use word boundaries, `|` marking one: `|word|` is a whole word, `|word` starts a word
 * ("|wank" matches "wanker"), `word|` ends one ("shit|" matches "bullshit"), and a bare `word` may sit
 * anywhere (kept for the words no ordinary word contains, like "fuck" in "motherfucker"); `?` is any
 * one letter ("|f?ck|" matches "f4ck" and "fxck", for "4" is no u). Whole words and prefixes keep
 * "Scunthorpe", "assassin", "classic", "cocktail", "Dickens", "therapist", "Sussex", "bass" and
 * "passage" clean without a list; WHITELIST holds the ordinary words a prefix would still catch (a
 * match inside a whitelisted word or phrase does not count).
 *
 * The patterns sit in two tries (word-start patterns, anywhere patterns) built once per isolate; a
 * call folds the text, maps it to symbols in one pass and walks the tries with a set of states: linear
 * in the text's length, and no regular expression is built per call. The words are in
 * profanity-words.ts.
 */
import { ENGLISH, OTHER_LANGUAGES, WHITELIST } from "./profanity-words.ts";

export { ENGLISH, OTHER_LANGUAGES, WHITELIST };

/** Accents off and one case, so "cabrón" meets "cabron", "Scheiße" and "SCHEIẞE" meet "scheisse". */
export function folded(text: string): string {
  return text.normalize("NFKD").toLowerCase().replace(/\p{M}/gu, "").replace(/ß/g, "ss");
}

/** A gap between words. */
const GAP = " ";
/** A `*` inside a word: it stands for whichever letter ("f*ck", "sh*t"). */
const ANY = "*";
/** In a pattern: exactly one letter of whatever kind (never repeated, or "|f?cked|" would match "flicked"). */
const SOME = "?";
/** A character no pattern letter matches (a digit in a number, a letter of another script). */
const NONE = "";

/** Cyrillic, Greek and a few Latin letters NFKD leaves alone that look like a Latin letter. */
const LOOKALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    а: "a",
    в: "b",
    г: "r",
    е: "e",
    к: "k",
    м: "m",
    н: "h",
    о: "o",
    п: "n",
    р: "p",
    с: "c",
    т: "t",
    у: "y",
    х: "x",
    ь: "b",
    і: "i",
    ј: "j",
    ѕ: "s",
    ԁ: "d",
    ԛ: "q",
    ԝ: "w",
    ӏ: "l",
    α: "a",
    β: "b",
    γ: "y",
    ε: "e",
    η: "n",
    ι: "i",
    κ: "k",
    μ: "u",
    ν: "v",
    ο: "o",
    π: "n",
    ρ: "p",
    τ: "t",
    υ: "u",
    χ: "x",
    ω: "w",
    ı: "i",
    ɩ: "i",
    ɑ: "a",
    ɡ: "g",
    ø: "o",
    ł: "l",
    đ: "d",
    ħ: "h",
    ŧ: "t",
    æ: "ae",
    œ: "oe",
  }),
);

/** What a digit or mark stands for inside a word; "1", "!" and "|" may be an i or an l. */
const LEET: ReadonlyMap<string, string> = new Map(
  Object.entries({
    "0": "o",
    "1": "il",
    "2": "z",
    "3": "e",
    "4": "a",
    "5": "s",
    "6": "g",
    "7": "t",
    "8": "b",
    "9": "g",
    "@": "a",
    $: "s",
    "!": "il",
    "|": "il",
    "(": "c",
    "*": ANY,
  }),
);

/** Marks that are punctuation, not letters, at the start ("(shit", "*great") or end ("shit!") of a word. */
const NOT_FIRST: ReadonlySet<string> = new Set(["!", "|", "*", "("]);
const NOT_LAST: ReadonlySet<string> = new Set(["!", "|", "*", "(", "@"]);

/** What a character of the folded text is. */
interface CharClass {
  /** Part of a word, or a separator. */
  readonly inWord: boolean;
  /** A letter of any script (a digit or a leetspeak mark is not). */
  readonly letter: boolean;
  /** A digit 0-9: a word with more of them than letters is a number, not leetspeak. */
  readonly digit: boolean;
  /** The symbols it reads as among letters: its Latin letter(s), NONE for another script's. */
  readonly asLetters: readonly string[];
  /** The symbol it reads as in a word that reads leetspeak; NONE for a word that does not. */
  readonly asLeet: string;
  /** Punctuation, not a letter, at a word's start or end. */
  readonly notFirst: boolean;
  readonly notLast: boolean;
  /** An @, which starts a mention as much as it is an a ("@ss"). */
  readonly at: boolean;
}

const IS_LETTER = /^\p{L}/u;
const IS_NUMBER = /^\p{N}/u;
const IS_LATIN = /^[a-z]+$/;

function classify(char: string): CharClass {
  const lookalike = LOOKALIKES.get(char) ?? char;
  const leet = LEET.get(char);
  const letter = IS_LETTER.test(lookalike);
  const latin = letter && IS_LATIN.test(lookalike);
  return {
    inWord: letter || leet !== undefined || IS_NUMBER.test(char),
    letter,
    digit: char >= "0" && char <= "9",
    asLetters: latin ? [...lookalike] : [NONE],
    asLeet: letter ? NONE : (leet ?? NONE),
    notFirst: NOT_FIRST.has(char),
    notLast: NOT_LAST.has(char),
    at: char === "@",
  };
}

/** Classes of the characters seen, so a call tests no regular expression for a character seen before. */
const classes = new Map<string, CharClass>();
const classOf = (char: string): CharClass => {
  let known = classes.get(char);
  if (!known) {
    known = classify(char);
    // Bounded, whatever scripts the texts are in.
    if (classes.size < 10_000) classes.set(char, known);
  }
  return known;
};

/** The text as symbols: a string of candidate letters, GAP, ANY or NONE each; and where words start. */
interface Symbols {
  readonly symbols: readonly string[];
  readonly wordStarts: readonly boolean[];
}

function symbolsOf(text: string): Symbols {
  // Words as runs of letters, digits and leetspeak marks: the characters' classes, each word
  // [from, to) among them with the number of separators between it and the word before.
  const chars: CharClass[] = [];
  const froms: number[] = [];
  const tos: number[] = [];
  const gaps: number[] = [];
  let from = 0;
  let gap = 0;
  const close = () => {
    let first = from;
    let last = chars.length;
    while (first < last && chars[first]!.notFirst) first++;
    while (last > first && chars[last - 1]!.notLast) last--;
    gap += first - from;
    if (last > first) {
      froms.push(first);
      tos.push(last);
      gaps.push(gap);
      gap = 0;
    }
    gap += chars.length - last;
  };
  for (const char of folded(text)) {
    const kind = classOf(char);
    if (kind.inWord) {
      chars.push(kind);
      continue;
    }
    if (chars.length > from) close();
    from = chars.length;
    gap++;
  }
  if (chars.length > from) close();

  const symbols: string[] = [];
  const wordStarts: boolean[] = [];
  for (let w = 0; w < froms.length; w++) {
    // Single characters one separator apart are one word: "f.u.c.k", "f u c k".
    let end = w;
    while (
      end + 1 < froms.length &&
      tos[end]! - froms[end]! === 1 &&
      tos[end + 1]! - froms[end + 1]! === 1 &&
      gaps[end + 1] === 1
    ) {
      end++;
    }
    const start = froms[w]!;
    const stop = tos[end]!;
    // Leetspeak is read only in a word with letters, and no more digits than letters ("A55" is a road).
    let letters = 0;
    let digits = 0;
    for (let c = start; c < stop; c++) {
      const kind = chars[c]!;
      if (kind.letter) letters++;
      else if (kind.digit) digits++;
    }
    const leet = letters > 0 && letters >= digits;
    if (symbols.length > 0) {
      symbols.push(GAP);
      wordStarts.push(false);
    }
    const first = symbols.length;
    for (let c = start; c < stop; c++) {
      const kind = chars[c]!;
      if (kind.letter) for (const symbol of kind.asLetters) symbols.push(symbol);
      else symbols.push(leet ? kind.asLeet : NONE);
    }
    for (let s = first; s < symbols.length; s++) wordStarts.push(s === first);
    // "@name" is a mention as much as "@ss" is leetspeak: a word starts after the @ too.
    if (chars[start]!.at && symbols.length > first + 1) {
      wordStarts[first + 1] = true;
    }
    w = end;
  }
  return { symbols, wordStarts };
}

interface TrieNode {
  /** Its number in its tries, 0 to `size` - 1. */
  readonly id: number;
  /** The letter that leads here; "" at a root. */
  readonly letter: string;
  readonly children: Map<string, TrieNode>;
  /** A pattern ends here (`word`, `|word`). */
  endsAnywhere: boolean;
  /** A pattern ends here at the end of a word only (`word|`, `|word|`). */
  endsAtWordEnd: boolean;
}

/** Patterns that start at a word's start, and patterns that start anywhere. */
interface Tries {
  readonly wordStart: TrieNode;
  readonly anywhere: TrieNode;
  /** How many nodes. */
  readonly size: number;
}

function compile(patterns: readonly string[]): Tries {
  let size = 0;
  const trieNode = (letter: string): TrieNode => ({
    id: size++,
    letter,
    children: new Map(),
    endsAnywhere: false,
    endsAtWordEnd: false,
  });
  const wordStart = trieNode("");
  const anywhere = trieNode("");
  for (const pattern of patterns) {
    const atStart = pattern.startsWith("|");
    const atEnd = pattern.length > 1 && pattern.endsWith("|");
    const body = folded(pattern.slice(atStart ? 1 : 0, atEnd ? -1 : undefined))
      .trim()
      .replace(/[\s-]+/g, GAP);
    if (!/^[a-z?]+( [a-z?]+)*$/.test(body)) {
      throw new Error(`Profanity pattern ${JSON.stringify(pattern)} must be letters, ?, spaces and hyphens`);
    }
    let node = atStart ? wordStart : anywhere;
    for (const letter of body) {
      let child = node.children.get(letter);
      if (!child) {
        child = trieNode(letter);
        node.children.set(letter, child);
      }
      node = child;
    }
    if (atEnd) node.endsAtWordEnd = true;
    else node.endsAnywhere = true;
  }
  return { wordStart, anywhere, size };
}

/**
 * Every match of the tries in the symbols, as [start, end) in symbols. A state is a trie node with the
 * earliest start that reached it; a symbol moves each state to the children it names, and keeps it
 * where it is if it repeats the node's letter ("fuuuck"). At most one state per node: the work per
 * symbol is bounded by the tries, not the text.
 */
function matches(tries: Tries, text: Symbols): Array<readonly [number, number]> {
  const { symbols, wordStarts } = text;
  const found: Array<readonly [number, number]> = [];
  // reachedAt[id]: the last step that reached the node; slot[id]: its place among that step's states.
  const reachedAt = new Int32Array(tries.size).fill(-1);
  const slot = new Int32Array(tries.size);
  let nodes: TrieNode[] = [];
  let starts: number[] = [];
  let nextNodes: TrieNode[] = [];
  let nextStarts: number[] = [];
  let step = 0;
  const reach = (node: TrieNode, start: number) => {
    if (reachedAt[node.id] === step) {
      const k = slot[node.id]!;
      if (start < nextStarts[k]!) nextStarts[k] = start;
      return;
    }
    reachedAt[node.id] = step;
    slot[node.id] = nextNodes.length;
    nextNodes.push(node);
    nextStarts.push(start);
  };
  for (; step < symbols.length; step++) {
    const symbol = symbols[step]!;
    if (symbol !== GAP) {
      nodes.push(tries.anywhere);
      starts.push(step);
      if (wordStarts[step]) {
        nodes.push(tries.wordStart);
        starts.push(step);
      }
    }
    nextNodes.length = 0;
    nextStarts.length = 0;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k]!;
      const start = starts[k]!;
      if (symbol === ANY) {
        for (const [letter, child] of node.children) if (letter !== GAP) reach(child, start);
        if (node.letter !== "" && node.letter !== GAP && node.letter !== SOME) reach(node, start);
        continue;
      }
      const anyLetter = node.children.get(SOME);
      for (const letter of symbol) {
        const child = node.children.get(letter);
        if (child) reach(child, start);
        if (anyLetter && letter !== GAP) reach(anyLetter, start);
        if (letter === node.letter) reach(node, start);
      }
    }
    const atWordEnd = step + 1 === symbols.length || symbols[step + 1] === GAP;
    for (let k = 0; k < nextNodes.length; k++) {
      const node = nextNodes[k]!;
      if (node.endsAnywhere || (node.endsAtWordEnd && atWordEnd)) found.push([nextStarts[k]!, step + 1]);
    }
    [nodes, nextNodes] = [nextNodes, nodes];
    [starts, nextStarts] = [nextStarts, starts];
  }
  return found;
}

/** A matcher for the patterns, unless a match lies inside a match of the whitelist. */
export function profanityMatcher(
  patterns: readonly string[],
  whitelist: readonly string[],
): (text: string) => boolean {
  const blacklisted = compile(patterns);
  const whitelisted = compile(whitelist);
  return (text) => {
    const symbols = symbolsOf(text);
    const hits = matches(blacklisted, symbols);
    if (hits.length === 0) return false;
    // reaches[i]: the furthest end of a whitelisted match that starts at or before symbol i.
    const reaches = new Array<number>(symbols.symbols.length).fill(0);
    for (const [start, end] of matches(whitelisted, symbols)) reaches[start] = Math.max(reaches[start]!, end);
    for (let i = 1; i < reaches.length; i++) reaches[i] = Math.max(reaches[i]!, reaches[i - 1]!);
    return hits.some(([start, end]) => reaches[start]! < end);
  };
}

let matcher: ((text: string) => boolean) | undefined;

/** Profane in any of the languages; the tries are built at the first call of an isolate. */
export function isProfane(text: string): boolean {
  matcher ??= profanityMatcher([ENGLISH, ...Object.values(OTHER_LANGUAGES)].flat(), WHITELIST);
  return matcher(text);
}
