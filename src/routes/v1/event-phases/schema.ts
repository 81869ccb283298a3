import { z } from "@hono/zod-openapi";
import type { EventPhase } from "../../../db/schema/event-phases.ts";
import { PHASE_WINDOW_DAYS } from "../../../services/phases/phases.ts";
import { DateTimeSchema, IdParams } from "../common.ts";

export const PhaseParams = IdParams.extend({
  phase_id: z
    .uuid()
    .openapi({ param: { name: "phase_id", in: "path" }, example: "0d6f0f4e-0000-4000-8000-000000000011" }),
});

export const PhaseSchema = z
  .object({
    id: z.uuid(),
    event_id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    starts_at: z.iso.datetime().nullable(),
    ends_at: z.iso.datetime().nullable(),
    sort_order: z.int(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("EventPhase");

export function toPhase(row: EventPhase): z.infer<typeof PhaseSchema> {
  return {
    id: row.id,
    event_id: row.eventId,
    name: row.name,
    description: row.description,
    starts_at: row.startsAt?.toISOString() ?? null,
    ends_at: row.endsAt?.toISOString() ?? null,
    sort_order: row.sortOrder,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const PhaseFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullable(),
  starts_at: DateTimeSchema,
  ends_at: DateTimeSchema.openapi({
    description: `After starts_at (else 400 validation_failed, \`date_order\`); the phase lies within the event or at most ${PHASE_WINDOW_DAYS} days before or after it (else 400 phase_outside_event)`,
  }),
  sort_order: z.int().min(0).max(10_000),
};
