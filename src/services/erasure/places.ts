/**
 * Where a person's name, address or handle can stand in free text the organisation holds (captions
 * and every version of them, notifications, stored responses, webhook payloads, what was sent to the
 * platforms, other people's posts). An erasure cuts the person's terms out of these columns in every
 * row of the organisation, a chunk of rows at a time. The rows that are the person's own (their
 * delegate or user row, their posts) are deleted instead, by the steps in steps.ts.
 *
 * Not here, on purpose: audit_logs (personal fields are never written to it: services/audit/record.ts)
 * and ids, which stay.
 */

export type ColumnKind = "text" | "jsonb" | "text[]";

export interface ScrubPlace {
  table: string;
  columns: ReadonlyArray<readonly [string, ColumnKind]>;
}

export const SCRUBBED_PLACES: readonly ScrubPlace[] = [
  {
    table: "content",
    columns: [
      ["title", "text"],
      ["caption", "text"],
      ["hashtags", "text[]"],
    ],
  },
  { table: "content_templates", columns: [["template_data", "jsonb"]] },
  { table: "events", columns: [["description", "text"]] },
  { table: "event_phases", columns: [["description", "text"]] },
  {
    table: "event_sessions",
    columns: [
      ["title", "text"],
      ["description", "text"],
    ],
  },
  { table: "media_assets", columns: [["filename", "text"]] },
  { table: "media_uploads", columns: [["filename", "text"]] },
  {
    table: "notifications",
    columns: [
      ["title", "text"],
      ["message", "text"],
      ["data", "jsonb"],
    ],
  },
  { table: "approval_actions", columns: [["comment", "text"]] },
  {
    table: "published_posts",
    columns: [
      ["published_content", "jsonb"],
      ["last_error", "text"],
    ],
  },
  {
    table: "publish_attempts",
    columns: [
      ["error_message", "text"],
      ["platform_response", "jsonb"],
    ],
  },
  { table: "inbound_items", columns: [["text", "text"]] },
  {
    table: "sentiment_analysis",
    columns: [
      ["text_content", "text"],
      ["entities", "jsonb"],
      ["keywords", "text[]"],
    ],
  },
  { table: "inbound_failures", columns: [["error", "text"]] },
  { table: "webhook_events", columns: [["data", "jsonb"]] },
  {
    table: "webhook_deliveries",
    columns: [
      ["response_body", "text"],
      ["error", "text"],
    ],
  },
  { table: "idempotency_keys", columns: [["response_body", "text"]] },
  { table: "data_exports", columns: [["error", "text"]] },
];
