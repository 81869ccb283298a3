import { z } from "zod";

/** A verified platform webhook delivery, queued so the webhook route can answer at once. */
export const IngestMessageSchema = z.strictObject({
  platform: z.enum(["bluesky", "x", "facebook", "instagram", "linkedin", "threads"]),
  delivery_id: z.string().min(1),
  received_at: z.iso.datetime(),
  payload: z.unknown(),
});
export type IngestMessage = z.infer<typeof IngestMessageSchema>;
