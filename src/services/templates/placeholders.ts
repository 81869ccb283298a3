/**
 * Template placeholders: `{{event.name}}` and the like in a template's title, caption and hashtags.
 * The list is closed and checked when a template is written, so a render never meets an unknown one;
 * a render only has to know which rows (event, phase, delegate) the template needs.
 */
import { PLATFORMS, type Platform } from "../../db/schema/columns.ts";
import type { Delegate } from "../../db/schema/delegates.ts";
import type { EventPhase } from "../../db/schema/event-phases.ts";
import type { Event } from "../../db/schema/events.ts";
import { BadRequestError } from "../../errors.ts";

export interface RenderRows {
  event: Event;
  phase?: EventPhase;
  delegate?: Delegate;
}

type Placeholder =
  | { needs: "event"; value: (event: Event) => string }
  | { needs: "phase"; value: (phase: EventPhase) => string }
  | { needs: "delegate"; value: (delegate: Delegate) => string };

/** Platforms whose posts mention an account as `@name`; the others take the handle as stored. */
const AT_MENTIONS: ReadonlySet<Platform> = new Set(["x", "threads", "instagram", "bluesky"]);

function handle(handles: Partial<Record<Platform, string>>, platform: Platform): string {
  const stored = handles[platform];
  if (!stored) return "";
  return AT_MENTIONS.has(platform) ? `@${stored.replace(/^@+/, "")}` : stored;
}

/** "10 March 2027", the day as it is where the event takes place. */
function eventDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}

const words = (...parts: Array<string | null>) => parts.filter((part) => part?.trim()).join(" ");

const PLACEHOLDERS: Record<string, Placeholder> = {
  "event.name": { needs: "event", value: (event) => event.name },
  "event.start_date": { needs: "event", value: (event) => eventDay(event.startDate, event.timezone) },
  "event.end_date": { needs: "event", value: (event) => eventDay(event.endDate, event.timezone) },
  "event.hashtags": { needs: "event", value: (event) => event.officialHashtags.join(" ") },
  ...Object.fromEntries(
    PLATFORMS.map((platform) => [
      `event.handle.${platform}`,
      {
        needs: "event",
        value: (event: Event) => handle(event.socialHandles, platform),
      } satisfies Placeholder,
    ]),
  ),
  "phase.name": { needs: "phase", value: (phase) => phase.name },
  "delegate.title": { needs: "delegate", value: (delegate) => delegate.title ?? "" },
  "delegate.first_name": { needs: "delegate", value: (delegate) => delegate.firstName },
  "delegate.last_name": { needs: "delegate", value: (delegate) => delegate.lastName ?? "" },
  "delegate.full_name": {
    needs: "delegate",
    value: (delegate) => words(delegate.title, delegate.firstName, delegate.lastName),
  },
  "delegate.designation": { needs: "delegate", value: (delegate) => delegate.designation ?? "" },
  "delegate.organization": { needs: "delegate", value: (delegate) => delegate.organization ?? "" },
  ...Object.fromEntries(
    PLATFORMS.map((platform) => [
      `delegate.handle.${platform}`,
      {
        needs: "delegate",
        value: (delegate: Delegate) => handle(delegate.socialHandles, platform),
      } satisfies Placeholder,
    ]),
  ),
};

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS);

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The texts of a template that may hold placeholders. */
export interface TemplateTexts {
  title?: string | undefined;
  caption: string;
  hashtags?: string[] | undefined;
}

const textsOf = (data: TemplateTexts) => [data.title ?? "", data.caption, ...(data.hashtags ?? [])];

/** The placeholder names the texts use, each once, in order of appearance. */
export function placeholdersIn(data: TemplateTexts): string[] {
  const names = textsOf(data).flatMap((text) => [...text.matchAll(PATTERN)].map((match) => match[1] ?? ""));
  return [...new Set(names)];
}

/** 400 `unknown_placeholder`, listing them in `placeholders`, for names outside the closed list. */
export function assertKnownPlaceholders(data: TemplateTexts): void {
  const unknown = placeholdersIn(data).filter((name) => !Object.hasOwn(PLACEHOLDERS, name));
  if (unknown.length > 0) {
    throw new BadRequestError(
      "unknown_placeholder",
      `Unknown placeholders: ${unknown.map((name) => `{{${name}}}`).join(", ")}. See the operation's description for the list.`,
      { placeholders: unknown },
    );
  }
}

/** 400 `missing_context`, listing them in `placeholders`, when the template needs a phase or delegate not given. */
export function assertContext(data: TemplateTexts, given: { phase: boolean; delegate: boolean }): void {
  const missing = placeholdersIn(data).filter((name) => {
    const needs = PLACEHOLDERS[name]?.needs;
    return (needs === "phase" && !given.phase) || (needs === "delegate" && !given.delegate);
  });
  if (missing.length > 0) {
    const ids = [...new Set(missing.map((name) => `${name.split(".")[0]}_id`))].join(" and ");
    throw new BadRequestError(
      "missing_context",
      `The template uses ${missing.map((name) => `{{${name}}}`).join(", ")}: send ${ids}.`,
      { placeholders: missing },
    );
  }
}

function fill(placeholder: Placeholder, rows: RenderRows): string | undefined {
  switch (placeholder.needs) {
    case "event":
      return placeholder.value(rows.event);
    case "phase":
      return rows.phase && placeholder.value(rows.phase);
    case "delegate":
      return rows.delegate && placeholder.value(rows.delegate);
  }
}

/** `text` with each placeholder replaced; a value the row lacks (no title, no handle) is empty. */
export function renderText(text: string, rows: RenderRows): string {
  return text.replace(PATTERN, (_, name: string) => {
    const placeholder = PLACEHOLDERS[name];
    const value = placeholder && fill(placeholder, rows);
    // Names are checked when the template is written, rows by assertContext before any render.
    if (value === undefined) throw new Error(`renderText: {{${name}}} cannot be rendered here`);
    return value;
  });
}
