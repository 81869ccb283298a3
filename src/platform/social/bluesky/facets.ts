/**
 * Rich text: the links, @mentions and #tags of a post's text as facets, whose indexes are UTF-8 byte
 * offsets (docs/platform-contracts.md, Bluesky › Publishing). A URL without a facet is not clickable.
 */
import { type Json, str } from "../http.ts";
import { PlatformError } from "../types.ts";
import { type Pds, xrpc } from "./xrpc.ts";

interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: Json[];
}

/** A facet before mentions are resolved: a `handle` still needs its DID. */
type Span = { start: number; end: number } & ({ feature: Json } | { handle: string });

/** The lexicon's tag limit (64 graphemes); like Bluesky's own client we count UTF-16 units. */
const MAX_TAG_LENGTH = 64;
const URL_PATTERN = /(^|[\s(])(https?:\/\/\S+)/g;
const MENTION_PATTERN = /(^|[\s(])@([a-zA-Z0-9.-]+)\b/g;
const HANDLE = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
/** What ends a tag: space, soft hyphen, word joiner, zero-width spaces and joiners, U+20E2. */
const TAG_END = "\\s\\u00ad\\u2060\\u200a-\\u200d\\u20e2";
/**
 * `#` and a tag with at least one character that is not a digit or punctuation (`#1` is no tag); not
 * `#` followed by U+FE0F (the keycap emoji).
 */
const TAG_PATTERN = new RegExp(
  `(^|\\s)[#＃]((?!\\ufe0f)[^${TAG_END}]*[^\\d\\p{P}${TAG_END}][^${TAG_END}]*)`,
  "gu",
);

/** A URL as written, without the punctuation that ends its sentence or an unbalanced closing bracket. */
function trimUrl(url: string): string {
  let trimmed = url;
  for (;;) {
    if (/[.,;:!?'"]$/.test(trimmed)) trimmed = trimmed.slice(0, -1);
    else if (trimmed.endsWith(")") && !trimmed.includes("(")) trimmed = trimmed.slice(0, -1);
    else return trimmed;
  }
}

/** Links, @mentions and #tags in `text`, as UTF-16 spans (mentions not resolved yet), never overlapping. */
export function findRichText(text: string): Span[] {
  const spans: Span[] = [];
  const add = (span: Span) => {
    if (spans.every((other) => span.end <= other.start || span.start >= other.end)) spans.push(span);
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index + (match[1]?.length ?? 0);
    const uri = trimUrl(match[2] ?? "");
    if (!URL.canParse(uri)) continue;
    add({ start, end: start + uri.length, feature: { $type: "app.bsky.richtext.facet#link", uri } });
  }
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const handle = match[2] ?? "";
    if (!HANDLE.test(handle) || handle.length > 253) continue;
    const start = match.index + (match[1]?.length ?? 0);
    add({ start, end: start + 1 + handle.length, handle: handle.toLowerCase() });
  }
  for (const match of text.matchAll(TAG_PATTERN)) {
    const tag = (match[2] ?? "").replace(/\p{P}+$/u, "");
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) continue;
    const start = match.index + (match[1]?.length ?? 0);
    add({ start, end: start + 1 + tag.length, feature: { $type: "app.bsky.richtext.facet#tag", tag } });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const utf8 = new TextEncoder();
/** "✨" is one UTF-16 unit and 3 bytes. */
const byteOffset = (text: string, index: number) => utf8.encode(text.slice(0, index)).length;

/** Facets for the links, mentions and tags of `text`; a handle nobody has stays plain text. */
async function facetsFor(pds: Pds, text: string): Promise<Facet[]> {
  const spans = findRichText(text);
  const handles = [...new Set(spans.flatMap((span) => ("handle" in span ? [span.handle] : [])))];
  const dids = new Map<string, string>();
  for (const handle of handles) {
    try {
      const body = await xrpc(pds, "com.atproto.identity.resolveHandle", "read", { query: { handle } });
      const did = str(body.did);
      if (did) dids.set(handle, did);
    } catch (error) {
      // 400 HandleNotFound / InvalidRequest: no such account. Anything else (5xx, timeout) is retried.
      if (!(error instanceof PlatformError && error.status === 400)) throw error;
    }
  }
  const facets: Facet[] = [];
  for (const span of spans) {
    const did = "handle" in span ? dids.get(span.handle) : undefined;
    if ("handle" in span && !did) continue;
    facets.push({
      index: { byteStart: byteOffset(text, span.start), byteEnd: byteOffset(text, span.end) },
      features: ["feature" in span ? span.feature : { $type: "app.bsky.richtext.facet#mention", did }],
    });
  }
  return facets;
}

/** `{facets}` to spread into a record, or nothing when the text has no rich text. */
export async function facetsPart(pds: Pds, text: string): Promise<{ facets?: Facet[] }> {
  const facets = await facetsFor(pds, text);
  return facets.length > 0 ? { facets } : {};
}
