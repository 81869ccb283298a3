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
import { restore, softDelete } from "../../../services/soft-delete.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams, IfMatchHeader } from "../common.ts";
import { EventFields, EventSchema, EventStatusSchema, toEvent } from "./schema.ts";

const one = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const }, description: "Send as If-Match to update" } },
  content: { "application/json": { schema: EventSchema } },
});

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
  responses: { 201: one("Created"), ...errorResponses(409) },
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

export const getEventRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}",
  tags: ["Events"],
  summary: "Read an event",
  permission: "events:read",
  request: { params: IdParams },
  responses: { 200: one("The event"), ...errorResponses(404) },
});

export const updateEventRoute = authedRoute({
  method: "patch",
  path: "/v1/events/{id}",
  tags: ["Events"],
  summary: "Update an event (send If-Match to refuse stale edits)",
  permission: "events:write",
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateEventBody } } },
  },
  responses: { 200: one("Updated"), ...errorResponses(404, 409, 412) },
});

export const deleteEventRoute = authedRoute({
  method: "delete",
  path: "/v1/events/{id}",
  tags: ["Events"],
  summary: "Delete an event (restorable)",
  permission: "events:write",
  request: { params: IdParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
});

export const restoreEventRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/restore",
  tags: ["Events"],
  summary: "Restore a deleted event",
  permission: "events:write",
  request: { params: IdParams },
  responses: { 200: one("Restored"), ...errorResponses(404) },
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
  app.openapi(getEventRoute, async (c) => {
    const event = await getEvent(c.get("tenant"), c.req.valid("param").id);
    c.header("etag", etagOf(event.updatedAt));
    return c.json(toEvent(event), 200);
  });
  app.openapi(updateEventRoute, async (c) => {
    const event = await updateEvent(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
    );
    c.header("etag", etagOf(event.updatedAt));
    return c.json(toEvent(event), 200);
  });
  app.openapi(deleteEventRoute, async (c) => {
    await softDelete(c.get("tenant"), { table: events, id: c.req.valid("param").id, entity: "event" });
    return c.body(null, 204);
  });
  app.openapi(restoreEventRoute, async (c) => {
    const event = await restore(c.get("tenant"), {
      table: events,
      id: c.req.valid("param").id,
      entity: "event",
    });
    c.header("etag", etagOf(event.updatedAt));
    return c.json(toEvent(event), 200);
  });
}
