/**
 * Where a session may lie: inside its phase (from the phase's start to its end), and so inside the
 * event's window, since phases are. A phase without times (none made through the API) bounds its
 * sessions by the event's window instead. Without a phase named, a session goes in the phase that
 * contains its start: phases of an event never overlap, so there is at most one.
 *
 * The rule exists twice on purpose: as SQL, the guard of every write (so a phase moved meanwhile
 * cannot be slipped past), and as code, the explanation of a refused write.
 */
import { type SQL, sql } from "drizzle-orm";
import { eventPhases } from "../../db/schema/event-phases.ts";
import { events } from "../../db/schema/events.ts";
import { BadRequestError, ValidationError } from "../../errors.ts";
import { PHASE_WINDOW_DAYS } from "../phases/phases.ts";

const WINDOW_MS = PHASE_WINDOW_DAYS * 86_400_000;
const WINDOW = sql.raw(`interval '${PHASE_WINDOW_DAYS} days'`);

export interface PhaseBounds {
  id: string;
  name: string;
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface EventBounds {
  startDate: Date;
  endDate: Date;
}

const iso = (date: Date) => date.toISOString();
const ts = (date: Date) => sql`${iso(date)}::timestamptz`;

/** ends_at before starts_at: 400 `date_order` (a session may be a moment: both equal). */
export function assertSessionOrder(start: Date, end: Date, path = "json.ends_at"): void {
  if (end < start) {
    throw new ValidationError([
      { path, message: "ends_at must not be before starts_at", code: "date_order" },
    ]);
  }
}

/**
 * SQL: `start`–`end` fits the phase row `eventPhases` (joined with its event `events`), for a guarded
 * write's where clause.
 */
export function fitsPhase(start: Date | SQL, end: Date | SQL): SQL {
  const s = start instanceof Date ? ts(start) : start;
  const e = end instanceof Date ? ts(end) : end;
  return sql`(case when ${eventPhases.startsAt} is null or ${eventPhases.endsAt} is null
    then ${s} >= ${events.startDate} - ${WINDOW} and ${e} <= ${events.endDate} + ${WINDOW}
    else ${s} >= ${eventPhases.startsAt} and ${e} <= ${eventPhases.endsAt} end)`;
}

/** SQL: the phase row `eventPhases` contains `start` (the phase a session without one goes in). */
export function containsStart(start: Date): SQL {
  return sql`${eventPhases.startsAt} <= ${ts(start)} and ${ts(start)} < ${eventPhases.endsAt}`;
}

/** The bounds a session in `phase` must keep, as the 400 tells them. */
function boundsOf(phase: PhaseBounds, event: EventBounds): { earliest: Date; latest: Date } {
  if (phase.startsAt && phase.endsAt) return { earliest: phase.startsAt, latest: phase.endsAt };
  return {
    earliest: new Date(event.startDate.getTime() - WINDOW_MS),
    latest: new Date(event.endDate.getTime() + WINDOW_MS),
  };
}

export function sessionOutsidePhase(phase: PhaseBounds, event: EventBounds): BadRequestError {
  const { earliest, latest } = boundsOf(phase, event);
  return new BadRequestError(
    "session_outside_phase",
    `A session of the phase "${phase.name}" must lie between ${iso(earliest)} and ${iso(latest)}.`,
    { phase_id: phase.id, earliest_starts_at: iso(earliest), latest_ends_at: iso(latest) },
  );
}

export function noPhaseContains(start: Date): BadRequestError {
  return new BadRequestError(
    "session_outside_phase",
    `No phase of the event contains ${iso(start)}: add the phase first, or name phase_id.`,
    { starts_at: iso(start) },
  );
}

/** 400 `session_outside_phase` unless `start`–`end` lies within the phase (see the module comment). */
export function assertInPhase(phase: PhaseBounds, event: EventBounds, start: Date, end: Date): void {
  const { earliest, latest } = boundsOf(phase, event);
  if (start < earliest || end > latest) throw sessionOutsidePhase(phase, event);
}

/** Whether `start`–`end` lies within the phase (the same rule as `assertInPhase`). */
export function inPhase(phase: PhaseBounds, event: EventBounds, start: Date, end: Date): boolean {
  const { earliest, latest } = boundsOf(phase, event);
  return start >= earliest && end <= latest;
}

/** The phase (of `phases`, the event's live ones) that contains `start`, if any. */
export function phaseContaining<P extends PhaseBounds>(phases: readonly P[], start: Date): P | undefined {
  return phases.find((p) => p.startsAt && p.endsAt && p.startsAt <= start && start < p.endsAt);
}
