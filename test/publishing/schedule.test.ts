import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import { content } from "../../src/db/schema/content.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { transitionContent } from "../../src/services/content/workflow.ts";
import { outboxStatements } from "../../src/services/publishing/schedule.ts";
import { auditRows } from "../support/audit.ts";
import { createContent, inAnHour, readContent, systemContext, transition } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, type Problem } from "../support/http.ts";
import { postsOf, updatePost } from "../support/publishing.ts";
import { measure } from "../support/round-trips.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

/** An organisation with one account per platform (tied to no event) and approved content for them. */
async function approvedFor(platforms: Platform[], options: { eventId?: string | null } = {}) {
  const { owner } = await createTenant();
  const accounts = [];
  for (const platform of platforms) accounts.push(await createSocialAccount(owner, { platform }));
  const row = await createContent(owner.organizationId, {
    workflowStatus: "approved",
    targetPlatforms: platforms,
    scheduledFor: null,
    eventId: options.eventId ?? null,
  });
  return { owner, accounts, row };
}

const schedule = (user: TestUser, id: string, at: Date = inAnHour()) =>
  transition(user, id, { to: "scheduled", scheduled_for: at.toISOString() });

describe("scheduling writes the outbox", () => {
  it("one pending post per target account, in the same batch as the status change (two round trips)", async () => {
    const { owner, accounts, row } = await approvedFor(["x", "linkedin"]);
    const at = inAnHour();
    const { response, roundTrips } = await measure(`/v1/content/${row.id}/transitions`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ to: "scheduled", scheduled_for: at.toISOString() }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    const posts = await postsOf(owner.organizationId, row.id);
    expect(posts.map((p) => [p.platform, p.socialAccountId, p.publishStatus]).sort()).toEqual(
      [
        ["linkedin", accounts[1]!.id, "pending"],
        ["x", accounts[0]!.id, "pending"],
      ].sort(),
    );
    expect(posts.every((p) => p.nextAttemptAt?.getTime() === at.getTime() && p.attemptCount === 0)).toBe(
      true,
    );
  });

  it("two people scheduling at once make one set of posts (a refused move writes none)", async () => {
    const { owner, row } = await approvedFor(["x", "facebook"]);
    const answers = await Promise.all([schedule(owner, row.id), schedule(owner, row.id)]);
    // Both may succeed (the second, reading after the first, reschedules), or the second is refused.
    expect(answers.map((r) => r.status)).toContain(200);
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(await postsOf(owner.organizationId, row.id)).toHaveLength(2);
    expect((await readContent(owner, row.id)).workflow_status).toBe("scheduled");
  });

  it("the outbox statements write nothing unless the same transaction changed the content", async () => {
    const { owner, accounts, row } = await approvedFor(["x"]);
    const ctx = systemContext(owner.organizationId);
    const change = {
      contentId: row.id,
      from: "approved",
      to: "scheduled",
      scheduledFor: inAnHour(),
    } as const;
    const targets = accounts.map((a) => ({ id: a.id, platform: a.platform, eventId: null }));
    // The status change matched nothing (someone else moved the content first): no posts.
    await inTenant(ctx, (db) => ({
      unchanged: db.update(content).set({ workflowStatus: "scheduled" }).where(sql`false`),
      outbox: outboxStatements(ctx, db, { ...change, accounts: targets }),
    }));
    expect(await postsOf(owner.organizationId, row.id)).toEqual([]);
    await inTenant(ctx, (db) => ({
      scheduled: db.update(content).set({ workflowStatus: "scheduled" }).where(eq(content.id, row.id)),
      outbox: outboxStatements(ctx, db, { ...change, accounts: targets }),
    }));
    expect(await postsOf(owner.organizationId, row.id)).toHaveLength(1);
  });

  it("a target platform without an account is 422 no_account_for_platform naming it, and nothing changes", async () => {
    const { owner, row } = await approvedFor(["x"]);
    const other = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x", "threads", "linkedin"],
      scheduledFor: null,
    });
    const problem = (await expectProblem(
      await schedule(owner, other.id),
      422,
      "no_account_for_platform",
    )) as Problem & { platforms: string[] };
    expect(problem.platforms).toEqual(["threads", "linkedin"]);
    expect(problem.detail).toContain("threads, linkedin");
    expect((await readContent(owner, other.id)).workflow_status).toBe("approved");
    expect(await postsOf(owner.organizationId, other.id)).toEqual([]);
    expect(await postsOf(owner.organizationId, row.id)).toEqual([]);
  });
});

describe("which accounts", () => {
  it("the event's own accounts of a platform win; others fall back to accounts of no event", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const otherEvent = await createEvent(owner.organizationId);
    const eventX = await createSocialAccount(owner, { platform: "x", eventId: event.id });
    await createSocialAccount(owner, { platform: "x" }); // organisation-wide: not used, the event has its own
    const orgLinkedIn = await createSocialAccount(owner, { platform: "linkedin" });
    await createSocialAccount(owner, { platform: "linkedin", eventId: otherEvent.id }); // another event's
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x", "linkedin"],
      eventId: event.id,
    });
    expect((await schedule(owner, row.id)).status).toBe(200);
    const posts = await postsOf(owner.organizationId, row.id);
    expect(posts.map((p) => p.socialAccountId).sort()).toEqual([eventX.id, orgLinkedIn.id].sort());
  });

  it("every account at the chosen level gets a post; removed and paused accounts get none", async () => {
    const { owner } = await createTenant();
    const first = await createSocialAccount(owner, { platform: "x" });
    const second = await createSocialAccount(owner, { platform: "x", connectionStatus: "reauth_required" });
    await createSocialAccount(owner, { platform: "x", deleted: true });
    await createSocialAccount(owner, { platform: "x", isActive: false });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x"],
    });
    expect((await schedule(owner, row.id)).status).toBe(200);
    const posts = await postsOf(owner.organizationId, row.id);
    expect(posts.map((p) => p.socialAccountId).sort()).toEqual([first.id, second.id].sort());
  });

  it("content of no event never uses an event's accounts", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    await createSocialAccount(owner, { platform: "x", eventId: event.id });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x"],
    });
    await expectProblem(await schedule(owner, row.id), 422, "no_account_for_platform");
  });
});

