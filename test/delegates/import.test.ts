import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/schema/audit-logs.ts";
import { delegates } from "../../src/db/schema/delegates.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { delegateKey, IMPORT_CHUNK_ROWS } from "../../src/services/delegates/import.ts";
import { countDelegates, createDelegate, csvLine, delegateCsv } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";

interface Report {
  total_rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ row: number; errors: Array<{ field: string; message: string }> }>;
  rejected_count: number;
}

interface DelegateBody {
  id: string;
  first_name: string;
  last_name: string | null;
  title: string | null;
  designation: string | null;
  organization: string | null;
  country: string | null;
  delegate_type: string;
  vip_tier: number;
  auto_tag: boolean;
  email: string | null;
  social_handles: Record<string, string>;
  updated_at: string;
}

const SLOW = { timeout: 60_000 };

const upload = (
  user: TestUser,
  eventId: string,
  body: BodyInit | null,
  contentType = "text/csv; charset=utf-8",
) =>
  call(`/v1/events/${eventId}/delegates/import`, {
    method: "POST",
    headers: { ...user.headers, ...(contentType ? { "content-type": contentType } : {}) },
    body,
  });

async function importCsv(user: TestUser, eventId: string, csv: string): Promise<Report> {
  const response = await upload(user, eventId, csv);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}

async function findByEmail(
  user: TestUser,
  eventId: string,
  email: string,
): Promise<DelegateBody | undefined> {
  const { rows } = await inTenant({ db: testDb(), organizationId: user.organizationId }, (db) => ({
    rows: db
      .select({ id: delegates.id })
      .from(delegates)
      .where(and(eq(delegates.eventId, eventId), eq(delegates.email, email))),
  }));
  const id = rows[0]?.id;
  if (!id) return undefined;
  return (await (
    await call(`/v1/events/${eventId}/delegates/${id}`, { headers: user.headers })
  ).json()) as DelegateBody;
}

async function importAudits(organizationId: string, eventId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select({ changes: auditLogs.changes })
      .from(auditLogs)
      .where(and(eq(auditLogs.entityId, eventId), eq(auditLogs.action, "delegate.import"))),
  }));
  return rows.map((r) => r.changes);
}

