/**
 * The wall's filters, as pure functions of an item and the event's settings. The profanity filter is
 * obscenity's English set (with its transformers: leetspeak, confusable and repeated letters) plus
 * short lists of the strongest words in French, Spanish, Portuguese, German and Swahili, the
 * languages of the events Guddu serves; organisers add their own words as `blocked_words`. Floods of
 * identical text and trusted authors (the organisation's accounts, the event's delegates) need the
 * database and are judged in SQL (moderate.ts).
 */
import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
} from "obscenity";
import type { AuthorRef, WallFilters } from "../../db/schema/event-widgets.ts";
import type { Platform } from "../../db/schema/index.ts";

/** `|` marks a word boundary (obscenity's pattern syntax): `|fick` matches "ficken" too. */
const OTHER_LANGUAGES: Record<string, readonly string[]> = {
  fr: [
    "|merde|",
    "|putain|",
    "|connard|",
    "|connasse|",
    "|salope|",
    "|encule",
    "|nique ta|",
    "|pute|",
    "|batard|",
  ],
  es: [
    "|mierda|",
    "|puta|",
    "|puto|",
    "|cabron|",
    "|cono|",
    "|gilipollas|",
    "|pendejo|",
    "|joder|",
    "|chingad",
  ],
  pt: ["|merda|", "|porra|", "|caralho|", "|foda-se|", "|foder|", "|buceta|", "|arrombad", "|cuzao|"],
  de: ["|scheisse|", "|scheiss", "|arschloch|", "|fotze|", "|wichser|", "|hurensohn|", "|fick", "|schlampe|"],
  sw: ["|malaya|", "|kuma|", "|mkundu|", "|msenge|", "|kumamako|"],
};

let matcher: RegExpMatcher | undefined;

/** Built once per isolate (compiling the patterns costs a few milliseconds). */
function profanityMatcher(): RegExpMatcher {
  if (!matcher) {
    const dataset = new DataSet<{ originalWord?: string; language?: string }>().addAll(englishDataset);
    for (const [language, words] of Object.entries(OTHER_LANGUAGES)) {
      for (const word of words) {
        dataset.addPhrase((phrase) => phrase.setMetadata({ language }).addPattern(parseRawPattern(word)));
      }
    }
    matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });
  }
  return matcher;
}

/** Accents off, so "cabrón" meets "cabron" and "scheiße" meets "scheisse". */
function folded(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/ß/g, "ss").toLowerCase();
}

export function isProfane(text: string): boolean {
  return profanityMatcher().hasMatch(folded(text));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A blocked word or phrase found as whole words, any case, accents ignored. */
export function blockedWordIn(text: string, words: readonly string[]): string | null {
  const haystack = folded(text);
  for (const word of words) {
    const needle = folded(word.trim());
    if (!needle) continue;
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "u").test(haystack)) {
      return word;
    }
  }
  return null;
}

/** Handles compare without the @ and without case. */
export const normalHandle = (handle: string) => handle.trim().replace(/^@/, "").toLowerCase();

const names = (authors: readonly AuthorRef[], platform: Platform, handle: string) =>
  authors.some((a) => a.platform === platform && normalHandle(a.handle) === normalHandle(handle));

export interface WallCandidate {
  platform: Platform;
  authorHandle: string | null;
  authorFollowers: number | null;
  authorCreatedAt: Date | null;
  text: string | null;
}

/** What the filters that need no database say of an item. */
export interface WallJudgement {
  /** A blocked author: hidden. */
  blocked: boolean;
  /** A listed allowed author: shown whatever else is said. */
  allowed: boolean;
  /** Why it must wait for a moderator, if it must: `profanity`, `blocked_word`, `few_followers`, `new_account`. */
  hold: "profanity" | "blocked_word" | "few_followers" | "new_account" | null;
}

const DAY_MS = 86_400_000;

export function judgeWallCandidate(item: WallCandidate, filters: WallFilters, now: Date): WallJudgement {
  const handle = item.authorHandle;
  const blocked = handle !== null && names(filters.blocked_authors, item.platform, handle);
  const allowed = handle !== null && names(filters.allowed_authors, item.platform, handle);
  const text = item.text ?? "";
  const hold =
    filters.profanity && text && isProfane(text)
      ? "profanity"
      : text && blockedWordIn(text, filters.blocked_words)
        ? "blocked_word"
        : filters.min_followers !== null &&
            item.authorFollowers !== null &&
            item.authorFollowers < filters.min_followers
          ? "few_followers"
          : // Settings saved before this filter existed have no such field.
            (filters.min_account_age_days ?? null) !== null &&
              item.authorCreatedAt !== null &&
              now.getTime() - item.authorCreatedAt.getTime() < (filters.min_account_age_days ?? 0) * DAY_MS
            ? "new_account"
            : null;
  return { blocked, allowed, hold };
}
