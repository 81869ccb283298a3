import { describe, expect, it, vi } from "vitest";
import { notificationsOf, objectState, requestRow, rolesStep, submitted } from "../support/approvals.ts";
import { auditRows } from "../support/audit.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createPhase } from "../support/phases.ts";
import { postRow, postsOf, updatePost } from "../support/publishing.ts";
import { measure } from "../support/round-trips.ts";
import {
  claimableNow,
  claimInProgress,
  createAgenda,
  createSession,
  type FollowedBody,
  movePhase,
  moveSession,
  movesWaitingForPosts,
  type SessionBody,
} from "../support/sessions.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";
import { createWorkflow } from "../support/workflows.ts";

type Relative = { session_id?: string; phase_id?: string; edge: "start" | "end"; offset_minutes: number };
type ContentBody = { id: string; scheduled_for: string | null; workflow_status: string };
type SessionMove = { session: SessionBody; followed: FollowedBody };

const HOUR = 3_600_000;

/** Content written by `author` (its creator: the one told), scheduled relative to `relative` by `owner`. */
async function scheduledRelative(
  author: TestUser,
  owner: TestUser,
  eventId: string,
  relative: Relative,
  options: { platforms?: string[]; status?: "draft" | "scheduled" } = {},
): Promise<ContentBody> {
  const created = await postJson(
    "/v1/content",
    {
      content_type: "post",
      caption: `Live from the main hall ${crypto.randomUUID().slice(0, 8)}`,
      target_platforms: options.platforms ?? ["x"],
      event_id: eventId,
      relative_to: relative,
      approval_required: false,
    },
    { headers: author.headers },
  );
  if (created.status !== 201) throw new Error(`content: ${created.status} ${await created.text()}`);
  const row = (await created.json()) as ContentBody;
  if (options.status === "draft") return row;
  for (const to of ["in_review", "approved", "scheduled"]) {
    const moved = await postJson(`/v1/content/${row.id}/transitions`, { to }, { headers: owner.headers });
    if (moved.status !== 200) throw new Error(`${to}: ${moved.status} ${await moved.text()}`);
  }
  return { ...row, workflow_status: "scheduled" };
}

const followedOf = (body: { followed: FollowedBody }, contentId: string) =>
  body.followed.content.find((item) => item.id === contentId);

