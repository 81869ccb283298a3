import { describe, expect, it } from "vitest";
import { type ContentBody, createContent } from "../support/content.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { postsOf } from "../support/publishing.ts";
import { createAgenda } from "../support/sessions.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

type Relative = { session_id?: string; phase_id?: string; edge: "start" | "end"; offset_minutes: number };
type Body = ContentBody & { relative_to: Relative | null };

const createDraft = (user: TestUser, body: Record<string, unknown>) =>
  postJson(
    "/v1/content",
    { content_type: "post", caption: "Live from the main hall", target_platforms: ["x"], ...body },
    { headers: user.headers },
  );

const patch = (user: TestUser, id: string, body: unknown) =>
  call(`/v1/content/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const transition = (user: TestUser, id: string, body: unknown) =>
  postJson(`/v1/content/${id}/transitions`, body, { headers: user.headers });

describe("content scheduled relative to a session or phase", () => {
  it("resolves “10 minutes after the keynote starts” to scheduled_for and answers the anchor", async () => {
    const { owner } = await createTenant();
    const { event, phase, session } = await createAgenda(owner.organizationId);
    const relative = { session_id: session.id, edge: "start", offset_minutes: 10 };
    const response = await createDraft(owner, { event_id: event.id, relative_to: relative });
    expect(response.status).toBe(201);
    const draft = (await response.json()) as Body;
    expect(draft.relative_to).toEqual(relative);
    expect(draft.scheduled_for).toBe("2027-03-10T06:10:00.000Z");
    // "An hour before the phase ends", set on the draft afterwards.
    const moved = (await (
      await patch(owner, draft.id, { relative_to: { phase_id: phase.id, edge: "end", offset_minutes: -60 } })
    ).json()) as Body;
    expect(moved.scheduled_for).toBe("2027-03-10T17:00:00.000Z");
    expect(moved.relative_to).toEqual({ phase_id: phase.id, edge: "end", offset_minutes: -60 });
  });

  it("refuses a clock time with an anchor, an anchor of another event or none, and an unknown session", async () => {
    const { owner } = await createTenant();
    const { event, session } = await createAgenda(owner.organizationId);
    const other = await createAgenda(owner.organizationId);
    const relative = { session_id: session.id, edge: "start", offset_minutes: 10 };
    const both = await expectProblem(
      await createDraft(owner, {
        event_id: event.id,
        relative_to: relative,
        scheduled_for: "2027-03-10T06:00:00Z",
      }),
      400,
      "validation_failed",
    );
    expect(both.errors).toEqual([
      expect.objectContaining({ path: "json.relative_to", code: "relative_and_clock_time" }),
    ]);
    const neither = await expectProblem(
      await createDraft(owner, { event_id: event.id, relative_to: { edge: "start", offset_minutes: 0 } }),
      400,
      "validation_failed",
    );
    expect(neither.errors).toEqual([expect.objectContaining({ path: "json.relative_to.session_id" })]);
    await expectProblem(
      await createDraft(owner, { event_id: other.event.id, relative_to: relative }),
      422,
      "relative_anchor_outside_event",
    );
    await expectProblem(
      await createDraft(owner, { relative_to: relative }),
      422,
      "relative_anchor_outside_event",
    );
    await expectProblem(
      await createDraft(owner, {
        event_id: event.id,
        relative_to: { ...relative, session_id: crypto.randomUUID() },
      }),
      404,
      "event_session_not_found",
    );
    const stranger = await createTenant();
    const theirs = await createAgenda(stranger.owner.organizationId);
    await expectProblem(
      await createDraft(owner, {
        event_id: event.id,
        relative_to: { ...relative, session_id: theirs.session.id },
      }),
      404,
      "event_session_not_found",
    );
  });

  it("drops the anchor when a clock time is set, and keeps the time when only the anchor is dropped", async () => {
    const { owner } = await createTenant();
    const { event, session } = await createAgenda(owner.organizationId);
    const draft = (await (
      await createDraft(owner, {
        event_id: event.id,
        relative_to: { session_id: session.id, edge: "end", offset_minutes: 5 },
      })
    ).json()) as Body;
    expect(draft.scheduled_for).toBe("2027-03-10T06:50:00.000Z");
    const clock = (await (
      await patch(owner, draft.id, { scheduled_for: "2027-03-10T07:00:00Z" })
    ).json()) as Body;
    expect(clock).toMatchObject({ scheduled_for: "2027-03-10T07:00:00.000Z", relative_to: null });
    const again = (await (
      await patch(owner, draft.id, {
        relative_to: { session_id: session.id, edge: "start", offset_minutes: -30 },
      })
    ).json()) as Body;
    expect(again.scheduled_for).toBe("2027-03-10T05:30:00.000Z");
    const dropped = (await (await patch(owner, draft.id, { relative_to: null })).json()) as Body;
    expect(dropped).toMatchObject({ scheduled_for: "2027-03-10T05:30:00.000Z", relative_to: null });
    // Another event for anchored content needs a new anchor too.
    await patch(owner, draft.id, {
      relative_to: { session_id: session.id, edge: "start", offset_minutes: 0 },
    });
    const other = await createAgenda(owner.organizationId);
    await expectProblem(
      await patch(owner, draft.id, { event_id: other.event.id }),
      422,
      "relative_anchor_outside_event",
    );
  });

  it("schedules approved content relative to a phase's end: the same outbox rows as that clock time", async () => {
    const { owner } = await createTenant();
    const { event, phase } = await createAgenda(owner.organizationId);
    await createSocialAccount(owner, { platform: "x" });
    const relativeOne = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      eventId: event.id,
      targetPlatforms: ["x"],
    });
    const clockOne = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      eventId: event.id,
      targetPlatforms: ["x"],
    });
    const relative = { phase_id: phase.id, edge: "end", offset_minutes: -60 };
    const scheduled = await transition(owner, relativeOne.id, { to: "scheduled", relative_to: relative });
    expect(scheduled.status).toBe(200);
    expect((await scheduled.json()) as Body).toMatchObject({
      workflow_status: "scheduled",
      scheduled_for: "2027-03-10T17:00:00.000Z",
      relative_to: relative,
    });
    expect(
      (await transition(owner, clockOne.id, { to: "scheduled", scheduled_for: "2027-03-10T17:00:00Z" }))
        .status,
    ).toBe(200);
    const shape = (posts: Awaited<ReturnType<typeof postsOf>>) =>
      posts.map((p) => ({
        platform: p.platform,
        status: p.publishStatus,
        due: p.nextAttemptAt?.toISOString(),
      }));
    const [relativePosts, clockPosts] = [
      await postsOf(owner.organizationId, relativeOne.id),
      await postsOf(owner.organizationId, clockOne.id),
    ];
    expect(shape(relativePosts)).toEqual([
      { platform: "x", status: "pending", due: "2027-03-10T17:00:00.000Z" },
    ]);
    expect(shape(relativePosts)).toEqual(shape(clockPosts));
    await expectProblem(
      await transition(owner, relativeOne.id, { to: "approved", relative_to: relative }),
      400,
      "validation_failed",
    );
  });

  it("publishing now drops the anchor: the post went out at a clock time", async () => {
    const { owner } = await createTenant();
    const { event, session } = await createAgenda(owner.organizationId);
    await createSocialAccount(owner, { platform: "x" });
    const row = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      eventId: event.id,
      targetPlatforms: ["x"],
    });
    await transition(owner, row.id, {
      to: "scheduled",
      relative_to: { session_id: session.id, edge: "start", offset_minutes: 0 },
    });
    const now = await postJson(`/v1/content/${row.id}/publish-now`, {}, { headers: owner.headers });
    expect(now.status).toBe(202);
    const read = (await (await call(`/v1/content/${row.id}`, { headers: owner.headers })).json()) as Body;
    expect(read.relative_to).toBeNull();
  });
});
