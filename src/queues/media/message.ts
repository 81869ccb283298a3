import { z } from "zod";

/** One message per uploaded media asset; the consumer re-reads the row by id. */
export const MediaMessageSchema = z.strictObject({
  media_id: z.uuid(),
  organization_id: z.uuid(),
});
export type MediaMessage = z.infer<typeof MediaMessageSchema>;
