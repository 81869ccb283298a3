import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createPhase } from "../support/phases.ts";
import { measure } from "../support/round-trips.ts";
import { createAgenda, createSession, type SessionBody } from "../support/sessions.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

const create = (user: TestUser, eventId: string, body: Record<string, unknown>) =>
  postJson(`/v1/events/${eventId}/sessions`, body, { headers: user.headers });

const keynote = (overrides: Record<string, unknown> = {}) => ({
  title: "Opening keynote",
  room: "Main hall",
  starts_at: "2027-03-10T09:00:00+03:00",
  ends_at: "2027-03-10T09:45:00+03:00",
  ...overrides,
});

const patch = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/sessions/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("adding sessions to the agenda", () => {
  it("answers 201 with Location, ETag and its speakers in order, in one round trip with its audit row", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const phase = await createPhase(owner.organizationId, event.id);
    const amina = await createDelegate(owner.organizationId, event.id, { firstName: "Amina" });
    const kwame = await createDelegate(owner.organizationId, event.id, { firstName: "Kwame" });
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/sessions`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(keynote({ speakers: [kwame.id, amina.id] })),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const session = (await response.json()) as SessionBody;
    expect(response.headers.get("location")).toBe(`/v1/sessions/${session.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(session).toMatchObject({
      event_id: event.id,
      phase_id: phase.id,
      title: "Opening keynote",
      room: "Main hall",
      starts_at: "2027-03-10T06:00:00.000Z",
      ends_at: "2027-03-10T06:45:00.000Z",
    });
    expect(session.speakers.map((s) => s.first_name)).toEqual(["Kwame", "Amina"]);
    expect((await auditRows(owner.organizationId, session.id)).map((a) => a.action)).toEqual([
      "event_session.create",
    ]);
  });

  it("goes in the phase containing its start; a start no phase contains, or an end past the phase, is 400 session_outside_phase", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const day1 = await createPhase(owner.organizationId, event.id, {
      startsAt: new Date("2027-03-10T05:00:00Z"),
      endsAt: new Date("2027-03-10T18:00:00Z"),
    });
    const day2 = await createPhase(owner.organizationId, event.id, {
      name: "Day 2",
      startsAt: new Date("2027-03-11T05:00:00Z"),
      endsAt: new Date("2027-03-11T18:00:00Z"),
    });
    const second = await create(
      owner,
      event.id,
      keynote({ starts_at: "2027-03-11T09:00:00Z", ends_at: "2027-03-11T10:00:00Z" }),
    );
    expect(((await second.json()) as SessionBody).phase_id).toBe(day2.id);
    const none = await expectProblem(
      await create(
        owner,
        event.id,
        keynote({ starts_at: "2027-03-10T20:00:00Z", ends_at: "2027-03-10T21:00:00Z" }),
      ),
      400,
      "session_outside_phase",
    );
    expect(none.detail).toMatch(/No phase of the event contains 2027-03-10T20:00:00.000Z/);
    const past = await expectProblem(
      await create(
        owner,
        event.id,
        keynote({ starts_at: "2027-03-10T17:30:00Z", ends_at: "2027-03-10T18:30:00Z" }),
      ),
      400,
      "session_outside_phase",
    );
    expect(past).toMatchObject({
      phase_id: day1.id,
      earliest_starts_at: "2027-03-10T05:00:00.000Z",
      latest_ends_at: "2027-03-10T18:00:00.000Z",
    });
    // Named explicitly: the session must lie in that phase, not just in some phase.
    await expectProblem(
      await create(
        owner,
        event.id,
        keynote({ phase_id: day1.id, starts_at: "2027-03-11T09:00:00Z", ends_at: "2027-03-11T10:00:00Z" }),
      ),
      400,
      "session_outside_phase",
    );
  });

  it("refuses speakers who are not delegates of the event, naming them, and writes nothing", async () => {
    const { owner } = await createTenant();
    const { event } = await createAgenda(owner.organizationId);
    const other = await createEvent(owner.organizationId);
    const ours = await createDelegate(owner.organizationId, event.id);
    const theirs = await createDelegate(owner.organizationId, other.id);
    const gone = await createDelegate(owner.organizationId, event.id, { deleted: true });
    const problem = await expectProblem(
      await create(owner, event.id, keynote({ title: "Panel", speakers: [ours.id, theirs.id, gone.id] })),
      400,
      "unknown_speaker",
    );
    expect(problem).toMatchObject({ unknown_speakers: [theirs.id, gone.id] });
    const list = (await (
      await call(`/v1/events/${event.id}/sessions`, { headers: owner.headers })
    ).json()) as {
      data: SessionBody[];
    };
    expect(list.data.map((s) => s.title)).not.toContain("Panel");
  });

  it("refuses an end before the start, unknown fields, an unknown phase and another organisation's event", async () => {
    const { owner } = await createTenant();
    const { event } = await createAgenda(owner.organizationId);
    const order = await expectProblem(
      await create(owner, event.id, keynote({ ends_at: "2027-03-10T08:00:00+03:00" })),
      400,
      "validation_failed",
    );
    expect(order.errors).toEqual([expect.objectContaining({ path: "json.ends_at", code: "date_order" })]);
    const unknown = await expectProblem(
      await create(owner, event.id, keynote({ event_id: event.id })),
      400,
      "validation_failed",
    );
    expect(unknown.errors).toEqual([
      expect.objectContaining({ path: "json.event_id", code: "unknown_field" }),
    ]);
    await expectProblem(
      await create(owner, event.id, keynote({ phase_id: crypto.randomUUID() })),
      404,
      "event_phase_not_found",
    );
    const stranger = await createTenant();
    await expectProblem(await create(stranger.owner, event.id, keynote()), 404, "event_not_found");
  });
});

