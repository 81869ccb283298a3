/** The dashboard's wire shape (services/analytics/dashboard.ts builds it). */
import { z } from "@hono/zod-openapi";
import { ANALYTICS_SCOPES, BUCKETS, METRICS } from "../../../services/analytics/dashboard.ts";
import { KPI_COUNTS } from "../../../services/campaigns/campaigns.ts";
import { PlatformSchema } from "../common.ts";

const count = (description: string) => z.number().nullable().openapi({ description });

const FIGURE_DESCRIPTIONS: Record<(typeof METRICS)[number], string> = {
  impressions:
    "Views as the platform counts them (Instagram/Threads `views`, Facebook `post_media_view`, X and LinkedIn impressions); null where the platform gives none (Bluesky)",
  reach: "Accounts reached, summed per post (an account reached by two posts counts twice)",
  likes: "Likes and reactions",
  comments: "Replies and comments",
  shares: "Reposts, quotes and shares",
  saves: "Saves and bookmarks",
  clicks: "Link clicks",
};

export const FiguresFields = {
  ...(Object.fromEntries(METRICS.map((m) => [m, count(FIGURE_DESCRIPTIONS[m])])) as Record<
    (typeof METRICS)[number],
    ReturnType<typeof count>
  >),
  interactions: count("likes + comments + shares + saves + clicks, of those the platforms give"),
  engagement_rate: count(
    "interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%); null without impressions",
  ),
};

const KpiSchema = z
  .object({
    metric: z.enum([...KPI_COUNTS, "engagement_rate"]),
    target: z.number(),
    value: z
      .number()
      .nullable()
      .openapi({ description: "Now; null for what is not measured (followers_gained)" }),
    percent: z.number().nullable().openapi({ description: "value ÷ target × 100" }),
    projected: z.number().nullable().openapi({
      description:
        "At the end date at this pace (counts grow linearly from the start date; a rate stays as it is); the value once the campaign has ended",
    }),
    on_track: z.boolean().nullable(),
  })
  .openapi("KpiProgress");

export const DashboardSchema = z
  .object({
    scope: z.object({ type: z.enum(ANALYTICS_SCOPES), id: z.uuid().nullable() }),
    time_zone: z.string().openapi({ example: "Africa/Nairobi" }),
    bucket: z.enum(BUCKETS),
    posts: z.number().int().openapi({ description: "Published posts in the scope" }),
    totals: z.object(FiguresFields).openapi({ description: "Each post's latest measurement, summed" }),
    series: z
      .array(z.object({ bucket_start: z.iso.datetime(), ...FiguresFields }))
      .openapi({ description: "What the posts gained in each bucket that has measurements, oldest first" }),
    platforms: z.array(z.object({ platform: PlatformSchema, posts: z.number().int(), ...FiguresFields })),
    top_posts: z.array(
      z.object({
        published_post_id: z.uuid(),
        content_id: z.uuid(),
        platform: PlatformSchema,
        url: z.string().nullable(),
        published_at: z.iso.datetime(),
        caption: z.string().nullable(),
        ...FiguresFields,
      }),
    ),
    kpis: z
      .array(KpiSchema)
      .optional()
      .openapi({ description: "Campaigns only: progress against `kpi_targets`" }),
    generated_at: z.iso.datetime(),
  })
  .openapi("Dashboard");

const share = (description: string) => z.number().nullable().openapi({ description });

export const IntelligenceSchema = z
  .object({
    event_id: z.uuid(),
    time_zone: z.string(),
    bucket: z.enum(["hour", "day"]),
    totals: z.object({
      items: z.number().int(),
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
      unknown: z.number().int().openapi({ description: "In a language the analyser cannot judge" }),
      mean_score: share("Mean score of the judged items, in [-1, 1]"),
    }),
    timeline: z.array(
      z.object({
        bucket_start: z.iso.datetime(),
        positive: z.number().int(),
        neutral: z.number().int(),
        negative: z.number().int(),
        unknown: z.number().int(),
        mean_score: share("In [-1, 1]"),
        negative_share: share("Negative ÷ judged (positive, neutral, negative)"),
      }),
    ),
    alerts: z.array(
      z.object({
        window_start: z.iso.datetime(),
        items: z.number().int(),
        negative_share: share("At the alert"),
      }),
    ),
    hashtags: z.array(
      z.object({
        hashtag: z.string(),
        items: z.number().int(),
        authors: z.number().int(),
        new_or_small_share: share("Items from brand-new or small accounts ÷ items"),
        flooded_items: z.number().int(),
        floods: z.array(z.object({ text: z.string(), accounts: z.number().int() })),
        recent_negative_share: share("In the last hours"),
        earlier_negative_share: share("Before them, in the range"),
        hijacked: z.boolean(),
      }),
    ),
    delegates: z.array(
      z.object({
        delegate_id: z.uuid(),
        name: z.string(),
        mentions: z.number().int(),
        mean_score: share("In [-1, 1]"),
        negative_share: share("Negative ÷ judged"),
      }),
    ),
    generated_at: z.iso.datetime(),
  })
  .openapi("EventIntelligence");
