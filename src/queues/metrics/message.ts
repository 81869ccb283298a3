import { z } from "zod";

/**
 * One message per social account and batch of its due posts (at most the adapter's
 * `metricsBatchSize`): one platform call measures them all. The consumer re-reads the rows.
 */
export const MetricsMessageSchema = z.strictObject({
  organization_id: z.uuid(),
  social_account_id: z.uuid(),
  published_post_ids: z.array(z.uuid()).min(1).max(100),
});
export type MetricsMessage = z.infer<typeof MetricsMessageSchema>;
