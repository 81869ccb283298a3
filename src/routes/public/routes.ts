/**
 * `/public/v1/events/{key}/…`: what an event's website reads, with no authentication (see
 * docs/public-api.md). GET only, CORS open, cached at the edge (cache.ts); the key is the only way in.
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../../app-env.ts";
import { BadRequestError } from "../../errors.ts";
import { joinLive } from "../../services/public/live.ts";
import { openInboundImage, openPublicFile } from "../../services/public/media.ts";
import {
  decodeWallCursor,
  MAX_WALL_PAGE,
  readAgenda,
  readCounters,
  readPublicEvent,
  readSpeakers,
  readWall,
} from "../../services/public/reads.ts";
import { publicRoute } from "../define.ts";
import { errorResponses } from "../openapi.ts";
import { cachedPublicBytes, cachedPublicRead, clientAddress } from "./cache.ts";
import { AgendaSchema, CountersSchema, PublicEventSchema, SpeakersSchema, WallPageSchema } from "./schema.ts";

const Key = z
  .string()
  .regex(/^[A-Za-z0-9]{12}$/, "12 letters and digits")
  .openapi({
    param: { name: "key", in: "path" },
    example: "k7Fh2Qx9Lm3P",
    description: "The event's public key",
  });
const KeyParams = z.object({ key: Key });

/** Versioned answers change only with the version; the others also age out. */
const VERSIONED_TTL = 300;
const AGING_TTL = 60;
const BYTES_TTL = 86_400;
/** A hidden item's images stop being served from the database at once, from the edge within the hour. */
const IMAGE_TTL = 3600;

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
  ...errorResponses(404, 429),
});

const read = (path: string, summary: string, schema: z.ZodType) =>
  publicRoute({
    method: "get",
    path: `/public/v1/events/{key}${path}`,
    tags: ["Public"],
    summary,
    request: { params: KeyParams },
    responses: json(schema, summary),
  });

export const publicEventRoute = read("", "An event's public facts and its version", PublicEventSchema);
export const publicWallRoute = publicRoute({
  method: "get",
  path: "/public/v1/events/{key}/wall",
  tags: ["Public"],
  summary: "The event's wall: pinned items, then approved items and the organisation's posts, newest first",
  request: {
    params: KeyParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(MAX_WALL_PAGE).default(20),
      cursor: z.string().min(1).max(512).optional(),
    }),
  },
  responses: json(WallPageSchema, "A page of the wall"),
});
export const publicAgendaRoute = read("/agenda", "The event's phases: now, next and all", AgendaSchema);
export const publicSpeakersRoute = read(
  "/speakers",
  "The event's featured and VIP delegates",
  SpeakersSchema,
);
export const publicCountersRoute = read(
  "/counters",
  "Published posts, wall items, campaigns",
  CountersSchema,
);

/**
 * The edge cache answers with the bytes it stored, as a plain Response; each route's schema
 * documents what they are. Typed handlers only know `c.json`, hence this one cast.
 */
const cachedAnswer = (response: Promise<Response>) => response as unknown as Promise<never>;

const BinaryContent = { "*/*": { schema: z.string().openapi({ format: "binary" }) } };

export const publicFileRoute = publicRoute({
  method: "get",
  path: "/public/v1/events/{key}/files/{sha256}",
  tags: ["Public"],
  summary: "A speaker's photo or a file of a published post, by its SHA-256",
  request: {
    params: KeyParams.extend({
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .openapi({ param: { name: "sha256", in: "path" } }),
    }),
  },
  responses: { 200: { description: "The file", content: BinaryContent }, ...errorResponses(404, 429) },
});

export const publicImageRoute = publicRoute({
  method: "get",
  path: "/public/v1/events/{key}/images/{id}/{slot}",
  tags: ["Public"],
  summary: "An approved wall item's avatar or media, through the API's origin",
  request: {
    params: KeyParams.extend({
      id: z
        .string()
        .regex(/^[a-z]+:[^/]{1,200}$/)
        .openapi({ param: { name: "id", in: "path" }, description: "The wall item's id" }),
      slot: z
        .string()
        .regex(/^(avatar|\d{1,2})$/)
        .openapi({ param: { name: "slot", in: "path" }, description: "`avatar` or the media's index" }),
    }),
  },
  responses: { 200: { description: "The image", content: BinaryContent }, ...errorResponses(404, 429) },
});

