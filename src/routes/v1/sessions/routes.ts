/** Sessions: create and list under /v1/events/{id}/sessions; read, edit, delete, restore at /v1/sessions/{id}. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import {
  createSession,
  deleteSession,
  getSession,
  listSessions,
  restoreSession,
  updateSession,
} from "../../../services/sessions/sessions.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { DateTimeSchema, IdParams, timeRange, withEtag } from "../common.ts";
import { registerLifecycle } from "../lifecycle.ts";
import { CreateSessionBody, SessionParams, SessionSchema, toSession, UpdateSessionBody } from "./schema.ts";

const RULES = [
  "A session lies within its phase (from the phase's start to its end; a phase may reach 90 days before or after the event, so sessions of pre- and post-event phases are fine), else 400 session_outside_phase with the bounds;",
  "without phase_id it goes in the phase containing starts_at. Speakers are delegates of the same event (400 unknown_speaker).",
  "A deleted event, or another organisation's, is 404 event_not_found; an unknown phase 404 event_phase_not_found.",
].join(" ");

export const createSessionRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/sessions",
  tags: ["Sessions"],
  summary: "Add a session to an event's agenda",
  description: RULES,
  permission: "events:write",
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: CreateSessionBody } } },
  },
  responses: { 201: withEtag(SessionSchema, "Created"), ...errorResponses(404) },
});

export const listSessionsRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/sessions",
  tags: ["Sessions"],
  summary: "The event's agenda: its sessions in programme order",
  permission: "events:read",
  request: {
    params: IdParams,
    query: PaginationQuery.extend({
      phase_id: z.uuid().optional(),
      speaker_id: z.uuid().optional().openapi({ description: "Sessions this delegate speaks at" }),
      room: z.string().trim().min(1).max(200).optional(),
      from: DateTimeSchema.optional().openapi({ description: "Starting at or after" }),
      to: DateTimeSchema.optional().openapi({ description: "Starting before; not before `from` (400)" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(SessionSchema, "EventSessionList") } },
    },
    ...errorResponses(404),
  },
});

export function registerSessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(createSessionRoute, async (c) => {
    const session = await createSession(c.get("tenant"), c.req.valid("param").id, c.req.valid("json"));
    c.header("etag", etagOf(session.updatedAt));
    c.header("location", `/v1/sessions/${session.id}`);
    return c.json(toSession(session), 201);
  });
  app.openapi(listSessionsRoute, async (c) => {
    const query = c.req.valid("query");
    const { from, to } = timeRange(query);
    const page = await listSessions(c.get("tenant"), c.req.valid("param").id, { ...query, from, to });
    return c.json({ data: page.data.map(toSession), next_cursor: page.next_cursor }, 200);
  });
  registerLifecycle(app, {
    path: "/v1/sessions/{id}",
    params: SessionParams,
    tag: "Sessions",
    noun: "a session",
    permissions: { read: "events:read", write: "events:write" },
    schema: SessionSchema,
    toWire: toSession,
    get: (ctx, { id }) => getSession(ctx, id),
    update: {
      body: UpdateSessionBody,
      run: (ctx, { id }, body, ifMatch) => updateSession(ctx, id, body, ifMatch),
    },
    delete: (ctx, { id }) => deleteSession(ctx, id),
    restore: (ctx, { id }) => restoreSession(ctx, id),
    docs: {
      update: {
        description:
          "Title, description, room and speakers (replaced as a whole, 400 unknown_speaker). Times change through POST /v1/sessions/{id}/move.",
      },
      delete: {
        summary: "Remove a session from the agenda (restorable)",
        description: "Content scheduled relative to it keeps its last time.",
      },
    },
  });
}
