/**
 * Content follows its posts even when two of them settle in transactions that overlap: each would see
 * the other unsettled, and without the content row's lock both would leave it `publishing` for ever.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { publishedPosts } from "../../src/db/schema/published-posts.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { settleStatements } from "../../src/services/publishing/record-outcome.ts";
import { createContent, readContent, systemContext } from "../support/content.ts";
import { createPost } from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant } from "../support/tenants.ts";
import { lockHolder } from "../support/transactions.ts";

describe("settling a content's posts", () => {
  it("leaves the content published when its two posts settle in overlapping transactions", async () => {
    const { owner } = await createTenant();
    const accounts = [
      await createSocialAccount(owner, { platform: "x" }),
      await createSocialAccount(owner, { platform: "linkedin" }),
    ];
    const row = await createContent(owner.organizationId, {
      workflowStatus: "publishing",
      targetPlatforms: ["x", "linkedin"],
    });
    const posts = await Promise.all(
      accounts.map((account) =>
        createPost(owner.organizationId, {
          contentId: row.id,
          socialAccountId: account.id,
          platform: account.platform,
          publishStatus: "publishing",
        }),
      ),
    );
    const ctx = systemContext(owner.organizationId);
    // The test holds an advisory lock in a transaction of its own; the first settlement, once it has
    // decided, waits for that lock, so its transaction stays open while the second one runs.
    const lock = Math.floor(Math.random() * 2 ** 31);
    const settle = (post: (typeof posts)[number], waitForLock: boolean) =>
      inTenant(ctx, (db) => ({
        post: db
          .update(publishedPosts)
          .set({ publishStatus: "published", publishedAt: new Date(), platformPostId: crypto.randomUUID() })
          .where(eq(publishedPosts.id, post.id)),
        settled: settleStatements(ctx, db, post, null, 1),
        held: waitForLock ? db.execute(sql`select pg_advisory_xact_lock(${lock})`) : undefined,
      }));
    const waiting = async () => {
      const { rows } = await inTenant(ctx, (db) => ({
        rows: db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock'`,
        ),
      }));
      return rows.rows[0]?.n ?? 0;
    };
    const holder = await lockHolder(lock);
    const [first, second] = posts as [(typeof posts)[number], (typeof posts)[number]];
    const held = settle(first, true);
    await vi.waitFor(
      async () => {
        if ((await waiting()) < 1) throw new Error("the first settlement is not waiting yet");
      },
      { timeout: 5000, interval: 20 },
    );
    // The second either finishes (each saw the other unsettled) or waits for the first: then let go.
    let secondDone = false;
    const next = settle(second, false).then(() => {
      secondDone = true;
    });
    await vi.waitFor(
      async () => {
        if (!secondDone && (await waiting()) < 2) throw new Error("the second settlement is still deciding");
      },
      { timeout: 5000, interval: 20 },
    );
    await holder.release();
    await Promise.all([held, next]);
    expect((await readContent(owner, row.id)).workflow_status).toBe("published");
  });
});
