/**
 * Bulk import of an event's delegates from a file the route has already parsed and validated.
 *
 * Nothing is written until the whole file has been read: a file that turns out malformed halfway
 * (bad bytes, an open quote, too many rows) fails with nothing imported, without a transaction held
 * open while the upload streams in. Only the validated rows are kept meanwhile (50,000 small objects
 * at most). The rows are then upserted in chunks, one batch (one round trip, one transaction) each:
 * a row that matches a live delegate by identity (`import_key`) updates it only where something
 * differs, so importing the same file again changes nothing. A failure between chunks leaves the
 * earlier chunks written; importing the file again completes it, as the upsert is idempotent.
 *
 * Round trips: one to check the event (before the body is read, so a wrong event costs no upload),
 * then one per chunk; the last chunk also writes the one `delegate.import` audit row with the counts.
 */

import { type SQL, sql } from "drizzle-orm";
import type { Platform } from "../../db/schema/columns.ts";
import { delegates } from "../../db/schema/delegates.ts";
import { inTenant } from "../../db/tenant.ts";
import { auditActor, auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { MAX_REJECTED_LISTED, type RejectedRow } from "../csv-import.ts";
import { getEvent } from "../events/events.ts";
import { type DelegateInput, eventNotFound, liveEvent } from "./delegates.ts";

/** Rows per batch: 1,000 rows of the largest fields allowed stay far below Neon's 10 MB per HTTP request. */
export const IMPORT_CHUNK_ROWS = 1000;

/** The delegate fields a file can set, one column each (social handles: one column per platform). */
export const IMPORT_FIELDS = [
  "title",
  "first_name",
  "last_name",
  "designation",
  "organization",
  "country",
  "delegate_type",
  "vip_tier",
  "precedence",
  "auto_tag",
  "email",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ParsedDelegateFile {
  /** The fields the file has columns for: a matched delegate is updated in these only. */
  fields: readonly ImportField[];
  /** The platforms the file has handle columns for (an empty cell removes that handle). */
  platforms: readonly Platform[];
  /** How the file names its columns, for the reasons a row is rejected. */
  columnNames: Partial<Record<ImportField, string>>;
  /** Non-blank data rows. */
  totalRows: number;
  rows: Array<{ row: number; input: DelegateInput }>;
  /** The first rejected rows, in row order (at most `MAX_REJECTED_LISTED`). */
  rejected: RejectedRow[];
  rejectedCount: number;
}

export interface ImportReport {
  total_rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  rejected_count: number;
}

const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * A delegate's identity within an event, computed exactly as the generated `import_key` column is
 * (src/db/schema/delegates.ts): the email, else "first|last|organisation", ASCII letters folded.
 */
export function delegateKey(
  input: Pick<DelegateInput, "email" | "first_name" | "last_name" | "organization">,
): string {
  if (input.email) return foldAscii(input.email);
  return [input.first_name, input.last_name ?? "", input.organization ?? ""].map(foldAscii).join("|");
}

/** Later rows that name a delegate an earlier row already names are rejected, so each person is written once. */
function withoutDuplicates({ rows, columnNames }: ParsedDelegateFile) {
  const seen = new Map<string, number>();
  const unique: ParsedDelegateFile["rows"] = [];
  const duplicates: RejectedRow[] = [];
  for (const entry of rows) {
    const key = delegateKey(entry.input);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, entry.row);
      unique.push(entry);
    } else {
      const field = entry.input.email ? "email" : "first_name";
      const column = columnNames[field] ?? field;
      duplicates.push({
        row: entry.row,
        errors: [{ field: column, message: `The same delegate as row ${first}.` }],
      });
    }
  }
  return { unique, duplicates };
}

const COLUMN_TYPES: Record<ImportField, string> = {
  title: "text",
  first_name: "text",
  last_name: "text",
  designation: "text",
  organization: "text",
  country: "text",
  delegate_type: "text",
  vip_tier: "integer",
  precedence: "integer",
  auto_tag: "boolean",
  email: "text",
};

/** What an empty cell means: the field's default (NULL for the optional text fields). */
const DEFAULTS: Record<ImportField, string | number | boolean | null> = {
  title: null,
  first_name: null,
  last_name: null,
  designation: null,
  organization: null,
  country: null,
  delegate_type: "delegate",
  vip_tier: 0,
  precedence: null,
  auto_tag: false,
  email: null,
};

/**
 * One chunk's upsert, counting what it did. Rows travel as one jsonb parameter (no per-row
 * parameters, so no limit on them); columns absent from the file are neither inserted (they keep
 * their defaults) nor updated. `xmax = 0` tells an inserted row from an updated one; rows that
 * already match are left alone by the DO UPDATE's WHERE and are not returned at all.
 */
