/**
 * Links, hashtags and @-mentions in a text, found the way the platforms find them: used on the way
 * out (platform rules, what an adapter is told to tag) and on the way back (what an inbound item
 * mentions), so both read a text alike.
 */
const GENERIC_TLDS =
  "com|net|org|info|biz|edu|gov|int|mil|io|dev|app|xyz|online|site|tech|store|blog|news|media|events|africa|global|world|live|social";
/**
 * URLs as X and Threads find them, simplified from twitter-text's extractor: with a scheme, or a bare
 * domain under a generic TLD, or a bare domain under a two-letter country TLD followed by a path
 * (twitter-text does not link `example.ke` alone). Trailing punctuation is not part of the URL.
 */
export const URL_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@.])(?:https?:\/\/[^\s<>"]+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:(?:${GENERIC_TLDS})\b(?:[/?#][^\s<>"]*)?|[a-z]{2}\/[^\s<>"]*))`,
  "giu",
);
export const TRAILING_PUNCTUATION = /[.,;:!?'")\]}]+$/;

export function extractUrls(text: string): string[] {
  return Array.from(text.matchAll(URL_PATTERN), (m) => m[0].replace(TRAILING_PUNCTUATION, "")).filter(
    (url) => url.length > 0,
  );
}

/** Hashtags without their `#`: a letter, digit or `_` run that is not only digits. */
export function extractHashtags(text: string): string[] {
  return Array.from(
    text.matchAll(/(?<![\p{L}\p{N}_&#])[#＃]([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu),
    (m) => m[1] ?? "",
  );
}

/** @-mentions without their `@` (an email address is not one). */
export function extractMentions(text: string): string[] {
  return Array.from(
    text.matchAll(/(?<![\p{L}\p{N}_.@])[@＠]([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/gu),
    (m) => m[1] ?? "",
  );
}
