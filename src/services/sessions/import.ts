/**
 * Importing an event's programme from a file the route has already parsed and validated row by row.
 *
 * A session is identified within its event by its title, start and room, so importing the same file
 * again reports everything unchanged and writes nothing. A row that names an existing session updates
 * its description and speakers (where the file has those columns); its times never change by import:
 * a row whose end differs from the session's is rejected, pointing at the move, which takes what is
 * scheduled relative to the session along. Each row is checked against the event as the JSON create
 * is: its phase (named by id or name, else the one containing its start), the phase's bounds, and its
 * speakers, delegates of the event named by id, email or import key ("first|last|organisation").
 *
 * Round trips: one to check the event (before the body is read), one to read the phases, the
 * delegates the file names and the sessions it may match, then one per chunk of written rows; the
 * last one also writes the one `event_session.import` audit row with the counts.
 */

import { eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { delegates } from "../../db/schema/delegates.ts";
import { eventSessions } from "../../db/schema/event-sessions.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { ConflictError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { MAX_REJECTED_LISTED, type RejectedRow } from "../csv-import.ts";
import { eventNotFound, liveEvent } from "../delegates/delegates.ts";
import { getEvent } from "../events/events.ts";
import { inPhase, type PhaseBounds, phaseContaining, sessionOutsidePhase } from "./placement.ts";
import { placementStatements } from "./sessions.ts";

/** Rows per write batch: far below Neon's request size even with long descriptions. */
export const IMPORT_CHUNK_ROWS = 1000;

/** The columns a programme file may have (`title`, `starts_at` and `ends_at` required). */
export const IMPORT_FIELDS = [
  "title",
  "starts_at",
  "ends_at",
  "phase",
  "room",
  "description",
  "speakers",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface SessionRow {
  title: string;
  starts_at: string;
  ends_at: string;
  phase?: string;
  room?: string;
  description?: string;
  /** Delegate ids, emails or import keys, in programme order. */
  speakers?: string[];
}

export interface ParsedSessionFile {
  fields: readonly ImportField[];
  /** How the file names its columns, for the reasons a row is rejected. */
  columnNames: Partial<Record<ImportField, string>>;
  totalRows: number;
  rows: Array<{ row: number; input: SessionRow }>;
  rejected: RejectedRow[];
  rejectedCount: number;
}

export interface SessionImportReport {
  total_rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  rejected_count: number;
}

interface Existing {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  description: string | null;
  speakers: string[];
}

/** A row ready to write: a new session, or changes to a matched one. */
interface Planned {
  id: string;
  phaseId: string;
  title: string;
  description: string | null;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Undefined: the file has no speakers column (a matched session keeps its own). */
  speakers?: string[];
}

const identity = (title: string, start: Date, room: string | null) =>
  JSON.stringify([title, start.toISOString(), room ?? ""]);

const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One round trip: the event's dates and live phases, the delegates the file names (by id or import
 * key) and the sessions its rows may match.
 */
async function readReferences(ctx: TenantContext, eventId: string, file: ParsedSessionFile) {
  const refs = [...new Set(file.rows.flatMap((r) => r.input.speakers ?? []))];
  const ids = refs.filter((ref) => UUID.test(ref));
  const keys = refs.map(foldAscii);
  const titles = [...new Set(file.rows.map((r) => r.input.title))];
  const { event, phases, found, existing } = await inTenant(ctx, (db) => ({
    ...placementStatements(ctx, db, eventId),
    found: db
      .select({ id: delegates.id, importKey: delegates.importKey })
      .from(delegates)
      .where(
        ownedBy(
          ctx,
          delegates.organizationId,
          eq(delegates.eventId, eventId),
          isNull(delegates.deletedAt),
          sql`(${delegates.id} = any(${sql.param(ids)}::uuid[]) or ${delegates.importKey} = any(${sql.param(keys)}::text[]))`,
        ),
      ),
    existing: db
      .select({
        id: eventSessions.id,
        title: eventSessions.title,
        startsAt: eventSessions.startsAt,
        endsAt: eventSessions.endsAt,
        room: eventSessions.room,
        description: eventSessions.description,
        speakers: sql<string[]>`(select coalesce(array_agg(sp.delegate_id order by sp.sort_order), '{}')
          from event_session_speakers sp where sp.session_id = event_sessions.id)`,
      })
      .from(eventSessions)
      .where(
        ownedBy(
          ctx,
          eventSessions.organizationId,
          eq(eventSessions.eventId, eventId),
          isNull(eventSessions.deletedAt),
          sql`${eventSessions.title} = any(${sql.param(titles)}::text[])`,
        ),
      ),
  }));
  const byRef = new Map<string, string>();
  for (const delegate of found) {
    byRef.set(delegate.id, delegate.id);
    if (delegate.importKey) byRef.set(delegate.importKey, delegate.id);
  }
  const sessions = new Map<string, Existing>();
  for (const session of existing as Existing[]) {
    sessions.set(identity(session.title, session.startsAt, session.room), session);
  }
  if (!event[0]) throw eventNotFound();
  return { event: event[0], phases: phases as PhaseBounds[], byRef, sessions };
}

/** What one row asks for against the event: a session to create or update, nothing, or its rejection. */
function planRow(
  file: ParsedSessionFile,
  input: SessionRow,
  context: {
    event: { startDate: Date; endDate: Date };
    phases: PhaseBounds[];
    byRef: Map<string, string>;
    sessions: Map<string, Existing>;
  },
): { create: Planned } | { update: Planned } | { unchanged: true } | { errors: RejectedRow["errors"] } {
  const column = (field: ImportField) => file.columnNames[field] ?? field;
  const start = new Date(input.starts_at);
  const end = new Date(input.ends_at);
  const { event, phases, byRef, sessions } = context;
  const errors: RejectedRow["errors"] = [];
  const named = input.phase?.trim();
  const phase = named
    ? phases.find((p) => p.id === named.toLowerCase() || foldAscii(p.name.trim()) === foldAscii(named))
    : phaseContaining(phases, start);
  if (!phase) {
    errors.push({
      field: column(named ? "phase" : "starts_at"),
      message: named ? `The event has no phase "${named}".` : "No phase of the event contains this start.",
    });
  } else if (!inPhase(phase, event, start, end)) {
    errors.push({ field: column("starts_at"), message: sessionOutsidePhase(phase, event).message });
  }
  const speakers = input.speakers?.map((ref) => byRef.get(foldAscii(ref)));
  const unknown = input.speakers?.filter((_, index) => !speakers?.[index]) ?? [];
  if (unknown.length > 0) {
    errors.push({ field: column("speakers"), message: `Not delegates of the event: ${unknown.join("; ")}.` });
  } else if (speakers && new Set(speakers).size < speakers.length) {
    errors.push({ field: column("speakers"), message: "The same delegate is named twice." });
  }
  if (errors.length > 0 || !phase) return { errors };

  const room = input.room ?? null;
  const match = sessions.get(identity(input.title, start, room));
  const planned: Planned = {
    id: match?.id ?? crypto.randomUUID(),
    phaseId: phase.id,
    title: input.title,
    description: file.fields.includes("description")
      ? (input.description ?? null)
      : (match?.description ?? null),
    room,
    startsAt: start,
    endsAt: end,
    speakers: file.fields.includes("speakers") ? ((speakers as string[] | undefined) ?? []) : undefined,
  };
  if (!match) return { create: planned };
  if (match.endsAt.getTime() !== end.getTime()) {
    return {
      errors: [
        {
          field: column("ends_at"),
          message: `The session ends at ${match.endsAt.toISOString()}; change its times with POST /v1/sessions/${match.id}/move.`,
        },
      ],
    };
  }
  const sameSpeakers =
    !planned.speakers || JSON.stringify(planned.speakers) === JSON.stringify(match.speakers);
  if (planned.description === match.description && sameSpeakers) return { unchanged: true };
  return { update: planned };
}

/** One chunk's writes: new sessions, changed ones, and their speakers, for one batch. */
function chunkStatements(
  ctx: TenantContext,
  db: Database,
  eventId: string,
  create: Planned[],
  update: Planned[],
) {
  const records = (rows: Planned[]) =>
    JSON.stringify(
      rows.map((r) => ({
        id: r.id,
        phase_id: r.phaseId,
        title: r.title,
        description: r.description,
        room: r.room,
        starts_at: r.startsAt.toISOString(),
        ends_at: r.endsAt.toISOString(),
      })),
    );
  const speakerRows = JSON.stringify(
    [...create, ...update].flatMap((r) =>
      (r.speakers ?? []).map((delegateId, index) => ({
        session_id: r.id,
        delegate_id: delegateId,
        sort_order: index,
      })),
    ),
  );
  const replaced = update.filter((r) => r.speakers !== undefined).map((r) => r.id);
  const now = ctx.now().toISOString();
  return {
    created: db.execute<{ id: string }>(sql`
      insert into ${eventSessions} (id, organization_id, event_id, phase_id, title, description, room, starts_at, ends_at)
      select r.id, ${ctx.organizationId}, ${eventId}, r.phase_id, r.title, r.description, r.room, r.starts_at, r.ends_at
        from jsonb_to_recordset(${records(create)}::jsonb)
          as r(id uuid, phase_id uuid, title text, description text, room text, starts_at timestamptz, ends_at timestamptz)
       where ${liveEvent(ctx, eventId)}
         and exists (select 1 from event_phases p where p.id = r.phase_id and p.event_id = ${eventId} and p.deleted_at is null)
      returning id`),
    updated: db.execute<{ id: string }>(sql`
      update ${eventSessions} s set description = r.description, updated_at = ${now}::timestamptz
        from jsonb_to_recordset(${records(update)}::jsonb) as r(id uuid, description text)
       where s.id = r.id and s.organization_id = ${ctx.organizationId} and s.deleted_at is null
         and ${liveEvent(ctx, eventId)}
      returning s.id`),
    cleared: db.execute(sql`
      delete from event_session_speakers sp
       where sp.organization_id = ${ctx.organizationId} and sp.session_id = any(${sql.param(replaced)}::uuid[])
         and exists (select 1 from ${eventSessions} s where s.id = sp.session_id and s.xmin = pg_current_xact_id()::xid)`),
    speakers: db.execute(sql`
      insert into event_session_speakers (organization_id, session_id, delegate_id, sort_order)
      select ${ctx.organizationId}, r.session_id, r.delegate_id, r.sort_order
        from jsonb_to_recordset(${speakerRows}::jsonb) as r(session_id uuid, delegate_id uuid, sort_order integer)
       where exists (select 1 from ${eventSessions} s where s.id = r.session_id and s.xmin = pg_current_xact_id()::xid)
         and exists (select 1 from ${delegates} d where d.id = r.delegate_id and d.event_id = ${eventId} and d.deleted_at is null)`),
  };
}

export async function importSessions(
  ctx: TenantContext,
  eventId: string,
  readFile: () => Promise<ParsedSessionFile>,
): Promise<SessionImportReport> {
  await getEvent(ctx, eventId);
  const file = await readFile();
  const references = await readReferences(ctx, eventId, file);
  const rejected = [...file.rejected];
  let rejectedCount = file.rejectedCount;
  const reject = (entry: RejectedRow) => {
    rejectedCount++;
    if (rejected.length < MAX_REJECTED_LISTED) rejected.push(entry);
  };
  const create: Planned[] = [];
  const update: Planned[] = [];
  let unchanged = 0;
  const seen = new Map<string, number>();
  for (const { row, input } of file.rows) {
    const key = identity(input.title, new Date(input.starts_at), input.room ?? null);
    const first = seen.get(key);
    if (first !== undefined) {
      reject({
        row,
        errors: [{ field: file.columnNames.title ?? "title", message: `The same session as row ${first}.` }],
      });
      continue;
    }
    seen.set(key, row);
    const plan = planRow(file, input, references);
    if ("errors" in plan) reject({ row, errors: plan.errors });
    else if ("create" in plan) create.push(plan.create);
    else if ("update" in plan) update.push(plan.update);
    else unchanged++;
  }
  const counts = { created: create.length, updated: update.length };
  const summary = {
    total_rows: file.totalRows,
    ...counts,
    unchanged,
    rejected_count: rejectedCount,
  };

  const chunks = Math.max(1, Math.ceil(Math.max(create.length, update.length) / IMPORT_CHUNK_ROWS));
  for (let index = 0; index < chunks; index++) {
    const part = (rows: Planned[]) => rows.slice(index * IMPORT_CHUNK_ROWS, (index + 1) * IMPORT_CHUNK_ROWS);
    const toCreate = part(create);
    const toUpdate = part(update);
    const last = index === chunks - 1;
    const { created, updated } = await inTenant(ctx, (db) => ({
      ...chunkStatements(ctx, db, eventId, toCreate, toUpdate),
      audit: last
        ? auditEntry(ctx, db, {
            action: "event_session.import",
            entityType: "event",
            entityId: eventId,
            changes: summary,
          })
        : undefined,
    }));
    if (created.rows.length !== toCreate.length || updated.rows.length !== toUpdate.length) {
      // The event or one of its phases went away while we imported (the sessions we could write are
      // written; importing the file again completes it, as it matches what is there).
      await getEvent(ctx, eventId).catch(() => {
        throw eventNotFound();
      });
      throw new ConflictError(
        "import_conflict",
        "The event's phases changed during the import; import the file again to complete it.",
      );
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return { ...summary, rejected };
}
