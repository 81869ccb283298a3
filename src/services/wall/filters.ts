/**
 * The wall's filters, as pure functions of an item and the event's settings. The profanity filter
 * (profanity.ts) is our English list plus French, Spanish, Portuguese, German and Swahili, the
 * languages of the events Guddu serves, seen through accents, leetspeak, look-alike and repeated
 * letters; organisers add their own words as `blocked_words`. Floods of identical text and trusted
 * authors (the organisation's accounts, the event's delegates) need the database and are judged in SQL
 * (moderate.ts).
 */
import type { AuthorRef, WallFilters } from "../../db/schema/event-widgets.ts";
import type { Platform } from "../../db/schema/index.ts";
import { folded, isProfane } from "./profanity.ts";

export { isProfane };

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