describe("importing a generated file of 5,000 delegates", () => {
  it(
    "creates them all in ceil(rows / chunk) + 1 round trips, and re-importing the file changes nothing",
    SLOW,
    async () => {
      const { owner } = await createTenant();
      const event = await createEvent(owner.organizationId);
      const csv = delegateCsv(5000, { seed: "k5" });

      const first = await measure(`/v1/events/${event.id}/delegates/import`, {
        method: "POST",
        headers: { ...owner.headers, "content-type": "text/csv" },
        body: csv,
      });
      expect(first.response.status).toBe(200);
      expect(await first.response.json()).toEqual({
        total_rows: 5000,
        created: 5000,
        updated: 0,
        unchanged: 0,
        rejected: [],
        rejected_count: 0,
      });
      expect(first.roundTrips).toBeLessThanOrEqual(Math.ceil(5000 / IMPORT_CHUNK_ROWS) + 1);
      expect(await countDelegates(owner.organizationId, event.id)).toBe(5000);

      // The list sees them, with every column, quoted commas, quotes and line breaks intact.
      const kenyans = (await (
        await call(`/v1/events/${event.id}/delegates?country=KE&limit=100`, { headers: owner.headers })
      ).json()) as {
        data: DelegateBody[];
        next_cursor: string | null;
      };
      expect(kenyans.data).toHaveLength(100);
      expect(kenyans.next_cursor).not.toBeNull();
      const row70 = await findByEmail(owner, event.id, "delegate.k5.70@example.test");
      expect(row70).toMatchObject({
        title: null,
        first_name: "First70",
        last_name: "Last 70",
        designation: 'Head of "Energy", Region 4',
        organization: "Ministry of Energy\nDepartment 2",
        country: "KE",
        delegate_type: "sponsor",
        vip_tier: 4,
        auto_tag: true,
        social_handles: {},
      });
      const row0 = await findByEmail(owner, event.id, "delegate.k5.0@example.test");
      expect(row0).toMatchObject({ title: "Dr", social_handles: { x: "@dk50" } });
      const found = (await (
        await call(`/v1/events/${event.id}/delegates?q=First4321`, { headers: owner.headers })
      ).json()) as {
        data: DelegateBody[];
      };
      expect(found.data.map((d) => d.email)).toEqual(["delegate.k5.4321@example.test"]);

      const again = await measure(`/v1/events/${event.id}/delegates/import`, {
        method: "POST",
        headers: { ...owner.headers, "content-type": "text/csv" },
        body: csv,
      });
      expect(await again.response.json()).toEqual({
        total_rows: 5000,
        created: 0,
        updated: 0,
        unchanged: 5000,
        rejected: [],
        rejected_count: 0,
      });
      expect(again.roundTrips).toBeLessThanOrEqual(Math.ceil(5000 / IMPORT_CHUNK_ROWS) + 1);
      expect((await findByEmail(owner, event.id, "delegate.k5.70@example.test"))?.updated_at).toBe(
        row70?.updated_at,
      );
      expect(await countDelegates(owner.organizationId, event.id)).toBe(5000);

      // One audit row per import, with its counts.
      expect(await importAudits(owner.organizationId, event.id)).toEqual(
        expect.arrayContaining([
          { total_rows: 5000, created: 5000, updated: 0, unchanged: 0, rejected_count: 0 },
          { total_rows: 5000, created: 0, updated: 0, unchanged: 5000, rejected_count: 0 },
        ]),
      );
      expect(await importAudits(owner.organizationId, event.id)).toHaveLength(2);
    },
  );

  it("a modified re-import updates only the rows that changed, and adds the new ones", SLOW, async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const original = delegateCsv(5000, { seed: "m1" });
    expect((await importCsv(owner, event.id, original)).created).toBe(5000);
    const untouched = await findByEmail(owner, event.id, "delegate.m1.1@example.test");

    const changedRows = new Set([0, 999, 1000, 2500, 4999]);
    const modified = delegateCsv(5000, {
      seed: "m1",
      change: (i, cells) => {
        if (!changedRows.has(i)) return cells;
        const next = [...cells];
        next[3] = `Promoted ${i}`;
        next[7] = "5";
        return next;
      },
    });
    const extra = [
      csvLine(["", "New", "Person", "", "", "KE", "speaker", "1", "no", "new.person@example.test", ""]),
      csvLine(["", "Another", "Person", "", "", "GH", "media", "0", "yes", "", ""]),
    ].join("\r\n");
    const report = await importCsv(owner, event.id, `${modified}${extra}\r\n`);
    expect(report).toEqual({
      total_rows: 5002,
      created: 2,
      updated: changedRows.size,
      unchanged: 5000 - changedRows.size,
      rejected: [],
      rejected_count: 0,
    });
    expect(await findByEmail(owner, event.id, "delegate.m1.2500@example.test")).toMatchObject({
      designation: "Promoted 2500",
      vip_tier: 5,
    });
    expect((await findByEmail(owner, event.id, "delegate.m1.1@example.test"))?.updated_at).toBe(
      untouched?.updated_at,
    );
    expect(await countDelegates(owner.organizationId, event.id)).toBe(5002);
  });
});

