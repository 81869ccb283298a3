/** The wire form of a relative schedule (services/sessions/relative.ts): content's alternative to a clock time. */
import { z } from "@hono/zod-openapi";
import { RELATIVE_EDGES } from "../../../db/schema/content.ts";

/** How far from its anchor content may be scheduled: 30 days either way. */
const MAX_OFFSET_MINUTES = 43_200;

export const RelativeToSchema = z
  .strictObject({
    session_id: z.uuid().optional().openapi({ description: "A session of the content's event" }),
    phase_id: z.uuid().optional().openapi({ description: "A phase of the content's event" }),
    edge: z
      .enum(RELATIVE_EDGES)
      .openapi({ description: "Count from the session's (or phase's) start or end" }),
    offset_minutes: z
      .int()
      .min(-MAX_OFFSET_MINUTES)
      .max(MAX_OFFSET_MINUTES)
      .openapi({ description: "Minutes after the edge (negative: before); at most 30 days", example: 10 }),
  })
  .refine((r) => (r.session_id === undefined) !== (r.phase_id === undefined), {
    message: "Give either session_id or phase_id.",
    path: ["session_id"],
  })
  .openapi("RelativeTo", {
    description:
      "Exactly one of session_id and phase_id, of the content's event (404 if unknown, 422 relative_anchor_outside_event if of another event). scheduled_for is computed from it and follows the session or phase when it moves.",
    example: { session_id: "0d6f0f4e-0000-4000-8000-000000000041", edge: "start", offset_minutes: 10 },
  });
