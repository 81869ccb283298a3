/** /v1/events/{id}/phases: create, list, read, update, delete (soft) and restore an event's phases. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import {
  createPhase,
  deletePhase,
  getPhase,
  listPhases,
  PHASE_WINDOW_DAYS,
  restorePhase,
  updatePhase,
} from "../../../services/phases/phases.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, withEtag } from "../common.ts";
import { registerLifecycle } from "../lifecycle.ts";
import { PhaseFields, PhaseParams, PhaseSchema, toPhase } from "./schema.ts";

const RULES = [
  `A phase lies within its event: from at most ${PHASE_WINDOW_DAYS} days before the event's start_date (a pre-event phase)`,
  `to at most ${PHASE_WINDOW_DAYS} days after its end_date (a post-event phase); otherwise 400 phase_outside_event, which lists the bounds.`,
  "Phases of one event never overlap (each runs from starts_at up to, not including, ends_at; one may start when the previous ends);",
  "an overlap is 409 phase_overlap naming the phase overlapped, also when two requests race. A deleted event, or another organisation's, is 404 event_not_found.",
].join(" ");

const CreatePhaseBody = z
  .strictObject({
    ...PhaseFields,
    description: PhaseFields.description.optional(),
    sort_order: PhaseFields.sort_order.optional().openapi({
      description: "Display order; by default the phase's position by starts_at among the event's phases",
    }),
  })
  .openapi("CreateEventPhaseRequest", {
    example: { name: "Day 1", starts_at: "2027-03-10T08:00:00+03:00", ends_at: "2027-03-10T21:00:00+03:00" },
  });

const UpdatePhaseBody = z
  .strictObject(
    Object.fromEntries(Object.entries(PhaseFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof PhaseFields]: z.ZodOptional<(typeof PhaseFields)[K]>;
    },
  )
  .openapi("UpdateEventPhaseRequest", { example: { name: "Day 1: Opening", sort_order: 1 } });

export const createPhaseRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/phases",
  tags: ["Events"],
  summary: "Add a phase to an event",
  description: RULES,
  permission: "events:write",
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: CreatePhaseBody } } },
  },
  responses: { 201: withEtag(PhaseSchema, "Created"), ...errorResponses(404, 409) },
});

export const listPhasesRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/phases",
  tags: ["Events"],
  summary: "List an event's phases, by start",
  permission: "events:read",
  request: { params: IdParams, query: PaginationQuery },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(PhaseSchema, "EventPhaseList") } },
    },
    ...errorResponses(404),
  },
});

export function registerEventPhases(app: OpenAPIHono<AppEnv>) {
  app.openapi(createPhaseRoute, async (c) => {
    const eventId = c.req.valid("param").id;
    const phase = await createPhase(c.get("tenant"), eventId, c.req.valid("json"));
    c.header("etag", etagOf(phase.updatedAt));
    c.header("location", `/v1/events/${eventId}/phases/${phase.id}`);
    return c.json(toPhase(phase), 201);
  });
  app.openapi(listPhasesRoute, async (c) => {
    const page = await listPhases(c.get("tenant"), c.req.valid("param").id, c.req.valid("query"));
    return c.json({ data: page.data.map(toPhase), next_cursor: page.next_cursor }, 200);
  });
  registerLifecycle(app, {
    path: "/v1/events/{id}/phases/{phase_id}",
    params: PhaseParams,
    tag: "Events",
    noun: "a phase",
    permissions: { read: "events:read", write: "events:write" },
    schema: PhaseSchema,
    toWire: toPhase,
    get: (ctx, { id, phase_id }) => getPhase(ctx, id, phase_id),
    update: {
      body: UpdatePhaseBody,
      run: (ctx, { id, phase_id }, body, ifMatch) => updatePhase(ctx, id, phase_id, body, ifMatch),
    },
    delete: (ctx, { id, phase_id }) => deletePhase(ctx, id, phase_id),
    restore: (ctx, { id, phase_id }) => restorePhase(ctx, id, phase_id),
    docs: {
      update: { description: RULES },
      restore: {
        summary: "Restore a deleted phase (409 phase_overlap if another phase took its time meanwhile)",
      },
    },
  });
}
