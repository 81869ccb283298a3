/**
 * An organisation's retention of its time series, in `organizations.settings.retention`: months kept
 * before a period is archived to R2 and deleted, per table. Unset: 24 months (the data model's two
 * years for metrics; sentiment and inbound items follow the posts they describe). `null`: kept, never
 * archived. The SQL function `retention_months` (migrations/0026) reads the same keys the same way.
 */
import { z } from "@hono/zod-openapi";

export const RETENTION_DEFAULT_MONTHS = 24;
export const RETENTION_MAX_MONTHS = 120;

const months = (what: string) =>
  z
    .int()
    .min(1)
    .max(RETENTION_MAX_MONTHS)
    .nullable()
    .optional()
    .openapi({
      description: `Months ${what} are kept before they are archived to R2 and deleted (1–${RETENTION_MAX_MONTHS}; default ${RETENTION_DEFAULT_MONTHS}); null keeps them`,
    });

export const RetentionSettingsSchema = z
  .strictObject({
    engagement_metrics_months: months("engagement metrics"),
    sentiment_analysis_months: months("sentiment analyses"),
    inbound_items_months: months("inbound items (mentions, replies, comments)"),
  })
  .openapi("RetentionSettings", {
    description:
      "How long time series are kept. A key left out takes the default; the object replaces the stored one as a whole. Audit logs are kept 5 years and deleted content 90 days, for every organisation.",
  });

export type RetentionSettings = z.output<typeof RetentionSettingsSchema>;
