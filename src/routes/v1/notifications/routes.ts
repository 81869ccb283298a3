/** /v1/notifications: the caller's own inbox (list, unread count, mark one or all read). */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import {
  listNotifications,
  markAllRead,
  markRead,
  unreadCount,
} from "../../../services/notifications/inbox.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams } from "../common.ts";
import { NotificationSchema, toNotification } from "./schema.ts";

const TAGS = ["Notifications"];

const ReadAllBody = z
  .strictObject({
    before: DateTimeSchema.optional().openapi({
      description: "Only those created at or before this time (the newest the client has shown)",
    }),
  })
  .openapi("MarkAllNotificationsReadRequest", { example: { before: "2027-03-10T08:00:00Z" } });

export const listNotificationsRoute = authedRoute({
  method: "get",
  path: "/v1/notifications",
  tags: TAGS,
  summary: "List your notifications, newest first",
  permission: "notifications:read",
  apiKeys: false,
  request: {
    query: PaginationQuery.extend({
      unread: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional()
        .openapi({
          type: "string",
          enum: ["true", "false"],
          description: "true: unread only; false: read only",
        }),
      type: z.string().min(1).max(100).optional().openapi({ example: "approval.requested" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(NotificationSchema, "NotificationList") } },
    },
  },
});

export const unreadCountRoute = authedRoute({
  method: "get",
  path: "/v1/notifications/unread-count",
  tags: TAGS,
  summary: "How many of your notifications are unread",
  permission: "notifications:read",
  apiKeys: false,
  responses: {
    200: {
      description: "The count",
      content: {
        "application/json": {
          schema: z.object({ unread: z.number().int() }).openapi("UnreadNotificationCount"),
        },
      },
    },
  },
});

export const markReadRoute = authedRoute({
  method: "post",
  path: "/v1/notifications/{id}/read",
  tags: TAGS,
  summary: "Mark one of your notifications read (again is fine)",
  permission: "notifications:read",
  apiKeys: false,
  request: { params: IdParams },
  responses: {
    200: { description: "Read", content: { "application/json": { schema: NotificationSchema } } },
    ...errorResponses(404),
  },
});

export const markAllReadRoute = authedRoute({
  method: "post",
  path: "/v1/notifications/read-all",
  tags: TAGS,
  summary: "Mark all your unread notifications read",
  permission: "notifications:read",
  apiKeys: false,
  request: { body: { required: false, content: { "application/json": { schema: ReadAllBody } } } },
  responses: {
    200: {
      description: "How many were marked",
      content: {
        "application/json": {
          schema: z.object({ marked: z.number().int() }).openapi("MarkAllNotificationsReadResponse"),
        },
      },
    },
  },
});

export function registerNotifications(app: OpenAPIHono<AppEnv>) {
  app.openapi(listNotificationsRoute, async (c) => {
    const page = await listNotifications(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toNotification), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(unreadCountRoute, async (c) => c.json({ unread: await unreadCount(c.get("tenant")) }, 200));
  app.openapi(markReadRoute, async (c) => {
    const row = await markRead(c.get("tenant"), c.req.valid("param").id);
    return c.json(toNotification(row), 200);
  });
  app.openapi(markAllReadRoute, async (c) => {
    const marked = await markAllRead(c.get("tenant"), c.req.valid("json").before);
    return c.json({ marked }, 200);
  });
}
