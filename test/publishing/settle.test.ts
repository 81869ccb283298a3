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
    // The first holds its transaction open after deciding; the second decides meanwhile.
    const settle = (post: (typeof posts)[number], holdSeconds: number) =>
      inTenant(ctx, (db) => ({
        post: db
          .update(publishedPosts)
          .set({ publishStatus: "published", publishedAt: new Date(), platformPostId: crypto.randomUUID() })
          .where(eq(publishedPosts.id, post.id)),
        settled: settleStatements(ctx, db, post, null, 1),
        hold: holdSeconds ? db.execute(sql`select pg_sleep(${holdSeconds})`) : undefined,
      }));
    const [first, second] = posts as [(typeof posts)[number], (typeof posts)[number]];
    const slow = settle(first, 1);
    // The second starts once the first has decided and is holding its transaction open.
    await vi.waitFor(
      async () => {
        const { holding } = await inTenant(ctx, (db) => ({
          holding: db.execute<{ n: number }>(
            sql`select count(*)::int as n from pg_stat_activity where state = 'active' and query like 'select pg_sleep(%'`,
          ),
        }));
        if ((holding.rows[0]?.n ?? 0) < 1) throw new Error("the first settlement is not holding yet");
      },
      { timeout: 5000, interval: 20 },
    );
    await Promise.all([slow, settle(second, 0)]);
    expect((await readContent(owner, row.id)).workflow_status).toBe("published");
  });
});
