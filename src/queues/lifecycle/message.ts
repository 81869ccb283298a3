import { z } from "zod";

/**
 * One step of the data lifecycle (services/retention, services/exports, services/erasure, and a
 * closed organisation's purge, services/organization/closure-purge.ts): the consumer does one
 * bounded chunk and, while there is more, sends the message again with `steps` + 1.
 * Everything else lives in Postgres, so a lost or repeated message loses or repeats nothing.
 */
export const LifecycleMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("retention"),
    organization_id: z.uuid(),
    /** The nightly run's time: what is due is judged as of then, however long the run takes. */
    as_of: z.iso.datetime(),
    steps: z.int().min(0).default(0),
  }),
  z.strictObject({
    type: z.literal("export"),
    organization_id: z.uuid(),
    export_id: z.uuid(),
    steps: z.int().min(0).default(0),
  }),
  z.strictObject({
    /** The purge of a closed organisation (services/organization/closure-purge.ts). */
    type: z.literal("closure"),
    organization_id: z.uuid(),
    /** The nightly run's time: a closure whose grace period is not over by then waits. */
    as_of: z.iso.datetime(),
    steps: z.int().min(0).default(0),
  }),
  z.strictObject({
    type: z.literal("erasure"),
    organization_id: z.uuid(),
    erasure_id: z.uuid(),
    steps: z.int().min(0).default(0),
  }),
]);
/** As sent (`steps` may be left out). */
export type LifecycleMessage = z.input<typeof LifecycleMessageSchema>;
/** As the consumer reads it. */
export type LifecycleStep = z.output<typeof LifecycleMessageSchema>;
