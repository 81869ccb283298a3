/**
 * The sentiment of what arrives, through the store's real path (storeObservations, as the ingest
 * consumer calls it) with the lexicon loaded from the real assets binding: a row per item with its
 * label, score, language, entities and keywords; edits replace it, deletions remove it; a reply to our
 * post brings its next measurement forward; a negative spike alerts the event's managers once per
 * 15-minute window.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema/notifications.ts";
import { sentimentAlerts } from "../../src/db/schema/sentiment-alerts.ts";
import { sentimentAnalysis } from "../../src/db/schema/sentiment-analysis.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { SENTIMENT_MODEL } from "../../src/platform/sentiment/workers-ai.ts";
import { storeObservations } from "../../src/services/inbound/ingest-delivery.ts";
import { ALERT_MIN_ITEMS } from "../../src/services/sentiment/alerts.ts";
import { createContent, systemContext } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { observation } from "../support/inbound.ts";
import { createPost, postRow } from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, createUser, testDb } from "../support/tenants.ts";

type Observation = ReturnType<typeof observation>;

const WINDOW_MS = 15 * 60_000;
/** The middle of the current 15-minute window: every store of a test falls in the same window. */
const midWindow = new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS + WINDOW_MS / 2);

const store = (organizationId: string, eventId: string | null, ...observations: Observation[]) =>
  storeObservations(
    { ...systemContext(organizationId), now: () => midWindow },
    observations.map((o) => ({ observation: o, socialAccountId: null, eventId })),
    new Date(),
  );

async function sentimentRows(organizationId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db.select().from(sentimentAnalysis).where(eq(sentimentAnalysis.organizationId, organizationId)),
  }));
  return rows;
}

