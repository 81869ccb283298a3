/**
 * Protocol checks for VIPs: content naming a VIP delegate (vip_tier above 0, or ranked by
 * precedence) is checked against the delegate's record — the title before the name
 * (`protocol_title_missing`), the handle tagged where `auto_tag` is set (`protocol_handle_missing`),
 * the organiser's order of precedence (`protocol_precedence`), all errors; a name one letter off or a
 * title with the surname alone is a warning (`protocol_name_mismatch`). Mentions come from the one
 * detector of delegate names (platform/sentiment/entities.ts); protocol-names.ts reads titles and tags.
 * The organisation's `protocol_checks` ("warn" | "block") decides whether errors refuse a move.
 */
import { desc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type Content, content } from "../../db/schema/content.ts";
import { delegates } from "../../db/schema/delegates.ts";
import { events } from "../../db/schema/events.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { ownedBy } from "../../db/tenant.ts";
import { AppError, titleOf } from "../../errors.ts";
import {
  type EntitySpan,
  findDelegateMentions,
  fold,
  foldWithOffsets,
} from "../../platform/sentiment/entities.ts";
import type { DelegateRef } from "../../platform/sentiment/types.ts";
import type { TenantContext } from "../context.ts";
import { PROTOCOL_CHECK_MODES, type ProtocolCheckMode } from "../organization/settings.ts";
import { composePostText } from "./post-text.ts";
import {
  adjacent,
  bareHandle,
  escapeRegExp,
  nameWords,
  oneEditApart,
  type TextWord,
  tags,
  titledAt,
  titleMatcher,
  wordsOf,
  writtenFrom,
} from "./protocol-names.ts";
import { liveContent } from "./store.ts";

export const PROTOCOL_CODES = [
  "protocol_title_missing",
  "protocol_name_mismatch",
  "protocol_handle_missing",
  "protocol_precedence",
] as const;
export type ProtocolCode = (typeof PROTOCOL_CODES)[number];

export const PROTOCOL_SEVERITIES = ["error", "warning"] as const;
export type ProtocolSeverity = (typeof PROTOCOL_SEVERITIES)[number];

export interface ProtocolFinding {
  code: ProtocolCode;
  severity: ProtocolSeverity;
  delegate_id: string;
  /** The platform a handle is missing on; null: the text as a whole. */
  platform: Platform | null;
  message: string;
  expected: string;
  /** As the text has it; null when it is absent (a missing tag). */
  actual: string | null;
}

/** What the checks read of a delegate. */
export interface ProtocolDelegate {
  id: string;
  eventId: string;
  title: string | null;
  firstName: string;
  lastName: string | null;
  autoTag: boolean;
  socialHandles: Partial<Record<Platform, string>>;
  precedence: number | null;
}

/** Where an @handle in the text becomes a tag; LinkedIn needs a member URN, Facebook page ids. */
export const TAGGING_PLATFORMS: ReadonlySet<Platform> = new Set(["x", "bluesky", "threads", "instagram"]);

export interface ProtocolInput {
  /** The text that is published (caption and hashtags), the same on every platform. */
  text: string;
  targetPlatforms: readonly Platform[];
  delegates: readonly ProtocolDelegate[];
}

const fullName = (d: ProtocolDelegate) =>
  d.lastName?.trim() ? `${d.firstName.trim()} ${d.lastName.trim()}` : "";
const styled = (d: ProtocolDelegate) =>
  [d.title?.trim(), d.firstName.trim(), d.lastName?.trim()].filter(Boolean).join(" ");
const quoted = (text: string) => `"${text}"`;

/** Full names only with a last name: a lone first name is too common to mean the VIP. */
const refOf = (d: ProtocolDelegate): DelegateRef => ({
  id: d.id,
  name: fullName(d),
  handles: Object.values(d.socialHandles).filter((h): h is string => typeof h === "string"),
});

const isName = (span: EntitySpan, d: ProtocolDelegate) =>
  fold(span.entity.text).split(/\s+/).join(" ") === nameWords(fullName(d)).join(" ");

interface Named {
  delegate: ProtocolDelegate;
  mentions: EntitySpan[];
  names: EntitySpan[];
}

function titleFinding(text: string, { delegate, names }: Named): ProtocolFinding | null {
  const title = titleMatcher(delegate.title);
  const first = names[0];
  if (!title || !first || titledAt(text, first.start, title)) return null;
  const written = writtenFrom(text, first.start, first.end);
  return {
    code: "protocol_title_missing",
    severity: "error",
    delegate_id: delegate.id,
    platform: null,
    message: `${quoted(styled(delegate))} is expected where ${quoted(written)} is written: ${delegate.title?.trim()} is the title on record.`,
    expected: styled(delegate),
    actual: written,
  };
}