describe("importing rows that break the rules", () => {
  it("rejects the bad rows with their spreadsheet row numbers and reasons, and imports the good ones", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const bad: Record<number, (cells: string[]) => string[]> = {
      3: (c) => Object.assign([...c], { 5: "XX" }),
      10: (c) => Object.assign([...c], { 7: "9" }),
      11: (c) => Object.assign([...c], { 7: "high", 6: "king" }),
      20: (c) => Object.assign([...c], { 9: "not-an-email" }),
      21: (c) => Object.assign([...c], { 1: "" }),
      22: (c) => c.slice(0, 5),
      23: (c) => Object.assign([...c], { 8: "maybe" }),
      24: (c) => Object.assign([...c], { 10: "@this handle is wrong" }),
      30: (c) => Object.assign([...c], { 9: "DELEGATE.b1.4@example.test" }),
    };
    const csv = delegateCsv(40, { seed: "b1", change: (i, cells) => bad[i]?.(cells) ?? cells });
    const report = await importCsv(owner, event.id, csv);
    // Data row i is spreadsheet row i + 2 (the header is row 1), even though some rows hold quoted line breaks.
    expect(report.rejected).toEqual([
      { row: 5, errors: [{ field: "Country", message: expect.stringMatching(/ISO 3166-1 alpha-2/) }] },
      { row: 12, errors: [{ field: "VIP Tier", message: expect.any(String) }] },
      {
        row: 13,
        errors: expect.arrayContaining([
          { field: "Delegate Type", message: expect.any(String) },
          { field: "VIP Tier", message: expect.any(String) },
        ]),
      },
      { row: 22, errors: [{ field: "Email", message: expect.any(String) }] },
      { row: 23, errors: [{ field: "First Name", message: expect.any(String) }] },
      { row: 24, errors: [{ field: "row", message: "The row has 5 cells; the header has 11." }] },
      { row: 25, errors: [{ field: "Auto Tag", message: expect.any(String) }] },
      { row: 26, errors: [{ field: "X Handle", message: expect.stringMatching(/x handle/) }] },
      { row: 32, errors: [{ field: "Email", message: "The same delegate as row 6." }] },
    ]);
    expect(report).toMatchObject({
      total_rows: 40,
      created: 31,
      updated: 0,
      unchanged: 0,
      rejected_count: 9,
    });
    expect(await countDelegates(owner.organizationId, event.id)).toBe(31);
  });

  it("lists at most 1,000 rejected rows but counts them all", SLOW, async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const csv = delegateCsv(1500, {
      seed: "c1",
      change: (i, cells) => (i < 1200 ? Object.assign([...cells], { 5: "ZZ" }) : cells),
    });
    const report = await importCsv(owner, event.id, csv);
    expect(report.rejected).toHaveLength(1000);
    expect(report.rejected[0]?.row).toBe(2);
    expect(report.rejected.at(-1)?.row).toBe(1001);
    expect(report).toMatchObject({ total_rows: 1500, created: 300, rejected_count: 1200 });
  });
});