export const publicLiveRoute = publicRoute({
  method: "get",
  path: "/public/v1/events/{key}/live",
  tags: ["Public"],
  summary: "The event's live channel (WebSocket)",
  description:
    "Send `Upgrade: websocket`. Messages: `hello`, `item`, `remove`, `refresh`, each with the event's `version` (docs/public-api.md). Over the connection caps the socket is closed with 4429: poll the wall instead.",
  request: { params: KeyParams },
  responses: {
    101: { description: "Switching to the WebSocket protocol" },
    ...errorResponses(400, 404, 429),
  },
});

const eventAnswer = (c: Context<AppEnv>, key: string) =>
  cachedPublicRead(c, key, { ttl: AGING_TTL }, async (version) => ({
    version,
    event: await readPublicEvent(c.get("db"), key),
    live_url: `/public/v1/events/${key}/live`,
  }));

export function registerPublic(app: OpenAPIHono<AppEnv>) {
  app.use(
    "/public/*",
    cors({ origin: "*", allowMethods: ["GET"], exposeHeaders: ["Retry-After", "ETag"], maxAge: 86_400 }),
  );

  app.openapi(publicEventRoute, (c) => cachedAnswer(eventAnswer(c, c.req.valid("param").key)));
  app.openapi(publicWallRoute, (c) => {
    const { key } = c.req.valid("param");
    const { limit, cursor } = c.req.valid("query");
    const after = cursor ? decodeWallCursor(cursor) : null;
    if (cursor && !after) {
      throw new BadRequestError("invalid_cursor", "The cursor is not one this wall handed out.");
    }
    return cachedAnswer(
      cachedPublicRead(c, key, { ttl: VERSIONED_TTL }, async (version) => ({
        version,
        ...(await readWall(c.get("db"), key, { limit, cursor: after })),
      })),
    );
  });
  app.openapi(publicAgendaRoute, (c) => {
    const { key } = c.req.valid("param");
    // "Now" moves on by itself: the copy ages out within a minute.
    return cachedAnswer(
      cachedPublicRead(c, key, { ttl: AGING_TTL }, () => readAgenda(c.get("db"), key, new Date())),
    );
  });
  app.openapi(publicSpeakersRoute, (c) => {
    const { key } = c.req.valid("param");
    return cachedAnswer(cachedPublicRead(c, key, { ttl: AGING_TTL }, () => readSpeakers(c.get("db"), key)));
  });
  app.openapi(publicCountersRoute, (c) => {
    const { key } = c.req.valid("param");
    return cachedAnswer(cachedPublicRead(c, key, { ttl: AGING_TTL }, () => readCounters(c.get("db"), key)));
  });
  app.openapi(publicFileRoute, (c) => {
    const { key, sha256 } = c.req.valid("param");
    return cachedAnswer(
      cachedPublicBytes(c, { ttl: BYTES_TTL }, () =>
        openPublicFile(c.get("config"), c.get("db"), key, sha256),
      ),
    );
  });
  app.openapi(publicImageRoute, (c) => {
    const { key, id, slot } = c.req.valid("param");
    return cachedAnswer(
      cachedPublicBytes(c, { ttl: IMAGE_TTL }, () =>
        openInboundImage(c.get("config"), c.get("db"), key, id, slot === "avatar" ? slot : Number(slot)),
      ),
    );
  });
  app.openapi(publicLiveRoute, async (c) => {
    const { key } = c.req.valid("param");
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
      throw new BadRequestError("websocket_expected", "Connect with `Upgrade: websocket`.");
    }
    // Only an event with its widgets on has a channel: the (cached) event read throws 404 otherwise.
    await eventAnswer(c, key);
    return cachedAnswer(joinLive(c.get("config"), key, c.req.raw, clientAddress(c)));
  });
}
