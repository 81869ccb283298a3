/** The `scheduled()` entry: each cron of wrangler.toml names one job. */
import { sql } from "drizzle-orm";
import { sendBatch } from "./db/batch.ts";
import { createDb } from "./db/client.ts";
import type { Bindings } from "./env.ts";
import { loadConfig } from "./env.ts";
import { createLogger } from "./platform/logger.ts";
import { wakeOverdueApprovalRequests } from "./services/approvals/sweep.ts";
import { replayDueDeliveries } from "./services/inbound/delivery-archive.ts";
import { dispatchDueListeners } from "./services/inbound/listen.ts";
import { requeueStuckMedia } from "./services/media/sweep.ts";
import { dispatchDueMeasurements } from "./services/metrics/dispatch.ts";
import { dueClosures, startClosures } from "./services/organization/closure-dispatch.ts";
import { dispatchDuePosts } from "./services/publishing/dispatch.ts";
import { dueOrganizations, startRetention } from "./services/retention/dispatch.ts";
import { expireKeptDeliveries } from "./services/retention/kept-deliveries.ts";
import { refreshExpiringTokens } from "./services/social-accounts/refresh-due.ts";
import { dispatchDueWebhooks, WEBHOOK_HISTORY_DAYS } from "./services/webhooks/dispatch.ts";

export const CRON_DISPATCH_DUE_POSTS = "* * * * *";
export const CRON_MAINTAIN_PARTITIONS = "0 3 * * *";

export async function handleScheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL, { cron: controller.cron });
  switch (controller.cron) {
    case CRON_MAINTAIN_PARTITIONS: {
      // Partitions are created a year ahead, so a missed night never leaves rows without a home.
      // Idempotency keys live 24 hours; expired ones are taken over on reuse and purged here, and so
      // are webhook events (with their delivery log) after WEBHOOK_HISTORY_DAYS. Retention (README,
      // "Data lifecycle") runs for each organisation with anything due, in queued steps, and so does
      // the purge of each closed organisation whose grace period is over.
      const asOf = new Date(controller.scheduledTime);
      const db = createDb(config);
      const { purged, webhooks, due, closures } = await sendBatch(db, {
        partitions: db.execute(sql`select ensure_partitions(current_date, 12)`),
        purged: db.execute<{ purged: number }>(sql`select purge_expired_idempotency_keys() as purged`),
        webhooks: db.execute<{ purged: number }>(
          sql`select purge_webhook_history(${WEBHOOK_HISTORY_DAYS}) as purged`,
        ),
        due: dueOrganizations(db, asOf),
        closures: dueClosures(db, asOf),
      });
      const retaining = await startRetention(
        config,
        due.rows.map((r) => r.id),
        asOf,
        logger,
      );
      const closing = await startClosures(
        config,
        closures.rows.map((r) => r.id),
        asOf,
        logger,
      );
      await expireKeptDeliveries(config, asOf, logger);
      logger.info("partitions ensured, expired idempotency keys and webhook history purged", {
        purged: purged.rows[0]?.purged,
        webhook_events: webhooks.rows[0]?.purged,
        retaining,
        closing,
      });
      return;
    }
    case CRON_DISPATCH_DUE_POSTS: {
      const now = new Date(controller.scheduledTime);
      const db = createDb(config);
      // Independent jobs: one failing must not hold back the others. The run still fails (and
      // is logged as failed) when any of them did.
      const results = await Promise.allSettled([
        dispatchDuePosts(db, config.PUBLISH_QUEUE, logger).then((dispatched) => {
          if (dispatched.claimed > 0) logger.info("due posts dispatched", { ...dispatched });
        }),
        // Tokens are renewed well ahead of expiry (or their account marked), so a post never meets an expired one.
        refreshExpiringTokens(config, now),
        wakeOverdueApprovalRequests(db, config, now, logger),
        requeueStuckMedia(db, config.MEDIA_QUEUE, logger),
        // Bluesky has no webhooks, and hashtags are searched: each due listener gets one turn.
        dispatchDueListeners(config, db, now).then((queued) => {
          if (queued > 0) logger.info("listeners queued", { queued });
        }),
        // Deliveries that failed for good are kept in R2 and sent through the queue again with backoff.
        replayDueDeliveries(config, now, logger),
        // Published posts are measured on a decaying schedule, one platform call per account and batch.
        dispatchDueMeasurements(db, config, logger).then((measuring) => {
          if (measuring.claimed > 0) logger.info("measurements queued", { ...measuring });
        }),
        // Webhook deliveries whose turn has come (new events, and any whose message was lost).
        dispatchDueWebhooks(db, config.WEBHOOKS_QUEUE, logger).then((webhooks) => {
          if (webhooks.claimed > 0) logger.info("webhook deliveries queued", { ...webhooks });
        }),
      ]);
      const failure = results.find((r) => r.status === "rejected");
      if (failure) throw failure.reason;
      return;
    }
    default:
      logger.warn("unknown cron", {});
  }
}
