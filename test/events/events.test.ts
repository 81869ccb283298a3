import { describe, expect, it } from "vitest";
import { events } from "../../src/db/schema/events.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { auditRows } from "../support/audit.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface EventBody {
  id: string;
  slug: string;
  status: string;
  official_hashtags: string[];
  start_date: string;
  name: string;
}

const unique = () => crypto.randomUUID().slice(0, 8);
const eventInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Africa Energy Summit",
  slug: `aes-${unique()}`,
  start_date: "2027-03-10T08:00:00+03:00",
  end_date: "2027-03-11T18:00:00+03:00",
  timezone: "Africa/Nairobi",
  ...overrides,
});

async function create(
  user: TestUser,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return postJson("/v1/events", eventInput(overrides), { headers: { ...user.headers, ...headers } });
}

const patch = (user: TestUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/v1/events/${id}`, {
    method: "PATCH",
    headers: { ...user.headers, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("creating events", () => {
  it("answers 201 with Location and ETag, normalises hashtags, in one round trip with its audit row", async () => {
    const { owner } = await createTenant();
    const { response, roundTrips } = await measure("/v1/events", {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify(
        eventInput({ official_hashtags: ["AES2027", "#aes2027", "##Energy_Transition", " #Nairobi "] }),
      ),
    });
    expect(response.status).toBe(201);
    expect(roundTrips).toBe(1);
    const event = (await response.json()) as EventBody;
    expect(response.headers.get("location")).toBe(`/v1/events/${event.id}`);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-z]+"$/);
    expect(event.official_hashtags).toEqual(["#AES2027", "#Energy_Transition", "#Nairobi"]);
    expect(event.status).toBe("draft");
    expect(event.start_date).toBe("2027-03-10T05:00:00.000Z");
    expect((await auditRows(owner.organizationId, event.id)).map((a) => a.action)).toEqual(["event.create"]);
  });

  it("refuses a taken slug (409), a bad time zone, reversed dates, a bad handle and a bad hashtag (400)", async () => {
    const { owner } = await createTenant();
    const first = await create(owner);
    const { slug } = (await first.json()) as EventBody;
    await expectProblem(await create(owner, { slug }), 409, "slug_taken");
    const zone = await expectProblem(
      await create(owner, { timezone: "Mars/Olympus" }),
      400,
      "validation_failed",
    );
    expect(zone.errors?.[0]?.path).toBe("json.timezone");
    const dates = await expectProblem(
      await create(owner, { start_date: "2027-03-12T00:00:00Z", end_date: "2027-03-11T00:00:00Z" }),
      400,
      "validation_failed",
    );
    expect(dates.errors?.[0]).toMatchObject({ path: "json.end_date", code: "date_order" });
    await expectProblem(
      await create(owner, { social_handles: { x: "@this handle is far too long" } }),
      400,
      "validation_failed",
    );
    await expectProblem(await create(owner, { official_hashtags: ["#two words"] }), 400, "validation_failed");
  });

  it("the same slug is fine in another organisation", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const slug = `shared-${unique()}`;
    expect((await create(a.owner, { slug })).status).toBe(201);
    expect((await create(b.owner, { slug })).status).toBe(201);
  });
});

describe("reading and listing", () => {
  it("GET answers the event with its ETag in one round trip; another tenant's id is 404", async () => {
    const { owner } = await createTenant();
    const event = (await (await create(owner)).json()) as EventBody;
    const { response, roundTrips } = await measure(`/v1/events/${event.id}`, { headers: owner.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const other = await createTenant();
    await expectProblem(
      await call(`/v1/events/${event.id}`, { headers: other.owner.headers }),
      404,
      "event_not_found",
    );
  });

  it("walks a long list page by page without gaps or repeats, in the order asked", async () => {
    const { owner } = await createTenant();
    const base = Date.UTC(2027, 0, 1);
    const insertEvent = async (i: number) => {
      const { inserted } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
        inserted: db
          .insert(events)
          .values({
            organizationId: owner.organizationId,
            name: `Event ${i}`,
            slug: `e-${i}-${unique()}`,
            // Some share a start, so the id tiebreaker is exercised.
            startDate: new Date(base + Math.floor(i / 3) * 86_400_000),
            endDate: new Date(base + Math.floor(i / 3) * 86_400_000 + 3_600_000),
            timezone: "UTC",
          })
          .returning({ id: events.id }),
      }));
      return inserted[0]?.id;
    };
    const created = await Promise.all(Array.from({ length: 45 }, (_, i) => insertEvent(i)));
    const ids = new Set(created);
    const seen: string[] = [];
    let starts: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/v1/events?limit=10&sort=start_date${cursor ? `&cursor=${cursor}` : ""}`;
      const { response, roundTrips } = await measure(query, { headers: owner.headers });
      expect(roundTrips).toBe(1);
      const page = (await response.json()) as { data: EventBody[]; next_cursor: string | null };
      seen.push(...page.data.map((e) => e.id));
      starts = starts.concat(page.data.map((e) => e.start_date));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(45);
    expect(new Set(seen)).toEqual(ids);
    expect([...starts].sort()).toEqual(starts);
  });

  it("filters by a start window; the same filters with other values bind those values", async () => {
    // One statement text serves every request of a shape (db/prepared.ts): each must still see its own values.
    const { owner } = await createTenant();
    const day = (d: number) => new Date(Date.UTC(2031, 4, d, 9)).toISOString();
    for (const d of [1, 2, 3, 4, 5, 6]) {
      expect(
        (await create(owner, { name: `Day ${d}`, start_date: day(d), end_date: day(d + 1) })).status,
      ).toBe(201);
    }
    const names = async (query: string) =>
      (
        (await (await call(`/v1/events?${query}`, { headers: owner.headers })).json()) as {
          data: EventBody[];
        }
      ).data.map((e) => e.name);
    expect(await names(`starts_after=${day(2)}&starts_before=${day(4)}&sort=start_date`)).toEqual([
      "Day 2",
      "Day 3",
      "Day 4",
    ]);
    expect(await names(`starts_after=${day(4)}&starts_before=${day(6)}&sort=start_date`)).toEqual([
      "Day 4",
      "Day 5",
      "Day 6",
    ]);
    expect(await names(`starts_after=${day(5)}`)).toEqual(["Day 6", "Day 5"]);
    // A page after a cursor, inside a window: the cursor's values bound as well.
    const first = (await (
      await call(`/v1/events?starts_before=${day(5)}&limit=2`, { headers: owner.headers })
    ).json()) as { data: EventBody[]; next_cursor: string };
    expect(first.data.map((e) => e.name)).toEqual(["Day 5", "Day 4"]);
    expect(await names(`starts_before=${day(5)}&limit=2&cursor=${first.next_cursor}`)).toEqual([
      "Day 3",
      "Day 2",
    ]);
    expect(await names(`starts_before=${day(3)}&limit=2&cursor=${first.next_cursor}`)).toEqual([
      "Day 3",
      "Day 2",
    ]);
  });

  it("filters by status and name prefix, and refuses a forged cursor", async () => {
    const { owner } = await createTenant();
    await create(owner, { name: "Blue Summit", status: "scheduled" });
    await create(owner, { name: "Green Forum" });
    const scheduled = (await (
      await call("/v1/events?status=scheduled", { headers: owner.headers })
    ).json()) as { data: EventBody[] };
    expect(scheduled.data.map((e) => e.name)).toEqual(["Blue Summit"]);
    const green = (await (await call("/v1/events?q=gre", { headers: owner.headers })).json()) as {
      data: EventBody[];
    };
    expect(green.data.map((e) => e.name)).toEqual(["Green Forum"]);
    await expectProblem(
      await call("/v1/events?cursor=bm9wZQ", { headers: owner.headers }),
      400,
      "invalid_cursor",
    );
    await expectProblem(
      await call("/v1/events?limit=101", { headers: owner.headers }),
      400,
      "validation_failed",
    );
  });
});