describe("the sentiment of arrivals", () => {
  it("labels and scores English, names the delegate, hashtags and keywords; another language is unknown", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const event = await createEvent(org);
    const delegate = await createDelegate(org, event.id, { firstName: "Amina", lastName: "Odhiambo" });
    const praise = observation({
      content: {
        text: "Amina Odhiambo gave a brilliant, inspiring keynote on solar financing! #AES2027",
        hashtags: ["AES2027"],
      },
    });
    const french = observation({
      content: { text: "La conférence était vraiment magnifique, merci à toute l'équipe", language: "fr" },
    });
    await store(org, event.id, praise, french);
    const rows = await sentimentRows(org);
    expect(rows).toHaveLength(2);
    const english = rows.find((r) => r.language === "en");
    expect(english).toMatchObject({
      sentiment: "positive",
      engine: "lexicon",
      eventId: event.id,
      platform: "x",
    });
    expect(english?.sentimentScore).toBeGreaterThan(0.3);
    expect(english?.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "person", id: delegate.id }),
        expect.objectContaining({ type: "hashtag" }),
      ]),
    );
    expect(english?.keywords).toEqual(expect.arrayContaining(["keynote"]));
    expect(rows.find((r) => r.language === "fr")).toMatchObject({
      sentiment: "unknown",
      sentimentScore: null,
    });
  });

  it("with a Workers AI binding the model judges English (its documented output mapped), and never sees another language", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const sent: string[] = [];
    // distilbert-sst-2-int8 answers both classes' probabilities, summing to 1.
    const ai = {
      run: async (model: string, input: { text: string }) => {
        if (model !== SENTIMENT_MODEL) throw new Error(`unknown model ${model}`);
        sent.push(input.text);
        const positive = input.text.includes("loved") ? 0.98 : 0.03;
        return [
          { label: "POSITIVE", score: positive },
          { label: "NEGATIVE", score: 1 - positive },
        ];
      },
    } as unknown as Ai;
    const ctx = systemContext(org);
    const loved = observation({ content: { text: "We loved every session of the summit today" } });
    const french = observation({
      content: { text: "Merci pour cette belle journée au sommet", language: "fr" },
    });
    await storeObservations(
      { ...ctx, config: { ...ctx.config, AI: ai }, now: () => midWindow },
      [loved, french].map((o) => ({ observation: o, socialAccountId: null, eventId: null })),
      new Date(),
    );
    expect(sent).toEqual(["We loved every session of the summit today"]);
    const rows = await sentimentRows(org);
    expect(rows.find((r) => r.language === "en")).toMatchObject({
      sentiment: "positive",
      engine: "workers-ai",
    });
    expect(rows.find((r) => r.language === "en")?.sentimentScore).toBeCloseTo(0.96, 4);
    expect(rows.find((r) => r.language === "fr")).toMatchObject({
      sentiment: "unknown",
      sentimentScore: null,
    });
  });

  it("an edit replaces the item's row; a deletion removes it", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const first = observation({ content: { text: "What a wonderful, well organised summit" } });
    await store(org, null, first);
    expect((await sentimentRows(org)).map((r) => r.sentiment)).toEqual(["positive"]);
    const edited = observation({
      itemId: first.itemId,
      observedAt: new Date("2026-12-01T11:00:00Z"),
      content: { text: "Terrible queues, awful organisation, a disappointing waste of time" },
    });
    await store(org, null, edited);
    expect((await sentimentRows(org)).map((r) => r.sentiment)).toEqual(["negative"]);
    await store(
      org,
      null,
      observation({ itemId: first.itemId, observedAt: new Date("2026-12-01T12:00:00Z"), content: null }),
    );
    expect(await sentimentRows(org)).toEqual([]);
  });

  it("a reply to our post brings its next measurement forward while its schedule runs", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const account = await createSocialAccount(org, { platform: "x" });
    const post = async (metricsDueAt: Date | null) =>
      createPost(org, {
        contentId: (await createContent(org, { targetPlatforms: ["x"] })).id,
        socialAccountId: account.id,
        platform: "x",
        publishStatus: "published",
        publishedAt: new Date(),
        platformPostId: `tweet-${crypto.randomUUID()}`,
        metricsDueAt,
      });
    const inSixHours = new Date(Date.now() + 6 * 3_600_000);
    const running = await post(inSixHours);
    const over = await post(null);
    const replyTo = (target: { platformPostId: string | null }) =>
      observation({
        content: { kind: "reply", inReplyTo: target.platformPostId, text: "Thanks for sharing" },
      });
    await storeObservations(
      systemContext(org),
      [running, over].map((p) => ({ observation: replyTo(p), socialAccountId: account.id, eventId: null })),
      new Date(),
    );
    const due = (await postRow(org, running.id))?.metricsDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
    expect(due).toBeLessThanOrEqual(Date.now() + 60_000);
    expect((await postRow(org, over.id))?.metricsDueAt).toBeNull();
  });

  it("a negative spike alerts the event's managers once per 15-minute window", async () => {
    const { owner } = await createTenant();
    const org = owner.organizationId;
    const manager = await createUser(org, { role: "manager" });
    const editor = await createUser(org, { role: "editor" });
    const event = await createEvent(org);
    const angry = (n: number) =>
      observation({
        content: { text: `Awful, chaotic and disappointing: the worst registration queue ever (${n})` },
      });
    // One short of the minimum: nothing yet.
    await store(org, event.id, ...Array.from({ length: ALERT_MIN_ITEMS - 1 }, (_, n) => angry(n)));
    const alertsOf = async () => {
      const { rows } = await inTenant({ db: testDb(), organizationId: org }, (db) => ({
        rows: db.select().from(sentimentAlerts).where(eq(sentimentAlerts.eventId, event.id)),
      }));
      return rows;
    };
    const noticesOf = async (userId: string) => {
      const { rows } = await inTenant({ db: testDb(), organizationId: org }, (db) => ({
        rows: db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.type, "sentiment.negative_spike"))),
      }));
      return rows;
    };
    expect(await alertsOf()).toEqual([]);
    // The tenth crosses the line; an eleventh in the same window alerts nobody again.
    await store(org, event.id, angry(100));
    await store(org, event.id, angry(101));
    const alerts = await alertsOf();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ items: ALERT_MIN_ITEMS, negativeShare: 1 });
    expect(alerts[0]?.windowStart.getTime()).toBe(midWindow.getTime() - WINDOW_MS / 2);
    expect(await noticesOf(owner.id)).toHaveLength(1);
    expect(await noticesOf(manager.id)).toHaveLength(1);
    expect(await noticesOf(editor.id)).toEqual([]);
    expect((await noticesOf(manager.id))[0]).toMatchObject({ link: `/v1/events/${event.id}/intelligence` });
  });
});
