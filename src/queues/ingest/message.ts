import { z } from "zod";
import { PLATFORMS } from "../../db/schema/columns.ts";

/** A verified platform webhook delivery, queued so the webhook route can answer at once. */
export const DeliveryMessageSchema = z.strictObject({
  type: z.literal("delivery"),
  platform: z.enum(PLATFORMS),
  delivery_id: z.string().min(1),
  received_at: z.iso.datetime(),
  payload: z.unknown(),
  /** Set when the delivery comes again from where failed deliveries are kept (R2): how many times. */
  replays: z.number().int().min(1).optional(),
});
export type DeliveryMessage = z.infer<typeof DeliveryMessageSchema>;

/** One listener's turn (a Bluesky account's notifications, an event hashtag), sent by the cron. */
export const ListenMessageSchema = z.strictObject({
  type: z.literal("listen"),
  organization_id: z.uuid(),
  listener: z.string().min(1),
});
export type ListenMessage = z.infer<typeof ListenMessageSchema>;

export const IngestMessageSchema = z.discriminatedUnion("type", [DeliveryMessageSchema, ListenMessageSchema]);
export type IngestMessage = z.infer<typeof IngestMessageSchema>;
