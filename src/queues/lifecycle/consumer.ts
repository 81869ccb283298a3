import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import { failErasure, queueErasureStep } from "../../services/erasure/housekeeping.ts";
import { runErasureStep } from "../../services/erasure/steps.ts";
import { runExportStep } from "../../services/exports/build.ts";
import { failExport, queueExportStep } from "../../services/exports/housekeeping.ts";
import { runClosureStep } from "../../services/organization/closure-purge.ts";
import { runRetentionStep } from "../../services/retention/step.ts";
import type { LifecycleStep } from "./message.ts";

/** Steps one message chain may take: far above any real run, it stops a bug from looping forever. */
export const MAX_LIFECYCLE_STEPS = 100_000;
/**
 * A message runs bounded steps one after another until this much time has passed, then hands on to
 * the next message: an invocation stays short however much is left, and a small organisation's run
 * does not wait for a queue hop per empty table.
 */
export const STEPS_BUDGET_MS = 1000;
/** An export or erasure whose step has failed this often is given up (the queue's own retries end at 5). */
const EXPORT_ATTEMPTS = 5;

async function runSteps(config: Config, body: LifecycleStep): Promise<{ more: boolean; steps: number }> {
  const started = Date.now();
  let steps = body.steps;
  for (;;) {
    const { more } =
      body.type === "retention"
        ? await runRetentionStep(config, body.organization_id, new Date(body.as_of))
        : body.type === "closure"
          ? await runClosureStep(config, body.organization_id, new Date(body.as_of))
          : body.type === "erasure"
            ? await runErasureStep(config, body.organization_id, body.erasure_id)
            : await runExportStep(config, body.organization_id, body.export_id);
    steps += 1;
    if (!more || steps >= MAX_LIFECYCLE_STEPS || Date.now() - started >= STEPS_BUDGET_MS)
      return { more, steps };
  }
}

/**
 * Runs steps and, while there is more, sends the next message. A step that fails is retried with
 * backoff; an export or erasure that keeps failing is marked failed, a retention run is picked up
 * again by the next night's cron.
 */
export async function handleLifecycleMessage(
  message: Message<unknown>,
  body: LifecycleStep,
  ctx: { config: Config; logger: Logger },
): Promise<void> {
  try {
    const { more, steps } = await runSteps(ctx.config, body);
    if (more && steps >= MAX_LIFECYCLE_STEPS) {
      ctx.logger.error("a data lifecycle run stopped after too many steps", { type: body.type, steps });
    } else if (more && body.type === "erasure") {
      await queueErasureStep(
        ctx.config,
        { organizationId: body.organization_id, id: body.erasure_id },
        steps,
      );
    } else if (more && body.type === "export") {
      await queueExportStep(ctx.config, { organizationId: body.organization_id, id: body.export_id }, steps);
    } else if (more) {
      await ctx.config.LIFECYCLE_QUEUE.send({ ...body, steps }, { contentType: "json" });
    }
    message.ack();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.logger.warn("a data lifecycle step failed", {
      type: body.type,
      attempts: message.attempts,
      error: reason,
    });
    if (body.type === "erasure" && message.attempts >= EXPORT_ATTEMPTS) {
      await failErasure(ctx.config, body.organization_id, body.erasure_id);
      message.ack();
      return;
    }
    if (body.type === "export" && message.attempts >= EXPORT_ATTEMPTS) {
      await failExport(ctx.config, body.organization_id, body.export_id, reason);
      message.ack();
      return;
    }
    message.retry({ delaySeconds: Math.min(300, 5 * 2 ** message.attempts) });
  }
}
