/**
 * Analytics: one dashboard per scope (the organisation, an event, a campaign, a piece of content, a
 * published post, a social account), read by services/analytics/dashboard.ts. Dashboards re-read
 * often, so each answer is kept at the edge for 5 minutes (the data model's cache time for metrics)
 * under the organisation and the exact URL: a repeat costs no database round trip.
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../../app-env.ts";
import {
  type AnalyticsScope,
  BUCKETS,
  type DashboardQuery,
  readDashboard,
} from "../../../services/analytics/dashboard.ts";
import {
  FLOOD_ACCOUNTS,
  HIJACK_HOURS,
  HIJACK_MIN_ITEMS,
  HIJACK_NEGATIVE_SHARE,
  NEW_ACCOUNT_DAYS,
  readEventIntelligence,
  SMALL_ACCOUNT_FOLLOWERS,
} from "../../../services/intelligence/event.ts";
import { ALERT_MIN_ITEMS, ALERT_NEGATIVE_SHARE } from "../../../services/sentiment/alerts.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams, PlatformSchema, TimezoneSchema, timeRange } from "../common.ts";
import { DashboardSchema, IntelligenceSchema } from "./schema.ts";

/** The data model: engagement metrics are cached for 5 minutes. */
export const ANALYTICS_CACHE_SECONDS = 300;
/** What people say moves faster than counts: a minute. */
export const INTELLIGENCE_CACHE_SECONDS = 60;
const CACHE_ORIGIN = "https://analytics-cache.guddu.invalid";

const DashboardQuerySchema = z.strictObject({
  bucket: z
    .enum(BUCKETS)
    .optional()
    .openapi({ description: "The series' bucket, in the scope's time zone (default `day`)" }),
  platform: PlatformSchema.optional().openapi({ description: "Only the posts on this platform" }),
  from: DateTimeSchema.optional().openapi({
    description: "The series starts here (default: the first post)",
  }),
  to: DateTimeSchema.optional().openapi({
    description: "The series ends, and the totals stand, here (default: now)",
  }),
  time_zone: TimezoneSchema.optional().openapi({
    description: "Buckets in this zone (default: the event's, for an event or what belongs to one; else UTC)",
  }),
  top: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .optional()
    .openapi({ description: "How many top posts (1–20, default 5)" }),
});

const DESCRIPTION = `Totals (each post's latest measurement, summed), a time series of what the posts gained per bucket, a breakdown per platform and the top posts by interactions. A count the platform does not give is null, never 0; \`interactions\` = likes + comments + shares + saves + clicks; \`engagement_rate\` = interactions ÷ impressions over the posts whose platform gives impressions (0.0512 = 5.12%), null when there are none. Answers are cached for ${ANALYTICS_CACHE_SECONDS / 60} minutes (\`x-guddu-cache: hit\`); read from the read replica when one is configured.`;

const responses = {
  200: {
    description: "The dashboard",
    content: { "application/json": { schema: DashboardSchema } },
  },
  ...errorResponses(400),
};

const scoped = (path: string, summary: string) =>
  authedRoute({
    method: "get",
    path,
    tags: ["Analytics"],
    summary,
    description: DESCRIPTION,
    permission: "analytics:read",
    request: { params: IdParams, query: DashboardQuerySchema },
    responses: { ...responses, ...errorResponses(404) },
  });

export const organizationAnalyticsRoute = authedRoute({
  method: "get",
  path: "/v1/analytics",
  tags: ["Analytics"],
  summary: "The organisation's dashboard (all posts, or one platform's)",
  description: DESCRIPTION,
  permission: "analytics:read",
  request: { query: DashboardQuerySchema },
  responses,
});
export const eventAnalyticsRoute = scoped("/v1/events/{id}/analytics", "An event's dashboard");
export const campaignAnalyticsRoute = scoped(
  "/v1/campaigns/{id}/analytics",
  "A campaign's dashboard, with its KPI progress",
);
export const contentAnalyticsRoute = scoped(
  "/v1/content/{id}/analytics",
  "A piece of content's dashboard (its posts on every account)",
);
export const postAnalyticsRoute = scoped(
  "/v1/published-posts/{id}/analytics",
  "One published post's figures over time",
);
export const accountAnalyticsRoute = scoped(
  "/v1/social-accounts/{id}/analytics",
  "A social account's dashboard",
);

type Query = z.infer<typeof DashboardQuerySchema>;

