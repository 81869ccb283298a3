/**
 * How the protocol checks (protocol-checks.ts) read a delegate's title, name and handle in a text.
 * Everything compares folded text (platform/sentiment/entities.ts `fold`: NFKD, no accents, lower
 * case), and leans towards accepting: a title is found with or without its dots ("H.E.", "HE",
 * "H. E."), spelled out ("Her Excellency", "Doctor"), or with a designation between it and the name
 * ("H.E. President Amina Diallo").
 */
import { fold, foldWithOffsets } from "../../platform/sentiment/entities.ts";

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The letters and digits of a title, folded: "H.E." is `he`, "Rt. Hon." is `rthon`. */
const compact = (title: string) => fold(title).replace(/[^\p{L}\p{N}]+/gu, "");

/** Spelled-out forms of the common abbreviations, both ways. */
const SPELLED_OUT: Readonly<Record<string, readonly string[]>> = {
  he: ["his excellency", "her excellency"],
  dr: ["doctor"],
  prof: ["professor"],
  hon: ["honourable", "honorable"],
  rthon: ["right honourable", "right honorable"],
  amb: ["ambassador"],
  sen: ["senator"],
  rev: ["reverend"],
  gen: ["general"],
};

/** The title's written forms as one regular-expression alternation over folded text. */
function titleForms(title: string): string | null {
  const key = compact(title);
  if (!key) return null;
  const abbreviations = new Set([key]);
  const spelled = new Set<string>(SPELLED_OUT[key] ?? []);
  for (const [abbreviation, forms] of Object.entries(SPELLED_OUT)) {
    if (forms.some((form) => compact(form) === key)) {
      abbreviations.add(abbreviation);
      for (const form of forms) spelled.add(form);
    }
  }
  // Letters with optional dots or spaces between them: "he" is H.E., HE and H. E.
  const letters = [...abbreviations].map((a) => [...a].map(escapeRegExp).join("[.\\s]*"));
  const words = [...spelled].map((form) => form.split(" ").map(escapeRegExp).join("\\s+"));
  return [...letters, ...words].join("|");
}

/** A recorded title, ready to be looked for before a name. */
export interface TitleMatcher {
  /** The title ends the text (a full stop and spaces after it allowed). */
  ends: RegExp;
  /** The forms, for building other patterns (the short form "H.E. Diallo"). */
  forms: string;
}

export function titleMatcher(title: string | null): TitleMatcher | null {
  const forms = title ? titleForms(title) : null;
  if (!forms) return null;
  return { ends: new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms})\\.?\\s*$`, "u"), forms };
}

/** A capitalised word (a designation, a second title) right before `end`, preceded by a space or nothing. */
const CAPITALISED_LAST_WORD = /(?<=^|\s)\p{Lu}[\p{L}\p{M}.'’-]*\s*$/u;

/** How many capitalised words may stand between the title and the name. */
const MAX_WORDS_BETWEEN = 2;

/** Whether the title stands before the name at `start`, at most two capitalised words away. */
export function titledAt(text: string, start: number, title: TitleMatcher): boolean {
  let before = text.slice(Math.max(0, start - 120), start);
  for (let skipped = 0; ; skipped++) {
    if (title.ends.test(fold(before))) return true;
    if (skipped === MAX_WORDS_BETWEEN) return false;
    const word = CAPITALISED_LAST_WORD.exec(before);
    if (!word) return false;
    before = before.slice(0, word.index);
  }
}

/** Words commonly written as a title, folded without dots: what `writtenFrom` shows with the name. */
const TITLE_WORDS = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "he",
  "hon",
  "sir",
  "dame",
  "amb",
  "rev",
  "chief",
  "sen",
  "gen",
  "col",
  "president",
  "minister",
  "excellency",
]);

/** The name as written at [start, end), with the title-like word before it if there is one ("Dr Amina Diallo"). */
export function writtenFrom(text: string, start: number, end: number): string {
  const word = /(?<=^|\s)(\p{L}[\p{L}.]*)\s+$/u.exec(text.slice(Math.max(0, start - 30), start));
  if (word?.[1] && TITLE_WORDS.has(compact(word[1]))) return `${word[1]} ${text.slice(start, end)}`;
  return text.slice(start, end);
}

/** A handle as stored ("@AminaD", "amina.bsky.social"), without its `@`. */
export const bareHandle = (handle: string) => handle.trim().replace(/^[@＠]/, "");

/**
 * Whether the text tags `@handle` (any case): not inside an e-mail address or a longer handle
 * ("@aes" is not "@aesummit"; a sentence's closing full stop is fine).
 */
export function tags(text: string, handle: string): boolean {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_.@＠])[@＠]${escapeRegExp(handle)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}_])`,
    "iu",
  );
  return pattern.test(text.normalize("NFKC"));
}

/** One edit (a letter changed, added or dropped, or two neighbours swapped) apart, and not equal. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(i) === longer.slice(i + 1);
}

/** A word of the text: folded, without a possessive `'s`, with where it stands in the original. */
export interface TextWord {
  folded: string;
  start: number;
  end: number;
  capitalised: boolean;
}

/** The text's words (letters and digits, joined by an apostrophe or hyphen), in order. */
export function wordsOf(text: string): TextWord[] {
  const { folded, offsets } = foldWithOffsets(text);
  return Array.from(folded.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu), (m) => {
    const word = m[0].replace(/['’]s$/u, "");
    const start = offsets[m.index] ?? 0;
    return {
      folded: word,
      start,
      end: offsets[m.index + word.length] ?? text.length,
      capitalised: /^\p{Lu}/u.test(text.slice(start, start + 2)),
    };
  });
}

/** A name as the words the text would have to show: "Amina  Diallo" is `amina`, `diallo`. */
export const nameWords = (name: string) => fold(name).split(/\s+/).filter(Boolean);

/** Only spaces between two words (a name runs on; a comma or full stop ends it). */
export const adjacent = (text: string, a: TextWord, b: TextWord) => /^\s+$/u.test(text.slice(a.end, b.start));