function handleFindings(
  text: string,
  platforms: readonly Platform[],
  { delegate }: Named,
): ProtocolFinding[] {
  if (!delegate.autoTag) return [];
  return platforms.flatMap((platform) => {
    const handle = bareHandle(delegate.socialHandles[platform] ?? "");
    if (!handle || !TAGGING_PLATFORMS.has(platform) || tags(text, handle)) return [];
    return [
      {
        code: "protocol_handle_missing" as const,
        severity: "error" as const,
        delegate_id: delegate.id,
        platform,
        message: `Tag @${handle} on ${platform}: ${styled(delegate)} is to be tagged wherever named.`,
        expected: `@${handle}`,
        actual: null,
      },
    ];
  });
}

/** Per event, each ranked delegate named after someone they outrank. */
function precedenceFindings(named: readonly Named[]): ProtocolFinding[] {
  const findings: ProtocolFinding[] = [];
  const ranked = named.filter((n) => n.delegate.precedence !== null);
  for (const eventId of new Set(ranked.map((n) => n.delegate.eventId))) {
    const written = ranked.filter((n) => n.delegate.eventId === eventId);
    const order = [...written].sort((a, b) => (a.delegate.precedence ?? 0) - (b.delegate.precedence ?? 0));
    const expected = order.map((n) => styled(n.delegate)).join(", ");
    const actual = written.map((n) => styled(n.delegate)).join(", ");
    written.forEach((n, index) => {
      const rank = n.delegate.precedence ?? 0;
      const outranked = written.slice(0, index).find((m) => (m.delegate.precedence ?? 0) > rank);
      if (!outranked) return;
      findings.push({
        code: "protocol_precedence",
        severity: "error",
        delegate_id: n.delegate.id,
        platform: null,
        message: `Name ${styled(n.delegate)} (precedence ${rank}) before ${styled(outranked.delegate)} (precedence ${outranked.delegate.precedence}); the order of precedence is ${expected}.`,
        expected,
        actual,
      });
    });
  }
  return findings;
}

/** A capitalised run of words that is the delegate's name with one word one letter off. */
function misspeltName(
  text: string,
  words: readonly TextWord[],
  delegate: ProtocolDelegate,
  known: ReadonlySet<string>,
  mentioned: readonly EntitySpan[],
): ProtocolFinding[] {
  const wanted = nameWords(fullName(delegate));
  if (wanted.length < 2) return [];
  const findings: ProtocolFinding[] = [];
  for (let i = 0; i + wanted.length <= words.length; i++) {
    const run = words.slice(i, i + wanted.length);
    if (!run.every((w, k) => w.capitalised && (k === 0 || adjacent(text, run[k - 1]!, w)))) continue;
    const differing = run.flatMap((w, k) =>
      w.folded === wanted[k] ? [] : [[wanted[k]!, w.folded] as const],
    );
    const [pair] = differing;
    if (!pair || differing.length > 1) continue;
    const [recorded, written] = pair;
    // Short names are too often other words or other people; a plural is not a misspelling.
    if (recorded.length < 5 || written === `${recorded}s` || !oneEditApart(recorded, written)) continue;
    if (known.has(run.map((w) => w.folded).join(" "))) continue;
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    if (mentioned.some((span) => span.start < end && start < span.end)) continue;
    const as = text.slice(start, end);
    findings.push({
      code: "protocol_name_mismatch",
      severity: "warning",
      delegate_id: delegate.id,
      platform: null,
      message: `${quoted(as)} looks like a misspelling of ${quoted(styled(delegate))}.`,
      expected: styled(delegate),
      actual: as,
    });
  }
  return findings;
}

