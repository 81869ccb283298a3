import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createPhase } from "../support/phases.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

interface PhaseBody {
  id: string;
  event_id: string;
  name: string;
  description: string | null;
  starts_at: string;
  ends_at: string;
  sort_order: number;
}

interface OverlapProblem {
  overlapping_phase: { id: string; name: string; starts_at: string; ends_at: string };
}

// The factory's event runs 2027-03-10T05:00Z – 2027-03-11T18:00Z.
const EVENT_START = Date.parse("2027-03-10T05:00:00Z");
const EVENT_END = Date.parse("2027-03-11T18:00:00Z");
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const phaseInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Day 1",
  starts_at: "2027-03-10T05:00:00Z",
  ends_at: "2027-03-10T18:00:00Z",
  ...overrides,
});

const phasesOf = (eventId: string) => `/v1/events/${eventId}/phases`;

const create = (user: TestUser, eventId: string, overrides: Record<string, unknown> = {}) =>
  postJson(phasesOf(eventId), phaseInput(overrides), { headers: user.headers });

const patch = (user: TestUser, path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

async function listAll(user: TestUser, eventId: string): Promise<PhaseBody[]> {
  const response = await call(phasesOf(eventId), { headers: user.headers });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: PhaseBody[] }).data;
}

describe("creating phases", () => {
  it("answers 201 with Location and ETag, in one round trip with its audit row", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const { response, roundTrips } = await measure(phasesOf(event.id), {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(phaseInput({ description: "Opening plenary and ministerial panel" })),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const phase = (await response.json()) as PhaseBody;
    expect(response.headers.get("location")).toBe(`/v1/events/${event.id}/phases/${phase.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(phase).toMatchObject({
      event_id: event.id,
      name: "Day 1",
      description: "Opening plenary and ministerial panel",
      starts_at: "2027-03-10T05:00:00.000Z",
      ends_at: "2027-03-10T18:00:00.000Z",
      sort_order: 0,
    });
    const audit = await auditRows(owner.organizationId, phase.id);
    expect(audit.map((a) => a.action)).toEqual(["event_phase.create"]);
    expect(audit[0]?.changes).toMatchObject({ event_id: event.id, name: "Day 1" });
  });

  it("sort_order defaults to the phase's position by start; a given one is kept", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const day1 = (await (await create(owner, event.id)).json()) as PhaseBody;
    const day2 = (await (
      await create(owner, event.id, {
        name: "Day 2",
        starts_at: "2027-03-11T05:00:00Z",
        ends_at: "2027-03-11T18:00:00Z",
      })
    ).json()) as PhaseBody;
    const pre = (await (
      await create(owner, event.id, {
        name: "Pre-event",
        starts_at: "2027-03-01T00:00:00Z",
        ends_at: "2027-03-10T00:00:00Z",
      })
    ).json()) as PhaseBody;
    const post = (await (
      await create(owner, event.id, {
        name: "Post-event",
        starts_at: "2027-03-12T00:00:00Z",
        ends_at: "2027-03-20T00:00:00Z",
        sort_order: 9,
      })
    ).json()) as PhaseBody;
    expect([day1.sort_order, day2.sort_order, pre.sort_order, post.sort_order]).toEqual([0, 1, 0, 9]);
  });

  it("pre- and post-event phases may reach 90 days before the start and after the end, not further (400 phase_outside_event with the bounds)", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const earliest = EVENT_START - 90 * DAY;
    const latest = EVENT_END + 90 * DAY;
    expect(
      (
        await create(owner, event.id, {
          name: "Pre-event",
          starts_at: iso(earliest),
          ends_at: iso(EVENT_START),
        })
      ).status,
    ).toBe(201);
    expect(
      (await create(owner, event.id, { name: "Post-event", starts_at: iso(EVENT_END), ends_at: iso(latest) }))
        .status,
    ).toBe(201);
    const before = await expectProblem(
      await create(owner, event.id, { starts_at: iso(earliest - 1000), ends_at: iso(earliest) }),
      400,
      "phase_outside_event",
    );
    expect(before).toMatchObject({
      event_start_date: iso(EVENT_START),
      event_end_date: iso(EVENT_END),
      earliest_starts_at: iso(earliest),
      latest_ends_at: iso(latest),
    });
    await expectProblem(
      await create(owner, event.id, { starts_at: iso(latest), ends_at: iso(latest + 1000) }),
      400,
      "phase_outside_event",
    );
    expect(await listAll(owner, event.id)).toHaveLength(2);
  });

  it("refuses ends_at not after starts_at, a missing name, a negative sort_order and unknown fields (400)", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const reversed = await expectProblem(
      await create(owner, event.id, { starts_at: "2027-03-10T18:00:00Z", ends_at: "2027-03-10T05:00:00Z" }),
      400,
      "validation_failed",
    );
    expect(reversed.errors?.[0]).toMatchObject({ path: "json.ends_at", code: "date_order" });
    await expectProblem(
      await create(owner, event.id, { starts_at: "2027-03-10T05:00:00Z", ends_at: "2027-03-10T05:00:00Z" }),
      400,
      "validation_failed",
    );
    const nameless = await expectProblem(
      await postJson(
        phasesOf(event.id),
        { starts_at: "2027-03-10T05:00:00Z", ends_at: "2027-03-10T06:00:00Z" },
        { headers: owner.headers },
      ),
      400,
      "validation_failed",
    );
    expect(nameless.errors?.[0]?.path).toBe("json.name");
    const order = await expectProblem(
      await create(owner, event.id, { sort_order: -1 }),
      400,
      "validation_failed",
    );
    expect(order.errors?.[0]?.path).toBe("json.sort_order");
    const unknown = await expectProblem(
      await create(owner, event.id, { event_id: event.id }),
      400,
      "validation_failed",
    );
    expect(unknown.errors?.[0]).toMatchObject({ path: "json.event_id", code: "unknown_field" });
    const bad = await expectProblem(
      await create(owner, event.id, { starts_at: "10 March" }),
      400,
      "validation_failed",
    );
    expect(bad.errors?.[0]?.path).toBe("json.starts_at");
  });

  it("another organisation's event, a deleted event and an unknown one are 404 event_not_found", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createEvent(other.owner.organizationId);
    const deleted = await createEvent(owner.organizationId, { deleted: true });
    for (const eventId of [theirs.id, deleted.id, crypto.randomUUID()]) {
      await expectProblem(await create(owner, eventId), 404, "event_not_found");
      await expectProblem(await call(phasesOf(eventId), { headers: owner.headers }), 404, "event_not_found");
    }
    expect(await listAll(other.owner, theirs.id)).toEqual([]);
  });
});

describe("phases never overlap", () => {
  it("an overlapping phase is 409 phase_overlap naming the phase it overlaps, and writes nothing", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const day1 = (await (await create(owner, event.id)).json()) as PhaseBody;
    const problem = (await expectProblem(
      await create(owner, event.id, {
        name: "Evening",
        starts_at: "2027-03-10T17:00:00Z",
        ends_at: "2027-03-10T22:00:00Z",
      }),
      409,
      "phase_overlap",
    )) as unknown as OverlapProblem & { detail: string };
    expect(problem.overlapping_phase).toEqual({
      id: day1.id,
      name: "Day 1",
      starts_at: "2027-03-10T05:00:00.000Z",
      ends_at: "2027-03-10T18:00:00.000Z",
    });
    expect(problem.detail).toContain('"Day 1"');
    // Inside, around, and the same span overlap too.
    for (const [starts_at, ends_at] of [
      ["2027-03-10T08:00:00Z", "2027-03-10T09:00:00Z"],
      ["2027-03-10T00:00:00Z", "2027-03-11T00:00:00Z"],
      ["2027-03-10T05:00:00Z", "2027-03-10T18:00:00Z"],
    ]) {
      await expectProblem(await create(owner, event.id, { starts_at, ends_at }), 409, "phase_overlap");
    }
    expect((await listAll(owner, event.id)).map((p) => p.id)).toEqual([day1.id]);
  });

  it("a phase may start when the previous ends; deleted phases and other events' phases do not count", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const sibling = await createEvent(owner.organizationId);
    await createPhase(owner.organizationId, event.id, {
      name: "Cancelled",
      startsAt: new Date("2027-03-10T18:00:00Z"),
      endsAt: new Date("2027-03-10T23:00:00Z"),
      deleted: true,
    });
    await createPhase(owner.organizationId, sibling.id);
    expect((await create(owner, event.id)).status).toBe(201);
    const evening = await create(owner, event.id, {
      name: "Evening",
      starts_at: "2027-03-10T18:00:00Z",
      ends_at: "2027-03-10T23:00:00Z",
    });
    expect(evening.status).toBe(201);
  });

  it("two overlapping phases created at the same moment: exactly one is 201, the other 409 phase_overlap", async () => {
    const { owner } = await createTenant();
    const events = await Promise.all([1, 2, 3].map(() => createEvent(owner.organizationId)));
    await Promise.all(
      events.map(async (event) => {
        const responses = await Promise.all([
          create(owner, event.id, {
            name: "A",
            starts_at: "2027-03-10T05:00:00Z",
            ends_at: "2027-03-10T12:00:00Z",
          }),
          create(owner, event.id, {
            name: "B",
            starts_at: "2027-03-10T11:00:00Z",
            ends_at: "2027-03-10T18:00:00Z",
          }),
        ]);
        expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
        const loser = responses.find((r) => r.status === 409)!;
        const winner = (await responses.find((r) => r.status === 201)!.json()) as PhaseBody;
        const problem = (await expectProblem(loser, 409, "phase_overlap")) as unknown as OverlapProblem;
        expect(problem.overlapping_phase.id).toBe(winner.id);
        expect((await listAll(owner, event.id)).map((p) => p.id)).toEqual([winner.id]);
      }),
    );
  });
});

describe("reading and listing phases", () => {
  it("GET answers the phase with its ETag in one round trip; under another event or tenant it is 404", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const phase = (await (await create(owner, event.id)).json()) as PhaseBody;
    const { response, roundTrips } = await measure(`${phasesOf(event.id)}/${phase.id}`, {
      headers: owner.headers,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(((await response.json()) as PhaseBody).id).toBe(phase.id);
    const sibling = await createEvent(owner.organizationId);
    await expectProblem(
      await call(`${phasesOf(sibling.id)}/${phase.id}`, { headers: owner.headers }),
      404,
      "event_phase_not_found",
    );
    const other = await createTenant();
    await expectProblem(
      await call(`${phasesOf(event.id)}/${phase.id}`, { headers: other.owner.headers }),
      404,
      "event_not_found",
    );
  });

  it("lists by start, page by page, without gaps or repeats, one round trip a page", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    // 25 hour-long phases, written in a shuffled order.
    const hours = Array.from({ length: 25 }, (_, i) => (i * 7) % 25);
    const created = await Promise.all(
      hours.map((h) =>
        createPhase(owner.organizationId, event.id, {
          name: `Slot ${h}`,
          startsAt: new Date(EVENT_START + h * 3_600_000),
          endsAt: new Date(EVENT_START + (h + 1) * 3_600_000),
        }),
      ),
    );
    await createPhase(owner.organizationId, event.id, {
      name: "Deleted",
      startsAt: new Date(EVENT_START - DAY),
      endsAt: new Date(EVENT_START - DAY / 2),
      deleted: true,
    });
    const seen: PhaseBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `${phasesOf(event.id)}?limit=10${cursor ? `&cursor=${cursor}` : ""}`;
      const { response, roundTrips } = await measure(query, { headers: owner.headers });
      expect(roundTrips).toBe(1);
      const page = (await response.json()) as { data: PhaseBody[]; next_cursor: string | null };
      seen.push(...page.data);
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((p) => p.name)).toEqual(Array.from({ length: 25 }, (_, h) => `Slot ${h}`));
    expect(new Set(seen.map((p) => p.id))).toEqual(new Set(created.map((p) => p.id)));
    await expectProblem(
      await call(`${phasesOf(event.id)}?cursor=bm9wZQ`, { headers: owner.headers }),
      400,
      "invalid_cursor",
    );
  });
});

describe("updating phases", () => {
  it("a stale If-Match is 412; the current one updates in two round trips, with a new ETag and an audit diff", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const response = await create(owner, event.id);
    const phase = (await response.json()) as PhaseBody;
    const path = `${phasesOf(event.id)}/${phase.id}`;
    const etag = response.headers.get("etag") ?? "";
    const ok = await measure(path, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ name: "Day 1: Opening", ends_at: "2027-03-10T20:00:00Z" }),
    });
    expect(ok.response.status).toBe(200);
    expect(ok.roundTrips).toBe(2);
    expect(await ok.response.clone().json()).toMatchObject({
      name: "Day 1: Opening",
      ends_at: "2027-03-10T20:00:00.000Z",
    });
    const newEtag = ok.response.headers.get("etag");
    expect(newEtag).not.toBe(etag);
    await expectProblem(
      await patch(owner, path, { name: "Again" }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
    expect((await patch(owner, path, { sort_order: 3 }, { "if-match": newEtag ?? "" })).status).toBe(200);
    const audit = await auditRows(owner.organizationId, phase.id);
    expect(audit.map((a) => a.action)).toEqual([
      "event_phase.create",
      "event_phase.update",
      "event_phase.update",
    ]);
    expect(audit[1]?.changes).toMatchObject({ name: { from: "Day 1", to: "Day 1: Opening" } });
  });

  it("moving a phase onto another is 409 phase_overlap; out of the event's window 400; before its own start 400", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const day1 = (await (await create(owner, event.id)).json()) as PhaseBody;
    const day2 = (await (
      await create(owner, event.id, {
        name: "Day 2",
        starts_at: "2027-03-11T05:00:00Z",
        ends_at: "2027-03-11T18:00:00Z",
      })
    ).json()) as PhaseBody;
    const path = `${phasesOf(event.id)}/${day2.id}`;
    const overlap = (await expectProblem(
      await patch(owner, path, { starts_at: "2027-03-10T12:00:00Z" }),
      409,
      "phase_overlap",
    )) as unknown as OverlapProblem;
    expect(overlap.overlapping_phase.id).toBe(day1.id);
    await expectProblem(
      await patch(owner, path, { ends_at: iso(EVENT_END + 91 * DAY) }),
      400,
      "phase_outside_event",
    );
    const order = await expectProblem(
      await patch(owner, path, { ends_at: "2027-03-11T04:00:00Z" }),
      400,
      "validation_failed",
    );
    expect(order.errors?.[0]).toMatchObject({ path: "json.ends_at", code: "date_order" });
    // A phase may keep its own time when it changes it slightly (no overlap with itself).
    expect((await patch(owner, path, { starts_at: "2027-03-11T06:00:00Z" })).status).toBe(200);
    const again = (await (await call(path, { headers: owner.headers })).json()) as PhaseBody;
    expect(again.starts_at).toBe("2027-03-11T06:00:00.000Z");
  });
});

describe("deleting and restoring phases", () => {
  it("a deleted phase leaves reads and lists, and restore brings it back; one round trip each, audited", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const phase = (await (await create(owner, event.id)).json()) as PhaseBody;
    const path = `${phasesOf(event.id)}/${phase.id}`;
    const deleted = await measure(path, { method: "DELETE", headers: owner.headers });
    expect(deleted.response.status).toBe(204);
    expect(deleted.roundTrips).toBe(1);
    await expectProblem(await call(path, { headers: owner.headers }), 404, "event_phase_not_found");
    await expectProblem(
      await call(path, { method: "DELETE", headers: owner.headers }),
      404,
      "event_phase_not_found",
    );
    expect(await listAll(owner, event.id)).toEqual([]);
    const restored = await measure(`${path}/restore`, { method: "POST", headers: owner.headers });
    expect(restored.response.status).toBe(200);
    expect(restored.roundTrips).toBe(1);
    expect((await call(path, { headers: owner.headers })).status).toBe(200);
    expect((await auditRows(owner.organizationId, phase.id)).map((a) => a.action)).toEqual([
      "event_phase.create",
      "event_phase.delete",
      "event_phase.restore",
    ]);
  });

  it("restoring a phase whose time was taken meanwhile is 409 phase_overlap", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const first = (await (await create(owner, event.id)).json()) as PhaseBody;
    const path = `${phasesOf(event.id)}/${first.id}`;
    expect((await call(path, { method: "DELETE", headers: owner.headers })).status).toBe(204);
    const replacement = (await (await create(owner, event.id, { name: "Day 1 (new)" })).json()) as PhaseBody;
    const problem = (await expectProblem(
      await call(`${path}/restore`, { method: "POST", headers: owner.headers }),
      409,
      "phase_overlap",
    )) as unknown as OverlapProblem;
    expect(problem.overlapping_phase.id).toBe(replacement.id);
    expect((await auditRows(owner.organizationId, first.id)).map((a) => a.action)).toEqual([
      "event_phase.create",
      "event_phase.delete",
    ]);
  });

  it("the phases of a deleted event answer 404 event_not_found", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const phase = (await (await create(owner, event.id)).json()) as PhaseBody;
    expect((await call(`/v1/events/${event.id}`, { method: "DELETE", headers: owner.headers })).status).toBe(
      204,
    );
    const path = `${phasesOf(event.id)}/${phase.id}`;
    await expectProblem(await call(path, { headers: owner.headers }), 404, "event_not_found");
    await expectProblem(await patch(owner, path, { name: "Renamed" }), 404, "event_not_found");
    await expectProblem(
      await call(path, { method: "DELETE", headers: owner.headers }),
      404,
      "event_not_found",
    );
    await expectProblem(await call(phasesOf(event.id), { headers: owner.headers }), 404, "event_not_found");
  });

  it("a viewer can read phases but not write them", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const event = await createEvent(owner.organizationId);
    const phase = (await (await create(owner, event.id)).json()) as PhaseBody;
    expect((await listAll(viewer, event.id)).map((p) => p.id)).toEqual([phase.id]);
    await expectProblem(await create(viewer, event.id, { name: "Day 2" }), 403, "missing_permission");
    await expectProblem(
      await call(`${phasesOf(event.id)}/${phase.id}`, { method: "DELETE", headers: viewer.headers }),
      403,
      "missing_permission",
    );
  });
});