describe("updating", () => {
  it("a stale If-Match is 412; the current one updates, answers a new ETag, and costs two round trips", async () => {
    const { owner } = await createTenant();
    const response = await create(owner);
    const event = (await response.json()) as EventBody;
    const etag = response.headers.get("etag") ?? "";
    const ok = await measure(`/v1/events/${event.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ name: "Renamed" }),
    });
    expect(ok.response.status).toBe(200);
    expect(ok.roundTrips).toBe(2);
    const newEtag = ok.response.headers.get("etag");
    expect(newEtag).not.toBe(etag);
    await expectProblem(
      await patch(owner, event.id, { name: "Again" }, { "if-match": etag }),
      412,
      "precondition_failed",
    );
    expect((await patch(owner, event.id, { name: "Again" }, { "if-match": newEtag ?? "" })).status).toBe(200);
    const audit = await auditRows(owner.organizationId, event.id);
    expect(audit.map((a) => a.action)).toEqual(["event.create", "event.update", "event.update"]);
    expect(audit[1]?.changes).toMatchObject({ name: { from: "Africa Energy Summit", to: "Renamed" } });
  });

  it("follows the status lifecycle and refuses other moves with 409", async () => {
    const { owner } = await createTenant();
    const event = (await (await create(owner)).json()) as EventBody;
    const problem = await expectProblem(
      await patch(owner, event.id, { status: "live" }),
      409,
      "invalid_status_transition",
    );
    expect(problem).toMatchObject({ from: "draft", to: "live" });
    for (const status of ["scheduled", "live", "completed", "archived"]) {
      const response = await patch(owner, event.id, { status });
      expect(response.status, status).toBe(200);
    }
    await expectProblem(await patch(owner, event.id, { status: "draft" }), 409, "invalid_status_transition");
  });

  it("keeps dates in order when only one of them changes", async () => {
    const { owner } = await createTenant();
    const event = (await (await create(owner)).json()) as EventBody;
    await expectProblem(
      await patch(owner, event.id, { end_date: "2027-03-01T00:00:00Z" }),
      400,
      "validation_failed",
    );
  });
});

describe("deleting and restoring", () => {
  it("a deleted event disappears from reads and lists, and restore brings it back", async () => {
    const { owner } = await createTenant();
    const event = (await (await create(owner)).json()) as EventBody;
    expect((await call(`/v1/events/${event.id}`, { method: "DELETE", headers: owner.headers })).status).toBe(
      204,
    );
    await expectProblem(
      await call(`/v1/events/${event.id}`, { headers: owner.headers }),
      404,
      "event_not_found",
    );
    await expectProblem(
      await call(`/v1/events/${event.id}`, { method: "DELETE", headers: owner.headers }),
      404,
      "event_not_found",
    );
    const list = (await (await call("/v1/events", { headers: owner.headers })).json()) as {
      data: EventBody[];
    };
    expect(list.data).toEqual([]);
    const restored = await call(`/v1/events/${event.id}/restore`, { method: "POST", headers: owner.headers });
    expect(restored.status).toBe(200);
    expect((await call(`/v1/events/${event.id}`, { headers: owner.headers })).status).toBe(200);
    expect((await auditRows(owner.organizationId, event.id)).map((a) => a.action)).toEqual([
      "event.create",
      "event.delete",
      "event.restore",
    ]);
  });

  it("a viewer can read but not write", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const event = (await (await create(owner)).json()) as EventBody;
    expect((await call(`/v1/events/${event.id}`, { headers: viewer.headers })).status).toBe(200);
    await expectProblem(await create(viewer), 403, "missing_permission");
  });
});

describe("Idempotency-Key", () => {
  it("a retry with the same key and body replays the first response and creates nothing more", async () => {
    const { owner } = await createTenant();
    const key = crypto.randomUUID();
    const body = eventInput();
    const first = await postJson("/v1/events", body, {
      headers: { ...owner.headers, "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const again = await postJson("/v1/events", body, {
      headers: { ...owner.headers, "idempotency-key": key },
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await again.text()).toBe(firstBody);
    const list = (await (await call("/v1/events", { headers: owner.headers })).json()) as {
      data: EventBody[];
    };
    expect(list.data).toHaveLength(1);
  });

  it("the same key with another body is 422; a malformed key is 400", async () => {
    const { owner } = await createTenant();
    const key = crypto.randomUUID();
    expect(
      (await postJson("/v1/events", eventInput(), { headers: { ...owner.headers, "idempotency-key": key } }))
        .status,
    ).toBe(201);
    await expectProblem(
      await postJson("/v1/events", eventInput(), { headers: { ...owner.headers, "idempotency-key": key } }),
      422,
      "idempotency_key_reused",
    );
    await expectProblem(
      await postJson("/v1/events", eventInput(), {
        headers: { ...owner.headers, "idempotency-key": "has spaces" },
      }),
      400,
      "invalid_idempotency_key",
    );
  });

  it("concurrent duplicates create exactly one event; the others are 409 or the replay", async () => {
    const { owner } = await createTenant();
    const key = crypto.randomUUID();
    const body = eventInput();
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        postJson("/v1/events", body, { headers: { ...owner.headers, "idempotency-key": key } }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const list = (await (await call("/v1/events", { headers: owner.headers })).json()) as {
      data: EventBody[];
    };
    expect(list.data).toHaveLength(1);
  });

  it("a key is per organisation", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const key = crypto.randomUUID();
    const body = eventInput();
    expect(
      (await postJson("/v1/events", body, { headers: { ...a.owner.headers, "idempotency-key": key } }))
        .status,
    ).toBe(201);
    const other = await postJson("/v1/events", body, {
      headers: { ...b.owner.headers, "idempotency-key": key },
    });
    expect(other.status).toBe(201);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("moving an event's dates", () => {
  it("is refused with 409 phases_outside_event when a phase would be stranded, and costs two round trips either way", async () => {
    const { createPhase } = await import("../support/phases.ts");
    const { owner } = await createTenant();
    const event = (await (await create(owner)).json()) as EventBody;
    await createPhase(owner.organizationId, event.id, { name: "Day 1" });
    const moved = await measure(`/v1/events/${event.id}`, {
      method: "PATCH",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ start_date: "2028-03-10T08:00:00Z", end_date: "2028-03-11T18:00:00Z" }),
    });
    expect(moved.roundTrips).toBe(2);
    const problem = await expectProblem(moved.response, 409, "phases_outside_event");
    expect(problem.detail).toContain("Day 1");
    const after = (await (
      await call(`/v1/events/${event.id}`, { headers: owner.headers })
    ).json()) as EventBody;
    expect(after.start_date).toBe(event.start_date);
    // A shift that keeps the phase within 90 days of the event is fine.
    const nudged = await patch(owner, event.id, { start_date: "2027-03-09T08:00:00Z" });
    expect(nudged.status).toBe(200);
  });
});
