/** /v1/inbound-items: what came back from the platforms (mentions, replies, comments, quotes, reposts, hashtag posts). */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { getInboundItem, listInboundItems } from "../../../services/inbound/items.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams, PlatformSchema, timeRange } from "../common.ts";
import { InboundItemSchema, InboundKindSchema, toInboundItem } from "./schema.ts";

export const listInboundItemsRoute = authedRoute({
  method: "get",
  path: "/v1/inbound-items",
  tags: ["Listening"],
  summary: "What people said to and about the organisation, newest first",
  description:
    "Every item the platforms delivered (webhooks) or listening found (Bluesky notifications, hashtag searches), once each, in its latest state; edits replace the text, deletions remove it (`include_deleted=true` lists them too, without text). Filter by event, platform, kind, a mentioned delegate, our published post, and arrival time; `q` searches the text and the author's handle and name and orders by relevance.",
  permission: "inbound:read",
  request: {
    query: PaginationQuery.extend({
      event_id: z.uuid().optional(),
      platform: PlatformSchema.optional(),
      kind: InboundKindSchema.optional(),
      delegate_id: z.uuid().optional().openapi({ description: "Items that mention this delegate" }),
      published_post_id: z.uuid().optional().openapi({ description: "Items answering this post of ours" }),
      from: DateTimeSchema.optional().openapi({ description: "Arrived at or after" }),
      to: DateTimeSchema.optional().openapi({ description: "Arrived at or before" }),
      q: z.string().trim().min(1).max(200).optional().openapi({
        description: 'Full text in web-search syntax ("exact phrase", or, -word); results by relevance',
        example: "keynote",
      }),
      include_deleted: z
        .enum(["true", "false"])
        .transform((value) => value === "true")
        .optional()
        .openapi({ type: "string", enum: ["true", "false"] }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(InboundItemSchema, "InboundItemList") } },
    },
  },
});

export const getInboundItemRoute = authedRoute({
  method: "get",
  path: "/v1/inbound-items/{id}",
  tags: ["Listening"],
  summary: "Read one inbound item",
  permission: "inbound:read",
  request: { params: IdParams },
  responses: {
    200: { description: "The item", content: { "application/json": { schema: InboundItemSchema } } },
    ...errorResponses(404),
  },
});

export function registerInboundItems(app: OpenAPIHono<AppEnv>) {
  app.openapi(listInboundItemsRoute, async (c) => {
    const { from, to, ...query } = c.req.valid("query");
    const page = await listInboundItems(c.get("tenant"), {
      ...query,
      ...timeRange({ from, to }),
    });
    return c.json({ data: page.data.map(toInboundItem), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(getInboundItemRoute, async (c) => {
    const item = await getInboundItem(c.get("tenant"), c.req.valid("param").id);
    return c.json(toInboundItem(item), 200);
  });
}
