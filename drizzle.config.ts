import { defineConfig } from "drizzle-kit";

/**
 * drizzle-kit generates migrations from these files only. `engagement_metrics`, `sentiment_analysis`,
 * `audit_logs` and `inbound_items` are partitioned tables, which drizzle-kit cannot express: their
 * schema files exist for queries, and hand-written migrations create them (`drizzle-kit generate
 * --custom --name …`), as well as `inbound_item_keys`, which only exists for `inbound_items`.
 */
const schemaDir = "./src/db/schema";
const generated = [
  "organizations",
  "users",
  "user-event-access",
  "refresh-tokens",
  "mfa-recovery-codes",
  "events",
  "event-phases",
  "event-sessions",
  "delegates",
  "campaigns",
  "content",
  "content-templates",
  "media-assets",
  "media-uploads",
  "social-accounts",
  "published-posts",
  "publish-attempts",
  "publishing-pauses",
  "approval-workflows",
  "approval-requests",
  "approval-actions",
  "notifications",
  "idempotency-keys",
  "listening-cursors",
  "inbound-failures",
  "event-widgets",
  "sentiment-alerts",
  "api-keys",
  "webhook-endpoints",
  "webhook-events",
  "webhook-deliveries",
  "data-archives",
  "data-exports",
  "erasures",
  "organization-closures",
];

export default defineConfig({
  dialect: "postgresql",
  schema: generated.map((name) => `${schemaDir}/${name}.ts`),
  out: "./migrations",
  casing: "snake_case",
  // push/pull must leave the hand-made partitioned tables (and their partitions) alone.
  tablesFilter: ["!engagement_metrics*", "!sentiment_analysis*", "!audit_logs*", "!inbound_item*"],
  dbCredentials: { url: process.env.DATABASE_URL ?? "" },
  strict: true,
  verbose: true,
});