describe("what a file's columns mean", () => {
  it("accepts header names in any case, with spaces or hyphens, a BOM, and British spelling", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const csv =
      "\uFEFFFIRST NAME,last-name,Organisation,country,Bluesky_Handle\nAmina,Odhiambo,Ministry of Energy,ke,amina.bsky.social\n";
    expect(await importCsv(owner, event.id, csv)).toMatchObject({ created: 1, rejected_count: 0 });
    const list = (await (
      await call(`/v1/events/${event.id}/delegates`, { headers: owner.headers })
    ).json()) as {
      data: DelegateBody[];
    };
    expect(list.data[0]).toMatchObject({
      first_name: "Amina",
      last_name: "Odhiambo",
      organization: "Ministry of Energy",
      country: "KE",
      social_handles: { bluesky: "amina.bsky.social" },
    });
  });

  it("updates a matched delegate in the file's columns only; an empty cell clears its field", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    await createDelegate(owner.organizationId, event.id, {
      firstName: "Amina",
      lastName: "Odhiambo",
      email: "amina@example.test",
      designation: "Minister of Energy",
      country: "KE",
      vipTier: 2,
      socialHandles: { x: "@amina", bluesky: "amina.bsky.social" },
    });
    // Matched by email, whatever its case (the file's spelling is kept); bluesky handle and vip tier
    // are not in the file.
    const csv =
      "email,first_name,designation,country,x_handle\nAmina@Example.test,Amina,Cabinet Secretary,,@amina_ke\n";
    expect(await importCsv(owner, event.id, csv)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await findByEmail(owner, event.id, "Amina@Example.test")).toMatchObject({
      first_name: "Amina",
      last_name: "Odhiambo",
      designation: "Cabinet Secretary",
      country: null,
      vip_tier: 2,
      social_handles: { x: "@amina_ke", bluesky: "amina.bsky.social" },
    });
    expect(await importCsv(owner, event.id, csv)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it("without an email, a delegate is matched by first name, last name and organisation", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const csv = (tier: string) =>
      `first_name,last_name,organization,vip_tier\nLena,Fischer,Nordwind Capital,${tier}\n`;
    expect(await importCsv(owner, event.id, csv("1"))).toMatchObject({ created: 1 });
    expect(
      await importCsv(owner, event.id, csv("3").replace("Lena,Fischer,Nordwind", "LENA,FISCHER,NORDWIND")),
    ).toMatchObject({
      created: 0,
      updated: 1,
    });
    expect(await countDelegates(owner.organizationId, event.id)).toBe(1);
  });

  it("the identity rule in code is the generated import_key column's, to the byte", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const people = [
      { first_name: "Amina", last_name: "ODHIAMBO", organization: "Ministry of Energy", email: null },
      { first_name: "ÉLODIE", last_name: "Ünal", organization: null, email: null },
      { first_name: "İlker", last_name: null, organization: "ΑΘΗΝΑ | Ltd", email: null },
      { first_name: "Zoë", last_name: "Müller", organization: "x", email: "Zoë.MÜLLER@Example.DE" },
    ];
    for (const person of people) {
      const { inserted } = await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
        inserted: db
          .insert(delegates)
          .values({
            organizationId: owner.organizationId,
            eventId: event.id,
            firstName: person.first_name,
            lastName: person.last_name,
            organization: person.organization,
            email: person.email,
          })
          .returning({ key: delegates.importKey }),
      }));
      expect(inserted[0]?.key, person.first_name).toBe(delegateKey(person));
    }
  });

  it("a header-only file imports nothing and says so", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    expect(await importCsv(owner, event.id, "first_name,last_name\r\n\r\n")).toEqual({
      total_rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      rejected_count: 0,
    });
    expect(await importAudits(owner.organizationId, event.id)).toHaveLength(1);
  });
});

