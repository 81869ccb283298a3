/** POST /v1/sessions/{id}/move and POST /v1/event-phases/{id}/move: a time change, with what follows it. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { etagOf } from "../../../services/conditional.ts";
import { movePhase, moveSession } from "../../../services/sessions/move.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, IfMatchHeader } from "../common.ts";
import { PhaseSchema, toPhase } from "../event-phases/schema.ts";
import { FollowedSchema, MoveBody, SessionSchema, toFollowed, toSession } from "./schema.ts";

const FOLLOWS = [
  "In the same transaction, everything scheduled relative to what moved follows: the content's scheduled_for",
  "(unless it is already publishing or published), its waiting posts (a post already claimed or being published",
  "goes out as it is, and is counted in posts.in_flight), and the deadlines of its pending approval requests",
  "that count back from the publish time. The content's author and the current approvers are notified",
  "(schedule.moved). A post whose new time has passed, or that the move carries out of the event's dates, is",
  "held (publish_status held, schedule.held notification) until someone decides: POST /v1/content/{id}/publish-now,",
  "a new time through POST /v1/content/{id}/transitions (to scheduled, with scheduled_for or relative_to), or",
  "unscheduling it (to approved). A held post stays held through later moves, at its new time.",
].join(" ");

const MoveSessionResult = z
  .object({ session: SessionSchema, followed: FollowedSchema })
  .openapi("EventSessionMoveResult");

const MovePhaseResult = z
  .object({
    phase: PhaseSchema,
    sessions_moved: z.int().openapi({ description: "Sessions of the phase, moved by the same shift" }),
    followed: FollowedSchema,
  })
  .openapi("EventPhaseMoveResult");

export const moveSessionRoute = authedRoute({
  method: "post",
  path: "/v1/sessions/{id}/move",
  tags: ["Sessions"],
  summary: "Move a session; what is scheduled relative to it follows",
  description: `The new start (starts_at, or shift_minutes from the current one) keeps the duration unless ends_at is given. The session stays within its phase (else 400 session_outside_phase: move the phase). ${FOLLOWS}`,
  permission: "events:write",
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: MoveBody } } },
  },
  responses: {
    200: {
      description: "The session at its new time, and what followed",
      headers: { ETag: { schema: { type: "string" }, description: "The session's new ETag" } },
      content: { "application/json": { schema: MoveSessionResult } },
    },
    ...errorResponses(404, 412),
  },
});

export const movePhaseRoute = authedRoute({
  method: "post",
  path: "/v1/event-phases/{id}/move",
  tags: ["Events"],
  summary: "Move a phase with its sessions; what is scheduled relative to them follows",
  description: `The phase and every session in it move by the same shift (starts_at or shift_minutes); the phase's end moves by it too unless ends_at is given (a shorter phase that would leave a session out is 409 sessions_outside_phase). The phase stays within the event's window (400 phase_outside_event) and off other phases (409 phase_overlap). ${FOLLOWS}`,
  permission: "events:write",
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: MoveBody } } },
  },
  responses: {
    200: {
      description: "The phase at its new time, and what followed",
      headers: { ETag: { schema: { type: "string" }, description: "The phase's new ETag" } },
      content: { "application/json": { schema: MovePhaseResult } },
    },
    ...errorResponses(404, 412),
  },
});

export function registerMoves(app: OpenAPIHono<AppEnv>) {
  app.openapi(moveSessionRoute, async (c) => {
    const { session, followed } = await moveSession(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
      c.get("logger"),
    );
    c.header("etag", etagOf(session.updatedAt));
    return c.json({ session: toSession(session), followed: toFollowed(followed) }, 200);
  });
  app.openapi(movePhaseRoute, async (c) => {
    const { phase, sessionsMoved, followed } = await movePhase(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
      c.get("logger"),
    );
    c.header("etag", etagOf(phase.updatedAt));
    return c.json(
      { phase: toPhase(phase), sessions_moved: sessionsMoved, followed: toFollowed(followed) },
      200,
    );
  });
}