describe("moving a session", () => {
  it("takes its relative content along in two round trips: times, waiting posts, notices and audit", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const { event, phase, session } = await createAgenda(owner.organizationId);
    const other = await createSession(owner.organizationId, event.id, phase.id, {
      startsAt: new Date("2027-03-10T10:00:00Z"),
      endsAt: new Date("2027-03-10T11:00:00Z"),
    });
    await createSocialAccount(owner, { platform: "x" });
    const scheduled = await scheduledRelative(editor, owner, event.id, {
      session_id: session.id,
      edge: "start",
      offset_minutes: 10,
    });
    const draft = await scheduledRelative(
      editor,
      owner,
      event.id,
      { session_id: session.id, edge: "end", offset_minutes: -5 },
      { status: "draft" },
    );
    const unrelated = await scheduledRelative(editor, owner, event.id, {
      session_id: other.id,
      edge: "start",
      offset_minutes: 0,
    });

    const { response, roundTrips } = await measure(`/v1/sessions/${session.id}/move`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ shift_minutes: 15 }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    const body = (await response.json()) as SessionMove;
    expect(response.headers.get("etag")).toMatch(/^"/);
    expect(body.session).toMatchObject({
      starts_at: "2027-03-10T06:15:00.000Z",
      ends_at: "2027-03-10T07:00:00.000Z",
    });
    expect(followedOf(body, scheduled.id)).toEqual({
      id: scheduled.id,
      title: null,
      workflow_status: "scheduled",
      scheduled_for: { from: "2027-03-10T06:10:00.000Z", to: "2027-03-10T06:25:00.000Z" },
      posts: { moved: 1, held: 0 },
      held: false,
    });
    expect(followedOf(body, draft.id)?.scheduled_for).toEqual({
      from: "2027-03-10T06:40:00.000Z",
      to: "2027-03-10T06:55:00.000Z",
    });
    expect(body.followed).toMatchObject({ posts: { moved: 1, held: 0, in_flight: 0 }, approval_requests: 0 });
    expect(body.followed.content).toHaveLength(2);

    const [post] = await postsOf(owner.organizationId, scheduled.id);
    expect(post).toMatchObject({ publishStatus: "pending", nextAttemptAt: new Date("2027-03-10T06:25:00Z") });
    const [untouched] = await postsOf(owner.organizationId, unrelated.id);
    expect(untouched?.nextAttemptAt).toEqual(new Date("2027-03-10T10:00:00Z"));
    const notices = await notificationsOf(owner.organizationId, editor.id, "schedule.moved");
    expect(notices.map((n) => n.link).sort()).toEqual(
      [`/v1/content/${draft.id}`, `/v1/content/${scheduled.id}`].sort(),
    );
    expect(notices[0]?.message).toMatch(
      /^Now 2027-03-10T06:\d\dZ \(was 2027-03-10T06:\d\dZ\), because the session "Keynote .*" moved\.$/,
    );
    expect((await auditRows(owner.organizationId, session.id)).map((a) => a.action)).toContain(
      "event_session.move",
    );
    const follow = (await auditRows(owner.organizationId, scheduled.id)).find(
      (a) => a.action === "content.schedule_follow",
    );
    expect(follow?.changes).toMatchObject({ session_id: session.id, held: false });
  });

  it("takes “starts_at”, keeps the duration unless ends_at is given, and refuses leaving the phase, both targets, or a stale If-Match", async () => {
    const { owner } = await createTenant();
    const { session } = await createAgenda(owner.organizationId);
    const moved = (await (
      await moveSession(owner, session.id, { starts_at: "2027-03-10T10:00:00+03:00" })
    ).json()) as SessionMove;
    expect(moved.session).toMatchObject({
      starts_at: "2027-03-10T07:00:00.000Z",
      ends_at: "2027-03-10T07:45:00.000Z",
    });
    const longer = (await (
      await moveSession(owner, session.id, { shift_minutes: -30, ends_at: "2027-03-10T08:00:00Z" })
    ).json()) as SessionMove;
    expect(longer.session).toMatchObject({
      starts_at: "2027-03-10T06:30:00.000Z",
      ends_at: "2027-03-10T08:00:00.000Z",
    });
    const outside = await expectProblem(
      await moveSession(owner, session.id, { starts_at: "2027-03-10T17:30:00Z" }),
      400,
      "session_outside_phase",
    );
    expect(outside).toMatchObject({ latest_ends_at: "2027-03-10T18:00:00.000Z" });
    const both = await expectProblem(
      await moveSession(owner, session.id, { starts_at: "2027-03-10T07:00:00Z", shift_minutes: 5 }),
      400,
      "validation_failed",
    );
    expect(both.errors).toEqual([expect.objectContaining({ code: "move_target" })]);
    await expectProblem(await moveSession(owner, session.id, {}), 400, "validation_failed");
    await expectProblem(
      await moveSession(owner, session.id, { shift_minutes: 5 }, { "if-match": '"stale"' }),
      412,
      "precondition_failed",
    );
    const stranger = await createTenant();
    await expectProblem(
      await moveSession(stranger.owner, session.id, { shift_minutes: 5 }),
      404,
      "event_session_not_found",
    );
  });

  it("leaves a post already claimed in flight: it goes out as it is, and is counted", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const { event, session } = await createAgenda(owner.organizationId);
    await createSocialAccount(owner, { platform: "x" });
    const row = await scheduledRelative(editor, owner, event.id, {
      session_id: session.id,
      edge: "start",
      offset_minutes: 0,
    });
    const [post] = await postsOf(owner.organizationId, row.id);
    const claimedAt = new Date();
    await updatePost(owner.organizationId, post!.id, {
      publishStatus: "queued",
      claimedAt,
      nextAttemptAt: claimedAt,
    });
    const body = (await (await moveSession(owner, session.id, { shift_minutes: 30 })).json()) as SessionMove;
    expect(body.followed.posts).toEqual({ moved: 0, held: 0, in_flight: 1 });
    expect(followedOf(body, row.id)?.posts).toEqual({ moved: 0, held: 0 });
    expect(await postRow(owner.organizationId, post!.id)).toMatchObject({
      publishStatus: "queued",
      nextAttemptAt: claimedAt,
    });
  });

  it("meeting a post the cron is claiming, waits for the claim and then leaves that post in flight", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const { event, session } = await createAgenda(owner.organizationId);
    await createSocialAccount(owner, { platform: "x" });
    await createSocialAccount(owner, { platform: "linkedin" });
    const row = await scheduledRelative(
      editor,
      owner,
      event.id,
      { session_id: session.id, edge: "start", offset_minutes: 0 },
      {
        platforms: ["x", "linkedin"],
      },
    );
    const [claimed, waiting] = await postsOf(owner.organizationId, row.id);
    // The cron's claim has locked and marked one of the two posts, and not committed yet.
    const claim = await claimInProgress(owner.organizationId, claimed!.id);
    const move = moveSession(owner, session.id, { shift_minutes: 20 });
    await vi.waitFor(
      async () => {
        if ((await movesWaitingForPosts(owner.organizationId)) < 1)
          throw new Error("the move is not waiting for the claim yet");
      },
      { timeout: 10_000, interval: 25 },
    );
    await claim.commit();
    const response = await move;
    expect(response.status).toBe(200);
    const body = (await response.json()) as SessionMove;
    expect(body.followed.posts).toEqual({ moved: 1, held: 0, in_flight: 1 });
    expect(await postRow(owner.organizationId, claimed!.id)).toMatchObject({ publishStatus: "queued" });
    expect(await postRow(owner.organizationId, waiting!.id)).toMatchObject({
      publishStatus: "pending",
      nextAttemptAt: new Date("2027-03-10T06:20:00Z"),
    });
  });

  it("holds a post whose new time has passed: the claim never takes it, and the organiser decides", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const now = Date.now();
    const { event, session } = await createAgenda(owner.organizationId, {
      event: { startDate: new Date(now - 24 * HOUR), endDate: new Date(now + 24 * HOUR) },
      phase: { startsAt: new Date(now - 24 * HOUR), endsAt: new Date(now + 24 * HOUR) },
      session: { startsAt: new Date(now + HOUR), endsAt: new Date(now + 2 * HOUR) },
    });
    await createSocialAccount(owner, { platform: "x" });
    const row = await scheduledRelative(editor, owner, event.id, {
      session_id: session.id,
      edge: "start",
      offset_minutes: 0,
    });
    const [post] = await postsOf(owner.organizationId, row.id);

    const body = (await (
      await moveSession(owner, session.id, { shift_minutes: -180 })
    ).json()) as SessionMove;
    expect(followedOf(body, row.id)).toMatchObject({ held: true, posts: { moved: 1, held: 1 } });
    expect(await postRow(owner.organizationId, post!.id)).toMatchObject({ publishStatus: "held" });
    expect((await notificationsOf(owner.organizationId, editor.id, "schedule.held"))[0]?.message).toMatch(
      /wait for a decision: publish now, schedule again or unschedule/,
    );
    expect(await claimableNow(owner.organizationId)).not.toContain(post!.id);
    // A later move keeps it held, at its new time.
    const again = (await (await moveSession(owner, session.id, { shift_minutes: 30 })).json()) as SessionMove;
    expect(followedOf(again, row.id)).toMatchObject({ held: true });
    const listed = await call("/v1/published-posts?status=held", { headers: owner.headers });
    expect(((await listed.json()) as { data: Array<{ id: string }> }).data.map((p) => p.id)).toEqual([
      post!.id,
    ]);

    // Schedule again (relative, three hours later): the post waits as pending at the new time.
    const rescheduled = await postJson(
      `/v1/content/${row.id}/transitions`,
      { to: "scheduled", relative_to: { session_id: session.id, edge: "start", offset_minutes: 180 } },
      { headers: owner.headers },
    );
    expect(rescheduled.status).toBe(200);
    const due = new Date(((await rescheduled.json()) as ContentBody).scheduled_for!);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(await postRow(owner.organizationId, post!.id)).toMatchObject({
      publishStatus: "pending",
      nextAttemptAt: due,
    });

    // Held once more, then unscheduled: cancelled, nothing goes out.
    await moveSession(owner, session.id, { shift_minutes: -240 });
    expect(await postRow(owner.organizationId, post!.id)).toMatchObject({ publishStatus: "held" });
    const unscheduled = await postJson(
      `/v1/content/${row.id}/transitions`,
      { to: "approved" },
      { headers: owner.headers },
    );
    expect(unscheduled.status).toBe(200);
    expect(await postRow(owner.organizationId, post!.id)).toMatchObject({ publishStatus: "cancelled" });
  });

  it("holds a post the move carries out of the event's dates; one that was already outside moves on", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const event = await createEvent(owner.organizationId);
    // A phase may run past the event's end (the after-party), and its sessions with it.
    const phase = await createPhase(owner.organizationId, event.id, {
      name: "Day 2",
      startsAt: new Date("2027-03-11T05:00:00Z"),
      endsAt: new Date("2027-03-12T05:00:00Z"),
    });
    const session = await createSession(owner.organizationId, event.id, phase.id, {
      startsAt: new Date("2027-03-11T16:00:00Z"),
      endsAt: new Date("2027-03-11T17:00:00Z"),
    });
    await createSocialAccount(owner, { platform: "x" });
    const inside = await scheduledRelative(editor, owner, event.id, {
      session_id: session.id,
      edge: "start",
      offset_minutes: 0,
    });
    const outside = await scheduledRelative(editor, owner, event.id, {
      session_id: session.id,
      edge: "end",
      offset_minutes: 90,
    });
    const body = (await (await moveSession(owner, session.id, { shift_minutes: 180 })).json()) as SessionMove;
    expect(followedOf(body, inside.id)).toMatchObject({
      held: true,
      scheduled_for: { to: "2027-03-11T19:00:00.000Z" },
    });
    expect(followedOf(body, outside.id)).toMatchObject({
      held: false,
      scheduled_for: { to: "2027-03-11T21:30:00.000Z" },
    });
    expect(body.followed.posts).toEqual({ moved: 2, held: 1, in_flight: 0 });
    // Publishing a held post now is one of the decisions.
    const now = await postJson(`/v1/content/${inside.id}/publish-now`, {}, { headers: owner.headers });
    expect(now.status).toBe(202);
    const [post] = await postsOf(owner.organizationId, inside.id);
    expect(post?.publishStatus).not.toBe("held");
  });

  it("moves the deadlines of pending approvals that count back from the publish time, in Postgres and in the request's clock", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const { event, session } = await createAgenda(owner.organizationId);
    await createWorkflow(owner.organizationId, {
      steps: [rolesStep(["manager"], 1, { deadline: { beforePublishHours: 2 }, remindBeforeHours: 1 })],
    });
    const draft = await scheduledRelative(
      editor,
      owner,
      event.id,
      { session_id: session.id, edge: "start", offset_minutes: 0 },
      { status: "draft" },
    );
    const request = await submitted(editor, draft.id);
    expect(request).toMatchObject({
      step_due_at: "2027-03-10T04:00:00.000Z",
      expires_at: "2027-03-10T06:00:00.000Z",
    });

    const body = (await (await moveSession(owner, session.id, { shift_minutes: 60 })).json()) as SessionMove;
    expect(body.followed.approval_requests).toBe(1);
    expect(await requestRow(owner.organizationId, request.id)).toMatchObject({
      stepDueAt: new Date("2027-03-10T05:00:00Z"),
      expiresAt: new Date("2027-03-10T07:00:00Z"),
    });
    expect(await objectState(owner.organizationId, request.id)).toMatchObject({
      stepDueAt: "2027-03-10T05:00:00.000Z",
      expiresAt: "2027-03-10T07:00:00.000Z",
    });
    // The approver of the current step hears of it, as does the author.
    expect(await notificationsOf(owner.organizationId, manager.id, "schedule.moved")).toHaveLength(1);
    expect(await notificationsOf(owner.organizationId, editor.id, "schedule.moved")).toHaveLength(1);
  });
});

