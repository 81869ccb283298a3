import { z } from "zod";

/** One message per published_posts row (post × account); the consumer re-reads the row by id. */
export const PublishMessageSchema = z.strictObject({
  published_post_id: z.uuid(),
  organization_id: z.uuid(),
});
export type PublishMessage = z.infer<typeof PublishMessageSchema>;
