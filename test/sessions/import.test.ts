import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { createDelegate, csvLine } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { createPhase } from "../support/phases.ts";
import { measure } from "../support/round-trips.ts";
import type { SessionBody } from "../support/sessions.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

interface Report {
  total_rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ row: number; errors: Array<{ field: string; message: string }> }>;
  rejected_count: number;
}

const upload = (user: TestUser, eventId: string, csv: string, type = "text/csv") =>
  call(`/v1/events/${eventId}/sessions/import`, {
    method: "POST",
    headers: { ...user.headers, "content-type": type },
    body: csv,
  });

async function imported(user: TestUser, eventId: string, csv: string): Promise<Report> {
  const response = await upload(user, eventId, csv);
  if (response.status !== 200) throw new Error(`import: ${response.status} ${await response.text()}`);
  return (await response.json()) as Report;
}

const file = (rows: string[][]) =>
  `${[csvLine(["Title", "Starts At", "Ends At", "Room", "Phase", "Speakers", "Description"]), ...rows.map(csvLine)].join("\r\n")}\r\n`;

async function programme(owner: TestUser) {
  const event = await createEvent(owner.organizationId);
  const day1 = await createPhase(owner.organizationId, event.id);
  const day2 = await createPhase(owner.organizationId, event.id, {
    name: "Day 2",
    startsAt: new Date("2027-03-11T05:00:00Z"),
    endsAt: new Date("2027-03-11T18:00:00Z"),
  });
  const amina = await createDelegate(owner.organizationId, event.id, {
    firstName: "Amina",
    lastName: "Odhiambo",
    email: "Amina@Energy.example",
  });
  const kwame = await createDelegate(owner.organizationId, event.id, {
    firstName: "Kwame",
    lastName: "Mensah",
    organization: "Volta Power",
  });
  return { event, day1, day2, amina, kwame };
}

describe("importing the programme from a CSV file", () => {
  it("creates sessions in their phases with speakers by email, import key or id, rejecting rows with reasons, in three round trips", async () => {
    const { owner } = await createTenant();
    const { event, day2, amina, kwame } = await programme(owner);
    const csv = file([
      [
        "Opening keynote",
        "2027-03-10T09:00:00+03:00",
        "2027-03-10T09:45:00+03:00",
        "Main hall",
        "",
        "amina@energy.example; kwame|mensah|volta power",
        "Welcome",
      ],
      ["Grid panel", "2027-03-11T10:00:00Z", "2027-03-11T11:00:00Z", "Hall B", "day 2", kwame.id, ""],
      ["Late night", "2027-03-10T20:00:00Z", "2027-03-10T21:00:00Z", "", "", "", ""],
      ["Mystery talk", "2027-03-10T10:00:00Z", "2027-03-10T11:00:00Z", "", "", "nobody@example.test", ""],
      ["Backwards", "2027-03-10T10:00:00Z", "2027-03-10T09:00:00Z", "", "", "", ""],
      ["Opening keynote", "2027-03-10T06:00:00Z", "2027-03-10T06:45:00Z", "Main hall", "", "", ""],
      ["Wrong day", "2027-03-10T10:00:00Z", "2027-03-10T11:00:00Z", "", "Day 2", "", ""],
      [
        "Twice",
        "2027-03-10T12:00:00Z",
        "2027-03-10T13:00:00Z",
        "",
        "",
        `${amina.id}; amina@energy.example`,
        "",
      ],
    ]);
    const { response, roundTrips } = await measure(`/v1/events/${event.id}/sessions/import`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "text/csv" },
      body: csv,
    });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(3);
    const report = (await response.json()) as Report;
    expect(report).toMatchObject({ total_rows: 8, created: 2, updated: 0, unchanged: 0, rejected_count: 6 });
    expect(report.rejected.map((r) => [r.row, r.errors[0]?.field])).toEqual([
      [4, "Starts At"],
      [5, "Speakers"],
      [6, "Ends At"],
      [7, "Title"],
      [8, "Starts At"],
      [9, "Speakers"],
    ]);
    expect(report.rejected[1]?.errors[0]?.message).toBe("Not delegates of the event: nobody@example.test.");
    expect(report.rejected[3]?.errors[0]?.message).toBe("The same session as row 2.");

    const list = (await (
      await call(`/v1/events/${event.id}/sessions`, { headers: owner.headers })
    ).json()) as {
      data: SessionBody[];
    };
    expect(list.data.map((s) => [s.title, s.starts_at, s.speakers.map((p) => p.id)])).toEqual([
      ["Opening keynote", "2027-03-10T06:00:00.000Z", [amina.id, kwame.id]],
      ["Grid panel", "2027-03-11T10:00:00.000Z", [kwame.id]],
    ]);
    expect(list.data[1]?.phase_id).toBe(day2.id);
    const audit = (await auditRows(owner.organizationId, event.id)).filter(
      (a) => a.action === "event_session.import",
    );
    expect(audit.map((a) => a.changes)).toEqual([
      { total_rows: 8, created: 2, updated: 0, unchanged: 0, rejected_count: 6 },
    ]);
  });

  it("imports the same file again without change, updates what changed, and never moves a session", async () => {
    const { owner } = await createTenant();
    const { event, amina } = await programme(owner);
    const rows = [
      [
        "Opening keynote",
        "2027-03-10T06:00:00Z",
        "2027-03-10T06:45:00Z",
        "Main hall",
        "",
        "amina@energy.example",
        "Welcome",
      ],
    ];
    expect(await imported(owner, event.id, file(rows))).toMatchObject({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await imported(owner, event.id, file(rows))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    const changed = await imported(
      owner,
      event.id,
      file([[...rows[0]!.slice(0, 5), "", "Welcome, everyone"]]),
    );
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const [session] = (
      (await (await call(`/v1/events/${event.id}/sessions`, { headers: owner.headers })).json()) as {
        data: SessionBody[];
      }
    ).data;
    expect(session).toMatchObject({ description: "Welcome, everyone", speakers: [] });
    // Another end is a move: refused, pointing at it.
    const moved = await imported(
      owner,
      event.id,
      file([[rows[0]![0]!, rows[0]![1]!, "2027-03-10T07:00:00Z", "Main hall", "", amina.id, ""]]),
    );
    expect(moved).toMatchObject({ created: 0, updated: 0, rejected_count: 1 });
    expect(moved.rejected[0]?.errors[0]?.message).toMatch(
      new RegExp(`POST /v1/sessions/${session!.id}/move`),
    );
  });

  it("refuses a file that is not the programme's: unknown or missing columns, another type, another organisation's event", async () => {
    const { owner } = await createTenant();
    const { event } = await programme(owner);
    const unknown = await expectProblem(
      await upload(owner, event.id, "Title,Starts At,Ends At,Speaker Bio\n"),
      400,
      "invalid_csv",
    );
    expect(unknown).toMatchObject({ unknown_columns: ["Speaker Bio"] });
    const missing = await expectProblem(
      await upload(owner, event.id, "Title,Room\nKeynote,Hall\n"),
      400,
      "invalid_csv",
    );
    expect(missing).toMatchObject({ missing_columns: ["starts_at", "ends_at"] });
    await expectProblem(
      await upload(owner, event.id, file([]), "application/json"),
      415,
      "unsupported_media_type",
    );
    const stranger = await createTenant();
    await expectProblem(await upload(stranger.owner, event.id, file([])), 404, "event_not_found");
  });
});
