/**
 * The adapter's memory between attempts, kept in `published_content.progress`: every adapter saves
 * once before its create call, to bound a later search (a container platform twice; a thread once
 * more per reply), so a retry resumes instead of sending again.
 */
import { sql } from "drizzle-orm";
import { type PublishedPost, publishedPosts } from "../../db/schema/published-posts.ts";
import { inTenant } from "../../db/tenant.ts";
import type { PublishProgress } from "../../platform/social/types.ts";
import type { TenantContext } from "../context.ts";
import { stillHeld } from "./posts.ts";

/** JSON with object keys sorted: jsonb keeps its own key order, so compare this way. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The post's stored progress, and its save: one round trip, written only while this worker holds the
 * post (claimed at `claimedAt`). A save of what is stored already (a retry resuming) costs nothing.
 */
export function publishProgressOf(ctx: TenantContext, post: PublishedPost, claimedAt: Date): PublishProgress {
  const stored = post.publishedContent.progress;
  const previous =
    stored && typeof stored === "object" && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : null;
  let last = stableJson(previous);
  return {
    previous,
    async save(progressState) {
      const next = stableJson(progressState);
      if (next === last) return;
      const { saved } = await inTenant(ctx, (db) => ({
        saved: db
          .update(publishedPosts)
          .set({
            publishedContent: sql`jsonb_set(${publishedPosts.publishedContent}, '{progress}', ${JSON.stringify(progressState)}::jsonb)`,
          })
          .where(stillHeld(ctx, post.id, claimedAt))
          .returning({ id: publishedPosts.id }),
      }));
      // Another worker claimed the post (this one outlived its lease): stop before publishing twice.
      if (saved.length === 0) throw new Error("this worker no longer holds the post");
      last = next;
    },
  };
}
