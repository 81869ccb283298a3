/**
 * What an erasure cuts out of free text: the person's names, addresses and handles ("terms"), as one
 * case-insensitive pattern for PostgreSQL (the tables) and one for JavaScript (archives in R2). A term
 * matches as a whole word (a handle with or without its @), so erasing `@amina` leaves `@aminata`.
 */

/** What a name, address or handle becomes wherever it stood. */
export const REMOVED = "[removed]";

/** Shorter names are not cut out of other people's text: too many words would go with them. */
const MIN_NAME_LENGTH = 3;

const clean = (value: string | null | undefined) => (value ?? "").trim().replace(/\s+/g, " ");

/** A name's forms as text writes them: "Amina Odhiambo", "Odhiambo, Amina", "Dr Odhiambo". */
export function nameTerms(person: {
  title?: string | null;
  first: string | null;
  last: string | null;
}): string[] {
  const title = clean(person.title);
  const first = clean(person.first);
  const last = clean(person.last);
  const forms =
    first && last
      ? [`${first} ${last}`, `${last}, ${first}`, ...(title ? [`${title} ${last}`] : [])]
      : [first || last];
  return forms.filter((form) => form.length >= MIN_NAME_LENGTH);
}

/** A handle as a term: `@` first, so the patterns take it with or without. */
export const handleTerm = (handle: string) => `@${normalHandle(handle)}`;

export const normalHandle = (handle: string) => handle.trim().replace(/^@/, "").toLowerCase();

/** Distinct, non-empty, longest first (so "Dr Odhiambo" goes before a shorter form inside it). */
export function distinctTerms(terms: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const term of terms.map(clean)) {
    if (term.length > 0 && term !== "@" && !seen.has(term.toLowerCase())) seen.set(term.toLowerCase(), term);
  }
  return [...seen.values()].sort((a, b) => b.length - a.length);
}

/** The characters both regex dialects treat as syntax; every other character stands for itself. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const WORD = /[\p{L}\p{N}_]/u;

/** The term as JSON writes it inside a string (quotes and backslashes escaped), when that differs. */
function spellings(term: string): string[] {
  const json = JSON.stringify(term).slice(1, -1);
  return json === term ? [term] : [term, json];
}

function alternative(term: string, dialect: "postgres" | "javascript"): string {
  const handle = term.startsWith("@");
  const body = handle ? term.slice(1) : term;
  // Between a name's words: spaces, or what joins them in an address or a hashtag ("amina.odhiambo", "#AminaOdhiambo").
  const escaped = body.replace(SYNTAX, (c) => `\\${c}`).replace(/ /g, "[\\s._-]*");
  const [start, end] =
    dialect === "postgres" ? ["\\m", "\\M"] : ["(?<![\\p{L}\\p{N}_])", "(?![\\p{L}\\p{N}_])"];
  const before = WORD.test(body.charAt(0)) ? start : "";
  const after = WORD.test(body.charAt(body.length - 1)) ? end : "";
  return `${handle ? "@?" : ""}${before}${escaped}${after}`;
}

/** A PostgreSQL ARE for `~*` and `regexp_replace(…, 'gi')`; null when there is nothing to look for. */
export function postgresPattern(terms: readonly string[]): string | null {
  const parts = terms.flatMap(spellings).map((term) => alternative(term, "postgres"));
  return parts.length > 0 ? parts.join("|") : null;
}

/** The same pattern for JavaScript (global, case-insensitive, Unicode); null when there are no terms. */
export function javascriptPattern(terms: readonly string[]): RegExp | null {
  const parts = terms.flatMap(spellings).map((term) => alternative(term, "javascript"));
  return parts.length > 0 ? new RegExp(parts.join("|"), "giu") : null;
}