/** "H.E. Diallo" before the full name is written; skipped when another delegate has that surname. */
function shortForm(
  text: string,
  delegate: ProtocolDelegate,
  names: readonly EntitySpan[],
  surnames: ReadonlyMap<string, number>,
): ProtocolFinding | null {
  const title = titleMatcher(delegate.title);
  const surname = nameWords(delegate.lastName ?? "");
  if (!title || surname.length === 0 || (surnames.get(surname.join(" ")) ?? 0) > 1) return null;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${title.forms})\\.?\\s+(${surname.map(escapeRegExp).join("\\s+")})(?![\\p{L}\\p{N}_])`,
    "gdu",
  );
  const { folded, offsets } = foldWithOffsets(text);
  for (const match of folded.matchAll(pattern)) {
    const start = offsets[match.index] ?? 0;
    if (names.some((span) => span.start <= start)) return null;
    const surnameAt = offsets[match.indices?.[1]?.[0] ?? match.index] ?? start;
    if (!/^\p{Lu}/u.test(text.slice(surnameAt, surnameAt + 2))) continue;
    const as = text.slice(start, offsets[match.index + match[0].length] ?? text.length);
    return {
      code: "protocol_name_mismatch",
      severity: "warning",
      delegate_id: delegate.id,
      platform: null,
      message: `${quoted(as)} is a short form: write ${quoted(styled(delegate))} when first naming the delegate.`,
      expected: styled(delegate),
      actual: as,
    };
  }
  return null;
}

/**
 * Every finding for the text, in the order the delegates are first named (the misspellings after).
 * Pure: the caller has read the delegates (`selectProtocol`).
 */
export function checkProtocol(input: ProtocolInput): ProtocolFinding[] {
  const { text } = input;
  if (!text.trim() || input.delegates.length === 0) return [];
  const mentions = findDelegateMentions(text, input.delegates.map(refOf));
  const named: Named[] = input.delegates
    .map((delegate) => {
      const own = mentions.filter((span) => span.entity.id === delegate.id);
      return { delegate, mentions: own, names: own.filter((span) => isName(span, delegate)) };
    })
    .filter((n) => n.mentions.length > 0)
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));

  const findings: ProtocolFinding[] = [];
  for (const n of named) {
    const title = titleFinding(text, n);
    if (title) findings.push(title);
    findings.push(...handleFindings(text, input.targetPlatforms, n));
  }
  findings.push(...precedenceFindings(named));

  const words = wordsOf(text);
  const known = new Set(input.delegates.map((d) => nameWords(fullName(d)).join(" ")));
  const surnames = new Map<string, number>();
  for (const d of input.delegates) {
    const key = nameWords(d.lastName ?? "").join(" ");
    if (key) surnames.set(key, (surnames.get(key) ?? 0) + 1);
  }
  for (const delegate of input.delegates) {
    const names = named.find((n) => n.delegate.id === delegate.id)?.names ?? [];
    findings.push(...misspeltName(text, words, delegate, known, mentions));
    const short = shortForm(text, delegate, names, surnames);
    if (short) findings.push(short);
  }
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.platform}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What `selectProtocol` read: the organisation's mode and the delegates the content may name. */
export interface ProtocolRead {
  mode: ProtocolCheckMode;
  delegates: ProtocolDelegate[];
}

const modeOf = (value: string | null | undefined): ProtocolCheckMode =>
  (PROTOCOL_CHECK_MODES as readonly string[]).includes(value ?? "") ? (value as ProtocolCheckMode) : "warn";

/**
 * One statement for the caller's batch: the organisation's `protocol_checks` setting, and its live
 * VIP or ranked delegates (of the content's event; of every live event when it has none), on rows
 * of the organisation left-joined to them, so the setting comes back even when no delegate does.
 * The same person at several events is read once: their most recently updated record.
 */
export function selectProtocol(ctx: TenantContext, db: Database, contentId: string) {
  const eventOfContent = sql`(select ${content.eventId} from ${content} where ${liveContent(ctx, contentId)})`;
  const rows = db
    .select({
      mode: sql<string | null>`${organizations.settings} ->> 'protocol_checks'`,
      delegate: {
        id: delegates.id,
        eventId: delegates.eventId,
        title: delegates.title,
        firstName: delegates.firstName,
        lastName: delegates.lastName,
        autoTag: delegates.autoTag,
        socialHandles: delegates.socialHandles,
        precedence: delegates.precedence,
      },
    })
    .from(organizations)
    .leftJoin(
      delegates,
      ownedBy(
        ctx,
        delegates.organizationId,
        isNull(delegates.deletedAt),
        or(gt(delegates.vipTier, 0), isNotNull(delegates.precedence)),
        sql`${delegates.eventId} = coalesce(${eventOfContent}, ${delegates.eventId})`,
        sql`exists (select 1 from ${events} where ${events.id} = ${delegates.eventId} and ${events.deletedAt} is null)`,
      ),
    )
    .where(eq(organizations.id, ctx.organizationId))
    .orderBy(desc(delegates.updatedAt), delegates.id);
  return reading({ rows }, ({ rows }): ProtocolRead => {
    const people = new Map<string, ProtocolDelegate>();
    for (const { delegate } of rows) {
      if (!delegate) continue;
      const key = fold(`${delegate.firstName.trim()}|${delegate.lastName?.trim() ?? ""}`);
      if (!people.has(key)) people.set(key, delegate);
    }
    return { mode: modeOf(rows[0]?.mode), delegates: [...people.values()] };
  });
}

/** The findings for a content row. */
export const protocolFindings = (
  row: Pick<Content, "caption" | "hashtags" | "targetPlatforms">,
  read: ProtocolRead,
) =>
  checkProtocol({
    text: composePostText(row.caption, row.hashtags),
    targetPlatforms: row.targetPlatforms,
    delegates: read.delegates,
  });

export class ProtocolCheckFailedError extends AppError {
  constructor(findings: ProtocolFinding[]) {
    const errors = findings.filter((f) => f.severity === "error").length;
    super(
      422,
      "protocol_check_failed",
      titleOf(422),
      `The content breaks protocol for a VIP delegate: ${errors} finding${errors === 1 ? "" : "s"} of severity error; the organisation blocks on them.`,
      { findings },
    );
  }
}

/** Whether the findings stop the content under the organisation's mode. */
export const blocks = (mode: ProtocolCheckMode, findings: readonly ProtocolFinding[]) =>
  mode === "block" && findings.some((f) => f.severity === "error");

/** 422 `protocol_check_failed` when the organisation blocks and the content has an error finding. */
export function assertProtocol(
  row: Pick<Content, "caption" | "hashtags" | "targetPlatforms">,
  read: ProtocolRead,
) {
  if (read.mode !== "block") return;
  const findings = protocolFindings(row, read);
  if (blocks(read.mode, findings)) throw new ProtocolCheckFailedError(findings);
}
