/** Request and response pieces shared by many resources: ids, times, time zones, hashtags, handles, ETags. */
import { z } from "@hono/zod-openapi";
import { PLATFORMS } from "../../db/schema/columns.ts";
import { ValidationError } from "../../errors.ts";

export const IdParams = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, example: "0d6f0f4e-0000-4000-8000-000000000010" }),
});

/** The token of a signed, expiring link (media for platforms, an export's download). */
export const SignedLinkParams = z.object({
  token: z
    .string()
    .min(1)
    .max(2048)
    .openapi({ param: { name: "token", in: "path" }, description: "The signed link token" }),
});

/** ISO 8601 with an offset or Z; answered in UTC. */
export const DateTimeSchema = z.iso
  .datetime({ offset: true })
  .openapi({ example: "2027-03-10T08:00:00+03:00" });

export const PlatformSchema = z.enum(PLATFORMS);

/**
 * A list's `from`/`to` query bounds as dates, refused when `to` is before `from` (checked here: a
 * refined query schema loses the route's types).
 */
export function timeRange(query: { from?: string | undefined; to?: string | undefined }) {
  const { from, to } = query;
  if (from && to && Date.parse(from) > Date.parse(to)) {
    throw new ValidationError([
      { path: "query.to", message: "`to` must not be before `from`.", code: "invalid_range" },
    ]);
  }
  return { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
}

/**
 * A list that names each item at most once, `min`..`max` items; a repeat is a 400 naming its index.
 * The document says so with `uniqueItems`.
 */
export function SetOf<T extends z.ZodType>(item: T, max: number, min = 0) {
  return z
    .array(item)
    .min(min)
    .max(max)
    .superRefine((items, ctx) => {
      for (const [index, value] of items.entries()) {
        if (items.indexOf(value) !== index)
          ctx.addIssue({ code: "custom", path: [index], message: `${String(value)} is listed twice` });
      }
    })
    .openapi({ uniqueItems: true });
}

/** A set of platforms: each at most once. */
export const TargetPlatformsSchema = SetOf(PlatformSchema, PLATFORMS.length).openapi({
  example: ["x", "linkedin", "bluesky"],
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

export const TimezoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, "an IANA time zone such as Africa/Nairobi")
  .openapi({ description: "An IANA time zone (Area/Location, or UTC)", example: "Africa/Nairobi" });

const HASHTAG = /^#[\p{L}\p{N}_]{1,99}$/u;

/**
 * Hashtags as people type them, normalised: one leading `#`, no spaces, duplicates (compared
 * case-insensitively) dropped, the first spelling kept.
 */
export const HashtagsSchema = z
  .array(z.string().max(101))
  .max(30)
  .transform((tags, ctx) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const [index, raw] of tags.entries()) {
      const tag = `#${raw.trim().replace(/^#+/, "")}`;
      if (!HASHTAG.test(tag)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `"${raw}" is not a hashtag (letters, digits, _)`,
        });
        continue;
      }
      const folded = tag.toLocaleLowerCase("en");
      if (!seen.has(folded)) {
        seen.add(folded);
        out.push(tag);
      }
    }
    return out;
  })
  .openapi({
    description:
      "Hashtags of letters, digits and _ (up to 99), with or without the #; answered with one # each and repeats (any case) dropped",
    example: ["#AES2027", "EnergyTransition"],
  });

const HANDLE_RULES: Record<(typeof PLATFORMS)[number], RegExp> = {
  x: /^@?[A-Za-z0-9_]{1,15}$/,
  threads: /^@?[A-Za-z0-9_.]{1,30}$/,
  instagram: /^@?[A-Za-z0-9_.]{1,30}$/,
  bluesky: /^@?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$/,
  facebook: /^[A-Za-z0-9.\-_]{1,100}$/,
  linkedin: /^[A-Za-z0-9\-_]{1,100}$/,
};

/** The account name per platform, checked against each platform's own rules. */
export const SocialHandlesSchema = z
  .strictObject(
    Object.fromEntries(
      PLATFORMS.map((p) => [p, z.string().regex(HANDLE_RULES[p], `not a valid ${p} handle`).optional()]),
    ) as Record<(typeof PLATFORMS)[number], z.ZodOptional<z.ZodString>>,
  )
  .openapi({ example: { x: "@AESummit", bluesky: "aesummit.bsky.social" } });

export const IfMatchHeader = z.object({
  "if-match": z.string().optional().openapi({ description: "The ETag you read; a stale one is 412" }),
});

/** A JSON response of one row with its ETag, which a later PATCH sends back as If-Match. */
export function withEtag<S extends z.ZodType>(
  schema: S,
  description: string,
  etag = "Send as If-Match to update",
) {
  return {
    description,
    headers: { ETag: { schema: { type: "string" as const }, description: etag } },
    content: { "application/json": { schema } },
  };
}
