/**
 * /v1/events/{id}/widgets and /v1/events/{id}/wall: an event's public face (switching widgets on, the
 * public key, how the wall is moderated) and the moderator's queue and actions.
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import {
  DEFAULT_WALL_FILTERS,
  type EventWidgets,
  MODERATION_MODES,
  WALL_STATUSES,
} from "../../../db/schema/event-widgets.ts";
import type { InboundItem } from "../../../db/schema/inbound-items.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { MAX_PINNED } from "../../../services/public/reads.ts";
import {
  blockWallAuthor,
  listWallItems,
  moderateWallItem,
  WALL_ACTIONS,
} from "../../../services/wall/moderation.ts";
import { getWidgets, rotatePublicKey, updateWidgets } from "../../../services/wall/widgets.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, PlatformSchema } from "../common.ts";
import { InboundItemSchema, toInboundItem } from "../inbound-items/schema.ts";

const Author = z.strictObject({
  platform: PlatformSchema,
  handle: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^@?[\w.:-]+$/, "a handle, with or without @")
    .openapi({ example: "@troll" }),
});

const Filters = z
  .strictObject({
    profanity: z.boolean().openapi({
      description: "Our English list plus French, Spanish, Portuguese, German and Swahili",
    }),
    blocked_words: z.array(z.string().trim().min(1).max(100)).max(500).openapi({
      description: "Whole words or phrases, any case, accents ignored: such items wait for a moderator",
    }),
    blocked_authors: z.array(Author).max(1000).openapi({ description: "Hidden, always" }),
    allowed_authors: z.array(Author).max(1000).openapi({
      description:
        "Shown, always (the organisation's accounts and the event's delegates are without listing)",
    }),
    min_followers: z.number().int().min(0).nullable().openapi({
      description: "Authors with fewer followers wait, where the platform says how many",
    }),
    min_account_age_days: z.number().int().min(0).max(3650).nullable().openapi({
      description: "Authors whose account is younger than this many days wait, where the platform says (X)",
    }),
    flood: z
      .strictObject({
        max_identical: z.number().int().min(1).max(1000),
        window_minutes: z.number().int().min(1).max(1440),
      })
      .nullable()
      .openapi({ description: "The same text more than max_identical times within window_minutes waits" }),
  })
  .openapi("WallFilters", { example: DEFAULT_WALL_FILTERS });

const WidgetsSchema = z
  .object({
    event_id: z.uuid(),
    enabled: z.boolean(),
    public_key: z
      .string()
      .nullable()
      .openapi({ description: "The embed's `event` attribute; null until first set up" }),
    moderation: z.enum(MODERATION_MODES),
    filters: Filters,
    show_official_posts: z.boolean(),
    embed: z.string().nullable().openapi({ description: "The two lines to paste into the event's page" }),
    updated_at: z.iso.datetime().nullable(),
  })
  .openapi("EventWidgets");

function toWidgets(eventId: string, row: EventWidgets | null, origin: string): z.infer<typeof WidgetsSchema> {
  return {
    event_id: eventId,
    enabled: row?.enabled ?? false,
    public_key: row?.publicKey ?? null,
    moderation: row?.moderation ?? "automatic",
    // Settings saved before a filter existed take its default.
    filters: { ...DEFAULT_WALL_FILTERS, ...row?.filters },
    show_official_posts: row?.showOfficialPosts ?? true,
    embed: row
      ? `<script type="module" src="${origin}/embed/v1/guddu.js"></script>\n<guddu-wall event="${row.publicKey}"></guddu-wall>`
      : null,
    updated_at: row?.updatedAt.toISOString() ?? null,
  };
}

const WallItemSchema = InboundItemSchema.extend({
  wall: z.object({
    status: z.enum(WALL_STATUSES),
    reason: z.string().nullable().openapi({
      description:
        "Why it waits or is hidden: profanity, blocked_word, few_followers, new_account, flood, manual, blocked_author, moderator",
    }),
    pinned: z.boolean(),
    moderated_by: z.uuid().nullable(),
    moderated_at: z.iso.datetime().nullable(),
  }),
}).openapi("WallQueueItem");

const toWallQueueItem = (row: InboundItem): z.infer<typeof WallItemSchema> => ({
  ...toInboundItem(row),
  wall: {
    status: row.wallStatus ?? "pending",
    reason: row.wallReason,
    pinned: row.pinnedAt !== null,
    moderated_by: row.moderatedBy,
    moderated_at: row.moderatedAt?.toISOString() ?? null,
  },
});

const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const getWidgetsRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/widgets",
  tags: ["Public widgets"],
  summary: "The event's widgets: on or off, the public key, the embed code, the wall's moderation",
  permission: "events:read",
  request: { params: IdParams },
  responses: {
    200: { description: "The settings", content: { "application/json": { schema: WidgetsSchema } } },
    ...errorResponses(404),
  },
});

export const updateWidgetsRoute = authedRoute({
  method: "patch",
  path: "/v1/events/{id}/widgets",
  tags: ["Public widgets"],
  summary: "Switch the event's widgets on or off and set how its wall is moderated",
  description:
    "The first call makes the event's public key. Fields not given keep their value; `filters` fields replace theirs. Readers and open widgets follow at once.",
  permission: "events:write",
  request: {
    params: IdParams,
    body: json(
      z
        .strictObject({
          enabled: z.boolean().optional(),
          moderation: z.enum(MODERATION_MODES).optional().openapi({
            description:
              "automatic: shown unless a filter stops it; manual: every item waits for a moderator",
          }),
          filters: Filters.partial().optional(),
          show_official_posts: z.boolean().optional(),
        })
        .openapi("UpdateEventWidgetsRequest", { example: { enabled: true, moderation: "automatic" } }),
    ),
  },
  responses: {
    200: { description: "The settings", content: { "application/json": { schema: WidgetsSchema } } },
    ...errorResponses(404),
  },
});

export const rotateKeyRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/widgets/rotate-key",
  tags: ["Public widgets"],
  summary: "Give the event a new public key (every embed with the old one stops)",
  permission: "events:write",
  request: { params: IdParams },
  responses: {
    200: { description: "The settings", content: { "application/json": { schema: WidgetsSchema } } },
    ...errorResponses(404),
  },
});

export const listWallRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/wall",
  tags: ["Public widgets"],
  summary: "The wall's moderation queue: pending (default), approved or hidden items, newest first",
  permission: "wall:moderate",
  request: {
    params: IdParams,
    query: PaginationQuery.extend({ status: z.enum(WALL_STATUSES).optional() }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(WallItemSchema, "WallQueuePage") } },
    },
    ...errorResponses(404),
  },
});

const ItemParams = IdParams.extend({
  item_id: z.uuid().openapi({ param: { name: "item_id", in: "path" } }),
});

export const moderateRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/wall/{item_id}/moderation",
  tags: ["Public widgets"],
  summary: "Approve, hide, pin or unpin an item of the wall",
  description: `Audited as wall_item.<action> and pushed to every open widget at once. Pinning approves too; at most ${MAX_PINNED} items are pinned (409 too_many_pinned).`,
  permission: "wall:moderate",
  request: {
    params: ItemParams,
    body: json(
      z
        .strictObject({ action: z.enum(WALL_ACTIONS) })
        .openapi("WallModerationRequest", { example: { action: "approve" } }),
    ),
  },
  responses: {
    200: { description: "The item", content: { "application/json": { schema: WallItemSchema } } },
    ...errorResponses(404),
  },
});

export const blockAuthorRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/wall/blocked-authors",
  tags: ["Public widgets"],
  summary: "Block an author on the wall: every item of theirs hidden, and whatever they post next",
  permission: "wall:moderate",
  request: {
    params: IdParams,
    body: json(Author.openapi("BlockWallAuthorRequest", { example: { platform: "x", handle: "@troll" } })),
  },
  responses: {
    200: {
      description: "How many of their items were hidden",
      content: { "application/json": { schema: z.object({ hidden: z.number().int() }) } },
    },
    ...errorResponses(404),
  },
});

export function registerEventWidgets(app: OpenAPIHono<AppEnv>) {
  const origin = (url: string) => new URL(url).origin;
  app.openapi(getWidgetsRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(toWidgets(id, await getWidgets(c.get("tenant"), id), origin(c.req.url)), 200);
  });
  app.openapi(updateWidgetsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const saved = await updateWidgets(c.get("tenant"), id, c.req.valid("json"));
    return c.json(toWidgets(id, saved, origin(c.req.url)), 200);
  });
  app.openapi(rotateKeyRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(toWidgets(id, await rotatePublicKey(c.get("tenant"), id), origin(c.req.url)), 200);
  });
  app.openapi(listWallRoute, async (c) => {
    const { id } = c.req.valid("param");
    const page = await listWallItems(c.get("tenant"), id, c.req.valid("query"));
    return c.json({ data: page.data.map(toWallQueueItem), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(blockAuthorRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await blockWallAuthor(c.get("tenant"), id, c.req.valid("json"), c.get("logger")), 200);
  });
  app.openapi(moderateRoute, async (c) => {
    const { id, item_id } = c.req.valid("param");
    const item = await moderateWallItem(
      c.get("tenant"),
      id,
      item_id,
      c.req.valid("json").action,
      c.get("logger"),
    );
    return c.json(toWallQueueItem(item), 200);
  });
}
