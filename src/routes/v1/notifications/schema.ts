import { z } from "@hono/zod-openapi";
import type { Notification } from "../../../db/schema/notifications.ts";

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    type: z.string().openapi({ example: "approval.requested" }),
    title: z.string(),
    message: z.string().nullable(),
    link: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    is_read: z.boolean(),
    read_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
  })
  .openapi("Notification");

export function toNotification(row: Notification): z.infer<typeof NotificationSchema> {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    message: row.message,
    link: row.link,
    data: row.data,
    is_read: row.isRead,
    read_at: row.readAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
