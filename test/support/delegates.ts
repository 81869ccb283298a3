/** Delegate factories and CSV files, written like the Worker writes (application role, tenant set). */
import { and, count, eq, isNull } from "drizzle-orm";
import { type DelegateType, delegates, type NewDelegate } from "../../src/db/schema/delegates.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createEvent } from "./events.ts";
import { testDb } from "./tenants.ts";

type DelegateOverrides = Partial<Omit<NewDelegate, "organizationId" | "eventId">> & {
  delegateType?: DelegateType;
  deleted?: boolean;
};

export async function createDelegate(
  organizationId: string,
  eventId: string,
  overrides: DelegateOverrides = {},
) {
  const { deleted, ...values } = overrides;
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(delegates)
      .values({
        organizationId,
        eventId,
        firstName: "Amina",
        lastName: `Odhiambo ${crypto.randomUUID().slice(0, 8)}`,
        ...values,
        deletedAt: deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}

/** An event of the organisation with one delegate: the ids a delegate path needs. */
export async function createEventWithDelegate(organizationId: string, overrides: DelegateOverrides = {}) {
  const event = await createEvent(organizationId);
  const delegate = await createDelegate(organizationId, event.id, overrides);
  return { event, delegate };
}

/** Live delegates of an event, counted straight from the table. */
export async function countDelegates(organizationId: string, eventId: string): Promise<number> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select({ n: count() })
      .from(delegates)
      .where(and(eq(delegates.eventId, eventId), isNull(delegates.deletedAt))),
  }));
  return rows[0]?.n ?? 0;
}

const COUNTRIES = ["KE", "GH", "NG", "ZA", "DE", "IN", "GB", "FR", "BR", "JP"];
const TYPES: DelegateType[] = [
  "delegate",
  "speaker",
  "vip",
  "minister",
  "media",
  "exhibitor",
  "sponsor",
  "staff",
];

/** Quotes a cell the RFC 4180 way when it needs it. */
export const csvCell = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

export const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(",");

/**
 * A generated delegate file: `rows` people with unique emails, varied enough to exercise quoting
 * (commas, quotes, line breaks inside cells), CRLF line ends and every column. `change(i, cells)`
 * may alter row i's cells (0-based, header excluded).
 */
export function delegateCsv(
  rows: number,
  options: { seed?: string; change?: (index: number, cells: string[]) => string[] } = {},
): string {
  const seed = options.seed ?? "s";
  const header = [
    "Title",
    "First Name",
    "Last Name",
    "Designation",
    "Organization",
    "Country",
    "Delegate Type",
    "VIP Tier",
    "Auto Tag",
    "Email",
    "X Handle",
  ];
  const lines = [csvLine(header)];
  for (let i = 0; i < rows; i++) {
    let cells = [
      i % 3 === 0 ? "Dr" : "",
      `First${i}`,
      `Last ${i}`,
      i % 7 === 0 ? `Head of "Energy", Region ${i % 11}` : `Analyst ${i % 13}`,
      i % 5 === 0 ? `Ministry of Energy\nDepartment ${i % 4}` : `Company ${i % 17}`,
      COUNTRIES[i % COUNTRIES.length]!,
      TYPES[i % TYPES.length]!,
      String(i % 6),
      i % 2 === 0 ? "yes" : "no",
      `delegate.${seed}.${i}@example.test`,
      i % 4 === 0 ? `@d${seed}${i}`.slice(0, 16) : "",
    ];
    if (options.change) cells = options.change(i, cells);
    lines.push(csvLine(cells));
  }
  return `${lines.join("\r\n")}\r\n`;
}
