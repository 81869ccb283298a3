/**
 * The per-minute safety net: a request whose object never started has no alarm, so the cron wakes the
 * objects of requests whose deadline passed unhandled, and they catch up from Postgres.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import worker from "../../src/index.ts";
import { CRON_DISPATCH_DUE_POSTS } from "../../src/scheduled.ts";
import { actionRows, createPendingRequest, draftBy, rolesStep } from "../support/approvals.ts";
import { createTenant, testDb } from "../support/tenants.ts";

const MINUTE = 60_000;

async function overdueIds(now: Date): Promise<string[]> {
  const { rows } = await testDb().execute<{ id: string }>(
    sql`select id from approval_requests_overdue(${now.toISOString()}, '5 minutes'::interval, 10000)`,
  );
  return rows.map((r) => r.id);
}

describe("the overdue approval sweep", () => {
  it("wakes a request whose deadline passed unhandled, and its object escalates it", async () => {
    const { owner, editor } = await createTenant(["owner", "editor", "manager"]);
    const pending = (stepDueAt: Date) =>
      draftBy(editor).then((draft) =>
        createPendingRequest(owner.organizationId, {
          contentId: draft.id,
          requestedBy: editor.id,
          steps: [{ ...rolesStep(["manager"], 1), deadline: { hours: 1 }, escalateTo: { roles: ["owner"] } }],
          stepDueAt,
        }),
      );
    const now = new Date();
    const lost = await pending(new Date(now.getTime() - 60 * MINUTE));
    const justDue = await pending(new Date(now.getTime() - MINUTE));

    const before = await overdueIds(now);
    expect(before).toContain(lost.id);
    // Within the grace period a live object's own alarm is trusted.
    expect(before).not.toContain(justDue.id);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: CRON_DISPATCH_DUE_POSTS }), env, ctx);
    await waitOnExecutionContext(ctx);

    // Woken, the object loaded the request and its (already due) alarm escalated the step.
    await vi.waitFor(
      async () => {
        const actions = (await actionRows(owner.organizationId, lost.id)).map((a) => a.action);
        expect(actions).toContain("escalate");
      },
      { timeout: 10_000, interval: 50 },
    );
    // Handled now: the sweep leaves it alone from here on.
    expect(await overdueIds(new Date())).not.toContain(lost.id);
  });
});