function dashboardQuery(scope: AnalyticsScope, id: string | undefined, query: Query): DashboardQuery {
  const { from, to } = timeRange(query);
  return {
    scope,
    ...(id ? { id } : {}),
    bucket: query.bucket ?? "day",
    ...(query.platform ? { platform: query.platform } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(query.time_zone ? { timeZone: query.time_zone } : {}),
    ...(query.top ? { top: query.top } : {}),
  };
}

/**
 * Answers from the edge cache when it holds this organisation's copy of this URL (no round trip),
 * else reads and keeps the copy for `seconds`.
 */
async function cachedRead(c: Context<AppEnv>, seconds: number, read: () => Promise<unknown>): Promise<never> {
  const tenant = c.get("tenant");
  const url = new URL(c.req.url);
  // An API key or a user limited to events sees only those events' rows (row-level security): their
  // answers are kept apart from the organisation-wide ones for the same URL.
  const scope = tenant.eventScope?.join(",") || (tenant.eventScope ? "none" : "all");
  const key = new Request(`${CACHE_ORIGIN}/${tenant.organizationId}/${scope}${url.pathname}${url.search}`);
  const cache = await caches.open("analytics");
  const headers = (status: "hit" | "miss") => ({
    "content-type": "application/json",
    "cache-control": `private, max-age=${seconds}`,
    "x-guddu-cache": status,
  });
  const cached = await cache.match(key);
  // The handler's typed answer is the schema's JSON; this is that JSON, already serialised.
  const answer = (body: BodyInit | null, status: "hit" | "miss") =>
    new Response(body, { status: 200, headers: headers(status) }) as never;
  if (cached) return answer(cached.body, "hit");
  const body = JSON.stringify(await read());
  c.executionCtx.waitUntil(
    cache.put(
      key,
      new Response(body, {
        headers: {
          "content-type": "application/json",
          "cache-control": `max-age=${ANALYTICS_CACHE_SECONDS}`,
        },
      }),
    ),
  );
  return answer(body, "miss");
}

const cachedDashboard = (c: Context<AppEnv>, query: DashboardQuery) =>
  cachedRead(c, ANALYTICS_CACHE_SECONDS, () => readDashboard(c.get("tenant"), query));

export const eventIntelligenceRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/intelligence",
  tags: ["Analytics"],
  summary:
    "What people say about an event: sentiment timeline, alerts, hashtag health, delegates talked about",
  description: `From the inbound items filed under the event and their sentiment. \`timeline\`: per bucket, the items judged positive, neutral, negative or unknown (a language the analyser cannot judge), their mean score in [-1, 1] and the negative share of the judged ones. \`alerts\`: the 15-minute windows in which at least ${ALERT_MIN_ITEMS} judged items were at least ${ALERT_NEGATIVE_SHARE * 100}% negative (the managers were notified once each). \`hashtags\`: each official hashtag's volume, authors, the share from brand-new (< ${NEW_ACCOUNT_DAYS} days) or small (< ${SMALL_ACCOUNT_FOLLOWERS} followers) accounts, floods (one text from ${FLOOD_ACCOUNTS}+ accounts) and \`hijacked\` (the last ${HIJACK_HOURS} hours at least ${HIJACK_MIN_ITEMS} judged items, ${HIJACK_NEGATIVE_SHARE * 100}%+ negative and at least twice the share before). \`delegates\`: the 10 most talked about. Default range: a month either side of the event. Cached ${INTELLIGENCE_CACHE_SECONDS} seconds.`,
  permission: "analytics:read",
  request: {
    params: IdParams,
    query: z.strictObject({
      bucket: z.enum(["hour", "day"]).optional().openapi({ description: "Default `hour`" }),
      from: DashboardQuerySchema.shape.from,
      to: DashboardQuerySchema.shape.to,
    }),
  },
  responses: {
    200: {
      description: "The event's intelligence",
      content: { "application/json": { schema: IntelligenceSchema } },
    },
    ...errorResponses(400, 404),
  },
});

export function registerAnalytics(app: OpenAPIHono<AppEnv>) {
  app.openapi(organizationAnalyticsRoute, (c) =>
    cachedDashboard(c, dashboardQuery("organization", undefined, c.req.valid("query"))),
  );
  app.openapi(eventIntelligenceRoute, (c) => {
    const query = c.req.valid("query");
    const { from, to } = timeRange(query);
    return cachedRead(c, INTELLIGENCE_CACHE_SECONDS, () =>
      readEventIntelligence(c.get("tenant"), {
        eventId: c.req.valid("param").id,
        bucket: query.bucket ?? "hour",
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
    );
  });
  const scopes: Array<[AnalyticsScope, typeof eventAnalyticsRoute]> = [
    ["event", eventAnalyticsRoute],
    ["campaign", campaignAnalyticsRoute],
    ["content", contentAnalyticsRoute],
    ["published_post", postAnalyticsRoute],
    ["social_account", accountAnalyticsRoute],
  ];
  for (const [scope, route] of scopes) {
    app.openapi(route, (c) =>
      cachedDashboard(c, dashboardQuery(scope, c.req.valid("param").id, c.req.valid("query"))),
    );
  }
}
