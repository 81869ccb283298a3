import { z } from "zod";

/** One message per webhook delivery (an event for one endpoint); the consumer re-reads the row by id. */
export const WebhookMessageSchema = z.strictObject({
  delivery_id: z.uuid(),
  organization_id: z.uuid(),
});
export type WebhookMessage = z.infer<typeof WebhookMessageSchema>;
