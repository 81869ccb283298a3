/**
 * What a post names: hashtags, @-mentions, the event's delegates (by handle or full name) and
 * organisations. Delegates are matched case- and accent-insensitively ("Zoe Okafor" is Zoë Okafor);
 * an organisation is a run of capitalised words with an organisation word in it ("African Development
 * Bank", "Ministry of Health"), or an all-caps acronym that is not a common word ("ECOWAS"). The
 * words that tell are in the word asset (asset.ts, built from data/word-lists.ts).
 */
import { isListedWord, type LanguageLists } from "./language.ts";
import type { DelegateRef, Entity } from "./types.ts";

/** The words organisations are recognised by, as the word asset gives them. */
export interface NameLists {
  /** Words that make a run of capitalised words an organisation, wherever they stand in it. */
  organisationWords: ReadonlySet<string>;
  /** Prepositions that carry a name on past its organisation word: "Bank of Ghana". */
  prepositions: ReadonlySet<string>;
  /** Small words allowed inside a run when a capitalised word follows (the prepositions, "and" …). */
  connectors: ReadonlySet<string>;
  /** Capitalised only because a sentence starts with them: not part of the name that follows. */
  sentenceOpeners: ReadonlySet<string>;
  /** All-caps words that are not organisations (shouting, chat abbreviations, units, titles). */
  notAcronyms: ReadonlySet<string>;
}

/** What findEntities reads of the word asset. */
export interface EntityLists {
  names: NameLists;
  languages: LanguageLists;
}

/** An entity and where it is in the text, so scoring can leave names out. */
export interface EntitySpan {
  entity: Entity;
  start: number;
  end: number;
}