function upsertChunk(
  ctx: TenantContext,
  eventId: string,
  file: ParsedDelegateFile,
  rows: ParsedDelegateFile["rows"],
): SQL {
  const fields = file.fields;
  const hasHandles = file.platforms.length > 0;
  const records = rows.map(({ input }) => {
    const record: Record<string, unknown> = {};
    for (const field of fields) record[field] = input[field] ?? DEFAULTS[field];
    if (hasHandles) record.social_handles = input.social_handles ?? {};
    return record;
  });
  const columns = [...fields, ...(hasHandles ? ["social_handles"] : [])].map((name) => sql.identifier(name));
  const recordType = sql.join(
    [
      ...fields.map((field) => sql.raw(`${field} ${COLUMN_TYPES[field]}`)),
      ...(hasHandles ? [sql.raw("social_handles jsonb")] : []),
    ],
    sql`, `,
  );
  const current = columns.map((column) => sql`${delegates}.${column}`);
  const proposed = [
    ...fields.map((field) => sql`excluded.${sql.identifier(field)}`),
    // Handles on platforms the file has no column for are kept.
    ...(hasHandles
      ? [
          sql`(${delegates}.social_handles - ${`{${file.platforms.join(",")}}`}::text[]) || excluded.social_handles`,
        ]
      : []),
  ];
  const assignments = sql.join(
    columns.map((column, index) => sql`${column} = ${proposed[index]}`),
    sql`, `,
  );
  return sql`
    with written as (
      insert into ${delegates} (organization_id, event_id, ${sql.join(columns, sql`, `)})
      select ${ctx.organizationId}, ${eventId}, ${sql.join(columns, sql`, `)}
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${recordType})
      where ${liveEvent(ctx, eventId)}
      on conflict (event_id, import_key) where deleted_at is null do update
        set ${assignments}, updated_at = ${ctx.now().toISOString()}::timestamptz
        where (${sql.join(current, sql`, `)}) is distinct from (${sql.join(proposed, sql`, `)})
      returning (xmax = 0) as created
    )`;
}

type Counts = { created: number; updated: number };
type ChunkResult = { created: number; updated: number; live: boolean };

export async function importDelegates(
  ctx: TenantContext,
  eventId: string,
  readFile: () => Promise<ParsedDelegateFile>,
): Promise<ImportReport> {
  await getEvent(ctx, eventId);
  const file = await readFile();
  const { unique, duplicates } = withoutDuplicates(file);
  const rejectedCount = file.rejectedCount + duplicates.length;
  const rejected = [...file.rejected, ...duplicates]
    .sort((a, b) => a.row - b.row)
    .slice(0, MAX_REJECTED_LISTED);
  const summary = (counts: Counts) => ({
    total_rows: file.totalRows,
    created: counts.created,
    updated: counts.updated,
    unchanged: unique.length - counts.created - counts.updated,
    rejected_count: rejectedCount,
  });

  let counts: Counts = { created: 0, updated: 0 };
  const chunks = Math.ceil(unique.length / IMPORT_CHUNK_ROWS);
  for (let index = 0; index < chunks; index++) {
    const rows = unique.slice(index * IMPORT_CHUNK_ROWS, (index + 1) * IMPORT_CHUNK_ROWS);
    const upsert = upsertChunk(ctx, eventId, file, rows);
    // Deleted while we import: the guard has kept this chunk out; say so rather than count it unchanged.
    const live = sql`${liveEvent(ctx, eventId)} as live`;
    let result: ChunkResult | undefined;
    if (index < chunks - 1) {
      const { written } = await inTenant(ctx, (db) => ({
        written: db.execute<ChunkResult>(sql`${upsert}
          select count(*) filter (where created)::integer as created, count(*) filter (where not created)::integer as updated, ${live}
          from written`),
      }));
      const chunk = written.rows[0];
      result = chunk && {
        ...chunk,
        created: counts.created + chunk.created,
        updated: counts.updated + chunk.updated,
      };
    } else {
      // The audit row's counts exist only inside this statement, so the statement writes it itself
      // (auditEntry takes its changes as values); it is the row auditEntry would write.
      const actor = auditActor(ctx.actor);
      const { written } = await inTenant(ctx, (db) => ({
        written: db.execute<ChunkResult>(sql`${upsert}, totals as (
            select ${counts.created}::integer + count(*) filter (where created)::integer as created,
                   ${counts.updated}::integer + count(*) filter (where not created)::integer as updated
            from written)
          insert into audit_logs (organization_id, user_id, api_key_id, actor_type, action, entity_type, entity_id, changes, ip_address, user_agent)
          select ${ctx.organizationId}, ${actor.userId}, ${actor.apiKeyId}, ${actor.actorType},
                 'delegate.import', 'event', ${eventId},
                 jsonb_build_object('total_rows', ${file.totalRows}::integer, 'created', created, 'updated', updated,
                                    'unchanged', ${unique.length}::integer - created - updated, 'rejected_count', ${rejectedCount}::integer),
                 ${ctx.request.ip}, ${ctx.request.userAgent}
          from totals
          returning (changes->>'created')::integer as created, (changes->>'updated')::integer as updated, ${live}`),
      }));
      result = written.rows[0];
    }
    if (!result?.live) throw eventNotFound();
    counts = { created: result.created, updated: result.updated };
  }
  if (chunks === 0) {
    await inTenant(ctx, (db) => ({
      audit: auditEntry(ctx, db, {
        action: "delegate.import",
        entityType: "event",
        entityId: eventId,
        changes: summary(counts),
      }),
    }));
  }
  return { ...summary(counts), rejected };
}