describe("files that are refused whole", () => {
  const good = delegateCsv(3000, { seed: "r1" });
  // Quoted line breaks make the file longer than its rows: the line after it is one past its LFs.
  const nextLine = good.split("\n").length;

  it.each([
    ["an unbalanced quote near the end", `${good}Amina,"Odhiambo,KE\r\n`, /never closed/, nextLine],
    ["a quote inside an unquoted cell", `${good}Amina,5" screen\r\n`, /unquoted field/, nextLine],
    ["an unknown column", `first_name,Shoe Size\nAmina,42\n`, /Unknown columns: Shoe Size/, 1],
    [
      "a missing required column",
      `last_name,email\nOdhiambo,a@example.test\n`,
      /Missing columns: first_name/,
      1,
    ],
    ["a column named twice", `first_name,First Name\nA,B\n`, /named twice/, 1],
    ["an empty body", "", /empty/, 1],
    ["a blank header", "\nAmina\n", /no header/, 1],
  ])("%s: 400 invalid_csv with the line, and nothing imported", SLOW, async (_, body, message, line) => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const problem = await expectProblem(await upload(owner, event.id, body), 400, "invalid_csv");
    expect(problem.detail).toMatch(message);
    expect(problem).toMatchObject({ line });
    expect(await countDelegates(owner.organizationId, event.id)).toBe(0);
    expect(await importAudits(owner.organizationId, event.id)).toEqual([]);
  });

  it("an unknown column is named, with the columns that are accepted", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const problem = (await (await upload(owner, event.id, "first_name,shoe_size\n")).json()) as Record<
      string,
      unknown
    >;
    expect(problem.unknown_columns).toEqual(["shoe_size"]);
    expect(problem.accepted_columns).toEqual(expect.arrayContaining(["first_name", "vip_tier", "x_handle"]));
  });

  it("bytes that are not UTF-8 (a Latin-1 export): 400 invalid_csv naming the line, nothing imported", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const head = new TextEncoder().encode("first_name,last_name\nAmina,Odhiambo\n");
    const latin1 = Uint8Array.of(0x5a, 0x6f, 0xeb, 0x2c, 0x4d, 0x0a); // "Zoë,M" in Latin-1
    const problem = await expectProblem(
      await upload(owner, event.id, new Uint8Array([...head, ...latin1])),
      400,
      "invalid_csv",
    );
    expect(problem).toMatchObject({ line: 3 });
    expect(await countDelegates(owner.organizationId, event.id)).toBe(0);
  });

  it("more than 50,000 rows: 400 invalid_csv, nothing imported", SLOW, async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const rows = Array.from({ length: 50_001 }, (_, i) => `P${i}`);
    const problem = await expectProblem(
      await upload(owner, event.id, `first_name\n${rows.join("\n")}\n`),
      400,
      "invalid_csv",
    );
    expect(problem).toMatchObject({ line: 50_002 });
    expect(await countDelegates(owner.organizationId, event.id)).toBe(0);
  });

  it(
    "a body over 10 MB is 413, whether its length is declared or only found while streaming",
    SLOW,
    async () => {
      const { owner } = await createTenant();
      const event = await createEvent(owner.organizationId);
      const line = `${"x".repeat(1023)}\n`;
      const big = `first_name\n${line.repeat(10 * 1024 + 1)}`;
      await expectProblem(await upload(owner, event.id, big), 413, "payload_too_large");
      const chunk = new TextEncoder().encode(line.repeat(1024));
      let sent = 0;
      const streamed = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ === 0) controller.enqueue(new TextEncoder().encode("first_name\n"));
          else if (sent > 12) controller.close();
          else controller.enqueue(chunk);
        },
      });
      await expectProblem(await upload(owner, event.id, streamed), 413, "payload_too_large");
      expect(await countDelegates(owner.organizationId, event.id)).toBe(0);
    },
  );

  it("another content type is 415, also with no content type at all", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    await expectProblem(
      await upload(owner, event.id, "first_name\nA\n", "application/json"),
      415,
      "unsupported_media_type",
    );
    await expectProblem(
      await upload(owner, event.id, "first_name\nA\n", "text/plain"),
      415,
      "unsupported_media_type",
    );
    await expectProblem(
      await upload(owner, event.id, "first_name\nA\n", "text/csv; charset=windows-1252"),
      415,
      "unsupported_media_type",
    );
    // A string body would be sent as text/plain; bytes go with no content type at all.
    const bytes = new TextEncoder().encode("first_name\nA\n");
    await expectProblem(await upload(owner, event.id, bytes, ""), 415, "unsupported_media_type");
    expect(await countDelegates(owner.organizationId, event.id)).toBe(0);
  });

  it("another organisation's event, or a deleted one, is 404 before the file is read", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const foreign = await createEvent(other.owner.organizationId);
    const deleted = await createEvent(owner.organizationId, { deleted: true });
    for (const eventId of [foreign.id, deleted.id]) {
      const { response, roundTrips } = await measure(`/v1/events/${eventId}/delegates/import`, {
        method: "POST",
        headers: { ...owner.headers, "content-type": "text/csv" },
        body: "first_name\nAmina\n",
      });
      await expectProblem(response, 404, "event_not_found");
      expect(roundTrips).toBe(1);
    }
    expect(await countDelegates(other.owner.organizationId, foreign.id)).toBe(0);
  });

  it("a viewer may not import", async () => {
    const { owner, viewer } = await createTenant(["owner", "viewer"]);
    const event = await createEvent(owner.organizationId);
    await expectProblem(await upload(viewer, event.id, "first_name\nAmina\n"), 403, "missing_permission");
  });
});