/** Hashtags and mentions as the platforms find them (src/platform/text-entities.ts), with offsets. */
const HASHTAG = /(?<![\p{L}\p{N}_&#])[#＃][\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/gu;
const MENTION = /(?<![\p{L}\p{N}_.@])[@＠][A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?/gu;
const URL = /https?:\/\/[^\s<>"]+|www\.[^\s<>"]+/gu;

const ACRONYM = /(?<![\p{L}\p{N}_#＃@＠&'’.-])\p{Lu}{2,6}(?![\p{L}\p{N}_&'’-])/gu;
const CAPITALISED_WORD = /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u;
const NAME_WORD = /[\p{L}\p{M}\p{N}&][\p{L}\p{M}\p{N}'’&.-]*/gu;

/**
 * The text case-folded and without accents, with, for every code unit of the folded text, the offset
 * of the character it came from: a match in the folded text maps back to the words as written.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = "";
  const offsets: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = fold(char);
    folded += piece;
    for (let i = 0; i < piece.length; i++) offsets.push(offset);
    offset += char.length;
  }
  offsets.push(offset);
  return { folded, offsets };
}

/** Lower case without accents or compatibility forms: `Zoë`, `zoe` and a full-width `Ｚｏｅ` compare equal. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A delegate handle without its `@`, folded. */
function normaliseHandle(handle: string): string {
  return fold(handle.trim().replace(/^[@＠]/, ""));
}

/** Handles that are plain words ("kwame") are matched only with their `@`: bare, they are words. */
function matchesBare(handle: string): boolean {
  return /[^a-z]/.test(handle);
}

function matchAllSpans(pattern: RegExp, text: string): { text: string; start: number; end: number }[] {
  return Array.from(text.matchAll(pattern), (m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function delegateByHandle(delegates: readonly DelegateRef[]): Map<string, DelegateRef> {
  const byHandle = new Map<string, DelegateRef>();
  for (const delegate of delegates) {
    for (const handle of delegate.handles) {
      const key = normaliseHandle(handle);
      if (key && !byHandle.has(key)) byHandle.set(key, delegate);
    }
  }
  return byHandle;
}

/** @-mentions: a delegate's handle makes the mention a person, any other stays a mention. */
function mentionSpans(text: string, byHandle: ReadonlyMap<string, DelegateRef>): EntitySpan[] {
  return matchAllSpans(MENTION, text).map(({ text: written, start, end }) => {
    const delegate = byHandle.get(normaliseHandle(written));
    const entity: Entity = delegate
      ? { text: written, type: "person", id: delegate.id }
      : { text: written, type: "mention" };
    return { entity, start, end };
  });
}

/** Occurrences of `needle` (folded) in the folded text as whole words, mapped to the original. */
function wholeWordSpans(
  text: string,
  folded: { folded: string; offsets: number[] },
  needle: string,
): { start: number; end: number }[] {
  const words = needle.split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_@＠.])${words.join("\\s+")}(?![\\p{L}\\p{N}_])`, "gu");
  return Array.from(folded.folded.matchAll(pattern), (m) => ({
    start: folded.offsets[m.index] ?? 0,
    end: folded.offsets[m.index + m[0].length] ?? text.length,
  }));
}

/** Delegates by full name, and by a handle written without its `@`. */
function delegateSpans(text: string, delegates: readonly DelegateRef[]): EntitySpan[] {
  const folded = foldWithOffsets(text);
  const spans: EntitySpan[] = [];
  for (const delegate of delegates) {
    const needles = [fold(delegate.name), ...delegate.handles.map(normaliseHandle).filter(matchesBare)];
    for (const needle of needles) {
      for (const { start, end } of wholeWordSpans(text, folded, needle)) {
        spans.push({ entity: { text: text.slice(start, end), type: "person", id: delegate.id }, start, end });
      }
    }
  }
  return spans;
}

function hashtagSpans(text: string): EntitySpan[] {
  return matchAllSpans(HASHTAG, text).map(({ text: written, start, end }) => ({
    entity: { text: written, type: "hashtag" },
    start,
    end,
  }));
}

interface NameWord {
  text: string;
  start: number;
  end: number;
}

/** Words of the text outside hashtags, mentions and links, without a trailing full stop or "'s". */
function nameWords(text: string): NameWord[] {
  const masked = text
    .replace(HASHTAG, (m) => " ".repeat(m.length))
    .replace(MENTION, (m) => " ".repeat(m.length))
    .replace(URL, (m) => " ".repeat(m.length));
  return matchAllSpans(NAME_WORD, masked).map((w) => {
    const trimmed = w.text.replace(/['’]s$/u, "").replace(/[.'’-]+$/, "");
    return { text: trimmed, start: w.start, end: w.start + trimmed.length };
  });
}

/** Runs of capitalised words, joined by connectors, with nothing but spaces between them. */
function capitalisedRuns(text: string, words: readonly NameWord[], names: NameLists): NameWord[][] {
  const runs: NameWord[][] = [];
  let run: NameWord[] = [];
  const close = () => {
    while (run.length > 0 && !CAPITALISED_WORD.test(run.at(-1)?.text ?? "")) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const word of words) {
    const previous = run.at(-1);
    const adjacent = previous !== undefined && /^[ \t\u00a0]+$/.test(text.slice(previous.end, word.start));
    if (!adjacent) close();
    if (CAPITALISED_WORD.test(word.text)) run.push(word);
    else if (run.length > 0 && names.connectors.has(word.text.toLowerCase())) run.push(word);
    else close();
  }
  close();
  return runs;
}

/** A sentence opener, or a function word of any language ("The", "La"). */
function isOpener(word: string, lists: EntityLists): boolean {
  const lower = word.toLowerCase();
  if (lists.names.sentenceOpeners.has(lower)) return true;
  for (const words of lists.languages.functionWords.values()) if (words.has(lower)) return true;
  return false;
}

function organisationSpan(text: string, run: readonly NameWord[], first: number, last: number) {
  if (last - first < 1) return undefined;
  const start = run[first]?.start ?? 0;
  const end = run[last]?.end ?? start;
  return { entity: { text: text.slice(start, end), type: "organization" as const }, start, end };
}

/**
 * The organisations in a run. One starts at the first word that is not a sentence opener or a
 * connector, and ends at an organisation word ("African Development Bank"), or at the end of the run
 * when a preposition follows that word ("Ministry of Trade and Industry") or the name starts with it
 * ("Banque Africaine de Développement"); "and" or "the" right after an organisation word starts the
 * next ("Acme Ltd and the Summit Group"). One word alone is none.
 */
function organisationsInRun(text: string, run: readonly NameWord[], lists: EntityLists): EntitySpan[] {
  const { names } = lists;
  const isOrganisationWord = (word: NameWord | undefined) => names.organisationWords.has(word?.text ?? "");
  const isPreposition = (word: NameWord | undefined) =>
    names.prepositions.has(word?.text.toLowerCase() ?? "");
  const found: EntitySpan[] = [];
  const skip = (from: number) => {
    let i = from;
    while (
      i < run.length &&
      (isOpener(run[i]?.text ?? "", lists) || names.connectors.has(run[i]?.text.toLowerCase() ?? ""))
    ) {
      i++;
    }
    return i;
  };
  let first = skip(0);
  let lastOrganisationWord = -1;
  let carriedOn = false;
  for (let i = first; i < run.length; i++) {
    if (!isOrganisationWord(run[i])) continue;
    lastOrganisationWord = i;
    carriedOn = isPreposition(run[i + 1]);
    const next = run[i + 1];
    if (next && !carriedOn && !CAPITALISED_WORD.test(next.text)) {
      const span = organisationSpan(text, run, first, i);
      if (span) found.push(span);
      first = skip(i + 1);
      i = first - 1;
      lastOrganisationWord = -1;
    }
  }
  if (lastOrganisationWord >= first) {
    // The organisation word first ("Université Cheikh Anta Diop"), or a preposition after it: the
    // name is the rest of the run.
    const leads = lastOrganisationWord === first;
    const span = organisationSpan(
      text,
      run,
      first,
      carriedOn || leads ? run.length - 1 : lastOrganisationWord,
    );
    if (span) found.push(span);
  }
  return found;
}

/**
 * Whether an all-caps word is a common word shouted rather than an acronym: a function or cue word
 * of English, or of the text's own language. Not of every language: "AU", "UN" and "EU" are words in
 * French or Portuguese and the African Union, the United Nations and the European Union in English.
 */
function isShoutedWord(word: string, language: string, languages: LanguageLists): boolean {
  const lower = word.toLowerCase();
  return isListedWord(languages, "en", lower) || isListedWord(languages, language, lower);
}

function organisationSpans(text: string, language: string, lists: EntityLists): EntitySpan[] {
  const words = nameWords(text);
  const named = capitalisedRuns(text, words, lists.names).flatMap((run) =>
    organisationsInRun(text, run, lists),
  );
  const acronyms = matchAllSpans(ACRONYM, text)
    .filter(({ text: written, start }) => !lists.names.notAcronyms.has(written) && !isInsideLink(text, start))
    .filter(({ text: written }) => !isShoutedWord(written, language, lists.languages))
    .map(({ text: written, start, end }) => ({
      entity: { text: written, type: "organization" as const },
      start,
      end,
    }));
  return [...named, ...acronyms];
}

/** Whether `offset` falls inside a link, a hashtag or a mention. */
function isInsideLink(text: string, offset: number): boolean {
  return [URL, HASHTAG, MENTION].some((pattern) =>
    matchAllSpans(pattern, text).some(({ start, end }) => start <= offset && offset < end),
  );
}

const overlaps = (a: EntitySpan, b: EntitySpan) => a.start < b.end && b.start < a.end;

/** One entity per delegate and per (type, folded text); a span inside an earlier one is dropped. */
function deduplicate(spans: readonly EntitySpan[]): EntitySpan[] {
  const kept: EntitySpan[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    if (
      kept.some(
        (k) => overlaps(k, span) && k.entity.type !== "hashtag" && span.entity.type === "organization",
      )
    ) {
      continue;
    }
    const key = span.entity.id ? `person:${span.entity.id}` : `${span.entity.type}:${fold(span.entity.text)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(span);
  }
  return kept;
}

/** @-mentions (of delegates or not), delegates by full name and by bare handle, in text order. */
function peopleSpans(text: string, delegates: readonly DelegateRef[]): EntitySpan[] {
  const byHandle = delegateByHandle(delegates);
  return [...mentionSpans(text, byHandle), ...delegateSpans(text, delegates)].sort(
    (a, b) => a.start - b.start,
  );
}

/**
 * Every place the text names a delegate (by @handle, full name, or a handle written without its
 * `@`), in text order, each occurrence kept: what the protocol checks of content read.
 */
export function findDelegateMentions(text: string, delegates: readonly DelegateRef[]): EntitySpan[] {
  return peopleSpans(text, delegates).filter((span) => span.entity.type === "person");
}

/**
 * The text's entities with their offsets, in the order they appear. `language`: the text's
 * (language.ts), which tells a shouted word from an acronym; `und` if unknown.
 */
export function findEntities(
  text: string,
  delegates: readonly DelegateRef[],
  lists: EntityLists,
  language = "und",
): EntitySpan[] {
  const people = peopleSpans(text, delegates);
  // Names of people first, so an acronym or organisation inside a delegate's name is not kept too.
  const ordered = [...people, ...hashtagSpans(text), ...organisationSpans(text, language, lists)];
  const kept = deduplicate(ordered);
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function extractEntities(
  text: string,
  delegates: readonly DelegateRef[],
  lists: EntityLists,
  language = "und",
): Entity[] {
  return findEntities(text, delegates, lists, language).map((span) => span.entity);
}
