/**
 * What the nightly retention deletes and archives, and when. Periods are whole partitions (a month;
 * a quarter for audit logs) in UTC, so a period is archived once it lies wholly past the retention.
 */
import type { ArchiveSource } from "../../db/schema/data-archives.ts";
import { RETENTION_DEFAULT_MONTHS } from "./settings.ts";

export const SOFT_DELETE_RETENTION_DAYS = 90;
export const AUDIT_RETENTION_YEARS = 5;

export interface SourceSpec {
  source: ArchiveSource;
  timeColumn: string;
  period: "month" | "quarter";
  /** Rows may be deleted one by one; audit logs only leave with their whole partition. */
  deletable: boolean;
}

export const SOURCES: Record<ArchiveSource, SourceSpec> = {
  engagement_metrics: {
    source: "engagement_metrics",
    timeColumn: "measured_at",
    period: "month",
    deletable: true,
  },
  sentiment_analysis: {
    source: "sentiment_analysis",
    timeColumn: "analyzed_at",
    period: "month",
    deletable: true,
  },
  inbound_items: { source: "inbound_items", timeColumn: "received_at", period: "month", deletable: true },
  audit_logs: { source: "audit_logs", timeColumn: "created_at", period: "quarter", deletable: false },
};

/** Generated columns are not written: the restored row recomputes nothing, and they are derived. */
export const GENERATED_COLUMNS: Partial<Record<ArchiveSource, string[]>> = {
  inbound_items: ["search_vector"],
};

/** Months the organisation keeps `source`; null when it keeps it. Audit logs: fixed. */
export function retentionMonths(settings: Record<string, unknown>, source: ArchiveSource): number | null {
  if (source === "audit_logs") return AUDIT_RETENTION_YEARS * 12;
  const retention = settings.retention;
  if (!retention || typeof retention !== "object" || Array.isArray(retention))
    return RETENTION_DEFAULT_MONTHS;
  const key = `${source}_months`;
  if (!(key in retention)) return RETENTION_DEFAULT_MONTHS;
  const value = (retention as Record<string, unknown>)[key];
  return typeof value === "number" ? value : null;
}

function startOf(period: SourceSpec["period"], at: Date): Date {
  const month = period === "quarter" ? at.getUTCMonth() - (at.getUTCMonth() % 3) : at.getUTCMonth();
  return new Date(Date.UTC(at.getUTCFullYear(), month, 1));
}

const addMonths = (first: Date, months: number) =>
  new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + months, 1));

/** The period holding `at`: [start, end). */
export function periodOf(spec: SourceSpec, at: Date): { start: Date; end: Date } {
  const start = startOf(spec.period, at);
  return { start, end: addMonths(start, spec.period === "quarter" ? 3 : 1) };
}

/** Rows before this are in periods wholly past the retention; null: nothing is due. */
export function cutoffOf(spec: SourceSpec, settings: Record<string, unknown>, now: Date): Date | null {
  const months = retentionMonths(settings, spec.source);
  if (months === null) return null;
  // The first of the month, as PostgreSQL's date_trunc of `now - months` (a 31st has no 31st to go back to).
  return startOf(spec.period, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1)));
}

/** `2024-10`, or `2020-q4` for a quarter: the period's folder in the bucket. */
export function periodLabel(spec: SourceSpec, start: Date): string {
  const year = start.getUTCFullYear();
  if (spec.period === "quarter") return `${year}-q${Math.floor(start.getUTCMonth() / 3) + 1}`;
  return `${year}-${String(start.getUTCMonth() + 1).padStart(2, "0")}`;
}