describe("reading the agenda", () => {
  it("lists the sessions in programme order, one round trip, filtered by phase, speaker, room and time, page by page", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const day1 = await createPhase(owner.organizationId, event.id);
    const day2 = await createPhase(owner.organizationId, event.id, {
      name: "Day 2",
      startsAt: new Date("2027-03-11T05:00:00Z"),
      endsAt: new Date("2027-03-11T18:00:00Z"),
    });
    const amina = await createDelegate(owner.organizationId, event.id);
    const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, 9 + day, hour));
    const late = await createSession(owner.organizationId, event.id, day1.id, {
      title: "Closing",
      startsAt: at(1, 16),
      endsAt: at(1, 17),
    });
    const early = await createSession(owner.organizationId, event.id, day1.id, {
      title: "Keynote",
      startsAt: at(1, 6),
      endsAt: at(1, 7),
      speakers: [amina.id],
    });
    const next = await createSession(owner.organizationId, event.id, day2.id, {
      title: "Day 2",
      startsAt: at(2, 6),
      endsAt: at(2, 7),
      room: "Hall B",
    });
    await createSession(owner.organizationId, event.id, day1.id, {
      title: "Removed",
      startsAt: at(1, 8),
      endsAt: at(1, 9),
      deleted: true,
    });

    const list = async (query: string) => {
      const response = await call(`/v1/events/${event.id}/sessions${query}`, { headers: owner.headers });
      expect(response.status).toBe(200);
      return (await response.json()) as { data: SessionBody[]; next_cursor: string | null };
    };
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/sessions`, {
      headers: owner.headers,
    });
    expect(roundTrips).toBe(1);
    expect(((await response.json()) as { data: SessionBody[] }).data.map((s) => s.id)).toEqual([
      early.id,
      late.id,
      next.id,
    ]);
    expect((await list(`?phase_id=${day2.id}`)).data.map((s) => s.id)).toEqual([next.id]);
    expect((await list(`?speaker_id=${amina.id}`)).data.map((s) => s.id)).toEqual([early.id]);
    expect((await list("?room=Hall%20B")).data.map((s) => s.id)).toEqual([next.id]);
    expect(
      (await list(`?from=${at(1, 12).toISOString()}&to=${at(2, 12).toISOString()}`)).data.map((s) => s.id),
    ).toEqual([late.id, next.id]);
    const first = await list("?limit=2");
    expect(first.data.map((s) => s.id)).toEqual([early.id, late.id]);
    expect((await list(`?limit=2&cursor=${first.next_cursor}`)).data.map((s) => s.id)).toEqual([next.id]);
    await expectProblem(
      await call(
        `/v1/events/${event.id}/sessions?from=${at(2, 0).toISOString()}&to=${at(1, 0).toISOString()}`,
        { headers: owner.headers },
      ),
      400,
      "validation_failed",
    );
  });

  it("reads one session with its ETag; another organisation's is 404", async () => {
    const { owner } = await createTenant();
    const { session } = await createAgenda(owner.organizationId);
    const { response, roundTrips } = await measure(`/v1/sessions/${session.id}`, { headers: owner.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("etag")).toMatch(/^"/);
    const stranger = await createTenant();
    await expectProblem(
      await call(`/v1/sessions/${session.id}`, { headers: stranger.owner.headers }),
      404,
      "event_session_not_found",
    );
  });
});

describe("editing, removing and restoring a session", () => {
  it("changes title, room and speakers (replaced in order) in two round trips; a stale If-Match is 412", async () => {
    const { owner } = await createTenant();
    const { event, session } = await createAgenda(owner.organizationId);
    const amina = await createDelegate(owner.organizationId, event.id, { firstName: "Amina" });
    const kwame = await createDelegate(owner.organizationId, event.id, { firstName: "Kwame" });
    const read = await call(`/v1/sessions/${session.id}`, { headers: owner.headers });
    const etag = read.headers.get("etag") ?? "";
    const { response, roundTrips } = await measure(`/v1/sessions/${session.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ room: "Hall B", speakers: [amina.id, kwame.id] }),
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(2);
    const updated = (await response.json()) as SessionBody;
    expect(updated.room).toBe("Hall B");
    expect(updated.speakers.map((s) => s.first_name)).toEqual(["Amina", "Kwame"]);
    const reordered = (await (
      await patch(owner, session.id, { speakers: [kwame.id] })
    ).json()) as SessionBody;
    expect(reordered.speakers.map((s) => s.first_name)).toEqual(["Kwame"]);
    await expectProblem(
      await patch(owner, session.id, { title: "Stale" }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
    const audit = (await auditRows(owner.organizationId, session.id)).map((a) => a.action);
    expect(audit).toEqual(["event_session.update", "event_session.update"]);
  });

  it("does not change times by PATCH (they move with POST …/move), nor take foreign speakers", async () => {
    const { owner } = await createTenant();
    const { session } = await createAgenda(owner.organizationId);
    const other = await createEvent(owner.organizationId);
    const stranger = await createDelegate(owner.organizationId, other.id);
    const times = await expectProblem(
      await patch(owner, session.id, { starts_at: "2027-03-10T07:00:00Z" }),
      400,
      "validation_failed",
    );
    expect(times.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "json.starts_at", code: "unknown_field" })]),
    );
    await expectProblem(await patch(owner, session.id, { speakers: [stranger.id] }), 400, "unknown_speaker");
    await expectProblem(await patch(owner, session.id, {}), 400, "validation_failed");
  });

  it("deletes softly (404 after, audited) and restores", async () => {
    const { owner } = await createTenant();
    const { session } = await createAgenda(owner.organizationId);
    expect(
      (await call(`/v1/sessions/${session.id}`, { method: "DELETE", headers: owner.headers })).status,
    ).toBe(204);
    await expectProblem(
      await call(`/v1/sessions/${session.id}`, { headers: owner.headers }),
      404,
      "event_session_not_found",
    );
    const restored = await call(`/v1/sessions/${session.id}/restore`, {
      method: "POST",
      headers: owner.headers,
    });
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as SessionBody).id).toBe(session.id);
    expect((await auditRows(owner.organizationId, session.id)).map((a) => a.action)).toEqual([
      "event_session.delete",
      "event_session.restore",
    ]);
  });

  it("lets a viewer read the agenda but not change it", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const { event, session } = await createAgenda(owner.organizationId);
    expect((await call(`/v1/sessions/${session.id}`, { headers: viewer.headers })).status).toBe(200);
    await expectProblem(await create(viewer, event.id, keynote()), 403, "missing_permission");
  });
});
