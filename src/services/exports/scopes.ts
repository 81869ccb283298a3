/**
 * What an export holds, per scope: the tables read (each row once, in key order, a chunk at a time)
 * with the condition that picks the subject's rows, and which media files come along. Every read is
 * also scoped to the organisation. Secrets never leave: columns whose name says they hold one are
 * left out (`SECRET_COLUMN`), as are generated columns. Bookkeeping tables (refresh tokens, recovery
 * codes, idempotency keys, uploads in flight, listener cursors) are not data about anyone.
 */
import { type SQL, sql } from "drizzle-orm";
import type { ExportScope, ExportSubject } from "../../db/schema/data-exports.ts";

/** The same rule as the audit trail's redaction: `password_hash`, `access_token`, `secret`, `totp_secret` … */
export const SECRET_COLUMN = /(^|_)(password|secret|token|tokens|hash)(_|$)|(^|_)(recovery|totp)_codes?$/i;

/**
 * The order a table is read in, chunk after chunk: its uuid key; for a time series its time and id
 * (the organisation's index on time finds its rows among every organisation's in each partition); or
 * a composite key rendered as text, for small tables.
 */
export type ExportKey =
  | { kind: "uuid"; column: string }
  | { kind: "time"; column: string }
  | { kind: "text"; expr: SQL };

export interface ExportTable {
  table: string;
  key: ExportKey;
  /** The subject's rows (alias `t`), beside the organisation's. */
  where: SQL;
  /** The organisation's own row is keyed by `id`, every other by `organization_id`. */
  organizationColumn?: "id";
}

const byId = (table: string, where: SQL = sql`true`): ExportTable => ({
  table,
  key: { kind: "uuid", column: "id" },
  where,
});
const byTime = (table: string, column: string, where: SQL = sql`true`): ExportTable => ({
  table,
  key: { kind: "time", column },
  where,
});

const ORGANIZATION_TABLES: readonly ExportTable[] = [
  { ...byId("organizations"), organizationColumn: "id" },
  byId("users"),
  byId("events"),
  byId("event_phases"),
  byId("delegates"),
  byId("campaigns"),
  byId("content"),
  byId("content_templates"),
  byId("media_assets"),
  byId("social_accounts"),
  byId("published_posts"),
  byId("publish_attempts"),
  byId("publishing_pauses"),
  byTime("engagement_metrics", "measured_at"),
  byTime("sentiment_analysis", "analyzed_at"),
  {
    table: "sentiment_alerts",
    key: { kind: "text", expr: sql`(t.event_id::text || ' ' || t.window_start::text)` },
    where: sql`true`,
  },
  byId("approval_workflows"),
  byId("approval_requests"),
  byId("approval_actions"),
  byId("notifications"),
  byTime("inbound_items", "received_at"),
  byId("inbound_failures"),
  { table: "event_widgets", key: { kind: "uuid", column: "event_id" }, where: sql`true` },
  byTime("audit_logs", "created_at"),
  byId("api_keys"),
  byId("webhook_endpoints"),
  byId("webhook_events"),
  byId("webhook_deliveries"),
  byId("data_archives"),
];

const handleOf = (subject: ExportSubject) => (subject.handle ?? "").replace(/^@/, "").toLowerCase();

/** The tables of an export of `scope` about `subject`. */
export function exportTables(scope: ExportScope, subject: ExportSubject): readonly ExportTable[] {
  switch (scope) {
    case "organization":
      return ORGANIZATION_TABLES;
    case "user": {
      const user = subject.user_id ?? "";
      return [
        byId("users", sql`t.id = ${user}`),
        byId("notifications", sql`t.user_id = ${user}`),
        byId("content", sql`t.created_by = ${user}`),
        byId("media_assets", sql`t.created_by = ${user}`),
        byId("approval_requests", sql`t.requested_by = ${user}`),
        byId("approval_actions", sql`t.actioned_by = ${user}`),
        byTime("audit_logs", "created_at", sql`(t.user_id = ${user} or t.entity_id = ${user})`),
      ];
    }
    case "delegate": {
      const delegate = subject.delegate_id ?? "";
      return [
        byId("delegates", sql`t.id = ${delegate}`),
        byTime("inbound_items", "received_at", sql`t.mentioned_delegate_ids @> array[${delegate}::uuid]`),
        byTime("audit_logs", "created_at", sql`t.entity_id = ${delegate}`),
      ];
    }
    case "inbound_author": {
      const authored = sql`t.platform = ${subject.platform ?? ""} and lower(t.author_handle) = ${handleOf(subject)}`;
      return [
        byTime("inbound_items", "received_at", authored),
        byTime(
          "sentiment_analysis",
          "analyzed_at",
          sql`t.inbound_item_id in (select i.id from inbound_items i where i.organization_id = t.organization_id
              and i.platform = ${subject.platform ?? ""} and lower(i.author_handle) = ${handleOf(subject)})`,
        ),
      ];
    }
  }
}

/** Which media files come along (alias `t` on media_assets); null: none. */
export function exportMedia(scope: ExportScope, subject: ExportSubject): SQL | null {
  switch (scope) {
    case "organization":
      return sql`true`;
    case "user":
      return sql`t.created_by = ${subject.user_id ?? ""}`;
    case "delegate":
      return sql`t.id = (select d.photo_media_id from delegates d where d.id = ${subject.delegate_id ?? ""})`;
    case "inbound_author":
      return null;
  }
}