describe("moving a phase", () => {
  it("moves its sessions by the same shift, and what hangs on the phase and on them, in two round trips", async () => {
    const { owner, editor } = await createTenant(["owner", "editor"]);
    const { event, phase, session } = await createAgenda(owner.organizationId);
    const later = await createSession(owner.organizationId, event.id, phase.id, {
      startsAt: new Date("2027-03-10T10:00:00Z"),
      endsAt: new Date("2027-03-10T11:00:00Z"),
    });
    await createSocialAccount(owner, { platform: "x" });
    const onSession = await scheduledRelative(editor, owner, event.id, {
      session_id: session.id,
      edge: "start",
      offset_minutes: 10,
    });
    const onPhase = await scheduledRelative(editor, owner, event.id, {
      phase_id: phase.id,
      edge: "end",
      offset_minutes: -60,
    });

    const { response, roundTrips } = await measure(`/v1/event-phases/${phase.id}/move`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ shift_minutes: 60 }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    const body = (await response.json()) as {
      phase: { starts_at: string; ends_at: string };
      sessions_moved: number;
      followed: FollowedBody;
    };
    expect(body.phase).toMatchObject({
      starts_at: "2027-03-10T06:00:00.000Z",
      ends_at: "2027-03-10T19:00:00.000Z",
    });
    expect(body.sessions_moved).toBe(2);
    expect(followedOf(body, onSession.id)?.scheduled_for.to).toBe("2027-03-10T07:10:00.000Z");
    expect(followedOf(body, onPhase.id)?.scheduled_for.to).toBe("2027-03-10T18:00:00.000Z");
    const read = (await (
      await call(`/v1/sessions/${later.id}`, { headers: owner.headers })
    ).json()) as SessionBody;
    expect(read.starts_at).toBe("2027-03-10T11:00:00.000Z");
    expect((await auditRows(owner.organizationId, phase.id)).map((a) => a.action)).toContain(
      "event_phase.move",
    );
  });

  it("refuses ending before its sessions, overlapping another phase, leaving the event's window; its times no longer change by PATCH", async () => {
    const { owner } = await createTenant();
    const { event, phase } = await createAgenda(owner.organizationId);
    await createPhase(owner.organizationId, event.id, {
      name: "Day 2",
      startsAt: new Date("2027-03-11T05:00:00Z"),
      endsAt: new Date("2027-03-11T18:00:00Z"),
    });
    await expectProblem(
      await movePhase(owner, phase.id, { shift_minutes: 0, ends_at: "2027-03-10T06:30:00Z" }),
      409,
      "sessions_outside_phase",
    );
    await expectProblem(await movePhase(owner, phase.id, { shift_minutes: 12 * 60 }), 409, "phase_overlap");
    await expectProblem(
      await movePhase(owner, phase.id, { starts_at: "2027-09-01T05:00:00Z" }),
      400,
      "phase_outside_event",
    );
    const patched = await call(`/v1/events/${event.id}/phases/${phase.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ starts_at: "2027-03-10T04:00:00Z" }),
    });
    await expectProblem(patched, 409, "phase_has_agenda");
    const renamed = await call(`/v1/events/${event.id}/phases/${phase.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "Opening day" }),
    });
    expect(renamed.status).toBe(200);
    const stranger = await createTenant();
    await expectProblem(
      await movePhase(stranger.owner, phase.id, { shift_minutes: 5 }),
      404,
      "event_phase_not_found",
    );
  });
});
