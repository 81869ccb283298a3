/**
 * Runs an erasure in the background, one bounded chunk per step (the lifecycle consumer runs steps
 * for about a second per queue message, then sends the next): the plan, then the subject type's steps
 * in order, each resumed from the erasure's cursor, then the end, which clears what the erasure held
 * of the person and writes the receipt's audit row. Every step writes the erasure only if it still
 * has the version the step read, so a repeated message never counts a chunk twice.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Erasure, ErasureCounts, ErasureSubjectType, ErasureWorking } from "../../db/schema/erasures.ts";
import { erasures } from "../../db/schema/erasures.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { auditEntry } from "../audit/record.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { purgeCachedBytes } from "../public/cache-keys.ts";
import { publishLive } from "../public/live.ts";
import { archivesChunk, exportsChunk, keptDeliveriesChunk, type ObjectStepResult } from "./objects.ts";
import { SCRUBBED_PLACES } from "./places.ts";
import { planErasure } from "./plan.ts";
import { scrubChunk } from "./scrub.ts";
import {
  approvalCommentsChunk,
  archivedSentimentChunk,
  authoredChunk,
  deleteDelegateStep,
  deleteUserStep,
  mentionsChunk,
  photoStep,
  wallFiltersStep,
} from "./subject.ts";
import { postgresPattern } from "./terms.ts";

/** Failure rows (and their kept deliveries in R2) looked at per step. */
const KEPT_DELIVERIES_PER_STEP = 20;

interface StepInput {
  ctx: TenantContext;
  row: Erasure;
  working: ErasureWorking;
  /** Rows per chunk (`LIFECYCLE_CHUNK_ROWS`). */
  limit: number;
}

interface Step {
  name: string;
  run: (input: StepInput) => Promise<ObjectStepResult>;
}

const scrubSteps: Step[] = SCRUBBED_PLACES.map((place) => ({
  name: `scrub:${place.table}`,
  run: async ({ ctx, row, working, limit }) => {
    const pattern = postgresPattern(working.terms);
    if (!pattern) return { done: true };
    const chunk = await scrubChunk(ctx, place, pattern, row.cursor, limit);
    return {
      done: chunk.scanned < limit,
      cursor: chunk.last ?? row.cursor,
      redacted: chunk.changed > 0 ? { [place.table]: chunk.changed } : {},
    };
  },
}));

const wallFilters: Step = { name: "wall_filters", run: ({ ctx, working }) => wallFiltersStep(ctx, working) };
const exportsStep: Step = {
  name: "exports",
  run: ({ ctx, row, working }) => exportsChunk(ctx, working, row.cursor),
};
const archivesStep: Step = {
  name: "archives",
  run: ({ ctx, row, working }) => archivesChunk(ctx, working, row.cursor),
};

/**
 * Tells every widget of the organisation to read again (their cached answers carry the event's
 * version, which moves on) and deletes the cached bytes that showed the person.
 */
const purgeCache: Step = {
  name: "public_cache",
  run: async ({ ctx, working }): Promise<ObjectStepResult> => {
    await Promise.all(working.widget_keys.map((key) => publishLive(ctx.config, key, [{ type: "refresh" }])));
    const purged = await purgeCachedBytes(working.cached_paths);
    return { done: true, removed: purged > 0 ? { cached_files: purged } : {} };
  },
};

const subjectId = (row: Erasure) => row.subjectId ?? "";

/**
 * Each subject type's steps, in order: free text first, R2 next, the person's own rows last; an
 * inbound author's items go before the archives, so retention cannot archive one the erasure passed.
 */
export const ERASURE_STEPS: Record<ErasureSubjectType, readonly Step[]> = {
  delegate: [
    ...scrubSteps,
    wallFilters,
    exportsStep,
    archivesStep,
    {
      name: "inbound_mentions",
      run: ({ ctx, row, limit }) => mentionsChunk(ctx, subjectId(row), limit),
    },
    { name: "photo", run: ({ ctx, row }) => photoStep(ctx, subjectId(row)) },
    { name: "delegate", run: ({ ctx, row }) => deleteDelegateStep(ctx, subjectId(row)) },
    purgeCache,
  ],
  user: [
    ...scrubSteps,
    exportsStep,
    archivesStep,
    {
      name: "approval_comments",
      run: ({ ctx, row, limit }) => approvalCommentsChunk(ctx, subjectId(row), limit),
    },
    { name: "user", run: ({ ctx, row }) => deleteUserStep(ctx, subjectId(row)) },
    purgeCache,
  ],
  inbound_author: [
    ...scrubSteps,
    wallFilters,
    {
      name: "kept_deliveries",
      run: ({ ctx, row, working }) => keptDeliveriesChunk(ctx, working, row.cursor, KEPT_DELIVERIES_PER_STEP),
    },
    exportsStep,
    { name: "authored", run: ({ ctx, working, limit }) => authoredChunk(ctx, working, limit) },
    archivesStep,
    {
      name: "archived_sentiment",
      run: ({ ctx, working, limit }) => archivedSentimentChunk(ctx, working, limit),
    },
    purgeCache,
  ],
};

