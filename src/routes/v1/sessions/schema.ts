import { z } from "@hono/zod-openapi";
import type { Followed } from "../../../services/sessions/follow.ts";
import type { SessionView } from "../../../services/sessions/sessions.ts";
import { DateTimeSchema, IdParams, SetOf } from "../common.ts";
import { WorkflowStatusSchema } from "../content/schema.ts";

export const SessionParams = IdParams;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Delegate ids of the session's event, in programme order. */
export const SpeakersSchema = SetOf(z.uuid(), 50).openapi({
  description:
    "Delegate ids of the session's event, in programme order (else 400 unknown_speaker, listing them); each at most once",
  example: ["0d6f0f4e-0000-4000-8000-000000000031"],
});

/** The rules of every session field: the JSON create and update, and each row of a CSV import. */
export const SessionFields = {
  title: text(300).openapi({ example: "Opening keynote" }),
  description: z.string().max(5000).nullable(),
  room: text(200).nullable().openapi({ example: "Main hall" }),
  phase_id: z.uuid().openapi({
    description: "A phase of the event; by default the phase that contains starts_at",
  }),
  starts_at: DateTimeSchema,
  ends_at: DateTimeSchema.openapi({
    description:
      "Not before starts_at (else 400 validation_failed, `date_order`); the session lies within its phase (else 400 session_outside_phase, with the bounds)",
  }),
  speakers: SpeakersSchema,
};

export const CreateSessionBody = z
  .strictObject({
    title: SessionFields.title,
    description: SessionFields.description.optional(),
    room: SessionFields.room.optional(),
    phase_id: SessionFields.phase_id.optional(),
    starts_at: SessionFields.starts_at,
    ends_at: SessionFields.ends_at,
    speakers: SessionFields.speakers.optional(),
  })
  .openapi("CreateEventSessionRequest", {
    example: {
      title: "Opening keynote",
      room: "Main hall",
      starts_at: "2027-03-10T09:00:00+03:00",
      ends_at: "2027-03-10T09:45:00+03:00",
      speakers: ["0d6f0f4e-0000-4000-8000-000000000031"],
    },
  });

export const UpdateSessionBody = z
  .strictObject({
    title: SessionFields.title.optional(),
    description: SessionFields.description.optional(),
    room: SessionFields.room.optional(),
    speakers: SessionFields.speakers.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .openapi("UpdateEventSessionRequest", {
    minProperties: 1,
    description: "Times change through POST /v1/sessions/{id}/move, which takes relative schedules along.",
    example: { room: "Hall B" },
  });

export const MoveBody = z
  .strictObject({
    starts_at: DateTimeSchema.optional().openapi({ description: "The new start (or give shift_minutes)" }),
    shift_minutes: z
      .int()
      .min(-525_600)
      .max(525_600)
      .optional()
      .openapi({ description: "Minutes later (negative: earlier); or give starts_at", example: 15 }),
    ends_at: DateTimeSchema.optional().openapi({
      description: "The new end; by default the duration is kept",
    }),
  })
  .openapi("MoveRequest", {
    description: "Exactly one of starts_at and shift_minutes (else 400 validation_failed, `move_target`).",
    example: { shift_minutes: 15 },
  });

const SpeakerSchema = z
  .object({
    id: z.uuid(),
    title: z.string().nullable(),
    first_name: z.string(),
    last_name: z.string().nullable(),
    organization: z.string().nullable(),
  })
  .openapi("EventSessionSpeaker");

export const SessionSchema = z
  .object({
    id: z.uuid(),
    event_id: z.uuid(),
    phase_id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    room: z.string().nullable(),
    starts_at: z.iso.datetime(),
    ends_at: z.iso.datetime(),
    speakers: z.array(SpeakerSchema).openapi({ description: "In programme order" }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("EventSession");

export function toSession(row: SessionView): z.infer<typeof SessionSchema> {
  return {
    id: row.id,
    event_id: row.eventId,
    phase_id: row.phaseId,
    title: row.title,
    description: row.description,
    room: row.room,
    starts_at: row.startsAt.toISOString(),
    ends_at: row.endsAt.toISOString(),
    speakers: row.speakers,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const FollowedSchema = z
  .object({
    content: z
      .array(
        z.object({
          id: z.uuid(),
          title: z.string().nullable(),
          workflow_status: WorkflowStatusSchema,
          scheduled_for: z.object({ from: z.iso.datetime().nullable(), to: z.iso.datetime() }),
          posts: z.object({
            moved: z.int().openapi({ description: "Its waiting posts, moved to the new time" }),
            held: z.int().openapi({ description: "Of those, held" }),
          }),
          held: z.boolean().openapi({
            description: "Its posts wait for a decision: the new time has passed or left the event's dates",
          }),
        }),
      )
      .openapi({ description: "Content scheduled relative to what moved, with its old and new time" }),
    posts: z.object({
      moved: z.int().openapi({ description: "Waiting posts moved to their content's new time" }),
      held: z.int().openapi({ description: "Of those, posts now held (publish_status held)" }),
      in_flight: z.int().openapi({
        description: "Posts already claimed or being published: they go out as they are",
      }),
    }),
    approval_requests: z.int().openapi({ description: "Pending approval requests whose deadlines moved" }),
  })
  .openapi("MoveFollowed");

export function toFollowed(followed: Followed): z.infer<typeof FollowedSchema> {
  return {
    content: followed.content.map((item) => ({
      id: item.id,
      title: item.title,
      workflow_status: item.workflowStatus,
      scheduled_for: { from: item.from?.toISOString() ?? null, to: item.to.toISOString() },
      posts: { moved: item.postsMoved, held: item.postsHeld },
      held: item.held,
    })),
    posts: { moved: followed.postsMoved, held: followed.postsHeld, in_flight: followed.postsInFlight },
    approval_requests: followed.approvalRequestIds.length,
  };
}
