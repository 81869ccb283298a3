/**
 * Which listeners the per-minute cron queues (`due_listeners`): connected Bluesky accounts each
 * minute, live events' official hashtags on Bluesky each minute and on Instagram every 15 minutes
 * where the organisation has an Instagram account; a listener just polled waits for its interval.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type EventStatus, events } from "../../src/db/schema/events.ts";
import { socialAccounts } from "../../src/db/schema/social-accounts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { createLogger } from "../../src/platform/logger.ts";
import type { IngestMessage } from "../../src/queues/ingest/message.ts";
import { dispatchDueListeners, listenOnce, parseListener } from "../../src/services/inbound/listen.ts";
import { createEvent } from "../support/events.ts";
import { queueRecorder } from "../support/queues.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createOrganization, testDb } from "../support/tenants.ts";

async function setStatus(organizationId: string, eventId: string, status: EventStatus) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    set: db.update(events).set({ status }).where(eq(events.id, eventId)),
  }));
}

async function setActive(organizationId: string, accountId: string, isActive: boolean) {
  await inTenant({ db: testDb(), organizationId }, (db) => ({
    set: db.update(socialAccounts).set({ isActive }).where(eq(socialAccounts.id, accountId)),
  }));
}
const pause = (org: string, id: string) => setActive(org, id, false);
const resume = (org: string, id: string) => setActive(org, id, true);

async function dueAt(now: Date, organizationId: string) {
  const ingest = queueRecorder<IngestMessage>();
  const config = { ...loadConfig(env), INGEST_QUEUE: ingest.queue };
  await dispatchDueListeners(config, testDb(), now);
  return ingest
    .sent()
    .flatMap((m) => (m.type === "listen" && m.organization_id === organizationId ? [m.listener] : []))
    .sort();
}

describe("listeners", () => {
  it("are due for connected Bluesky accounts and the hashtags of events live or starting within a day", async () => {
    const { id: org } = await createOrganization();
    const now = new Date("2027-03-09T12:00:00Z");
    const bluesky = await createSocialAccount(org, { platform: "bluesky" });
    await createSocialAccount(org, { platform: "bluesky", connectionStatus: "reauth_required" });
    await createSocialAccount(org, { platform: "bluesky", deleted: true });
    await createSocialAccount(org, { platform: "instagram" });
    const soon = await createEvent(org, {
      officialHashtags: ["#AES2027"],
      startDate: new Date("2027-03-10T05:00:00Z"),
      endDate: new Date("2027-03-11T18:00:00Z"),
    });
    await setStatus(org, soon.id, "scheduled");
    const later = await createEvent(org, {
      officialHashtags: ["#Later"],
      startDate: new Date("2027-06-01T05:00:00Z"),
      endDate: new Date("2027-06-02T05:00:00Z"),
    });
    await setStatus(org, later.id, "scheduled");
    expect(await dueAt(now, org)).toEqual(
      [
        `notifications:${bluesky.id}`,
        `hashtag:bluesky:${soon.id}:aes2027`,
        `hashtag:instagram:${soon.id}:aes2027`,
      ].sort(),
    );
  });

  it("a listener just polled waits for its interval; a refused turn is saved on its cursor", async () => {
    const { id: org } = await createOrganization();
    const account = await createSocialAccount(org, { platform: "bluesky", isActive: true });
    const listener = `notifications:${account.id}`;
    const now = new Date();
    expect(await dueAt(now, org)).toEqual([listener]);
    // The account is paused: the turn asks nothing, and says why on the cursor row.
    await pause(org, account.id);
    const outcome = await listenOnce(
      loadConfig(env),
      { type: "listen", organization_id: org, listener },
      createLogger("error", {}),
    );
    expect(outcome).toMatchObject({ skipped: "no_connected_account", found: 0 });
    await resume(org, account.id);
    expect(await dueAt(now, org)).toEqual([]);
    expect(await dueAt(new Date(now.getTime() + 61_000), org)).toEqual([listener]);
  });

  it("names are strict", () => {
    const id = crypto.randomUUID();
    expect(parseListener(`notifications:${id}`)).toEqual({ type: "notifications", accountId: id });
    expect(parseListener(`hashtag:bluesky:${id}:a:b`)).toEqual({
      type: "hashtag",
      platform: "bluesky",
      eventId: id,
      tag: "a:b",
    });
    for (const bad of ["notifications:1", `hashtag:x:${id}:tag`, `hashtag:bluesky:${id}:`, "other"]) {
      expect(parseListener(bad), bad).toBeNull();
    }
  });
});
