/**
 * The analytics API over real measurements: totals from each post's latest measurement, a series of
 * what was gained per bucket in the event's time zone, per platform, top posts, a campaign's KPI
 * progress, nulls where a platform gives nothing, and the 5-minute edge cache (a repeat costs no
 * round trip, a cold read one).
 */
import { describe, expect, it, vi } from "vitest";
import { createApiKey } from "../support/api-keys.ts";
import { createCampaign } from "../support/campaigns.ts";
import { createContent } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { call, callWithEnv, envWith, expectProblem } from "../support/http.ts";
import { recordMeasurements } from "../support/metrics.ts";
import { createPost } from "../support/publishing.ts";
import { measure, roundTripsOf, taggedDatabaseUrl } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant } from "../support/tenants.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * One event in Nairobi (UTC+3), a campaign of it running from 7 days ago to 21 days ahead, and two
 * posts: on X (every count) and on Bluesky (no impressions, reach, saves or clicks). The X post is
 * published at 22:30 UTC, 01:30 the next day in Nairobi.
 */
async function measuredEvent() {
  const { owner } = await createTenant();
  const org = owner.organizationId;
  const now = Date.now();
  const event = await createEvent(org, { timezone: "Africa/Nairobi" });
  const campaign = await createCampaign(org, {
    eventId: event.id,
    startDate: new Date(now - 7 * DAY),
    endDate: new Date(now + 21 * DAY),
    kpiTargets: {
      impressions: 2_000,
      engagements: 100,
      posts: 4,
      engagement_rate: 0.05,
      followers_gained: 10,
    },
  });
  const content = await createContent(org, {
    eventId: event.id,
    campaignId: campaign.id,
    caption: "Day one of the summit: doors open at 8",
    workflowStatus: "published",
  });
  const x = await createSocialAccount(owner, { platform: "x" });
  const bluesky = await createSocialAccount(owner, { platform: "bluesky" });
  const midnight = Math.floor((now - 5 * DAY) / DAY) * DAY;
  const t0 = new Date(midnight - 1.5 * HOUR);
  const published = (account: { id: string; platform: "x" | "bluesky" }, at: Date) =>
    createPost(org, {
      contentId: content.id,
      socialAccountId: account.id,
      platform: account.platform,
      publishStatus: "published",
      publishedAt: at,
      platformPostId: `${account.platform}-${crypto.randomUUID()}`,
      platformUrl: `https://${account.platform}.example/${crypto.randomUUID()}`,
    });
  const onX = await published({ id: x.id, platform: "x" }, t0);
  const onBluesky = await published(
    { id: bluesky.id, platform: "bluesky" },
    new Date(t0.getTime() + 2 * HOUR),
  );
  await recordMeasurements(org, onX, [
    {
      at: new Date(t0.getTime() + 15 * 60_000),
      impressions: 100,
      reach: 80,
      likes: 5,
      comments: 1,
      shares: 2,
      clicks: 3,
    },
    {
      at: new Date(t0.getTime() + DAY),
      impressions: 1_000,
      reach: 700,
      likes: 40,
      comments: 6,
      shares: 10,
      clicks: 20,
    },
  ]);
  await recordMeasurements(org, onBluesky, [
    { at: new Date(t0.getTime() + 2.25 * HOUR), likes: 7, comments: 2, shares: 1 },
  ]);
  return { owner, event, campaign, content, onX, onBluesky, t0 };
}