describe("unscheduling, rescheduling, archiving", () => {
  it("unscheduling cancels the waiting posts; scheduling again writes new ones", async () => {
    const { owner, row } = await approvedFor(["x", "linkedin"]);
    await schedule(owner, row.id);
    const first = await postsOf(owner.organizationId, row.id);
    await updatePost(owner.organizationId, first[0]!.id, { publishStatus: "queued", claimedAt: new Date() });
    expect((await transition(owner, row.id, { to: "approved" })).status).toBe(200);
    expect((await postsOf(owner.organizationId, row.id)).map((p) => p.publishStatus)).toEqual([
      "cancelled",
      "cancelled",
    ]);
    expect((await schedule(owner, row.id)).status).toBe(200);
    const all = await postsOf(owner.organizationId, row.id);
    expect(all.filter((p) => p.publishStatus === "pending")).toHaveLength(2);
    expect(all.filter((p) => p.publishStatus === "cancelled")).toHaveLength(2);
  });

  it("rescheduling moves the waiting posts to the new time (a queued one back to pending)", async () => {
    const { owner, row } = await approvedFor(["x", "linkedin"]);
    await schedule(owner, row.id);
    const [queued] = await postsOf(owner.organizationId, row.id);
    await updatePost(owner.organizationId, queued!.id, { publishStatus: "queued", claimedAt: new Date() });
    const later = new Date(Date.now() + 5 * 3_600_000);
    const { response, roundTrips } = await measure(`/v1/content/${row.id}/transitions`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ to: "scheduled", scheduled_for: later.toISOString() }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    const posts = await postsOf(owner.organizationId, row.id);
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      expect(post.publishStatus).toBe("pending");
      expect(post.nextAttemptAt?.getTime()).toBe(later.getTime());
      expect(post.claimedAt).toBeNull();
    }
  });

  it("archiving scheduled content cancels its posts", async () => {
    const { owner, row } = await approvedFor(["x"]);
    await schedule(owner, row.id);
    expect((await transition(owner, row.id, { to: "archived" })).status).toBe(200);
    expect((await postsOf(owner.organizationId, row.id)).map((p) => p.publishStatus)).toEqual(["cancelled"]);
  });

  it("failed content scheduled again: its failed posts wait again, keeping their attempts", async () => {
    const { owner, row } = await approvedFor(["x", "linkedin"]);
    await schedule(owner, row.id);
    const posts = await postsOf(owner.organizationId, row.id);
    for (const post of posts) {
      await updatePost(owner.organizationId, post.id, {
        publishStatus: "failed",
        attemptCount: 3,
        lastError: "boom",
      });
    }
    const ctx = systemContext(owner.organizationId);
    await transitionContent(ctx, row.id, { to: "publishing" });
    await transitionContent(ctx, row.id, { to: "failed" });
    const at = inAnHour();
    expect((await schedule(owner, row.id, at)).status).toBe(200);
    const again = await postsOf(owner.organizationId, row.id);
    expect(again.map((p) => p.id).sort()).toEqual(posts.map((p) => p.id).sort());
    for (const post of again) {
      expect(post).toMatchObject({ publishStatus: "pending", attemptCount: 3, lastError: null });
      expect(post.nextAttemptAt?.getTime()).toBe(at.getTime());
    }
  });
});

describe("the event pause switch", () => {
  it("pauses and resumes in one round trip each, audited once per real change, counting waiting posts", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    await createSocialAccount(owner, { platform: "x" });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x"],
      eventId: event.id,
    });
    await schedule(owner, row.id);
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/publishing/pause`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ event_id: event.id, publishing_paused: true, waiting_posts: 1 });
    const again = await call(`/v1/events/${event.id}/publishing/pause`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(((await again.json()) as { publishing_paused: boolean }).publishing_paused).toBe(true);
    const resumed = await call(`/v1/events/${event.id}/publishing/resume`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(await resumed.json()).toMatchObject({ publishing_paused: false, waiting_posts: 1 });
    const audit = await auditRows(owner.organizationId, event.id);
    expect(audit.map((a) => a.action)).toEqual(["event.publishing_pause", "event.publishing_resume"]);
  });

  it("another organisation's event is 404; an editor may not pause (publishing:write)", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const event = await createEvent(owner.organizationId);
    const other = await createTenant();
    await expectProblem(
      await call(`/v1/events/${event.id}/publishing/pause`, { method: "POST", headers: other.owner.headers }),
      404,
      "event_not_found",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}/publishing/pause`, { method: "POST", headers: editor.headers }),
      403,
      "missing_permission",
    );
  });
});
