/** /v1/events: create, list, read, update, delete (soft) and restore. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { events } from "../../../db/schema/events.ts";
import { etagOf } from "../../../services/conditional.ts";
import {
  createEvent,
  EVENT_SORTS,
  getEvent,
  listEvents,
  updateEvent,
} from "../../../services/events/events.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams, withEtag } from "../common.ts";
import { registerLifecycle, softDeletes } from "../lifecycle.ts";
import { EventFields, EventSchema, EventStatusSchema, toEvent } from "./schema.ts";

const CreateEventBody = z
  .strictObject({
    ...EventFields,
    description: EventFields.description.optional(),
    social_handles: EventFields.social_handles.optional(),
    official_hashtags: EventFields.official_hashtags.optional(),
    status: EventFields.status.optional(),
  })
  .openapi("CreateEventRequest", {
    example: {
      name: "Africa Energy Summit 2027",
      slug: "aes-2027",
      start_date: "2027-03-10T08:00:00+03:00",
      end_date: "2027-03-11T18:00:00+03:00",
      timezone: "Africa/Nairobi",
      official_hashtags: ["#AES2027", "EnergyTransition"],
      social_handles: { x: "@AESummit" },
    },
  });

const UpdateEventBody = z
  .strictObject(
    Object.fromEntries(Object.entries(EventFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof EventFields]: z.ZodOptional<(typeof EventFields)[K]>;
    },
  )
  .openapi("UpdateEventRequest", {
    example: { name: "Africa Energy Summit 2027 (Nairobi)", status: "scheduled" },
  });

export const createEventRoute = authedRoute({
  method: "post",
  path: "/v1/events",
  tags: ["Events"],
  summary: "Create an event",
  permission: "events:write",
  request: { body: { required: true, content: { "application/json": { schema: CreateEventBody } } } },
  responses: { 201: withEtag(EventSchema, "Created"), ...errorResponses(409) },
});

export const listEventsRoute = authedRoute({
  method: "get",
  path: "/v1/events",
  tags: ["Events"],
  summary: "List events",
  permission: "events:read",
  request: {
    query: PaginationQuery.extend({
      status: EventStatusSchema.optional(),
      q: z.string().min(1).max(100).optional().openapi({ description: "Name or slug starts with" }),
      starts_after: DateTimeSchema.optional(),
      starts_before: DateTimeSchema.optional(),
      sort: z
        .enum(EVENT_SORTS)
        .optional()
        .openapi({ description: "A field; a leading - sorts descending (default -start_date)" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(EventSchema, "EventList") } },
    },
  },
});

export function registerEvents(app: OpenAPIHono<AppEnv>) {
  app.openapi(createEventRoute, async (c) => {
    const event = await createEvent(c.get("tenant"), c.req.valid("json"));
    c.header("etag", etagOf(event.updatedAt));
    c.header("location", `/v1/events/${event.id}`);
    return c.json(toEvent(event), 201);
  });
  app.openapi(listEventsRoute, async (c) => {
    const page = await listEvents(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toEvent), next_cursor: page.next_cursor }, 200);
  });
  registerLifecycle(app, {
    path: "/v1/events/{id}",
    params: IdParams,
    tag: "Events",
    noun: "an event",
    permissions: { read: "events:read", write: "events:write" },
    schema: EventSchema,
    toWire: toEvent,
    get: (ctx, { id }) => getEvent(ctx, id),
    update: {
      body: UpdateEventBody,
      run: (ctx, { id }, body, ifMatch) => updateEvent(ctx, id, body, ifMatch),
    },
    ...softDeletes(events, "event"),
  });
}