function add(into: Record<string, number>, more: Record<string, number> | undefined): Record<string, number> {
  const out = { ...into };
  for (const [kind, n] of Object.entries(more ?? {})) out[kind] = (out[kind] ?? 0) + n;
  return out;
}

/** The erasure moved on from `row.version`; nothing when another run moved it first. */
function advance(db: Database, ctx: TenantContext, row: Erasure, set: Partial<typeof erasures.$inferInsert>) {
  return db
    .update(erasures)
    .set({ ...set, version: sql`${erasures.version} + 1`, updatedAt: sql`now()` })
    .where(ownedBy(ctx, erasures.organizationId, eq(erasures.id, row.id), eq(erasures.version, row.version)))
    .returning({ id: erasures.id });
}

/** The end: completed, the person's terms and key dropped, the receipt's counts audited. */
async function finish(ctx: TenantContext, row: Erasure): Promise<void> {
  await inTenant(ctx, (db) => ({
    moved: advance(db, ctx, row, {
      status: "completed",
      completedAt: ctx.now(),
      working: null,
      subjectKey: null,
      cursor: null,
    }),
    audit: auditEntry(ctx, db, {
      action: "erasure.complete",
      entityType: "erasure",
      entityId: row.id,
      changes: { subject_type: row.subjectType, removed: row.counts.removed, redacted: row.counts.redacted },
      guard: erasures,
    }),
  }));
}

/** A subject that is gone before the plan: nothing to look for, the erasure fails (and says why). */
async function subjectGone(ctx: TenantContext, row: Erasure): Promise<void> {
  await inTenant(ctx, (db) => ({
    moved: advance(db, ctx, row, {
      status: "failed",
      error: "The person is no longer in the organisation.",
      subjectKey: null,
      completedAt: ctx.now(),
    }),
    audit: auditEntry(ctx, db, {
      action: "erasure.fail",
      entityType: "erasure",
      entityId: row.id,
      guard: erasures,
    }),
  }));
}

/** One step of an erasure; `more` while it is not finished. */
export async function runErasureStep(
  config: Config,
  organizationId: string,
  erasureId: string,
): Promise<{ more: boolean }> {
  const ctx = systemContext(config, organizationId, "erasure");
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(erasures)
      .where(ownedBy(ctx, erasures.organizationId, eq(erasures.id, erasureId))),
  }));
  const row = rows[0];
  if (!row || (row.status !== "queued" && row.status !== "running")) return { more: false };
  if (row.status === "queued" || !row.working) {
    const working = await planErasure(ctx, row);
    if (!working) {
      await subjectGone(ctx, row);
      return { more: false };
    }
    await inTenant(ctx, (db) => ({
      moved: advance(db, ctx, row, {
        status: "running",
        startedAt: ctx.now(),
        working,
        step: 0,
        cursor: null,
      }),
    }));
    return { more: true };
  }
  const steps = ERASURE_STEPS[row.subjectType];
  const step = steps[row.step];
  if (!step) {
    await finish(ctx, row);
    return { more: false };
  }
  const result = await step.run({ ctx, row, working: row.working, limit: config.LIFECYCLE_CHUNK_ROWS });
  const counts: ErasureCounts = {
    removed: add(row.counts.removed, result.removed),
    redacted: add(row.counts.redacted, result.redacted),
  };
  await inTenant(ctx, (db) => ({
    moved: advance(db, ctx, row, {
      step: result.done ? row.step + 1 : row.step,
      cursor: result.done ? null : (result.cursor ?? null),
      counts,
      ...(result.working ? { working: result.working } : {}),
    }),
  }));
  return { more: true };
}
