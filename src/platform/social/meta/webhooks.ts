/**
 * What Facebook Page and Instagram webhooks share: `{object, entry: [{id, time, changes: [{field,
 * value}]}]}`, batched (several entries, several changes each) and delivered at least once, in any
 * order. The Graph's times and dates, and the tags of a text, are read here for Threads too.
 */
import { z } from "zod";
import { extractHashtags, extractMentions } from "../../text-entities.ts";
import type { InboundAuthor, InboundContent } from "../inbound.ts";

/** Graph ids are strings, but a few fields have been seen as numbers. */
export const graphId = z.union([z.string().min(1), z.number().transform(String)]);

const Envelope = z.looseObject({ object: z.string(), entry: z.array(z.unknown()) });
// Apps using Instagram Login get `field` and `value` on the entry itself instead of in `changes`.
const Entry = z.looseObject({
  id: graphId,
  time: z.unknown(),
  changes: z.array(z.unknown()).optional(),
  field: z.string().optional(),
  value: z.unknown().optional(),
});
const Change = z.looseObject({ field: z.string(), value: z.unknown() });

export interface MetaChange {
  /** The entry's id: the Page or Instagram account the change was delivered for. */
  recipient: string;
  /** The entry's time: when the change happened. */
  time: Date;
  field: string;
  value: unknown;
}

/** Every change of a delivery whose `object` is `object`; an entry without a usable time is skipped. */
export function metaChanges(payload: unknown, object: "page" | "instagram"): MetaChange[] {
  const envelope = Envelope.safeParse(payload);
  if (!envelope.success || envelope.data.object !== object) return [];
  return envelope.data.entry.flatMap((raw) => {
    const entry = Entry.safeParse(raw);
    const time = entry.success ? graphTime(entry.data.time) : null;
    if (!entry.success || !time) return [];
    const { id, changes, field, value } = entry.data;
    const listed = changes ?? (field === undefined ? [] : [{ field, value }]);
    return listed.flatMap((item) => {
      const change = Change.safeParse(item);
      return change.success ? [{ recipient: id, time, ...change.data }] : [];
    });
  });
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A Graph time: unix seconds (webhook `time`, Facebook `created_time`), milliseconds, or the Graph's
 * ISO form `2024-08-07T10:33:16+0000`, whose offset lacks the colon ISO 8601's extended form (the
 * only one `Date` must parse) has. Null when it is none of these.
 */
export function graphTime(value: unknown): Date | null {
  let ms: number;
  if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))) {
    const n = Number(value);
    // 1e11 seconds is the year 5138, 1e11 ms is 1973: no real time is ambiguous.
    ms = n >= 1e11 ? n : n * 1000;
  } else if (typeof value === "string" && ISO.test(value)) {
    ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  } else {
    return null;
  }
  const date = new Date(ms);
  return ms > 0 && !Number.isNaN(date.getTime()) ? date : null;
}

/** An author as Meta names one: an id, a username (Instagram, Threads) or a name (Facebook). */
export const metaAuthor = (
  id: string | null | undefined,
  handle: string | null | undefined,
  name: string | null | undefined,
): InboundAuthor => ({
  platformId: id ?? null,
  handle: handle ?? null,
  name: name ?? null,
  avatarUrl: null,
  followers: null,
  accountCreatedAt: null,
});

const lowerUnique = (values: string[]) => [...new Set(values.map((v) => v.toLowerCase()))];

/**
 * The tags of a text the platform sends without entities. `@handles` only where accounts have
 * handles (Instagram, Threads): a Facebook mention is a tagged name, never an @word.
 */
export function tagsOf(
  text: string | null | undefined,
  options: { handles: boolean },
): Pick<InboundContent, "mentionedHandles" | "hashtags"> {
  return {
    mentionedHandles: text && options.handles ? lowerUnique(extractMentions(text)) : [],
    hashtags: text ? lowerUnique(extractHashtags(text)) : [],
  };
}