const readJson = async <T>(response: Response): Promise<T> => {
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

interface Figures {
  impressions: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
  interactions: number | null;
  engagement_rate: number | null;
}
interface DashboardBody {
  time_zone: string;
  posts: number;
  totals: Figures;
  series: Array<{ bucket_start: string } & Figures>;
  platforms: Array<{ platform: string; posts: number } & Figures>;
  top_posts: Array<{ published_post_id: string; platform: string } & Figures>;
  kpis?: Array<{
    metric: string;
    target: number;
    value: number | null;
    percent: number | null;
    projected: number | null;
    on_track: boolean | null;
  }>;
}

describe("the analytics dashboard", () => {
  it("sums each post's latest counts; a count no platform gives is null; the rate only where impressions are known", async () => {
    const { owner, event } = await measuredEvent();
    const body = await readJson<DashboardBody>(
      await call(`/v1/events/${event.id}/analytics`, { headers: owner.headers }),
    );
    expect(body.posts).toBe(2);
    expect(body.totals).toEqual({
      impressions: 1_000,
      reach: 700,
      likes: 47,
      comments: 8,
      shares: 11,
      saves: null,
      clicks: 20,
      interactions: 86,
      // X's 76 interactions over its 1,000 impressions: Bluesky's 10 (no impressions) are left out.
      engagement_rate: 0.076,
    });
    expect(body.platforms).toEqual([
      expect.objectContaining({
        platform: "bluesky",
        posts: 1,
        impressions: null,
        likes: 7,
        engagement_rate: null,
      }),
      expect.objectContaining({
        platform: "x",
        posts: 1,
        impressions: 1_000,
        interactions: 76,
        engagement_rate: 0.076,
      }),
    ]);
    expect(body.top_posts.map((p) => [p.platform, p.interactions])).toEqual([
      ["x", 76],
      ["bluesky", 10],
    ]);
  });

  it("buckets what was gained by day in the event's time zone, or in the zone asked for", async () => {
    const { owner, event, t0 } = await measuredEvent();
    const nairobi = await readJson<DashboardBody>(
      await call(`/v1/events/${event.id}/analytics?bucket=day`, { headers: owner.headers }),
    );
    expect(nairobi.time_zone).toBe("Africa/Nairobi");
    // t0 is 22:30 UTC: its first day in Nairobi starts at 21:00 UTC the same day.
    const firstDay = new Date(Math.floor(t0.getTime() / DAY) * DAY + 21 * HOUR);
    expect(nairobi.series).toEqual([
      expect.objectContaining({
        bucket_start: firstDay.toISOString(),
        impressions: 100,
        likes: 12,
        comments: 3,
        interactions: 21,
        // The rate counts the X post's 11 interactions over its 100 impressions, not Bluesky's.
        engagement_rate: 0.11,
      }),
      expect.objectContaining({
        bucket_start: new Date(firstDay.getTime() + DAY).toISOString(),
        impressions: 900,
        reach: 620,
        likes: 35,
        clicks: 17,
      }),
    ]);
    const utc = await readJson<DashboardBody>(
      await call(`/v1/events/${event.id}/analytics?bucket=day&time_zone=UTC`, { headers: owner.headers }),
    );
    expect(utc.series.map((s) => [s.bucket_start, s.likes])).toEqual([
      [new Date(Math.floor(t0.getTime() / DAY) * DAY).toISOString(), 5],
      [new Date(Math.floor(t0.getTime() / DAY) * DAY + DAY).toISOString(), 42],
    ]);
  });

  it("measures a campaign against its KPI targets, with a projection to its end date", async () => {
    const { owner, campaign } = await measuredEvent();
    const body = await readJson<DashboardBody>(
      await call(`/v1/campaigns/${campaign.id}/analytics`, { headers: owner.headers }),
    );
    const kpi = (metric: string) => body.kpis?.find((k) => k.metric === metric);
    // A quarter of the campaign has passed: counts are projected four times over.
    expect(kpi("impressions")).toMatchObject({ target: 2_000, value: 1_000, percent: 50, on_track: true });
    expect(kpi("impressions")?.projected).toBeCloseTo(4_000, 0);
    expect(kpi("engagements")).toMatchObject({ value: 86, percent: 86, on_track: true });
    expect(kpi("posts")).toMatchObject({ value: 2, percent: 50 });
    expect(kpi("engagement_rate")).toMatchObject({ value: 0.076, projected: 0.076, on_track: true });
    expect(kpi("followers_gained")).toEqual({
      metric: "followers_gained",
      target: 10,
      value: null,
      percent: null,
      projected: null,
      on_track: null,
    });
  });

  it("answers per post, content, account and platform, each over its own posts", async () => {
    const { owner, content, onX, onBluesky } = await measuredEvent();
    const totals = async (path: string) =>
      (await readJson<DashboardBody>(await call(path, { headers: owner.headers }))).totals;
    expect((await totals(`/v1/published-posts/${onBluesky.id}/analytics`)).likes).toBe(7);
    expect((await totals(`/v1/content/${content.id}/analytics`)).likes).toBe(47);
    expect((await totals(`/v1/social-accounts/${onX.socialAccountId}/analytics`)).likes).toBe(40);
    expect((await totals("/v1/analytics?platform=bluesky")).likes).toBe(7);
    expect((await totals("/v1/analytics")).likes).toBe(47);
  });

  it("costs one round trip cold and none from the edge cache for 5 minutes", async () => {
    const { owner, event } = await measuredEvent();
    const path = `/v1/events/${event.id}/analytics?bucket=week`;
    const cold = await measure(path, { headers: owner.headers });
    expect(cold.response.status).toBe(200);
    expect(cold.response.headers.get("x-guddu-cache")).toBe("miss");
    expect(cold.roundTrips).toBe(1);
    const warm = await vi.waitFor(async () => {
      const again = await measure(path, { headers: owner.headers });
      expect(again.response.headers.get("x-guddu-cache")).toBe("hit");
      return again;
    });
    expect(warm.roundTrips).toBe(0);
    expect(warm.response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(await warm.response.json()).toEqual(await cold.response.json());
  });

  it("reads from the read replica when DATABASE_URL_READ is set, and nothing from the primary", async () => {
    const { owner, event } = await measuredEvent();
    const [primary, replica] = ["primary", "replica"].map(
      (name) => `rt_${name}_${crypto.randomUUID().replaceAll("-", "")}`,
    );
    const response = await callWithEnv(
      envWith({ DATABASE_URL: taggedDatabaseUrl(primary!), DATABASE_URL_READ: taggedDatabaseUrl(replica!) }),
      `/v1/events/${event.id}/analytics?top=3`,
      { headers: owner.headers },
    );
    expect(response.status).toBe(200);
    expect((await response.json()) as DashboardBody).toMatchObject({ posts: 2 });
    expect(await roundTripsOf(replica!)).toBe(1);
    expect(await roundTripsOf(primary!)).toBe(0);
  });

  it("an API key scoped to one event sees only that event's figures, never the organisation's cached answer", async () => {
    const { owner, event } = await measuredEvent();
    const other = await createEvent(owner.organizationId);
    const content = await createContent(owner.organizationId, {
      eventId: other.id,
      workflowStatus: "published",
    });
    const account = await createSocialAccount(owner, { platform: "x" });
    const post = await createPost(owner.organizationId, {
      contentId: content.id,
      socialAccountId: account.id,
      platform: "x",
      publishStatus: "published",
      publishedAt: new Date(Date.now() - DAY),
      platformPostId: `x-${crypto.randomUUID()}`,
    });
    await recordMeasurements(owner.organizationId, post, [{ at: new Date(), impressions: 10, likes: 100 }]);
    const everything = await readJson<DashboardBody>(await call("/v1/analytics", { headers: owner.headers }));
    expect(everything.totals.likes).toBe(147);
    const scoped = await createApiKey(owner.organizationId, { eventId: event.id });
    const seen = await readJson<DashboardBody>(await call("/v1/analytics", { headers: scoped.headers }));
    expect(seen.totals.likes).toBe(47);
    expect(seen.posts).toBe(2);
  });

  it("refuses what it cannot answer: unknown fields, buckets, zones; another organisation's event is a 404", async () => {
    const { owner, event } = await measuredEvent();
    const { owner: stranger } = await createTenant();
    await expectProblem(
      await call(`/v1/events/${event.id}/analytics?bucket=minute`, { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/analytics?time_zone=Mars/Olympus`, { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/analytics?colour=red`, { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/analytics`, { headers: stranger.headers }),
      404,
      "event_not_found",
    );
  });
});
