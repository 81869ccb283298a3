/**
 * `npm run soak`: 10,000 posts fall due in the same minute, and one run of the every-minute cron
 * claims every one of them and hands each to the queue exactly once. The queue is a recorder (the
 * consumer would otherwise publish ten thousand posts), so every message it was given is counted.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { publishedPosts } from "../../src/db/schema/published-posts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { recordingQueue, runDispatchCron } from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, testDb } from "../support/tenants.ts";

const DUE = 10_000;

describe("a minute in which 10,000 posts fall due", () => {
  it("one cron run claims and enqueues every one exactly once", async () => {
    const { owner } = await createTenant();
    const account = await createSocialAccount(owner, { platform: "x" });
    const scope = { db: testDb(), organizationId: owner.organizationId };
    // One content row per post (one live post per account and content), all scheduled and due now.
    await inTenant(scope, (db) => ({
      posts: db.execute(sql`
        with made as (
          insert into content (organization_id, content_type, caption, target_platforms, scheduled_for, workflow_status)
          select ${owner.organizationId}, 'post', 'Burst post ' || g, '{x}', now(), 'scheduled'
            from generate_series(1, ${DUE}) g
          returning id)
        insert into published_posts (organization_id, content_id, social_account_id, platform, publish_status, next_attempt_at)
        select ${owner.organizationId}, made.id, ${account.id}, 'x', 'pending', now() - interval '1 second' from made`),
    }));

    const recorder = recordingQueue();
    const started = performance.now();
    const { roundTrips } = await runDispatchCron({ PUBLISH_QUEUE: recorder.queue });
    const seconds = (performance.now() - started) / 1000;

    const ids = recorder.ids();
    const { rows } = await inTenant(scope, (db) => ({
      rows: db
        .select({ id: publishedPosts.id, status: publishedPosts.publishStatus })
        .from(publishedPosts)
        .where(sql`${publishedPosts.socialAccountId} = ${account.id}`),
    }));
    expect(rows).toHaveLength(DUE);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)));
    expect(rows.every((r) => r.status === "queued")).toBe(true);
    expect(recorder.batches.every((batch) => batch.length <= 100)).toBe(true);
    console.info(
      `due burst: ${DUE} posts due in one minute, one cron run claimed and enqueued ${ids.length} (each once) in ${recorder.batches.length} sendBatch calls and ${roundTrips} round trips, ${seconds.toFixed(1)} s`,
    );
  }, 120_000);
});
