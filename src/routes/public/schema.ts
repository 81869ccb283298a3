/** The public API's answers (docs/public-api.md): no internal id, no private field. */
import { z } from "@hono/zod-openapi";
import { INBOUND_KINDS } from "../../platform/social/inbound.ts";
import { PlatformSchema } from "../v1/common.ts";

const Handles = z.record(z.string(), z.string()).openapi({ example: { x: "@AESummit" } });
const Time = z.iso.datetime();

export const PublicEventSchema = z
  .object({
    version: z.number().int().openapi({ description: "Moves on with every change readers can see" }),
    event: z.object({
      name: z.string(),
      start_date: Time,
      end_date: Time,
      timezone: z.string().openapi({ example: "Africa/Nairobi" }),
      hashtags: z.array(z.string()),
      handles: Handles,
    }),
    live_url: z.string().openapi({ description: "The live channel (WebSocket)" }),
  })
  .openapi("PublicEvent");

export const WallItemSchema = z
  .object({
    id: z.string().openapi({ example: "x:1900000000000000001", description: "Platform and its own id" }),
    platform: PlatformSchema,
    kind: z.enum([...INBOUND_KINDS, "post"]),
    official: z.boolean().openapi({ description: "The organisation's own published post" }),
    url: z.string().nullable(),
    text: z.string().nullable(),
    author: z.object({
      handle: z.string().nullable(),
      name: z.string().nullable(),
      avatar_url: z.string().nullable().openapi({ description: "Through the API's own origin" }),
    }),
    media: z.array(z.object({ url: z.string(), alt: z.string().nullable() })),
    posted_at: Time,
    pinned: z.boolean(),
  })
  .openapi("WallItem");

export const WallPageSchema = z
  .object({
    version: z.number().int(),
    data: z.array(WallItemSchema),
    next_cursor: z.string().nullable(),
  })
  .openapi("WallPage");

const Phase = z
  .object({
    name: z.string(),
    description: z.string().nullable(),
    starts_at: Time.nullable(),
    ends_at: Time.nullable(),
  })
  .openapi("PublicPhase");

export const AgendaSchema = z
  .object({ timezone: z.string(), now: Phase.nullable(), next: Phase.nullable(), phases: z.array(Phase) })
  .openapi("PublicAgenda");

export const SpeakersSchema = z
  .object({
    data: z.array(
      z.object({
        name: z.string().openapi({ example: "H.E. Amina Odhiambo" }),
        designation: z.string().nullable(),
        organization: z.string().nullable(),
        country: z.string().nullable(),
        type: z.string(),
        handles: Handles,
        photo_url: z.string().nullable(),
      }),
    ),
  })
  .openapi("PublicSpeakers");

export const CountersSchema = z
  .object({
    posts_published: z.number().int(),
    wall_items: z.number().int(),
    campaigns: z.array(z.object({ name: z.string(), posts_published: z.number().int() })),
  })
  .openapi("PublicCounters");
